/**
 * RULES.md §12, the next-grade order. The expected amounts are worked out by hand from the profiles' rules
 * (RULES.md §3, §4, §6) in the comments beside them; the property tests check every answer against grading again
 * with the order added.
 */
import fc from "fast-check";
import {
  builtinProfile,
  gradeCustomers,
  gradeSales,
  type GradeResult,
  type MonetaryUnit,
  type Profile,
  type TieRule,
} from "../../src/engine";
import {
  NOT_REACHABLE_TEXT,
  nextGradeOrder,
  nextGradeOrders,
  nextGradeSummary,
  type NextGradeOrder,
} from "../../src/engine/nextGrade";
import { buildSummaryModel, summaryLayout } from "../../src/engine/summarySheet";
import { AS_OF, daysBefore, quantileProfile, valuesOf } from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;
const wuhan = builtinProfile("wuhan")!;

interface Customer {
  id: string;
  /** days before the analysis date of the last sale */
  d: number;
  s: number;
  /** the total, put on the last sale (the others are 0) */
  z: number;
}

/** Sales records giving each customer exactly D, S and Z (the earlier sales are of 0, two years before). */
function salesOf(customers: Customer[]) {
  const ids: string[] = [],
    dates: string[] = [],
    amounts: number[] = [];
  for (const c of customers) {
    for (let k = 1; k < c.s; k++) {
      ids.push(c.id);
      dates.push("2023-07-01");
      amounts.push(0);
    }
    ids.push(c.id);
    dates.push(daysBefore(AS_OF, c.d));
    amounts.push(c.z);
  }
  return { ids, dates, amounts };
}

function ordersOf(res: GradeResult): Record<string, NextGradeOrder> {
  const orders = nextGradeOrders(res);
  const out: Record<string, NextGradeOrder> = {};
  for (let i = 0; i < res.n; i++) out[res.customers ? res.customers.ids.at(i)! : String(i)] = nextGradeOrder(orders, i);
  return out;
}

const amount = (text: string): NextGradeOrder => ({ kind: "amount", text, value: Number(text) });
const none: NextGradeOrder = { kind: "none" };
const notReachable: NextGradeOrder = { kind: "notReachable" };

