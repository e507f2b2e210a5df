/**
 * `rfm` side by side with what a user would run instead, each run as a whole process (CSV in, CSV out), interleaved
 * run by run so that every tool meets the same load; medians of wall time, the largest peak memory (resident set, from
 * /usr/bin/time). Every run also counts each tool's customers per grade and compares them with rfm's: the tools must
 * have done the same work, and a difference is reported loudly and fails the benchmark.
 *
 * Two kinds of peers:
 * - idiomatic (test/bench/peers/idiomatic/): the SQL a DuckDB user writes and the pandas a data analyst writes, on
 *   inputs from gen_big.py (English headers). Jobs: `1m` (1M customers + 1M sales), `thresholds` and `quintiles`
 *   (15M customers, Shaoxing and Wuhan), `sales20`, `sales60`, `sales90` (20M, 60M, 90M sales, Wuhan: 0.47, 1.4 and
 *   2.1 GiB). Their ratios are printed as one table: rfm ÷ DuckDB and rfm ÷ pandas.
 * - the project's own (test/bench/peers/duckdb-rfm.js runs the profile compiler's fully validating SQL;
 *   peers/pandas_rfm.py): jobs `own-customers` and `own-sales` (1M rows as Excel saves them: BOM, CRLF, Chinese
 *   headers), `own-big` (15M customers; `rfm` reads them quickly, `rfm-js` with the full reader, `rfm-duckdb` with
 *   DuckDB, and all must write the same bytes), `xlsx-out` (1M rows to .xlsx) and `xlsx-in` (a full-height .xlsx
 *   read back).
 *
 *   npm run bench -- compare                          every job at full size, 3 runs
 *   npm run bench -- compare --quick                  every job at small sizes, 1 run (a smoke run)
 *   npm run bench -- compare --jobs=1m,quintiles --runs=5
 *   npm run bench -- compare --jobs=quintiles,sales20 --scale=0.0667     (a medium size: 1M customers, 1.3M sales)
 *
 * Inputs are generated once and kept in a cache folder (RFM_BENCH_CACHE, default ~/.cache/rfm-grader-bench), one
 * folder per generator (its source's hash) and sizes, reused by later runs; a job whose input does not fit on the
 * disk is left out with a message. pandas runs where /usr/bin/python3 (or python3) imports pandas (Debian:
 * python3-pandas); DuckDB is the project's @duckdb/node-api.
 */

import { spawnSync } from "child_process";
import { createHash } from "crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from "fs";
import { homedir, tmpdir } from "os";
import { join, resolve } from "path";
import { replicateCustomers, writeCustomerCsv, writeSalesCsv } from "./benchData";

const ROOT = resolve(__dirname, "../..");
const RFM = join(ROOT, "dist/node/rfm/rfm.js");
const OWN_DUCKDB = join(__dirname, "peers/duckdb-rfm.js");
const OWN_PANDAS = join(__dirname, "peers/pandas_rfm.py");
const IDIOMATIC = join(__dirname, "peers/idiomatic");
const GEN_BIG = join(IDIOMATIC, "gen_big.py");
const TIME = "/usr/bin/time";
const GiB = 1024 ** 3;

const argv = process.argv.slice(2);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const QUICK = argv.includes("--quick");
const SCALE = Number(option("scale") ?? 1);
const RUNS = Number(option("runs") ?? process.env.RFM_BENCH_RUNS ?? (QUICK ? 1 : 3));
const sized = (full: number, quick: number) => (QUICK ? quick : Math.max(1, Math.round(full * SCALE)));

/** Sizes of the project's own jobs (rows), as before: RFM_BENCH_ROWS etc. still set them. */
const ROWS = Number(process.env.RFM_BENCH_ROWS ?? sized(1_000_000, 20_000));
const BIG_ROWS = Number(process.env.RFM_BENCH_BIG_ROWS ?? sized(15_000_000, 60_000));
const FULL_HEIGHT = Number(process.env.RFM_BENCH_XLSX_ROWS ?? sized(1_048_575, 30_000));

interface Measure {
  wallS: number;
  rssMb: number;
}

/** One process: its command, and the grade table each of its outputs holds, by part ("customers", "sales"). */
interface Step {
  command: string;
  args: string[];
  outputs: Record<string, string>;
}

