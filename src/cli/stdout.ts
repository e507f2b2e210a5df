import { fstatSync, writeSync } from "fs";
import { stdoutFailure } from "./writeFailure";

/**
 * Writing to standard output so that no byte is lost without the command saying so. When stdout is a file or a
 * device (`> graded.csv`, `> /dev/full`), Node's process.stdout writes each chunk with one write call and ignores a
 * short count: output cut by a file size limit would end without an error. There each chunk is written here to the
 * end, and a failure (a full disk, the size limit) is thrown as the command's one-line error. Pipes and terminals go
 * through process.stdout, waiting whenever the reader is behind; a reader that stops early is handled in main.ts.
 */
export function writeStdout(chunk: string | Buffer): void | Promise<void> {
  if (stdoutIsFile()) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(STDOUT, bytes, at, bytes.length - at);
    } catch (err) {
      throw stdoutFailure(err);
    }
    return;
  }
  const out = process.stdout;
  if (!out.write(chunk)) return new Promise<void>((resolve) => out.once("drain", () => resolve()));
}

const STDOUT = 1;
let isFile: boolean | undefined;

function stdoutIsFile(): boolean {
  if (isFile === undefined) {
    try {
      const stat = fstatSync(STDOUT);
      isFile = stat.isFile() || stat.isBlockDevice() || (stat.isCharacterDevice() && !process.stdout.isTTY);
    } catch {
      isFile = false;
    }
  }
  return isFile;
}
