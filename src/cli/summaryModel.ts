/** The summary sheet's model for a command-line run: the engine builds it from the result and what the run knows. */
import { basename } from "path";
import { buildSummaryModel, formatIssue, gradedAtText, noteText, todayDay, type Lang, type NoteContext, type SummaryModel } from "../engine";
import type { GradedTable } from "./gradeTable";
import { packageVersion } from "./packageVersion";

export interface RunFiles {
  input: string;
  out?: string;
  previous?: string;
}

export function cliSummaryModel(graded: GradedTable, lang: Lang, files: RunFiles, now: Date): SummaryModel {
  const { res, table } = graded;
  // The summary lists the row in a column of its own, so the reasons name the column only.
  const reasons: NoteContext = { columnName: graded.noteContext.columnName };
  const rowOf = (index: number) => table.firstRowNumber + index;
  const notGradedIndexes: number[] = [];
  for (const issue of res.issues) {
    if (!issue.graded && notGradedIndexes[notGradedIndexes.length - 1] !== issue.index) notGradedIndexes.push(issue.index);
  }
  const sheet = table.sheetName ? ` [${table.sheetName}]` : "";
  return buildSummaryModel(res, {
    lang,
    version: packageVersion(),
    generatedAt: gradedAtText(now, todayDay(now)),
    source: basename(files.input) + sheet,
    output: files.out ? basename(files.out) : "",
    notGraded:
      res.kind === "customers"
        ? notGradedIndexes.map((i) => ({ row: rowOf(i), reason: noteText(res, i, lang, reasons) }))
        : [
            ...notGradedIndexes.map((i) => ({ row: res.customers!.ids.at(i) ?? "", reason: noteText(res, i, lang, reasons) })),
            ...(res.saleIssues ?? []).map((issue) => ({ row: rowOf(issue.index), reason: formatIssue(issue, lang, graded.saleContext) })),
          ],
    migration: graded.migration,
    previousSource: files.previous ? basename(files.previous) : undefined,
    unitSource: { source: graded.unit.source, header: graded.moneyHeader },
  });
}
