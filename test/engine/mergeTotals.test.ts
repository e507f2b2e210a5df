/**
 * Sales read in parts — each part every sale of its own customers, the unreadable sales in part 0 — and put together
 * by mergeTotals give exactly the totals one reader of every sale gives (RULES.md §7, §8): customers in the order of
 * their first readable sale, each one's last day, count, exact total, first kept sale, carried sale and later sale,
 * the notes in row order, and the counts of the whole.
 */

import { mergeTotals, SalesTally, type CustomerTotals, type SalesWindow, type ValueList } from "../../src/engine";

type Sale = { id: string; day: number | null; amount: number };

/** Reads the sales (those `mine` takes) into a tally: the customers numbered as met, their first sale noted. */
function read(sales: Sale[], window: SalesWindow, mine: (s: Sale) => boolean, carried: number, warm = false) {
  const tally = new SalesTally(window, carried);
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  const firstSeen: number[] = [];
  sales.forEach((s, i) => {
    if (!mine(s)) return;
    if (s.id === "" || s.day === null || Number.isNaN(s.amount)) {
      tally.unreadable(i, s.id, s.day === null ? "not a date" : s.day, Number.isNaN(s.amount) ? "abc" : s.amount);
      return;
    }
    let c = numbers.get(s.id);
    if (c === undefined) {
      numbers.set(s.id, (c = ids.length));
      ids.push(s.id);
      firstSeen.push(i);
      tally.open();
    }
    // A feeder adding a group at a time reads the group's totals first (SalesTally.warm): that changes nothing.
    if (warm) tally.warm(Int32Array.of(c, ...firstSeen.keys()), firstSeen.length + 1);
    tally.add(c, i, s.day, s.amount);
  });
  return { totals: tally.totals(ids, sales.length), firstSeen: Int32Array.from(firstSeen) };
}

/** The ids of the whole as one array: id j is id local[j] of list from[j]. */
const gatherIds = (lists: ValueList<string>[], from: Uint8Array, local: Int32Array) =>
  Array.from(local, (l, j) => lists[from[j]].at(l)!);

/** The totals as plain values, customer by customer (money as exact text). */
function plain(t: CustomerTotals) {
  return {
    customers: Array.from({ length: t.ids.length }, (_, j) => ({
      id: t.ids.at(j),
      lastDay: t.lastDay[j],
      count: t.count[j],
      money: t.money.text(j),
      firstSale: t.firstSale[j],
      carriedSale: t.carriedSale[j],
      laterSale: t.laterSale[j],
    })),
    issues: t.saleIssues,
    counts: [t.read, t.kept, t.outsideWindow, t.afterEnd, t.latestDay, t.blank],
  };
}

function randomSales(seed: number, n: number): Sale[] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, () => {
    const odd = next();
    return {
      id: odd < 0.03 ? "" : `C${Math.floor(next() * 60)}`,
      day: odd > 0.97 ? null : 19000 + Math.floor(next() * 400),
      amount: odd > 0.95 && odd <= 0.97 ? NaN : Math.round((next() - 0.1) * 1e5) / 100,
    };
  });
}

test("sales split between two, three and four parts are put together as one reader reads them", () => {
  const window: SalesWindow = { startDay: 19050, endDay: 19300, date1904: false };
  for (let seed = 1; seed <= 20; seed++) {
    const sales = randomSales(seed, 500);
    const whole = read(sales, window, () => true, 1);
    for (const parts of [2, 3, 4]) {
      const partOf = (s: Sale) =>
        s.id === "" || s.day === null || Number.isNaN(s.amount) ? 0 : Number(s.id.slice(1)) % parts;
      const read_ = Array.from({ length: parts }, (_, p) => read(sales, window, (s) => partOf(s) === p, 1));
      const merged = mergeTotals(read_, gatherIds);
      expect(plain(merged.totals)).toEqual(plain(whole.totals));
      // Each customer of the whole is found in the part that read it.
      for (let j = 0; j < merged.local.length; j++) {
        expect(read_[merged.from[j]].totals.ids.at(merged.local[j])).toBe(whole.totals.ids.at(j));
      }
    }
  }
});

test("totals read ahead of every sale (warm) are the totals of a reader that does not", () => {
  const window: SalesWindow = { startDay: 19050, endDay: 19300, date1904: false };
  for (let seed = 1; seed <= 5; seed++) {
    const sales = randomSales(seed, 500);
    expect(plain(read(sales, window, () => true, 1, true).totals)).toEqual(
      plain(read(sales, window, () => true, 1).totals),
    );
  }
});

test("parts must have read the same rows: a part that read fewer is refused", () => {
  const window: SalesWindow = { startDay: -Infinity, endDay: 19300, date1904: false };
  const sales = randomSales(3, 50);
  const a = read(sales, window, (s) => s.id < "C30", 0);
  const b = read(sales.slice(0, 40), window, (s) => s.id >= "C30", 0);
  expect(() => mergeTotals([a, b], gatherIds)).toThrow(/different rows/);
});
