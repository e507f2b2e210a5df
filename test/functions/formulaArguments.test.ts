/** Argument conversion on its own: units, as-of dates, and row numbers from addresses (ranges: wholeColumns.test). */
import { readAsOf, readUnit } from "../../src/functions/formulaArguments";
import { firstRowOf } from "../../src/functions/formulaGrading";
import { FormulaInputError } from "../../src/functions/formulaMessages";

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
    // an empty cell as older desktop builds pass it (0), in either date system
    expect(readAsOf(0, false)).toBeUndefined();
    expect(readAsOf(0, true)).toBeUndefined();
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
    ["Sheet1!B:B", 1],
    ["Sheet1!$B:$B", 1],
    ["'Q3 sales'!AB:AB", 1],
    ["Sheet1!1:1", undefined],
  ])("%s -> %p", (address, row) => {
    expect(firstRowOf(address)).toBe(row);
  });
});
