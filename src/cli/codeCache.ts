/**
 * Loads the command line's one bundled file through V8's code cache, as Node 22's `module.enableCompileCache()` does
 * for every module (the package supports Node 20, which has no such call).
 *
 * Why: compiling the command's JavaScript was the largest part of its start (23 ms of the 84 a `rfm --version` spent
 * in a CPU profile), paid again by every run. The code V8 compiled in an earlier run is kept beside the bundle
 * (`main.js.cache`) and handed back to V8, which then skips the compile. With the bundle, a run starts about 25 ms
 * sooner than from the compiled modules (`rfm --version`, 20 runs each: 124 ms → 100 ms; bare Node 65 ms).
 *
 * The cache can never change what runs: V8 refuses data made by another V8 version, with other flags or for a source
 * of another length, and this file adds what V8 leaves to debug builds: the cache names the SHA-1 of the exact source
 * it was made from and of its own bytes, and is used only when both match. A refused, stale or damaged cache costs the
 * ordinary compile, and is replaced when the run ends. It is written to a temporary name and renamed into place, so a
 * run never sees half of one; where the folder cannot be written (a read-only install) runs simply compile as before.
 */

import { createHash } from "crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "fs";
import { createRequire, wrap } from "module";
import { dirname } from "path";
import { Script } from "vm";

/** The first bytes of a cache file: the format, then the two hashes. */
const MAGIC = Buffer.from("rfm-code-cache 1\n");
const HASH_BYTES = 20;
const HEADER_BYTES = MAGIC.length + 2 * HASH_BYTES;

const sha1 = (data: Uint8Array): Buffer => createHash("sha1").update(data).digest();

/** The file holding `file`'s compiled code. */
const cacheFileOf = (file: string): string => `${file}.cache`;

/**
 * Runs the CommonJS file `file` (its `require` resolving from its own folder) and returns its exports, compiled from
 * the cache when one made from this very source is there; otherwise the code compiled in this run is saved for the
 * next when this process exits.
 */
export function loadWithCodeCache(file: string): unknown {
  // The bytes are hashed as read: hashing the decoded text would encode its megabyte again.
  const bytes = readFileSync(file);
  const sourceHash = sha1(bytes);
  const cacheFile = cacheFileOf(file);
  const cached = readCache(cacheFile, sourceHash);
  const script = new Script(wrap(bytes.toString("utf8")), { filename: file, cachedData: cached });
  // A run given V8 flags of its own (the child started with --expose-gc, a profile) makes code later plain runs refuse.
  if ((cached === undefined || script.cachedDataRejected === true) && process.execArgv.length === 0) {
    process.once("exit", () => saveCache(cacheFile, sourceHash, script.createCachedData()));
  }
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return module.exports;
}

/** The cached code, when the cache was made from this source and is whole; otherwise undefined. */
function readCache(cacheFile: string, sourceHash: Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const madeFrom = bytes.subarray(MAGIC.length, MAGIC.length + HASH_BYTES);
  const ownHash = bytes.subarray(MAGIC.length + HASH_BYTES, HEADER_BYTES);
  const code = bytes.subarray(HEADER_BYTES);
  return madeFrom.equals(sourceHash) && ownHash.equals(sha1(code)) ? code : undefined;
}

/** Writes the cache whole or not at all; a folder that cannot be written is no error (the next run compiles). */
function saveCache(cacheFile: string, sourceHash: Buffer, code: Buffer): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([MAGIC, sourceHash, sha1(code), code]));
    renameSync(temporary, cacheFile);
  } catch {
    rmSync(temporary, { force: true });
  }
}
