/**
 * RULES.md §12, the next-grade order: for each graded customer below the top grade, the smallest amount of one new
 * order, placed on the analysis date, that lifts the customer's grade by at least one. That order makes D = 0, S + 1
 * and Z + x; everything else stays as it is.
 *
 * The amount is a whole number of cents (0.01 yuan, which is 0.000001 万元), at least one cent, in the unit the
 * amounts were read in. The grade only ever rises with Z (weights are not negative), so the answer is where a
 * monotone test — "does Z + x give a monetary score high enough?" — turns from no to yes:
 *
 * 1. the new recency and frequency scores are worked out (D = 0, S + 1), then the lowest monetary score `need` that
 *    gives a better grade with them, from the engine's table of grades per score combination;
 * 2. the amount where the monetary score reaches `need` is found exactly: past a monetary bound (thresholds), or
 *    level with or past another customer's total (quantiles, found by binary search in the totals sorted once);
 * 3. that amount is checked with the engine's own comparisons, and moved by a cent or more if the doubles the engine
 *    compares disagree with the exact decimals (only possible for totals of billions with fractions of a cent).
 *
 * With quantiles every other customer keeps its values and the customer's new values are ranked among them by the
 * profile's tie rule; N stays the same (the customer is still one of the N). With the tie rule "first" the customer
 * keeps its place in the input order (its first row), so among customers with its new values it comes where its
 * first row stands. This is what grading again with the order added gives the customer.
 */

import { integerProfile, type IntegerProfile } from "./compile/integerProfile";
import { formatUnits } from "./decimal";
import { addDecimals, decimalText, MoneySums, toDecimal, type Decimal } from "./moneySums";
import type { GradeResult } from "./grade";
import {
  comboTable,
  gradedMembers,
  lowerBound,
  monetaryBounds,
  quantileScore,
  rankKey,
  scoreAbove,
  scoreAtMost,
  twiceQPlusOneOf,
  upperBound,
  type Members,
  type Population,
} from "./scoring";
import { ENGINE_TEXTS } from "../i18n/engine";
import { countableKeys, countedBelow, countedKeys, type CountedKeys } from "./sortedOrder";
import { localizedView } from "../i18n/message";
import type { Localized, MonetaryUnit, TieRule } from "./types";

/** The next-grade orders of a grading, one per row (customer-level) or customer (sales records). */
export interface NextGradeOrders {
  /** The unit of the amounts: the unit the input was read in. */
  unit: MonetaryUnit;
  /** Decimals of one cent in `unit`: 2 for yuan, 6 for 万元. */
  places: number;
  /**
   * Per row: the order in whole cents (0.01 yuan); NaN where there is nothing to say (the top grade, or not graded);
   * Infinity where no single order lifts the grade.
   */
  cents: Float64Array;
  /** Orders of 2^53 cents or more, as exact decimal text in `unit` (`cents` then holds the nearest double). */
  large: Map<number, string>;
}

/** What the next-grade column shows for one row. */
export type NextGradeOrder =
  | { kind: "none" }
  | { kind: "notReachable" }
  /** `text`: the exact decimal in the input's unit ("1234.56"); `value`: the double nearest it. */
  | { kind: "amount"; text: string; value: number };

/** "not reachable with one order", in words: the column's value where no single order lifts the grade. */
export const NOT_REACHABLE_TEXT: Localized = localizedView(ENGINE_TEXTS, (t) => t.notReachable);

export function nextGradeOrder(orders: NextGradeOrders, i: number): NextGradeOrder {
  const c = orders.cents[i];
  if (c !== c) return { kind: "none" };
  if (c === Infinity) return { kind: "notReachable" };
  const large = orders.large.size === 0 ? undefined : orders.large.get(i);
  if (large !== undefined) return { kind: "amount", text: large, value: Number(large) };
  // Below 2^53 cents, cents / 10^places is rounded once: to the double nearest the decimal, the one Number(text) reads.
  return { kind: "amount", text: formatUnits(c, orders.places), value: c / 10 ** orders.places };
}

