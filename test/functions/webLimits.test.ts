/**
 * RFM formulas in Excel on the web (`Office.context.diagnostics.platform` "OfficeOnline"), whose messages to and from
 * a custom function Microsoft limits to about 5 MB: ranges or results over the budget (125,000 cells, about 4 MB)
 * show #VALUE! saying what to do instead of hanging at #BUSY! or failing with #CALC!; desktop Excel keeps whole
 * columns. The budget's bytes-per-cell figure is measured here on sales records made to be long.
 */
import { grade, sales } from "../../src/functions/functions";
import {
  WEB_BYTES_PER_CELL,
  WEB_CELL_BUDGET,
  WEB_FORMULA_BYTES,
  WEB_MESSAGE_LIMIT_BYTES,
  resultBytes,
} from "../../src/functions/webLimits";
import { installRuntime, isFormulaError, rejection, removeRuntime } from "./fakeRuntime";

const SHEET_ROWS = 1_048_576;
const AS_OF = 45839; // 2025-07-01
const none = null as unknown as undefined;

afterAll(() => removeRuntime());

/** A whole column as Excel passes it: `cells` from row 1, then empty (null) to the sheet's last row. */
function wholeColumn(cells: unknown[]): unknown[][] {
  const rows = new Array<unknown[]>(SHEET_ROWS);
  for (let i = 0; i < cells.length; i++) rows[i] = [cells[i]];
  rows.fill([null], cells.length);
  return rows;
}

/** `n` rows of one column made by `cell(i)`. */
const columnOf = (n: number, cell: (i: number) => unknown): unknown[][] =>
  Array.from({ length: n }, (_, i) => [cell(i)]);

/** Shaoxing customer rows (as of 2025-07-01): all graded, D = 6..35 days, S = 1..30, Z = 0.5..10 万元. */
function customerRanges(n: number) {
  return [
    columnOf(n, (i) => AS_OF - 6 - (i % 30)),
    columnOf(n, (i) => 1 + (i % 30)),
    columnOf(n, (i) => 0.5 + (i % 20) / 2),
  ] as const;
}

/** Sales records of `customers` customers, one sale each, in Wuhan's window. */
function salesRanges(customers: number) {
  return [
    columnOf(customers, (i) => `C${i}`),
    columnOf(customers, (i) => AS_OF - 1 - (i % 300)),
    columnOf(customers, (i) => 100 + (i % 997)),
  ] as const;
}

describe("the budget", () => {
  test("125,000 cells: 4,000,000 bytes (80 % of the 5 MB limit) at 32 bytes per cell", () => {
    expect(WEB_MESSAGE_LIMIT_BYTES).toBe(5 * 1024 * 1024);
    expect(WEB_FORMULA_BYTES).toBeLessThanOrEqual(0.8 * WEB_MESSAGE_LIMIT_BYTES);
    expect(WEB_CELL_BUDGET).toBe(125_000);
    expect(WEB_CELL_BUDGET * WEB_BYTES_PER_CELL).toBe(WEB_FORMULA_BYTES);
  });

  test("32 bytes per cell holds for sales records made to be long: Chinese names, float-noise amounts, dates", () => {
    // Three columns as Excel passes them, serialised as JSON (UTF-8): ten-character Chinese customer names, date
    // serials, amounts with 17 significant digits, as many rows as the budget allows.
    const rows = Math.floor(WEB_CELL_BUDGET / 3);
    const name = (i: number) => `浙江绍兴柯桥纺织贸易${String(i % 100000).padStart(5, "0")}`.slice(0, 10);
    const columns = [
      columnOf(rows, name),
      columnOf(rows, (i) => AS_OF - (i % 1500)),
      columnOf(rows, (i) => 1234.5678 + i * 0.1),
    ];
    const bytes = columns.map((c) => Buffer.byteLength(JSON.stringify(c), "utf8"));
    expect(bytes.reduce((a, b) => a + b, 0) / (3 * rows)).toBeLessThanOrEqual(WEB_BYTES_PER_CELL);
    // The longest column (names: 35 bytes a cell) alone, over the whole budget, still fits Microsoft's limit.
    const worstPerCell = Math.max(...bytes) / rows;
    expect(worstPerCell).toBeGreaterThan(WEB_BYTES_PER_CELL);
    expect(worstPerCell * WEB_CELL_BUDGET).toBeLessThan(WEB_MESSAGE_LIMIT_BYTES);
  });

  test("the result estimate counts a message in every cell of a row that cannot be graded", () => {
    const plain = resultBytes([["A"], ["B"]]);
    installRuntime();
    const withErrors = resultBytes([
      [new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "x".repeat(100))],
    ]);
    expect(plain).toBeLessThan(20);
    expect(withErrors).toBeGreaterThan(160);
  });
});

