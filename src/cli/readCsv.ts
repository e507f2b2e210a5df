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
const GUESS_CHARS = 64 * 1024;

/** Reads a UTF-8 CSV file (with or without a byte-order mark) into a table: the first record is the header. */
export function readCsv(path: string, bytes: Buffer): CsvRead {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  if (!isUtf8(body)) throw new UsageError(USAGE_TEXTS.notUtf8(path));
  const text = body.toString("utf8");
  if (text.trim() === "") throw new UsageError(USAGE_TEXTS.emptyFile(path));

  const newline = lineBreakOf(text);
  const delimiter = Papa.parse(text.slice(0, GUESS_CHARS), { preview: 20, newline, delimitersToGuess: DELIMITERS })
    .meta.delimiter || ",";
  const parsed = Papa.parse(text, { delimiter, newline });
  const records = parsed.data;
  while (records.length > 1 && isEmptyRecord(records[records.length - 1])) records.pop();

  const headers = records[0];
  const rows = records.slice(1);
  // Row lengths are taken in one pass: the row arrays lie all over the heap, and each visit costs a cache miss.
  const lengths = new Uint32Array(rows.length);
  let width = headers.length;
  for (let i = 0; i < rows.length; i++) {
    lengths[i] = rows[i].length;
    if (lengths[i] > width) width = lengths[i];
  }

  const warnings = parsed.errors
    .filter((e) => e.type === "Quotes")
    .map((e) => SUMMARY_TEXTS.csvProblem((e.row ?? 0) + 1, e.message));

  return {
    table: { source: "csv", headers, rows, width, firstRowNumber: 2, date1904: false, rawRows: rawRowsOf(body, text, newline, delimiter, lengths, width) },
    warnings,
  };
}

function lineBreakOf(text: string): string {
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
  body: Buffer, text: string, newline: string, delimiter: string, lengths: Uint32Array, width: number,
): RawRows | undefined {
  if (delimiter !== "," || text.includes('"') || newline === "\r") return undefined;
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