/** Cents per whole unit of money, as decimals: 10^places. */
export function centPlaces(unit: MonetaryUnit): number {
  return unit === "yuan" ? 2 : 6;
}

const computed = new WeakMap<GradeResult, NextGradeOrders>();

/** The next-grade orders of a grading, worked out once and kept with it (every face reads them row by row). */
export function nextGradeOrdersOf(res: GradeResult): NextGradeOrders {
  let orders = computed.get(res);
  if (orders === undefined) computed.set(res, (orders = nextGradeOrders(res)));
  return orders;
}

export function nextGradeOrders(res: GradeResult): NextGradeOrders {
  const unit = res.summary.unit;
  const places = centPlaces(unit);
  const cents = new Float64Array(res.n).fill(NaN);
  const large = new Map<number, string>();
  const pop = res.population;
  let anyBelowTop = false;
  for (let i = 0; i < res.n; i++) if (res.gradeIndex[i] > 0) anyBelowTop = true;
  if (!anyBelowTop) return { unit, places, cents, large };
  if (pop.days.length !== pop.n || pop.count.length !== pop.n) {
    throw new Error("nextGradeOrders needs the recency and frequency of every row (a grading made by this engine)");
  }
  const ip = integerProfile(res.profile, unit);
  const rules = ip.thresholds ? thresholdRules(pop, ip) : quantileRules(pop, ip);
  const needed = neededMonetary(ip);
  const money = new MoneyStep(places);
  for (let i = 0; i < res.n; i++) {
    const g = res.gradeIndex[i];
    if (g <= 0) continue;
    const need = needed(rules.recency(i), rules.frequency(i), g);
    const target = need === 0 ? null : rules.target(i, need);
    if (target === null) {
      cents[i] = Infinity;
      continue;
    }
    const z = pop.money[i];
    if (target === ANY) {
      cents[i] = 1;
      continue;
    }
    const quick = money.quickCentsTo(z, target.value, target.strict);
    if (quick > 0) {
      cents[i] = quick;
      continue;
    }
    const exact = money.centsTo(z, target.value, target.strict);
    if (exact > MAX_CENTS) {
      // Beyond 2^53 cents a cent is below what the doubles the engine compares can tell apart: the exact answer stands.
      cents[i] = Number(exact);
      large.set(i, decimalText({ digits: exact, places }));
      continue;
    }
    cents[i] = settle(Number(exact), (x) => rules.monetary(i, money.plus(z, x)) >= need);
  }
  return { unit, places, cents, large };
}

const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The smallest x ≥ 1 with lifts(x), starting from a candidate that is right or within a cent or two of it: checked,
 * then moved by doubling steps and a binary search if the engine's comparisons say otherwise.
 */
function settle(candidate: number, lifts: (x: number) => boolean): number {
  const x = Math.max(1, candidate);
  if (!lifts(x)) {
    let no = x,
      step = 1,
      yes = x + 1;
    while (!lifts(yes)) {
      no = yes;
      step *= 2;
      yes = x + step;
      if (yes > Number.MAX_SAFE_INTEGER) return Infinity;
    }
    return firstYes(no, yes, lifts);
  }
  if (x === 1 || !lifts(x - 1)) return x;
  let yes = x - 1,
    step = 1,
    no = yes - 1;
  while (no >= 1 && lifts(no)) {
    yes = no;
    step *= 2;
    no = x - 1 - step;
  }
  if (no < 1) {
    if (lifts(1)) return 1;
    no = 1;
  }
  return firstYes(no, yes, lifts);
}

/** The first x in (no, yes] with lifts(x), given !lifts(no) and lifts(yes). */
function firstYes(no: number, yes: number, lifts: (x: number) => boolean): number {
  while (yes - no > 1) {
    const mid = no + Math.floor((yes - no) / 2);
    if (lifts(mid)) yes = mid;
    else no = mid;
  }
  return yes;
}

