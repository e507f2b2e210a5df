/** Argument conversion on its own: shapes Excel passes, units, as-of dates, and row numbers from addresses. */
import { readAsOf, readUnit, toColumn } from "../../src/functions/formulaArguments";
import { firstRowOf } from "../../src/functions/formulaGrading";
import { FormulaInputError } from "../../src/functions/formulaMessages";

describe("toColumn", () => {
  test("a scalar, a 1x1 matrix and a one-column matrix", () => {
    expect(toColumn(7, "count")).toEqual([7]);
    expect(toColumn([[7]], "count")).toEqual([7]);
    expect(toColumn([[1], [""], [null]], "count")).toEqual([1, "", null]);
  });

  test("a row or a block is refused, naming the parameter in both languages", () => {
    let caught: unknown;
    try {
      toColumn([[1, 2, 3]], "total");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FormulaInputError);
    expect((caught as FormulaInputError).text).toEqual({
      en: "“amount” must be one cell or one column (it has 3 columns).",
      zh: "“总金额”必须是一个单元格或一列（现在有 3 列）。",
    });
  });
});

describe("readUnit", () => {
  test.each([
    [null, undefined],
    ["", undefined],
    ["yuan", "yuan"],
    [" YUAN ", "yuan"],
    ["元", "yuan"],
    ["wan", "wan"],
    ["万元", "wan"],
    ["万", "wan"],
  ])("%p -> %p", (arg, unit) => {
    expect(readUnit(arg)).toBe(unit);
  });

  test("anything else is refused", () => {
    expect(() => readUnit("usd")).toThrow(FormulaInputError);
    expect(() => readUnit(10000)).toThrow(FormulaInputError);
  });
});

describe("readAsOf", () => {
  // 2025-07-01 is day 20270 since 1970-01-01 (55 years incl. 14 leap days = 20089, plus 181 days of 2025)
  test("serials in either date system and date text become the same day number", () => {
    expect(readAsOf(45839, false)).toBe(20270);
    expect(readAsOf(45839 - 1462, true)).toBe(20270);
    expect(readAsOf(45839.99, false)).toBe(20270);
    expect(readAsOf("2025-07-01", false)).toBe(20270);
    expect(readAsOf("2025年7月1日", true)).toBe(20270);
  });

  test("omitted means the profile's default; unreadable text is passed on for the engine to refuse", () => {
    expect(readAsOf(null, false)).toBeUndefined();
    expect(readAsOf("", false)).toBeUndefined();
    expect(readAsOf("soon", false)).toBe("soon");
  });
});

describe("firstRowOf", () => {
  test.each([
    ["Sheet1!$B$5:$B$10", 5],
    ["Sheet1!B12", 12],
    ["'Q3 sales'!C200:C300", 200],
    ["'A!B'!C7", 7],
    ["表1!A2:A3", 2],
    ["Sheet1!B:B", undefined],
  ])("%s -> %p", (address, row) => {
    expect(firstRowOf(address)).toBe(row);
  });
});
