/**
 * The gate in front of grading a customer table with DuckDB: one query over the file read as text (every column
 * VARCHAR) counts the cells that are not in a form the engine and DuckDB provably read the same way.
 * Only a file with none may be graded by DuckDB; any other file (and any file DuckDB cannot read as plain
 * comma-separated UTF-8) goes to the engine, which reads every form and notes every bad cell in the user's language.
 *
 * The strict forms are a subset of what the engine reads (`parseDay`, `cellNumber`, `idText`), chosen so that no cell
 * of a strict file produces a note, and so that each total is a decimal of at most 15 significant digits, which its
 * double stands for exactly enough that doubles order and tie as the decimals do:
 * - date: `YYYY-MM-DD`, a real calendar day from year 1000 on, not after the analysis date;
 * - count: a positive whole number written without sign, zeros in front or decimals, at most 15 digits;
 * - total: a plain decimal, no sign or grouping, at most 9 digits before the point and 6 after it (positive when the
 *   profile needs a positive total);
 * - id (when the table has one): letters, digits, `_`, `.`, `-`, starting with a letter or digit, at most 64
 *   characters. No id may occur twice either (a repeated id is noted by the engine): that is checked while the lines
 *   are split (`csvLines.ts`, `repeatedIds.ts`), not here.
 * Nothing here restates a grading rule: the gate only decides which engine may run.
 */

import type { DuckDBConnection } from "@duckdb/node-api";
import { formatDay } from "../../engine";
import type { CellForms } from "../plain/plainHead";

export type StrictRole = "id" | "date" | "count" | "total";

/** The header of each role's column in the file, as DuckDB names it. */
export type StrictColumns = { id?: string } & Record<"date" | "count" | "total", string>;

export interface StrictCheck {
  /** Data rows DuckDB read. */
  rows: number;
  /** Cells per role that are not in the strict form. */
  offending: Record<StrictRole, number>;
  /** Why DuckDB could not read the file as plain comma-separated text, if it could not. */
  readError?: string;
  /** True when DuckDB may grade the file with the same results as the engine. */
  strict: boolean;
}

/** The analysis date and whether totals must be positive (`cellForms`). */
export type StrictOptions = CellForms;

const STRICT_PATTERNS: Record<Exclude<StrictRole, "date">, string> = {
  id: "^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$",
  count: "^[1-9][0-9]{0,14}$",
  total: "^(0|[1-9][0-9]{0,8})(\\.[0-9]{1,6})?$",
};

/** The date shape, YYYY-MM-DD from year 1000 on, as a GLOB pattern. */
const DATE_GLOB = "[1-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]";

const sqlText = (v: string) => `'${v.replace(/'/g, "''")}'`;
const ident = (v: string) => `"${v.replace(/"/g, '""')}"`;

/**
 * DuckDB's reading of a CSV file as text only: comma, double quotes, a header row, no type guessing. Given the
 * table's width, the columns are named by position (`c0`, `c1`, …) instead of by their headers, which DuckDB would
 * rename where two are alike or one is empty; a row of another width is then an error, never a guess.
 */
export function csvAsText(path: string, width?: number): string {
  const columns =
    width === undefined
      ? "header = true"
      : `header = false, skip = 1, columns = {${Array.from({ length: width }, (_, c) => `'${positional(c)}': 'VARCHAR'`).join(", ")}}`;
  return (
    `read_csv(${sqlText(path)}, ${columns}, all_varchar = true, delim = ',', quote = '"', escape = '"', ` +
    `strict_mode = true, null_padding = false, encoding = 'utf-8')`
  );
}

/** The name `csvAsText` gives column c (0-based) when it is told the width. */
export function positional(c: number): string {
  return `c${c}`;
}

