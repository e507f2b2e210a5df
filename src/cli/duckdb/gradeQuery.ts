/**
 * The queries DuckDB grades a gated customer CSV file with: the engine's compiled SQL (`compileSql`) over the table of
 * typed cells the gate made (`strictCells.ts`), one row per data line in file order. Run only when the gate passed,
 * where each cast gives the value the engine reads from the same text. A row's `rowid` is its line's position in the
 * file: results are matched to lines by it, and it is the input order the tie rule "first" needs.
 */

import { compileSql, formatDay, type Lang, type MonetaryUnit, type Profile } from "../../engine";
import { ROWS_TABLE } from "./strictCells";

/** The rows table (made by the gate) with each row's position as `rn`: what the compiled SQL reads. */
const ROWS_VIEW = "rfm_numbered";

export interface GradeQueryOptions {
  asOfDay: number;
  unit: MonetaryUnit;
  lang: Lang;
}

export function rowsViewSql(): string {
  return `CREATE OR REPLACE VIEW ${ROWS_VIEW} AS SELECT rowid AS rn, date, count, total FROM ${ROWS_TABLE}`;
}

/** A row's three sub-scores in one whole number (a profile has fewer than 1,000 bins). */
export const SUB_SCORE_BASE = 1000;

/**
 * The sub-scores of every row, keyed by its position: the engine's compiled grading query over the rows table, its
 * customer id being the row's position (ids play no part in grading a customer table, and the gate has made sure no
 * id repeats), left unsorted. The query fills a table first (DuckDB runs it on all its threads; a query read as it
 * streams runs on one), then the table is read: rn and r·1000² + f·1000 + m (0 where not graded).
 */
export function subScoresSql(profile: Profile, o: GradeQueryOptions): { fill: string; read: string } {
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
  const b = SUB_SCORE_BASE;
  return {
    fill:
      `CREATE OR REPLACE TABLE ${SCORES_TABLE} AS SELECT CAST(customer_id AS INTEGER) AS rn, ` +
      `CAST(coalesce(r_score * ${b * b} + f_score * ${b} + m_score, 0) AS INTEGER) AS code FROM (${body}) AS graded`,
    read: `SELECT rn, code FROM ${SCORES_TABLE}`,
  };
}

const SCORES_TABLE = "rfm_scores";

/** Each row's total as the engine reads it, keyed by position. */
export function moneySql(): string {
  return `SELECT CAST(rowid AS INTEGER) AS rn, money FROM ${ROWS_TABLE}`;
}

/** The latest last-order date of the rows as a day number (days since 1970-01-01), for the summary. */
export function latestDaySql(): string {
  return `SELECT CAST(datediff('day', DATE '1970-01-01', max(date)) AS INTEGER) AS day FROM ${ROWS_TABLE}`;
}

/** Each row's recency D (days to the analysis date) and purchase count S, keyed by position: the next-grade order needs them. */
export function recencySql(asOfDay: number): string {
  return `SELECT CAST(rowid AS INTEGER) AS rn, CAST(date_diff('day', date, DATE '${formatDay(asOfDay)}') AS INTEGER) FROM ${ROWS_TABLE}`;
}

export function countSql(): string {
  return `SELECT CAST(rowid AS INTEGER) AS rn, CAST(count AS DOUBLE) FROM ${ROWS_TABLE}`;
}
