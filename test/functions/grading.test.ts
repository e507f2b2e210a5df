/**
 * RFM.GRADE / SCORE / CADENCE / SCORES called the way Excel calls them: matrix arguments, null for omitted optional
 * ones, an invocation object. Expected values are worked by hand from RULES.md §3, §4 and §6 (shaoxing and wuhan).
 *
 * Serial numbers (1900 system): 2025-07-01 = 45839 (2025-01-01 is 45658, plus 181 days of January to June).
 */
import { cadence, grade, score, scores } from "../../src/functions/functions";
import { cell, column, installRuntime, isFormulaError, rejection, removeRuntime } from "./fakeRuntime";

const AS_OF = 45839; // 2025-07-01
const daysBefore = (d: number) => AS_OF - d;

// shaoxing (weights .3/.4/.6, amounts in 万元), as_of 2025-07-01:
//   D=6  S=20 Z=10  -> r5 f5 m5 -> X = 1.5 + 2.0 + 3.0 = 6.5 -> A
//   D=20 S=10 Z=5   -> r4 f3 m3 -> X = 1.2 + 1.2 + 1.8 = 4.2 -> B
//   D=40 S=6  Z=2   -> r2 f3 m2 -> X = 0.6 + 1.2 + 1.2 = 3   -> C (X <= 3; 3.0000000000000004 in doubles)
//   D=51 S=1  Z=0.5 -> r1 f1 m1 -> X = 0.3 + 0.4 + 0.6 = 1.3 -> C
const SHAOXING_ROWS = {
  dates: [daysBefore(6), daysBefore(20), daysBefore(40), daysBefore(51)],
  counts: [20, 10, 6, 1],
  totals: [10, 5, 2, 0.5],
};
const none = null as unknown as undefined; // Excel passes null for an omitted optional argument

function shaoxing<T>(fn: typeof grade, rows = SHAOXING_ROWS, asOf: unknown = AS_OF) {
  return fn(
    column(...rows.dates),
    column(...rows.counts),
    column(...rows.totals),
    "shaoxing",
    asOf,
    none,
  ) as Promise<T>;
}

beforeEach(() => installRuntime());
afterAll(() => removeRuntime());

describe("shaoxing over column ranges (spills one value per row)", () => {
  test("GRADE", async () => {
    expect(await shaoxing(grade)).toEqual([["A"], ["B"], ["C"], ["C"]]);
  });

  test("SCORE is the exact decimal, as a number (3, not 3.0000000000000004)", async () => {
    const out = await shaoxing<number[][]>(score);
    expect(out).toEqual([[6.5], [4.2], [3], [1.3]]);
    expect(out[2][0]).toBe(3);
    expect(String(out[1][0])).toBe("4.2");
  });

  test("CADENCE in English", async () => {
    expect(await shaoxing(cadence)).toEqual([
      ["1–2 contacts per month"],
      ["1–2 contacts per quarter"],
      ["1–2 contacts per half-year"],
      ["1–2 contacts per half-year"],
    ]);
  });

  test("SCORES: R, F, M, score, grade, cadence and the next-grade order per customer", async () => {
    // Next grade with one order (RULES.md §12; an order today gives r 5 and S + 1):
    //   A: none. B: S 11 is f 4: 1.5 + 1.6 + 0.6m > 6 needs m 5, Z above 8: 3.000001 万元.
    //   C (X = 3): S 7 is f 3: 2.7 + 0.6m > 3 with m 1: one cent. C: S 2 is f 1: 1.9 + 0.6m > 3 needs m 2, Z above 1: 0.500001.
    expect(await shaoxing(scores)).toEqual([
      [5, 5, 5, 6.5, "A", "1–2 contacts per month", ""],
      [4, 3, 3, 4.2, "B", "1–2 contacts per quarter", 3.000001],
      [2, 3, 2, 3, "C", "1–2 contacts per half-year", 0.000001],
      [1, 1, 1, 1.3, "C", "1–2 contacts per half-year", 0.500001],
    ]);
  });
});

