/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file that webpack-cli loads as is */
/* global require, module, process, __dirname */

const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { finishMetadata, localizeMetadata } = require("./src/functions/localizeMetadata.js");
const { DEV_URL, ADDIN_URL_VARIABLE, addinUrlFrom, buildManifest, manifestVersion } = require("./src/build/addinManifest.js");
const { OFFICE_JS_CDN_VARIABLE, OFFICE_JS_URL_VARIABLE, officeJsFrom, paneContentSecurityPolicy } = require("./src/build/officeJs.js");
const { version: packageVersion } = require("./package.json");

/**
 * The ECMAScript version every shipped .js file is written in (our code and node_modules alike): what the oldest
 * webviews able to run this add-in parse. On a Mac, Office uses the system's Safari (WKWebView); the engine's exact
 * arithmetic needs BigInt, so Safari 14 (macOS 10.15 and 11) is the floor: it parses ES2020 (BigInt, `?.`, `??`) and
 * the ES2018 regular-expression features, but not class fields (14.1–15), static blocks or regular-expression
 * lookbehind (16.4), which the build rewrites or the bundle test refuses. On Windows the shared runtime needs Edge
 * WebView2 (Chromium); Internet Explorer and EdgeHTML cannot run it. test/functions/bundle.test.ts parses every
 * shipped file at this version.
 */
const WEBVIEW_ECMA_VERSION = 2020;
const WEBVIEW_TS_TARGET = `es${WEBVIEW_ECMA_VERSION}`;

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const FUNCTIONS_METADATA = "functions.json";
const TASKPANE_PAGE = "taskpane.html";
/** The help pages LearnMoreUrl and SupportUrl point at (plain HTML, no script), and what the build says about itself. */
const HELP_PAGES = { en: "help.html", "zh-CN": "help.zh-CN.html", "zh-TW": "help.zh-TW.html" };
const BUILD_INFO = "build-info.json";
/** Chinese (Simplified, Traditional) metadata, derived from the English one at build time so ids and parameters can never drift apart. */
const LOCALIZED_METADATA = {
  "zh-CN": { file: "functions.zh-CN.json", table: "./src/functions/functions.zh-CN.translation.json" },
  "zh-TW": { file: "functions.zh-TW.json", table: "./src/functions/functions.zh-TW.translation.json" },
};

/** Emits one localized functions.json per locale next to the English one the metadata plugin generates. */
class LocalizedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const generated = compilation.getAsset(FUNCTIONS_METADATA);
          if (!generated) return; // the metadata plugin already reported why
          let english;
          try {
            // allowErrorForDataTypeAny, which the plugin cannot emit (see finishMetadata)
            english = finishMetadata(JSON.parse(generated.source.source().toString()));
            compilation.updateAsset(FUNCTIONS_METADATA, new webpack.sources.RawSource(JSON.stringify(english, null, 2)));
          } catch (err) {
            compilation.errors.push(new webpack.WebpackError(`functions metadata: ${err.message}`));
            return;
          }
          for (const [locale, { file, table }] of Object.entries(LOCALIZED_METADATA)) {
            const tablePath = path.resolve(__dirname, table);
            compilation.fileDependencies.add(tablePath);
            try {
              const translation = JSON.parse(require("fs").readFileSync(tablePath, "utf8"));
              const localized = localizeMetadata(english, translation);
              compilation.emitAsset(file, new webpack.sources.RawSource(JSON.stringify(localized, null, 2)));
            } catch (err) {
              compilation.errors.push(new webpack.WebpackError(`${locale} functions metadata: ${err.message}`));
            }
          }
        },
      );
    });
  }
}

/** Writes build-info.json: what this build is and which Office.js its pages load (the package's INSTALL.txt says it). */
class BuildInfoPlugin {
  constructor(info) {
    this.info = info;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BuildInfoPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "BuildInfoPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset(BUILD_INFO, new webpack.sources.RawSource(`${JSON.stringify(this.info, null, 2)}\n`));
      });
    });
  }
}

/** Dev-server https options from office-addin-dev-certs; loaded lazily because installing certificates needs sudo. */
async function devCertificates() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

/** ts-loader for our TypeScript, written for the webviews (tsc type-checks separately, in npm test). */
function sourceLoader(production) {
  return {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      // ES modules let webpack drop unused Fluent UI code; define semantics for class fields as tsc and jest use.
      compilerOptions: { module: "esnext", target: WEBVIEW_TS_TARGET, useDefineForClassFields: true, sourceMap: !production },
    },
  };
}

/**
 * Packages ship newer syntax than the webviews parse (tabster's `static {}` blocks, class fields, `?.`): the same
 * TypeScript transpiler rewrites their JavaScript to WEBVIEW_ECMA_VERSION, changing syntax only (no type checks, no
 * module rewriting, no added "use strict").
 */
