/**
 * Sub-scores, composite score and grade for a population of customers whose inputs are already validated: fixed
 * thresholds (spec §3) or quantiles with tie rules (spec §4), and the exact weighted sum (spec §2).
 */

import { decimalPlaces, toUnits, MONEY_PLACES } from "./decimal";
import type { Dimension, GradeRule, Profile, QuantileProfile, ThresholdProfile } from "./types";

/** Validated inputs of the customers to score, one entry per customer, in input order. */
export interface Population {
  n: number;
  /** 1 when customer i takes part (is graded). */
  valid: Uint8Array;
  /** Recency D in days. */
  days: Int32Array;
  /** Frequency S. */
  count: Float64Array;
  /** Monetary Z in millionths of `moneyUnit`. */
  money: Float64Array;
  /** Position of each customer for the "first" tie rule (row of its first appearance); defaults to i. */
  order?: Int32Array;
}

export interface Scores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  scoreUnits: Float64Array;
  scorePlaces: number;
  gradeIndex: Int16Array;
}

/** Multiplier from the profile's monetary bounds (in its own unit) to the units the population's money is in. */
export type MoneyFactor = number;

export function scorePopulation(pop: Population, profile: Profile, boundFactor: MoneyFactor): Scores {
  const r = new Uint8Array(pop.n), f = new Uint8Array(pop.n), m = new Uint8Array(pop.n);
  if (profile.method === "thresholds") thresholdScores(pop, profile, boundFactor, r, f, m);
  else quantileScores(pop, profile, r, f, m);
  return { r, f, m, ...compositeAndGrade(pop, profile, r, f, m) };
}

function thresholdScores(
  pop: Population, p: ThresholdProfile, boundFactor: MoneyFactor, r: Uint8Array, f: Uint8Array, m: Uint8Array,
): void {
  const [r5, r4, r3, r2] = p.thresholds.recency;
  const [f1, f2, f3, f4] = p.thresholds.frequency;
  const [m1, m2, m3, m4] = p.thresholds.monetary.map((b) => toUnits(b, MONEY_PLACES) * boundFactor);
  const { valid, days, count, money } = pop;
  for (let i = 0; i < pop.n; i++) {
    if (!valid[i]) continue;
    // A value equal to a bound belongs to the bin the bound closes (spec §6).
    const d = days[i], s = count[i], z = money[i];
    r[i] = d <= r5 ? 5 : d <= r4 ? 4 : d <= r3 ? 3 : d <= r2 ? 2 : 1;
    f[i] = s <= f1 ? 1 : s <= f2 ? 2 : s <= f3 ? 3 : s <= f4 ? 4 : 5;
    m[i] = z <= m1 ? 1 : z <= m2 ? 2 : z <= m3 ? 3 : z <= m4 ? 4 : 5;
  }
}

function quantileScores(pop: Population, p: QuantileProfile, r: Uint8Array, f: Uint8Array, m: Uint8Array): void {
  const members: number[] = [];
  for (let i = 0; i < pop.n; i++) if (pop.valid[i]) members.push(i);
  // Keys where smaller is better: R by D ascending, F by S descending, M by Z descending.
  rankIntoBins(members, (i) => pop.days[i], p, pop.order, r);
  rankIntoBins(members, (i) => negate(pop.count[i]), p, pop.order, f);
  rankIntoBins(members, (i) => negate(pop.money[i]), p, pop.order, m);
}

// 0 - 0 is -0, which typed-array sorting puts before +0; keep one zero.
function negate(x: number): number {
  return x === 0 ? 0 : -x;
}

/**
 * Spec §4: customer at 0-based position q of N (best first) gets k - floor(k(2q+1) / 2N). With G customers strictly
 * better and a tie group of T: "average" takes q = G + (T-1)/2, "best" q = G, "first" q = G + (earlier members of the
 * tie group in input order). Everything is in whole numbers: 2q+1 is computed, never q itself.
 */
function rankIntoBins(
  members: number[], key: (i: number) => number, p: QuantileProfile, order: Int32Array | undefined, out: Uint8Array,
): void {
  const n = members.length;
  if (n === 0) return;
  const k = p.bins;
  const sorted = new Float64Array(n);
  for (let j = 0; j < n; j++) sorted[j] = key(members[j]);
  sorted.sort();
  const bin = (twiceQPlusOne: number) => k - Math.floor((k * twiceQPlusOne) / (2 * n));
  if (p.ties === "first") {
    const byOrder = order ? [...members].sort((a, b) => order[a] - order[b]) : members;
    const seenInGroup = new Map<number, number>();
    for (const i of byOrder) {
      const v = key(i);
      const earlier = seenInGroup.get(v) ?? 0;
      seenInGroup.set(v, earlier + 1);
      out[i] = bin(2 * (lowerBound(sorted, v) + earlier) + 1);
    }
    return;
  }
  for (const i of members) {
    const v = key(i);
    const better = lowerBound(sorted, v);
    if (p.ties === "best") out[i] = bin(2 * better + 1);
    else out[i] = bin(2 * better + (upperBound(sorted, v) - better));
  }
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Decimal places that make every weight and grade cut-off of the profile a whole number of units. */
export function scorePlaces(profile: Profile): number {
  const values = [
    ...(["recency", "frequency", "monetary"] as Dimension[]).map((d) => profile.weights[d]),
    ...profile.grades.map(cutOff).filter((c): c is number => c !== undefined),
  ];
  return Math.max(0, ...values.map(decimalPlaces));
}

function cutOff(g: GradeRule): number | undefined {
  return g.above ?? g.atLeast;
}

function compositeAndGrade(
  pop: Population, profile: Profile, r: Uint8Array, f: Uint8Array, m: Uint8Array,
): Pick<Scores, "scoreUnits" | "scorePlaces" | "gradeIndex"> {
  const places = scorePlaces(profile);
  const wr = toUnits(profile.weights.recency, places);
  const wf = toUnits(profile.weights.frequency, places);
  const wm = toUnits(profile.weights.monetary, places);
  const rules = profile.grades.map((g) => ({
    cut: cutOff(g) === undefined ? 0 : toUnits(cutOff(g) as number, places),
    kind: g.above !== undefined ? 1 : g.atLeast !== undefined ? 2 : 0,
  }));
  const scoreUnits = new Float64Array(pop.n).fill(NaN);
  const gradeIndex = new Int16Array(pop.n).fill(-1);
  const last = rules.length - 1;
  for (let i = 0; i < pop.n; i++) {
    if (!pop.valid[i]) continue;
    const x = wr * r[i] + wf * f[i] + wm * m[i];
    scoreUnits[i] = x;
    let g = 0;
    for (; g < last; g++) {
      const rule = rules[g];
      if (rule.kind === 1 ? x > rule.cut : x >= rule.cut) break;
    }
    gradeIndex[i] = g;
  }
  return { scoreUnits, scorePlaces: places, gradeIndex };
}
