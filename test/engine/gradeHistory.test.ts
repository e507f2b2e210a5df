/**
 * RULES.md §13, grade history. Hand-worked histories for both built-in profiles, the period ends, and a property test:
 * every period is exactly what grading the sales with that period end as the analysis date gives, and the
 * transitions are the counts and exact sums of those gradings.
 */
import fc from "fast-check";
import { builtinProfile, gradeSales, type Profile, type TieRule } from "../../src/engine";
import { gradeHistory, periodEnds, type HistoryTransition } from "../../src/engine/gradeHistory";
import { dayOf, quantileProfile, valuesOf } from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;
const wuhan = builtinProfile("wuhan")!;
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe("period ends", () => {
  it("month ends, February of a leap year included", () => {
    expect(periodEnds("month", { year: 2023, month: 12 }, { year: 2024, month: 3 }).map(iso)).toEqual([
      "2023-12-31",
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
    ]);
  });

  it("quarter ends that fall within the months asked for", () => {
    expect(periodEnds("quarter", { year: 2025, month: 2 }, { year: 2025, month: 11 }).map(iso)).toEqual([
      "2025-03-31",
      "2025-06-30",
      "2025-09-30",
    ]);
    expect(periodEnds("quarter", { year: 2024, month: 10 }, { year: 2025, month: 3 }).map(iso)).toEqual([
      "2024-12-31",
      "2025-03-31",
    ]);
    expect(periodEnds("quarter", { year: 2025, month: 4 }, { year: 2025, month: 5 })).toEqual([]);
  });
});

/** Sales as rows [customer, date, amount]. */
function salesOf(rows: [string, string, number][]) {
  return { ids: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) };
}

const t = (period: number, from: number, to: number, customers: number, amount: string): HistoryTransition => ({
  period,
  from,
  to,
  customers,
  amount,
  amountValue: Number(amount),
});

describe("shaoxing, month ends January – March 2025 (amounts in 万元, no window start)", () => {
  const rows: [string, string, number][] = [
    ["C1", "2025-01-05", 2],
    ...Array.from({ length: 16 }, (_, k): [string, string, number] => [
      "C3",
      `2025-01-${String(15 + k).padStart(2, "0")}`,
      1,
    ]),
    ["C2", "2025-02-10", 3],
    ["C2", "2025-03-15", -4],
    ["C1", "2025-03-20", 7],
  ];
  const history = gradeHistory(
    salesOf(rows),
    shaoxing,
    periodEnds("month", { year: 2025, month: 1 }, { year: 2025, month: 3 }),
  );

  it("grades each customer at each month end", () => {
    expect(history.ids).toEqual(["C1", "C3", "C2"]);
    // C1 31 Jan: D 26 (r 3), S 1, Z 2 (m 2): X 2.5, C. 28 Feb: D 54 (r 1): 1.9, C. 31 Mar: +7 → Z 9 (m 5), S 2, D 11
    //   (r 4): 1.2 + 0.4 + 3 = 4.6, B.
    // C3 16 sales of 1 (15–30 Jan): S 16 (f 5), Z 16 (m 5). 31 Jan: D 1 (r 5): 6.5, A. 28 Feb: D 29 (r 3): 5.9, B.
    //   31 Mar: D 60 (r 1): 5.3, B.
    // C2 no sale by 31 Jan: none. 28 Feb: D 18 (r 4), S 1, Z 3 (m 2): 2.8, C. 31 Mar: refund −4 → Z −1: not graded.
    expect(history.grades.map((g) => Array.from(g))).toEqual([
      [2, 0, -1],
      [2, 1, 2],
      [1, 1, -1],
    ]);
    expect(history.customersPerGrade).toEqual([
      [1, 0, 1],
      [0, 1, 2],
      [0, 2, 0],
    ]);
  });

  it("counts the moves between consecutive months, with the amounts at the later month end", () => {
    expect(history.transitions).toEqual([
      t(1, 0, 1, 1, "16"), // C3 A → B
      t(1, 2, 2, 1, "2"), // C1 C → C
      t(1, -1, 2, 1, "3"), // C2 new: none → C
      t(2, 1, 1, 1, "16"), // C3 B → B
      t(2, 2, 1, 1, "9"), // C1 C → B
      t(2, 2, -1, 1, "-1"), // C2 C → none (its refund leaves a total of −1, which a thresholds profile does not grade)
    ]);
  });
});

