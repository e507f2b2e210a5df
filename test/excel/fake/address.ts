/**
 * A1 addresses for the Excel test double. Deliberately independent of the adapter's own address code, so a bug in
 * one is caught by the other.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits "Sheet!A1:B2" / "'My sheet'!A1" into sheet name (or undefined) and the cell part. */
export function splitSheet(address: string): { sheet?: string; cells: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { cells: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cells: address.slice(bang + 1).trim() };
}

interface Corner {
  row?: number;
  col?: number;
}

function parseCorner(text: string): Corner {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text);
  if (!m || (m[1] === "" && m[2] === "")) throw new Error(`bad address part "${text}"`);
  return {
    col: m[1] ? lettersToColumn(m[1]) : undefined,
    row: m[2] ? Number(m[2]) - 1 : undefined,
  };
}

/** Parses the cell part of an address: "B3", "A1:C9", "A:C" (whole columns), "2:5" (whole rows). */
export function parseCells(cells: string): Rect {
  const [a, b = a] = cells.split(":");
  const p = parseCorner(a);
  const q = parseCorner(b);
  const r0 = p.row ?? 0;
  const r1 = q.row ?? MAX_ROWS - 1;
  const c0 = p.col ?? 0;
  const c1 = q.col ?? MAX_COLUMNS - 1;
  const rect = {
    row: Math.min(r0, r1),
    col: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    cols: Math.abs(c1 - c0) + 1,
  };
  if (rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLUMNS)
    throw new Error(`address off the sheet: ${cells}`);
  return rect;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:C3" (single cell: "Sheet1!B2"), as Excel reports `range.address`. */
export function formatAddress(sheet: string, rect: Rect): string {
  const start = `${columnLetters(rect.col)}${rect.row + 1}`;
  const end = `${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
  return `${quoteSheet(sheet)}!${rect.rows === 1 && rect.cols === 1 ? start : `${start}:${end}`}`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  if (rowEnd <= row || colEnd <= col) return null;
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}
