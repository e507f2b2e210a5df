/** writeNumberText must write exactly String(x) for every number, whichever way it takes. */

import fc from "fast-check";
import { writeNumberText } from "../../../src/cli/csv/numberBytes";
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
