import type { Localized } from "../engine";
import { csvTable } from "./csv/csvTable";
import { decodeInput, type InputEncoding } from "./decodeInput";
import { scanCsv } from "./csv/scanCsv";
import type { Table } from "./table";
import { SUMMARY_TEXTS, USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

export interface CsvRead {
  table: Table;
  /** Malformed quoting and the like: the rows are still graded, the user is told where to look. */
  warnings: Localized[];
}

// Enough of the file to tell whether it holds anything.
const GUESS_BYTES = 64 * 1024;
/** Malformed quotes named one by one in the summary; the rest are counted. */
const PROBLEMS_LISTED = 5;

/**
 * Reads a CSV file into a table: the first record is the header. decodeInput makes its bytes UTF-8 (from UTF-16 or
 * GBK when Excel saved it so) and finds the delimiter; the summary names both.
 */
export function readCsv(path: string, bytes: Buffer, encoding?: InputEncoding): CsvRead {
  const input = decodeInput(path, bytes, encoding);
  const body = input.bytes;
  const head = body.subarray(0, GUESS_BYTES).toString("utf8");
  if (head.trim() === "" && body.toString("utf8").trim() === "") throw new UsageError(USAGE_TEXTS.emptyFile(path));
  const read = readCsvBytes(path, body, input.delimiter);
  read.table.text = { encoding: input.encoding, bom: input.bom, evidence: input.evidence, delimiter: input.delimiter };
  return read;
}

/**
 * The table in UTF-8 bytes (no byte-order mark) with a known delimiter: the seam for any decoder that turns other
 * encodings into UTF-8 first.
 */
export function readCsvBytes(path: string, body: Buffer, delimiter: string): CsvRead {
  const scan = scanCsv(body, delimiter);
  // A quote that never closes and swallows later lines into one cell: grading what is left would mislead. One that
  // only runs to the end of the last line loses nothing: the cell is read as Python's csv reads it, and reported.
  const unclosed = scan.problems.find((p) => p.code === "Unclosed");
  if (unclosed?.swallowsLines) throw new UsageError(USAGE_TEXTS.unclosedQuote(path, unclosed.record + 1));
  const afterQuote = scan.problems.filter((p) => p.code === "TextAfterQuote");
  const warnings = afterQuote.slice(0, PROBLEMS_LISTED).map((p) => SUMMARY_TEXTS.csvProblem(p.record + 1, p.code));
  if (afterQuote.length > PROBLEMS_LISTED)
    warnings.push(SUMMARY_TEXTS.moreCsvProblems(afterQuote.length - PROBLEMS_LISTED));
  if (unclosed) warnings.push(SUMMARY_TEXTS.csvProblem(unclosed.record + 1, unclosed.code));
  return { table: csvTable(scan, delimiter), warnings };
}