describe("single cells", () => {
  test("one customer gives one value", async () => {
    expect(await grade(cell(daysBefore(20)), cell(10), cell(5), "shaoxing", AS_OF, none)).toEqual([["B"]]);
    expect(await score(cell(daysBefore(20)), cell(10), cell(5), "shaoxing", AS_OF, none)).toEqual([[4.2]]);
  });

  test("profile defaults to shaoxing", async () => {
    expect(await grade(cell(daysBefore(6)), cell(20), cell(10), none, AS_OF, none)).toEqual([["A"]]);
  });

  test("recency bounds: D = 10 is still r5, D = 11 is r4 (RULES.md §3: a bound belongs to the bin it closes)", async () => {
    // S=1 (f1), Z=0.5 (m1): X = 0.3r + 1.0 -> r5: 2.5, r4: 2.2
    const out = await score(column(daysBefore(10), daysBefore(11)), column(1, 1), column(0.5, 0.5), none, AS_OF, none);
    expect(out).toEqual([[2.5], [2.2]]);
  });

  test("a serial with a time of day counts as its day", async () => {
    // 2025-06-25 18:00 is D = 6 -> r5, like the first row above -> A
    expect(await grade(cell(daysBefore(6) + 0.75), cell(20), cell(10), none, AS_OF, none)).toEqual([["A"]]);
    // and an as-of with a time: 2025-07-01 23:59 is still 2025-07-01; D = 10 keeps r5 (X = 2.5), not r4
    expect(await score(cell(daysBefore(10)), cell(1), cell(0.5), none, AS_OF + 0.999, none)).toEqual([[2.5]]);
  });

  test("as_of as text in the formats RULES.md §9 reads", async () => {
    for (const asOf of ["2025-07-01", "2025/7/1", "2025年7月1日"]) {
      expect(await grade(cell(daysBefore(20)), cell(10), cell(5), none, asOf, none)).toEqual([["B"]]);
    }
  });
});

describe("units", () => {
  test('"yuan" divides by 10,000 exactly: 50,000 yuan is 5 万元 (m3), 50,001 yuan is above 5 (m4)', async () => {
    // D=6 (r5), S=1 (f1): X = 1.5 + 0.4 + 0.6m -> m3: 3.7, m4: 4.3
    const out = await score(
      column(daysBefore(6), daysBefore(6)),
      column(1, 1),
      column(50000, 50001),
      none,
      AS_OF,
      "yuan",
    );
    expect(out).toEqual([[3.7], [4.3]]);
  });

  test('"wan" is the shaoxing default, and the Chinese unit words are understood', async () => {
    const asWan = await score(cell(daysBefore(6)), cell(1), cell(5), none, AS_OF, "wan");
    const asChinese = await score(cell(daysBefore(6)), cell(1), cell(50000), none, AS_OF, "元");
    expect(asWan).toEqual([[3.7]]);
    expect(asChinese).toEqual([[3.7]]);
  });

  test("an unknown unit is #VALUE! naming the allowed units", async () => {
    const err = await rejection(grade(cell(daysBefore(6)), cell(1), cell(5), none, AS_OF, "dollars"));
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toContain("dollars");
    expect(err.message).toMatch(/"yuan".*"wan"/);
  });
});

describe("wuhan (quintiles over the given population, default as-of 2025-07-01)", () => {
  // N = 5, no ties: positions q = 0..4 give scores 5,4,3,2,1 (k - floor(k(2q+1)/2N) = 5 - floor((2q+1)/2)).
  test("each row takes its quintile; X = 0.3r + 0.3f + 0.4m; grade edges A >= 4, B >= 3, C >= 2", async () => {
    // r = 5,4,3,2,1 (D = 1..5); f = 1..5 (S = 1..5); m = 3,5,1,4,2 (Z ranks 300 < ... )
    //   X = 1.5+0.3+1.2 = 3.0 B | 1.2+0.6+2.0 = 3.8 B | 0.9+0.9+0.4 = 2.2 C | 0.6+1.2+1.6 = 3.4 B | 0.3+1.5+0.8 = 2.6 C
    const dates = column(daysBefore(1), daysBefore(2), daysBefore(3), daysBefore(4), daysBefore(5));
    const counts = column(1, 2, 3, 4, 5);
    const totals = column(300, 500, 100, 400, 200);
    // Next grade with one order (RULES.md §12), the others keeping their values: an order today is the newest (r 5).
    //   1: S 2 ties the second, three above (f 1): 1.8 + 0.4·5 < 4: not reachable. 2: f 2 and m 5 already: 4.1, one
    //   cent. 3: S 4 (f 3): 2.4 + 0.4m ≥ 3 needs m 2, past 200 (level: 2·3 + 2 > 7): 100.01. 4: S 5 ties the fifth
    //   (f 4): 2.7 + 0.4m ≥ 4 needs m 4, which its 400 has. 5: S 6 is the most (f 5): 3 already.
    expect(await scores(dates, counts, totals, "wuhan", none, none)).toEqual([
      [5, 1, 3, 3, "B", "one revisit per quarter", "not reachable with one order"],
      [4, 2, 5, 3.8, "B", "one revisit per quarter", 0.01],
      [3, 3, 1, 2.2, "C", "one revisit per half-year", 100.01],
      [2, 4, 4, 3.4, "B", "one revisit per quarter", 0.01],
      [1, 5, 2, 2.6, "C", "one revisit per half-year", 0.01],
    ]);
  });

  test("all four grades: equal sub-scores 5..1 give X = 5, 4, 3, 2, 1 -> A, A, B, C, D", async () => {
    const dates = column(daysBefore(1), daysBefore(2), daysBefore(3), daysBefore(4), daysBefore(5));
    const counts = column(10, 8, 6, 4, 2);
    const totals = column(5000, 4000, 3000, 2000, 1000);
    expect(await grade(dates, counts, totals, "wuhan", none, none)).toEqual([["A"], ["A"], ["B"], ["C"], ["D"]]);
  });

  test("a quintile profile with single cells is #VALUE! asking for the whole columns", async () => {
    const err = await rejection(grade(cell(daysBefore(1)), cell(3), cell(100), "wuhan", none, none));
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toMatch(/whole customer columns/);
  });

  test("profile ids are matched ignoring case and spaces", async () => {
    const dates = column(daysBefore(1), daysBefore(2));
    const out = await grade(dates, column(2, 1), column(20, 10), " Wuhan ", none, none);
    // N = 2: q=0 -> 5 - floor(5/4) = 4, q=1 -> 5 - floor(15/4) = 2. Row 1: X = 4 -> A; row 2: X = 2 -> C
    expect(out).toEqual([["A"], ["C"]]);
  });
});

