/**
 * Builds the browser Excel double as `fake-excel.js` into the folder given as the first argument (the add-in itself
 * comes from the shared production build, test/build/productionBuild.ts). Runs as its own Node process, as webpack
 * builds do in these tests.
 */
import path from "path";
import { fileURLToPath } from "url";
import webpack from "webpack";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const outDir = process.argv[2];

/** The Excel double as one self-contained script (a test tool, not shipped: development mode). */
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
        use: {
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } },
        },
      },
    ],
  },
  infrastructureLogging: { level: "error" },
};

webpack(fakeConfig, (err, stats) => {
  if (err || stats.hasErrors()) {
    process.stderr.write(String(err ?? stats.toString({ all: false, errors: true })));
    process.exit(1);
  }
});