describe("wuhan, month ends June and July 2025 (window from 2021-09-01)", () => {
  const history = gradeHistory(
    salesOf([
      ["W1", "2025-06-10", 1000],
      ["W2", "2025-06-20", 500],
      ["W3", "2025-07-15", 2000],
      ["W0", "2021-08-31", 9999], // before the window start: never counted
    ]),
    wuhan,
    periodEnds("month", { year: 2025, month: 6 }, { year: 2025, month: 7 }),
  );

  it("ranks the customers known at each end among themselves", () => {
    // 30 Jun, N = 2: places 0 and 1 score 5 − ⌊5/4⌋ = 4 and 5 − ⌊15/4⌋ = 2; a tie of both scores 5 − ⌊10/4⌋ = 3.
    //   W1: D 20 (r 2), S 1 (tie, f 3), Z 1000 (m 4): 0.6 + 0.9 + 1.6 = 3.1, B. W2: r 4, f 3, m 2: 2.9, C.
    // 31 Jul, N = 3: places score 5, 3, 1; all S tie: 5 − ⌊15/6⌋ = 3.
    //   W1: D 51 (r 1), m 3: 0.3 + 0.9 + 1.2 = 2.4, C. W2: D 41 (r 3), m 1: 2.2, C. W3: D 16 (r 5), m 5: 4.4, A.
    expect(history.ids).toEqual(["W1", "W2", "W3", "W0"]);
    expect(history.grades.map((g) => Array.from(g))).toEqual([
      [1, 2, -1, -1],
      [2, 2, 0, -1],
    ]);
    expect(history.transitions).toEqual([t(1, 1, 2, 1, "1000"), t(1, 2, 2, 1, "500"), t(1, -1, 0, 1, "2000")]);
    expect(history.sales).toEqual({ read: 4, counted: 3, outside: 1, skipped: 0, blank: 0 });
  });

  it("refuses a first period end before the window start", () => {
    expect(() => gradeHistory(salesOf([]), wuhan, [dayOf("2021-08-31")])).toThrow(/window start/);
  });
});

describe("property: each period is the grading at its end, and the transitions add up", () => {
  const saleArb = fc.record({
    customer: fc.integer({ min: 0, max: 9 }),
    // 2024-10-01 … 2025-06-29
    day: fc.integer({ min: dayOf("2024-10-01"), max: dayOf("2025-06-29") }),
    cents: fc.oneof(fc.integer({ min: -300_000, max: 5_000_000 }), fc.constantFrom(0, 100_000, 500_000)),
    bad: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
  });
  const ties: TieRule[] = ["average", "best", "first"];
  const profileArb = fc.constantFrom<{ profile: Profile; unit: "yuan" | "wan" }>(
    { profile: wuhan, unit: "yuan" },
    ...ties.map((tie) => ({ profile: quantileProfile(tie), unit: "yuan" as const })),
    { profile: shaoxing, unit: "yuan" },
    { profile: shaoxing, unit: "wan" },
  );

  it("matches gradeSales at every period end (quantile ties, refunds, unreadable sales, a window start)", () => {
    fc.assert(
      fc.property(
        fc.array(saleArb, { minLength: 0, maxLength: 40 }),
        profileArb,
        fc.constantFrom("month", "quarter") as fc.Arbitrary<"month" | "quarter">,
        fc.option(fc.integer({ min: dayOf("2024-09-01"), max: dayOf("2024-12-31") }), { nil: undefined }),
        (raw, { profile, unit }, step, windowStart) => {
          const sales = {
            ids: raw.map((s) => `K${s.customer}`),
            dates: raw.map((s) => (s.bad ? "not a date" : iso(s.day))),
            amounts: raw.map((s) => (unit === "yuan" ? s.cents / 100 : s.cents / 1e6)),
          };
          const ends = periodEnds(step, { year: 2024, month: 12 }, { year: 2025, month: 6 });
          const options = { unit, windowStart };
          const history = gradeHistory(sales, profile, ends, options);
          const expected: HistoryTransition[] = [];
          let previous: Int16Array | null = null;
          ends.forEach((end, k) => {
            const res = gradeSales(sales, profile, { ...options, asOf: end });
            expect(history.ids).toEqual(res.customers!.ids);
            expect(Array.from(history.grades[k])).toEqual(Array.from(res.gradeIndex));
            // Totals at this end, in whole cents, computed here from the sales themselves.
            const cents = new Map<string, number>();
            raw.forEach((s) => {
              if (s.bad || s.day > end || (windowStart !== undefined && s.day < windowStart)) return;
              cents.set(`K${s.customer}`, (cents.get(`K${s.customer}`) ?? 0) + s.cents);
            });
            if (previous) {
              const before = previous;
              const grades = profile.grades.length;
              const slot = (g: number) => (g < 0 ? grades : g);
              const pairs = new Map<number, { customers: number; cents: number }>();
              valuesOf(res.customers!.ids).forEach((id, c) => {
                if (before[c] < 0 && res.gradeIndex[c] < 0) return;
                const key = slot(before[c]) * (grades + 1) + slot(res.gradeIndex[c]);
                const p = pairs.get(key) ?? { customers: 0, cents: 0 };
                p.customers++;
                p.cents += cents.get(id) ?? 0;
                pairs.set(key, p);
              });
              [...pairs.keys()]
                .sort((a, b) => a - b)
                .forEach((key) => {
                  const p = pairs.get(key)!;
                  const from = Math.floor(key / (grades + 1)),
                    to = key % (grades + 1);
                  const amount = unit === "yuan" ? p.cents / 100 : p.cents / 1e6;
                  expected.push(
                    t(k, from === grades ? -1 : from, to === grades ? -1 : to, p.customers, String(amount)),
                  );
                });
            }
            previous = res.gradeIndex;
          });
          expect(history.transitions).toEqual(expected);
        },
      ),
      { numRuns: 250 },
    );
  });
});
