import { isUtf8 } from "buffer";
import * as Papa from "papaparse";
import type { Localized } from "../engine";
import { csvTable } from "./csv/csvTable";
import { scanCsv, type LineBreak } from "./csv/scanCsv";
import type { Table } from "./table";
import { SUMMARY_TEXTS, USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

export interface CsvRead {
  table: Table;
  /** Malformed quoting and the like: the rows are still graded, the user is told where to look. */
  warnings: Localized[];
}

const DELIMITERS = [",", ";", "\t", "|"];
// Enough lines to tell the delimiter; guessing on the whole of a large file costs most of a second.
const GUESS_BYTES = 64 * 1024;

/** Reads a UTF-8 CSV file (with or without a byte-order mark) into a table: the first record is the header. */
export function readCsv(path: string, bytes: Buffer): CsvRead {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  if (!isUtf8(body)) throw new UsageError(USAGE_TEXTS.notUtf8(path));
  const head = body.subarray(0, GUESS_BYTES).toString("utf8");
  if (head.trim() === "" && body.toString("utf8").trim() === "") throw new UsageError(USAGE_TEXTS.emptyFile(path));
  const newline = lineBreakOf(head);
  const delimiter = Papa.parse<string[]>(head, { preview: 20, newline, delimitersToGuess: DELIMITERS }).meta.delimiter || ",";
  return readCsvBytes(path, body, delimiter, newline);
}

/**
 * The table in UTF-8 bytes (no byte-order mark) with a known delimiter: the seam for any decoder that turns other
 * encodings into UTF-8 first.
 */
export function readCsvBytes(path: string, body: Buffer, delimiter: string, newline: LineBreak = lineBreakOfBytes(body)): CsvRead {
  const scan = scanCsv(body, delimiter, newline);
  // A quote that never closes swallows every later line into one cell: grading what is left would mislead.
  const unclosed = scan.problems.find((p) => p.code === "MissingQuotes");
  if (unclosed) throw new UsageError(USAGE_TEXTS.unclosedQuote(path, unclosed.record + 1));
  const warnings = scan.problems.map((p) => SUMMARY_TEXTS.csvProblem(p.record + 1, p.message));
  return { table: csvTable(scan, delimiter), warnings };
}

function lineBreakOf(text: string): LineBreak {
  const lf = text.indexOf("\n");
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return "\r\n";
  if (lf >= 0) return "\n";
  return text.includes("\r") ? "\r" : "\n";
}

function lineBreakOfBytes(body: Buffer): LineBreak {
  return lineBreakOf(body.subarray(0, GUESS_BYTES).toString("latin1"));
}
