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
  // Any other early exit (a closed pipe ends the run with process.exit) takes the temporary file with it too.
  const onExit = () => rmSync(temp, { force: true });
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  process.once("exit", onExit);
  try {
    await write(temp);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
    process.removeListener("exit", onExit);
  }
}
