/**
 * The production build the tests check, made once per change of its inputs and shared by every test file (bundle,
 * browser, HTTPS, package tests): building takes most of a minute, and every one of them must test the same files.
 * The build is the shipped one (`runProductionBuild.mjs`: the repo's config, production mode), written to
 * `<tmp>/rfm-grader-builds/<repo>/<Office.js CDN>-<hash of the inputs>/dist`; callers treat it as read-only. The
 * worldwide build is the one most tests check; the build for China's Microsoft 365 (OFFICE_JS_CDN=china) is made
 * once more, into a folder of its own, only by the tests that compare the two.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative, resolve } from "path";

export const REPO = resolve(__dirname, "../..");
/** The hosting address the tests build for (any https address: the page loads its files by relative URLs). */
export const TEST_ADDIN_URL = "https://rfm-grader.test/addin/";

const INPUTS = [
  "src",
  "assets",
  "webpack.config.js",
  "manifest.xml",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];
/** Per clone of the repo, so that builds of different working copies never clean each other up. */
const CACHE = join(tmpdir(), "rfm-grader-builds", createHash("sha256").update(REPO).digest("hex").slice(0, 12));
const DONE = ".complete";
/** A lock older than this belongs to a build that died. */
const STALE_LOCK_MS = 10 * 60_000;

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** The Office.js CDNs the tests build for (OFFICE_JS_CDN). */
export type TestCdn = "global" | "china";

/** Hash of everything the build reads from the repo (node_modules counted through package-lock.json). */
function inputsHash(addinUrl: string, cdn: TestCdn): string {
  const hash = createHash("sha256").update(addinUrl).update("\0").update(cdn);
  for (const file of INPUTS.flatMap((p) => filesUnder(join(REPO, p)))) {
    hash.update(relative(REPO, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function runBuild(outDir: string, addinUrl: string, cdn: TestCdn): Promise<void> {
  // Only what the test asks for: an OFFICE_JS_URL in the developer's environment must not change the build.
  const env: NodeJS.ProcessEnv = { ...process.env, ADDIN_URL: addinUrl, OFFICE_JS_CDN: cdn };
  delete env.OFFICE_JS_URL;
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [join(__dirname, "runProductionBuild.mjs"), outDir],
      { cwd: REPO, env, maxBuffer: 16 * 1024 * 1024 },
      (err, _stdout, stderr) => (err ? fail(new Error(`production build failed: ${stderr || err.message}`)) : done()),
    );
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The folder holding the production build of the current sources (built now if needed). */
export async function productionBuild(addinUrl = TEST_ADDIN_URL, cdn: TestCdn = "global"): Promise<string> {
  const dir = join(CACHE, `${cdn}-${inputsHash(addinUrl, cdn)}`);
  const dist = join(dir, "dist");
  const lock = join(dir, ".lock");
  mkdirSync(dir, { recursive: true });
  for (;;) {
    if (existsSync(join(dir, DONE))) return dist;
    try {
      mkdirSync(lock);
    } catch {
      // Another test process is building the same sources: wait for it, or take over a lock it left behind.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS)
        rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      rmSync(dist, { recursive: true, force: true });
      await runBuild(dist, addinUrl, cdn);
      writeFileSync(join(dir, DONE), new Date().toISOString());
      // Builds of older sources for the same CDN are of no further use (the other CDN's build is another test's).
      for (const other of readdirSync(CACHE)) {
        const older = other.startsWith(`${cdn}-`) || !/^[a-z]+-/.test(other);
        if (older && join(CACHE, other) !== dir && existsSync(join(CACHE, other, DONE)))
          rmSync(join(CACHE, other), { recursive: true, force: true });
      }
      return dist;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** The scripts taskpane.html loads, in its order (the Office.js tag from the CDN excluded). */
export function pageScripts(dist: string): string[] {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
}
