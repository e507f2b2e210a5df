/**
 * The cells the pane writes for a grading: the engine's result columns (resultColumns.ts) that apply, as Excel values,
 * with their headers and number formats; for sales records the customer columns first.
 */
import {
  carriedValue,
  CUSTOMER_COLUMNS,
  dayToSerial,
  resultCell,
  resultColumns,
  resultSetting,
  type GradeMigration,
  type GradeResult,
  type Lang,
  type NoteContext,
  type ResultColumn,
  type ResultRows,
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
  res: GradeResult,
  lang: Lang,
  notes: NoteContext,
  columns: readonly ResultColumn[],
  date1904: boolean,
  migration?: GradeMigration,
): OutputCell[][] {
  const rows: ResultRows = { res, lang, notes, migration };
  const out: OutputCell[][] = [columns.map((c) => c.header[lang])];
  for (let i = 0; i < res.n; i++) out.push(resultCells(columns, rows, i, date1904));
  return out;
}

/** The headers of the columns sales records carry into their customers' rows (RULES.md §7), in table order. */
export function carriedHeaders(res: GradeResult): string[] {
  return res.customers?.carried?.headers ?? [];
}

/**
 * The cells customer j carries, as its sale held them (text, number, a date's serial); an error value as its text,
 * so that "#N/A" in a phone column is shown, not taken for a failure of the grading.
 */
export function carriedCells(res: GradeResult, j: number): OutputCell[] {
  const carried = res.customers?.carried;
  if (!carried) return [];
  return carried.headers.map((_, c) => {
    const v = carriedValue(carried, j, c);
    return v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : (v as OutputCell);
  });
}

/**
 * One row per customer of sales records: the customer, the columns carried with its sales (its most recent sale's
 * name, contact …), its last order date (a serial), purchases and amount, then the result columns.
 */
export function salesOutputValues(
  res: GradeResult,
  lang: Lang,
  notes: NoteContext,
  columns: readonly ResultColumn[],
  date1904: boolean,
): OutputCell[][] {
  const rows: ResultRows = { res, lang, notes };
  const [idHeader, ...ownHeaders] = CUSTOMER_COLUMNS.map((c) => c.header[lang]);
  const out: OutputCell[][] = [
    [idHeader, ...carriedHeaders(res), ...ownHeaders, ...columns.map((c) => c.header[lang])],
  ];
  const customers = res.customers;
  if (!customers) return out;
  for (let j = 0; j < customers.ids.length; j++) {
    const [id, ...own] = CUSTOMER_COLUMNS.map((column) => {
      const v = column.value(customers, j);
      return column.kind === "date" && v !== null ? dayToSerial(v as number, date1904) : v;
    });
    out.push([id, ...carriedCells(res, j), ...own, ...resultCells(columns, rows, j, date1904)]);
  }
  return out;
}

/** Number formats of the result columns, as declared (null: General). */
export function resultFormats(columns: readonly ResultColumn[]): (string | null)[] {
  return columns.map((c) => c.format ?? null);
}

/**
 * Number formats of sales output: the customer's id, the carried columns' (as their sales sheet formats them), the
 * other customer columns', then the result columns'.
 */
export function salesFormats(
  columns: readonly ResultColumn[],
  carriedFormats: readonly (string | null)[] = [],
): (string | null)[] {
  const [id, ...own] = CUSTOMER_COLUMNS.map((c) => c.format ?? null);
  return [id, ...carriedFormats, ...own, ...resultFormats(columns)];
}

/** Where the grade stands among `columns` (its cells get the grade colours). */
export function gradePosition(columns: readonly ResultColumn[]): number {
  return columns.findIndex((c) => c.id === "grade");
}
