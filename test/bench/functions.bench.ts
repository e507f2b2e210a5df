/**
 * The custom functions called as Excel calls them (matrix arguments, null for omitted ones, the fake runtime of
 * test/functions):
 * - RFM.GRADE over 100,000-row column ranges with each built-in profile, and over whole columns (B:B: 1,048,576 rows
 *   of which 100,000 hold data);
 * - RFM.SALES over 100,000 and 1,000,000 sales rows (time, CPU and peak memory, each size in a process of its own:
 *   salesFormulaRun.ts);
 * - 100,000 separate single-cell RFM.GRADE formulas as Excel's shared runtime batches them: it calls the function once
 *   per cell, in slices of at most 1 s of calls with a timer between slices (custom-functions-runtime.js,
 *   `_invokeRemainingBatchEntries`, `_batchQuotaMillis`), then collects the promises. Every Excel.run of the fake
 *   takes RUN_LATENCY_MS, as a round trip to Excel would, so the per-call cost includes the date-system lookup.
 * Run with `npm run bench -- functions`, or alone: `npx ts-node --transpile-only test/bench/functions.bench.ts`.
 * Timings on a shared machine vary with its load: the lines print the load average and the CPU time too.
 */
import { spawnSync } from "child_process";
import { loadavg } from "os";
import { join } from "path";
import { performance } from "perf_hooks";
import { grade } from "../../src/functions/functions";
import { installRuntime, removeRuntime } from "../functions/fakeRuntime";

const ROWS = 100_000;
const RUNS = 5;
const AS_OF = 45839; // 2025-07-01
const SHEET_ROWS = 1_048_576;
const RUN_LATENCY_MS = 20;
const BATCH_QUOTA_MS = 1000;
const none = null as unknown as undefined;
const fmt = (n: number) => Math.round(n).toLocaleString("en");
const load = () => `load ${loadavg()[0].toFixed(1)}`;