describe("on Excel on the web", () => {
  beforeEach(() => installRuntime({ platform: "OfficeOnline" }));

  test("whole columns are refused with #VALUE! saying where the limit is and what to use instead", async () => {
    const [d, c, t] = [wholeColumn(["Date", AS_OF - 6]), wholeColumn(["Count", 20]), wholeColumn(["Amount", 10])];
    const err = await rejection(grade(d, c, t, "shaoxing", AS_OF, none));
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toContain("125,000 cells");
    expect(err.message).toContain("3,145,728");
    expect(err.message).toContain("3 ranges of 1,048,576 rows");
    expect(err.message).toMatch(/table column such as Sales\[Amount\].*bounded range such as B2:B40000/);
    expect(err.message).toMatch(/RFM Grader pane/);
  });

  test("the advice is in Office's language", async () => {
    installRuntime({ platform: "OfficeOnline", language: "zh-CN" });
    const [d, c, t] = [wholeColumn([AS_OF - 6]), wholeColumn([20]), wholeColumn([10])];
    const err = await rejection(sales(d, c, t, none, none, none, none, none));
    expect(err.message).toMatch(/^网页版 Excel 传给公式的数据最多约 5 MB/);
    expect(err.message).toContain("有边界的区域");
    expect(err.message).toContain("任务窗格");
  });

  test("ranges at the budget are graded; one row more is refused", async () => {
    const rows = Math.floor(WEB_CELL_BUDGET / 3); // 41,666 rows: 124,998 cells
    const [d, c, t] = customerRanges(rows);
    const out = (await grade(d, c, t, "shaoxing", AS_OF, none)) as unknown[][];
    expect(out).toHaveLength(rows);
    expect(out.every((r) => typeof r[0] === "string" && /^[ABC]$/.test(r[0]))).toBe(true);

    const [d2, c2, t2] = customerRanges(rows + 1); // 125,001 cells
    const err = await rejection(grade(d2, c2, t2, "shaoxing", AS_OF, none));
    expect(err.message).toContain("125,001");
  });

  test("an RFM.SALES spill over the budget is refused: 11,363 customers of eleven columns return, 11,364 do not", async () => {
    // 11,363 × 11 = 124,993 cells; 11,364 × 11 = 125,004.
    const [ids, dates, amounts] = salesRanges(11_363);
    const out = (await sales(ids, dates, amounts, "wuhan", AS_OF, none, none, none)) as unknown[][];
    expect(out).toHaveLength(11_363);
    expect(out[0]).toHaveLength(11);

    const [ids2, dates2, amounts2] = salesRanges(11_364);
    const err = await rejection(sales(ids2, dates2, amounts2, "wuhan", AS_OF, none, none, none));
    expect(err.message).toMatch(/11,364 rows of 11 columns.*at most 125,000 cells/);
    expect(err.message).toMatch(/Grade these sales records in the RFM Grader pane/);
  });

  test("a result under the cell budget but over 4 MB (a message in every cell) is refused too", async () => {
    // 40,000 customers whose purchase count is text: 120,000 cells in the ranges and 40,000 in the result, both
    // under the cell budget, but every result cell is #VALUE! with the row's reason, which quotes the text.
    const rows = 40_000;
    const d = columnOf(rows, () => AS_OF - 6);
    const c = columnOf(rows, (i) => `not a number ${"x".repeat(60)} ${i}`);
    const t = columnOf(rows, () => 10);
    installRuntime({ platform: "PC" });
    const desktop = (await grade(d, c, t, "shaoxing", AS_OF, none)) as unknown[][];
    expect(desktop).toHaveLength(rows);
    expect(isFormulaError(desktop[0][0])).toBe(true);
    expect(resultBytes(desktop)).toBeGreaterThan(WEB_FORMULA_BYTES);

    installRuntime({ platform: "OfficeOnline" });
    const err = await rejection(grade(d, c, t, "shaoxing", AS_OF, none));
    expect(err.message).toMatch(/40,000 rows of 1 column, more than Excel on the web/);
    expect(err.message).toMatch(/Grade this customer table in the RFM Grader pane/);
  });
});

describe("on desktop Excel", () => {
  test.each(["PC", "Mac", undefined])("platform %s: whole columns and large spills keep working", async (platform) => {
    installRuntime({ platform });
    const [d, c, t] = [wholeColumn(["Date", AS_OF - 6]), wholeColumn(["Count", 20]), wholeColumn(["Amount", 10])];
    expect(await grade(d, c, t, "shaoxing", AS_OF, none)).toEqual([["Grade"], ["A"]]);
    const [ids, dates, amounts] = salesRanges(13_000);
    const out = (await sales(ids, dates, amounts, "wuhan", AS_OF, none, none, none)) as unknown[][];
    expect(out).toHaveLength(13_000);
    expect(out.some((row) => row.some(isFormulaError))).toBe(false);
  });
});
