/**
 * A CSV file scanned once, byte by byte, into the positions of its records and fields: no string is made for a field
 * until someone asks for it, so a million-row file costs a few typed arrays instead of millions of strings and row
 * arrays for the garbage collector to trace.
 *
 * Records and fields are split where Excel and Python's `csv` module (default dialect, `strict=False`) split them:
 * - outside quotes, CRLF, LF and a lone CR each end a record, in any mix within one file (Excel saves CRLF, other
 *   tools append LF rows; old Mac tools write CR);
 * - a field that starts with a quote runs to the next quote that is not doubled (`""` stands for one quote); line
 *   breaks and delimiters inside it are text (Alt+Enter in a cell);
 * - text after a closing quote is kept, without that quote (`"x"y` reads `xy`), and reported;
 * - a quote inside an unquoted field is an ordinary character (`5" screen`);
 * - a quote that never closes runs to the end of the file (reported: the reader decides whether that can be graded);
 * - an empty line is a record of one empty field.
 */

import { TextDecoder } from "util";

export interface CsvScan {
  bytes: Uint8Array;
  /** Records found (the header is record 0). Record r's fields are fields recordStart[r] .. recordStart[r+1]-1. */
  records: number;
  recordStart: Int32Array;
  /** Field k is bytes[fieldStart[k], fieldEnd[k]), read as quoting[k] says (see fieldText). */
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  /** How field k's bytes make its text: AS_IS, UNDOUBLE or REREAD. */
  quoting: Uint8Array;
  /** Where record r begins and ends in the file (without its line break), for copying unchanged rows. */
  lineStart: Int32Array;
  lineEnd: Int32Array;
  /** True when some field was quoted (then a record may span lines or hold delimiters). */
  quoted: boolean;
  /** Malformed quoting, by record number (0 = header). */
  problems: CsvProblem[];
}

interface CsvProblem {
  record: number;
  /** TextAfterQuote: `"x"y`; Unclosed: a quote that never closes (the field runs to the end of the file). */
  code: "TextAfterQuote" | "Unclosed";
  /** Unclosed only: the open field holds a line break with text after it, so later lines fell into it. */
  swallowsLines?: boolean;
}

/** The field's bytes are its text. */
export const AS_IS = 0;
/** A quoted field whose doubled quotes ("") each stand for one quote. */
export const UNDOUBLE = 1;
/** A quoted field with text after its closing quote: bytes[fieldStart] is the opening quote; see fieldText. */
export const REREAD = 2;

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Scans UTF-8 bytes (no byte-order mark) with the given one-byte delimiter. */
export function scanCsv(bytes: Uint8Array, delimiter: string): CsvScan {
  const n = bytes.length;
  const delim = delimiter.charCodeAt(0);
  const top = Math.max(delim, CR, LF);
  // Estimates from the first few kilobytes keep the arrays from being regrown many times. The arrays are plain
  // locals (not objects with a push method): the loop below runs once per byte and once per field of a large file.
  const sample = Math.min(n, 4096);
  const guess = Math.ceil((n / Math.max(1, sample)) * countBreaks(bytes, sample)) + 16;
  let recordStart = new Int32Array(guess + 1);
  let lineStart = new Int32Array(guess);
  let lineEnd = new Int32Array(guess);
  let fieldStart = new Int32Array(guess * 6);
  let fieldEnd = new Int32Array(guess * 6);
  let fields = 0;
  const undoubleAt: number[] = [];
  const rereadAt: number[] = [];
  const problems: CsvProblem[] = [];
  let quoted = false;
  let records = 0;
  let i = 0;

  while (i < n) {
    if (records + 1 >= recordStart.length) {
      recordStart = grown(recordStart);
      lineStart = grown(lineStart);
      lineEnd = grown(lineEnd);
    }
    recordStart[records] = fields;
    lineStart[records] = i;
    // One record: fields until a line break or the end of the file.
    for (;;) {
      let start = i,
        end: number;
      if (i < n && bytes[i] === QUOTE) {
        quoted = true;
        const open = i;
        start = ++i;
        let hasDoubled = false;
        for (;;) {
          const q = bytes.indexOf(QUOTE, i);
          if (q < 0) {
            problems.push({ record: records, code: "Unclosed", swallowsLines: holdsLineBreakBeforeText(bytes, start) });
            i = n;
            end = n;
            break;
          }
          if (q + 1 < n && bytes[q + 1] === QUOTE) {
            hasDoubled = true;
            i = q + 2;
            continue;
          }
          end = q;
          i = q + 1;
          if (i < n && bytes[i] !== delim && bytes[i] !== LF && bytes[i] !== CR) {
            // Text after the closing quote: kept, up to the next delimiter or line break (quotes in it are text).
            problems.push({ record: records, code: "TextAfterQuote" });
            while (i < n && bytes[i] !== delim && bytes[i] !== LF && bytes[i] !== CR) i++;
            start = open;
            end = i;
            rereadAt.push(fields);
            hasDoubled = false;
          }
          break;
        }
        if (hasDoubled) undoubleAt.push(fields);
      } else {
        // Letters and digits are above a comma, a tab and both line breaks: one comparison for most bytes, and no
        // test of the end either (past it the byte read is undefined, which is not above anything).
        let b = bytes[i];
        for (;;) {
          while (b > top) b = bytes[++i];
          if (i >= n || b === delim || b === LF || b === CR) break;
          b = bytes[++i];
        }
        end = i;
      }
      if (fields === fieldStart.length) {
        fieldStart = grown(fieldStart);
        fieldEnd = grown(fieldEnd);
      }
      fieldStart[fields] = start;
      fieldEnd[fields] = end;
      fields++;
      if (i < n && bytes[i] === delim) {
        i++;
        continue;
      }
      break;
    }
    lineEnd[records] = i;
    records++;
    // The line break: CRLF, LF or CR.
    if (i < n && bytes[i++] === CR && i < n && bytes[i] === LF) i++;
  }
  recordStart[records] = fields;
  const quoting = new Uint8Array(fields);
  for (const k of undoubleAt) quoting[k] = UNDOUBLE;
  for (const k of rereadAt) quoting[k] = REREAD;
  return {
    bytes,
    records,
    recordStart: recordStart.subarray(0, records + 1),
    fieldStart: fieldStart.subarray(0, fields),
    fieldEnd: fieldEnd.subarray(0, fields),
    quoting,
    lineStart: lineStart.subarray(0, records),
    lineEnd: lineEnd.subarray(0, records),
    quoted,
    problems,
  };
}

