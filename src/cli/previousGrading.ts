/**
 * `--previous EARLIER`: an earlier result of `rfm grade` (.csv or .xlsx, its first sheet), read back as customer id →
 * grade, and compared with this grading by the engine.
 */
import {
  compareGradings,
  detectColumns,
  normaliseHeader,
  resultColumn,
  type GradeMigration,
  type PreviousGrading,
} from "../engine";
import type { GradedTable } from "./gradeTable";
import { PREVIOUS_TEXTS } from "./previousTexts";
import { unguardedColumn } from "./readBack";
import { readTable } from "./readTable";
import { headerTexts, type Table } from "./table";
import { UsageError } from "./usageError";

const GRADE_HEADERS = new Set(Object.values(resultColumn("grade").header).map(normaliseHeader));

/** The earlier result's ids and grades; a file without a recognisable grade or id column is a usage error. */
async function readPreviousGrading(path: string, idHeader: unknown): Promise<PreviousGrading> {
  const { table } = await readTable(path);
  const headers = headerTexts(table);
  const names = table.headers.map(normaliseHeader);
  // The result columns come last: the last Grade column is the one the command wrote.
  const gradeColumn = names
    .map((n, i) => (GRADE_HEADERS.has(n) ? i : -1))
    .filter((i) => i >= 0)
    .pop();
  if (gradeColumn === undefined) throw new UsageError(PREVIOUS_TEXTS.noGradeColumn(path, headers));
  const idColumn = idColumnOf(table, idHeader);
  if (idColumn === undefined) throw new UsageError(PREVIOUS_TEXTS.noIdColumn(path, headers));
  // Both are read as text, as written (a grade letter, an id such as "007"); a CSV result's cells through the
  // inverse of the formula-injection guard it was written with ("'+86 138…" is the id "+86 138…").
  const read = (c: number) =>
    table.source === "csv" ? unguardedColumn(table.engineColumn(c, "id")) : table.engineColumn(c, "id");
  return { ids: read(idColumn), grades: read(gradeColumn) };
}

/** The column headed like this grading's id column, else the one the engine recognises as the customer id. */
function idColumnOf(table: Table, idHeader: unknown): number | undefined {
  const wanted = normaliseHeader(idHeader);
  const same = table.headers.findIndex((h) => wanted !== "" && normaliseHeader(h) === wanted);
  if (same >= 0) return same;
  return detectColumns(table.headers).mapping.id;
}

/** Compares the grading with the earlier result at `path`, matching customers by id. */
export async function compareWithPrevious(graded: GradedTable, path: string): Promise<GradeMigration> {
  const { table, mapping, res } = graded;
  if (graded.kind === "transactions") {
    const previous = await readPreviousGrading(path, table.headers[mapping.id!]);
    return compareGradings(res, previous);
  }
  if (mapping.id === undefined) throw new UsageError(PREVIOUS_TEXTS.noCurrentIds());
  const previous = await readPreviousGrading(path, table.headers[mapping.id]);
  return compareGradings(res, previous, table.engineColumn(mapping.id, "id"));
}
