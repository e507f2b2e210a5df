/**
 * The cells the pane writes for a grading: the engine's result columns (resultColumns.ts) that apply, as Excel values,
 * with their headers and number formats; for sales records the customer columns first.
 */
import {
  CUSTOMER_COLUMNS, dayToSerial, resultCell, resultColumns, resultSetting, type GradeMigration, type GradeResult, type Lang,
  type NoteContext, type ResultColumn, type ResultRows,
} from "../engine";
import type { OutputCell } from "../excel";

/** The result columns a grading writes: next contact with contact periods, the comparison when one was made. */
export function gradingColumns(res: GradeResult, migration?: GradeMigration): ResultColumn[] {
  return resultColumns(resultSetting(res, migration !== undefined));
}

/** One row's result cells: dates as serials of the workbook's date system, exact decimals as the nearest double. */
function resultCells(columns: readonly ResultColumn[], rows: ResultRows, i: number, date1904: boolean): OutputCell[] {
  return columns.map((column) => {
    const v = resultCell(column, column.value(rows, i));
    return column.kind === "date" && v !== null ? dayToSerial(v as number, date1904) : v;
  });
}

/** The result columns for each input row, header first. */
export function customerOutputValues(
  res: GradeResult, lang: Lang, notes: NoteContext, columns: readonly ResultColumn[], date1904: boolean, migration?: GradeMigration,
): OutputCell[][] {
  const rows: ResultRows = { res, lang, notes, migration };
  const out: OutputCell[][] = [columns.map((c) => c.header[lang])];
  for (let i = 0; i < res.n; i++) out.push(resultCells(columns, rows, i, date1904));
  return out;
}

/** One row per customer of sales records: the customer columns (the last order date a serial), then the result columns. */
export function salesOutputValues(
  res: GradeResult, lang: Lang, notes: NoteContext, columns: readonly ResultColumn[], date1904: boolean,
): OutputCell[][] {
  const rows: ResultRows = { res, lang, notes };
  const out: OutputCell[][] = [[...CUSTOMER_COLUMNS.map((c) => c.header[lang]), ...columns.map((c) => c.header[lang])]];
  const customers = res.customers;
  if (!customers) return out;
  for (let j = 0; j < customers.ids.length; j++) {
    const own = CUSTOMER_COLUMNS.map((column) => {
      const v = column.value(customers, j);
      return column.kind === "date" && v !== null ? dayToSerial(v as number, date1904) : v;
    });
    out.push([...own, ...resultCells(columns, rows, j, date1904)]);
  }
  return out;
}

/** Number formats of the result columns, as declared (null: General). */
export function resultFormats(columns: readonly ResultColumn[]): (string | null)[] {
  return columns.map((c) => c.format ?? null);
}

/** Number formats of sales output: the customer columns', then the result columns'. */
export function salesFormats(columns: readonly ResultColumn[]): (string | null)[] {
  return [...CUSTOMER_COLUMNS.map((c) => c.format ?? null), ...resultFormats(columns)];
}

/** Where the grade stands among `columns` (its cells get the grade colours). */
export function gradePosition(columns: readonly ResultColumn[]): number {
  return columns.findIndex((c) => c.id === "grade");
}
