import { cellNumber, type Cell, type Role } from "../engine";
import type { DecimalReading } from "./csv/decimals";
import type { Delimiter, EncodingEvidence, InputEncoding } from "./decodeInput";

/**
 * A sheet as read from a file: a header row and the data rows below it, cell values as the engine takes them. Cells
 * are reached through functions so that a large CSV never has to exist as millions of strings at once.
 */
export interface Table {
  source: "csv" | "xlsx";
  headers: Cell[];
  rowCount: number;
  width: number;
  /** Cell c of data row i (0-based) as read: text for CSV; numbers, Dates, text, `{ error }` for .xlsx. */
  cell(i: number, c: number): Cell;
  /** Data row i, `width` cells. */
  row(i: number): Cell[];
  /**
   * Column c of every data row for the engine, given the role it plays. May differ from `cell` only in form, never in
   * what the engine makes of it (see csvTable: serials and numbers, typed arrays when a column is all of them).
   * `idsRepeat`: sales records, where each id comes back on every sale (the engine's RepeatedCells then). A column
   * `carried` with sales records (a customer's name on each of its sales) is read as text, repeated cells too.
   */
  engineColumn(c: number, role: Role | "carried", idsRepeat?: boolean): ArrayLike<Cell>;
  /** The table whose header is data row k (a title above the real header). */
  below(k: number): Table;
  /** Sheet row number of data row 0 as the user sees it (the header is on the row above). */
  firstRowNumber: number;
  date1904: boolean;
  sheetName?: string;
  /** .xlsx only: data rows the sheet hides (they are read and graded like the others; the summary says how many). */
  hiddenRows?: number;
  /** .xlsx only: the number format of each column's first formatted data cell, kept for the output workbook. */
  columnFormats?: (string | undefined)[];
  /**
   * CSV only, when every record is exactly one line of the file: where each data row's bytes are, so that CSV
   * output copies unchanged rows as they were instead of re-quoting them field by field.
   */
  rawRows?: RawRows;
  /**
   * CSV only: the number cell v of column c stands for, read with its column's decimal separator (csv/decimals.ts:
   * "1.234,56" in a semicolon-separated file), NaN when it is none or doubtful. Absent: the engine's own reading.
   */
  numberOf?(c: number, v: Cell): number;
  /** CSV only: the decimal separator each number column was read with, where its cells needed one. */
  decimals?(): { column: number; reading: DecimalReading }[];
  /** CSV only: how the text was read (for the summary). */
  text?: { encoding: InputEncoding; bom: boolean; evidence: EncodingEvidence; delimiter: Delimiter };
}

/** Data row i is bytes[starts[i], ends[i]) (without its line break), `missing[i]` cells short of the table's width. */
export interface RawRows {
  bytes: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  missing: Uint32Array;
}

/** Header texts for messages ("the headers are: ..."). */
export function headerTexts(table: Table): string[] {
  return table.headers.map((h) => (h === null || h === undefined ? "" : String(h).trim()));
}

/** A table over rows already in memory (a worksheet). */
export function rowsTable(
  rows: Cell[][],
  fields: Omit<Table, "rowCount" | "cell" | "row" | "engineColumn" | "below" | "rawRows">,
): Table {
  const { width } = fields;
  const cell = (i: number, c: number): Cell => rows[i][c] ?? null;
  return {
    ...fields,
    rowCount: rows.length,
    cell,
    row: (i) => Array.from({ length: width }, (_, c) => cell(i, c)),
    engineColumn: (c) => rows.map((row) => row[c] ?? null),
    below: (k) =>
      rowsTable(rows.slice(k + 1), { ...fields, headers: rows[k], firstRowNumber: fields.firstRowNumber + k + 1 }),
  };
}

/** The number a cell of column c stands for, as the table reads numbers (see Table.numberOf), or NaN. */
export function numberOf(table: Table, c: number, v: Cell): number {
  return table.numberOf ? table.numberOf(c, v) : cellNumber(v);
}
