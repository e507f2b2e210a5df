/**
 * Every way writing a result can fail (a full disk, a file-size limit, a read-only disk, a folder where a file should
 * be, no permission…) as one line in the user's language: the command exits with code 2 and that line, never with a
 * stack trace. Used by every writer: --out files (through writeAtomically), folders the command makes, and standard
 * output.
 */

import { statSync } from "fs";
import { dirname } from "path";
import type { Localized } from "../engine";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

/** Why a write failed, by Node's error code. */
const REASONS: Record<string, Localized> = {
  ENOSPC: { en: "the disk is full", zh: "磁盘已满" },
  EDQUOT: { en: "the disk quota is used up", zh: "磁盘配额已用完" },
  EFBIG: { en: "the file would be larger than this system allows (a file size limit)", zh: "文件超出系统允许的大小（文件大小限制）" },
  EROFS: { en: "the disk is read-only", zh: "磁盘是只读的" },
  EACCES: { en: "permission denied", zh: "没有写入权限" },
  EPERM: { en: "permission denied", zh: "没有写入权限" },
  EISDIR: { en: "it is a folder, not a file", zh: "这是一个文件夹，不是文件" },
  ENOTDIR: { en: "part of the path is a file, not a folder", zh: "路径中有一部分是文件，不是文件夹" },
  ENOENT: { en: "the folder does not exist", zh: "文件夹不存在" },
  EEXIST: { en: "a file of that name is in the way", zh: "已有同名文件" },
  EBUSY: { en: "the file is in use (open in another program?)", zh: "文件正被占用（是否已在其他程序中打开？）" },
  ENAMETOOLONG: { en: "the name is too long", zh: "名称过长" },
  EIO: { en: "the disk reported an input/output error", zh: "磁盘读写出错" },
  EMFILE: { en: "too many files are open", zh: "打开的文件过多" },
  ENFILE: { en: "too many files are open", zh: "打开的文件过多" },
  EINVAL: { en: "the disk or device does not take this write", zh: "磁盘或设备不接受此写入" },
};

/** True for an error from the file system (it carries a code such as ENOSPC and the call that failed). */
export function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string" && "syscall" in err;
}

/** The reason in both languages: a known code in words, anything else as Node says it (one line). */
export function failureReason(err: NodeJS.ErrnoException): Localized {
  const known = err.code === undefined ? undefined : REASONS[err.code];
  if (known) return known;
  const detail = err.message.split("\n")[0];
  return { en: detail, zh: detail };
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
