#!/usr/bin/env node
/**
 * Builds the command line (src/cli, and the engine and catalogues it uses): compiles it into dist/node, bundles that
 * into dist/node/rfm (cliBundle.js says why), makes the executable executable so that the package's `rfm` bin runs
 * through `npx rfm`, and runs it once on a sample so that its code cache is there from the first real run.
 *
 * `--if-stale` compiles only when a source file is newer than the last build, so that `npm run rfm` costs a look at
 * file dates (~30 ms), not a TypeScript compile, on every call (`npm ci` has already built it through `prepare`).
 * Prints nothing unless the compiler has something to say: `npm run -s rfm … > out.csv` must hold only the command's
 * own output.
 */
"use strict";
const { execFileSync } = require("child_process");
const { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

const root = join(__dirname, "../..");
const { config: bundleConfig, bundleDir, executable: built } = require("./cliBundle");
const buildInfo = join(root, "dist/node/.tsbuildinfo");
const sources = ["src/cli", "src/engine", "src/i18n"].map((p) => join(root, p));
const outDir = join(root, "dist/node");

function newestIn(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(built) || !existsSync(buildInfo)) return true;
  const builtAt = statSync(buildInfo).mtimeMs;
  return sources.some((path) => newestIn(path) > builtAt);
}

/** The TypeScript compiler, a development tool: a runtime-only install (`--omit=dev`) has none. */
function tscPath() {
  try {
    return require.resolve("typescript/bin/tsc");
  } catch {
    console.error(
      "rfm: compiling the command line needs the development tools (npm ci without --omit=dev). " +
        'For the command line alone, install the archive of `npm pack` (README, "Installing only the command line").',
    );
    process.exit(1);
  }
}

/** Bundles the compiled files (webpack is a development tool, like tsc: present wherever tsc is). */
function bundle() {
  const webpack = require("webpack");
  return new Promise((resolvePromise) => {
    webpack(bundleConfig, (err, stats) => {
      if (err || stats.hasErrors()) {
        console.error(err ? String(err) : stats.toString({ all: false, errors: true }));
        process.exit(1);
      }
      resolvePromise();
    });
  });
}

/** One grading of a sample, whose compiled code the executable keeps (its first run writes the code cache). */
function warmCodeCache() {
  const dir = mkdtempSync(join(tmpdir(), "rfm-build-"));
  try {
    const sample = join(root, "assets/samples/wuhan-sales.csv");
    execFileSync(process.execPath, [built, "grade", sample, "-p", "wuhan", "-o", join(dir, "graded.csv")], {
      stdio: "pipe",
    });
  } catch (err) {
    // The bundle cannot grade its own sample: a broken build, whatever the compiler said.
    console.error(`rfm: the built command failed on ${sample}:\n${err.stderr ?? err}`);
    process.exit(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function build() {
  try {
    execFileSync(process.execPath, [tscPath(), "-p", join(root, "src/cli/tsconfig.json")], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  } catch {
    process.exit(1);
  }
  await bundle();
  chmodSync(built, 0o755);
  // Links made to the command before it was bundled (npx keeps the link it made to dist/node/cli/main.js in its own
  // cache, and never makes it again) still run it: unbundled, but the same command.
  chmodSync(join(outDir, "cli/main.js"), 0o755);
  warmCodeCache();
  // tsc leaves its build info alone when only file dates changed: mark the build as current.
  const now = new Date();
  utimesSync(buildInfo, now, now);
}

/**
 * tsc never deletes: a module removed from src/ would live on in dist/node, where the corpus runner and tests load
 * compiled modules. Every run removes the compiled files whose source is gone (a walk of about a hundred files); the
 * bundles are webpack's, which writes its folder afresh.
 */
function pruneOrphans(dir) {
  if (!existsSync(dir) || dir === bundleDir) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pruneOrphans(path);
    else if (entry.name.endsWith(".js")) {
      const source = join(root, "src", path.slice(outDir.length + 1, -".js".length));
      if (!existsSync(`${source}.ts`) && !existsSync(`${source}.tsx`)) rmSync(path);
    }
  }
}

if (!process.argv.includes("--if-stale") || isStale()) build().then(() => pruneOrphans(outDir));
else pruneOrphans(outDir);
