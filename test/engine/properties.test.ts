import fc from "fast-check";
import {
  builtinProfile,
  carriedValue,
  repeatedCells,
  dayToSerial,
  formatDay,
  gradeCustomers,
  gradeLetter,
  gradeSales,
  parseDay,
  scoreNumber,
  scoreText,
} from "../../src/engine";
import type { Dimension, TieRule } from "../../src/engine/types";
import {
  AS_OF,
  CustomerRow,
  cadence,
  countScores,
  customerColumns,
  quantileProfile,
  specQuantileScores,
  thresholdProfile,
  valuesOf,
} from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;
const RUNS = { numRuns: 150 };

// A valid shaoxing row: D days, S purchases, Z in hundredths of 万元 (so every value is an exact decimal).
const dArb = fc.integer({ min: 0, max: 120 });
const sArb = fc.integer({ min: 1, max: 40 });
const zCentsArb = fc.integer({ min: 1, max: 1500 });

const shaoxingGradesAbove = [
  { grade: "A", above: 6, cadence: cadence("a") },
  { grade: "B", above: 3, cadence: cadence("b") },
  { grade: "C", cadence: cadence("c") },
];

/** Formats a whole number of 1/scale units as the shortest exact decimal ("3", "4.1", "3.25"). */
function decimalText(units: number, scale: number): string {
  const digits = Math.round(Math.log10(scale));
  const sign = units < 0 ? "-" : "";
  const abs = Math.abs(units);
  const whole = Math.floor(abs / scale);
  const fraction = String(abs % scale)
    .padStart(digits, "0")
    .replace(/0+$/, "");
  return sign + String(whole) + (fraction ? `.${fraction}` : "");
}

describe("threshold grades never fall when a customer gets better", () => {
  const improvement = fc.oneof(
    fc.record({ dim: fc.constant<Dimension>("recency"), by: fc.integer({ min: 1, max: 60 }) }),
    fc.record({ dim: fc.constant<Dimension>("frequency"), by: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ dim: fc.constant<Dimension>("monetary"), by: fc.integer({ min: 1, max: 900 }) }),
  );
  const weightArb = fc.integer({ min: 0, max: 100 });

  it("under shaoxing, and under any non-negative weights", () => {
    fc.assert(
      fc.property(
        dArb,
        sArb,
        zCentsArb,
        improvement,
        fc.boolean(),
        weightArb,
        weightArb,
        weightArb,
        (d, s, zc, { dim, by }, ownWeights, wr, wf, wm) => {
          const profile = ownWeights
            ? thresholdProfile({ recency: wr / 100, frequency: wf / 100, monetary: wm / 100 }, shaoxingGradesAbove)
            : shaoxing;
          const base: CustomerRow = { d, s, z: zc / 100 };
          const better: CustomerRow =
            dim === "recency"
              ? { ...base, d: Math.max(0, d - by) } // D falls
              : dim === "frequency"
                ? { ...base, s: s + by } // S rises
                : { ...base, z: (zc + by) / 100 }; // Z rises
          const res = gradeCustomers(customerColumns([base, better]), profile, { asOf: AS_OF });
          const sub = dim === "recency" ? res.r : dim === "frequency" ? res.f : res.m;
          expect(sub[1]).toBeGreaterThanOrEqual(sub[0]);
          // grades are listed best first: a better customer never has a later grade
          expect(res.gradeIndex[1]).toBeLessThanOrEqual(res.gradeIndex[0]);
          expect(res.gradeIndex[1]).toBeGreaterThanOrEqual(0);
        },
      ),
      RUNS,
    );
  });
});

