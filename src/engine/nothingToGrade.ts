/**
 * A grading with nothing to grade: no row below the header, or a column the grading reads in which not one row holds
 * a readable value (a date column with no date, an amount column with no number). Every row would be "not graded"
 * for the same reason, so the result would be an empty table: every interface refuses it instead, naming the column,
 * because the likely cause is the wrong column, not a thousand bad rows.
 */
import type { GradeResult } from "./grade";
import { ROLE_NAMES } from "./messages";
import type { IssueCode, Lang, Localized, Role, RowIssue } from "./types";

export type NothingToGrade =
  /** No row (or sale) below the header, or only blank ones. */
  | { reason: "noRows" }
  /** Not one of the rows holds a readable value in these columns (by role, in the order the grading reads them). */
  | { reason: "unreadableColumns"; roles: Role[] };

/** The codes that say a cell of that role holds no readable value at all (as against a value the rules refuse). */
const UNREADABLE: Partial<Record<IssueCode, true>> = {
  dateMissing: true, dateInvalid: true, saleDateMissing: true, saleDateInvalid: true, countMissing: true,
  countInvalid: true, totalMissing: true, totalInvalid: true, amountMissing: true, amountInvalid: true, idMissing: true,
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
  let count = 0, previous = -1;
  for (const issue of issues) {
    if (issue.role !== role || !UNREADABLE[issue.code] || issue.index === previous) continue;
    count++;
    previous = issue.index;
  }
  return count;
}

/** What a column of each role should hold, for "no row has … in column X". */
const WHAT_ROLE_HOLDS: Record<Role, Localized> = {
  id: { en: "has a customer id", zh: "填写了客户编号" },
  date: { en: "has a date", zh: "是日期" },
  count: { en: "has a number", zh: "是数字" },
  total: { en: "has a number", zh: "是数字" },
  amount: { en: "has a number", zh: "是数字" },
};

/** What the column was chosen for, in sales records (a customer table's names are the engine's role names). */
const SALES_ROLE_NAMES: Partial<Record<Role, Localized>> = {
  date: { en: "order date", zh: "下单时间" },
};

/**
 * The refusal in words, naming the column of the first role concerned by its header (`columnName`, or the role's name
 * when unknown): "No row has a date in column “日期”: check that the order date's column is the right one."
 */
export function nothingToGradeText(
  nothing: NothingToGrade, kind: GradeResult["kind"], lang: Lang, columnName?: (role: Role) => string,
): string {
  if (nothing.reason === "noRows") {
    return lang === "zh" ? "标题行下方没有可分级的数据行。" : "There are no rows to grade below the header.";
  }
  const role = nothing.roles[0];
  const meant = ((kind === "transactions" && SALES_ROLE_NAMES[role]) || ROLE_NAMES[role])[lang];
  const column = columnName?.(role) || meant;
  const what = WHAT_ROLE_HOLDS[role][lang];
  return lang === "zh"
    ? `“${column}”列中没有一行${what}：请检查${meant}是否选对了列。`
    : `No row ${what} in column “${column}”: check that this is the ${meant} column.`;
}