/** Deterministic customer columns: last order within ~3 years, 1..40 purchases, amounts with 2 decimals. */
function customerColumns(
  rows: number,
  amountScale: number,
): { dates: number[][]; counts: number[][]; totals: number[][] } {
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

/** A column range grown to a whole column: a title on top, then `cells`, then empty rows to the sheet's end. */
function wholeColumn(title: string, cells: unknown[][]): unknown[][] {
  const rows = new Array<unknown[]>(SHEET_ROWS);
  rows[0] = [title];
  for (let i = 0; i < cells.length; i++) rows[i + 1] = cells[i];
  for (let i = cells.length + 1; i < SHEET_ROWS; i++) rows[i] = [null];
  return rows;
}

async function measure(label: string, call: () => Promise<unknown[][]>): Promise<string> {
  const times: number[] = [];
  let graded = 0,
    spill = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const out = await call();
    times.push(performance.now() - t0);
    spill = out.length;
    graded = out.filter((row) => typeof row[0] === "string" && /^[A-Z]$/.test(row[0])).length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  const line =
    `RFM.GRADE ${label}: ${ROWS.toLocaleString("en")} data rows, median ${median.toFixed(1)} ms ` +
    `(best ${times[0].toFixed(1)} ms) = ${fmt(ROWS / (median / 1000))} rows/s, ${fmt(graded)} graded, ` +
    `spill ${fmt(spill)} rows (${load()})`;
  console.log(line);
  return line;
}

interface SalesFigures {
  rows: number;
  spillRows: number;
  firstMs: number;
  firstCpuMs: number;
  warmMedianMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  heapBeforeMb: number;
  heapAfterCallMb: number;
  resultJsonMb: number;
}

/** RFM.SALES over `rows` sales in a process of its own, so that its peak RSS is the call's. */
function measureSales(rows: number): string {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "-r", "ts-node/register/transpile-only", join(__dirname, "salesFormulaRun.ts"), String(rows)],
    { cwd: join(__dirname, "..", ".."), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  if (r.status !== 0) throw new Error(`salesFormulaRun ${rows} exited ${r.status}: ${r.stderr}`);
  const f = JSON.parse(r.stdout.trim().split("\n").pop()!) as SalesFigures;
  const line =
    `RFM.SALES wuhan: ${fmt(f.rows)} sales over ${fmt(f.rows / 5)} customers, spill ${fmt(f.spillRows)} rows; ` +
    `first call ${fmt(f.firstMs)} ms (CPU ${fmt(f.firstCpuMs)} ms), recalculation median ${fmt(f.warmMedianMs)} ms; ` +
    `peak RSS ${fmt(f.peakRssMb)} MB (${fmt(f.peakRssMb - f.rssBeforeMb)} MB above the process holding the ranges, ` +
    `${fmt(f.rssBeforeMb)} MB); heap ${fmt(f.heapBeforeMb)} -> ${fmt(f.heapAfterCallMb)} MB; result ${f.resultJsonMb} MB ` +
    `as JSON (${load()})`;
  console.log(line);
  return line;
}

/**
 * Excel's shared runtime invoking `calls` single-cell formulas: synchronous calls in slices of BATCH_QUOTA_MS,
 * a timer between slices, and the results collected as their promises settle.
 */
async function batchedSingleCells(calls: number): Promise<string> {
  const runtime = installRuntime({ language: "en-US", date1904: false, runLatencyMs: RUN_LATENCY_MS });
  const invoke = (i: number) =>
    grade([[AS_OF - (i % 120)]], [[1 + (i % 30)]], [[0.5 + (i % 12)]], "shaoxing", AS_OF, none) as Promise<unknown[][]>;
  const results: Promise<unknown[][]>[] = new Array(calls);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let dispatchMs = 0;
  await new Promise<void>((done) => {
    let next = 0;
    const slice = () => {
      const start = performance.now();
      while (next < calls && performance.now() - start < BATCH_QUOTA_MS) results[next] = invoke(next++);
      dispatchMs += performance.now() - start;
      if (next < calls) setTimeout(slice, 0);
      else done();
    };
    slice();
  });
  const settled = await Promise.all(results);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const graded = settled.filter((r) => typeof r[0][0] === "string").length;
  const line =
    `RFM.GRADE as ${fmt(calls)} single-cell formulas (Excel's batching, Excel.run ${RUN_LATENCY_MS} ms): ` +
    `all settled in ${fmt(wallMs)} ms, calls dispatched in ${fmt(dispatchMs)} ms; CPU ${fmt(cpuMs)} ms = ` +
    `${((cpuMs * 1000) / calls).toFixed(1)} µs per call; ${runtime.excelRuns()} Excel.run for the date system; ` +
    `${fmt(graded)} graded (${load()})`;
  console.log(line);
  return line;
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  installRuntime({ language: "en-US", date1904: false });
  try {
    const wan = customerColumns(ROWS, 12); // shaoxing counts in 万元
    const yuan = customerColumns(ROWS, 120_000);
    lines.push(
      await measure("shaoxing (thresholds, as_of given)", () =>
        grade(wan.dates, wan.counts, wan.totals, "shaoxing", AS_OF, none),
      ),
    );
    lines.push(
      await measure("wuhan (quintiles, whole columns)", () =>
        grade(yuan.dates, yuan.counts, yuan.totals, "wuhan", none, none),
      ),
    );
    const [d, c, t] = [
      wholeColumn("Last order date", wan.dates),
      wholeColumn("Purchases", wan.counts),
      wholeColumn("Amount", wan.totals),
    ];
    lines.push(
      await measure("shaoxing over B:B, C:C, D:D (1,048,576 rows each)", () => grade(d, c, t, "shaoxing", AS_OF, none)),
    );
  } finally {
    removeRuntime();
  }
  lines.push(measureSales(100_000));
  lines.push(measureSales(1_000_000));
  try {
    await batchedSingleCells(1_000); // warm-up
    lines.push(await batchedSingleCells(100_000));
  } finally {
    removeRuntime();
  }
  return lines;
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