describe("the score is always the exact decimal sum", () => {
  it("shaoxing: X in tenths is 3r + 4f + 6m, graded by whole-number comparison", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dArb, sArb, zCentsArb), { minLength: 1, maxLength: 30 }), (tuples) => {
        const res = gradeCustomers(customerColumns(tuples.map(([d, s, zc]) => ({ d, s, z: zc / 100 }))), shaoxing, {
          asOf: AS_OF,
        });
        tuples.forEach((_t, i) => {
          const tenths = 3 * res.r[i] + 4 * res.f[i] + 6 * res.m[i];
          expect(res.scoreUnits[i] * 10).toBe(tenths * res.scoreScale);
          expect(scoreText(res, i)).toBe(decimalText(tenths, 10));
          expect(String(scoreNumber(res, i))).toBe(decimalText(tenths, 10));
          expect(gradeLetter(res, i)).toBe(tenths > 60 ? "A" : tenths > 30 ? "B" : "C");
        });
      }),
      RUNS,
    );
  });

  it("any weights in hundredths: X in hundredths is wr*r + wf*f + wm*m", () => {
    const w = fc.integer({ min: 0, max: 200 });
    fc.assert(
      fc.property(
        w,
        w,
        w,
        fc.array(fc.tuple(dArb, sArb, zCentsArb), { minLength: 1, maxLength: 20 }),
        (wr, wf, wm, tuples) => {
          const profile = thresholdProfile(
            { recency: wr / 100, frequency: wf / 100, monetary: wm / 100 },
            shaoxingGradesAbove,
          );
          const res = gradeCustomers(customerColumns(tuples.map(([d, s, zc]) => ({ d, s, z: zc / 100 }))), profile, {
            asOf: AS_OF,
          });
          tuples.forEach((_t, i) => {
            const hundredths = wr * res.r[i] + wf * res.f[i] + wm * res.m[i];
            expect(res.scoreUnits[i] * 100).toBe(hundredths * res.scoreScale);
            expect(scoreText(res, i)).toBe(decimalText(hundredths, 100));
            expect(String(scoreNumber(res, i))).toBe(decimalText(hundredths, 100));
            expect(gradeLetter(res, i)).toBe(hundredths > 600 ? "A" : hundredths > 300 ? "B" : "C");
          });
        },
      ),
      RUNS,
    );
  });

  it("wuhan: X in tenths is 3r + 3f + 4m; A >= 40, B >= 30, C >= 20, else D", () => {
    const wuhan = builtinProfile("wuhan")!;
    fc.assert(
      fc.property(fc.array(fc.tuple(dArb, sArb, zCentsArb), { minLength: 1, maxLength: 30 }), (tuples) => {
        const res = gradeCustomers(customerColumns(tuples.map(([d, s, zc]) => ({ d, s, z: zc }))), wuhan, {
          asOf: AS_OF,
        });
        tuples.forEach((_t, i) => {
          const tenths = 3 * res.r[i] + 3 * res.f[i] + 4 * res.m[i];
          expect(scoreText(res, i)).toBe(decimalText(tenths, 10));
          expect(gradeLetter(res, i)).toBe(tenths >= 40 ? "A" : tenths >= 30 ? "B" : tenths >= 20 ? "C" : "D");
        });
      }),
      RUNS,
    );
  });
});

// Populations with many ties: values from a small range.
const tiedRows = fc.array(
  fc.record({
    d: fc.integer({ min: 0, max: 8 }),
    s: fc.integer({ min: 1, max: 6 }),
    z: fc.integer({ min: -2, max: 6 }),
  }),
  { minLength: 1, maxLength: 40 },
);

