/**
 * The per-grade figures the result card shows. The rule for them (customers, share of customers, amount, share of
 * the amount, exact decimals whose shown shares add up to 100 %) is the engine's `gradeShares`; the amounts are shown
 * as the engine's compact money (万/亿, K/M, the same decimals for the whole column) with the exact figure beside.
 */
import { compactMoneyColumn, gradeShares, shareText } from "../engine";
import type { GradeResult, Lang } from "../engine";

export interface GradeBreakdownRow {
  grade: string;
  customers: number;
  /** Share of the graded customers as shown, e.g. "45.2%". */
  customerShare: string;
  /** Total amount of the grade's customers as shown: "1,234.57万", "12.35K", "950.00". */
  amount: string;
  /** The same amount in full, in yuan ("12,345,678.9 元"), for the tooltip. */
  amountExact: string;
  /** Share of the total amount as shown, e.g. "71.3%". */
  amountShare: string;
}

/** One row per grade of the profile, best first. */
export function gradeBreakdown(res: GradeResult, lang: Lang): GradeBreakdownRow[] {
  const shares = gradeShares(res);
  const money = compactMoneyColumn(
    shares.rows.map((row) => row.amount),
    shares.unit,
    lang,
  );
  return shares.rows.map((row, i) => ({
    grade: row.grade,
    customers: row.customers,
    customerShare: shareText(row.customerShare, lang),
    amount: money[i].text,
    amountExact: money[i].exact,
    amountShare: shareText(row.amountShare, lang),
  }));
}
