/**
 * Grade history (RULES.md §13): 1,000,000 sales over 200,000 customers graded at 24 month ends (September 2023 – August
 * 2025) with the Wuhan quintiles, in one pass (`gradeHistory`: one sort of the sales, then each month in turn), next
 * to grading the same sales 24 times one by one with `gradeSales`. Target (issue #21): 24 months in 3 s or less.
 * Alone: `npx ts-node --transpile-only test/bench/history.bench.ts`.
 */

import { performance } from "perf_hooks";
import { builtinProfile, gradeSales } from "../../src/engine";
import { gradeHistory, periodEnds } from "../../src/engine/gradeHistory";
import { salesRows } from "./benchData";

const RUNS = 3;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<string[]> {
  const wuhan = builtinProfile("wuhan")!;
  const sales = salesRows(1_000_000, 200_000, "numbers");
  const ends = periodEnds("month", { year: 2023, month: 9 }, { year: 2025, month: 8 });
  const lines: string[] = [];

  gradeHistory(sales, wuhan, ends); // warm-up
  const once: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    gradeHistory(sales, wuhan, ends);
    once.push(performance.now() - t0);
  }
  const oneByOne: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (const end of ends) gradeSales(sales, wuhan, { asOf: end });
    oneByOne.push(performance.now() - t0);
  }
  const a = median(once), b = median(oneByOne);
  lines.push(
    `gradeHistory wuhan, 1,000,000 sales, 200,000 customers, ${ends.length} month ends: median ${(a / 1000).toFixed(2)} s ` +
      `(best ${(Math.min(...once) / 1000).toFixed(2)} s; target ≤ 3 s)`,
  );
  lines.push(
    `the same ${ends.length} month ends graded one by one with gradeSales: median ${(b / 1000).toFixed(2)} s ` +
      `(${(b / a).toFixed(1)}× the history's time)`,
  );
  lines.push(`peak RSS of this process (inputs included): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  for (const line of lines) console.log(line);
  return lines;
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
