import { mkdirSync, statSync } from "fs";
import { join, resolve } from "path";
import { runGrade } from "./gradeCommand";
import { langOf } from "./gradeRequest";
import { DEMO_TEXTS, USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";
import { writeFailure } from "./writeFailure";

/** The shipped samples (assets/samples), next to the compiled command in dist/node/cli. */
const SAMPLES_DIR = resolve(__dirname, "../../../assets/samples");

/** The Shaoxing profile has no default as-of date; the sample's orders run to late 2025. */
const SHAOXING_DEMO_AS_OF = "2025-12-31";

const DEMOS = [
  { sample: "shaoxing-customers.xlsx", profile: "shaoxing", asOf: SHAOXING_DEMO_AS_OF, out: "shaoxing-graded.xlsx" },
  { sample: "wuhan-sales.xlsx", profile: "wuhan", asOf: undefined, out: "wuhan-graded.xlsx" },
];

/** `rfm demo`: grades both samples with the built-in profiles and writes .xlsx results to the out folder. */
export async function runDemo(flags: { outDir?: string; lang?: string }): Promise<void> {
  const lang = langOf(flags.lang);
  const outDir = resolve(flags.outDir ?? "out");
  makeOutDir(outDir, flags.outDir ?? "out");
  for (const demo of DEMOS) {
    process.stderr.write(`\n${DEMO_TEXTS.heading(demo.sample, demo.profile)[lang]}\n`);
    if (demo.asOf) process.stderr.write(`${DEMO_TEXTS.asOfChosen(demo.asOf)[lang]}\n`);
    await runGrade(join(SAMPLES_DIR, demo.sample), {
      profile: demo.profile,
      asOf: demo.asOf,
      out: join(outDir, demo.out),
      lang,
    });
  }
  process.stderr.write(`\n${DEMO_TEXTS.done(outDir)[lang]}\n`);
}

/** The results folder, made if missing; a file of that name, or a folder that cannot be made, is a one-line error. */
function makeOutDir(outDir: string, asGiven: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || (code === "ENOTDIR" && isFile(outDir)))
      throw new UsageError(USAGE_TEXTS.outDirIsFile(asGiven));
    throw writeFailure(asGiven, trueCause(outDir, err));
  }
}

/**
 * Making folders recursively, Node reports ENOENT for a folder it could not make in a parent that exists (on a
 * read-only disk, say): making just the last folder gives the real reason.
 */
function trueCause(outDir: string, err: unknown): unknown {
  if ((err as NodeJS.ErrnoException).code !== "ENOENT") return err;
  try {
    mkdirSync(outDir);
    return err;
  } catch (direct) {
    return direct;
  }
}

function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}