/** Any order lifts the grade (the monetary score needed is reached whatever the amount). */
const ANY = "any" as const;

/** The total the new Z must reach: at least `value` (strict false) or more than `value` (strict true). */
interface Target {
  readonly value: number;
  readonly strict: boolean;
}

/** How one method scores a customer's new values: the engine's rules, asked about one customer at a time. */
interface Rules {
  /** r with D = 0. */
  recency(i: number): number;
  /** f with S + 1. */
  frequency(i: number): number;
  /** m with Z = z (others as they are). */
  monetary(i: number, z: number): number;
  /** The total where m reaches `need`; ANY when every total does, null when none does. */
  target(i: number, need: number): Target | typeof ANY | null;
}

function thresholdRules(pop: Population, ip: IntegerProfile): Rules {
  const t = ip.thresholds!;
  const [r5, r4, r3, r2] = t.recency;
  const [f1, f2, f3, f4] = t.frequency;
  const mb = monetaryBounds(t);
  const [m1, m2, m3, m4] = mb;
  const recent = scoreAtMost(0, r5, r4, r3, r2);
  // m = 1 + (bounds passed): reaching score m means passing bound m − 1 (1-based), strictly (RULES.md §3).
  const past: (Target | typeof ANY)[] = [ANY, ANY, ...mb.map((value) => ({ value, strict: true }))];
  return {
    recency: () => recent,
    frequency: (i) => scoreAbove(pop.count[i] + 1, f1, f2, f3, f4),
    monetary: (_i, z) => scoreAbove(z, m1, m2, m3, m4),
    target: (_i, need) => past[need],
  };
}

/**
 * Quantiles: each dimension's keys sorted once. The monetary score needed fixes how many others may stay strictly
 * better (from the rule k·(2q + 1) < 2N·(k − need + 1)), so the total to reach is one of two keys per needed score,
 * worked out once: the customer then only asks whether its own key stands before that place, and whether being level
 * with it is enough under the tie rule.
 */
function quantileRules(pop: Population, ip: IntegerProfile): Rules {
  const order = pop.order;
  const orderOf = (i: number) => (order ? order[i] : i);
  const ties = ip.ties,
    k = ip.bins;
  const members = gradedMembers(pop, ties === "first");
  const n = members.length;
  // One array of keys serves each dimension in turn, unless a dimension keeps it as its sorted keys.
  const spare: Spare = {};
  const days = new RankedValues(members, (i) => pop.days[i], orderOf, ties, spare);
  const counts = new RankedValues(members, (i) => rankKey(pop.count[i]), orderOf, ties, spare);
  const totals = new RankedValues(members, (i) => rankKey(pop.money[i]), orderOf, ties, spare);
  const byOrder = ties === "first";
  // Without "first", r depends only on whether D was already 0, and f only on S; with it, the tie group a customer
  // joins still depends only on its new D (0) and S, and only the place inside it on the customer.
  const recencyOf = new Map<number, number>(),
    frequencyOf = new Map<number, number>();
  const dayZero = days.placeOf(0),
    countPlaces = new Map<number, KeyPlace>();
  const places = new Map<number, NeedPlace | null>();
  const placeFor = (need: number): NeedPlace | null => {
    let p = places.get(need);
    if (p === undefined) places.set(need, (p = needPlace(totals, n, k, need)));
    return p;
  };
  return {
    recency: (i) => {
      const own = pop.days[i];
      const cached = byOrder ? undefined : recencyOf.get(+(own === 0));
      if (cached !== undefined) return cached;
      const r = quantileScore(k, days.twiceQPlusOneAt(own, orderOf(i), dayZero), n);
      if (!byOrder) recencyOf.set(+(own === 0), r);
      return r;
    },
    frequency: (i) => {
      const s = pop.count[i];
      const cached = byOrder ? undefined : frequencyOf.get(s);
      if (cached !== undefined) return cached;
      let place = countPlaces.get(s);
      if (place === undefined) countPlaces.set(s, (place = counts.placeOf(rankKey(s + 1))));
      const f = quantileScore(k, counts.twiceQPlusOneAt(rankKey(s), orderOf(i), place), n);
      if (!byOrder) frequencyOf.set(s, f);
      return f;
    },
    monetary: (i, z) => quantileScore(k, totals.twiceQPlusOne(rankKey(pop.money[i]), orderOf(i), rankKey(z)), n),
    target: (i, need) => {
      const place = placeFor(need);
      if (place === null) return null;
      if (place === ANY) return ANY;
      const own = rankKey(pop.money[i]);
      // The others' key at place `betterAllowed`: the sorted keys' own entry, unless the customer's own key stands
      // before it (then one further on).
      const c = own > place.at.key ? place.at : place.next;
      return totals.twiceQPlusOneAt(own, orderOf(i), c) <= place.most ? c.level : c.past;
    },
  };
}

