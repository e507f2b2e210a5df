/**
 * What the installed command line is: the TypeScript compiler's output (dist/node/cli, one file per module) bundled by
 * webpack into dist/node/rfm, one file per process the command starts:
 *   rfm.js          the executable (`bin`), which runs main.js through V8's code cache (src/cli/codeCache.ts);
 *   main.js         the command line with the engine, its catalogues and commander;
 *   salesWorker.js, plainWorker.js  the reading threads, found beside main.js as beside their modules in dist/node/cli.
 *
 * Why a bundle: every run loaded 127 modules (about 60 ms over bare Node, resolving, reading and compiling them);
 * one file, compiled from the code cache, starts about 25 ms sooner (codeCache.ts has the figures). DuckDB stays outside (a native package,
 * optional: required only when a DuckDB reading is asked for). Not minified: a reported stack stays readable.
 */
"use strict";
const { join } = require("path");
const { BannerPlugin } = require("webpack");

const root = join(__dirname, "../..");
const compiled = join(root, "dist/node/cli");

/** The folder the bundles are written to, and the executable in it (package.json's `bin`). */
const bundleDir = join(root, "dist/node/rfm");
const executable = join(bundleDir, "rfm.js");

/** @type {import("webpack").Configuration} */
const config = {
  mode: "production",
  target: "node20",
  context: root,
  entry: {
    rfm: join(compiled, "rfm.js"),
    main: { import: join(compiled, "main.js"), library: { type: "commonjs2" } },
    salesWorker: join(compiled, "sales/salesWorker.js"),
    plainWorker: join(compiled, "plain/plainWorker.js"),
  },
  output: { path: bundleDir, filename: "[name].js", clean: true },
  externals: { "@duckdb/node-api": "commonjs @duckdb/node-api" },
  // __dirname is where the file runs from (the workers and package.json are found from it), not the build's folder.
  node: { __dirname: false, __filename: false },
  devtool: false,
  optimization: { minimize: false, nodeEnv: false },
  performance: { hints: false },
  plugins: [new BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, include: /^rfm\.js$/ })],
};

module.exports = { config, bundleDir, executable };
