/**
 * The per-grade figures the result card shows. The rule for them (customers, share of customers, amount, share of
 * the amount, exact decimals whose shown shares add up to 100 %) is the engine's `gradeShares`; this module only
 * puts its exact texts into the pane's number form (thousands separators).
 */
import { gradeShares, shareText } from "../engine";
import type { GradeResult, Lang } from "../engine";

export interface GradeBreakdownRow {
  grade: string;
  customers: number;
  /** Share of the graded customers as shown, e.g. "45.2%". */
  customerShare: string;
  /** Total amount of the grade's customers as shown, in the run's unit, e.g. "1,234.5". */
  amount: string;
  /** Share of the total amount as shown, e.g. "71.3%". */
  amountShare: string;
}

/** An exact decimal text ("-1234567.5") with thousands separators ("-1,234,567.5"); the digits stay as they are. */
export function groupDigits(decimal: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (!m) return decimal;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/** One row per grade of the profile, best first. */
export function gradeBreakdown(res: GradeResult, lang: Lang): GradeBreakdownRow[] {
  return gradeShares(res).rows.map((row) => ({
    grade: row.grade,
    customers: row.customers,
    customerShare: shareText(row.customerShare, lang),
    amount: groupDigits(row.amount),
    amountShare: shareText(row.amountShare, lang),
  }));
}
