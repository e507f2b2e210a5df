/**
 * Parquet input (`rfm grade FILE.parquet`): DuckDB reads the file and writes it as comma-separated UTF-8 text into a
 * temporary folder, which is then graded like any CSV file — by DuckDB when every cell is in plain form (as a
 * Parquet file's typed DATE, integer and DECIMAL columns are), otherwise by the JavaScript engine, which notes every
 * cell it cannot read. One way in for both engines keeps their results the same.
 */

import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { extname, join } from "path";
import { CLI_TEXTS } from "../../i18n/cli";
import { localizedView } from "../../engine";
import { UsageError } from "../usageError";

export function isParquetPath(path: string): boolean {
  return extname(path).toLowerCase() === ".parquet";
}

export const PARQUET_TEXTS = localizedView(CLI_TEXTS, (t) => t.parquet);

/** The Parquet file as a temporary CSV file; `done` removes it. */
export async function parquetAsCsv(path: string): Promise<{ csv: string; done: () => void }> {
  let duckdb: typeof import("@duckdb/node-api");
  try {
    duckdb = await import("@duckdb/node-api");
  } catch {
    throw new UsageError(PARQUET_TEXTS.noDuckdb(path));
  }
  const dir = mkdtempSync(join(tmpdir(), "rfm-parquet-"));
  const done = () => rmSync(dir, { recursive: true, force: true });
  const csv = join(dir, "input.csv");
  const text = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const instance = await duckdb.DuckDBInstance.create(":memory:", {
    temp_directory: dir,
    preserve_insertion_order: "true",
  });
  const connection = await instance.connect();
  try {
    // The rows in the file's order; dates as YYYY-MM-DD, decimals with their places, NULL as an empty cell.
    await connection.run(
      `COPY (SELECT * FROM read_parquet(${text(path)})) TO ${text(csv)} (FORMAT csv, HEADER, DELIMITER ',', DATEFORMAT '%Y-%m-%d')`,
    );
  } catch (err) {
    done();
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    throw new UsageError(PARQUET_TEXTS.unreadable(path, reason));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { csv, done };
}
