import { mkdirSync } from "fs";
import { join, resolve } from "path";
import { runGrade } from "./gradeCommand";
import { langOf } from "./gradeRequest";
import { DEMO_TEXTS } from "./texts";

/** The shipped samples (assets/samples), next to the compiled command in dist/node/cli. */
export const SAMPLES_DIR = resolve(__dirname, "../../../assets/samples");

/** The Shaoxing profile has no default as-of date; the sample's orders run to late 2025. */
export const SHAOXING_DEMO_AS_OF = "2025-12-31";

const DEMOS = [
  { sample: "shaoxing-customers.xlsx", profile: "shaoxing", asOf: SHAOXING_DEMO_AS_OF, out: "shaoxing-graded.xlsx" },
  { sample: "wuhan-sales.xlsx", profile: "wuhan", asOf: undefined, out: "wuhan-graded.xlsx" },
];

/** `rfm demo`: grades both samples with the built-in profiles and writes .xlsx results to the out folder. */
export async function runDemo(flags: { outDir?: string; lang?: string }): Promise<void> {
  const lang = langOf(flags.lang);
  const outDir = resolve(flags.outDir ?? "out");
  mkdirSync(outDir, { recursive: true });
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
