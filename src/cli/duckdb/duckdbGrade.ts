/**
 * Grading a customer CSV file with DuckDB (`--engine duckdb`), with the same output as the JavaScript engine, byte for
 * byte.
 *
 * DuckDB is used only where that can be shown: the first lines are read and graded by the command line's own reader
 * and the engine (`plainHead.ts`); every line is checked to be copied exactly as the JavaScript reader's output would
 * copy it (`csvLines.ts`); the gate proves every cell is in a form both engines read alike (`strictCells.ts`). Then
 * DuckDB hands over each row's D, S and Z (`gradeQuery.ts`), DuckDB is closed, the engine scores, grades and summarises
 * the rows as it does every table (`gradeCheckedCustomers`), and the output copies each input line and appends the
 * same result cells (`copiedLines.ts`). Anything else is declined with a reason, and the JavaScript engine grades the
 * file: a decline never changes a result, only which engine computes it.
 */

import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { mkdtempSync, rmSync } from "fs";
import { availableParallelism, tmpdir } from "os";
import { join } from "path";
import type { CheckedCustomers, Role } from "../../engine";
import type { GradeRequest } from "../gradeRequest";
import type { GradedTable } from "../gradeTable";
import { gradeCopiedLines, type CopiedRun } from "../plain/copiedLines";
import { indexDataLines } from "../plain/csvLines";
import { cellForms, readPlainHead } from "../plain/plainHead";
import type { DeclineReason } from "./engineTexts";
import { readCheckedCustomers } from "./gradeQuery";
import { checkStrictCells, positional, type StrictColumns } from "./strictCells";

/** DuckDB's own memory; the rows' values on the JavaScript side come on top (20 bytes a row), until DuckDB is closed. */
const DUCKDB_MEMORY = "600MB";

export type DuckdbOutcome = CopiedRun | { declined: DeclineReason; detail?: string };

/**
 * Grades `req.inputPath` with DuckDB, or says why not. Every line is checked (and its place in the file noted) while
 * DuckDB reads the file, before anything is written.
 */
export async function gradeWithDuckdb(req: GradeRequest): Promise<DuckdbOutcome> {
  const path = req.inputPath;
  const head = readPlainHead(req);
  if ("declined" in head) return head;
  const { first, dataStart, crlf } = head;

  let duckdb: typeof import("@duckdb/node-api");
  try {
    duckdb = await import("@duckdb/node-api");
  } catch {
    return { declined: "notInstalled" };
  }
  let spill: string;
  try {
    spill = mkdtempSync(join(tmpdir(), "rfm-duckdb-"));
  } catch (err) {
    // No room for DuckDB's spill folder (a full temporary disk): the JavaScript engine needs none.
    return { declined: "failed", detail: err instanceof Error ? err.message : String(err) };
  }
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    instance = await duckdb.DuckDBInstance.create(":memory:", {
      threads: String(availableParallelism()),
      memory_limit: DUCKDB_MEMORY,
      temp_directory: spill,
      // The rows table relies on it: rowid is the line's position in the file.
      preserve_insertion_order: "true",
    });
    connection = await instance.connect();
    // The lines are read in this thread while DuckDB reads the file in its own.
    const [read, lines] = await Promise.all([
      readRows(connection, req, first, { width: first.table.width }),
      indexDataLines(path, dataStart, crlf, first.mapping.id),
    ]);
    if (lines.problem) return { declined: lines.problem };
    // A repeated id is a cell the engine notes, as any cell outside the strict forms is.
    if (lines.repeatedId) return { declined: "notStrict" };
    if ("declined" in read) return read;
    // DuckDB skips empty lines: one row per line, or the rows would not line up.
    if (lines.index!.count !== read.rows.days.length) return { declined: "emptyLine" };
    // DuckDB's memory is given back before the engine ranks the rows.
    connection.closeSync();
    connection = undefined;
    instance.closeSync();
    instance = undefined;
    return gradeCopiedLines(first, read.rows, req, lines.index!);
  } catch (err) {
    return { declined: "failed", detail: err instanceof Error ? err.message : String(err) };
  } finally {
    connection?.closeSync();
    instance?.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}

/** The gate, then each row's D, S and Z as the engine reads them from the same cells. */
async function readRows(
  connection: DuckDBConnection,
  req: GradeRequest,
  first: GradedTable,
  shape: { width: number },
): Promise<{ rows: CheckedCustomers } | { declined: DeclineReason; detail?: string }> {
  const path = req.inputPath;
  const column = (role: Role) => positional(first.mapping[role]!);
  const columns: StrictColumns = {
    ...(first.mapping.id === undefined ? {} : { id: column("id") }),
    date: column("date"),
    count: column("count"),
    total: column("total"),
  };
  const gate = await checkStrictCells(connection, path, columns, cellForms(first), shape.width);
  if (gate.readError !== undefined) return { declined: "unreadable", detail: gate.readError };
  if (!gate.strict) return { declined: "notStrict" };
  if (gate.rows === 0) return { declined: "emptyTable" };
  const rows = await readCheckedCustomers(connection, gate.rows);
  return { rows };
}
