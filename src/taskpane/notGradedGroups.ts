/** Rows not graded, grouped by reason, so the user can select each group in the sheet and fix it in one go. */
import { formatIssue } from "../engine";
import type { GradeResult, IssueCode, Lang, NoteContext, RowIssue } from "../engine";
import type { SourceTable, WriteResult } from "../excel";
import { sheetRow } from "./sourceRows";

export interface NotGradedGroup {
  code: IssueCode;
  /** The reason in the user's words, naming the column (and the value when the group has one row). */
  reason: string;
  /** How many rows (customer tables), customers or sales (sales records) it holds. */
  count: number;
  /** Where to select them: the source sheet, or the output sheet for customers made from sales records. */
  sheetName: string;
  /** 1-based sheet rows, ascending. */
  rows: number[];
}

/** First row of an address such as "'RFM 客户'!A1:K6" (1-based). */
function firstRow(address: string): number {
  const m = /!\$?[A-Z]+\$?(\d+)/.exec(address);
  return m ? Number(m[1]) : 1;
}

function group(
  issues: readonly RowIssue[],
  rowOf: (index: number) => number,
  sheetName: string,
  lang: Lang,
  context: NoteContext,
): NotGradedGroup[] {
  const byCode = new Map<string, { issues: RowIssue[]; rows: Set<number> }>();
  for (const issue of issues) {
    if (issue.graded) continue;
    const key = `${issue.code}|${issue.role}`;
    let entry = byCode.get(key);
    if (!entry) byCode.set(key, (entry = { issues: [], rows: new Set() }));
    entry.issues.push(issue);
    entry.rows.add(rowOf(issue.index));
  }
  return [...byCode.values()]
    .map(({ issues: found, rows }) => {
      const first = found[0];
      // One row: its own value; several: the values differ, so the reason is told without one.
      const shown = rows.size === 1 ? first : { ...first, value: "…" };
      return {
        code: first.code,
        reason: formatIssue(shown, lang, { columnName: context.columnName }),
        count: rows.size,
        sheetName,
        rows: [...rows].sort((a, b) => a - b),
      };
    })
    .sort((a, b) => b.count - a.count);
}

export function groupNotGraded(
  res: GradeResult,
  source: SourceTable,
  written: WriteResult,
  lang: Lang,
  context: NoteContext,
): NotGradedGroup[] {
  if (res.kind === "customers") return group(res.issues, (i) => sheetRow(source, i), source.sheetName, lang, context);
  // Sales records: customers not graded stand in the output sheet (header first), skipped sales in the source.
  const outputFirst = firstRow(written.address);
  return [
    ...group(res.issues, (i) => outputFirst + 1 + i, written.sheetName, lang, context),
    ...group(res.saleIssues ?? [], (i) => sheetRow(source, i), source.sheetName, lang, context),
  ];
}