describe("shaoxing (thresholds, X = 0.3r + 0.4f + 0.6m; A: X > 6, B: X > 3)", () => {
  // With the order D = 0, so r = 5 (1.5 points) for everyone.
  const rows = [
    // 0: D 30 (r 3), S 1 (f 1), Z 0.5 (m 1): X 1.9, C. After: 1.5 + 0.4 (S 2: f 1) + 0.6m > 3 needs m ≥ 2, Z > 1 万元.
    { date: daysBefore(AS_OF, 30), s: 1, z: 0.5, grade: 2, order: amount("0.500001") },
    // 1: D 15, S 12, Z 6 (4, 4, 4): X 5.2, B. After: 1.5 + 1.6 (S 13: f 4) + 0.6m > 6 needs m = 5, Z > 8: 2.000001 万元.
    { date: daysBefore(AS_OF, 15), s: 12, z: 6, grade: 1, order: amount("2.000001") },
    // 2: exactly at a bound: Z = 8 is m 4 (a value equal to a bound belongs to the lower bin). D 5, S 20: X 5.9, B.
    //    After: 1.5 + 2 + 0.6m > 6 needs m = 5, Z > 8: one cent (0.000001 万元) is enough.
    { date: daysBefore(AS_OF, 5), s: 20, z: 8, grade: 1, order: amount("0.000001") },
    // 3: D 5, S 9, Z 6 (5, 3, 4): X 5.1, B. After: S 10 is still f 3: 1.5 + 1.2 + 3 = 5.7 at best, never above 6.
    { date: daysBefore(AS_OF, 5), s: 9, z: 6, grade: 1, order: notReachable },
    // 4: the frequency bound beside it: S 10 becomes 11 (f 4): 1.5 + 1.6 + 0.6m > 6 needs m = 5: Z 6 → x > 2.
    { date: daysBefore(AS_OF, 5), s: 10, z: 6, grade: 1, order: amount("2.000001") },
    // 5: D 60, S 3, Z 1.5 (1, 2, 2): X 2.3, C. After: 1.5 + 0.8 (S 4: f 2) + 1.2 = 3.5 > 3 with any order: one cent.
    { date: daysBefore(AS_OF, 60), s: 3, z: 1.5, grade: 2, order: amount("0.000001") },
    // 6: X exactly 3 (r 2, f 3, m 2: 0.6 + 1.2 + 1.2) is C, not B. After: 1.5 + 1.2 + 1.2 = 3.9: one cent.
    { date: daysBefore(AS_OF, 40), s: 8, z: 2, grade: 2, order: amount("0.000001") },
    // 7: C with S 4 (S 5: f 2) and Z exactly 1 (m 1): 1.5 + 0.8 + 0.6m > 3 needs m = 2, Z > 1: one cent.
    { date: daysBefore(AS_OF, 60), s: 4, z: 1, grade: 2, order: amount("0.000001") },
    // 8: A (D 1, S 16, Z 9: 5, 5, 5): the top grade has nothing to reach.
    { date: daysBefore(AS_OF, 1), s: 16, z: 9, grade: 0, order: none },
    // 9: not graded (Z ≤ 0 with a thresholds profile): empty.
    { date: daysBefore(AS_OF, 1), s: 3, z: -1, grade: -1, order: none },
  ];

  it("every grade boundary, in 万元 (the profile's unit): a cent is 0.000001 万元", () => {
    const res = gradeCustomers(
      { lastDates: rows.map((r) => r.date), counts: rows.map((r) => r.s), totals: rows.map((r) => r.z) },
      shaoxing,
      { asOf: AS_OF },
    );
    expect(Array.from(res.gradeIndex)).toEqual(rows.map((r) => r.grade));
    expect(Object.values(ordersOf(res))).toEqual(rows.map((r) => r.order));
  });

  it("the same customers in yuan: the bounds move to 10,000 yuan and a cent is 0.01 yuan", () => {
    const res = gradeCustomers(
      {
        lastDates: rows.map((r) => r.date),
        counts: rows.map((r) => r.s),
        totals: rows.map((r) => Math.round(r.z * 10_000)),
      },
      shaoxing,
      { asOf: AS_OF, unit: "yuan" },
    );
    const yuan = (o: NextGradeOrder): NextGradeOrder =>
      o.kind === "amount" ? amount(String(Math.round(Number(o.text) * 1e6) / 100)) : o;
    expect(Object.values(ordersOf(res))).toEqual(rows.map((r) => yuan(r.order)));
    // spelled out: 5,000.01 yuan; 20,000.01 yuan; one cent
    expect(nextGradeOrder(nextGradeOrders(res), 0)).toEqual(amount("5000.01"));
    expect(nextGradeOrder(nextGradeOrders(res), 1)).toEqual(amount("20000.01"));
    expect(nextGradeOrder(nextGradeOrders(res), 2)).toEqual(amount("0.01"));
  });

  it("sales records: a customer's refunds count in Z as they are", () => {
    // C1: 1.2 and −0.9 万元 → Z 0.3, D 30, S 2: X 0.9 + 0.4 + 0.6 = 1.9, C; after S 3 (f 2): 1.5 + 0.8 + 0.6m > 3
    // needs m 2, Z > 1: 0.700001 万元.
    const res = gradeSales(
      { ids: ["C1", "C1"], dates: [daysBefore(AS_OF, 40), daysBefore(AS_OF, 30)], amounts: [1.2, -0.9] },
      shaoxing,
      { asOf: AS_OF },
    );
    expect(ordersOf(res)).toEqual({ C1: amount("0.700001") });
  });

  it("says 'not reachable with one order' in words, in both languages", () => {
    expect(NOT_REACHABLE_TEXT.en).toBe("not reachable with one order");
    expect(NOT_REACHABLE_TEXT.zh).toBe("单笔订单无法升级");
  });
});

