import fc from "fast-check";
import { sortedOrder } from "../../src/engine/sortedOrder";

describe("sortedOrder (the positions that sort an array of numbers, stably)", () => {
  it("orders negative, zero, tiny and huge numbers as numbers, equal ones in position order", () => {
    const keys = Float64Array.from([3, -1e300, 0, -0, 5e-324, -5e-324, 1e308, -2.5, 3, 0.1 + 0.2, 0.3]);
    expect(Array.from(sortedOrder(keys))).toEqual([1, 7, 5, 2, 3, 4, 10, 9, 0, 8, 6]);
  });

  it("is the stable sort by value, for any finite numbers", () => {
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, -1, 2.5));
    fc.assert(
      fc.property(fc.array(number, { maxLength: 200 }), (values) => {
        const keys = Float64Array.from(values);
        const expected = values.map((_, j) => j).sort((a, b) => keys[a] - keys[b] || a - b);
        expect(Array.from(sortedOrder(keys))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
