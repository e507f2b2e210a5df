import { renameSync, rmSync } from "fs";
import { basename, dirname, join } from "path";

/**
 * Writes `target` through a temporary file in the same folder and renames it into place only once it is complete,
 * so an error or Ctrl+C never leaves a half-written result (and never damages an older one).
 */
export async function writeAtomically(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const onInterrupt = () => {
    rmSync(temp, { force: true });
    process.exit(130);
  };
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  try {
    await write(temp);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
  }
}
