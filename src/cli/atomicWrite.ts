import { renameSync, rmSync } from "fs";
import { basename, dirname, join } from "path";
import { checkOutputPath, writeFailure } from "./writeFailure";

/**
 * Writes `target` through a temporary file in the same folder and renames it into place only once it is complete,
 * so an error or Ctrl+C never leaves a half-written result (and never damages an older one). Any file-system error
 * (a full disk, a file size limit, a read-only disk, a folder in the way, no permission) removes the temporary file
 * and becomes the command's one-line error naming `target` (writeFailure): every command that writes a file through
 * here reports write errors alike.
 */
export async function writeAtomically(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  checkOutputPath(target);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const removeTemp = () => {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written there, or the disk refuses even that: the error being reported says why.
    }
  };
  const onInterrupt = () => {
    removeTemp();
    process.exit(130);
  };
  // Any other early exit (a closed pipe ends the run with process.exit) takes the temporary file with it too.
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  process.once("exit", removeTemp);
  try {
    await write(temp);
    renameSync(temp, target);
  } catch (err) {
    removeTemp();
    throw writeFailure(target, err);
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
    process.removeListener("exit", removeTemp);
  }
}
