/**
 * Whole-column arguments (`=RFM.GRADE(B:B, C:C, D:D, ...)`). Excel then passes every row of the sheet: 1,048,576
 * one-cell rows per range, the column title first, and the empty cells as null (or as 0 on desktop builds before
 * the fix of OfficeDev/office-js#4702). The spill must be as tall as the data, the title row recognised as such.
 */
import { readRanges } from "../../src/functions/formulaRanges";
import { CUSTOMER_RANGES, FormulaInputError, SALES_RANGES } from "../../src/functions/formulaMessages";
import { grade, sales, scores } from "../../src/functions/functions";
import { installRuntime, isFormulaError, removeRuntime } from "./fakeRuntime";

const SHEET_ROWS = 1_048_576;
const AS_OF = 45839; // 2025-07-01
const none = null as unknown as undefined;

/** A whole column as Excel passes it: `cells` from row 1, then `empty` to the last row of the sheet. */
function wholeColumn(cells: unknown[], empty: unknown = null): unknown[][] {
  const rows = new Array<unknown[]>(SHEET_ROWS);
  for (let i = 0; i < cells.length; i++) rows[i] = [cells[i]];
  const emptyRow = [empty]; // one shared row object: a million of them would only cost the test memory
  rows.fill(emptyRow, cells.length);
  return rows;
}

// Shaoxing (as_of 2025-07-01): D=6 S=20 Z=10 -> A; D=20 S=10 Z=5 -> B; D=40 S=6 Z=2 -> C; "abc" purchases: not graded
const DATES = ["最近下单时间", AS_OF - 6, AS_OF - 20, AS_OF - 40, AS_OF - 6];
const COUNTS = ["购买次数", 20, 10, 6, "abc"];
const TOTALS = ["总金额（万元）", 10, 5, 2, 10];
const WHOLE = { parameterAddresses: ["Sheet1!$B:$B", "Sheet1!$C:$C", "Sheet1!$D:$D"] };

beforeEach(() => installRuntime());
afterAll(() => removeRuntime());

describe.each([
  ["empty cells as null", null],
  ["empty cells as 0 (older Excel desktop builds)", 0],
])("RFM.GRADE over B:B, C:C, D:D with %s", (_label, empty) => {
  const args = () => [wholeColumn(DATES, empty), wholeColumn(COUNTS, empty), wholeColumn(TOTALS, empty)] as const;

  test("the spill is the title row plus the data rows; the title gets the result's title", async () => {
    const [d, c, t] = args();
    const out = (await grade(d, c, t, "shaoxing", AS_OF, none, WHOLE)) as unknown[][];
    expect(out).toHaveLength(5);
    expect(out.slice(0, 4)).toEqual([["Grade"], ["A"], ["B"], ["C"]]);
    // the bad row names its sheet row: data row 4 sits in row 5, under the title in row 1
    expect(isFormulaError(out[4][0]) && out[4][0].message).toBe(
      "Row 5, column “purchases”: purchase count is not a number (abc)",
    );
  });

  test("RFM.SCORES titles its seven columns, in Office's language", async () => {
    installRuntime({ language: "zh-CN" });
    const [d, c, t] = args();
    const out = (await scores(d, c, t, "shaoxing", AS_OF, none, WHOLE)) as unknown[][];
    expect(out[0]).toEqual(["R评分", "F评分", "M评分", "RFM综合评分", "客户等级", "沟通频次", "升级所需单笔订单"]);
    // The top grade has no next-grade order: an empty cell.
    expect(out[1]).toEqual([5, 5, 5, 6.5, "A", "每月沟通1–2次", ""]);
    expect(out).toHaveLength(5);
  });
});

describe("RFM.SALES over A:A, B:B, C:C", () => {
  test("the spill is one row per customer (the title row is no customer, the empty rows no sales)", async () => {
    // W1: 2025-06-21 and 2025-05-01 (D=10, S=2, Z=1500); W2: 2025-06-30 (D=1, S=1, Z=300). N = 2, wuhan:
    //   score = 5 - floor(5(2G+T)/4). R: W2 5 - floor(5/4) = 4, W1 5 - floor(15/4) = 2.
    //   F: W1 4, W2 2.  M: W1 4, W2 2.  X: W1 0.6+1.2+1.6 = 3.4 (B); W2 1.2+0.6+0.8 = 2.6 (C)
    const june21 = AS_OF - 10,
      may1 = AS_OF - 61,
      june30 = AS_OF - 1;
    for (const empty of [null, 0]) {
      const out = (await sales(
        wholeColumn(["客户", "W1", "W2", "W1"], empty),
        wholeColumn(["消费时间", june21, june30, may1], empty),
        wholeColumn(["消费金额", 1000, 300, 500], empty),
        none,
        none,
        none,
        none,
        none,
        { parameterAddresses: ["Sheet1!A:A", "Sheet1!B:B", "Sheet1!C:C"] },
      )) as unknown[][];
      // Next grade with one order (RULES.md §12): W1 with D 0 and S 3 gets r 4, f 4, and keeps m 4 (its total stays the
      // larger): 2.4 + 1.6 = 4, A with one cent. W2 gets r 4 and ties W1's S (f 3): 2.1 + 0.4m ≥ 3 needs m 3, which
      // a total level with W1's 1,500 gives (G 0, T 2): 1,200.
      expect(out).toEqual([
        ["W1", june21, 2, 1500, 2, 4, 4, 3.4, "B", "one revisit per quarter", 0.01],
        ["W2", june30, 1, 300, 4, 2, 2, 2.6, "C", "one revisit per half-year", 1200],
      ]);
    }
  });

  test("a sale that cannot be read names its sheet row below the title", async () => {
    const out = (await sales(
      wholeColumn(["Customer", "W1", "W2", "W3"]),
      wholeColumn(["Order date", AS_OF - 1, "not yet", AS_OF - 3]),
      wholeColumn(["Amount", 100, 200, 300]),
      none,
      none,
      none,
      none,
      none,
      { parameterAddresses: ["Sheet1!A:A", "Sheet1!B:B", "Sheet1!C:C"] },
    )) as unknown[][];
    expect(out.map((row) => row[0])).toEqual(["W1", "W3", "W2"]);
    expect(isFormulaError(out[2][1]) && out[2][1].message).toBe(
      "Row 3, column “order_date”: order date is not a date (not yet) — this sale is not counted",
    );
  });

  test("titles only, or nothing at all: the headers asked for, else one blank row", async () => {
    const titles = (await sales(
      wholeColumn(["Customer"]),
      wholeColumn(["Date"]),
      wholeColumn(["Amount"]),
      none,
      none,
      none,
      none,
      true,
    )) as unknown[][];
    expect(titles).toEqual([
      [
        "Customer",
        "Last order date",
        "Purchases",
        "Amount",
        "R Score",
        "F Score",
        "M Score",
        "RFM Score",
        "Grade",
        "Cadence",
        "Next grade with one order of",
      ],
    ]);
    const nothing = (await sales(
      wholeColumn([]),
      wholeColumn([]),
      wholeColumn([]),
      none,
      none,
      none,
      none,
      none,
    )) as unknown[][];
    expect(nothing).toEqual([["", "", "", "", "", "", "", "", "", "", ""]]);
  });
});

