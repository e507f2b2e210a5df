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

/** Data row i is bytes[starts[i], ends[i]) (without its line break). */
export interface RawRows {
  bytes: Buffer;
  starts: Int32Array;
  ends: Int32Array;
}

/** Header texts for messages ("the headers are: ..."). */
export function headerTexts(table: Table): string[] {
  return table.headers.map((h) => (h === null || h === undefined ? "" : String(h).trim()));
}

/** The cells of one column, top to bottom (the engine is column-oriented). */
export function columnCells(table: Table, index: number): Cell[] {
  const rows = table.rows;
  const out = new Array<Cell>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i][index];
  return out;
}
