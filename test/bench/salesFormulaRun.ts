/**
 * One measurement of RFM.SALES in a process of its own, so its peak memory is its own: builds `rows` sales records
 * over rows/5 customers as Excel passes three column ranges (one-cell rows, numbers and date serials), calls the
 * function as Excel does, and prints one JSON line. Started by functions.bench.ts:
 *   node --expose-gc -r ts-node/register/transpile-only test/bench/salesFormulaRun.ts 100000
 */
import { performance } from "perf_hooks";
import { sales } from "../../src/functions/functions";
import { installRuntime } from "../functions/fakeRuntime";
import { salesRows } from "./benchData";

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(rows: number): Promise<void> {
  installRuntime({ language: "en-US", date1904: false });
  const input = salesRows(rows, Math.max(1, Math.floor(rows / 5)), "numbers");
  const asRange = (cells: ArrayLike<unknown>) => Array.from(cells, (v) => [v]);
  const customer = asRange(input.ids),
    orderDate = asRange(input.dates),
    amount = asRange(input.amounts);
  const none = null as unknown as undefined;
  const call = () => sales(customer, orderDate, amount, "wuhan", "2025-12-31", none, none, true);

  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await call();
  const firstMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const heapAfter = process.memoryUsage().heapUsed;
  // Warm runs: Excel recalculates the same formula again and again.
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await call();
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      rows,
      spillRows: out.length,
      firstMs: Math.round(firstMs),
      firstCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      warmMedianMs: Math.round(warm[1]),
      rssBeforeMb: mb(before.rss),
      peakRssMb: mb(peakRss),
      heapBeforeMb: mb(before.heapUsed),
      heapAfterCallMb: mb(heapAfter),
      // What the runtime sends back to Excel is JSON: the spill's size as such (Excel on the web takes ~5 MB a request).
      resultJsonMb: Math.round((JSON.stringify(out).length / 1024 / 1024) * 10) / 10,
    }),
  );
}

main(Number(process.argv[2])).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
