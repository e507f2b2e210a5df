/**
 * The next-grade column of `rfm grade` (CSV and .xlsx) against the engine's own next-grade orders for the same data:
 * a few hundred customers with ties and refunds, both built-in profiles, yuan and 万元.
 */
import { join } from "path";
import { Workbook } from "exceljs";
import {
  builtinProfile,
  gradeCustomers,
  gradeSales,
  nextGradeOrder,
  nextGradeOrders,
  NOT_REACHABLE_TEXT,
  type GradeResult,
} from "../../src/engine";
import { buildCli, csvFile, customerColumns, records, rfm, seededRandom, tempDir, write } from "./helpers";

beforeAll(() => buildCli(), 180_000);

const HEADER = "Next grade with one order of";

/** The column as the engine says it should read: amount text, the words, or empty. */
function expected(res: GradeResult): string[] {
  const orders = nextGradeOrders(res);
  return Array.from({ length: res.n }, (_, i) => {
    const o = nextGradeOrder(orders, i);
    return o.kind === "amount" ? o.text : o.kind === "notReachable" ? NOT_REACHABLE_TEXT.en : "";
  });
}

describe("rfm grade writes the engine's next-grade orders", () => {
  const dir = tempDir();
  const rnd = seededRandom(11);
  const day = (k: number) => new Date(Date.UTC(2025, 6, 1) - k * 86_400_000).toISOString().slice(0, 10);

  it("sales records with the Wuhan quintiles (ties, refunds), CSV and .xlsx", async () => {
    const ids: string[] = [],
      dates: string[] = [],
      amounts: string[] = [];
    for (let k = 0; k < 1500; k++) {
      ids.push(`W${Math.floor(rnd() * 300)}`);
      dates.push(day(Math.floor(rnd() * 400)));
      const cents = Math.floor(rnd() * 5) === 0 ? 50_000 : Math.round(rnd() * 900_000) - 30_000;
      amounts.push((cents / 100).toFixed(2));
    }
    const input = write(
      dir,
      "sales.csv",
      csvFile(["customer,date,amount", ...ids.map((id, k) => `${id},${dates[k]},${amounts[k]}`)]),
    );
    const res = gradeSales({ ids, dates, amounts }, builtinProfile("wuhan")!);
    const want = expected(res);
    expect(new Set(want).size).toBeGreaterThan(20);
    const run = rfm(["grade", input, "--profile", "wuhan"], dir);
    expect(run.status).toBe(0);
    expect(records(run.stdout).map((r) => r[HEADER])).toEqual(want);

    const out = join(dir, "sales.xlsx");
    expect(rfm(["grade", input, "--profile", "wuhan", "-o", out], dir).status).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const col = (ws.getRow(1).values as unknown[]).indexOf(HEADER);
    const cells = Array.from({ length: res.n }, (_, i) => ws.getRow(i + 2).getCell(col).value);
    expect(cells.map((v) => (v === null ? "" : String(v)))).toEqual(want);
    // Amounts are number cells; the words stay text.
    expect(cells.some((v) => typeof v === "number")).toBe(true);
  });

  it("a customer table with the Shaoxing thresholds, amounts in yuan", () => {
    const rows: string[][] = [];
    for (let k = 0; k < 400; k++) {
      rows.push([
        `C${k}`,
        day(Math.floor(rnd() * 80)),
        String(1 + Math.floor(rnd() * 20)),
        String(Math.round(rnd() * 12_000_000) / 100),
      ]);
    }
    const input = write(
      dir,
      "customers.csv",
      csvFile(["客户编号,最近下单时间,历史购买总次数,历史购买总金额（元）", ...rows.map((r) => r.join(","))]),
    );
    const res = gradeCustomers(customerColumns(rows), builtinProfile("shaoxing")!, {
      asOf: "2025-07-01",
      unit: "yuan",
    });
    const want = expected(res);
    expect(want).toContain(NOT_REACHABLE_TEXT.en);
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-07-01"], dir);
    expect(run.status).toBe(0);
    expect(records(run.stdout).map((r) => r[HEADER])).toEqual(want);
  });
});
