/**
 * Sub-scores, composite score and grade for a population of customers whose inputs are already validated: fixed
 * thresholds (RULES.md §3) or quantiles with tie rules (RULES.md §4), and the exact weighted sum (RULES.md §2).
 */

import { gradeIndexOf, type IntegerProfile, type IntegerThresholds } from "./compile/integerProfile";
import { countableKeys, sortedOrder } from "./sortedOrder";
import type { TieRule } from "./types";

/** Validated inputs of the customers to score, one entry per customer, in input order. */
export interface Population {
  n: number;
  /** 1 when customer i takes part (is graded). */
  valid: Uint8Array;
  /** Recency D in days. */
  days: Int32Array;
  /** Frequency S (whole purchase counts of sales records as they were tallied). */
  count: Float64Array | Uint32Array;
  /** Monetary Z in the input's unit: the double nearest its exact decimal value. */
  money: Float64Array;
  /** Position of each customer for the "first" tie rule (row of its first appearance); defaults to i. */
  order?: Int32Array;
}

export interface Scores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** X in units of 10^-scorePlaces; read only where graded (0 or NaN elsewhere). */
  scoreUnits: Float64Array | Int32Array;
  scorePlaces: number;
  gradeIndex: Int16Array;
}

/**
 * Scores the population with the profile's integer form (the same form the worksheet and SQL back-ends print), whose
 * monetary bounds are already in the input's unit.
 */
export function scorePopulation(pop: Population, ip: IntegerProfile): Scores {
  const r = new Uint8Array(pop.n),
    f = new Uint8Array(pop.n),
    m = new Uint8Array(pop.n);
  if (ip.thresholds) thresholdScores(pop, ip.thresholds, r, f, m);
  else quantileScores(pop, ip, r, f, m);
  return { r, f, m, ...compositeAndGrade(pop, ip, r, f, m) };
}

/**
 * Amounts are never converted: comparing an amount's double with the double nearest a bound's exact decimal gives the
 * same answer as comparing their decimals, and converting the amount instead would round.
 */
function thresholdScores(pop: Population, t: IntegerThresholds, r: Uint8Array, f: Uint8Array, m: Uint8Array): void {
  const [r5, r4, r3, r2] = t.recency;
  const [f1, f2, f3, f4] = t.frequency;
  const [m1, m2, m3, m4] = monetaryBounds(t);
  const { valid, days, count, money } = pop;
  for (let i = 0; i < pop.n; i++) {
    if (!valid[i]) continue;
    r[i] = scoreAtMost(days[i], r5, r4, r3, r2);
    f[i] = scoreAbove(count[i], f1, f2, f3, f4);
    m[i] = scoreAbove(money[i], m1, m2, m3, m4);
  }
}

/**
 * A threshold sub-score where smaller is better (recency): 5 up to the first bound, 1 beyond the last. A value equal
 * to a bound belongs to the bin the bound closes (RULES.md §3). Counting the bounds passed instead of branching keeps
 * random data from defeating the CPU's branch prediction.
 */
export function scoreAtMost(v: number, b5: number, b4: number, b3: number, b2: number): number {
  return 1 + +(v <= b2) + +(v <= b3) + +(v <= b4) + +(v <= b5);
}

/** A threshold sub-score where larger is better (frequency, monetary): 1 up to the first bound, 5 beyond the last. */
export function scoreAbove(v: number, b1: number, b2: number, b3: number, b4: number): number {
  return 1 + +(v > b1) + +(v > b2) + +(v > b3) + +(v > b4);
}

/** The monetary bounds of a thresholds profile as the doubles amounts are compared with (one per exact decimal). */
export function monetaryBounds(t: IntegerThresholds): number[] {
  return t.monetary.map((b) => Number(b.text));
}

/** The graded customers in the order they are ranked in: member j is customer at(j). */
export interface Members {
  length: number;
  at(j: number): number;
}

/**
 * The graded customers in input order, or for the tie rule "first" in the order of each one's first appearance
 * (`pop.order`). When every customer is graded in input order there is no array of them (tens of millions).
 */
export function gradedMembers(pop: Population, firstRule: boolean): Members {
  let n = 0;
  for (let i = 0; i < pop.n; i++) n += pop.valid[i];
  const order = firstRule ? pop.order : undefined;
  if (n === pop.n && order === undefined) return { length: n, at: (j) => j };
  const members = new Int32Array(n);
  for (let i = 0, j = 0; i < pop.n; i++) if (pop.valid[i]) members[j++] = i;
  if (order !== undefined) members.sort((a, b) => order[a] - order[b]);
  return { length: n, at: (j) => members[j] };
}

function quantileScores(pop: Population, p: IntegerProfile, r: Uint8Array, f: Uint8Array, m: Uint8Array): void {
  const members = gradedMembers(pop, p.ties === "first");
  const n = members.length;
  const customer = members.at;
  // Keys where smaller is better: R by D ascending, F by S descending, M by Z descending.
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) keys[j] = pop.days[customer(j)];
  rankIntoBins(customer, keys, p, r);
  for (let j = 0; j < n; j++) keys[j] = rankKey(pop.count[customer(j)]);
  rankIntoBins(customer, keys, p, f);
  for (let j = 0; j < n; j++) keys[j] = rankKey(pop.money[customer(j)]);
  rankIntoBins(customer, keys, p, m);
}

/**
 * The ranking key of a frequency or monetary value: its negation, so that smaller keys are better on every dimension
 * (recency ranks D itself). 0 - 0 is -0, which typed-array sorting puts before +0; keep one zero.
 */
