/**
 * Builds the standalone editor page (the task pane's real HTML template, CSP included) and the browser Excel double
 * into the folder given as the first argument. Its own Node process, like the pane's build for the browser tests.
 */
import path from "path";
import { fileURLToPath } from "url";
import webpack from "webpack";
import HtmlWebpackPlugin from "html-webpack-plugin";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const outDir = process.argv[2];

const config = {
  mode: "development",
  context: repo,
  // No eval-based source maps: the page's Content-Security-Policy forbids eval.
  devtool: false,
  entry: {
    editor: "./test/taskpane/profiles/editorPage.tsx",
    "fake-excel": "./test/taskpane/e2e/browserExcel.ts",
  },
  output: { path: outDir, filename: "[name].js" },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } } },
      },
    ],
  },
  performance: { hints: false },
  infrastructureLogging: { level: "error" },
  plugins: [new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["editor"] })],
};

webpack(config, (err, stats) => {
  if (err || stats.hasErrors()) {
    process.stderr.write(String(err ?? stats.toString({ all: false, errors: true })));
    process.exit(1);
  }
});