function dependencyLoader(production) {
  return {
    loader: "ts-loader",
    options: {
      instance: "node_modules",
      transpileOnly: true,
      compilerOptions: {
        allowJs: true,
        module: "esnext",
        target: WEBVIEW_TS_TARGET,
        useDefineForClassFields: true,
        strict: false,
        alwaysStrict: false,
        sourceMap: !production,
      },
    },
  };
}

/**
 * Chunks: `runtime.js` (one webpack runtime, so both entries share one module registry: state such as the profile
 * source set by the task pane is the state the custom functions see), `shared.js` (the engine and the adapter code
 * both entries use: shipped once), `functions.js`, `taskpane.js`, and chunks loaded on demand (the profile editor)
 * whose names carry a content hash so a new version is never mixed with a cached old one.
 */
const chunkSplitting = {
  runtimeChunk: "single",
  splitChunks: {
    cacheGroups: {
      shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true, priority: 10 },
    },
  },
};

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  // Only `webpack serve` needs certificates; `--env http` serves plain http on 127.0.0.1 for CI and browser tests.
  const serving = Boolean(env.WEBPACK_SERVE);
  const plainHttp = Boolean(env.http);
  // The manifest: version from package.json always; in production every URL moves to the hosting address.
  const manifest = {
    version: manifestVersion(packageVersion),
    url: production ? addinUrlFrom(env[ADDIN_URL_VARIABLE] ?? process.env[ADDIN_URL_VARIABLE]) : undefined,
  };
  // Which Office.js the pages load (Microsoft's worldwide CDN unless OFFICE_JS_CDN or OFFICE_JS_URL says otherwise):
  // the page's script tag and its Content-Security-Policy are written from it, and build-info.json records it.
  const setting = (name) => env[name] ?? process.env[name];
  const officeJs = officeJsFrom(setting(OFFICE_JS_CDN_VARIABLE), setting(OFFICE_JS_URL_VARIABLE));
  const buildInfo = {
    product: "RFM Grader",
    version: packageVersion,
    manifestVersion: manifest.version,
    addinUrl: manifest.url ?? DEV_URL,
    officeJs: { cdn: officeJs.cdn, url: officeJs.url, cloud: officeJs.cloud },
  };

  return {
    mode: production ? "production" : "development",
    target: ["web", WEBVIEW_TS_TARGET],
    // Production ships no source maps. Development: no eval-based maps either (the page's CSP forbids eval).
    devtool: production ? false : "source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // dist/node holds the compiled command line (tsc), which this build must not wipe.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: sourceLoader(production) },
        { test: /\.[cm]?js$/, include: /node_modules/, use: dependencyLoader(production) },
      ],
    },
    performance: { hints: false },
    optimization: chunkSplitting,
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: FUNCTIONS_METADATA, input: FUNCTIONS_SOURCE }),
      new LocalizedMetadataPlugin(),
      new BuildInfoPlugin(buildInfo),
      // The shared runtime: one page runs both the custom functions and the task pane.
      new HtmlWebpackPlugin({
        filename: TASKPANE_PAGE,
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJsUrl: officeJs.url, contentSecurityPolicy: paneContentSecurityPolicy(officeJs.origin) },
      }),
      // The help pages: static HTML and one stylesheet, no script (so no Office.js, whatever the cloud).
      ...Object.values(HELP_PAGES).map(
        (filename) =>
          new HtmlWebpackPlugin({ filename, template: `./src/help/${filename}`, inject: false, chunks: [] }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "src/help/help.css", to: "help.css" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => buildManifest(content.toString(), manifest) },
        ],
      }),
    ],
    devServer: {
      host: plainHttp ? "127.0.0.1" : "localhost",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      // The page's own policy, plus the dev server's websocket for live reload.
      headers: {
        "Access-Control-Allow-Origin": "*",
        "Content-Security-Policy": paneContentSecurityPolicy(officeJs.origin, { connect: ["wss://localhost:3000", "ws://127.0.0.1:3000"] }),
      },
      server: serving && !plainHttp ? { type: "https", options: await devCertificates() } : { type: "http" },
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.WEBVIEW_ECMA_VERSION = WEBVIEW_ECMA_VERSION;
module.exports.FUNCTIONS_SOURCE = FUNCTIONS_SOURCE;
module.exports.FUNCTIONS_METADATA = FUNCTIONS_METADATA;
module.exports.LOCALIZED_METADATA = LOCALIZED_METADATA;
module.exports.TASKPANE_PAGE = TASKPANE_PAGE;
module.exports.HELP_PAGES = HELP_PAGES;
module.exports.BUILD_INFO = BUILD_INFO;
