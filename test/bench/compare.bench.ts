/**
 * `rfm` side by side with a DuckDB script and a pandas script on the same CSV files (issue: speed and scale), each run
 * as a whole process, CSV in and CSV out, interleaved run by run so that every tool meets the same load; medians of
 * wall time, the largest peak memory (resident set, from /usr/bin/time). Also 1M rows written to .xlsx and a
 * full-height (1,048,575-row) .xlsx read back, both by `rfm`. `rfm` is the command as users run it (`--engine auto`:
 * DuckDB from 128 MB of CSV, so the 15M-row file); `rfm-duckdb` and `rfm-js` force one engine on the same file, and
 * their outputs are compared byte for byte with the default's.
 *
 *   npm run bench -- compare                     1M customers + 1M sales, 15M customers, xlsx cases; 3 runs
 *   RFM_BENCH_ROWS=20000 RFM_BENCH_BIG_ROWS=60000 RFM_BENCH_RUNS=1 npm run bench -- compare   (a quick smoke run)
 *
 * pandas runs where /usr/bin/python3 (or python3) imports pandas; DuckDB is @duckdb/node-api. The peers'
 * scripts are in test/bench/peers/; they grade with the same rules, and their grade counts are checked against ours.
 */

import { spawnSync } from "child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { writeCustomerCsv, writeSalesCsv } from "./benchData";

const ROOT = resolve(__dirname, "../..");
const RFM = join(ROOT, "dist/node/cli/main.js");
const DUCKDB = join(__dirname, "peers/duckdb-rfm.js");
const PANDAS = join(__dirname, "peers/pandas_rfm.py");
const TIME = "/usr/bin/time";

const ROWS = Number(process.env.RFM_BENCH_ROWS ?? 1_000_000);
const BIG_ROWS = Number(process.env.RFM_BENCH_BIG_ROWS ?? 15_000_000);
const FULL_HEIGHT = Number(process.env.RFM_BENCH_XLSX_ROWS ?? 1_048_575);
const RUNS = Number(process.env.RFM_BENCH_RUNS ?? 3);

interface Measure {
  wallS: number;
  rssMb: number;
}

