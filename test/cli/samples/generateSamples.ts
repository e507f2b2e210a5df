/**
 * Makes the synthetic sample files in assets/samples (no real customer data): a Shaoxing-style customer table and
 * Wuhan-style sales records, each as .csv and .xlsx with the same content. Deterministic: the same seed gives the same
 * rows, so the committed files can be checked against this generator.
 *
 *   npx ts-node --transpile-only test/cli/samples/generateSamples.ts [outDir]
 */

import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";

/** A sample cell: text, a number, a calendar date, or an Excel error value. */
export type SampleCell = string | number | null | { date: string } | { error: string };

export interface SampleSheet {
  name: string;
  headers: string[];
  rows: SampleCell[][];
  /** Number format per column for the workbook. */
  formats: (string | undefined)[];
  /** Excel's "CSV UTF-8" starts with a byte-order mark; one sample has it, the other not. */
  bom: boolean;
}

/** mulberry32: a tiny seeded generator, so the samples never change unless the seed does. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MS_PER_DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(iso + "T00:00:00Z");
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The as-of date the demo uses with the Shaoxing sample (its last orders are in December 2025). */
export const SHAOXING_SAMPLE_AS_OF = "2025-12-31";

export function shaoxingSample(): SampleSheet {
  const rnd = random(20251231);
  const asOf = dayMs(SHAOXING_SAMPLE_AS_OF);
  const rows: SampleCell[][] = [];
  for (let i = 1; i <= 300; i++) {
    // Tiers make a realistic spread: a few key accounts (grade A territory), many regulars, some lapsed buyers.
    const tier = rnd();
    const key = tier < 0.1,
      lapsed = tier > 0.75;
    const daysAgo = Math.floor(key ? rnd() * 18 : lapsed ? 35 + rnd() * 120 : rnd() * 60);
    const count = Math.max(1, Math.floor(key ? 12 + rnd() * 14 : lapsed ? 1 + rnd() * 5 : 2 + rnd() * 12));
    const total = round2(key ? 8.2 + rnd() * 12 : lapsed ? 0.2 + rnd() * 2.5 : 0.5 + rnd() * 7.5);
    const last = round2(Math.min(total, 0.05 + rnd() * (key ? 3 : 1.2)));
    const date = isoDay(asOf - daysAgo * MS_PER_DAY);
    rows.push([`SX${String(i).padStart(4, "0")}`, { date }, last, count, total]);
  }
  // Dates as Chinese Excel users type them, which stay text in a workbook.
  rows[4][1] = "2025/11/3";
  rows[9][1] = "2025年10月8日";
  rows[14][1] = "2025/12/24";
  // One bad row of each kind of RULES.md §8, so the demo shows every note.
  const bad: [number, number, SampleCell][] = [
    [20, 1, null], // last order date missing
    [31, 1, "待定"], // not a date
    [42, 1, "2025-02-30"], // no such day
    [53, 1, { date: "2026-01-15" }], // after the as-of date
    [64, 3, null], // purchase count missing
    [75, 3, 2.5], // not a whole number
    [86, 3, 0], // not at least 1
    [97, 3, "三次"], // not a number
    [108, 4, null], // total missing
    [119, 4, "—"], // not a number
    [130, 4, 0], // not greater than 0
    [141, 4, -0.5], // not greater than 0
    [152, 4, { error: "#N/A" }], // an Excel error
    [163, 1, { error: "#VALUE!" }],
  ];
  for (const [row, col, value] of bad) rows[row][col] = value;
  rows[200][0] = rows[199][0]; // the same customer id twice: both graded, both noted
  return {
    name: "客户",
    headers: ["客户编号", "下单时间", "订单金额（万元）", "历史购买总次数", "历史购买总金额（万元）"],
    rows,
    formats: [undefined, "yyyy-mm-dd", "0.00", "0", "0.00"],
    bom: true,
  };
}