describe("rows that cannot be graded", () => {
  const dates = column(daysBefore(6), daysBefore(6), "", daysBefore(40), "#N/A", daysBefore(6));
  const counts = column(20, "abc", "", 6, 3, 2.5);
  const totals = column(10, 10, "", 2, 2, 10);
  const address = { parameterAddresses: ["Sheet1!$B$5:$B$10", "Sheet1!$C$5:$C$10", "Sheet1!$D$5:$D$10"] };

  test("each bad row holds #VALUE! with its reason, naming the sheet row and the parameter; the others spill", async () => {
    const out = (await grade(dates, counts, totals, none, AS_OF, none, address)) as unknown[][];
    expect(out[0]).toEqual(["A"]);
    expect(out[3]).toEqual(["C"]);

    const notNumber = out[1][0];
    expect(isFormulaError(notNumber) && notNumber.code).toBe("#VALUE!");
    expect(isFormulaError(notNumber) && notNumber.message).toBe(
      "Row 6, column “purchases”: purchase count is not a number (abc)",
    );
    const excelError = out[4][0];
    expect(isFormulaError(excelError) && excelError.message).toMatch(/^Row 9, column “last_order_date”: .*#N\/A/);
    const notWhole = out[5][0];
    expect(isFormulaError(notWhole) && notWhole.message).toMatch(/^Row 10, column “purchases”: .*whole number.*2\.5/);
  });

  test("a row blank in all three ranges stays blank (a formula reaching past the data)", async () => {
    const out = (await grade(dates, counts, totals, none, AS_OF, none, address)) as unknown[][];
    expect(out[2]).toEqual([""]);
    const wide = (await scores(dates, counts, totals, none, AS_OF, none, address)) as unknown[][];
    expect(wide[2]).toEqual(["", "", "", "", "", "", ""]);
  });

  test("SCORES puts the reason in every cell of the bad row", async () => {
    const wide = (await scores(dates, counts, totals, none, AS_OF, none, address)) as unknown[][];
    expect(wide[1]).toHaveLength(7);
    for (const v of wide[1]) expect(isFormulaError(v) && v.message).toMatch(/purchases/);
    expect(wide[0]).toEqual([5, 5, 5, 6.5, "A", "1–2 contacts per month", ""]);
  });

  test("without the range address, rows are counted within the range", async () => {
    const out = (await grade(dates, counts, totals, none, AS_OF, none)) as unknown[][];
    expect(isFormulaError(out[1][0]) && out[1][0].message).toMatch(/^Row 2, column “purchases”/);
  });

  test("a single bad cell names the parameter without a row number", async () => {
    const out = (await grade(cell(daysBefore(6)), cell(0), cell(10), none, AS_OF, none)) as unknown[][];
    expect(isFormulaError(out[0][0]) && out[0][0].message).toMatch(
      /^Column “purchases”: purchase count must be at least 1/,
    );
  });

  test("a last order date after the as-of date is not graded", async () => {
    const out = (await grade(cell(AS_OF + 1), cell(5), cell(5), none, AS_OF, none)) as unknown[][];
    expect(isFormulaError(out[0][0]) && out[0][0].message).toMatch(/after the analysis date/);
  });

  test("shaoxing does not grade Z <= 0 (the seed says 0 < Z)", async () => {
    const out = (await grade(cell(daysBefore(6)), cell(5), cell(0), none, AS_OF, none)) as unknown[][];
    expect(isFormulaError(out[0][0]) && out[0][0].message).toMatch(/amount/);
  });
});

describe("problems with the whole formula are one #VALUE! with a message", () => {
  test("shaoxing without as_of asks for one", async () => {
    const err = await rejection(grade(cell(daysBefore(6)), cell(20), cell(10), "shaoxing", none, none));
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toMatch(/analysis date/);
  });

  test("an as_of that is not a date", async () => {
    const err = await rejection(grade(cell(daysBefore(6)), cell(20), cell(10), none, "next Tuesday", none));
    expect(err.message).toMatch(/not a valid date/);
  });

  test("an unknown profile names the available ones", async () => {
    const err = await rejection(grade(cell(daysBefore(6)), cell(20), cell(10), "hangzhou", AS_OF, none));
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toBe("Unknown profile “hangzhou”. Available profiles: shaoxing, wuhan.");
  });

  test("ranges of different heights", async () => {
    const err = await rejection(grade(column(1, 2, 3), column(1, 2), column(1, 2, 3), none, AS_OF, none));
    expect(err.message).toMatch(/same number of rows \(now 3, 2, 3\)/);
  });

  test("a range wider than one column", async () => {
    const err = await rejection(grade(column(1), [[1, 2]], column(1), none, AS_OF, none));
    expect(err.message).toMatch(/“purchases” must be one cell or one column \(it has 2 columns\)/);
  });
});

describe("the workbook's 1904 date system", () => {
  // 2025-06-25 is 45833 in the 1900 system and 45833 - 1462 = 44371 in the 1904 system.
  test("a 1904 serial is read as its 1904 date", async () => {
    installRuntime({ date1904: true });
    // 2025-06-25 -> D = 6 -> r5, S=20 f5, Z=10 m5 -> A
    expect(await grade(cell(44371), cell(20), cell(10), none, "2025-07-01", none)).toEqual([["A"]]);
    // the as-of serial is in the workbook's system too: 45839 - 1462 = 44377 is 2025-07-01
    expect(await grade(cell(44371), cell(20), cell(10), none, 44377, none)).toEqual([["A"]]);
  });

  test("the same serial in a 1900 workbook is 2021-06-24: D is years, r1 -> X = 0.3 + 2 + 3 = 5.3 -> B", async () => {
    installRuntime({ date1904: false });
    expect(await score(cell(44371), cell(20), cell(10), none, "2025-07-01", none)).toEqual([[5.3]]);
  });

  test("outside Excel (no Excel global) the 1900 system is assumed", async () => {
    installRuntime({ date1904: null });
    expect(await score(cell(44371), cell(20), cell(10), none, "2025-07-01", none)).toEqual([[5.3]]);
  });
});

describe("Chinese Office", () => {
  beforeEach(() => installRuntime({ language: "zh-CN" }));

  test("CADENCE speaks Chinese", async () => {
    expect(await shaoxing(cadence)).toEqual([
      ["每月沟通1–2次"],
      ["每季度沟通1–2次"],
      ["每半年沟通1–2次"],
      ["每半年沟通1–2次"],
    ]);
  });

  test("row reasons are in Chinese and name the parameter as Chinese Excel shows it", async () => {
    const out = (await grade(
      column(daysBefore(6), daysBefore(6)),
      column(20, "abc"),
      column(10, 10),
      none,
      AS_OF,
      none,
      { parameterAddresses: ["表1!A2:A3"] },
    )) as unknown[][];
    expect(out[0]).toEqual(["A"]);
    expect(isFormulaError(out[1][0]) && out[1][0].message).toBe("第 3 行，“购买次数”列：购买次数不是数字（abc）");
  });

  test("whole-formula problems are in Chinese", async () => {
    const missingAsOf = await rejection(grade(cell(daysBefore(6)), cell(20), cell(10), none, none, none));
    expect(missingAsOf.message).toMatch(/统计日期/);
    const badUnit = await rejection(grade(cell(daysBefore(6)), cell(20), cell(10), none, AS_OF, "usd"));
    expect(badUnit.message).toBe('单位必须是 "yuan"（元）或 "wan"（万元），而不是“usd”。');
  });
});
