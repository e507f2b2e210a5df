/**
 * The integer form of a profile: every rule of RULES.md §2–§5 and §8 restated as comparisons and sums of whole numbers,
 * so that any engine (a worksheet, a database) computes exactly what the JavaScript engine computes. The back-ends
 * (`excelFormulas.ts`, `sql.ts`) only print this form; they never read the profile's decimals themselves.
 */

import { decimalPlaces, formatUnits, toUnits } from "../decimal";
import type { Dimension, GradeRule, MonetaryUnit, Profile, TieRule } from "../types";

/** An exact decimal as a whole number of 10^-places units, with its text ("15000", "0.5"). */
interface ExactDecimal {
  units: number;
  places: number;
  text: string;
}

export interface IntegerGrade {
  grade: string;
  /** How X (in score units) is compared with `cut`; null for the last, catch-all grade. */
  op: ">" | ">=" | null;
  /** The cut-off in score units (X's scale). */
  cut: number | null;
  cadence: GradeRule["cadence"];
}

export interface IntegerThresholds {
  /** Whole days: D <= recency[0] gives 5, <= [1] 4, <= [2] 3, <= [3] 2, else 1. */
  recency: number[];
  /** Whole purchase counts: S > frequency[j] adds one point to 1 for each j. */
  frequency: number[];
  /** Bounds in the input's unit, each to its exact decimal: Z > monetary[j] adds one point to 1. */
  monetary: ExactDecimal[];
}

export interface IntegerProfile {
  profile: Profile;
  method: Profile["method"];
  /** Number of scores per dimension (5 for thresholds). */
  bins: number;
  ties: TieRule;
  /** X = wR·r + wF·f + wM·m in units of 10^-scorePlaces. */
  scorePlaces: number;
  weights: Record<Dimension, number>;
  grades: IntegerGrade[];
  thresholds?: IntegerThresholds;
  /** Decimals an amount needs, in the input's unit, to be compared exactly with every monetary bound (at least 6). */
  moneyPlaces: number;
  /** Thresholds profiles need Z > 0 (RULES.md §8); quantile profiles rank Z as it is. */
  requirePositiveTotal: boolean;
  /** Unit of the amounts the back-end reads. */
  unit: MonetaryUnit;
}

/** Money is exact to 0.000001 of its unit (README, MoneySums). */
const MONEY_PLACES_FLOOR = 6;

/**
 * The integer form of `profile` for amounts read in `unit` (default the profile's own). Weights and grade cut-offs
 * share one power of ten (the one the engine's own scoring uses); day and count bounds are whole numbers because D
 * and S are (D <= 10.5 is D <= 10); monetary bounds move into the input's unit by shifting the decimal point, never
 * by multiplying doubles.
 */
export function integerProfile(profile: Profile, unit: MonetaryUnit = profile.monetaryUnit): IntegerProfile {
  const places = scorePlaces(profile);
  const weights = {
    recency: toUnits(profile.weights.recency, places),
    frequency: toUnits(profile.weights.frequency, places),
    monetary: toUnits(profile.weights.monetary, places),
  };
  const last = profile.grades.length - 1;
  const grades: IntegerGrade[] = profile.grades.map((g, i) => {
    if (i === last) return { grade: g.grade, op: null, cut: null, cadence: g.cadence };
    const above = g.above !== undefined;
    return {
      grade: g.grade,
      op: above ? ">" : ">=",
      cut: toUnits((above ? g.above : g.atLeast) as number, places),
      cadence: g.cadence,
    };
  });
  let thresholds: IntegerThresholds | undefined;
  let moneyPlaces = MONEY_PLACES_FLOOR;
  if (profile.method === "thresholds") {
    const shift = boundShift(unit, profile.monetaryUnit);
    const monetary = profile.thresholds.monetary.map((b) => shiftedDecimal(b, shift));
    moneyPlaces = Math.max(moneyPlaces, ...monetary.map((b) => b.places));
    thresholds = {
      recency: profile.thresholds.recency.map(Math.floor),
      frequency: profile.thresholds.frequency.map(Math.floor),
      monetary,
    };
  }
  return {
    profile,
    method: profile.method,
    bins: profile.method === "quantiles" ? profile.bins : 5,
    ties: profile.method === "quantiles" ? profile.ties : "average",
    scorePlaces: places,
    weights,
    grades,
    thresholds,
    moneyPlaces,
    requirePositiveTotal: profile.method === "thresholds",
    unit,
  };
}

/** x × 10^shift as an exact decimal (1.5 wan in yuan is 15000; 0.5 yuan in wan is 0.00005). */
function shiftedDecimal(x: number, shift: number): ExactDecimal {
  const own = decimalPlaces(x);
  let units = toUnits(x, own);
  let places = own - shift;
  if (places < 0) {
    units *= 10 ** -places;
    places = 0;
  }
  return { units, places, text: formatUnits(units, places) };
}

/** Decimal places that make every weight and grade cut-off of the profile a whole number of units. */
function scorePlaces(profile: Profile): number {
  const values = [
    ...(["recency", "frequency", "monetary"] as Dimension[]).map((d) => profile.weights[d]),
    ...profile.grades.map(cutOff).filter((c): c is number => c !== undefined),
  ];
  return Math.max(0, ...values.map(decimalPlaces));
}

function cutOff(g: GradeRule): number | undefined {
  return g.above ?? g.atLeast;
}

/** Amounts are compared in the input's unit: a wan bound read against yuan amounts is 10^4 times larger. */
function boundShift(input: MonetaryUnit, profileUnit: MonetaryUnit): number {
  if (input === profileUnit) return 0;
  return profileUnit === "wan" ? 4 : -4;
}

/** Grades are tried in order: X > above, or X >= atLeast; the last grade takes the rest (RULES.md §5). */
export function gradeIndexOf(x: number, grades: readonly IntegerGrade[]): number {
  const last = grades.length - 1;
  for (let g = 0; g < last; g++) {
    const { op, cut } = grades[g];
    if (op === ">" ? x > (cut as number) : x >= (cut as number)) return g;
  }
  return last;
}
