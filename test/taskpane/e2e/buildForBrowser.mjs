/**
 * Builds the add-in exactly as `npm run build` does (the repo's webpack config, production mode: minified, transpiled
 * for old webviews, split into the chunks taskpane.html loads), plus the browser Excel double as `fake-excel.js`, into
 * the folder given as the first argument. Only the output folder differs from the shipped build. Runs as its own Node process: the config's plugins use dynamic `import()`, which jest's
 * module sandbox refuses.
 */
import path from "path";
import { fileURLToPath, pathToFileURL } from "url";
import webpack from "webpack";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const outDir = process.argv[2];

/** The Excel double as one self-contained script, whatever the add-in's own config does with chunks. */
const fakeConfig = {
  mode: "development",
  context: repo,
  devtool: false,
  entry: { "fake-excel": "./test/taskpane/e2e/browserExcel.ts" },
  output: { path: outDir, filename: "[name].js" },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } } },
      },
    ],
  },
  infrastructureLogging: { level: "error" },
};

(async () => {
  const { default: makeConfig } = await import(pathToFileURL(path.join(repo, "webpack.config.js")).href);
  const config = await makeConfig({}, { mode: "production" });
  config.context = repo;
  // A fresh folder per run; cleaning would race with the double's build into the same folder.
  config.output = { ...config.output, path: outDir, clean: false };
  config.infrastructureLogging = { level: "error" };
  webpack([config, fakeConfig], (err, stats) => {
    if (err || stats.hasErrors()) {
      process.stderr.write(String(err ?? stats.toString({ all: false, errors: true })));
      process.exit(1);
    }
  });
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
