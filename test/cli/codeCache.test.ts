/**
 * The executable keeps V8's compiled code beside the bundle (src/cli/codeCache.ts). Run on a copy of the built bundles
 * in a temporary folder: the cache is made by a run that finds none, used as it is by the next, and replaced, never
 * trusted, when it is damaged, cut short or made from another source; a run with V8 flags of its own writes none; a
 * cache that cannot be written costs nothing but the compile. Every run's output is the command's ordinary output.
 */

import { spawnSync } from "child_process";
import { createHash } from "crypto";
import {
  copyFileSync,
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "fs";
import { statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildCli, RFM } from "./helpers";

const BUNDLES = ["rfm.js", "main.js", "salesWorker.js", "plainWorker.js"];
const MAGIC = "rfm-code-cache 1\n";
let dir: string;
let cache: string;

beforeAll(() => buildCli(), 180_000);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rfm-code-cache-"));
  for (const name of BUNDLES) copyFileSync(join(RFM, "..", name), join(dir, name));
  cache = join(dir, "main.js.cache");
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `rfm profiles` from the copy (a whole run of the program: its catalogues, its commands), with V8 flags if given. */
function run(nodeFlags: string[] = []): string {
  const result = spawnSync(process.execPath, [...nodeFlags, join(dir, "rfm.js"), "profiles"], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

/** What the installed command prints. */
const expected = (): string => spawnSync(process.execPath, [RFM, "profiles"], { encoding: "utf8" }).stdout;

const sha1 = (data: Buffer | string) => createHash("sha1").update(data).digest();

/** Whether the cache names the bundle as it is now and its code is whole. */
function cacheMatchesBundle(): boolean {
  const bytes = readFileSync(cache);
  const header = MAGIC.length;
  return (
    bytes.subarray(0, header).toString() === MAGIC &&
    bytes.subarray(header, header + 20).equals(sha1(readFileSync(join(dir, "main.js")))) &&
    bytes.subarray(header + 20, header + 40).equals(sha1(bytes.subarray(header + 40))) &&
    bytes.length > header + 40 + 10_000
  );
}

const inode = (path: string) => statSync(path).ino;
const leftovers = () => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

test("a run that finds no cache writes one for the bundle it ran; the next uses it as it is", () => {
  expect(existsSync(cache)).toBe(false);
  expect(run()).toBe(expected());
  expect(cacheMatchesBundle()).toBe(true);
  const first = inode(cache);
  const bytes = readFileSync(cache);
  expect(run()).toBe(expected());
  // Not written again: the same file, the same bytes (a refused cache would have been replaced by a new file).
  expect(inode(cache)).toBe(first);
  expect(readFileSync(cache).equals(bytes)).toBe(true);
  expect(leftovers()).toEqual([]);
});

test.each([
  [
    "a damaged byte in the code",
    (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === bytes.length - 100 ? b ^ 0xff : b))),
  ],
  ["a file cut short", (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1)],
  ["a file of another kind", () => Buffer.from("not a cache at all\n")],
])("%s is not handed to V8: the run compiles, and a whole cache replaces it", (_, damage) => {
  run();
  writeFileSync(cache, damage(readFileSync(cache)));
  const damaged = inode(cache);
  expect(run()).toBe(expected());
  expect(inode(cache)).not.toBe(damaged);
  expect(cacheMatchesBundle()).toBe(true);
});

test("a cache made from another version of the bundle is not used, even one of the same length", () => {
  run();
  const before = readFileSync(cache);
  // Same length, other text: only the cache's own hash of the source tells the two apart.
  const source = readFileSync(join(dir, "main.js"), "utf8");
  const changed = source.replace("Graded", "GRADED");
  expect(changed.length).toBe(source.length);
  writeFileSync(join(dir, "main.js"), changed);
  expect(run()).toBe(expected());
  expect(cacheMatchesBundle()).toBe(true);
  expect(readFileSync(cache).equals(before)).toBe(false);
  appendFileSync(join(dir, "main.js"), "\n// edited by hand\n");
  expect(run()).toBe(expected());
  expect(cacheMatchesBundle()).toBe(true);
});

test("a run given V8 flags of its own writes no cache (plain runs would refuse it)", () => {
  expect(run(["--expose-gc"])).toBe(expected());
  expect(existsSync(cache)).toBe(false);
});

test("a cache that cannot be written costs nothing but the compile, and leaves no temporary file", () => {
  mkdirSync(cache); // where the cache would go, a folder: it can be neither read nor replaced
  expect(run()).toBe(expected());
  expect(run()).toBe(expected());
  expect(statSync(cache).isDirectory()).toBe(true);
  expect(leftovers()).toEqual([]);
});
