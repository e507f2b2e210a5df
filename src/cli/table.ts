import type { Cell } from "../engine";

/** A sheet as read from a file: a header row and the data rows below it, cell values as the engine takes them. */
export interface Table {
  source: "csv" | "xlsx";
  headers: Cell[];
  /** Data rows, top to bottom; a row may be shorter than `width` (missing cells are empty). */
  rows: Cell[][];
  width: number;
  /** Sheet row number of rows[0] as the user sees it (the header is on the row above). */
  firstRowNumber: number;
  date1904: boolean;
  sheetName?: string;
  /** .xlsx only: the number format of each column's first formatted data cell, kept for the output workbook. */
  columnFormats?: (string | undefined)[];
  /**
   * CSV only, when every record is exactly one line of the file: where each data row's bytes are, so that CSV
   * output copies unchanged rows as they were instead of re-quoting them field by field.
   */
  rawRows?: RawRows;
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

/** The cells of the given columns, top to bottom (the engine is column-oriented), in one pass over the rows. */
export function columnsCells(table: Table, indexes: readonly number[]): Cell[][] {
  const rows = table.rows;
  const columns = indexes.map(() => new Array<Cell>(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let c = 0; c < indexes.length; c++) columns[c][i] = row[indexes[c]];
  }
  return columns;
}
