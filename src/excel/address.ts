/** A1 addresses and rectangles of cells (0-based), for the adapter's own bookkeeping. */
import { columnLetters } from "../engine";

export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Sheet names other than plain identifiers must be quoted in addresses, with ' doubled. */
function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "B2:H10" (or "B2" for one cell), no sheet. */
export function cellsAddress(a: Area): string {
  const start = `${columnLetters(a.col)}${a.row + 1}`;
  if (a.rows === 1 && a.cols === 1) return start;
  return `${start}:${columnLetters(a.col + a.cols - 1)}${a.row + a.rows}`;
}

/** "Sales!B2:H10", as Excel reports `range.address`. */
export function sheetAddress(sheetName: string, a: Area): string {
  return `${quoteSheetName(sheetName)}!${cellsAddress(a)}`;
}

export function intersectAreas(a: Area, b: Area): Area | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  if (rowEnd <= row || colEnd <= col) return null;
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}

export function containsArea(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

/** The indexes Office reports for a loaded range. */
export function areaOf(r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Area {
  return { row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
}

export const AREA_PROPS = "rowIndex,columnIndex,rowCount,columnCount";
