/**
 * The gate in front of grading a customer table with DuckDB: one query over the file read as text (every column
 * VARCHAR) counts the cells that are not in a form the engine and the compiled SQL provably read the same way.
 * Only a file with none may be graded by DuckDB; any other file (and any file DuckDB cannot read as plain
 * comma-separated UTF-8) goes to the engine, which reads every form and notes every bad cell in the user's language.
 *
 * The strict forms are a subset of what the engine reads (`parseDay`, `cellNumber`, `idText`), chosen so that no cell
 * of a strict file produces a note, and so that the double the engine compares equals the DECIMAL the SQL compares
 * wherever an order or equality can be decided (at most 15 significant digits):
 * - date: `YYYY-MM-DD`, a real calendar day from year 1000 on, not after the analysis date;
 * - count: a positive whole number written without sign, zeros in front or decimals, at most 15 digits;
 * - total: a plain decimal, no sign or grouping, at most 9 digits before the point and 6 after it (positive when the
 *   profile needs a positive total);
 * - id (when the table has one): letters, digits, `_`, `.`, `-`, starting with a letter or digit, at most 64
 *   characters, and no id twice (a repeated id is noted by the engine).
 * Nothing here restates a grading rule: the gate only decides which engine may run.
 */

import type { DuckDBConnection } from "@duckdb/node-api";
import { createReadStream } from "fs";
import { formatDay } from "../../engine";

export type StrictRole = "id" | "date" | "count" | "total";

/** The header of each role's column in the file, as DuckDB names it. */
export type StrictColumns = { id?: string } & Record<"date" | "count" | "total", string>;

export interface StrictCheck {
  /** Data rows DuckDB read. */
  rows: number;
  /** Cells per role that are not in the strict form (and repeated ids, counted under "id"). */
  offending: Record<StrictRole, number>;
  /** Lines of the file (the header's included; a last line without a line break counts). */
  lines: number;
  /** Why DuckDB could not read the file as plain comma-separated text, if it could not. */
  readError?: string;
  /** True when DuckDB may grade the file with the same results as the engine. */
  strict: boolean;
}

export interface StrictOptions {
  /** The analysis date as a day number: a later last purchase is noted by the engine. */
  asOfDay: number;
  /** The profile refuses totals of zero or less (thresholds). */
  positiveTotal: boolean;
}

const STRICT_PATTERNS: Record<StrictRole, string> = {
  id: "^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$",
  date: "^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$",
  count: "^[1-9][0-9]{0,14}$",
  total: "^(0|[1-9][0-9]{0,8})(\\.[0-9]{1,6})?$",
};

const sqlText = (v: string) => `'${v.replace(/'/g, "''")}'`;
const ident = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** DuckDB's reading of a CSV file as text only: comma, double quotes, a header row, no type guessing. */
export function csvAsText(path: string): string {
  return (
    `read_csv(${sqlText(path)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', ` +
    `strict_mode = true, null_padding = false, encoding = 'utf-8')`
  );
}

/** The SQL condition under which a cell of `role` is strict (NULL cells are not). */
export function strictCondition(role: StrictRole, column: string, o: StrictOptions): string {
  const c = ident(column);
  const shape = `coalesce(regexp_full_match(${c}, ${sqlText(STRICT_PATTERNS[role])}), false)`;
  if (role === "date") {
    const day = `try_strptime(${c}, '%Y-%m-%d')`;
    return `(${shape} AND ${day} IS NOT NULL AND CAST(${day} AS DATE) <= DATE ${sqlText(formatDay(o.asOfDay))})`;
  }
  if (role === "total" && o.positiveTotal) return `(${shape} AND ${c} NOT SIMILAR TO '0(\\.0*)?')`;
  return shape;
}

/** The one query: rows, non-strict cells per role, repeated ids. */
export function strictQuery(path: string, columns: StrictColumns, o: StrictOptions): string {
  const roles = ["date", "count", "total"] as const;
  const counts = roles.map((r) => `count(*) FILTER (WHERE NOT ${strictCondition(r, columns[r], o)}) AS ${r}`);
  const id = columns.id === undefined
    ? "0 AS id"
    : `count(*) FILTER (WHERE NOT ${strictCondition("id", columns.id, o)}) + count(*) - count(DISTINCT ${ident(columns.id)}) AS id`;
  return `SELECT count(*) AS "rows", ${[...counts, id].join(", ")} FROM ${csvAsText(path)}`;
}

/**
 * Runs the gate. A file DuckDB cannot read this way is not strict (the engine reads it and says what it found). The
 * file must also have exactly one line per row DuckDB read and the header: DuckDB skips empty lines, which the engine
 * keeps as blank rows of the output, and a quoted line break would join two lines into one row.
 */
export async function checkStrictCells(
  connection: DuckDBConnection, path: string, columns: StrictColumns, o: StrictOptions,
): Promise<StrictCheck> {
  const none: Record<StrictRole, number> = { id: 0, date: 0, count: 0, total: 0 };
  const lines = await countLines(path);
  try {
    const reader = await connection.runAndReadAll(strictQuery(path, columns, o));
    const row = reader.getRowObjects()[0];
    const n = (k: string) => Number(row[k] as bigint);
    const offending = { id: n("id"), date: n("date"), count: n("count"), total: n("total") };
    const strict = Object.values(offending).every((v) => v === 0) && lines === n("rows") + 1;
    return { rows: n("rows"), lines, offending, strict };
  } catch (err) {
    return { rows: 0, lines, offending: none, strict: false, readError: err instanceof Error ? err.message : String(err) };
  }
}

/** Lines of a file, streamed in large blocks (a last line without a line break counts; an empty file has none). */
export async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
    last = chunk[chunk.length - 1];
  }
  return last === 10 ? lines : lines + 1;
}
