/**
 * The `rfm` command end to end on generated 1,000,000-row CSV files (in the system's temporary folder): start-up,
 * reading, parsing, grading and writing the result file, as a user runs it. Target (issue #2): under 3 s.
 * Needs the compiled command (`npm run bench` builds it first). Alone: `npx ts-node --transpile-only test/bench/cli.bench.ts`.
 */

import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { performance } from "perf_hooks";
import { writeCustomerCsv, writeSalesCsv } from "./benchData";

const RFM = resolve(__dirname, "../../dist/node/rfm/rfm.js");
const RUNS = 3;
const ROWS = 1_000_000;

// Preloaded into the command's process: on exit it leaves the process's own CPU time and peak memory in a file.
const REPORT_USAGE = `process.on("exit", () => require("fs").writeFileSync(process.env.RFM_BENCH_USAGE, JSON.stringify(process.resourceUsage())));`;

interface Usage {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

function runOnce(dir: string, args: string[]): Usage {
  const usageFile = join(dir, "usage.json");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-r", join(dir, "report-usage.js"), RFM, ...args], {
    cwd: dir,
    env: { ...process.env, RFM_BENCH_USAGE: usageFile },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`rfm ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as NodeJS.ResourceUsage;
  return { wallMs, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 };
}

function measure(dir: string, label: string, args: string[], runs = RUNS): string {
  const all = Array.from({ length: runs }, () => runOnce(dir, args)).sort((a, b) => a.wallMs - b.wallMs);
  const median = all[Math.floor(runs / 2)];
  const line =
    `rfm ${label}: ${ROWS.toLocaleString("en")} rows, wall median ${(median.wallMs / 1000).toFixed(2)} s ` +
    `(best ${(all[0].wallMs / 1000).toFixed(2)} s) = ${Math.round(ROWS / (median.wallMs / 1000)).toLocaleString("en")} rows/s; ` +
    `CPU ${(median.cpuMs / 1000).toFixed(2)} s; peak RSS ${Math.round(Math.max(...all.map((u) => u.maxRssMb)))} MB`;
  console.log(line);
  return line;
}

export async function run(): Promise<string[]> {
  statSync(RFM); // the compiled command must exist
  const dir = mkdtempSync(join(tmpdir(), "rfm-bench-"));
  try {
    writeFileSync(join(dir, "report-usage.js"), REPORT_USAGE);
    const customers = join(dir, "customers.csv");
    const sales = join(dir, "sales.csv");
    writeCustomerCsv(customers, ROWS);
    writeSalesCsv(sales, ROWS, 200_000);
    const size = (p: string) => `${(statSync(p).size / 1024 / 1024).toFixed(0)} MB`;
    console.log(`inputs in ${dir}: customers.csv ${size(customers)}, sales.csv ${size(sales)}`);
    return [
      measure(dir, "grade customers.csv --profile shaoxing -o out.csv", [
        "grade",
        customers,
        "--profile",
        "shaoxing",
        "--as-of",
        "2025-12-31",
        "--out",
        join(dir, "out.csv"),
      ]),
      measure(dir, "grade sales.csv (200,000 customers) --profile wuhan -o out.csv", [
        "grade",
        sales,
        "--profile",
        "wuhan",
        "--out",
        join(dir, "sales-out.csv"),
      ]),
      measure(
        dir,
        "grade sales.csv (200,000 customers) --profile wuhan -o out.xlsx",
        ["grade", sales, "--profile", "wuhan", "--out", join(dir, "sales-out.xlsx")],
        1,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
