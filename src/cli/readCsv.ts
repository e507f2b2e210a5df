import { isUtf8 } from "buffer";
import * as Papa from "papaparse";
import type { RawRows, Table } from "./table";
import { SUMMARY_TEXTS, USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";
import type { Localized } from "../engine";

export interface CsvRead {
  table: Table;
  /** Malformed quoting and the like: the rows are still graded, the user is told where to look. */
  warnings: Localized[];
}

const DELIMITERS = [",", ";", "\t", "|"];
// Enough lines for papaparse to tell the delimiter; guessing on the whole of a large file costs most of a second.
const GUESS_BYTES = 64 * 1024;
const LINE_FEED = 10;
const QUOTE = 34;

/** Reads a UTF-8 CSV file (with or without a byte-order mark) into a table: the first record is the header. */
export function readCsv(path: string, bytes: Buffer): CsvRead {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  if (!isUtf8(body)) throw new UsageError(USAGE_TEXTS.notUtf8(path));
  const head = body.subarray(0, GUESS_BYTES).toString("utf8");
  if (head.trim() === "" && body.toString("utf8").trim() === "") throw new UsageError(USAGE_TEXTS.emptyFile(path));
  const newline = lineBreakOf(head);
  const delimiter = Papa.parse<string[]>(head, { preview: 20, newline, delimitersToGuess: DELIMITERS }).meta.delimiter || ",";
  const { headers, rows, errors } = parseRecords(body, { delimiter, newline });
  while (rows.length > 0 && isEmptyRecord(rows[rows.length - 1])) rows.pop();

  // Row lengths are taken in one pass: the row arrays lie all over the heap, and each visit costs a cache miss.
  const lengths = new Uint32Array(rows.length);
  let width = headers.length;
  for (let i = 0; i < rows.length; i++) {
    lengths[i] = rows[i].length;
    if (lengths[i] > width) width = lengths[i];
  }

  // A quote that never closes swallows every later line into one cell: grading what is left would mislead.
  const unclosed = errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) throw new UsageError(USAGE_TEXTS.unclosedQuote(path, unclosed.rowNumber));
  const warnings = errors.map((e) => SUMMARY_TEXTS.csvProblem(e.rowNumber, e.message));

  return {
    table: { source: "csv", headers, rows, width, firstRowNumber: 2, date1904: false, rawRows: rawRowsOf(body, newline, delimiter, lengths, width) },
    warnings,
  };
}

interface Records {
  headers: string[];
  rows: string[][];
  /** Malformed quoting, with the file's row number (the header is row 1). */
  errors: { rowNumber: number; code: string; message: string }[];
}

/**
 * The header record and the data records. Chinese headers would make the whole decoded text a two-byte string; when
 * the header line can be cut off safely (no quotes in it), the data rows of ids, dates and numbers are decoded on their
 * own into a one-byte string of half the size.
 */
function parseRecords(body: Buffer, config: { delimiter: string; newline: LineBreak }): Records {
  const headerEnd = body.indexOf(LINE_FEED);
  const quoteErrors = (errors: Papa.ParseError[], firstRowNumber: number) =>
    errors.filter((e) => e.type === "Quotes").map((e) => ({ rowNumber: (e.row ?? 0) + firstRowNumber, code: e.code, message: e.message }));
  if (headerEnd >= 0 && body.subarray(0, headerEnd).indexOf(QUOTE) < 0) {
    const header = Papa.parse<string[]>(body.subarray(0, headerEnd + 1).toString("utf8"), config);
    const data = Papa.parse<string[]>(body.subarray(headerEnd + 1).toString("utf8"), config);
    return { headers: header.data[0], rows: data.data, errors: quoteErrors(data.errors, 2) };
  }
  const all = Papa.parse<string[]>(body.toString("utf8"), config);
  return { headers: all.data[0] ?? [], rows: all.data.slice(1), errors: quoteErrors(all.errors, 1) };
}

type LineBreak = "\r\n" | "\n" | "\r";

function lineBreakOf(text: string): LineBreak {
  const lf = text.indexOf("\n");
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return "\r\n";
  if (lf >= 0) return "\n";
  return text.includes("\r") ? "\r" : "\n";
}

function isEmptyRecord(record: string[]): boolean {
  return record.every((cell) => cell === "");
}

/**
 * Without a single quote character in the file every record is one line, split at commas, so each data row can be
 * copied to CSV output verbatim. Any quote (a field holding a comma or a line break) means fields are re-quoted.
 */
function rawRowsOf(
  body: Buffer, newline: string, delimiter: string, lengths: Uint32Array, width: number,
): RawRows | undefined {
  if (delimiter !== "," || body.indexOf(QUOTE) >= 0 || newline === "\r") return undefined;
  const rows = lengths.length;
  const starts = new Int32Array(rows);
  const ends = new Int32Array(rows);
  const crlf = newline === "\r\n" ? 1 : 0;
  let lineEnd = body.indexOf(10); // the header line
  for (let i = 0; i < rows; i++) {
    if (lineEnd < 0) return undefined;
    const start = lineEnd + 1;
    let end = body.indexOf(10, start);
    lineEnd = end;
    if (end < 0) end = body.length;
    else if (crlf && body[end - 1] !== 13) return undefined; // a bare line feed inside a CRLF file is not a row end
    else end -= crlf;
    starts[i] = start;
    ends[i] = end;
  }
  return { bytes: body, starts, ends, missing: lengths.map((n) => width - n) };
}
