/**
 * The per-grade table: customers, share of customers, exact amount, share of amount, over graded customers. Shares
 * are displayed in tenths of a percent, rounded by largest remainder so a column shows exactly 100.0 %. Expected
 * values are worked out by hand from the shaoxing rules (RULES.md §6) and the fractions they give.
 */
import {
  builtinProfile,
  gradeCustomers,
  gradeSales,
  gradeShares,
  largestRemainderShares,
  shareText,
} from "../../src/engine";
import { customerColumns, quantileProfile } from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;
const AS_OF = "2025-07-01";
// Shaoxing: d 5, s 20, z > 8 → r5 f5 m5, X 6.5 (A); d 15, s 12, 5 < z ≤ 8 → 5.2 (B); d 60, s 1, z ≤ 1 → 1.3 (C).
const a = (id: string, z: number) => ({ id, d: 5, s: 20, z });
const b = (id: string, z: number) => ({ id, d: 15, s: 12, z });
const c = (id: string, z: number) => ({ id, d: 60, s: 1, z });

describe("gradeShares", () => {
  it("one customer per grade: 33.4 / 33.3 / 33.3, the extra tenth to the better grade on equal remainders", () => {
    const res = gradeCustomers(customerColumns([a("1", 9), b("2", 6), c("3", 1)]), shaoxing, { asOf: AS_OF });
    const t = gradeShares(res);
    expect(t.rows.map((r) => [r.grade, r.customers, shareText(r.customerShare)])).toEqual([
      ["A", 1, "33.4%"],
      ["B", 1, "33.3%"],
      ["C", 1, "33.3%"],
    ]);
    expect(t.rows.map((r) => r.customerShare!.exactPercent)).toEqual(["33.333333", "33.333333", "33.333333"]);
    // Amounts 9, 6, 1 of 16: 56.25 %, 37.5 %, 6.25 % → 562.5, 375, 62.5 tenths; floors 562 + 375 + 62 = 999, and the
    // one tenth missing goes to the larger remainder (A and C tie at .5; A is the better grade).
    expect(t.rows.map((r) => shareText(r.amountShare))).toEqual(["56.3%", "37.5%", "6.2%"]);
    expect(t.rows.map((r) => r.amountShare!.exactPercent)).toEqual(["56.25", "37.5", "6.25"]);
  });

  it("amounts are exact decimal sums in the data's unit; shares of amount and of customers each show 100.0 %", () => {
    const rows = [a("1", 10.1), a("2", 20.2), b("3", 6.1), c("4", 0.1), c("5", 0.2), c("6", 0.3)];
    const res = gradeCustomers(customerColumns(rows), shaoxing, { asOf: AS_OF });
    const t = gradeShares(res);
    expect(t.unit).toBe("wan");
    // 10.1 + 20.2 is 30.299999999999997 in doubles; 0.1 + 0.2 + 0.3 is 0.6000000000000001.
    expect(t.rows.map((r) => r.amount)).toEqual(["30.3", "6.1", "0.6"]);
    expect(t.rows.map((r) => r.amountValue)).toEqual([30.3, 6.1, 0.6]);
    expect([t.amount, t.amountValue, t.customers]).toEqual(["37", 37, 6]);
    // Customers 2, 1, 3 of 6: 333⅓, 166⅔, 500 tenths → 333, 167, 500.
    expect(t.rows.map((r) => r.customerShare!.tenths)).toEqual([333, 167, 500]);
    // Amounts 30.3, 6.1, 0.6 of 37: 818.918…, 164.864…, 16.216… tenths → floors 818, 164, 16 (998) + the two largest
    // remainders (A, B) → 819, 165, 16.
    expect(t.rows.map((r) => r.amountShare!.tenths)).toEqual([819, 165, 16]);
    expect(t.rows.map((r) => r.amountShare!.exactPercent)).toEqual(["81.891892", "16.486486", "1.621622"]);
    expect(t.rows.map((r) => r.amountShare!.value)).toEqual([0.819, 0.165, 0.016]);
  });

  it("rows not graded count nowhere, and the amounts stay in the unit the data was read in", () => {
    const rows = [a("1", 100_000), { id: "x", d: 1, s: 0, z: 50_000 }, c("2", 5_000)];
    const res = gradeCustomers(customerColumns(rows), shaoxing, { asOf: AS_OF, unit: "yuan" });
    const t = gradeShares(res);
    expect(t.unit).toBe("yuan");
    expect(t.rows.map((r) => [r.grade, r.customers, r.amount])).toEqual([
      ["A", 1, "100000"],
      ["B", 0, "0"],
      ["C", 1, "5000"],
    ]);
    expect(t.rows.map((r) => shareText(r.customerShare))).toEqual(["50.0%", "0.0%", "50.0%"]);
    // 100000 / 105000 = 95.238…%, 5000 / 105000 = 4.761…%: 952.38 + 47.61 → 952 + 47 = 999, + 1 to C (.61 > .38).
    expect(t.rows.map((r) => shareText(r.amountShare))).toEqual(["95.2%", "0.0%", "4.8%"]);
  });

  it("nothing graded: no shares, zero amounts", () => {
    const res = gradeCustomers(customerColumns([{ id: "x", d: 1, s: 0, z: 1 }]), shaoxing, { asOf: AS_OF });
    const t = gradeShares(res);
    expect(t.customers).toBe(0);
    expect(t.rows.every((r) => r.customerShare === null && r.amountShare === null && r.amount === "0")).toBe(true);
    expect(shareText(null)).toBe("–");
  });

  it("sales records: a customer's refunds are summed as they are, exactly", () => {
    const sales = {
      ids: ["K1", "K1", "K2", "K3"],
      dates: ["2025-06-01", "2025-06-02", "2025-06-03", "2025-06-04"],
      amounts: [100.1, -0.2, 50, 49.9],
    };
    const res = gradeSales(sales, quantileProfile("average"), { asOf: AS_OF });
    const t = gradeShares(res);
    expect(t.amount).toBe("199.8");
    expect(t.rows.reduce((s, r) => s + r.customers, 0)).toBe(3);
    expect(t.rows.reduce((s, r) => s + (r.amountShare?.tenths ?? 0), 0)).toBe(1000);
  });
});