interface Tool {
  name: string;
  /** The processes one run takes; the tool's time is their sum, its memory their largest. */
  steps: Step[];
  /** This tool's output must be byte for byte the named tool's (the same command, another engine). */
  sameBytesAs?: string;
}

interface Job {
  name: string;
  label: string;
  /** Rows read, for rows per second. */
  rows: number;
  /** Builds the inputs (cached) and returns the tools; `out` is this run's folder for outputs. */
  prepare(): (out: string) => Tool[];
  /** Bytes its inputs take, to check the disk before generating them. */
  inputBytes: number;
  /** Cache folders it reads (already there: nothing to generate). */
  cacheKeys: string[];
  /** The issue's ratio table: which tools are the idiomatic DuckDB and pandas peers. */
  idiomatic: boolean;
}

function cacheRoot(): string {
  return (
    process.env.RFM_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "rfm-grader-bench")
  );
}

const sourceHash = (file: string) => createHash("sha1").update(readFileSync(file)).digest("hex").slice(0, 10);

/**
 * The folder `key` of the cache, made by `make` into a temporary folder first and renamed when complete, so that a
 * stopped generation never leaves a half-written input for the next run.
 */
function cached(key: string, make: (dir: string) => void): string {
  const dir = join(cacheRoot(), key);
  if (existsSync(join(dir, ".complete"))) return dir;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const t0 = Date.now();
  try {
    make(partial);
    writeFileSync(join(partial, ".complete"), new Date().toISOString());
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  console.log(`  generated ${key} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return dir;
}

const genKey = (customers: number, sales: number) => `gen_big-${sourceHash(GEN_BIG)}-${customers}c-${sales}s`;
/** gen_big.py's customers.csv and sales.csv; about 32 bytes a customer row and 24 a sale. */
function genBig(python: string, customers: number, sales: number): string {
  return cached(genKey(customers, sales), (dir) => {
    const r = spawnSync(python, [GEN_BIG, dir, String(customers), String(sales)], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (r.status !== 0) throw new Error(`gen_big.py ${customers} ${sales} failed (${r.status})`);
  });
}
const genBytes = (customers: number, sales: number) => customers * 32 + sales * 24;

const ownKey = (what: string, ...sizes: number[]) =>
  `benchData-${sourceHash(join(__dirname, "benchData.ts"))}-${what}-${sizes.join("-")}`;

/** One whole process under /usr/bin/time: wall seconds and peak resident memory. */
function timed(dir: string, step: Step): Measure {
  const report = join(dir, `time-${process.pid}.txt`);
  const r = spawnSync(TIME, ["-f", "%e %M", "-o", report, step.command, ...step.args], {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(
      `${r.stderr
        .trim()
        .split("\n")
        .filter((l) => l && !l.startsWith("Command exited"))
        .slice(-2)
        .join(" ")} (exit ${r.status})`,
    );
  const [wall, rss] = readFileSync(report, "utf8").trim().split(/\s+/).slice(-2).map(Number);
  return { wallS: wall, rssMb: rss / 1024 };
}

function pandasPython(): string | undefined {
  for (const python of ["/usr/bin/python3", "python3"]) {
    if (spawnSync(python, ["-c", "import pandas"], { stdio: "ignore" }).status === 0) return python;
  }
  return undefined;
}

/**
 * Customers per grade in a result CSV, read in chunks (a 90M-sale result does not fit in one string); the grade
 * column is found by its header ("Grade" or "grade"). No tool here quotes a cell before the grade column.
 */
export function gradeCounts(path: string): string {
  const fd = openSync(path, "r");
  const counts = new Map<string, number>();
  let at = -1;
  let rest = "";
  const line = (text: string) => {
    const cells = text.replace(/\r$/, "").split(",");
    if (at < 0) {
      at = cells.findIndex(
        (h) =>
          h
            .replace(/^\uFEFF/, "")
            .trim()
            .toLowerCase() === "grade",
      );
      if (at < 0) throw new Error(`${path}: no grade column`);
      return;
    }
    const g = cells[at] ?? "";
    counts.set(g, (counts.get(g) ?? 0) + 1);
  };
  try {
    const buffer = Buffer.alloc(1 << 24);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
      const lines = (rest + buffer.toString("utf8", 0, n)).split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) line(l);
    }
    if (rest.trim()) line(rest);
  } finally {
    closeSync(fd);
  }
  return [...counts]
    .filter(([g]) => /^[A-D]$/.test(g))
    .sort()
    .map(([g, n]) => `${g} ${n}`)
    .join(" ");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const node = (script: string, ...args: string[]) => ({ command: process.execPath, args: [script, ...args] });
const rfmGrade = (input: string, output: string, profile: string[], engine?: "js" | "duckdb") =>
  node(RFM, "grade", input, ...profile, "-o", output, ...(engine ? ["--engine", engine] : []));

const SHAOXING_GEN = ["-p", "shaoxing", "--as-of", "2025-11-11"];
const WUHAN_GEN = ["-p", "wuhan", "--as-of", "2025-11-11"];
const WUHAN = ["-p", "wuhan"];
const SHAOXING_OWN = ["-p", "shaoxing", "--as-of", "2025-12-31"];

function jobs(python: string | undefined): Job[] {
  const list: Job[] = [];
  // The idiomatic peers read gen_big.py's files; without Python there are none.
  if (python) {
    const c1 = sized(1_000_000, 20_000),
      s1 = sized(1_000_000, 20_000),
      c15 = sized(15_000_000, 60_000);
    list.push({
      name: "1m",
      label: `${c1.toLocaleString("en")} customers + ${s1.toLocaleString("en")} sales`,
      rows: c1 + s1,
      idiomatic: true,
      inputBytes: genBytes(c1, s1),
      cacheKeys: [genKey(c1, s1)],
      prepare: () => {
        const src = genBig(python, c1, s1);
        return (out): Tool[] => [
          {
            name: "rfm",
            steps: [
              {
                ...rfmGrade(join(src, "customers.csv"), join(out, "c.csv"), SHAOXING_GEN),
                outputs: { customers: join(out, "c.csv") },
              },
              {
                ...rfmGrade(join(src, "sales.csv"), join(out, "s.csv"), WUHAN),
                outputs: { sales: join(out, "s.csv") },
              },
            ],
          },
          {
            name: "duckdb",
            steps: [
              {
                ...node(join(IDIOMATIC, "duckdb_rfm.mjs"), src, out, "both"),
                outputs: { customers: join(out, "duck_c.csv"), sales: join(out, "duck_s.csv") },
              },
            ],
          },
          {
            name: "pandas",
            steps: [
              {
                command: python,
                args: [join(IDIOMATIC, "pandas_rfm.py"), src, out, "both"],
                outputs: { customers: join(out, "customers_graded.csv"), sales: join(out, "sales_graded.csv") },
              },
            ],
          },
        ];
      },
    });
    list.push({
      name: "thresholds",
      label: `${c15.toLocaleString("en")} customers, thresholds (shaoxing)`,
      rows: c15,
      idiomatic: true,
      inputBytes: genBytes(c15, 0),
      cacheKeys: [genKey(c15, 0)],
      prepare: () => {
        const src = genBig(python, c15, 0);
        return (out): Tool[] => [
          {
            name: "rfm",
            steps: [
              {
                ...rfmGrade(join(src, "customers.csv"), join(out, "c.csv"), SHAOXING_GEN),
                outputs: { customers: join(out, "c.csv") },
              },
            ],
          },
          {
            name: "duckdb",
            steps: [
              {
                ...node(join(IDIOMATIC, "duckdb_rfm.mjs"), src, out, "customers"),
                outputs: { customers: join(out, "duck_c.csv") },
              },
            ],
          },
        ];
      },
    });
    list.push({
      name: "quintiles",
      label: `${c15.toLocaleString("en")} customers, quintiles (wuhan)`,
      rows: c15,
      idiomatic: true,
      inputBytes: genBytes(c15, 0),
      cacheKeys: [genKey(c15, 0)],
      prepare: () => {
        const src = genBig(python, c15, 0);
        const input = join(src, "customers.csv");
        return (out): Tool[] => [
          {
            name: "rfm",
            steps: [{ ...rfmGrade(input, join(out, "q.csv"), WUHAN_GEN), outputs: { customers: join(out, "q.csv") } }],
          },
          {
            name: "duckdb",
            steps: [
              {
                ...node(join(IDIOMATIC, "duckdb_quintiles.mjs"), input, join(out, "duck_q.csv")),
                outputs: { customers: join(out, "duck_q.csv") },
              },
            ],
          },
          {
            name: "pandas",
            steps: [
              {
                command: python,
                args: [join(IDIOMATIC, "pandas_quintiles.py"), input, join(out, "pandas_q.csv")],
                outputs: { customers: join(out, "pandas_q.csv") },
              },
            ],
          },
        ];
      },
    });
    for (const [name, full, quick, withPandas] of [
      ["sales20", 20e6, 40_000, true],
      ["sales60", 60e6, 120_000, false],
      ["sales90", 90e6, 180_000, false],
    ] as const) {
      const m = sized(full, quick);
      list.push({
        name,
        label: `${m.toLocaleString("en")} sales (wuhan)`,
        rows: m,
        idiomatic: true,
        inputBytes: genBytes(0, m),
        cacheKeys: [genKey(0, m)],
        prepare: () => {
          const src = genBig(python, 0, m);
          return (out): Tool[] => [
            {
              name: "rfm",
              steps: [
                {
                  ...rfmGrade(join(src, "sales.csv"), join(out, "s.csv"), WUHAN),
                  outputs: { sales: join(out, "s.csv") },
                },
              ],
            },
            {
              name: "duckdb",
              steps: [
                {
                  ...node(join(IDIOMATIC, "duckdb_rfm.mjs"), src, out, "sales"),
                  outputs: { sales: join(out, "duck_s.csv") },
                },
              ],
            },
            ...(withPandas
              ? [
                  {
                    name: "pandas",
                    steps: [
                      {
                        command: python,
                        args: [join(IDIOMATIC, "pandas_rfm.py"), src, out, "sales"],
                        outputs: { sales: join(out, "sales_graded.csv") },
                      },
                    ],
                  },
                ]
              : []),
          ];
        },
      });
    }
  }

  const ownInputs = () =>
    cached(ownKey("own", ROWS), (dir) => {
      writeCustomerCsv(join(dir, "customers.csv"), ROWS);
      writeSalesCsv(join(dir, "sales.csv"), ROWS, Math.max(1, Math.floor(ROWS / 5)));
    });
  const ownPandas = (kind: string, input: string, output: string) =>
    python
      ? [
          {
            name: "pandas",
            steps: [{ command: python, args: [OWN_PANDAS, kind, input, output], outputs: { [kind]: output } }],
          },
        ]
      : [];
  list.push({
    name: "own-customers",
    label: "customers CSV -> CSV (own peers)",
    rows: ROWS,
    idiomatic: false,
    inputBytes: ROWS * 110,
    cacheKeys: [ownKey("own", ROWS)],
    prepare: () => {
      const input = join(ownInputs(), "customers.csv");
      return (out): Tool[] => [
        {
          name: "rfm",
          steps: [{ ...rfmGrade(input, join(out, "c.csv"), SHAOXING_OWN), outputs: { customers: join(out, "c.csv") } }],
        },
        {
          name: "rfm-duckdb",
          sameBytesAs: "rfm",
          steps: [
            {
              ...rfmGrade(input, join(out, "c-duckdb.csv"), SHAOXING_OWN, "duckdb"),
              outputs: { customers: join(out, "c-duckdb.csv") },
            },
          ],
        },
        {
          name: "duckdb-sql",
          steps: [
            {
              ...node(OWN_DUCKDB, "customers", input, join(out, "duck.csv")),
              outputs: { customers: join(out, "duck.csv") },
            },
          ],
        },
        ...ownPandas("customers", input, join(out, "pandas.csv")),
      ];
    },
  });
  list.push({
    name: "own-sales",
    label: "sales CSV -> CSV (own peers)",
    rows: ROWS,
    idiomatic: false,
    inputBytes: ROWS * 110,
    cacheKeys: [ownKey("own", ROWS)],
    prepare: () => {
      const input = join(ownInputs(), "sales.csv");
      return (out): Tool[] => [
        {
          name: "rfm",
          steps: [{ ...rfmGrade(input, join(out, "s.csv"), WUHAN), outputs: { sales: join(out, "s.csv") } }],
        },
        {
          name: "duckdb-sql",
          steps: [
            { ...node(OWN_DUCKDB, "sales", input, join(out, "duck.csv")), outputs: { sales: join(out, "duck.csv") } },
          ],
        },
        ...ownPandas("sales", input, join(out, "pandas.csv")),
      ];
    },
  });
  list.push({
    name: "own-big",
    label: "big customers CSV -> CSV (own peers)",
    rows: BIG_ROWS,
    idiomatic: false,
    inputBytes: BIG_ROWS * 45,
    cacheKeys: [ownKey("big", ROWS, BIG_ROWS)],
    prepare: () => {
      const source = join(ownInputs(), "customers.csv");
      const input = join(
        cached(ownKey("big", ROWS, BIG_ROWS), (dir) =>
          replicateCustomers(source, join(dir, "customers.csv"), BIG_ROWS),
        ),
        "customers.csv",
      );
      // rfm's default (auto) reads this file quickly; rfm-js is the full reader on the same file, rfm-duckdb lets
      // DuckDB read it: all three must write the same bytes.
      return (out): Tool[] => [
        {
          name: "rfm",
          steps: [{ ...rfmGrade(input, join(out, "b.csv"), SHAOXING_OWN), outputs: { customers: join(out, "b.csv") } }],
        },
        ...(["js", "duckdb"] as const).map((engine) => ({
          name: `rfm-${engine}`,
          sameBytesAs: "rfm",
          steps: [
            {
              ...rfmGrade(input, join(out, `b-${engine}.csv`), SHAOXING_OWN, engine),
              outputs: { customers: join(out, `b-${engine}.csv`) },
            },
          ],
        })),
        {
          name: "duckdb-sql",
          steps: [
            {
              ...node(OWN_DUCKDB, "customers", input, join(out, "duck.csv")),
              outputs: { customers: join(out, "duck.csv") },
            },
          ],
        },
      ];
    },
  });
  list.push({
    name: "xlsx-out",
    label: "customers CSV -> .xlsx",
    rows: ROWS,
    idiomatic: false,
    inputBytes: ROWS * 110,
    cacheKeys: [ownKey("own", ROWS)],
    prepare: () => {
      const input = join(ownInputs(), "customers.csv");
      return (out): Tool[] => [
        { name: "rfm", steps: [{ ...rfmGrade(input, join(out, "c.xlsx"), SHAOXING_OWN), outputs: {} }] },
      ];
    },
  });
  list.push({
    name: "xlsx-in",
    label: "full-height .xlsx -> CSV",
    rows: FULL_HEIGHT,
    idiomatic: false,
    inputBytes: FULL_HEIGHT * 150,
    cacheKeys: [ownKey("fullheight", ROWS, FULL_HEIGHT)],
    prepare: () => {
      const source = join(ownInputs(), "customers.csv");
      const input = join(
        cached(ownKey("fullheight", ROWS, FULL_HEIGHT), (dir) => {
          const csv = join(dir, "full-height.csv");
          replicateCustomers(source, csv, FULL_HEIGHT);
          const made = spawnSync(
            process.execPath,
            [RFM, "grade", csv, ...SHAOXING_OWN, "-o", join(dir, "full-height.xlsx")],
            { stdio: "ignore" },
          );
          if (made.status !== 0) throw new Error("could not write the full-height workbook");
          rmSync(csv);
        }),
        "full-height.xlsx",
      );
      return (out): Tool[] => [
        {
          name: "rfm",
          steps: [{ ...rfmGrade(input, join(out, "f.csv"), SHAOXING_OWN), outputs: { customers: join(out, "f.csv") } }],
        },
      ];
    },
  });
  return list;
}

const fmtS = (s: number) => `${s.toFixed(s < 10 ? 2 : 1)} s`;
const fmtGb = (mb: number) => `${(mb / 1024).toFixed(2)} GiB`;

export async function run(): Promise<void> {
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed to measure peak memory (Debian: apt-get install time)`);
  statSync(RFM);
  const python = pandasPython();
  const wanted = option("jobs")
    ?.split(",")
    .map((j) => j.trim())
    .filter(Boolean);
  const all = jobs(python);
  const unknown = (wanted ?? []).filter((w) => !all.some((j) => j.name === w));
  if (unknown.length)
    throw new Error(`unknown job ${unknown.join(", ")}: choose from ${all.map((j) => j.name).join(", ")}`);
  let selected = all.filter((j) => !wanted || wanted.includes(j.name));
  console.log(
    python
      ? `pandas: ${python}`
      : "pandas: not installed here (Debian: apt-get install python3-pandas); the idiomatic jobs need its python3 and are left out",
  );
  console.log(
    `mode: ${QUICK ? "quick (small sizes)" : SCALE === 1 ? "full sizes" : `sizes × ${SCALE}`}, ${RUNS} run(s), jobs: ${selected.map((j) => j.name).join(", ")}`,
  );

  // The disk: every input not cached yet, plus room for the outputs of one run (about the inputs' size again).
  mkdirSync(cacheRoot(), { recursive: true });
  const fs = statfsSync(cacheRoot());
  let free = fs.bavail * fs.bsize;
  console.log(`input cache: ${cacheRoot()}, ${(free / GiB).toFixed(1)} GiB free`);
  const fitting: Job[] = [];
  const counted = new Set<string>();
  for (const job of selected) {
    const missing = job.cacheKeys.filter((k) => !existsSync(join(cacheRoot(), k, ".complete")) && !counted.has(k));
    const need = (missing.length ? job.inputBytes : 0) + job.inputBytes + 0.5 * GiB;
    if (need > free) {
      console.log(
        `  DISK TOO SMALL for ${job.name} (${job.label}): needs about ${(need / GiB).toFixed(1)} GiB, ${(free / GiB).toFixed(1)} GiB free: left out`,
      );
      continue;
    }
    missing.forEach((k) => counted.add(k));
    if (missing.length) free -= job.inputBytes;
    fitting.push(job);
  }
  selected = fitting;

  const t0 = Date.now();
  const prepared = new Map<string, (out: string) => Tool[]>();
  for (const job of selected) prepared.set(job.name, job.prepare());
  console.log(`inputs ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  const results = new Map<string, Measure[]>();
  const failures = new Map<string, string>();
  const mismatches: string[] = [];
  const work = mkdtempSync(join(tmpdir(), "rfm-compare-"));
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const job of selected) {
        const out = join(work, job.name);
        mkdirSync(out, { recursive: true });
        const tools = prepared.get(job.name)!(out);
        const counts = new Map<string, Record<string, string>>();
        for (const tool of tools) {
          const key = `${job.name}|${tool.name}`;
          if (failures.has(key)) continue;
          try {
            const steps = tool.steps.map((step) => timed(work, step));
            const m = { wallS: steps.reduce((a, s) => a + s.wallS, 0), rssMb: Math.max(...steps.map((s) => s.rssMb)) };
            results.set(key, [...(results.get(key) ?? []), m]);
            const parts: Record<string, string> = {};
            for (const step of tool.steps)
              for (const [part, file] of Object.entries(step.outputs)) parts[part] = gradeCounts(file);
            counts.set(tool.name, parts);
            // Each figure as it comes, so that a long run that is stopped still leaves its numbers.
            console.log(
              `  run ${run + 1}: ${job.name} ${tool.name} ${fmtS(m.wallS)} ${Math.round(m.rssMb)} MiB  ${Object.entries(
                parts,
              )
                .map(([p, c]) => `${p}: ${c}`)
                .join("; ")}`,
            );
          } catch (err) {
            failures.set(key, (err as Error).message.split("\n").slice(0, 3).join(" "));
            console.log(`  run ${run + 1}: ${job.name} ${tool.name} FAILED: ${failures.get(key)}`);
          }
        }
        // The tools must have graded alike: the same customers per grade as rfm (or as the first tool that ran).
        const reference = counts.get("rfm") ? "rfm" : [...counts.keys()][0];
        for (const [name, parts] of counts) {
          for (const [part, c] of Object.entries(parts)) {
            const want = counts.get(reference)?.[part];
            if (want !== undefined && c !== want) {
              const text = `GRADE COUNTS DIFFER in ${job.name} (${part}), run ${run + 1}: ${reference} ${want} | ${name} ${c}`;
              mismatches.push(text);
              console.log(`  !!! ${text}`);
            }
          }
        }
        for (const tool of tools) {
          if (!tool.sameBytesAs || !counts.has(tool.name) || !counts.has(tool.sameBytesAs)) continue;
          const other = tools.find((t) => t.name === tool.sameBytesAs)!;
          const [a, b] = [Object.values(tool.steps[0].outputs)[0], Object.values(other.steps[0].outputs)[0]];
          if (!sameBytes(a, b)) {
            const text = `OUTPUTS DIFFER in ${job.name}, run ${run + 1}: ${tool.name} and ${other.name} did not write the same bytes`;
            mismatches.push(text);
            console.log(`  !!! ${text}`);
          }
        }
        rmSync(out, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const summary = (key: string) => {
    const runs = results.get(key);
    return runs ? { wallS: median(runs.map((m) => m.wallS)), rssMb: Math.max(...runs.map((m) => m.rssMb)) } : undefined;
  };
  console.log(`\nmedians of ${RUNS} interleaved run(s), peak RSS the largest of the runs:`);
  for (const job of selected) {
    for (const tool of prepared.get(job.name)!(work)) {
      const key = `${job.name}|${tool.name}`;
      const s = summary(key);
      console.log(
        `${job.name.padEnd(14)} ${tool.name.padEnd(10)} ` +
          (s
            ? `${fmtS(s.wallS).padStart(8)} ${String(Math.round(s.rssMb)).padStart(6)} MiB ${Math.round(
                job.rows / s.wallS,
              )
                .toLocaleString("en")
                .padStart(11)} rows/s`
            : `FAILED: ${failures.get(key)}`),
      );
    }
  }

  const cell = (key: string) => {
    const s = summary(key);
    if (s) return `${fmtS(s.wallS)}, ${fmtGb(s.rssMb)}`;
    return failures.has(key) ? `failed: ${failures.get(key)!.slice(0, 60)}` : "—";
  };
  const ratio = (a: string, b: string) => {
    const x = summary(a),
      y = summary(b);
    return x && y ? (x.wallS / y.wallS).toFixed(2) : "—";
  };
  const table = selected.filter((j) => j.idiomatic);
  if (table.length) {
    console.log(
      `\n| job | rfm | DuckDB (idiomatic SQL) | pandas | rfm ÷ DuckDB | rfm ÷ pandas |\n|---|---|---|---|---|---|`,
    );
    for (const job of table) {
      const k = (tool: string) => `${job.name}|${tool}`;
      console.log(
        `| ${job.label} | ${cell(k("rfm"))} | ${cell(k("duckdb"))} | ${cell(k("pandas"))} | ${ratio(k("rfm"), k("duckdb"))} | ${ratio(k("rfm"), k("pandas"))} |`,
      );
    }
    console.log(
      "goals: rfm ÷ DuckDB <= 1.2 on every row, rfm ÷ pandas <= 0.5, rfm's peak <= 1.5 GiB at 15M customers, 60M and 90M sales",
    );
  }
  const xlsx = summary("xlsx-out|rfm");
  if (xlsx) console.log(`.xlsx out: ${fmtS(xlsx.wallS)} for ${ROWS.toLocaleString("en")} rows (goal <= 10 s at 1M)`);
  const full = summary("xlsx-in|rfm");
  if (full) console.log(`full-height .xlsx in: peak ${Math.round(full.rssMb)} MiB (goal < 1536)`);
  console.log(
    `load average after measuring: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
  );
  if (mismatches.length) {
    throw new Error(`the tools did not grade alike:\n  ${mismatches.join("\n  ")}`);
  }
  console.log("grade counts: every tool agreed with rfm in every run");
}

function sameBytes(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b) || statSync(a).size !== statSync(b).size) return false;
  const [fa, fb] = [openSync(a, "r"), openSync(b, "r")];
  try {
    const [ba, bb] = [Buffer.alloc(1 << 22), Buffer.alloc(1 << 22)];
    for (;;) {
      const n = readSync(fa, ba, 0, ba.length, null);
      const m = readSync(fb, bb, 0, bb.length, null);
      if (n !== m || !ba.subarray(0, n).equals(bb.subarray(0, m))) return false;
      if (n === 0) return true;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