export function rankKey(x: number): number {
  return x === 0 ? 0 : -x;
}

/**
 * RULES.md §4: the customer at 0-based position q of N (best first) gets k - floor(k(2q+1) / 2N). With G customers
 * strictly better and a tie group of T: "average" takes q = G + (T-1)/2, "best" q = G, "first" q = G + (members of
 * the tie group earlier in input order). Only whole numbers are used: 2q+1 is computed, never q itself.
 * Members are in input order (for "first": in the order of first appearance); keys[j] belongs to member j, which is
 * customer(j).
 */
function rankIntoBins(customer: (j: number) => number, keys: Float64Array, p: IntegerProfile, out: Uint8Array): void {
  const n = keys.length;
  if (n === 0) return;
  const k = p.bins,
    ties = p.ties;
  // Member j, with `better` keys strictly smaller, in a tie group of `tied`, `earlier` of them before it in input
  // order. Scored as each is met: no per-member arrays beside the keys (tens of millions of customers).
  const score = (j: number, better: number, tied: number, earlier: number) => {
    out[customer(j)] = quantileScore(k, twiceQPlusOneOf(ties, better, tied, earlier), n);
  };
  const countable = countableKeys(keys, 2 * n + 1024);
  if (countable !== null) {
    // Days, purchase counts and totals in whole cents span a small range: count them instead of sorting.
    const { scale, min, size } = countable;
    const starts = new Int32Array(size + 1);
    for (let j = 0; j < n; j++) starts[Math.round(keys[j] * scale) - min + 1]++;
    for (let v = 1; v <= size; v++) starts[v] += starts[v - 1];
    // Members come in input order: those met before j with j's key are the ones before it in its tie group.
    const met = new Int32Array(size);
    for (let j = 0; j < n; j++) {
      const v = Math.round(keys[j] * scale) - min;
      score(j, starts[v], starts[v + 1] - starts[v], met[v]++);
    }
    return;
  }
  // Anything else: walk the keys in sorted order; each run of equal keys is a tie group, in input order (the sort is
  // stable), so a member's place in its run is how many of the group come before it.
  const order = sortedOrder(keys);
  for (let a = 0; a < n;) {
    const v = keys[order[a]];
    let b = a + 1;
    while (b < n && keys[order[b]] === v) b++;
    for (let j = a; j < b; j++) score(order[j], a, b - a, j - a);
    a = b;
  }
}

/**
 * 2q + 1 for a customer with G customers strictly better (`better`), in a tie group of T (`tied`, itself included)
 * of which `earlier` come before it in input order, under the tie rule (RULES.md §4).
 */
export function twiceQPlusOneOf(ties: TieRule, better: number, tied: number, earlier: number): number {
  return ties === "average" ? 2 * better + tied : ties === "best" ? 2 * better + 1 : 2 * (better + earlier) + 1;
}

/** RULES.md §4 in whole numbers: the score of 0-based position q among N, from 2q + 1. */
export function quantileScore(bins: number, twiceQPlusOne: number, n: number): number {
  return bins - Math.floor((bins * twiceQPlusOne) / (2 * n));
}

export function lowerBound(a: Float64Array, v: number): number {
  let lo = 0,
    hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function upperBound(a: Float64Array, v: number): number {
  let lo = 0,
    hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sub-scores take only bins³ combinations, so X and the grade of each combination are worked out once (exactly, in
 * integer units) and looked up at `(r · side + f) · side + m`.
 */
export interface ComboTable {
  side: number;
  /** X in score units. */
  xOf: Float64Array;
  /** Index into the profile's grades. */
  gradeOf: Int16Array;
}

export function comboTable(ip: IntegerProfile): ComboTable {
  const { recency: wr, frequency: wf, monetary: wm } = ip.weights;
  const side = ip.bins + 1;
  const xOf = new Float64Array(side * side * side);
  const gradeOf = new Int16Array(side * side * side);
  for (let sr = 1; sr < side; sr++) {
    for (let sf = 1; sf < side; sf++) {
      for (let sm = 1; sm < side; sm++) {
        const x = wr * sr + wf * sf + wm * sm;
        const combo = (sr * side + sf) * side + sm;
        xOf[combo] = x;
        gradeOf[combo] = gradeIndexOf(x, ip.grades);
      }
    }
  }
  return { side, xOf, gradeOf };
}

/** RULES.md §2: the exact composite score and the grade of every valid customer, from its three sub-scores. */
function compositeAndGrade(
  pop: Population,
  ip: IntegerProfile,
  r: Uint8Array,
  f: Uint8Array,
  m: Uint8Array,
): Pick<Scores, "scoreUnits" | "scorePlaces" | "gradeIndex"> {
  const places = ip.scorePlaces;
  const { side, xOf, gradeOf } = comboTable(ip);
  // Scores in units are small whole numbers: four bytes each unless a profile's weights make them larger.
  const fits = xOf.every((x) => Math.abs(x) <= 0x7fffffff);
  const scoreUnits = fits ? new Int32Array(pop.n) : new Float64Array(pop.n).fill(NaN);
  const gradeIndex = new Int16Array(pop.n).fill(-1);
  for (let i = 0; i < pop.n; i++) {
    if (!pop.valid[i]) continue;
    const combo = (r[i] * side + f[i]) * side + m[i];
    scoreUnits[i] = xOf[combo];
    gradeIndex[i] = gradeOf[combo];
  }
  return { scoreUnits, scorePlaces: places, gradeIndex };
}
