/**
 * Every way writing a result can fail (a full disk, a file-size limit, a read-only disk, a folder where a file should
 * be, no permission…) as one line in the user's language: the command exits with code 2 and that line, never with a
 * stack trace. Used by every writer: --out files (through writeAtomically), folders the command makes, and standard
 * output.
 */

import { statSync } from "fs";
import { dirname } from "path";
import { CLI_TEXTS } from "../i18n/cli";
import { allLangs, localizedView, type Localized } from "../engine";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

/** Why a write failed, by Node's error code (the catalogues' words). */
const REASONS: Readonly<Record<string, Localized>> = localizedView(CLI_TEXTS, (t) => t.writeFailures);

/** True for an error from the file system (it carries a code such as ENOSPC and the call that failed). */
function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string" && "syscall" in err;
}

/** The reason in both languages: a known code in words, anything else as Node says it (one line). */
function failureReason(err: NodeJS.ErrnoException): Localized {
  const known = err.code === undefined ? undefined : REASONS[err.code];
  if (known) return known;
  const detail = err.message.split("\n")[0];
  return allLangs(() => detail);
}

/** A file-system error met while writing `target` as the command's one-line error; anything else unchanged. */
export function writeFailure(target: string, err: unknown): unknown {
  if (err instanceof UsageError || !isFileSystemError(err)) return err;
  return new UsageError(USAGE_TEXTS.cannotWrite(target, failureReason(err)));
}

/** The same for standard output (`> file`, `> /dev/full`). */
export function stdoutFailure(err: unknown): unknown {
  if (err instanceof UsageError || !isFileSystemError(err)) return err;
  return new UsageError(USAGE_TEXTS.cannotWriteStdout(failureReason(err)));
}

/**
 * Refuses, before any work, an output path that cannot be a file: an existing folder, a folder that does not exist,
 * a file where a folder should be. (Full disks and the like show only when writing; writeAtomically reports them.)
 */
export function checkOutputPath(target: string): void {
  const fail = (code: string) => new UsageError(USAGE_TEXTS.cannotWrite(target, REASONS[code]));
  try {
    if (statSync(target).isDirectory()) throw fail("EISDIR");
    return;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if ((err as NodeJS.ErrnoException).code === "ENOTDIR") throw fail("ENOTDIR");
  }
  try {
    if (!statSync(dirname(target)).isDirectory()) throw fail("ENOTDIR");
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw fail(code !== undefined && REASONS[code] ? code : "EACCES");
  }
}
