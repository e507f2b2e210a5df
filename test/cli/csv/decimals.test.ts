/**
 * Decimal commas: each number column of a file separated by other than commas is read in one convention, decided
 * from all its cells, or its doubtful cells are refused; never one cell this way and the next the other way.
 */

import fc from "fast-check";
import { isDoubtfulNumber } from "../../../src/engine";
import { decideReading, decimalNumber, readDecimal } from "../../../src/cli/csv/decimals";

test.each([
  ["1.234,56", ",", 1234.56],
  ["1 234,56", ",", 1234.56],
  ["-0,75", ",", -0.75],
  [",5", ",", 0.5],
  ["¥1.234", ",", 1234],
  ["1,234.56", ".", 1234.56],
  ["1,234", ".", 1234],
  ["1,234", ",", 1.234],
  ["12.50", ",", NaN], // a point that cannot group thousands
  ["1,23,456", ".", NaN], // groups of three only
  ["", ",", NaN],
  ["abc", ".", NaN],
])("decimalNumber(%p, %p) is %p", (text, decimal, value) => {
  expect(decimalNumber(text, decimal as "," | ".")).toBe(value);
});

test.each([
  ["a European column", ["1.234,56", "99,90", "1,234", "5"], ";", "comma"],
  ["a column with decimal points", ["1,234.56", "1,234", "7"], ";", "point"],
  ["both kinds", ["0,5", "2.5", "7"], ";", "mixed"],
  ["only cells both conventions read differently, semicolons", ["1,234", "2,500"], ";", "unclear"],
  ["only such cells, tabs (Western and Chinese Excel's text)", ["1,234", "2,500"], "\t", "point"],
  ["whole numbers only", ["12", "7", "1 234"], ";", null],
  ["nothing to decide", ["", "n/a"], "|", null],
])("%s: %p", (_label, cells, delimiter, reading) => {
  expect(decideReading(cells, delimiter)).toBe(reading);
});

test("a doubtful cell is never a number; the others read as their column says", () => {
  expect(readDecimal("1,234", "comma")).toBe(1.234);
  expect(readDecimal("1,234", "point")).toBe(1234);
  expect(readDecimal("1234", "mixed")).toBe(1234);
  expect(readDecimal("n/a", "mixed")).toBe("n/a");
  for (const [text, reading] of [
    ["0,5", "mixed"],
    ["2.5", "mixed"],
    ["1,234", "unclear"],
  ] as const) {
    const cell = readDecimal(text, reading);
    expect(isDoubtfulNumber(cell)).toBe(true);
  }
});

test("every amount a column reads is the one number its text means in the column's convention", () => {
  // Amounts written by a European (comma) or a Western (point) spreadsheet, with and without thousands separators.
  const amount = fc.tuple(
    fc.integer({ min: 0, max: 9_999_999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.boolean(),
    fc.boolean(),
  );
  const write = (whole: number, cents: number, grouped: boolean, decimals: boolean, european: boolean) => {
    const digits = String(whole);
    const group = european ? "." : ",";
    const int = grouped ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, group) : digits;
    return decimals ? `${int}${european ? "," : "."}${String(cents).padStart(2, "0")}` : int;
  };
  fc.assert(
    fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), fc.boolean(), ([first, ...rest], european) => {
      const all = [first, ...rest];
      const texts = all.map(([w, c, g, d]) => write(w, c, g, d, european));
      const reading = decideReading(texts, ";");
      texts.forEach((text, k) => {
        const [w, c, , d] = all[k];
        const cell = readDecimal(text, reading ?? "point");
        // Read right, or refused as doubtful: never read as another number.
        if (!isDoubtfulNumber(cell)) expect(cell).toBeCloseTo(d ? w + c / 100 : w, 6);
      });
      // A column with any two-decimal amount always tells its convention.
      if (all.some(([, , , d]) => d)) expect(reading).toBe(european ? "comma" : "point");
    }),
    { numRuns: 500 },
  );
});