describe("quantile scores", () => {
  it.each<TieRule>(["average", "best", "first"])("follow the RULES.md §4 formula (%s ties)", (ties) => {
    const profile = quantileProfile(ties);
    fc.assert(
      fc.property(tiedRows, (rows) => {
        const res = gradeCustomers(customerColumns(rows.map((row) => ({ ...row, z: row.z * 100 }))), profile, {
          asOf: AS_OF,
        });
        expect(Array.from(res.r)).toEqual(
          specQuantileScores(
            rows.map((row) => row.d),
            false,
            ties,
          ),
        );
        expect(Array.from(res.f)).toEqual(
          specQuantileScores(
            rows.map((row) => row.s),
            true,
            ties,
          ),
        );
        expect(Array.from(res.m)).toEqual(
          specQuantileScores(
            rows.map((row) => row.z),
            true,
            ties,
          ),
        );
      }),
      RUNS,
    );
  });

  it.each<TieRule>(["average", "best", "first"])(
    "follow the RULES.md §4 formula on wide, fractional and larger populations (%s ties)",
    (ties) => {
      const profile = quantileProfile(ties);
      const wideRows = fc.array(
        fc.record({
          d: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100_000 })),
          s: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 1_000_000 })),
          // yuan with cents, refunds included; sometimes few distinct values, sometimes a wide spread
          zCents: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -1_000_000, max: 9_000_000_000 })),
        }),
        { minLength: 1, maxLength: 300 },
      );
      fc.assert(
        fc.property(wideRows, (rows) => {
          const res = gradeCustomers(
            customerColumns(rows.map((row) => ({ d: row.d, s: row.s, z: row.zCents / 100 }))),
            profile,
            { asOf: AS_OF },
          );
          expect(Array.from(res.r)).toEqual(
            specQuantileScores(
              rows.map((row) => row.d),
              false,
              ties,
            ),
          );
          expect(Array.from(res.f)).toEqual(
            specQuantileScores(
              rows.map((row) => row.s),
              true,
              ties,
            ),
          );
          expect(Array.from(res.m)).toEqual(
            specQuantileScores(
              rows.map((row) => row.zCents),
              true,
              ties,
            ),
          );
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each<TieRule>(["average", "best"])("with %s ties do not depend on row order", (ties) => {
    const profile = quantileProfile(ties);
    fc.assert(
      fc.property(
        tiedRows.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.array(fc.double({ noNaN: true }), { minLength: rows.length, maxLength: rows.length }),
          ),
        ),
        ([rows, keys]) => {
          // order[j] = which original row stands at position j after the shuffle
          const order = rows.map((_r, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
          const grade = (rs: CustomerRow[]) => gradeCustomers(customerColumns(rs), profile, { asOf: AS_OF });
          const original = grade(rows);
          const shuffled = grade(order.map((i) => rows[i]));
          order.forEach((i, j) => {
            expect([shuffled.r[j], shuffled.f[j], shuffled.m[j], shuffled.gradeIndex[j]]).toEqual([
              original.r[i],
              original.f[i],
              original.m[i],
              original.gradeIndex[i],
            ]);
          });
        },
      ),
      RUNS,
    );
  });

  it.each<TieRule>(["average", "best", "first"])(
    "without ties give bins whose sizes differ by at most one (%s)",
    (ties) => {
      const profile = quantileProfile(ties);
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 80 }), (ds) => {
          const res = gradeCustomers(customerColumns(ds.map((d) => ({ d, s: 1, z: 1 }))), profile, { asOf: AS_OF });
          const sizes = countScores(res.r).slice(1);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          // and symmetric: as many 5s as 1s, as many 4s as 2s
          expect([sizes[4], sizes[3]]).toEqual([sizes[0], sizes[1]]);
        }),
        RUNS,
      );
    },
  );
});

describe("sales aggregation", () => {
  it("count, last date and exact total per customer equal a hand count of the kept sales", () => {
    const sale = fc.record({
      id: fc.constantFrom("A", "B", "C", "D"),
      // days around the wuhan window 2021-09-01 .. 2025-07-01 (18871 .. 20270 as days since 1970)
      day: fc.integer({ min: 18860, max: 20280 }),
      cents: fc.integer({ min: -50_000, max: 500_000 }),
    });
    const wuhan = builtinProfile("wuhan")!;
    fc.assert(
      fc.property(fc.array(sale, { minLength: 1, maxLength: 60 }), (sales) => {
        const res = gradeSales(
          {
            ids: sales.map((x) => x.id),
            dates: sales.map((x) => formatDay(x.day)),
            amounts: sales.map((x) => x.cents / 100),
          },
          wuhan,
        );
        const first = Date.UTC(2021, 8, 1) / 86_400_000;
        const last = Date.UTC(2025, 6, 1) / 86_400_000;
        const kept = sales.filter((x) => x.day >= first && x.day <= last);
        const after = sales.filter((x) => x.day > last).length;
        expect(res.summary.sales).toEqual({
          read: sales.length,
          kept: kept.length,
          outsideWindow: sales.length - kept.length,
          skipped: 0,
          ...(after > 0 ? { afterAsOf: after } : {}),
        });
        expect(res.summary.latestDate).toBe(formatDay(Math.max(...sales.map((x) => x.day))));
        for (const id of new Set(kept.map((x) => x.id))) {
          const mine = kept.filter((x) => x.id === id);
          const i = valuesOf(res.customers!.ids).indexOf(id);
          expect(res.customers!.count[i]).toBe(mine.length);
          expect(res.customers!.lastDay[i]).toBe(Math.max(...mine.map((x) => x.day)));
          expect(res.customers!.total.at(i)).toBe(mine.reduce((sum, x) => sum + x.cents, 0) / 100);
        }
        expect(res.summary.graded).toBe(new Set(kept.map((x) => x.id)).size);
      }),
      RUNS,
    );
  });
});

