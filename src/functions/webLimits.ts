/**
 * How much an RFM formula may take and return in Excel on the web.
 *
 * Why: Excel on the web hands a custom function its arguments, and takes its result back, in messages Microsoft
 * limits to about 5 MB. Over that the formula never finishes (#BUSY!) or fails (#CALC!) and nobody learns why —
 * three whole columns (3 × 1,048,576 cells) or a 200,000-customer RFM.SALES spill are far over it. So on the web a
 * formula whose ranges or result exceed a budget set well below the limit shows #VALUE! saying what to do instead.
 * Desktop Excel has no such limit: there whole columns keep working.
 *
 * The budget is a number of cells, which a user can check against a range: 4,000,000 bytes (80 % of 5 MB, leaving
 * room for the message's own envelope and for other formulas Excel sends in the same batch) at 32 bytes per cell of
 * the JSON Excel sends, a conservative figure: in a one-column range a ten-character Chinese customer name takes 35
 * bytes (UTF-8, quotes, brackets, comma), a date serial 8 and an amount with float noise 21, 21 on average, and even
 * a budget of names only stays under 5 MB (test/functions/webLimits.test.ts measures sales records made to be
 * long). A result is also measured in bytes, as rows that cannot be graded carry a message in every cell.
 */
import { FORMULA_TEXTS, FormulaInputError } from "./formulaMessages";
import { isFormulaError, runsOnTheWeb } from "./officeHost";

/** Microsoft's limit on one request or response of Excel on the web. */
export const WEB_MESSAGE_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one formula may use of it, each way. */
export const WEB_FORMULA_BYTES = 4_000_000;
/** The JSON bytes one cell is budgeted at. */
export const WEB_BYTES_PER_CELL = 32;
/** Cells a formula may take in all its ranges together, and return: 125,000. */
export const WEB_CELL_BUDGET = WEB_FORMULA_BYTES / WEB_BYTES_PER_CELL;

/** Cells of a range argument as Excel passed it (a matrix, or one cell). */
function cellsOf(arg: unknown): number {
  if (!Array.isArray(arg)) return 1;
  const first: unknown = arg[0];
  return arg.length * (Array.isArray(first) ? Math.max(1, first.length) : 1);
}

/** The shape of the ranges for a message: "3 ranges of 1,048,576 rows". */
function shapeOf(ranges: readonly unknown[]): { ranges: number; rows: number } {
  return { ranges: ranges.length, rows: Math.max(...ranges.map((r) => (Array.isArray(r) ? r.length : 1))) };
}

/**
 * On Excel on the web, refuses ranges holding more than WEB_CELL_BUDGET cells together (a FormulaInputError the
 * functions show as #VALUE!). Elsewhere it does nothing. Cheap: it looks at the ranges' sizes, not their cells.
 */
export function refuseLargeRangesOnTheWeb(ranges: readonly unknown[]): void {
  if (!runsOnTheWeb()) return;
  const cells = ranges.reduce<number>((sum, r) => sum + cellsOf(r), 0);
  if (cells > WEB_CELL_BUDGET)
    throw new FormulaInputError(FORMULA_TEXTS.webRangesTooLarge(cells, shapeOf(ranges), WEB_CELL_BUDGET));
}

/** UTF-8 bytes of a text. */
function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x800) bytes += c >= 0xd800 && c <= 0xdfff ? 1 : 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

/** Bytes an error cell is budgeted at besides its message (its type and code as Excel sends them). */
const ERROR_CELL_BYTES = 60;

/** The JSON bytes of one returned cell, estimated generously. */
function cellBytes(v: unknown): number {
  if (typeof v === "number") return String(v).length;
  if (typeof v === "string") return utf8Bytes(v) + 2;
  if (typeof v === "boolean") return 5;
  if (v === null || v === undefined) return 4;
  if (isFormulaError(v)) return ERROR_CELL_BYTES + utf8Bytes(String((v as { message?: unknown }).message ?? ""));
  return utf8Bytes(JSON.stringify(v) ?? "");
}

/** Estimated JSON bytes of a result matrix: its cells, a comma each, and each row's brackets and comma. */
export function resultBytes(matrix: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of matrix) {
    bytes += 3;
    for (const v of row) bytes += cellBytes(v) + 1;
  }
  return bytes;
}

/**
 * On Excel on the web, refuses a result of more than WEB_CELL_BUDGET cells or WEB_FORMULA_BYTES bytes (a
 * FormulaInputError, shown as #VALUE!); elsewhere it does nothing.
 */
export function refuseLargeResultOnTheWeb(matrix: readonly (readonly unknown[])[], salesRecords: boolean): void {
  if (!runsOnTheWeb()) return;
  const rows = matrix.length;
  const columns = rows > 0 ? matrix[0].length : 0;
  if (rows * columns <= WEB_CELL_BUDGET && resultBytes(matrix) <= WEB_FORMULA_BYTES) return;
  throw new FormulaInputError(FORMULA_TEXTS.webResultTooLarge(rows, columns, WEB_CELL_BUDGET, salesRecords));
}
