/**
 * RFM.SALES called the way Excel calls it. Expected values are worked by hand from RULES.md §6 and §7 (wuhan: window
 * 2021-09-01 .. 2025-07-01 inclusive, quintiles with the average tie rule, X = 0.3r + 0.3f + 0.4m) and RULES.md §8
 * (unreadable sales skipped, refunds summed as they are).
 */
import { sales } from "../../src/functions/functions";
import { setExcelRetryDelays } from "../../src/functions/officeHost";
import { column, installRuntime, isFormulaError, rejection, removeRuntime } from "./fakeRuntime";

/** Excel serial (1900 system) of a date: days since 1899-12-30 for any date after 1900-02-28. */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
const none = null as unknown as undefined;

// Sale rows 1..11 of the ranges (sheet rows 2..12 below a header in row 1 when addressed as Sales!A2:A12).
const SALES: [unknown, unknown, unknown][] = [
  ["W1", serial(2025, 6, 21), 1000], //  1
  ["W2", serial(2025, 6, 30), 300], //   2
  ["W3", serial(2021, 8, 31), 5000], //  3 the day before the window: W3 has no sale inside it
  ["W1", "abc", 999], //                 4 not a date: skipped, W1 graded from the rest
  [null, null, null], //                 5 an empty row: ignored
  ["W4", serial(2025, 7, 2), 100], //    6 after the analysis date: not counted
  ["W4", serial(2025, 1, 1), 2000], //   7
  ["W2", serial(2025, 6, 1), 200], //    8
  ["W5", serial(2024, 7, 1), 800], //    9
  ["W2", serial(2025, 3, 1), -100], //  10 a refund
  ["W1", serial(2025, 5, 1), 500], //   11
];
const ranges = (rows = SALES) => [0, 1, 2].map((k) => column(...rows.map((r) => r[k])));
const ADDRESSES = { parameterAddresses: ["Sales!A2:A12", "Sales!B2:B12", "Sales!C2:C12"] };

// Graded: W1 (D=10, S=2, Z=1500), W2 (D=1, S=3, Z=400), W4 (D=181, S=1, Z=2000), W5 (D=365, S=1, Z=800); N = 4.
// Score = 5 - floor(5(2G + T) / 8):
//   R (D ascending): W2 q0 -> 5, W1 q1 -> 4, W4 q2 -> 2, W5 q3 -> 1
//   F (S descending): W2 -> 5, W1 -> 4, W4 and W5 tie (G=2, T=2): 5 - floor(30/8) = 2
//   M (Z descending): W4 -> 5, W1 -> 4, W5 -> 2, W2 -> 1
// X: W1 1.2+1.2+1.6 = 4 (A); W2 1.5+1.5+0.4 = 3.4 (B); W4 0.6+0.6+2 = 3.2 (B); W5 0.3+0.6+0.8 = 1.7 (D)
// Next grade with one order (RULES.md §12), the others keeping their values; the order makes D 0 (r 5 for each):
//   W1 A: none. W2: S 4 (f 5): 3 + 0.4m ≥ 4 needs m 3 (2G + T ≤ 4): level with W1's 1,500 (G 1, T 2) is enough:
//   1,100. W4: S 2 ties W1 (f 3): 2.4 + 0.4m ≥ 4 with its m 5: one cent. W5: S 2 (f 3): 2.4 ≥ 2 for C: one cent.
const W1 = ["W1", serial(2025, 6, 21), 2, 1500, 4, 4, 4, 4, "A", "one revisit per month", ""];
const W2 = ["W2", serial(2025, 6, 30), 3, 400, 5, 5, 1, 3.4, "B", "one revisit per quarter", 1100];
const W4 = ["W4", serial(2025, 1, 1), 1, 2000, 2, 2, 5, 3.2, "B", "one revisit per quarter", 0.01];
const W5 = ["W5", serial(2024, 7, 1), 1, 800, 1, 2, 2, 1.7, "D", "one revisit per year", 0.01];

beforeEach(() => installRuntime());
afterAll(() => removeRuntime());

