import type { Localized } from "../engine";
import { csvTable } from "./csv/csvTable";
import { decodeInput, type InputEncoding } from "./decodeInput";
import { scanCsv, type LineBreak } from "./csv/scanCsv";
import type { Table } from "./table";
import { SUMMARY_TEXTS, USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

export interface CsvRead {
  table: Table;
  /** Malformed quoting and the like: the rows are still graded, the user is told where to look. */
  warnings: Localized[];
}

// Enough of the file to tell its line breaks.
const GUESS_BYTES = 64 * 1024;

/**
 * Reads a CSV file into a table: the first record is the header. decodeInput makes its bytes UTF-8 (from UTF-16 or
 * GBK when Excel saved it so) and finds the delimiter; the summary names both.
 */
export function readCsv(path: string, bytes: Buffer, encoding?: InputEncoding): CsvRead {
  const input = decodeInput(path, bytes, encoding);
  const body = input.bytes;
  const head = body.subarray(0, GUESS_BYTES).toString("utf8");
  if (head.trim() === "" && body.toString("utf8").trim() === "") throw new UsageError(USAGE_TEXTS.emptyFile(path));
  const read = readCsvBytes(path, body, input.delimiter, lineBreakOf(head));
  read.table.text = { encoding: input.encoding, bom: input.bom, detected: input.detected, delimiter: input.delimiter };
  return read;
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