/**
 * Keys sorted, or counted: keys that are whole multiples of one step in a small range (days, purchase counts, totals in
 * whole cents) are kept as the number of keys below each step (`starts`), which answers every question a sorted
 * array answers without holding a key per customer (tens of millions of customers, three dimensions).
 */
type SortedKeys = { sorted: Float64Array } | CountedKeys;

/** An array of keys one RankedValues is done with, for the next one. */
interface Spare {
  keys?: Float64Array;
}

function sortKeys(keys: Float64Array): SortedKeys {
  const n = keys.length;
  const countable = countableKeys(keys, 2 * n + 1024);
  if (countable === null) return { sorted: keys.sort() };
  return countedKeys(keys, countable);
}

/** A key of the sorted others, with where its tie group stands, and the targets "level with it" and "past it". */
interface KeyPlace {
  key: number;
  lo: number;
  hi: number;
  level: Target;
  past: Target;
}

type NeedPlace = { most: number; at: KeyPlace; next: KeyPlace } | typeof ANY;

function needPlace(totals: RankedValues, n: number, k: number, need: number): NeedPlace | null {
  // score >= need  <=>  k(2q+1) < 2N(k − need + 1): the largest 2q+1 allowed, and the most customers that may stay
  // strictly better (a place with no tie has 2q+1 = 2G+1).
  const most = Math.floor((2 * n * (k - need + 1) - 1) / k);
  if (most < 1) return null;
  const betterAllowed = Math.floor((most - 1) / 2);
  // The others are n − 1: when that many may stay better, the customer may come last.
  if (betterAllowed >= n - 1) return ANY;
  return {
    most,
    at: totals.placeOf(totals.keyAt(betterAllowed)),
    next: totals.placeOf(totals.keyAt(betterAllowed + 1)),
  };
}

/**
 * One dimension's ranking keys (smaller is better) of the graded customers, sorted once; with the tie rule "first",
 * sorted by key and then by input order, with the orders alongside.
 */
class RankedValues {
  private readonly keys: SortedKeys;
  private readonly orders: Int32Array | null;