describe("wuhan (quintiles, X = 0.3r + 0.3f + 0.4m; A ≥ 4, B ≥ 3, C ≥ 2): others stay, the customer is re-ranked", () => {
  // Five customers, no ties: score = 5 − q (q the 0-based place, best first).
  const five: Customer[] = [
    { id: "P1", d: 1, s: 10, z: 10_000 }, // 5 5 5: A
    { id: "P2", d: 5, s: 8, z: 8_000 }, // 4 4 4: A (X = 4)
    { id: "P3", d: 10, s: 6, z: 6_000 }, // 3 3 3: B
    { id: "P4", d: 20, s: 4, z: 4_500 }, // 2 2 2: C
    { id: "P5", d: 30, s: 2, z: 2_000 }, // 1 1 1: D
  ];

  it("every grade boundary, tie rule average", () => {
    // P3 → A: D 0 is best of all (r 5, 1.5); S 7 has P1 and P2 above (q 2, f 3, 0.9); 2.4 + 0.4m ≥ 4 needs m ≥ 4,
    //   i.e. 2q + 1 ≤ 3: one other above at most. Level with P2's 8,000 gives G 1, T 2, 2q + 1 = 4 (m 3): not enough;
    //   8,000.01 gives 3 (m 4). So 2,000.01 yuan.
    // P4 → B: r 5 (1.5); S 5: three above (f 2, 0.6); 2.1 + 0.4m ≥ 3 needs m 3, 2q + 1 ≤ 5: two others above at most,
    //   past P3's 6,000 (level gives 2·2 + 2 = 6): 6,000.01 − 4,500 = 1,500.01.
    // P5 → C: r 5, f 1 (S 3 still last): 1.8 + 0.4m ≥ 2 with m ≥ 1: any order, one cent.
    expect(ordersOf(gradeSales(salesOf(five), wuhan))).toEqual({
      P1: none,
      P2: none,
      P3: amount("2000.01"),
      P4: amount("1500.01"),
      P5: amount("0.01"),
    });
  });

  it("tie rule best: being level with P2 is enough for P3 (a tie takes the better place)", () => {
    const res = gradeSales(salesOf(five), quantileProfile("best"));
    expect(ordersOf(res).P3).toEqual(amount("2000"));
  });

  it("tie rule first: level with P2 is enough only when P3's first sale stands before P2's", () => {
    expect(ordersOf(gradeSales(salesOf(five), quantileProfile("first"))).P3).toEqual(amount("2000.01"));
    const p3First = [five[2], five[0], five[1], five[3], five[4]];
    expect(ordersOf(gradeSales(salesOf(p3First), quantileProfile("first"))).P3).toEqual(amount("2000"));
  });

  it("refunds: a negative total is ranked as it is, and the order makes up the refund", () => {
    const refund: Customer[] = [
      { id: "Q1", d: 0, s: 9, z: 9_000 },
      { id: "Q2", d: 0, s: 7, z: 7_000 },
      { id: "Q3", d: 0, s: 5, z: 5_000 },
      { id: "Q5", d: 60, s: 1, z: 100 },
    ];
    // Q4 bought 500 and returned 800: Z −300, D 40, S 3 → r 2, f 2, m 1: X 1.6, D.
    // After: D 0 ties with Q1–Q3 (G 0, T 4: 2q + 1 = 4, r 3, 0.9); S 4 has three above (f 2, 0.6); 1.5 + 0.4m ≥ 2
    // needs m 2 (2q + 1 ≤ 7): past Q5's 100 (level: 2·3 + 2 = 8). Z > 100: 400.01 yuan.
    const sales = salesOf(refund);
    sales.ids.push("Q4", "Q4", "Q4");
    sales.dates.push("2023-07-01", daysBefore(AS_OF, 45), daysBefore(AS_OF, 40));
    sales.amounts.push(0, 500, -800);
    const res = gradeSales(sales, wuhan);
    const q4 = valuesOf(res.customers!.ids).indexOf("Q4");
    expect([res.r[q4], res.f[q4], res.m[q4], res.gradeIndex[q4]]).toEqual([2, 2, 1, 3]);
    expect(ordersOf(res).Q4).toEqual(amount("400.01"));
  });

  it("not reachable: a B customer whose purchases stay last can never reach A", () => {
    // U1: newest, biggest, but one purchase: 5, 1, 5: X 3.8, B. After: S 2 is still last (f 1): 1.5 + 0.3 + 2 = 3.8.
    const res = gradeSales(
      salesOf([
        { id: "U1", d: 0, s: 1, z: 50_000 },
        { id: "U2", d: 3, s: 10, z: 1_000 },
        { id: "U3", d: 6, s: 8, z: 900 },
        { id: "U4", d: 9, s: 6, z: 800 },
        { id: "U5", d: 12, s: 4, z: 700 },
      ]),
      wuhan,
    );
    expect(ordersOf(res).U1).toEqual(notReachable);
  });

  it("a customer table, amounts in 万元: the cent is 0.000001 万元", () => {
    const res = gradeCustomers(
      {
        lastDates: five.map((c) => daysBefore(AS_OF, c.d)),
        counts: five.map((c) => c.s),
        totals: five.map((c) => c.z / 10_000),
      },
      wuhan,
      { unit: "wan" },
    );
    expect(Object.values(ordersOf(res))).toEqual([
      none,
      none,
      amount("0.200001"),
      amount("0.150001"),
      amount("0.000001"),
    ]);
  });

  it("a customer not graded (no sale in the window) has no order", () => {
    const sales = salesOf(five);
    sales.ids.push("OLD");
    sales.dates.push("2020-01-01");
    sales.amounts.push(5);
    expect(ordersOf(gradeSales(sales, wuhan)).OLD).toEqual(none);
  });
});

