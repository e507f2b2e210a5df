/**
 * The query DuckDB grades a gated customer CSV file with: the file read as text (exactly as the gate read it), its
 * cells cast to the types the compiled SQL expects, then the engine's compiled SQL (`compileSql`). Run only on a file
 * the gate passed (`strictCells.ts`), where each cast gives the value the engine reads from the same text.
 *
 * Profiles whose ties rule is "first" are declined: that rule needs the rows' file order, and DuckDB gives no row
 * number for a CSV scan that is provably the file's order (such runs stay with the engine).
 */

import { compileSql, integerProfile, type Lang, type MonetaryUnit, type Profile } from "../../engine";
import { csvAsText, type StrictColumns } from "./strictCells";

/** The view the compiled SQL reads: one typed row per data row of the file. */
export const INPUT_VIEW = "rfm_input";

export interface GradeQueryOptions {
  asOfDay: number;
  unit: MonetaryUnit;
  lang: Lang;
}

/** Why DuckDB cannot grade with this profile (the engine then does), or null. */
export function profileDeclined(profile: Profile, unit: MonetaryUnit): "tiesFirst" | null {
  const ip = integerProfile(profile, unit);
  return ip.method === "quantiles" && ip.ties === "first" ? "tiesFirst" : null;
}

const ident = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** `CREATE VIEW` over the file: text cells cast to DATE, BIGINT and an exact DECIMAL (the gate allows 6 places). */
export function inputViewSql(path: string, columns: StrictColumns): string {
  const id = columns.id === undefined ? "" : `${ident(columns.id)} AS id, `;
  return (
    `CREATE OR REPLACE TEMP VIEW ${INPUT_VIEW} AS SELECT ${id}CAST(${ident(columns.date)} AS DATE) AS date, ` +
    `CAST(${ident(columns.count)} AS BIGINT) AS count, CAST(${ident(columns.total)} AS DECIMAL(38, 6)) AS total ` +
    `FROM ${csvAsText(path)}`
  );
}

/** The engine's compiled grading query over the view. */
export function gradeSql(profile: Profile, hasId: boolean, o: GradeQueryOptions): string {
  return compileSql(profile, {
    dialect: "duckdb",
    input: "customers",
    table: INPUT_VIEW,
    // A table without ids: the query still needs an id column, so each row's date stands in (never output).
    columns: hasId ? undefined : { id: "date" },
    asOf: o.asOfDay,
    unit: o.unit,
    lang: o.lang,
  });
}
