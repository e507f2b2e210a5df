/**
 * What DuckDB hands the engine from a gated customer CSV file: each row's recency D, purchase count S and total Z, read
 * from the gate's table of typed cells (`strictCells.ts`), one row per data line in file order. Run only when the gate
 * passed, where each cast gives the value the engine reads from the same text; the engine then scores and grades the
 * rows itself (`gradeCheckedCustomers`), with the code that grades every other table. A row's `rowid` is its line's
 * position in the file: values are placed by it, and it is the input order the tie rule "first" follows.
 *
 * No ranking or window runs in DuckDB: ranking 15M rows there needs gigabytes or spills to disk, where the engine
 * ranks D, S and Z in typed arrays in a fraction of the time. One query brings the three values of a row together.
 */

import type { DuckDBConnection } from "@duckdb/node-api";
import type { CheckedCustomers } from "../../engine";
import { ROWS_TABLE } from "./strictCells";

/** rn, D, S, Z of every row: INTEGER, INTEGER, DOUBLE, DOUBLE (numbers in JavaScript, never BigInt). */
const ROW_VALUES_SQL = `SELECT CAST(rowid AS INTEGER) AS rn, d, s, z FROM ${ROWS_TABLE}`;

/**
 * Reads D, S and Z of the `n` rows of the gate's table. A position out of range or met twice, a missing value, or a
 * row missing means the rows are not the file's as the gate read them: that stops the run (the caller declines).
 */
export async function readCheckedCustomers(connection: DuckDBConnection, n: number): Promise<CheckedCustomers> {
  const days = new Int32Array(n),
    count = new Float64Array(n),
    money = new Float64Array(n);
  const met = new Uint8Array(n);
  let seen = 0;
  const result = await connection.stream(ROW_VALUES_SQL);
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const rows = chunk.rowCount; // a call into DuckDB each time it is read
    const rn = chunk.getColumnVector(0),
      d = chunk.getColumnVector(1),
      s = chunk.getColumnVector(2),
      z = chunk.getColumnVector(3);
    for (let k = 0; k < rows; k++) {
      const at = rn.getItem(k) as number;
      if (!(at >= 0 && at < n) || met[at]) throw new Error(`DuckDB returned row ${at} of ${n} twice or out of range`);
      met[at] = 1;
      const dk = d.getItem(k),
        sk = s.getItem(k),
        zk = z.getItem(k);
      // The gate lets no file through with an empty or unreadable cell.
      if (typeof dk !== "number" || typeof sk !== "number" || typeof zk !== "number")
        throw new Error(`DuckDB returned no value in row ${at}`);
      days[at] = dk;
      count[at] = sk;
      money[at] = zk;
    }
    seen += rows;
  }
  if (seen !== n) throw new Error(`DuckDB returned ${seen} rows for ${n} lines`);
  return { days, count, money };
}
