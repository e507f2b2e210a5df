/**
 * The engine in memory: 1,000,000 customer rows with the Shaoxing thresholds, and 1,000,000 sales over 200,000
 * customers with the Wuhan quintiles. Each input comes as Excel hands it over (numbers and date serials) and as a CSV
 * hands it over (text). Target (issue #2): 1M customers well under 0.1 s.
 * Alone: `npx ts-node --transpile-only test/bench/engine.bench.ts`.
 */

import { performance } from "perf_hooks";
import { builtinProfile, gradeCustomers, gradeSales, type GradeResult } from "../../src/engine";
import { customerRows, salesRows } from "./benchData";

const RUNS = 5;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const signedMb = (bytes: number) => (bytes >= 0 ? "+" : "−") + mb(Math.abs(bytes));

function measure(label: string, rows: number, grade: () => GradeResult): string {
  grade(); // warm-up: the first call also compiles
  const times: number[] = [];
  const heapBefore = process.memoryUsage().heapUsed;
  let res: GradeResult | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    res = grade();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  const line =
    `${label}: ${rows.toLocaleString("en")} rows, median ${median.toFixed(0)} ms (best ${times[0].toFixed(0)} ms) ` +
    `= ${Math.round(rows / (median / 1000)).toLocaleString("en")} rows/s; ${res!.summary.graded.toLocaleString("en")} graded; ` +
    `heap in use ${mb(process.memoryUsage().heapUsed)} (${signedMb(process.memoryUsage().heapUsed - heapBefore)} across the runs)`;
  console.log(line);
  return line;
}

export async function run(): Promise<string[]> {
  const shaoxing = builtinProfile("shaoxing")!;
  const wuhan = builtinProfile("wuhan")!;
  const lines: string[] = [];
  const N = 1_000_000;

  const asNumbers = customerRows(N, "numbers");
  lines.push(
    measure("gradeCustomers shaoxing, numbers and date serials", N, () =>
      gradeCustomers(asNumbers, shaoxing, { asOf: "2025-12-31" }),
    ),
  );
  const asText = customerRows(N, "text");
  lines.push(
    measure("gradeCustomers shaoxing, CSV text (YYYY-MM-DD)", N, () =>
      gradeCustomers(asText, shaoxing, { asOf: "2025-12-31" }),
    ),
  );

  const sales = salesRows(N, 200_000, "numbers");
  lines.push(
    measure("gradeSales wuhan, 200,000 customers, numbers and date serials", N, () => gradeSales(sales, wuhan)),
  );
  const salesText = salesRows(N, 200_000, "text");
  lines.push(measure("gradeSales wuhan, 200,000 customers, CSV text", N, () => gradeSales(salesText, wuhan)));

  const peak = `peak RSS of this process (inputs included): ${mb(process.resourceUsage().maxRSS * 1024)}`;
  console.log(peak);
  lines.push(peak);
  return lines;
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
