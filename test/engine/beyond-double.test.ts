/**
 * RULES.md §8: a number beyond the range of a double (1e309, 1e400), NaN and Infinity are "not a number", and a serial
 * or date beyond 9999-12-31 is "not a date" — whichever face (CSV text, workbook number, JS Date) hands them over, and
 * also when each amount is a number but their sum is not (two sales of 1e308).
 */
import { builtinProfile, cellNumber, gradeCustomers, gradeSales, isGraded, noteText, parseDay } from "../../src/engine";
import { AS_OF, customerColumns, daysBefore, valuesOf } from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;
const wuhan = builtinProfile("wuhan")!;

test.each<{ cell: unknown; from: string }>([
  { cell: "1e309", from: "text" },
  { cell: "1e400", from: "text" },
  { cell: "-1e309", from: "text" },
  { cell: Infinity, from: "a number" },
  { cell: -Infinity, from: "a number" },
  { cell: NaN, from: "a number" },
  { cell: "Infinity", from: "text" },
  { cell: "NaN", from: "text" },
])("$cell (from $from) is not a number", ({ cell }) => {
  expect(cellNumber(cell)).toBeNaN();
});

test("the largest double and numbers just inside it are still numbers", () => {
  expect(cellNumber("1.7976931348623157e308")).toBe(Number.MAX_VALUE);
  expect(cellNumber("1e308")).toBe(1e308);
  expect(cellNumber(1e308)).toBe(1e308);
});

test("a customer row with a total or count beyond a double is not graded, and its note says not a number", () => {
  const rows = [
    { d: 5, s: 20, z: "1e309" },
    { d: 5, s: 20, z: 1e400 }, // a workbook number that overflowed to Infinity on reading
    { d: 5, s: "1e400", z: 10 },
    { d: 5, s: 20, z: NaN },
    { d: 5, s: 20, z: 10 },
  ];
  for (const profile of [shaoxing, wuhan]) {
    const res = gradeCustomers(customerColumns(rows), profile, { asOf: AS_OF });
    expect([0, 1, 2, 3, 4].map((i) => isGraded(res, i))).toEqual([false, false, false, false, true]);
    expect(noteText(res, 0, "en")).toMatch(/total amount is not a number \(1e309\)/);
    expect(noteText(res, 1, "en")).toMatch(/total amount is not a number/);
    expect(noteText(res, 2, "en")).toMatch(/purchase count is not a number \(1e400\)/);
    expect(res.summary.graded).toBe(1);
  }
});

test("a date-formatted serial of 1e10 (an invalid or far-future Date) and a serial past 9999-12-31 are not dates", () => {
  expect(parseDay(new Date(NaN))).toBeNull();
  // Serial 1e10 read as a date: 1e10 days after 1899-12-30 is far past year 9999 (and past what a Date can hold).
  expect(parseDay(new Date(Date.UTC(1899, 11, 30) + 1e10 * 86_400_000))).toBeNull();
  expect(parseDay(new Date(Date.UTC(10000, 0, 1)))).toBeNull();
  expect(parseDay(new Date(Date.UTC(9999, 11, 31)))).toBe(Date.UTC(9999, 11, 31) / 86_400_000);
  expect(parseDay(1e10)).toBeNull();
  expect(parseDay(2958466)).toBeNull(); // 10000-01-01
  const res = gradeCustomers(customerColumns([{ date: new Date(Date.UTC(10000, 0, 1)), s: 20, z: 10 }]), shaoxing, {
    asOf: AS_OF,
  });
  expect(isGraded(res, 0)).toBe(false);
  expect(noteText(res, 0, "en")).toMatch(/last order date is not a date/);
});

test("sales whose sum is beyond a double: the customer is not graded, no total is given, the others are graded", () => {
  const day = daysBefore(AS_OF, 10);
  const sales = {
    ids: ["BIG", "BIG", "OK", "OK", "ONE"],
    dates: [day, day, day, day, day],
    amounts: [1e308, "1e308", 100, 200, "1e309"],
  };
  for (const profile of [shaoxing, wuhan]) {
    const res = gradeSales(sales, profile, { asOf: AS_OF });
    const ids = valuesOf(res.customers!.ids);
    expect(ids).toEqual(["BIG", "OK"]); // "ONE"'s only sale is unreadable: skipped, so no customer
    const big = ids.indexOf("BIG");
    expect(isGraded(res, big)).toBe(false);
    expect(res.customers!.total.at(big)).toBeNull();
    expect(noteText(res, big, "en")).toMatch(/add up to more than any number/);
    expect(noteText(res, big, "zh")).toMatch(/金额合计超出/);
    expect(isGraded(res, ids.indexOf("OK"))).toBe(true);
    expect(res.customers!.total.at(ids.indexOf("OK"))).toBe(300);
    expect(res.summary.sales!.skipped).toBe(1);
    expect(res.saleIssues!.map((i) => [i.index, i.code])).toEqual([[4, "amountInvalid"]]);
  }
});
