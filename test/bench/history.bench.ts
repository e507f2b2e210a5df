/**
 * Grade history (RULES.md §13): 1,000,000 sales over 200,000 customers graded at 24 month ends (September 2023 – August
 * 2025) with the Wuhan quintiles, in one pass (`gradeHistory`: one sort of the sales, then each month in turn), next
 * to grading the same sales 24 times one by one with `gradeSales`; wall-clock and CPU time of each (the machine is
 * shared: the CPU time is what the work costs). Target (issue #21): 24 months in 3 s or less.
 * Alone: `npx ts-node --transpile-only test/bench/history.bench.ts`.
 */

import { performance } from "perf_hooks";
import { builtinProfile, gradeSales } from "../../src/engine";
import { gradeHistory, periodEnds } from "../../src/engine/gradeHistory";
import { salesRows } from "./benchData";

const RUNS = 3;
/** Grading 24 times one by one takes some ten times as long: one run of it is the comparison. */
const ONE_BY_ONE_RUNS = 1;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall-clock and CPU (user + system) milliseconds of one call: on a shared machine the CPU time says what it costs. */
function timed(work: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  work();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<string[]> {
  const wuhan = builtinProfile("wuhan")!;
  const sales = salesRows(1_000_000, 200_000, "numbers");
  const ends = periodEnds("month", { year: 2023, month: 9 }, { year: 2025, month: 8 });
  const lines: string[] = [];

  gradeHistory(sales, wuhan, ends); // warm-up
  const once = Array.from({ length: RUNS }, () => timed(() => gradeHistory(sales, wuhan, ends)));
  const oneByOne = Array.from({ length: ONE_BY_ONE_RUNS }, () =>
    timed(() => {
      for (const end of ends) gradeSales(sales, wuhan, { asOf: end });
    }),
  );
  const a = median(once.map((t) => t.wall)),
    b = median(oneByOne.map((t) => t.wall));
  const aCpu = median(once.map((t) => t.cpu)),
    bCpu = median(oneByOne.map((t) => t.cpu));
  lines.push(
    `gradeHistory wuhan, 1,000,000 sales, 200,000 customers, ${ends.length} month ends: median ${seconds(a)} ` +
      `(best ${seconds(Math.min(...once.map((t) => t.wall)))}; CPU ${seconds(aCpu)}; target ≤ 3 s)`,
  );
  lines.push(
    `the same ${ends.length} month ends graded one by one with gradeSales: ${seconds(b)} (CPU ${seconds(bCpu)}; ` +
      `${(b / a).toFixed(1)}× the history's time, ${(bCpu / aCpu).toFixed(1)}× its CPU)`,
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
