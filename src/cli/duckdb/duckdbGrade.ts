/**
 * Grading a large customer CSV file with DuckDB, with the same output as the JavaScript engine, byte for byte.
 *
 * DuckDB is used only where that can be shown: the first lines are read and graded by the command line's own reader
 * and the engine (columns, unit, header, no row needing a note); every line is checked to be copied exactly as the
 * JavaScript path would copy it (`csvLines.ts`); the gate proves every cell is in a form both engines read alike
 * (`strictCells.ts`). Then DuckDB runs the engine's compiled SQL for the sub-scores, the engine makes the composite
 * score, grade and summary from them (`gradeScoredCustomers`), and the output copies each input line and appends the
 * same result cells the JavaScript path appends. Anything else is declined with a reason, and the JavaScript engine
 * grades the file: a decline never changes a result, only which engine computes it.
 */

import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from "fs";
import { availableParallelism, tmpdir } from "os";
import { join } from "path";
import { gradeScoredCustomers, ownOutputBlock, type Role } from "../../engine";
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
import { countSql, latestDaySql, moneySql, recencySql, rowsViewSql, SUB_SCORE_BASE, subScoresSql } from "./gradeQuery";
import { checkStrictCells, positional, type StrictColumns } from "./strictCells";

/** Enough of the file for its header and a few thousand rows: what the engine grades first, to find the columns. */
const HEAD_BYTES = 256 * 1024;
/** DuckDB's own memory; the arrays of results on the JavaScript side come on top (about 22 bytes a row). */
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
    const [outcome, lines] = await Promise.all([
      gradeRows(connection, req, first, { width: first.table.width }, () => instance!.connect()),
      indexDataLines(path, dataStart, crlf),
    ]);
    if (lines.problem) return { declined: lines.problem };
    if ("declined" in outcome) return outcome;
    // DuckDB skips empty lines: one row per line, or the rows would not line up.
    if (lines.index!.count !== outcome.res.n) return { declined: "emptyLine" };
    const graded: GradedTable = { ...first, res: outcome.res, table: { ...first.table, rowCount: outcome.res.n, rawRows: undefined } };
    return { graded, plan: copiedLinesPlan(graded, req, lines.index!) };
  } catch (err) {
    return { declined: "failed", detail: err instanceof Error ? err.message : String(err) };
  } finally {
    connection?.closeSync();
    instance?.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}

/** The gate, then the compiled SQL's sub-scores and each row's total, into the engine's result. */
async function gradeRows(
  connection: DuckDBConnection, req: GradeRequest, first: GradedTable, shape: { width: number },
  another: () => Promise<DuckDBConnection>,
): Promise<{ res: GradedTable["res"] } | { declined: DeclineReason; detail?: string }> {
  const path = req.inputPath;
  const { profile } = first.res;
  const column = (role: Role) => positional(first.mapping[role]!);
  const columns: StrictColumns = {
    ...(first.mapping.id === undefined ? {} : { id: column("id") }),
    date: column("date"),
    count: column("count"),
    total: column("total"),
  };
  const asOfDay = first.res.asOfDay;
  const gate = await checkStrictCells(
    connection, path, columns, { asOfDay, positiveTotal: profile.method === "thresholds" }, shape.width,
  );
  if (gate.readError !== undefined) return { declined: "unreadable", detail: gate.readError };
  if (!gate.strict) return { declined: "notStrict" };
  if (gate.rows === 0) return { declined: "emptyTable" };

  await connection.run(rowsViewSql());
  const n = gate.rows;
  const r = new Uint8Array(n), f = new Uint8Array(n), m = new Uint8Array(n);
  // Each row's total is read on a second connection while the first computes the sub-scores.
  const money = new Float64Array(n);
  // D and S of each row too: the next-grade order starts from them.
  const days = new Int32Array(n), count = new Float64Array(n);
  const pricing = another().then(async (second) => {
    try {
      const priced = await eachRow(second, moneySql(), n, (rn, total) => {
        money[rn] = total;
      });
      const dated = await eachRow(second, recencySql(asOfDay), n, (rn, d) => {
        days[rn] = d;
      });
      const counted = await eachRow(second, countSql(), n, (rn, s) => {
        count[rn] = s;
      });
      return Math.min(priced, dated, counted);
    } finally {
      second.closeSync();
    }
  });
  const scores = subScoresSql(profile, { asOfDay, unit: first.unit.unit, lang: req.lang });
  await connection.run(scores.fill);
  const b = SUB_SCORE_BASE;
  const seen = await eachRow(connection, scores.read, n, (rn, code) => {
    r[rn] = Math.floor(code / (b * b));
    f[rn] = Math.floor(code / b) % b;
    m[rn] = code % b;
  });
  const priced = await pricing;
  const [latest] = (await connection.runAndReadAll(latestDaySql())).getRowObjects();
  const latestDay = latest?.day === null || latest?.day === undefined ? null : Number(latest.day);
  const res = gradeScoredCustomers({ r, f, m, money, latestDay, days, count }, profile, { ...req.options, unit: first.unit.unit, asOf: asOfDay });
  // Every line is a row DuckDB graded, once: anything else means the file was not read as the gate read it.
  if (seen !== n || priced !== n || res.summary.graded !== n) {
    throw new Error(`DuckDB returned ${seen} graded rows and ${priced} amounts for ${n} lines (${res.summary.graded} graded)`);
  }
  return { res };
}


/**
 * Streams a query's rows — the row's position, then one number — to `take`; returns how many distinct rows came.
 * A position out of range or met twice means the rows are not the file's, and stops the run.
 */
async function eachRow(connection: DuckDBConnection, sql: string, n: number, take: (rn: number, value: number) => void): Promise<number> {
  const result = await connection.stream(sql);
  const met = new Uint8Array(n);
  let count = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const positions = chunk.getColumnVector(0), values = chunk.getColumnVector(1);
    const rows = chunk.rowCount; // a call into DuckDB each time it is read
    for (let k = 0; k < rows; k++) {
      const rn = positions.getItem(k) as number;
      if (!(rn >= 0 && rn < n) || met[rn]) throw new Error(`DuckDB returned row ${rn} of ${n} twice or out of range`);
      met[rn] = 1;
      count++;
      take(rn, values.getItem(k) as number);
    }
  }
  return count;
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
