/** Running the real, compiled `rfm` command on files in a temporary folder. */

import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import * as Papa from "papaparse";
import type * as ExcelJS from "exceljs";
import { Workbook } from "exceljs";

export const ROOT = resolve(__dirname, "../..");
/** The command as installed: package.json's `bin`, the bundle (src/build/cliBundle.js). */
export const RFM = join(ROOT, "dist/node/rfm/rfm.js");
const LOCK = join(ROOT, "dist/node/.cli-build-lock");

const BUILD_INFO = join(ROOT, "dist/node/.tsbuildinfo");
const SOURCES = [join(ROOT, "src/cli"), join(ROOT, "src/engine"), join(ROOT, "src/i18n")];

/**
 * Compiles the command line when a source is newer than the last build. Test files may run in parallel workers, so a
 * lock folder makes their builds take turns.
 */
export function buildCli(): void {
  if (!isStaleBuild()) return;
  mkdirSync(join(ROOT, "dist/node"), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline || isAbandoned(LOCK)) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    try {
      // The package's own build step (compile, make the bin executable, mark the build current).
      execFileSync(process.execPath, [join(ROOT, "src/build/buildCli.js")], { stdio: "pipe" });
    } catch (err) {
      const out = (err as { stdout?: Buffer }).stdout?.toString() ?? "";
      throw new Error(`the command line does not compile:\n${out}`);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function isStaleBuild(): boolean {
  if (!existsSync(RFM) || !existsSync(BUILD_INFO)) return true;
  const built = statSync(BUILD_INFO).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newer(path) : statSync(path).mtimeMs > built;
    });
  return SOURCES.some(newer);
}

/** A lock older than any build takes was left by a killed run. */
function isAbandoned(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 90_000;
  } catch {
    return false;
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function rfm(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [RFM, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system's temporary folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "rfm-cli-"));
  made.push(dir);
  return dir;
}

export function write(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function csvFile(lines: string[]): string {
  return lines.join("\n") + "\n";
}

/** Numbers in [0, 1) from a seed, the same on every run (a linear congruential generator). */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Customer rows [id, last order date, purchase count, total] as the engine's columns. */
export function customerColumns(rows: readonly string[][]) {
  return {
    ids: rows.map((r) => r[0]),
    lastDates: rows.map((r) => r[1]),
    counts: rows.map((r) => r[2]),
    totals: rows.map((r) => r[3]),
  };
}

/** A CSV text as records keyed by header (parsed with a library, not by the code under test). */
export function records(csv: string): Record<string, string>[] {
  const data = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), {
    delimiter: ",",
    newline: "\n",
    skipEmptyLines: true,
  }).data;
  const [headers, ...rows] = data;
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
}

export function headerRow(csv: string): string[] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { delimiter: ",", newline: "\n", preview: 1 }).data[0];
}

export function readText(path: string): string {
  return readFileSync(path, "utf8");
}

/** Files in dir (to check that a failed run left nothing behind, not even a temporary file). */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Writes a workbook built with ExcelJS into `dir` and returns its path. */
export async function saveWorkbookIn(
  dir: string,
  name: string,
  build: (wb: ExcelJS.Workbook) => void,
): Promise<string> {
  const wb = new Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** A custom profile of ten bins whose ties go to the row met first: the rows' order decides many scores. */
export const DECILES_FIRST = {
  id: "deciles-first",
  name: { en: "Deciles, first", zh: "十分位（先到先得）" },
  method: "quantiles",
  bins: 10,
  ties: "first",
  monetaryUnit: "yuan",
  weights: { recency: 0.333, frequency: 0.333, monetary: 0.334 },
  grades: [
    { grade: "A", atLeast: 7.5, cadence: { en: "Weekly", zh: "每周" } },
    { grade: "B", atLeast: 4, cadence: { en: "Monthly", zh: "每月" } },
    { grade: "C", cadence: { en: "Quarterly", zh: "每季度" } },
  ],
};

/** A customer table whose cells are all plain, as `rfm grade` reads it quickly or with DuckDB (Chinese headers). */
export const PLAIN_HEADER = "客户编号,区域,下单时间,历史购买总次数,历史购买总金额（万元）,备注说明";
/** Plain role cells, and other columns holding what users keep there: text, Chinese, negative numbers, blanks. */
export const PLAIN_ROWS = [
  "A001,华东,2025-12-25,16,9,老客户",
  "A002,West,2025-11-02,3,0.5,",
  "A003,,2025-06-30,1,1.25,-5",
  "A004,华南,2025-12-31,11,8,VIP 客户",
  "A005,North,2024-01-15,6,3.000001,",
  "A006,华北,2025-12-21,15,5,2.5",
];
/** `rows` more plain rows (ids F0, F1, …), to make a file larger than the part read first to find its columns. */
export function plainFiller(rows: number): string[] {
  return Array.from(
    { length: rows },
    (_, i) => `F${i},East,2025-${10 + (i % 3)}-0${1 + (i % 9)},${1 + (i % 20)},${1 + (i % 50) / 4},`,
  );
}
