/**
 * Large inputs on Linux run in a child process started with glibc's malloc told to map every block of 1 MB or more
 * directly (MALLOC_MMAP_THRESHOLD_), so that memory given back is returned to the system at once.
 *
 * Why: by default glibc raises that threshold as blocks are freed (up to 32 MB), after which the millions of short-
 * lived blocks a large file is read in (each 4 MB block of a sales file and its cell positions, in each reading
 * thread) and the growing per-customer arrays come from its heaps, where freed memory stays counted against the
 * process. Measured on 90M sales (2.1 GiB): a peak of 1.48-1.64 GiB in five runs by default, 1.34-1.49 GiB in seven
 * with the fixed threshold, in the same time. glibc reads the setting only when a process starts, hence the child;
 * other systems and smaller inputs run as they are.
 *
 * The child may also collect garbage when told to (`giveBackMemory`): where a step has just left hundreds of megabytes
 * of arrays unreferenced (the reading threads' parts, once put together), they are given back before the next step
 * makes its own, instead of whenever the collector would next run. 90M sales: a peak of 1.45-1.49 GiB, of which
 * grading's arrays came on top of the parts still held, against 1.33 GiB so.
 */

import { spawnSync } from "child_process";
import { statSync } from "fs";

/** Set in the child's environment: whatever else it finds there, it runs the command itself. */
const CHILD = "RFM_MALLOC_CHILD";
/** The setting, in bytes. */
const MMAP_THRESHOLD = String(1 << 20);
/** From this input size on (any file named on the command line); RFM_MALLOC_FROM_BYTES sets another (tests). */
const FROM_BYTES = 512 * 1024 * 1024;

/** Whether this run should start again with the setting: Linux with glibc, not yet set, a large input named. */
export function wantsMallocSetting(args: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  // The child (or a run already given a setting of its own) never starts another.
  if (process.platform !== "linux" || env[CHILD] !== undefined || env.MALLOC_MMAP_THRESHOLD_ !== undefined)
    return false;
  const from = Number(env.RFM_MALLOC_FROM_BYTES ?? FROM_BYTES);
  return args.some((arg) => sizeOf(arg) >= from) && usesGlibc();
}

/**
 * Runs the same command in a child process with the setting and returns its exit status (a child ended by a signal
 * ends this process by the same signal); null when no child could be started (then the command runs here, as it
 * would without the setting). Standard input, output and error are the child's own.
 */
export function runWithMallocSetting(): number | null {
  const child = spawnSync(process.execPath, [...process.execArgv, EXPOSE_GC, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, MALLOC_MMAP_THRESHOLD_: MMAP_THRESHOLD, [CHILD]: "1" },
  });
  if (child.error) return null;
  if (child.signal) process.kill(process.pid, child.signal);
  return child.status ?? 1;
}

/** The flag that lets the child collect garbage when told to. */
const EXPOSE_GC = "--expose-gc";

/**
 * Collects garbage now, where this process may (the child started with the setting); elsewhere nothing: memory left
 * unreferenced is then given back when the collector next runs.
 */
export function giveBackMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function usesGlibc(): boolean {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return typeof report?.header?.glibcVersionRuntime === "string";
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
