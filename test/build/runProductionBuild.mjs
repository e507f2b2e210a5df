/**
 * `npm run build` into another folder: the repo's webpack config, production mode, ADDIN_URL from the environment.
 * Nothing else is changed, so the files written are the files that ship. Runs as its own Node process: the config's
 * plugins use dynamic `import()`, which jest's module sandbox refuses. Usage: node runProductionBuild.mjs OUT_DIR
 */
import path from "path";
import { fileURLToPath, pathToFileURL } from "url";
import webpack from "webpack";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = process.argv[2];

(async () => {
  const { default: makeConfig } = await import(pathToFileURL(path.join(repo, "webpack.config.js")).href);
  const config = await makeConfig({}, { mode: "production" });
  config.context = repo;
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: "error" };
  webpack(config, (err, stats) => {
    if (err || stats.hasErrors()) {
      process.stderr.write(String(err ?? stats.toString({ all: false, errors: true })));
      process.exit(1);
    }
  });
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
