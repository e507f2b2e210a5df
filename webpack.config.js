/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file that webpack-cli loads as is */
/* global require, module, process, __dirname */

const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { finishMetadata, localizeMetadata } = require("./src/functions/localizeMetadata.js");

/** Where the add-in is served in development; every occurrence in the manifest points here. */
const DEV_URL = "https://localhost:3000/";
/** Where the production build is deployed. Change this before publishing; the build writes it into the manifest. */
const PRODUCTION_URL = "https://rfm-grader.example.com/";

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const FUNCTIONS_METADATA = "functions.json";
const TASKPANE_PAGE = "taskpane.html";
/** Chinese metadata, derived from the English one at build time so ids and parameters can never drift apart. */
const LOCALIZED_METADATA = { "zh-CN": { file: "functions.zh-CN.json", table: "./src/functions/functions.zh-CN.translation.json" } };

// Same policy as the <meta> in taskpane.html, plus the dev server's own websocket for live reload.
const DEV_CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' wss://localhost:3000 ws://127.0.0.1:3000 https://appsforoffice.microsoft.com",
  "frame-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/** The production manifest: every development URL replaced (a global regex: the manifest holds many of them). */
function toProductionManifest(xml, productionUrl = PRODUCTION_URL) {
  const devUrl = new RegExp(DEV_URL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"), "g");
  return xml.replace(devUrl, productionUrl);
}

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

/** Dev-server https options from office-addin-dev-certs; loaded lazily because installing certificates needs sudo. */
async function devCertificates() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  // Only `webpack serve` needs certificates; `--env http` serves plain http on 127.0.0.1 for CI and browser tests.
  const serving = Boolean(env.WEBPACK_SERVE);
  const plainHttp = Boolean(env.http);

  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the task pane's Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // dist/node holds the compiled command line (tsc), which this build must not wipe.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // tsc type-checks separately (npm test); ES modules let webpack drop unused Fluent UI code.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    // Both entries run in the one shared-runtime page: a single webpack runtime gives them one module registry, so
    // state such as the profile source set by the task pane is the state the custom functions see.
    optimization: { runtimeChunk: "single" },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: FUNCTIONS_METADATA, input: FUNCTIONS_SOURCE }),
      new LocalizedMetadataPlugin(),
      // The shared runtime: one page runs both the custom functions and the task pane.
      new HtmlWebpackPlugin({
        filename: TASKPANE_PAGE,
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? toProductionManifest(content.toString()) : content),
          },
        ],
      }),
    ],
    devServer: {
      host: plainHttp ? "127.0.0.1" : "localhost",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": DEV_CSP },
      server: serving && !plainHttp ? { type: "https", options: await devCertificates() } : { type: "http" },
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.PRODUCTION_URL = PRODUCTION_URL;
module.exports.FUNCTIONS_SOURCE = FUNCTIONS_SOURCE;
module.exports.FUNCTIONS_METADATA = FUNCTIONS_METADATA;
module.exports.LOCALIZED_METADATA = LOCALIZED_METADATA;
module.exports.TASKPANE_PAGE = TASKPANE_PAGE;
module.exports.toProductionManifest = toProductionManifest;
