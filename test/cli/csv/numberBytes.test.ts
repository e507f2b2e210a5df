/** writeNumberText must write exactly String(x) for every number, whichever way it takes. */

import fc from "fast-check";
import { writeNumberText, writeUnits } from "../../../src/cli/csv/numberBytes";
import { formatUnits } from "../../../src/engine/decimal";
import { ByteWriter } from "../../../src/cli/xlsx/byteWriter";

function written(x: number): string {
  const out = new ByteWriter(8);
  writeNumberText(out, x);
  return out.buf.toString("latin1", 0, out.at);
}

test("amounts as sums of cents and millionths, and any double at all, read exactly as String(x)", () => {
  const cents = fc.integer({ min: -1e13, max: 1e13 }).map((c) => c / 100);
  const millionths = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }).map((c) => c / 1e6);
  const anyDouble = fc.double({ noNaN: true });
  fc.assert(
    fc.property(fc.oneof(cents, millionths, anyDouble), (x) => {
      expect(written(x)).toBe(String(x));
    }),
    { numRuns: 20_000 },
  );
});

test.each([
  0,
  -0,
  1,
  -1,
  0.1,
  0.3,
  0.1 + 0.2,
  1234.5,
  -7369.08,
  0.000001,
  0.0000001,
  1e-7,
  99999999999999.99,
  999999999999999,
  1e15,
  1e21,
  123456789.123456,
  9007199254.740993,
  -0.05,
  1e308,
  Number.MIN_VALUE,
  10,
  100.5,
  2.675,
])("%p is written as String(%p)", (x) => {
  expect(written(x)).toBe(String(x));
});

function unitsWritten(units: number, places: number): string {
  const out = new ByteWriter(4);
  writeUnits(out, units, places);
  return out.buf.toString("latin1", 0, out.at);
}

test("writeUnits writes exactly the engine's formatUnits text of any safe integer in 0 to 6 places", () => {
  const units = fc.oneof(
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  );
  fc.assert(
    fc.property(units, fc.integer({ min: 0, max: 6 }), (u, places) => {
      expect(unitsWritten(u, places)).toBe(formatUnits(u, places));
    }),
    { numRuns: 20_000 },
  );
});

test.each([
  [1, 2, "0.01"],
  [100, 2, "1"],
  [123450, 2, "1234.5"],
  [1, 6, "0.000001"],
  [1_000_000, 6, "1"],
  [-250, 2, "-2.5"],
  [0, 6, "0"],
  [Number.MAX_SAFE_INTEGER, 2, "90071992547409.91"],
  [99_999_999, 6, "99.999999"],
])("%p units in %p places are written %p", (units, places, text) => {
  expect(unitsWritten(units, places)).toBe(text);
});
