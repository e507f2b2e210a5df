/**
 * The per-grade table finance staff ask for ("how much of our revenue is in A?"): customers, share of customers,
 * total amount and share of amount per grade, over the graded customers.
 *
 * Amounts are summed exactly (the engine's money sums: 0.1 + 0.2 is 0.3). Shares are exact fractions, rounded once
 * for display to tenths of a percent by the largest-remainder method, so the displayed shares of a column always
 * add up to exactly 100.0 %: each share is first rounded down, then the tenths still missing go to the grades with
 * the largest remainders (ties: the better grade first).
 */
import type { GradeResult } from "./grade";
import { MoneySums } from "./moneySums";
import type { Lang, MonetaryUnit } from "./types";

/** Displayed shares are tenths of a percent: 1000 units make 100.0 %. */
const SHARE_UNITS = 1000;

export interface Share {
  /** The share as displayed, in tenths of a percent (425 = 42.5 %); a column's shares sum to exactly 1000. */
  tenths: number;
  /** The displayed share as a fraction for a percent cell: tenths / 1000 (0.425 shows as 42.5 % with "0.0%"). */
  value: number;
  /** The exact share in percent, rounded half up to 6 decimals ("33.333333", "42.5"). */
  exactPercent: string;
}

interface GradeShareRow {
  grade: string;
  customers: number;
  /** null when no customer is graded. */
  customerShare: Share | null;
  /** Exact decimal text of the grade's total amount, in `unit` ("1234.5", "0"). */
  amount: string;
  /** The double nearest `amount`, for a number cell. */
  amountValue: number;
  /** null when the graded customers' amounts sum to 0. */
  amountShare: Share | null;
}

export interface GradeShares {
  /** One row per grade of the profile, best first. */
  rows: GradeShareRow[];
  /** Graded customers. */
  customers: number;
  /** Exact decimal text of all graded customers' amounts. */
  amount: string;
  amountValue: number;
  /** Unit of the amounts: the unit the input was read in. */
  unit: MonetaryUnit;
}

interface Exact {
  digits: bigint;
  places: number;
}

function exactOf(text: string): Exact {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const places = dot < 0 ? 0 : body.length - dot - 1;
  const digits = BigInt(dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1));
  return { digits: negative ? -digits : digits, places };
}

/** a / b rounded toward minus infinity (BigInt division truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * parts[i] / whole in tenths of a percent, rounded by largest remainder so the results sum to exactly 1000.
 * Works for any parts summing to `whole` (refunds may make one negative); null when whole is 0.
 */
export function largestRemainderShares(parts: readonly bigint[], whole: bigint): Share[] | null {
  if (whole === 0n) return null;
  const sign = whole < 0n ? -1n : 1n;
  const w = whole * sign;
  const units = BigInt(SHARE_UNITS);
  const floors = parts.map((p) => floorDiv(p * sign * units, w));
  const remainders = parts.map((p, i) => p * sign * units - floors[i] * w);
  let missing = Number(units - floors.reduce((a, b) => a + b, 0n));
  const order = parts
    .map((_, i) => i)
    .sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
  const tenths = floors.map(Number);
  for (const i of order) {
    if (missing <= 0) break;
    if (remainders[i] === 0n) continue;
    tenths[i]++;
    missing--;
  }
  return parts.map((p, i) => ({
    tenths: tenths[i],
    value: tenths[i] / SHARE_UNITS,
    exactPercent: exactPercent(p * sign, w),
  }));
}

/** 100 × part / whole (whole > 0), rounded half up (away from zero) to 6 decimals, without trailing zeros. */
function exactPercent(part: bigint, whole: bigint): string {
  const scaled = part * 100n * 10n ** 6n;
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const q = (abs * 2n + whole) / (2n * whole);
  const text = q.toString().padStart(7, "0");
  const int = text.slice(0, -6);
  const frac = text.slice(-6).replace(/0+$/, "");
  const out = frac ? `${int}.${frac}` : int;
  return negative && q !== 0n ? `-${out}` : out;
}

/** The per-grade table of a grading: counts, exact amounts and shares displayed to 0.1 % that sum to 100 %. */
export function gradeShares(res: GradeResult): GradeShares {
  const grades = res.profile.grades;
  const sums = new MoneySums();
  for (let g = 0; g < grades.length; g++) sums.open();
  const all = sums.open();
  const counts = new Array<number>(grades.length).fill(0);
  for (let i = 0; i < res.n; i++) {
    const g = res.gradeIndex[i];
    if (g < 0) continue;
    counts[g]++;
    sums.add(g, res.amounts[i]);
    sums.add(all, res.amounts[i]);
  }
  const customers = counts.reduce((a, b) => a + b, 0);
  const customerShares = largestRemainderShares(counts.map(BigInt), BigInt(customers));
  const exact = grades.map((_, g) => exactOf(sums.text(g)));
  const places = Math.max(0, ...exact.map((e) => e.places));
  const scaled = exact.map((e) => e.digits * 10n ** BigInt(places - e.places));
  const amountShares = largestRemainderShares(
    scaled,
    scaled.reduce((a, b) => a + b, 0n),
  );
  return {
    rows: grades.map((rule, g) => ({
      grade: rule.grade,
      customers: counts[g],
      customerShare: customerShares?.[g] ?? null,
      amount: sums.text(g),
      amountValue: sums.value(g),
      amountShare: amountShares?.[g] ?? null,
    })),
    customers,
    amount: sums.text(all),
    amountValue: sums.value(all),
    unit: res.summary.unit,
  };
}

/** A displayed share: "42.5%" (the same form in both languages); "–" when there is no share. */
export function shareText(share: Share | null, _lang: Lang = "en"): string {
  if (share === null) return "–";
  const whole = Math.trunc(share.tenths / 10);
  const tenth = Math.abs(share.tenths % 10);
  const sign = share.tenths < 0 && whole === 0 ? "-" : "";
  return `${sign}${whole}.${tenth}%`;
}
