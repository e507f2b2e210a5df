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
const { chmodSync, existsSync, readdirSync, statSync, utimesSync } = require("fs");
const { join } = require("path");

const root = join(__dirname, "../..");
const built = join(root, "dist/node/cli/main.js");
const buildInfo = join(root, "dist/node/.tsbuildinfo");
const sources = ["src/cli", "src/engine", "src/i18n"].map((p) => join(root, p));

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

if (!process.argv.includes("--if-stale") || isStale()) {
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(root, "src/cli/tsconfig.json")], {
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