  /** `members` in input order when the tie rule is "first" (the order of their `orderOf`). */
  constructor(
    members: Members,
    keyOf: (i: number) => number,
    orderOf: (i: number) => number,
    private readonly ties: TieRule,
    spare: Spare = {},
  ) {
    const n = members.length;
    const keys = spare.keys ?? new Float64Array(n);
    spare.keys = undefined;
    for (let j = 0; j < n; j++) keys[j] = keyOf(members.at(j));
    this.keys = sortKeys(keys);
    if (!("sorted" in this.keys)) spare.keys = keys;
    this.orders = null;
    if (ties !== "first") return;
    // Each tie group's orders, ascending: members taken in input order fill their group's places one after another.
    const orders = new Int32Array(n),
      filled = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      const i = members.at(j);
      const lo = this.lowerBound(keyOf(i));
      orders[lo + filled[lo]++] = orderOf(i);
    }
    this.orders = orders;
  }

  /** How many keys are smaller than x. */
  private lowerBound(x: number): number {
    return "sorted" in this.keys ? lowerBound(this.keys.sorted, x) : countedBelow(this.keys, x, false);
  }

  /** How many keys are at most x. */
  private upperBound(x: number): number {
    return "sorted" in this.keys ? upperBound(this.keys.sorted, x) : countedBelow(this.keys, x, true);
  }

  /**
   * 2q + 1 of a customer whose key was `own` (one of the sorted keys) once its key is `to`, ranked among the others,
   * which keep theirs (RULES.md §4 through the engine's own formula).
   */
  twiceQPlusOne(own: number, order: number, to: number): number {
    return this.twiceQPlusOneIn(own, order, to, this.lowerBound(to), this.upperBound(to));
  }

  /** The same, level with a key whose tie group is known. */
  twiceQPlusOneAt(own: number, order: number, place: KeyPlace): number {
    return this.twiceQPlusOneIn(own, order, place.key, place.lo, place.hi);
  }

  private twiceQPlusOneIn(own: number, order: number, to: number, lo: number, hi: number): number {
    const better = lo - +(own < to);
    const tied = hi - lo - +(own === to) + 1;
    let earlier = 0;
    if (this.orders !== null) {
      // Others level with it that stand before it in the input (its own entry has its order, not one before it).
      const orders = this.orders;
      let a = lo,
        b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (orders[mid] < order) a = mid + 1;
        else b = mid;
      }
      earlier = a - lo;
    }
    return twiceQPlusOneOf(this.ties, better, tied, earlier);
  }

  /** The key at 0-based place t of the sorted keys. */
  keyAt(t: number): number {
    if ("sorted" in this.keys) return this.keys.sorted[t];
    // The step whose keys take place t: the last one with fewer than t + 1 keys before it.
    const { countable, starts } = this.keys;
    let a = 0,
      b = countable.size - 1;
    while (a < b) {
      const mid = (a + b + 1) >>> 1;
      if (starts[mid] <= t) a = mid;
      else b = mid - 1;
    }
    return (a + countable.min) / countable.scale;
  }

  /** A key's tie group among the sorted keys (empty when none has it), and the totals to reach for it. */
  placeOf(key: number): KeyPlace {
    const value = key === 0 ? 0 : -key;
    return {
      key,
      lo: this.lowerBound(key),
      hi: this.upperBound(key),
      level: { value, strict: false },
      past: { value, strict: true },
    };
  }
}

/**
 * For new sub-scores r and f and the current grade g: the lowest monetary score that gives a better grade (a lower
 * grade index), or 0 when none does. The engine's table of grades per score combination answers; each (r, f, g) is
 * worked out once.
 */
function neededMonetary(ip: IntegerProfile): (r: number, f: number, g: number) => number {
  const { side, gradeOf } = comboTable(ip);
  const grades = ip.grades.length;
  const memo = new Int16Array(side * side * grades).fill(-1);
  return (r, f, g) => {
    const at = (r * side + f) * grades + g;
    let need = memo[at];
    if (need < 0) {
      need = 0;
      for (let m = 1; m < side; m++) {
        if (gradeOf[(r * side + f) * side + m] < g) {
          need = m;
          break;
        }
      }
      memo[at] = need;
    }
    return need;
  };
}

/**
 * Money in whole cents added to totals, exactly. Totals are the doubles the engine holds, each the nearest double to
 * an exact decimal (its shortest text); whole millionths of the unit are handled as integers, anything finer or
 * larger as BigInt decimals.
 */
class MoneyStep {
  /** Millionths of the unit per cent: 10,000 for yuan, 1 for 万元. */
  private readonly perCent: number;

  constructor(private readonly places: number) {
    this.perCent = 10 ** (6 - places);
  }