/** The SQL condition under which a cell of `role` is strict (NULL cells are not); always TRUE or FALSE. */
export function strictCondition(role: StrictRole, column: string, o: StrictOptions): string {
  const c = ident(column);
  if (role === "date") {
    // The shape by GLOB (cheaper than a regular expression on every row), the calendar by DuckDB's own cast.
    const day = `TRY_CAST(${c} AS DATE)`;
    return `coalesce(${c} GLOB '${DATE_GLOB}' AND ${day} IS NOT NULL AND ${day} <= DATE ${sqlText(formatDay(o.asOfDay))}, false)`;
  }
  const shape = `regexp_full_match(${c}, ${sqlText(STRICT_PATTERNS[role as Exclude<StrictRole, "date">])})`;
  if (role === "total" && o.positiveTotal) return `coalesce(${shape} AND ${c} NOT SIMILAR TO '0(\\.0*)?', false)`;
  return `coalesce(${shape}, false)`;
}

/** The table the gate makes and the grading reads: one row per data row of the file, in file order. */
export const ROWS_TABLE = "rfm_rows";

/**
 * One scan of the file into a table: per row, whether each role's cell is strict, and the values the engine reads
 * from the cells: the recency D (days from the date to the analysis date), the count S and the total Z as the double
 * nearest its text (DuckDB and JavaScript both round a decimal text to the nearest double), worked out in the same
 * pass so that the grading reads them as they are. Casts are TRY_CASTs: a cell that is not strict is NULL there, and
 * the gate then keeps the file from DuckDB's grading. Made while DuckDB keeps insertion order (its default), so a
 * row's `rowid` is its line's position in the file.
 */
function strictRowsSql(path: string, columns: StrictColumns, o: StrictOptions, width?: number): string {
  const cast = (role: StrictRole, type: string) => `TRY_CAST(${ident(columns[role]!)} AS ${type})`;
  const flag = (role: StrictRole) => `${strictCondition(role, columns[role]!, o)} AS ok_${role}`;
  const id = columns.id === undefined ? "TRUE AS ok_id" : flag("id");
  return (
    `CREATE OR REPLACE TABLE ${ROWS_TABLE} AS SELECT ${flag("date")}, ${flag("count")}, ${flag("total")}, ${id}, ` +
    `CAST(date_diff('day', ${cast("date", "DATE")}, DATE ${sqlText(formatDay(o.asOfDay))}) AS INTEGER) AS d, ` +
    `CAST(${cast("count", "BIGINT")} AS DOUBLE) AS s, ${cast("total", "DOUBLE")} AS z FROM ${csvAsText(path, width)}`
  );
}

/** The gate's count over the table: rows, and non-strict cells per role. */
function strictCountsSql(): string {
  const bad = (role: StrictRole) => `count(*) FILTER (WHERE NOT ok_${role})`;
  return (
    `SELECT count(*) AS "rows", ${bad("date")} AS date, ${bad("count")} AS count, ${bad("total")} AS total, ` +
    `${bad("id")} AS id FROM ${ROWS_TABLE}`
  );
}

/**
 * Runs the gate, leaving the rows table for the grading. A file DuckDB cannot read this way is not strict (the engine
 * reads it and says what it found). Given the table's width, columns are read by position (`csvAsText`). That every
 * line is one row is the command line's to check (`csvLines.ts`): DuckDB skips empty lines, which the engine keeps as
 * blank rows, and a quoted line break joins two lines into one row.
 */
export async function checkStrictCells(
  connection: DuckDBConnection,
  path: string,
  columns: StrictColumns,
  o: StrictOptions,
  width?: number,
): Promise<StrictCheck> {
  const none: Record<StrictRole, number> = { id: 0, date: 0, count: 0, total: 0 };
  try {
    await connection.run(strictRowsSql(path, columns, o, width));
    const reader = await connection.runAndReadAll(strictCountsSql());
    const row = reader.getRowObjects()[0];
    const n = (k: string) => Number(row[k] as bigint);
    const offending = { id: n("id"), date: n("date"), count: n("count"), total: n("total") };
    return { rows: n("rows"), offending, strict: Object.values(offending).every((v) => v === 0) };
  } catch (err) {
    return { rows: 0, offending: none, strict: false, readError: err instanceof Error ? err.message : String(err) };
  }
}