describe("largestRemainderShares", () => {
  it("sums to exactly 1000 tenths for every split of n customers into 4 grades (n ≤ 40)", () => {
    for (let n = 1; n <= 40; n++) {
      for (let x = 0; x <= n; x++) {
        for (let y = 0; x + y <= n; y += 3) {
          const parts = [x, y, Math.floor((n - x - y) / 2), n - x - y - Math.floor((n - x - y) / 2)];
          const shares = largestRemainderShares(parts.map(BigInt), BigInt(n))!;
          expect(shares.reduce((s, sh) => s + sh.tenths, 0)).toBe(1000);
          // Each displayed share is its exact value rounded down or up: never more than one tenth away.
          shares.forEach((sh, i) => expect(Math.abs(sh.tenths - (1000 * parts[i]) / n)).toBeLessThan(1));
        }
      }
    }
  });

  it("handles a negative part (refunds larger than sales) and a zero whole", () => {
    const shares = largestRemainderShares([150n, -50n], 100n)!;
    expect(shares.map((s) => s.tenths)).toEqual([1500, -500]);
    expect(shares.map((s) => shareText(s))).toEqual(["150.0%", "-50.0%"]);
    expect(largestRemainderShares([1n, -1n], 0n)).toBeNull();
  });

  it("a negative whole still gives shares of the whole that sum to 100 %", () => {
    // parts −30 and −10 of −40: 75 % and 25 %.
    expect(largestRemainderShares([-30n, -10n], -40n)!.map((s) => [s.tenths, s.exactPercent])).toEqual([
      [750, "75"],
      [250, "25"],
    ]);
  });
});
