/**
 * Shared helpers for the engine tests. Nothing here computes an expected value by calling the engine: calendar
 * arithmetic uses Date.UTC, and the quintile reference model is the RULES.md §4 formula written out independently.
 */
import type { QuantileProfile, Role, ThresholdProfile, TieRule, ValueList } from "../../src/engine/types";

const MS_PER_DAY = 86_400_000;

/** A list read by position (customer ids, totals) as an array. */
export function valuesOf<T>(list: ValueList<T>): T[] {
  return Array.from({ length: list.length }, (_, i) => list.at(i) as T);
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" calendar date, computed with Date.UTC (not the engine). */
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The calendar date `days` before `iso`, as "YYYY-MM-DD". */
export function daysBefore(iso: string, days: number): string {
  return new Date((dayOf(iso) - days) * MS_PER_DAY).toISOString().slice(0, 10);
}

export const SHAOXING_HEADERS: Record<Role, string> = {
  id: "客户编号",
  date: "最近下单时间",
  amount: "本次订单金额",
  count: "历史购买总次数",
  total: "历史购买总金额",
};

export const AS_OF = "2025-07-01";

export interface CustomerRow {
  id?: unknown;
  /** days before AS_OF of the last order (ignored when `date` is given) */
  d?: number;
  date?: unknown;
  s: unknown;
  z: unknown;
}

/** Column-oriented customer input; a row's date is AS_OF minus `d` unless it names a raw `date` cell. */
export function customerColumns(rows: CustomerRow[], asOf: string = AS_OF) {
  return {
    ids: rows.map((row, i) => (row.id === undefined ? `C${i + 1}` : row.id)),
    lastDates: rows.map((row) => ("date" in row ? row.date : daysBefore(asOf, row.d ?? 0))),
    counts: rows.map((row) => row.s),
    totals: rows.map((row) => row.z),
  };
}

const WUHAN_GRADES = [
  { grade: "A", atLeast: 4, cadence: { en: "one revisit per month", zh: "每月回访一次" } },
  { grade: "B", atLeast: 3, cadence: { en: "one revisit per quarter", zh: "每季度回访一次" } },
  { grade: "C", atLeast: 2, cadence: { en: "one revisit per half-year", zh: "每半年回访一次" } },
  { grade: "D", cadence: { en: "one revisit per year", zh: "每年回访一次" } },
];

/** A quantile profile written by hand from RULES.md §4/§11, with the tie rule under test. */
export function quantileProfile(ties: TieRule, bins = 5): QuantileProfile {
  return {
    id: `test-quantiles-${ties}`,
    name: { en: `Test quantiles (${ties})`, zh: `测试分位（${ties}）` },
    method: "quantiles",
    monetaryUnit: "yuan",
    bins,
    ties,
    weights: { recency: 0.3, frequency: 0.3, monetary: 0.4 },
    grades: WUHAN_GRADES.map((g) => ({ ...g })),
    asOf: AS_OF,
    windowStart: "2021-09-01",
  };
}

/** Shaoxing's bands (RULES.md §6) with other weights and grade rules, for grade edges its own weights cannot reach. */
export function thresholdProfile(
  weights: ThresholdProfile["weights"],
  grades: ThresholdProfile["grades"],
): ThresholdProfile {
  return {
    id: "test-thresholds",
    name: { en: "Test thresholds", zh: "测试阈值" },
    method: "thresholds",
    monetaryUnit: "wan",
    thresholds: { recency: [10, 20, 30, 50], frequency: [2, 5, 10, 15], monetary: [1, 3, 5, 8] },
    weights,
    grades,
  };
}

export function cadence(text: string) {
  return { en: text, zh: text };
}

/**
 * RULES.md §4 reference model: the score of each entry of `values` (higher is better when `higherIsBetter`),
 * score = k − floor(k(2q + 1) / (2N)) with q by the tie rule, all in whole numbers.
 */
export function specQuantileScores(values: number[], higherIsBetter: boolean, ties: TieRule, k = 5): number[] {
  const n = values.length;
  const better = (a: number, b: number) => (higherIsBetter ? a > b : a < b);
  return values.map((v, i) => {
    const g = values.filter((w) => better(w, v)).length;
    const t = values.filter((w) => w === v).length;
    let twiceQPlusOne: number;
    if (ties === "average")
      twiceQPlusOne = 2 * g + t; // 2(G + (T−1)/2) + 1
    else if (ties === "best") twiceQPlusOne = 2 * g + 1;
    else twiceQPlusOne = 2 * (g + values.slice(0, i).filter((w) => w === v).length) + 1;
    return k - Math.floor((k * twiceQPlusOne) / (2 * n));
  });
}

/** How many entries of `scores` hold each score 1..k (index 0 unused). */
export function countScores(scores: ArrayLike<number>, k = 5): number[] {
  const counts = new Array(k + 1).fill(0);
  for (let i = 0; i < scores.length; i++) counts[scores[i]]++;
  return counts;
}
