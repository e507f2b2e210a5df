/**
 * The first part of a customer CSV file, read and graded by the command line's own reader and the engine, to learn
 * what a fast reading of the whole file needs (its columns, unit, header and line breaks) and whether one may be
 * tried at all. Both fast readings (`plainCustomers.ts` in JavaScript, `../duckdb/duckdbGrade.ts` with DuckDB) start
 * here, and both copy each input line to the output (`copiedLines.ts`); the checks here are the ones that make that
 * copy the JavaScript reader's own output.
 */

import { closeSync, openSync, readSync, statSync } from "fs";
import { detectColumns, ownOutputBlock } from "../../engine";
import type { DeclineReason } from "../duckdb/engineTexts";
import { decodeInput } from "../decodeInput";
import type { GradeRequest } from "../gradeRequest";
import { gradeTable, type GradedTable } from "../gradeTable";
import { readCsvBytes } from "../readCsv";
import { UsageError } from "../usageError";

/** Enough of the file for its header and a few thousand rows: what the engine grades first, to find the columns. */
const HEAD_BYTES = 256 * 1024;

export interface PlainHead {
  /** The first rows as the JavaScript reader and the engine graded them (its columns, unit, profile, analysis date). */
  first: GradedTable;
  /** Where the data lines begin in the file (after the byte-order mark and the header line). */
  dataStart: number;
  /** The header line ends in CR LF: every line must. */
  crlf: boolean;
  /** Bytes of the file. */
  size: number;
  /** Bytes per line in the head, to size the arrays of a whole reading. */
  lineBytes: number;
}

/** What a fast reading needs of the cells to read them as the engine does. */
export interface CellForms {
  /** The analysis date as a day number: a later last purchase is noted by the engine. */
  asOfDay: number;
  /** The profile refuses totals of zero or less (thresholds). */
  positiveTotal: boolean;
}

export function cellForms(first: GradedTable): CellForms {
  return { asOfDay: first.res.asOfDay, positiveTotal: first.res.profile.method === "thresholds" };
}

/** Reads and grades the head of `req.inputPath`, or says why no fast reading of it is tried. */
export function readPlainHead(req: GradeRequest, headBytes = HEAD_BYTES): PlainHead | { declined: DeclineReason } {
  const path = req.inputPath;
  const head = readHead(path, headBytes);
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
  // A first line that is a header of sales records tells them before the head is graded for nothing (sales are read
  // in blocks). Anything less certain (a title row above the header) is left to the head's grading.
  const headerText = body.toString("utf8", 0, headerEnd - (body[headerEnd - 1] === 13 ? 1 : 0));
  const detected = detectColumns(headerText.split(","), req.manual, req.kind);
  if (detected.kind === "transactions" && detected.missing.length === 0) return { declined: "salesRecords" };

  let first: GradedTable;
  try {
    const read = readCsvBytes(path, body, ",").table;
    read.text = { encoding: decoded.encoding, bom: decoded.bom, evidence: decoded.evidence, delimiter: "," };
    first = gradeTable(read, req);
  } catch (err) {
    // The JavaScript reader reads the whole file and says what is wrong, in the user's words.
    if (err instanceof UsageError) return { declined: "rowsNeedNotes" };
    throw err;
  }
  if (first.kind !== "customers") return { declined: "salesRecords" };
  if (first.table.firstRowNumber !== 2) return { declined: "headerBelow" };
  if (ownOutputBlock(first.table.headers) !== null) return { declined: "earlierResults" };
  if (first.res.issues.length > 0 || (first.res.summary.blankRows ?? 0) > 0) return { declined: "rowsNeedNotes" };

  const dataStart = (decoded.bom ? 3 : 0) + headerEnd + 1;
  const crlf = headerEnd > 0 && body[headerEnd - 1] === 13;
  const lineBytes = Math.max(1, (head.bytes.length - dataStart) / Math.max(1, first.table.rowCount));
  return { first, dataStart, crlf, size: head.size, lineBytes };
}

/** The first bytes of the file, cut after their last line break (the whole file when it is small). */
function readHead(path: string, headBytes: number): { bytes: Buffer; size: number } {
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  try {
    const bytes = Buffer.alloc(Math.min(size, headBytes));
    const read = readSync(fd, bytes, 0, bytes.length, 0);
    if (read >= size) return { bytes: bytes.subarray(0, read), size };
    const lastBreak = bytes.lastIndexOf(10, read - 1);
    return { bytes: bytes.subarray(0, lastBreak < 0 ? read : lastBreak + 1), size };
  } finally {
    closeSync(fd);
  }
}
