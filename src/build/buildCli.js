#!/usr/bin/env node
/**
 * Builds the command line (src/cli, and the engine and catalogues it uses) into dist/node and makes its entry point executable, so
 * that the package's `rfm` bin runs through `npx rfm` (tsc writes new files without the executable bit).
 *
 * `--if-stale` compiles only when a source file is newer than the last build, so that `npm run rfm` costs a look at
 * file dates (~30 ms), not a TypeScript compile, on every call (`npm ci` has already built it through `prepare`).
 * Prints nothing unless the compiler has something to say: `npm run -s rfm … > out.csv` must hold only the command's
 * own output.
 */
"use strict";
const { execFileSync } = require("child_process");
const { chmodSync, existsSync, readdirSync, rmSync, statSync, utimesSync } = require("fs");
const { join } = require("path");

const root = join(__dirname, "../..");
const built = join(root, "dist/node/cli/main.js");
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

if (!process.argv.includes("--if-stale") || isStale()) {
  try {
    execFileSync(process.execPath, [tscPath(), "-p", join(root, "src/cli/tsconfig.json")], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  } catch {
    process.exit(1);
  }
  chmodSync(built, 0o755);
  // tsc leaves its build info alone when only file dates changed: mark the build as current.
  const now = new Date();
  utimesSync(buildInfo, now, now);
}

/**
 * tsc never deletes: a module removed from src/ would live on in dist/node, and `npm pack` would ship it. Every run
 * removes the compiled files whose source is gone (a walk of about a hundred files).
 */
function pruneOrphans(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pruneOrphans(path);
    else if (entry.name.endsWith(".js")) {
      const source = join(root, "src", path.slice(outDir.length + 1, -".js".length));
      if (!existsSync(`${source}.ts`) && !existsSync(`${source}.tsx`)) rmSync(path);
    }
  }
}
pruneOrphans(outDir);
