/**
 * The queries DuckDB grades a gated customer CSV file with: the engine's compiled SQL (`compileSql`) over the table of
 * typed cells the gate made (`strictCells.ts`), one row per data line in file order. Run only when the gate passed,
 * where each cast gives the value the engine reads from the same text. A row's `rowid` is its line's position in the
 * file: results are matched to lines by it, and it is the input order the tie rule "first" needs.
 */

import { compileSql, type Lang, type MonetaryUnit, type Profile } from "../../engine";
import { ROWS_TABLE } from "./strictCells";

/** The rows table (made by the gate) with each row's position as `rn`: what the compiled SQL reads. */
const ROWS_VIEW = "rfm_numbered";

export interface GradeQueryOptions {
  asOfDay: number;
  unit: MonetaryUnit;
  lang: Lang;
}

export function rowsViewSql(): string {
  return `CREATE OR REPLACE TEMP VIEW ${ROWS_VIEW} AS SELECT rowid AS rn, date, count, total FROM ${ROWS_TABLE}`;
}

/**
 * The sub-scores of every row, keyed by its position: the engine's compiled grading query over the rows table, its
 * customer id being the row's position (ids play no part in grading a customer table, and the gate has made sure no
 * id repeats), left unsorted.
 */
export function subScoresSql(profile: Profile, o: GradeQueryOptions): string {
  const graded = compileSql(profile, {
    dialect: "duckdb",
    input: "customers",
    table: ROWS_VIEW,
    columns: { id: "rn" },
    order: "rn",
    asOf: o.asOfDay,
    unit: o.unit,
    lang: o.lang,
    sorted: false,
  });
  const body = graded.split("\n").filter((line) => !line.startsWith("--")).join("\n");
  // Small integers come back as numbers (a BIGINT would come back as a BigInt).
  return (
    "SELECT CAST(customer_id AS INTEGER) AS rn, CAST(r_score AS INTEGER) AS r, CAST(f_score AS INTEGER) AS f, " +
    `CAST(m_score AS INTEGER) AS m FROM (${body}) AS graded`
  );
}

/** Each row's total as the engine reads it, keyed by position. */
export function moneySql(): string {
  return `SELECT CAST(rowid AS INTEGER) AS rn, money FROM ${ROWS_TABLE}`;
}
