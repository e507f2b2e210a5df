import fc from "fast-check";
import {
  countableKeys,
  countedBelow,
  countedKeys,
  sortedOrder,
  type CountableKeys,
} from "../../src/engine/sortedOrder";

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

describe("countableKeys (keys that can be counted instead of compared)", () => {
  const index = (keys: Float64Array, c: CountableKeys) => Array.from(keys, (k) => Math.round(k * c.scale) - c.min);

  it("takes whole numbers and whole cents at their own step, and nothing finer than millionths", () => {
    expect(countableKeys(Float64Array.from([3, -7, 0, 12]), 100)).toEqual({ scale: 1, min: -7, size: 20 });
    expect(countableKeys(Float64Array.from([-13.34, -0.01, 0, -10.98]), 10_000)).toEqual({
      scale: 100,
      min: -1334,
      size: 1335,
    });
    expect(countableKeys(Float64Array.from([0.000001, 0.5]), 1e6)?.scale).toBe(1e6);
    // 0.1 + 0.2 is no decimal of six places or fewer: no step gives it back.
    expect(countableKeys(Float64Array.from([0.1 + 0.2, 0.3]), 1e9)).toBeNull();
    expect(countableKeys(Float64Array.from([0.0000001, 1]), 1e9)).toBeNull();
  });

  it("refuses keys spanning more steps than allowed (their counts would take too much memory)", () => {
    expect(countableKeys(Float64Array.from([0, 100]), 99)).toBeNull();
    expect(countableKeys(Float64Array.from([0, 1.5]), 14)).toBeNull();
    expect(countableKeys(Float64Array.from([0, 1.5]), 15)?.scale).toBe(10);
    expect(countableKeys(new Float64Array(0), 10)).toBeNull();
  });

  it("keeps the keys' order and ties: equal keys share an index, a smaller key has a smaller one", () => {
    const cents = fc.integer({ min: -5_000_000, max: 5_000_000 }).map((c) => c / 100);
    const wan = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((u) => u / 1e6);
    fc.assert(
      fc.property(
        fc.oneof(fc.array(cents, { minLength: 1, maxLength: 60 }), fc.array(wan, { minLength: 1, maxLength: 60 })),
        (values) => {
          const keys = Float64Array.from(values);
          const c = countableKeys(keys, 1e7);
          if (c === null) return;
          const at = index(keys, c);
          for (let a = 0; a < keys.length; a++) {
            for (let b = 0; b < keys.length; b++) expect(Math.sign(at[a] - at[b])).toBe(Math.sign(keys[a] - keys[b]));
            expect(at[a] >= 0 && at[a] < c.size).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("countedBelow (how many counted keys lie below a value, without a key per customer)", () => {
  /** The neighbouring doubles of x: the values a search is most likely to get wrong. */
  function neighbours(x: number): number[] {
    const word = new Float64Array([x]);
    const bits = new BigInt64Array(word.buffer);
    const at = (step: bigint) => {
      const w = new BigInt64Array([bits[0] + step]);
      return new Float64Array(w.buffer)[0];
    };
    return x === 0 ? [x, 5e-324, -5e-324] : [x, at(1n), at(-1n)];
  }

  it("counts as the keys themselves compare, for steps of 1, 0.01 and 0.000001, at every key's neighbours", () => {
    const step = fc.constantFrom(1, 100, 1e6);
    fc.assert(
      fc.property(
        step,
        fc.array(fc.integer({ min: -2_000_000, max: 2_000_000 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ noNaN: true, min: -3e6, max: 3e6 }), { maxLength: 20 }),
        (scale, units, extra) => {
          const keys = Float64Array.from(units, (u) => u / scale);
          const countable = countableKeys(keys, 1e7);
          if (countable === null) return; // a range too wide to count: sorted instead, not this path
          const counted = countedKeys(keys, countable);
          const probes = [...Array.from(keys).flatMap(neighbours), ...extra.flatMap(neighbours), 1e300, -1e300];
          for (const x of probes) {
            expect(countedBelow(counted, x, false)).toBe(keys.filter((k) => k < x).length);
            expect(countedBelow(counted, x, true)).toBe(keys.filter((k) => k <= x).length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds nothing below NaN, as a search of sorted keys does", () => {
    const keys = Float64Array.of(1, 2, 3);
    expect(countedBelow(countedKeys(keys, countableKeys(keys, 100)!), NaN, true)).toBe(0);
  });
});