export function wuhanSample(): SampleSheet {
  const rnd = random(20250701);
  const first = dayMs("2021-06-01"),
    lastDay = dayMs("2025-08-31");
  const span = (lastDay - first) / MS_PER_DAY;
  const sales: { id: string; day: number; amount: number }[] = [];
  for (let c = 1; sales.length < 3000; c++) {
    const id = `WH${String(c).padStart(3, "0")}`;
    // Skewed activity: most customers buy a few times, a few buy often.
    const n = Math.max(1, Math.round(Math.pow(rnd(), 2.2) * 30));
    const start = first + Math.floor(rnd() * span * 0.9) * MS_PER_DAY;
    const basket = 600 + rnd() * 6000;
    for (let k = 0; k < n && sales.length < 3000; k++) {
      const day = Math.min(lastDay, start + Math.floor((rnd() * (lastDay - start)) / MS_PER_DAY) * MS_PER_DAY);
      sales.push({ id, day, amount: round2(basket * (0.3 + rnd() * 1.4)) });
    }
  }
  // Customers who bought only before the window (2021-09-01) or only after the as-of date (2025-07-01).
  sales.push({ id: "WH900", day: dayMs("2021-06-18"), amount: 2399 });
  sales.push({ id: "WH900", day: dayMs("2021-08-02"), amount: 1280 });
  sales.push({ id: "WH901", day: dayMs("2025-07-20"), amount: 5600 });
  sales.sort((a, b) => a.day - b.day);

  const rows: SampleCell[][] = sales.map((s) => [s.id, { date: isoDay(s.day) }, s.amount]);
  // Refunds are negative sales, summed as they are.
  for (let k = 0; k < 15; k++) {
    const row = rows[100 + k * 190];
    row[2] = -Math.abs(row[2] as number);
  }
  // Unreadable sales: skipped and counted, the customer is graded from the rest.
  const bad: [number, number, SampleCell][] = [
    [150, 2, "退货待定"],
    [450, 2, null],
    [750, 2, "abc"],
    [1050, 1, "2023-13-01"],
    [1350, 1, "未知"],
    [1650, 1, null],
    [1950, 0, null],
    [2250, 2, { error: "#N/A" }],
  ];
  for (const [row, col, value] of bad) rows[row][col] = value;
  return {
    name: "销售记录",
    headers: ["客户", "消费时间", "消费金额"],
    rows,
    formats: [undefined, "yyyy-mm-dd", "#,##0.00"],
    bom: false,
  };
}

function csvText(cell: SampleCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "string") return cell;
  return "date" in cell ? cell.date : cell.error;
}

export function sampleCsv(sheet: SampleSheet): string {
  const lines = [sheet.headers, ...sheet.rows.map((r) => r.map(csvText))].map((cells) => cells.join(","));
  return (sheet.bom ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}

export async function sampleXlsx(sheet: SampleSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 11, 31));
  const ws = workbook.addWorksheet(sheet.name);
  ws.addRow(sheet.headers).font = { bold: true };
  for (const cells of sheet.rows) {
    const row = ws.addRow(
      cells.map((c) => (c !== null && typeof c === "object" ? ("date" in c ? new Date(dayMs(c.date)) : c) : c)),
    );
    sheet.formats.forEach((fmt, col) => {
      const cell = row.getCell(col + 1);
      if (fmt && typeof cell.value === (col === 1 ? "object" : "number")) cell.numFmt = fmt;
    });
  }
  ws.columns.forEach((col) => (col.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const SAMPLE_FILES = {
  shaoxing: { make: shaoxingSample, base: "shaoxing-customers" },
  wuhan: { make: wuhanSample, base: "wuhan-sales" },
};

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const { make, base } of Object.values(SAMPLE_FILES)) {
    const sheet = make();
    writeFileSync(join(outDir, `${base}.csv`), sampleCsv(sheet));
    writeFileSync(join(outDir, `${base}.xlsx`), await sampleXlsx(sheet));
    process.stdout.write(`${base}: ${sheet.rows.length} rows\n`);
  }
}

if (require.main === module) {
  main(resolve(process.argv[2] ?? join(__dirname, "../../../assets/samples"))).catch((err) => {
    process.stderr.write(String(err) + "\n");
    process.exitCode = 1;
  });
}