/** One whole process under /usr/bin/time: wall seconds and peak resident memory. */
function timed(dir: string, command: string, args: string[]): Measure {
  const report = join(dir, "time.txt");
  const r = spawnSync(TIME, ["-f", "%e %M", "-o", report, command, ...args], { cwd: dir, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const [wall, rss] = readFileSync(report, "utf8").trim().split(/\s+/).slice(-2).map(Number);
  return { wallS: wall, rssMb: rss / 1024 };
}

function pandasPython(): string | undefined {
  for (const python of ["/usr/bin/python3", "python3"]) {
    if (spawnSync(python, ["-c", "import pandas"], { stdio: "ignore" }).status === 0) return python;
  }
  return undefined;
}

/** Copies of the customer file's data lines, each copy's ids starting with its own letter, up to `rows` rows. */
function replicateCustomers(source: string, target: string, rows: number): void {
  const bytes = readFileSync(source);
  const headerEnd = bytes.indexOf(10) + 1;
  const data = bytes.subarray(headerEnd);
  const lineStarts: number[] = [0];
  for (let i = data.indexOf(10); i >= 0 && i + 1 < data.length; i = data.indexOf(10, i + 1)) lineStarts.push(i + 1);
  const fd = openSync(target, "w");
  try {
    writeSync(fd, bytes.subarray(0, headerEnd));
    let written = 0;
    for (let copy = 0; written < rows; copy++) {
      const take = Math.min(lineStarts.length, rows - written);
      const end = take < lineStarts.length ? lineStarts[take] : data.length;
      const part = Buffer.from(data.subarray(0, end));
      // Ids are "C0000123": each copy gets its own first letter (C, D, E, ...), so ids stay unique.
      for (let k = 0; k < take; k++) part[lineStarts[k]] = 67 + (copy % 20) + (copy >= 20 ? 32 : 0);
      writeSync(fd, part);
      written += take;
    }
  } finally {
    closeSync(fd);
  }
}

interface Case {
  label: string;
  rows: number;
  tools: { name: string; command: string; args: string[] }[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Customers per grade in a result CSV, the grade column found by its header (rfm "Grade", the peers "grade"). */
function gradeCounts(path: string): string {
  const [header, ...lines] = readFileSync(path, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\n");
  const at = header.split(",").findIndex((h) => h.trim().toLowerCase() === "grade");
  if (at < 0) return "no grade column";
  const counts = new Map<string, number>();
  for (const line of lines) {
    const g = line.split(",")[at];
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return [...counts].filter(([g]) => /^[A-D]$/.test(g)).sort().map(([g, n]) => `${g} ${n}`).join(" ");
}

export async function run(): Promise<void> {
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed to measure peak memory (Debian: apt-get install time)`);
  statSync(RFM);
  const python = pandasPython();
  const dir = mkdtempSync(join(tmpdir(), "rfm-compare-"));
  try {
    const t0 = Date.now();
    const customers = join(dir, "customers.csv");
    const sales = join(dir, "sales.csv");
    const big = join(dir, "customers-big.csv");
    const fullCsv = join(dir, "full-height.csv");
    const fullXlsx = join(dir, "full-height.xlsx");
    writeCustomerCsv(customers, ROWS);
    writeSalesCsv(sales, ROWS, Math.max(1, Math.floor(ROWS / 5)));
    replicateCustomers(customers, big, BIG_ROWS);
    replicateCustomers(customers, fullCsv, FULL_HEIGHT);
    const made = spawnSync(process.execPath, [RFM, "grade", fullCsv, "-p", "shaoxing", "--as-of", "2025-12-31", "-o", fullXlsx], { stdio: "ignore" });
    if (made.status !== 0) throw new Error("could not write the full-height workbook");
    const mb = (p: string) => `${(statSync(p).size / 1048576).toFixed(0)} MB`;
    console.log(
      `inputs in ${dir} (${((Date.now() - t0) / 1000).toFixed(0)} s): customers ${ROWS.toLocaleString("en")} rows ${mb(customers)}, ` +
        `sales ${ROWS.toLocaleString("en")} ${mb(sales)}, customers ${BIG_ROWS.toLocaleString("en")} ${mb(big)}, ` +
        `full-height .xlsx ${FULL_HEIGHT.toLocaleString("en")} rows ${mb(fullXlsx)}`,
    );
    console.log(python ? `pandas: ${python}` : "pandas: not installed here, left out");

    const ours = (input: string, out: string, profile: string[], engine?: "js" | "duckdb") => ({
      name: engine ? `rfm-${engine}` : "rfm",
      command: process.execPath,
      args: [RFM, "grade", input, ...profile, "-o", join(dir, out), ...(engine ? ["--engine", engine] : [])],
    });
    const duck = (kind: string, input: string, out: string) => ({ name: "duckdb", command: process.execPath, args: [DUCKDB, kind, input, join(dir, out)] });
    const pandas = (kind: string, input: string, out: string) => (python ? [{ name: "pandas", command: python, args: [PANDAS, kind, input, join(dir, out)] }] : []);
    const SHAOXING = ["-p", "shaoxing", "--as-of", "2025-12-31"];
    const WUHAN = ["-p", "wuhan"];
    const cases: Case[] = [
      {
        label: "customers CSV -> CSV",
        rows: ROWS,
        tools: [
          ours(customers, "c-rfm.csv", SHAOXING), ours(customers, "c-rfm-duckdb.csv", SHAOXING, "duckdb"),
          duck("customers", customers, "c-duckdb.csv"), ...pandas("customers", customers, "c-pandas.csv"),
        ],
      },
      { label: "sales CSV -> CSV", rows: ROWS, tools: [ours(sales, "s-rfm.csv", WUHAN), duck("sales", sales, "s-duckdb.csv"), ...pandas("sales", sales, "s-pandas.csv")] },
      // rfm's default (auto) grades this file with DuckDB; rfm-js is the JavaScript engine on the same file.
      {
        label: "big customers CSV -> CSV",
        rows: BIG_ROWS,
        tools: [ours(big, "b-rfm.csv", SHAOXING), ours(big, "b-rfm-js.csv", SHAOXING, "js"), duck("customers", big, "b-duckdb.csv")],
      },
      { label: "customers CSV -> .xlsx", rows: ROWS, tools: [ours(customers, "c-rfm.xlsx", SHAOXING)] },
      { label: "full-height .xlsx -> CSV", rows: FULL_HEIGHT, tools: [ours(fullXlsx, "f-rfm.csv", SHAOXING)] },
    ];

    const results = new Map<string, Measure[]>();
    const failures = new Map<string, string>();
    for (let run = 0; run < RUNS; run++) {
      for (const c of cases) {
        for (const tool of c.tools) {
          const key = `${c.label}|${tool.name}`;
          if (failures.has(key)) continue;
          try {
            const m = timed(dir, tool.command, tool.args);
            results.set(key, [...(results.get(key) ?? []), m]);
            // Each figure as it comes, so a long run that is stopped still leaves its numbers.
            console.log(`  run ${run + 1}: ${c.label} ${tool.name} ${m.wallS.toFixed(2)} s ${Math.round(m.rssMb)} MB`);
          } catch (err) {
            failures.set(key, (err as Error).message.split("\n").slice(0, 3).join(" "));
          }
        }
      }
    }

    const summary = (key: string) => {
      const runs = results.get(key);
      if (!runs) return undefined;
      return { wallS: median(runs.map((m) => m.wallS)), rssMb: Math.max(...runs.map((m) => m.rssMb)) };
    };
    for (const c of cases) {
      for (const tool of c.tools) {
        const key = `${c.label}|${tool.name}`;
        const s = summary(key);
        const rate = s ? `${Math.round(c.rows / s.wallS).toLocaleString("en")} rows/s` : "";
        console.log(
          `${c.label.padEnd(26)} ${tool.name.padEnd(7)} ` +
            (s ? `wall median ${s.wallS.toFixed(2)} s (${RUNS} runs), peak RSS ${Math.round(s.rssMb)} MB, ${rate}` : `FAILED: ${failures.get(key)}`),
        );
      }
    }
    const both = (tool: string) => {
      const a = summary(`customers CSV -> CSV|${tool}`), b = summary(`sales CSV -> CSV|${tool}`);
      return a && b ? a.wallS + b.wallS : undefined;
    };
    const [r, d, p] = [both("rfm"), both("duckdb"), both("pandas")];
    if (r !== undefined && d !== undefined) {
      console.log(`both files: rfm ${r.toFixed(2)} s, duckdb ${d.toFixed(2)} s` + (p !== undefined ? `, pandas ${p.toFixed(2)} s` : ""));
      console.log(`  rfm / duckdb = ${(r / d).toFixed(2)} (goal <= 1.2)` + (p !== undefined ? `; rfm / pandas = ${(r / p).toFixed(2)} (goal <= 0.5)` : ""));
    }
    const bigOurs = summary("big customers CSV -> CSV|rfm"), bigDuck = summary("big customers CSV -> CSV|duckdb");
    if (bigOurs && bigDuck) {
      console.log(`big: rfm / duckdb = ${(bigOurs.wallS / bigDuck.wallS).toFixed(2)} (goal <= 1.2), rfm peak ${Math.round(bigOurs.rssMb)} MB (goal <= 1536)`);
    }
    const xlsx = summary("customers CSV -> .xlsx|rfm");
    if (xlsx) console.log(`.xlsx out: ${xlsx.wallS.toFixed(2)} s for ${ROWS.toLocaleString("en")} rows (goal <= 10 s at 1M)`);
    const full = summary("full-height .xlsx -> CSV|rfm");
    if (full) console.log(`full-height .xlsx in: peak ${Math.round(full.rssMb)} MB (goal < 1536)`);
    // The peers must have done the same work: the same number of customers in each grade.
    // Both engines of rfm must also write the same bytes.
    for (const [a, b] of [["c-rfm.csv", "c-rfm-duckdb.csv"], ["b-rfm.csv", "b-rfm-js.csv"]]) {
      if (existsSync(join(dir, a)) && existsSync(join(dir, b))) {
        console.log(`${a} and ${b}: ${readFileSync(join(dir, a)).equals(readFileSync(join(dir, b))) ? "identical" : "DIFFERENT"}`);
      }
    }
    for (const [label, files] of [["customers", ["c-rfm.csv", "c-rfm-duckdb.csv", "c-duckdb.csv", "c-pandas.csv"]], ["sales", ["s-rfm.csv", "s-duckdb.csv", "s-pandas.csv"]]] as const) {
      const counts = files.filter((f) => existsSync(join(dir, f))).map((f) => `${f}: ${gradeCounts(join(dir, f))}`);
      console.log(`grade counts, ${label}: ${counts.join(" | ")}`);
    }
    console.log(`load average while measuring: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
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