describe("columns carried with sales records (RULES.md §7)", () => {
  it("each customer carries its most recent sale inside the window (the last row of that day), and is told when its values differ", () => {
    const sale = fc.record({
      id: fc.constantFrom("A", "B", "C"),
      day: fc.integer({ min: 18860, max: 20280 }),
      name: fc.constantFrom("甲", "乙", " 甲 ", ""),
    });
    const wuhan = builtinProfile("wuhan")!;
    fc.assert(
      fc.property(fc.array(sale, { minLength: 1, maxLength: 40 }), (sales) => {
        const res = gradeSales(
          {
            ids: sales.map((x) => x.id),
            dates: sales.map((x) => formatDay(x.day)),
            amounts: sales.map(() => 100),
            carried: [{ header: "客户名称", cells: sales.map((x) => x.name) }],
          },
          wuhan,
        );
        const first = Date.UTC(2021, 8, 1) / 86_400_000;
        const last = Date.UTC(2025, 6, 1) / 86_400_000;
        const inside = (x: { day: number }) => x.day >= first && x.day <= last;
        const carried = res.customers!.carried!;
        expect(carried.headers).toEqual(["客户名称"]);
        valuesOf(res.customers!.ids).forEach((id, j) => {
          const mine = sales.map((x, row) => ({ ...x, row })).filter((x) => x.id === id);
          const kept = mine.filter(inside);
          const pool = kept.length > 0 ? kept : mine;
          const latest = Math.max(...pool.map((x) => x.day));
          const expected = pool.filter((x) => x.day === latest).pop()!;
          expect(carried.sale[j]).toBe(expected.row);
          expect(carriedValue(carried, j, 0)).toBe(expected.name);
          // "甲" and " 甲 " are one value (trimmed); "" is a value of its own.
          const values = new Set(kept.map((x) => x.name.trim()));
          expect(carried.differs[0][j]).toBe(values.size > 1 ? 1 : 0);
          const noted = res.issues.filter((issue) => issue.index === j && issue.code === "severalValues");
          expect(noted.map((issue) => issue.columns)).toEqual(values.size > 1 ? [["客户名称"]] : []);
        });
        // The same column handed over as repeated cells (each distinct cell once, as the command line's reader does):
        // the same sale carried, the same values found to differ.
        const distinct = [...new Set(sales.map((x) => x.name))];
        const repeated = repeatedCells(
          distinct,
          Int32Array.from(sales, (x) => distinct.indexOf(x.name)),
        );
        const read = gradeSales(
          {
            ids: sales.map((x) => x.id),
            dates: sales.map((x) => formatDay(x.day)),
            amounts: sales.map(() => 100),
            carried: [{ header: "客户名称", cells: repeated }],
          },
          wuhan,
        );
        expect(read.customers!.carried!.sale).toEqual(carried.sale);
        expect(read.customers!.carried!.differs).toEqual(carried.differs);
        expect(read.issues).toEqual(res.issues);
      }),
      RUNS,
    );
  });
});

describe("dates round-trip", () => {
  // 1900-03-01 .. 2199-12-31 as days since 1970
  const dayArb = fc.integer({ min: Date.UTC(1900, 2, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 });

  it("text forms, serials in both systems and Dates all read back as the same day", () => {
    fc.assert(
      fc.property(dayArb, fc.double({ min: 0, max: 0.999, noNaN: true }), (day, time) => {
        const date = new Date(day * 86_400_000);
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const iso = date.toISOString().slice(0, 10);
        expect(formatDay(day)).toBe(iso);
        expect(parseDay(iso)).toBe(day);
        expect(parseDay(`${y}/${m}/${d}`)).toBe(day);
        expect(parseDay(`${y}年${m}月${d}日`)).toBe(day);
        expect(parseDay(new Date(day * 86_400_000 + time * 86_400_000))).toBe(day);
        // serials: the 1900 system counts from 1899-12-30 (from March 1900 on), the 1904 system from 1904-01-01
        const serial1900 = day - Date.UTC(1899, 11, 30) / 86_400_000;
        expect(dayToSerial(day)).toBe(serial1900);
        expect(parseDay(serial1900 + time)).toBe(day);
        if (day >= Date.UTC(1904, 0, 1) / 86_400_000) {
          const serial1904 = day - Date.UTC(1904, 0, 1) / 86_400_000;
          expect(dayToSerial(day, true)).toBe(serial1904);
          expect(parseDay(serial1904 + time, true)).toBe(day);
        }
      }),
      { numRuns: 300 },
    );
  });
});