describe("property: the amount lifts the grade, a cent less does not, and it is whole cents", () => {
  // Days and amounts are often drawn from a few values, so that customers tie with each other and with the order.
  const saleArb = fc.record({
    customer: fc.integer({ min: 0, max: 7 }),
    daysBefore: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(0, 10, 30)),
    cents: fc.oneof(fc.integer({ min: -50_000, max: 2_000_000 }), fc.constantFrom(0, 100, 100_000, 800_000, -10_000)),
  });
  const profileArb = fc.constantFrom<{ profile: Profile; unit: MonetaryUnit }>(
    { profile: wuhan, unit: "yuan" },
    { profile: quantileProfile("best"), unit: "yuan" },
    { profile: quantileProfile("first"), unit: "yuan" },
    { profile: quantileProfile("average"), unit: "wan" },
    { profile: shaoxing, unit: "yuan" },
    { profile: shaoxing, unit: "wan" },
  );

  /** Money of `cents` cents in the unit, as the number a cell would hold. */
  const money = (cents: number, unit: MonetaryUnit) => (unit === "yuan" ? cents / 100 : cents / 1e6);
  const centsOf = (text: string, unit: MonetaryUnit) => Math.round(Number(text) * (unit === "yuan" ? 100 : 1e6));

  it("sales records, every profile kind and tie rule, refunds included", () => {
    fc.assert(
      fc.property(fc.array(saleArb, { minLength: 1, maxLength: 30 }), profileArb, (raw, { profile, unit }) => {
        const sales = {
          ids: raw.map((s) => `K${s.customer}`),
          dates: raw.map((s) => daysBefore(AS_OF, s.daysBefore)),
          amounts: raw.map((s) => money(s.cents, unit)),
        };
        const options = { asOf: AS_OF, unit };
        const res = gradeSales(sales, profile, options);
        const orders = nextGradeOrders(res);
        const gradeWith = (id: string, cents: number) => {
          const again = gradeSales(
            {
              ids: [...sales.ids, id],
              dates: [...sales.dates, AS_OF],
              amounts: [...sales.amounts, money(cents, unit)],
            },
            profile,
            options,
          );
          return again.gradeIndex[valuesOf(again.customers!.ids).indexOf(id)];
        };
        for (let i = 0; i < res.n; i++) {
          const id = res.customers!.ids.at(i)!;
          const o = nextGradeOrder(orders, i);
          if (res.gradeIndex[i] <= 0) {
            expect(o).toEqual(none);
            continue;
          }
          if (o.kind === "notReachable") {
            expect(gradeWith(id, 1e12)).toBeGreaterThanOrEqual(res.gradeIndex[i]);
            continue;
          }
          expect(o.kind).toBe("amount");
          if (o.kind !== "amount") continue;
          expect(o.text).toMatch(unit === "yuan" ? /^\d+(\.\d{1,2})?$/ : /^\d+(\.\d{1,6})?$/);
          const cents = centsOf(o.text, unit);
          expect(cents).toBeGreaterThanOrEqual(1);
          expect(gradeWith(id, cents)).toBeLessThan(res.gradeIndex[i]);
          if (cents > 1) expect(gradeWith(id, cents - 1)).toBe(res.gradeIndex[i]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("totals of billions with fractions of a cent (beyond the exact whole-millionth doubles)", () => {
    const bigSaleArb = fc.record({
      customer: fc.integer({ min: 0, max: 5 }),
      daysBefore: fc.integer({ min: 0, max: 60 }),
      // up to 20 billion yuan, with up to four decimals
      tenThousandths: fc.oneof(
        fc.bigInt({ min: 0n, max: 200_000_000_000_000n }),
        fc.constantFrom(90_000_000_000_000n, 90_000_000_000_001n),
      ),
    });
    const text = (t: bigint) => `${t / 10_000n}.${String(t % 10_000n).padStart(4, "0")}`;
    fc.assert(
      fc.property(
        fc.array(bigSaleArb, { minLength: 2, maxLength: 12 }),
        fc.constantFrom<TieRule>("average", "best", "first"),
        (raw, ties) => {
          const profile = quantileProfile(ties);
          const sales = {
            ids: raw.map((s) => `K${s.customer}`),
            dates: raw.map((s) => daysBefore(AS_OF, s.daysBefore)),
            amounts: raw.map((s) => text(s.tenThousandths)),
          };
          const res = gradeSales(sales, profile);
          const orders = nextGradeOrders(res);
          const gradeWith = (id: string, cents: bigint) => {
            const again = gradeSales(
              {
                ids: [...sales.ids, id],
                dates: [...sales.dates, AS_OF],
                amounts: [...sales.amounts, text(cents * 100n)],
              },
              profile,
            );
            return again.gradeIndex[valuesOf(again.customers!.ids).indexOf(id)];
          };
          for (let i = 0; i < res.n; i++) {
            const o = nextGradeOrder(orders, i);
            if (o.kind !== "amount") continue;
            expect(o.text).toMatch(/^\d+(\.\d{1,2})?$/);
            const [whole, fraction = ""] = o.text.split(".");
            const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
            const id = res.customers!.ids.at(i)!;
            expect(gradeWith(id, cents)).toBeLessThan(res.gradeIndex[i]);
            if (cents > 1n) expect(gradeWith(id, cents - 1n)).toBe(res.gradeIndex[i]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("customer tables: the row with D = 0, S + 1 and Z + x", () => {
    const rowArb = fc.record({
      d: fc.integer({ min: 0, max: 90 }),
      s: fc.integer({ min: 1, max: 25 }),
      cents: fc.integer({ min: -20_000, max: 1_500_000 }),
    });
    const ties: TieRule[] = ["average", "best", "first"];
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (rows, which) => {
        const profile = which === 3 ? shaoxing : quantileProfile(ties[which]);
        const unit: MonetaryUnit = "yuan";
        const input = (k: number, extraCents: number) => ({
          lastDates: rows.map((r, j) => (j === k ? AS_OF : daysBefore(AS_OF, r.d))),
          counts: rows.map((r, j) => (j === k ? r.s + 1 : r.s)),
          totals: rows.map((r, j) => (r.cents + (j === k ? extraCents : 0)) / 100),
        });
        const res = gradeCustomers(input(-1, 0), profile, { asOf: AS_OF, unit });
        const orders = nextGradeOrders(res);
        for (let i = 0; i < res.n; i++) {
          const o = nextGradeOrder(orders, i);
          if (o.kind !== "amount") continue;
          const cents = centsOf(o.text, unit);
          expect(gradeCustomers(input(i, cents), profile, { asOf: AS_OF, unit }).gradeIndex[i]).toBeLessThan(
            res.gradeIndex[i],
          );
          if (cents > 1) {
            expect(gradeCustomers(input(i, cents - 1), profile, { asOf: AS_OF, unit }).gradeIndex[i]).toBe(
              res.gradeIndex[i],
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("the summary sheet's 'Next grade with one order' section", () => {
  // Shaoxing in yuan (bounds 10,000 yuan apart from 万元): A (X > 6), B (X > 3), C.
  //   B1: D 15, S 12, Z 60,000 (4, 4, 4: X 5.2, B) → S 13 (f 4), m 5 needs Z > 80,000: 20,000.01
  //   B2: D 5, S 9, Z 60,000 (5, 3, 4: X 5.1, B) → S 10 is f 3: 1.5 + 1.2 + 3 = 5.7 at best: not reachable
  //   B3: D 5, S 20, Z exactly 80,000 (5, 5, 4: X 5.9, B) → one cent: 0.01
  //   C1: D 30, S 1, Z 5,000 (3, 1, 1: X 1.9, C) → S 2 (f 1), m 2 needs Z > 10,000: 5,000.01
  //   C2: D 60, S 3, Z 15,000 (1, 2, 2: X 2.3, C) → 1.5 + 0.8 + 1.2 = 3.5 with any order: 0.01
  //   A1: D 1, S 16, Z 90,000 (5, 5, 5): top grade, not counted; N1: Z ≤ 0, not graded, not counted.
  // B: 3 customers, 2 reachable, 1 not, 20,000.01 + 0.01 = 20,000.02. C: 2, 2, 0, 5,000.02.
  const rows = [
    { d: 15, s: 12, z: 60_000 },
    { d: 5, s: 9, z: 60_000 },
    { d: 5, s: 20, z: 80_000 },
    { d: 30, s: 1, z: 5_000 },
    { d: 60, s: 3, z: 15_000 },
    { d: 1, s: 16, z: 90_000 },
    { d: 1, s: 3, z: -10 },
  ];
  const res = gradeCustomers(
    { lastDates: rows.map((r) => daysBefore(AS_OF, r.d)), counts: rows.map((r) => r.s), totals: rows.map((r) => r.z) },
    shaoxing,
    { asOf: AS_OF, unit: "yuan" },
  );
  const facts = (lang: "en" | "zh") => ({
    lang,
    version: "1.0.0",
    now: new Date(2025, 0, 2, 9, 30),
    source: "Sheet1!A1:D8",
    output: "Sheet1!E1",
    rowOf: (i: number) => i + 2,
  });

  it("per grade below the top: customers, those one order lifts, those it cannot, and the orders' exact total", () => {
    expect(nextGradeSummary(res)).toEqual([
      { grade: "B", customers: 3, reachable: 2, notReachable: 1, amount: "20000.02", amountValue: 20000.02 },
      { grade: "C", customers: 2, reachable: 2, notReachable: 0, amount: "5000.02", amountValue: 5000.02 },
    ]);
  });

  it("is laid out after the R × F map with its headers in bold, amounts to the cent, in each language", () => {
    for (const lang of ["en", "zh"] as const) {
      const layout = summaryLayout(buildSummaryModel(res, facts(lang)), lang);
      const title = lang === "en" ? "Next grade with one order" : "升级所需单笔订单";
      const top = layout.rows.findIndex((r) => r[0] === title);
      expect(top).toBeGreaterThan(
        layout.rows.findIndex((r) => r[0] === (lang === "en" ? "Customers by R and F score" : "按 R、F 评分的客户数")),
      );
      const width = (cells: readonly unknown[]) => cells.slice(0, 5);
      expect(width(layout.rows[top + 1])).toEqual(
        lang === "en"
          ? ["Grade", "Customers", "Can move up with one order", "Not reachable with one order", "Orders needed in all"]
          : ["客户等级", "客户数", "单笔订单可升级", "单笔订单无法升级", "所需订单金额合计"],
      );
      expect(width(layout.rows[top + 2])).toEqual(["B", 3, 2, 1, 20000.02]);
      expect(width(layout.rows[top + 3])).toEqual(["C", 2, 2, 0, 5000.02]);
      expect(layout.bold).toEqual(
        expect.arrayContaining([
          { row: top, col: 0, rows: 1, cols: 1 },
          { row: top + 1, col: 0, rows: 1, cols: 5 },
        ]),
      );
      expect(layout.numberFormats).toContainEqual({
        area: { row: top + 2, col: 4, rows: 2, cols: 1 },
        format: "#,##0.00",
      });
    }
  });

  it("is left out when every graded customer is in the only grade there is to reach", () => {
    const allA = gradeCustomers({ lastDates: [daysBefore(AS_OF, 1)], counts: [16], totals: [90_000] }, shaoxing, {
      asOf: AS_OF,
      unit: "yuan",
    });
    const layout = summaryLayout(buildSummaryModel(allA, facts("en")), "en");
    expect(layout.rows.some((r) => r[0] === "Next grade with one order")).toBe(false);
  });
});
