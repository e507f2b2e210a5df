/**
 * A grading with nothing to grade: no row below the header, or a column the grading reads in which not one row holds
 * a readable value (a date column with no date, an amount column with no number). Every row would be "not graded"
 * for the same reason, so the result would be an empty table: every interface refuses it instead, naming the column,
 * because the likely cause is the wrong column, not a thousand bad rows.
 */
import type { GradeResult } from "./grade";
import { ENGINE_TEXTS } from "../i18n/engine";
import type { IssueCode, Lang, Role, RowIssue } from "./types";

export type NothingToGrade =
  /** No row (or sale) below the header, or only blank ones. */
  | { reason: "noRows" }
  /** Not one of the rows holds a readable value in these columns (by role, in the order the grading reads them). */
  | { reason: "unreadableColumns"; roles: Role[] };

/** The codes that say a cell of that role holds no readable value at all (as against a value the rules refuse). */
const UNREADABLE: Partial<Record<IssueCode, true>> = {
  dateMissing: true,
  dateInvalid: true,
  saleDateMissing: true,
  saleDateInvalid: true,
  countMissing: true,
  countInvalid: true,
  totalMissing: true,
  totalInvalid: true,
  amountMissing: true,
  amountInvalid: true,
  idMissing: true,
  errorValue: true,
};

/** The roles whose column must hold readable values, per kind (a customer table's ids are optional). */
const READ_ROLES: Record<GradeResult["kind"], Role[]> = {
  customers: ["date", "count", "total"],
  transactions: ["id", "date", "amount"],
};

/** Whether the result has nothing to grade, and why; null when at least one row could be read. */
export function nothingToGrade(res: GradeResult): NothingToGrade | null {
  const sales = res.summary.sales;
  const rows = sales ? sales.read - (sales.blank ?? 0) : res.summary.rows - (res.summary.blankRows ?? 0);
  if (rows <= 0) return { reason: "noRows" };
  const issues = sales ? (res.saleIssues ?? []) : res.issues;
  const roles = READ_ROLES[res.kind].filter((role) => unreadableRows(issues, role) === rows);
  return roles.length > 0 ? { reason: "unreadableColumns", roles } : null;
}

/** Rows with no readable value in the column of `role` (issues are in row order, several per row possible). */
function unreadableRows(issues: readonly RowIssue[], role: Role): number {
  let count = 0,
    previous = -1;
  for (const issue of issues) {
    if (issue.role !== role || !UNREADABLE[issue.code] || issue.index === previous) continue;
    count++;
    previous = issue.index;
  }
  return count;
}

/**
 * The refusal in words, naming the column of the first role concerned by its header (`columnName`, or the role's name
 * when unknown): "No row has a date in column “日期”: check that the order date's column is the right one."
 */
export function nothingToGradeText(
  nothing: NothingToGrade,
  kind: GradeResult["kind"],
  lang: Lang,
  columnName?: (role: Role) => string,
): string {
  const t = ENGINE_TEXTS[lang];
  if (nothing.reason === "noRows") return t.nothingToGrade.noRows;
  const role = nothing.roles[0];
  const meant = (kind === "transactions" && t.nothingToGrade.salesRoleNames[role]) || t.roleNames[role];
  const column = columnName?.(role) || meant;
  return t.nothingToGrade.unreadableColumn(t.nothingToGrade.holds[role], column, meant);
}
