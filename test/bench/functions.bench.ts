/**
 * RFM.GRADE over 100,000-row column ranges, called as Excel calls it (matrix arguments), with each built-in profile.
 * Run with `npm run bench`, or alone: `npx ts-node --transpile-only test/bench/functions.bench.ts`.
 */
import { performance } from "perf_hooks";
import { grade } from "../../src/functions/functions";
import { installRuntime, removeRuntime } from "../functions/fakeRuntime";

const ROWS = 100_000;
const RUNS = 5;
const AS_OF = 45839; // 2025-07-01

/** Deterministic customer columns: last order within ~3 years, 1..40 purchases, amounts with 2 decimals. */
function customerColumns(rows: number, amountScale: number): { dates: number[][]; counts: number[][]; totals: number[][] } {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const dates: number[][] = new Array(rows);
  const counts: number[][] = new Array(rows);
  const totals: number[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    dates[i] = [AS_OF - Math.floor(next() * 1000)];
    counts[i] = [1 + Math.floor(next() * 40)];
    totals[i] = [Math.round(next() * amountScale * 100) / 100];
  }
  return { dates, counts, totals };
}

async function measure(label: string, call: () => Promise<unknown[][]>): Promise<string> {
  const times: number[] = [];
  let graded = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const out = await call();
    times.push(performance.now() - t0);
    graded = out.filter((row) => typeof row[0] === "string" && row[0] !== "").length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  const line =
    `RFM.GRADE ${label}: ${ROWS.toLocaleString("en")} rows, median ${median.toFixed(1)} ms ` +
    `(best ${times[0].toFixed(1)} ms) = ${Math.round(ROWS / (median / 1000)).toLocaleString("en")} rows/s, ` +
    `${graded.toLocaleString("en")} graded`;
  console.log(line);
  return line;
}

export async function run(): Promise<string[]> {
  installRuntime({ language: "en-US", date1904: false });
  try {
    const wan = customerColumns(ROWS, 12); // shaoxing counts in 万元
    const yuan = customerColumns(ROWS, 120_000);
    const none = null as unknown as undefined;
    return [
      await measure("shaoxing (thresholds, as_of given)", () =>
        grade(wan.dates, wan.counts, wan.totals, "shaoxing", AS_OF, none),
      ),
      await measure("wuhan (quintiles, whole columns)", () =>
        grade(yuan.dates, yuan.counts, yuan.totals, "wuhan", none, none),
      ),
    ];
  } finally {
    removeRuntime();
  }
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