/**
 * The text of a REREAD field bytes[from, to) (from is its opening quote): inside the quotes a doubled quote is one
 * quote; after the closing quote every byte is text, quotes included (`"a""b"c"d` reads `a"bc"d`).
 */
export function rereadField(bytes: Uint8Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to - from);
  let at = 0,
    i = from + 1;
  while (i < to) {
    if (bytes[i] === QUOTE) {
      if (i + 1 < to && bytes[i + 1] === QUOTE) {
        out[at++] = QUOTE;
        i += 2;
        continue;
      }
      i++;
      break;
    }
    out[at++] = bytes[i++];
  }
  while (i < to) out[at++] = bytes[i++];
  return out.subarray(0, at);
}

/** Every record's fields as text (for tools and tests; the table reads cells one at a time instead). */
export function scanRecords(scan: CsvScan): string[][] {
  // A byte-order mark inside the text is text: the decoder must not drop one at the start of a field.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const rows: string[][] = [];
  for (let r = 0; r < scan.records; r++) {
    const row: string[] = [];
    for (let k = scan.recordStart[r]; k < scan.recordStart[r + 1]; k++) row.push(fieldText(scan, k, decoder));
    rows.push(row);
  }
  return rows;
}

function fieldText(scan: CsvScan, k: number, decoder: TextDecoder): string {
  const { bytes, fieldStart, fieldEnd, quoting } = scan;
  if (quoting[k] === REREAD) return decoder.decode(rereadField(bytes, fieldStart[k], fieldEnd[k]));
  const raw = decoder.decode(bytes.subarray(fieldStart[k], fieldEnd[k]));
  return quoting[k] === UNDOUBLE ? raw.replace(/""/g, '"') : raw;
}

/** True when bytes from `start` on hold a line break followed by anything but more line breaks. */
function holdsLineBreakBeforeText(bytes: Uint8Array, start: number): boolean {
  let i = start;
  while (i < bytes.length && bytes[i] !== LF && bytes[i] !== CR) i++;
  while (i < bytes.length && (bytes[i] === LF || bytes[i] === CR)) i++;
  return i < bytes.length;
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/** Line feeds in the first bytes, or carriage returns when there is no line feed (a file of CR line breaks). */
function countBreaks(bytes: Uint8Array, upTo: number): number {
  let lf = 1,
    cr = 1;
  for (let i = 0; i < upTo; i++) {
    if (bytes[i] === LF) lf++;
    else if (bytes[i] === CR) cr++;
  }
  return lf > 1 ? lf : cr;
}