describe("wuhan over sales records (the default profile, its analysis date and window)", () => {
  test("one row per customer in order of first appearance; then the skipped sale", async () => {
    const [ids, dates, amounts] = ranges();
    const out = (await sales(ids, dates, amounts, none, none, none, none, none, ADDRESSES)) as unknown[][];
    expect(out).toHaveLength(6);
    expect(out[0]).toEqual(W1);
    expect(out[1]).toEqual(W2);
    expect(out[3]).toEqual(W4);
    expect(out[4]).toEqual(W5);

    // W3: no sale inside the window; its customer columns stay, its score columns carry the reason
    expect(out[2].slice(0, 4)).toEqual(["W3", "", 0, 0]);
    for (const cell of out[2].slice(4)) {
      expect(isFormulaError(cell) && cell.message).toBe(
        "Column “order_date”: no purchase inside the window 2021-09-01 – 2025-07-01",
      );
    }

    // The sale of range row 4 (sheet row 5) is listed after the customers, naming its row, column and problem
    expect(out[5][0]).toBe("W1");
    for (const cell of out[5].slice(1)) {
      expect(isFormulaError(cell) && cell.message).toBe(
        "Row 5, column “order_date”: order date is not a date (abc) — this sale is not counted",
      );
    }
  });

  test("headers TRUE adds the column titles, in Office's language", async () => {
    const [ids, dates, amounts] = ranges();
    const en = (await sales(ids, dates, amounts, "wuhan", none, none, none, true)) as unknown[][];
    expect(en[0]).toEqual([
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
    ]);
    expect(en[1]).toEqual(W1);
    expect(en).toHaveLength(7);

    installRuntime({ language: "zh-CN" });
    const zh = (await sales(ids, dates, amounts, "wuhan", none, none, none, true)) as unknown[][];
    expect(zh[0]).toEqual([
      "客户",
      "最近下单时间",
      "购买次数",
      "总金额",
      "R评分",
      "F评分",
      "M评分",
      "RFM综合评分",
      "客户等级",
      "沟通频次",
      "升级所需单笔订单",
    ]);
    expect(zh[1].slice(8)).toEqual(["A", "每月回访一次", ""]);
    const w3 = zh[3][4];
    expect(isFormulaError(w3) && w3.message).toBe("“下单时间”列：统计期间 2021-09-01 – 2025-07-01 内没有销售记录");
    // no address given: the row within the range
    const skipped = zh[6][1];
    expect(isFormulaError(skipped) && skipped.message).toBe(
      "第 4 行，“下单时间”列：下单时间不是日期（abc）——此笔销售未计入",
    );
  });

  test("as_of and window_start narrow the window (dates or date text)", async () => {
    // Window 2025-01-01 .. 2025-06-25: W1 keeps 06-21 and 05-01 (D=4, S=2, Z=1500); W2 keeps 06-01 and the 03-01
    // refund (D=24, S=2, Z=100); W3 none; W4 keeps 01-01 (D=175, S=1, Z=2000); W5 none. N = 3, score =
    // 5 - floor(5(2G+T)/6). R: W1 5 - floor(5/6) = 5, W2 5 - floor(15/6) = 3, W4 5 - floor(25/6) = 1.
    // F: W1 and W2 tie (G=0, T=2): 5 - floor(10/6) = 4; W4 (G=2, T=1): 1.  M: W4 5, W1 3, W2 1.
    // X: W1 1.5+1.2+1.2 = 3.9 (B); W2 0.9+1.2+0.4 = 2.5 (C); W4 0.3+0.3+2 = 2.6 (C)
    const [ids, dates, amounts] = ranges();
    // Next grade with one order: W1 (r 5, S 3 f 5: 3 + 0.4m ≥ 4 with its m 3), W2 (r 5, f 5: 3 ≥ 3) and W4 (r 5, S 2
    // ties both others, f 3: 2.4 + 2 ≥ 3) all move up with one cent.
    const out = (await sales(
      ids,
      dates,
      amounts,
      "wuhan",
      "2025-06-25",
      serial(2025, 1, 1),
      none,
      none,
    )) as unknown[][];
    expect(out[0]).toEqual(["W1", serial(2025, 6, 21), 2, 1500, 5, 4, 3, 3.9, "B", "one revisit per quarter", 0.01]);
    expect(out[1]).toEqual(["W2", serial(2025, 6, 1), 2, 100, 3, 4, 1, 2.5, "C", "one revisit per half-year", 0.01]);
    expect(out[3]).toEqual(["W4", serial(2025, 1, 1), 1, 2000, 1, 1, 5, 2.6, "C", "one revisit per half-year", 0.01]);
    expect(isFormulaError(out[4][4]) && out[4][4].message).toMatch(
      /no purchase inside the window 2025-01-01 – 2025-06-25/,
    );
  });

  test("a window that starts after the analysis date is one #VALUE! with the reason", async () => {
    const [ids, dates, amounts] = ranges();
    const err = await rejection(sales(ids, dates, amounts, none, "2025-01-01", "2025-02-01", none, none));
    expect(err.message).toMatch(/window start .* after the analysis date/);
  });

  test("a single sale with a quintile profile asks for the whole columns", async () => {
    const err = await rejection(sales([["W1"]], [[serial(2025, 6, 1)]], [[100]], none, none, none, none, none));
    expect(err.message).toMatch(/whole customer columns/);
  });
});