  /** The double nearest z + cents (as the engine would hold that total). */
  plus(z: number, cents: number): number {
    const zu = millionths(z);
    if (zu !== null) {
      const sum = zu + cents * this.perCent;
      if (Number.isSafeInteger(sum)) return sum / 1e6;
    }
    return Number(decimalText(addDecimals(toDecimal(z), { digits: BigInt(cents), places: this.places })));
  }

  /**
   * The fewest whole cents x ≥ 1 with z + x ≥ target (> when strict) when every amount involved is a whole number of
   * millionths below 8·10^9: such amounts are distinct doubles in the same order as their decimals, so what the
   * engine's comparisons decide is what the decimals decide. 0 when that does not hold (then `centsTo`).
   */
  quickCentsTo(z: number, target: number, strict: boolean): number {
    const zu = millionths(z),
      tu = millionths(target);
    if (zu === null || tu === null || Math.abs(zu) > QUICK_LIMIT || Math.abs(tu) > QUICK_LIMIT) return 0;
    const gap = tu - zu;
    const x = Math.max(1, strict ? floorDiv(gap, this.perCent) + 1 : -floorDiv(-gap, this.perCent));
    return Math.abs(zu + x * this.perCent) > QUICK_LIMIT ? 0 : x;
  }

  /** The fewest whole cents x ≥ 1 with z + x ≥ target (or > target when strict), exactly, for any amounts. */
  centsTo(z: number, target: number, strict: boolean): bigint {
    const gap = addDecimals(toDecimal(target), negateDecimal(toDecimal(z)));
    // gap in cents, as a fraction digits / 10^(gap.places − places)
    const shift = gap.places - this.places;
    let num = gap.digits,
      den = 1n;
    if (shift > 0) den = 10n ** BigInt(shift);
    else num *= 10n ** BigInt(-shift);
    const x = strict ? bigFloorDiv(num, den) + 1n : -bigFloorDiv(-num, den);
    return x < 1n ? 1n : x;
  }
}

/** 8·10^9 in millionths: below 2^33, where doubles are still finer than a millionth. */
const QUICK_LIMIT = 8e15;

/** z in whole millionths when that is exact and safe (as the engine's money sums hold it), else null. */
function millionths(z: number): number | null {
  const u = Math.round(z * 1e6);
  return u / 1e6 === z && Number.isSafeInteger(u) ? u : null;
}

function floorDiv(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b - (r < 0 ? 1 : 0);
}

function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function negateDecimal(d: Decimal): Decimal {
  return { digits: -d.digits, places: d.places };
}

/** Per grade below the top: how many customers one order lifts, how many it cannot, and those orders' total. */
export interface NextGradeRow {
  grade: string;
  customers: number;
  reachable: number;
  notReachable: number;
  /** Exact decimal text of the reachable customers' orders, in the input's unit. */
  amount: string;
  amountValue: number;
}

/**
 * The next-grade orders of a grading summed per grade (the summary sheet's table); empty when no graded customer is
 * below the top grade (nothing to reach).
 */
export function nextGradeSummary(res: GradeResult): NextGradeRow[] {
  const grades = res.profile.grades;
  let belowTop = false;
  for (let i = 0; i < res.n && !belowTop; i++) belowTop = res.gradeIndex[i] > 0;
  if (!belowTop) return [];
  const orders = nextGradeOrdersOf(res);
  const sums = new MoneySums();
  const rows = grades.slice(1).map((g) => {
    sums.open();
    return { grade: g.grade, customers: 0, reachable: 0, notReachable: 0 };
  });
  for (let i = 0; i < res.n; i++) {
    const g = res.gradeIndex[i];
    if (g <= 0) continue;
    const row = rows[g - 1];
    row.customers++;
    const order = nextGradeOrder(orders, i);
    if (order.kind === "amount") {
      row.reachable++;
      sums.add(g - 1, order.value);
    } else if (order.kind === "notReachable") row.notReachable++;
  }
  return rows.map((row, k) => ({ ...row, amount: sums.text(k), amountValue: sums.value(k) }));
}
