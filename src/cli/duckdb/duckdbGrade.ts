/**
 * Grading a large customer CSV file with DuckDB, with the same output as the JavaScript engine, byte for byte.
 *
 * DuckDB is used only where that can be shown: the first lines are read and graded by the command line's own reader
 * and the engine (columns, unit, header, no row needing a note); every line is checked to be copied exactly as the
 * JavaScript path would copy it (`csvLines.ts`); the gate proves every cell is in a form both engines read alike
 * (`strictCells.ts`). Then DuckDB hands over each row's D, S and Z (`gradeQuery.ts`), DuckDB is closed, the engine
 * scores, grades and summarises the rows as it does every table (`gradeCheckedCustomers`), and the output copies each
 * input line and appends the same result cells the JavaScript path appends. Anything else is declined with a reason, and the JavaScript engine
 * grades the file: a decline never changes a result, only which engine computes it.
 */

import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from "fs";
import { availableParallelism, tmpdir } from "os";
import { join } from "path";
import { gradeCheckedCustomers, ownOutputBlock, type CheckedCustomers, type Role } from "../../engine";
import { cellText } from "../cellText";
import { decodeInput } from "../decodeInput";
import type { GradeRequest } from "../gradeRequest";
import { gradeTable, type GradedTable } from "../gradeTable";
import type { OutputPlan } from "../outputPlan";
import { rawCsvChunk } from "../rawCsvChunk";
import { readCsvBytes } from "../readCsv";
import { ResultCells } from "../resultCells";
import { UsageError } from "../usageError";
import { indexDataLines, IndexedLines, type LineIndex } from "./csvLines";
import type { DeclineReason } from "./engineTexts";
import { readCheckedCustomers } from "./gradeQuery";
import { checkStrictCells, positional, type StrictColumns } from "./strictCells";

/** Enough of the file for its header and a few thousand rows: what the engine grades first, to find the columns. */
const HEAD_BYTES = 256 * 1024;
/** DuckDB's own memory; the rows' values on the JavaScript side come on top (20 bytes a row), until DuckDB is closed. */
const DUCKDB_MEMORY = "600MB";

export type DuckdbOutcome = { graded: GradedTable; plan: OutputPlan } | { declined: DeclineReason; detail?: string };

/** Thrown while the results are written when the input no longer holds the lines DuckDB graded. */
export class DuckdbDeclined extends Error {
  constructor(readonly reason: DeclineReason) {
    super(`DuckDB's results not used: ${reason}`);
    this.name = "DuckdbDeclined";
  }
}

/**
 * Grades `req.inputPath` with DuckDB, or says why not. Every line is checked (and its place in the file noted) while
 * DuckDB reads the file, before anything is written.
 */
export async function gradeWithDuckdb(req: GradeRequest): Promise<DuckdbOutcome> {
  const path = req.inputPath;
  const head = readHead(path);
  let decoded;
  try {
    decoded = decodeInput(path, head.bytes, req.encoding);
  } catch (err) {
    if (err instanceof UsageError) return { declined: "encoding" };
    throw err;
  }
  if (decoded.encoding !== "utf8") return { declined: "encoding" };
  if (decoded.delimiter !== ",") return { declined: "delimiter" };
  const body = decoded.bytes;
  const headerEnd = body.indexOf(10);
  // The header line ends in the file's line break (LF or CRLF); any other carriage return splits it for the
  // JavaScript reader and not for the line copier.
  const headerCr = body.subarray(0, headerEnd < 0 ? body.length : headerEnd).indexOf(13);
  if (headerCr >= 0 && headerCr !== headerEnd - 1) return { declined: "lineBreaks" };
  if (headerEnd < 0) return { declined: "emptyTable" };
  if (body.subarray(0, headerEnd).includes(34)) return { declined: "quotes" };

  let first: GradedTable;
  try {
    const read = readCsvBytes(path, body, ",").table;
    read.text = { encoding: decoded.encoding, bom: decoded.bom, evidence: decoded.evidence, delimiter: "," };
    first = gradeTable(read, req);
  } catch (err) {
    // The JavaScript path reads the whole file and says what is wrong, in the user's words.
    if (err instanceof UsageError) return { declined: "rowsNeedNotes" };
    throw err;
  }
  if (first.kind !== "customers") return { declined: "salesRecords" };
  if (first.table.firstRowNumber !== 2) return { declined: "headerBelow" };
  if (ownOutputBlock(first.table.headers) !== null) return { declined: "earlierResults" };
  if (first.res.issues.length > 0 || (first.res.summary.blankRows ?? 0) > 0) return { declined: "rowsNeedNotes" };

  const dataStart = (decoded.bom ? 3 : 0) + headerEnd + 1;
  const crlf = headerEnd > 0 && body[headerEnd - 1] === 13;

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
    const res = gradeCheckedCustomers(read.rows, first.res.profile, {
      ...req.options,
      unit: first.unit.unit,
      asOf: first.res.asOfDay,
    });
    const graded: GradedTable = { ...first, res, table: { ...first.table, rowCount: res.n, rawRows: undefined } };
    return { graded, plan: copiedLinesPlan(graded, req, lines.index!) };
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
  const asOfDay = first.res.asOfDay;
  const gate = await checkStrictCells(
    connection,
    path,
    columns,
    { asOfDay, positiveTotal: first.res.profile.method === "thresholds" },
    shape.width,
  );
  if (gate.readError !== undefined) return { declined: "unreadable", detail: gate.readError };
  if (!gate.strict) return { declined: "notStrict" };
  if (gate.rows === 0) return { declined: "emptyTable" };
  const rows = await readCheckedCustomers(connection, gate.rows);
  return { rows };
}

/**
 * The output: the header as the JavaScript path writes it, then every input line copied from the file, read by its
 * place, with the result cells after it (`rawCsvChunk`, the same code that path uses).
 */
function copiedLinesPlan(graded: GradedTable, req: GradeRequest, index: LineIndex): OutputPlan {
  const { table, res } = graded;
  const results = new ResultCells(res, req.lang, graded);
  const headers = [...Array.from({ length: table.width }, (_, c) => cellText(table.headers[c])), ...results.headers()];
  let lines: IndexedLines | undefined;
  const noValues = (): never => {
    throw new Error("the DuckDB path writes CSV only");
  };
  return {
    headers,
    rowCount: res.n,
    csvChunk(from, to) {
      lines ??= new IndexedLines(req.inputPath, index);
      let raw;
      try {
        raw = lines.rows(from, to);
      } catch {
        // The file changed while it was graded: what DuckDB graded is no longer there to copy.
        lines.close();
        throw new DuckdbDeclined("unreadable");
      }
      if (to === res.n) lines.close();
      return rawCsvChunk(raw, results, from, to, 0);
    },
    values: noValues,
    inputValues: noValues,
    results,
    formats: [],
    replacedResults: false,
    cutCells: () => 0,
    grades: res.profile.grades.map((g) => g.grade),
    gradeColumn: headers.length - results.width + results.gradeColumn,
  };
}

/** The first bytes of the file, cut after their last line break (the whole file when it is small). */
function readHead(path: string): { bytes: Buffer; whole: boolean } {
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  try {
    const bytes = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const read = readSync(fd, bytes, 0, bytes.length, 0);
    const whole = read >= size;
    if (whole) return { bytes: bytes.subarray(0, read), whole };
    const lastBreak = bytes.lastIndexOf(10, read - 1);
    return { bytes: bytes.subarray(0, lastBreak < 0 ? read : lastBreak + 1), whole };
  } finally {
    closeSync(fd);
  }
}
