/**
 * The range arguments of a formula as the rows of a table: one column of engine cells per range parameter, with a
 * header row at the top recognised as such and the empty rows below the data left out.
 *
 * Why: people pass whole columns (`B:B`). Excel then hands the function every row of the sheet (1,048,576 values per
 * range, the empty ones as null — or as 0 on Excel builds older than the 2024 fix, OfficeDev/office-js#4702), and
 * the column's first cell is usually its header. The grading must see the data only, and the spill must be as tall
 * as the data, not a million rows of blanks or of #VALUE!.
 */
import { cellError, cellNumber, isBlank, parseDateText } from "../engine";
import { engineCell } from "./cellValues";
import { FORMULA_TEXTS, FormulaInputError, type RangeParameter } from "./formulaMessages";

export interface FormulaRanges {
  /** Engine cells per range parameter (in parameter order), data rows only. */
  columns: unknown[][];
  /** 1 when the first row of the ranges is a header row, else 0: data row i is row i + headerRows of the range. */
  headerRows: number;
  /** Data rows empty in every range (their cells are null in `columns`). */
  empty: Uint8Array;
  /** Data rows (columns[k].length). */
  rows: number;
  /** Rows of the ranges as Excel passed them (a whole column: 1,048,576). */
  height: number;
}

/** A range argument as Excel passed it: a matrix of one-cell rows, or a scalar (one cell). */
interface RawColumn {
  rows: readonly unknown[] | null;
  scalar: unknown;
  height: number;
}

/** One cell (a scalar, or a 1x1 matrix) or a one-column range, without copying it. */
function rawColumn(arg: unknown, parameter: RangeParameter, functionId: string): RawColumn {
  if (!Array.isArray(arg)) return { rows: null, scalar: arg, height: 1 };
  // Excel hands over rectangular matrices: one row tells the width of all.
  const first: unknown = arg[0];
  if (Array.isArray(first) && first.length !== 1) {
    throw new FormulaInputError(FORMULA_TEXTS.notOneColumn(parameter.name, first.length, functionId));
  }
  return { rows: arg, scalar: undefined, height: arg.length };
}

function cellAt(c: RawColumn, i: number): unknown {
  if (c.rows === null) return c.scalar;
  const row: unknown = c.rows[i];
  return Array.isArray(row) ? row[0] : row;
}

/** An empty cell as any Excel build passes it: null, "", or (older desktop builds, in ranges) 0. */
function looksEmpty(v: unknown): boolean {
  return v === 0 || isBlank(v);
}

/** Text that is neither a number, a date nor an error: a column title. */
function isTitle(v: unknown): boolean {
  return (
    typeof v === "string" &&
    !isBlank(v) &&
    cellError(v) === null &&
    Number.isNaN(cellNumber(v)) &&
    parseDateText(v) === null
  );
}

/**
 * Reads the range arguments of `functionId` (`args[k]` is the value of `parameters[k]`). Throws FormulaInputError for
 * a range wider than one column or ranges of different heights.
 */
export function readRanges(
  args: readonly unknown[],
  parameters: readonly RangeParameter[],
  functionId: string,
): FormulaRanges {
  const raw = args.map((arg, k) => rawColumn(arg, parameters[k], functionId));
  const heights = raw.map((c) => c.height);
  if (heights.some((h) => h !== heights[0])) {
    throw new FormulaInputError(
      FORMULA_TEXTS.heightsDiffer(
        parameters.map((p) => p.name),
        heights,
        functionId,
      ),
    );
  }
  const height = heights[0];
  if (height === 0)
    throw new FormulaInputError(
      FORMULA_TEXTS.noRows(
        parameters.map((p) => p.name),
        functionId,
      ),
    );

  // The data ends at the last row with something in it (a whole column: the scan stops after the trailing empties).
  let end = height;
  while (end > 0 && raw.every((c) => looksEmpty(cellAt(c, end - 1)))) end--;
  // A header needs a range of more than one row: a single cell of text is a value to grade (and refuse).
  const headerRows = height > 1 && end > 0 && raw.every((c) => isTitle(engineCell(cellAt(c, 0)))) ? 1 : 0;

  // Column by column, one plain loop each: a whole column is a million cells per range.
  const rows = Math.max(0, end - headerRows);
  const columns = raw.map((c) => {
    const column = new Array<unknown>(rows);
    for (let i = 0; i < rows; i++) {
      const v = cellAt(c, i + headerRows);
      column[i] = typeof v === "object" && v !== null ? engineCell(v) : v;
    }
    return column;
  });
  const empty = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    let allEmpty = true;
    for (let k = 0; k < columns.length && allEmpty; k++) allEmpty = looksEmpty(columns[k][i]);
    if (allEmpty) {
      empty[i] = 1;
      for (let k = 0; k < columns.length; k++) columns[k][i] = null;
    }
  }
  return { columns, headerRows, empty, rows, height };
}
