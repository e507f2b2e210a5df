/** What the summary sheet shows, built by the engine from the result and what only the pane knows. */
import { buildSummaryModel, formatIssue, gradedAtText, noteText, todayDay } from "../engine";
import type { GradeMigration, GradeResult, NoteContext, RowIssue, SummaryModel } from "../engine";
import type { WriteResult } from "../excel";
import addin from "../../package.json";
import type { GradeRequest } from "./gradingFlow";
import { noteContext, sheetRow } from "./sourceRows";

export function summaryModel(
  res: GradeResult, request: GradeRequest, written: WriteResult, now: Date, migration?: GradeMigration, previousSource?: string,
): SummaryModel {
  const { lang, source } = request;
  const context = noteContext(source, request.detection.mapping);
  // The summary lists the row in a column of its own, so the reasons name the column only.
  const reasons: NoteContext = { columnName: context.columnName };
  return buildSummaryModel(res, {
    lang,
    version: addin.version,
    generatedAt: gradedAtText(now, todayDay(now)),
    source: source.address,
    output: written.address,
    notGraded:
      res.kind === "customers"
        ? notGradedIndexes(res.issues).map((i) => ({ row: sheetRow(source, i), reason: noteText(res, i, lang, reasons) }))
        : [
            ...notGradedIndexes(res.issues).map((i) => ({ row: res.customers?.ids.at(i) ?? i + 1, reason: noteText(res, i, lang, reasons) })),
            ...(res.saleIssues ?? []).map((issue) => ({ row: sheetRow(source, issue.index), reason: formatIssue(issue, lang, reasons) })),
          ],
    migration,
    previousSource,
    unitSource: request.unitSource,
  });
}

function notGradedIndexes(issues: readonly RowIssue[]): number[] {
  const indexes: number[] = [];
  for (const issue of issues) if (!issue.graded && indexes[indexes.length - 1] !== issue.index) indexes.push(issue.index);
  return indexes;
}