describe("customers as the sheet holds them", () => {
  test("numeric customer numbers stay numbers (lookups against the source match); text stays text", async () => {
    const out = (await sales(
      column(1001, "1002", 1001, 1003),
      column(serial(2025, 6, 1), serial(2025, 6, 2), serial(2025, 6, 3), serial(2020, 1, 1)),
      column(10, 20, 30, 40),
      none,
      none,
      none,
      none,
      none,
    )) as unknown[][];
    expect(out.map((row) => row[0])).toEqual([1001, "1002", 1003]);
    expect(out[0].slice(1, 4)).toEqual([serial(2025, 6, 3), 2, 40]);
  });
});

describe("shaoxing over sales records", () => {
  test("amounts in yuan; a customer whose refunds cancel its purchases is not graded (Z <= 0)", async () => {
    // as_of 2025-07-01. C1: 2025-06-25 (D=6, r5), 3 sales (f2: 2 < S <= 5), 30,000 + 25,000 + 5,000 yuan = 6 万 (m4)
    //   X = 1.5 + 0.8 + 2.4 = 4.7 -> B.  C2: 1000 and -1000 yuan: Z = 0, not graded.
    const out = (await sales(
      column("C1", "C2", "C1", "C2", "C1"),
      column(serial(2025, 6, 1), serial(2025, 6, 2), serial(2025, 6, 25), serial(2025, 6, 3), "2025-06-10"),
      column(30000, 1000, 25000, -1000, "5,000"),
      "shaoxing",
      serial(2025, 7, 1),
      none,
      "yuan",
      none,
    )) as unknown[][];
    // A is out of reach with one order: S 4 is still f 2, and 1.5 + 0.8 + 0.6·5 = 5.3 is not above 6.
    expect(out[0]).toEqual([
      "C1",
      serial(2025, 6, 25),
      3,
      60000,
      5,
      2,
      4,
      4.7,
      "B",
      "1–2 contacts per quarter",
      "not reachable with one order",
    ]);
    expect(out[1].slice(0, 4)).toEqual(["C2", serial(2025, 6, 3), 2, 0]);
    expect(isFormulaError(out[1][4]) && out[1][4].message).toMatch(
      /^Column “amount”: total amount must be greater than 0/,
    );
    expect(out).toHaveLength(2);
  });
});

describe("the workbook's date system", () => {
  test("a 1904 workbook: serials are read, and the last order date written, in the 1904 system", async () => {
    installRuntime({ date1904: true });
    const d1904 = (y: number, m: number, d: number) => serial(y, m, d) - 1462;
    const [ids, dates, amounts] = ranges(
      SALES.map(([id, date, amount]) => [id, typeof date === "number" ? date - 1462 : date, amount]),
    );
    const out = (await sales(ids, dates, amounts, none, none, none, none, none)) as unknown[][];
    expect(out[0]).toEqual(["W1", d1904(2025, 6, 21), ...W1.slice(2)]);
    expect(out[4]).toEqual(["W5", d1904(2024, 7, 1), ...W5.slice(2)]);
  });

  test("while the date system cannot be read (a cell being edited): #VALUE! saying so, no result on a guess", async () => {
    setExcelRetryDelays([1, 1, 1]);
    try {
      installRuntime({ date1904: true, busyRuns: Infinity });
      const [ids, dates, amounts] = ranges();
      const err = await rejection(sales(ids, dates, amounts, none, none, none, none, none));
      expect(err.code).toBe("#VALUE!");
      expect(err.message).toMatch(/1900 or the 1904 date system/);
    } finally {
      setExcelRetryDelays([50, 150, 400]);
    }
  });
});

describe("many sales that cannot be read", () => {
  test("the first 1,000 are listed one per row, then one row counts the rest and names the first unlisted row", async () => {
    // 1,500 sales with text dates Excel does not hold as dates, after one readable sale
    const n = 1500;
    const ids = ["W1", ...Array.from({ length: n }, (_, i) => `X${i}`)];
    const dates: unknown[] = [serial(2025, 6, 1), ...Array.from({ length: n }, () => "June 1st")];
    const amounts = [100, ...Array.from({ length: n }, () => 10)];
    const out = (await sales(
      column(...ids),
      column(...dates),
      column(...amounts),
      "shaoxing",
      serial(2025, 7, 1),
      none,
      none,
      none,
      {
        parameterAddresses: ["Sheet1!A2:A1502"],
      },
    )) as unknown[][];
    expect(out).toHaveLength(1 + 1000 + 1);
    expect(out[1][0]).toBe("X0");
    expect(out[1000][0]).toBe("X999");
    const last = out[1001];
    expect(last[0]).toBe("");
    // X1000 is data row 1001, sheet row 1003
    expect(isFormulaError(last[1]) && last[1].message).toBe(
      "500 more sales cannot be read and are not counted (the first of them in row 1003).",
    );
  });
});