describe("readRanges", () => {
  test("a scalar, a 1x1 matrix and a one-column matrix", () => {
    expect(readRanges([7, [[8]], [[9]]], CUSTOMER_RANGES, "GRADE").columns).toEqual([[7], [8], [9]]);
    const r = readRanges(
      [
        [[1], [2]],
        [[3], [4]],
        [[5], [6]],
      ],
      CUSTOMER_RANGES,
      "GRADE",
    );
    expect(r).toMatchObject({
      columns: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      headerRows: 0,
      rows: 2,
      height: 2,
    });
  });

  test("a row of titles is a header only on a range of several rows, and only when every cell is a title", () => {
    // a single cell of text is a value (the engine refuses it with a reason), not a header
    expect(readRanges(["date", "count", "total"], CUSTOMER_RANGES, "GRADE").headerRows).toBe(0);
    const titled = readRanges(
      [
        [["Date"], [1]],
        [["Count"], [2]],
        [["Total"], [3]],
      ],
      CUSTOMER_RANGES,
      "GRADE",
    );
    expect(titled).toMatchObject({ headerRows: 1, rows: 1, columns: [[1], [2], [3]] });
    // a first row with a number, a date text or an error in it is data
    for (const first of [5, "2025-07-01", "#N/A", ""]) {
      expect(
        readRanges(
          [
            [["Date"], [1]],
            [[first], [2]],
            [["Total"], [3]],
          ],
          CUSTOMER_RANGES,
          "GRADE",
        ).headerRows,
      ).toBe(0);
    }
  });

  test("rows empty in every range are marked (null cells), wherever they are", () => {
    const r = readRanges(
      [
        [[1], [null], [""], [4], [null]],
        [[1], [0], [null], [4], [0]],
        [[1], [null], [0], [4], [null]],
      ],
      CUSTOMER_RANGES,
      "GRADE",
    );
    expect(r.rows).toBe(4); // the last row is trailing emptiness
    expect(Array.from(r.empty)).toEqual([0, 1, 1, 0]);
    expect(r.columns[1]).toEqual([1, null, null, 4]);
  });

  test("a row with one real 0 in it is data, not emptiness", () => {
    const r = readRanges(
      [
        [[1], ["C9"]],
        [[1], [0]],
        [[1], [0]],
      ],
      SALES_RANGES,
      "SALES",
    );
    expect(r.rows).toBe(2);
    expect(Array.from(r.empty)).toEqual([0, 0]);
    expect(r.columns[2]).toEqual([1, 0]);
  });

  test("different heights and wide ranges are refused naming the parameters, in both languages", () => {
    const heights = () => readRanges([[[1], [2]], [[1]], [[1], [2]]], SALES_RANGES, "SALES");
    expect(heights).toThrow(FormulaInputError);
    try {
      heights();
    } catch (err) {
      expect((err as FormulaInputError).text).toEqual({
        en: "customer, order_date and amount must have the same number of rows (now 2, 1, 2).",
        zh: "客户、下单时间和订单金额的行数必须相同（现在分别为 2、1、2 行）。",
        "zh-TW": "客戶、下單時間和訂單金額的列數必須相同（現在分別為 2、1、2 列）。",
      });
    }
    try {
      readRanges([[[1]], [[1, 2, 3]], [[1]]], CUSTOMER_RANGES, "GRADE");
      throw new Error("expected a refusal");
    } catch (err) {
      expect((err as FormulaInputError).text).toEqual({
        en: "“purchases” must be one cell or one column (it has 3 columns).",
        zh: "“购买次数”必须是一个单元格或一列（现在有 3 列）。",
        "zh-TW": "「購買次數」必須是一個儲存格或一欄（現在有 3 欄）。",
      });
    }
  });
});
