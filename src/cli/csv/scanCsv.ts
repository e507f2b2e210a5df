/**
 * A CSV file (RFC 4180) scanned once, byte by byte, into the positions of its records and fields: no string is made
 * for a field until someone asks for it, so a million-row file costs a few typed arrays instead of millions of
 * strings and row arrays for the garbage collector to trace.
 */

export type LineBreak = "\r\n" | "\n" | "\r";

export interface CsvScan {
  bytes: Uint8Array;
  /** Records found (the header is record 0). Record r's fields are fields recordStart[r] .. recordStart[r+1]-1. */
  records: number;
  recordStart: Int32Array;
  /** Field k is bytes[fieldStart[k], fieldEnd[k]) without its enclosing quotes. */
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  /** 1 where field k was quoted and holds doubled quotes ("") that stand for one. */
  doubled: Uint8Array;
  /** Where record r begins and ends in the file (without its line break), for copying unchanged rows. */
  lineStart: Int32Array;
  lineEnd: Int32Array;
  /** True when some field was quoted (then a record may span lines or hold delimiters). */
  quoted: boolean;
  /** Malformed quoting, by record number (0 = header). */
  problems: { record: number; code: "MissingQuotes" | "InvalidQuotes"; message: string }[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Scans UTF-8 bytes (no byte-order mark) with the given delimiter and line break. A field that starts with a quote
 * runs to the next quote not doubled; a quote inside an unquoted field is an ordinary character. Only the given line
 * break ends a record (a lone line feed in a CRLF file stays inside its field, as Excel writes it).
 */
export function scanCsv(bytes: Uint8Array, delimiter: string, newline: LineBreak): CsvScan {
  const n = bytes.length;
  const delim = delimiter.charCodeAt(0);
  const nl = newline === "\n" ? LF : CR;
  const crlf = newline === "\r\n";
  // Estimates from the first few kilobytes keep the arrays from being regrown many times. The arrays are plain
  // locals (not objects with a push method): the loop below runs once per byte and once per field of a large file.
  const guess = Math.ceil((n / Math.max(1, Math.min(n, 4096))) * countLines(bytes, Math.min(n, 4096), nl)) + 16;
  let recordStart = new Int32Array(guess + 1);
  let lineStart = new Int32Array(guess);
  let lineEnd = new Int32Array(guess);
  let fieldStart = new Int32Array(guess * 6);
  let fieldEnd = new Int32Array(guess * 6);
  let fields = 0;
  const doubledAt: number[] = [];
  const problems: CsvScan["problems"] = [];
  let quoted = false;
  let records = 0;
  let i = 0;

  while (i < n || (i === n && records === 0 && n > 0)) {
    if (records + 1 >= recordStart.length) {
      recordStart = grown(recordStart);
      lineStart = grown(lineStart);
      lineEnd = grown(lineEnd);
    }
    recordStart[records] = fields;
    lineStart[records] = i;
    // One record: fields until the line break or the end of the file.
    for (;;) {
      let start = i, end: number;
      if (i < n && bytes[i] === QUOTE) {
        quoted = true;
        start = ++i;
        let hasDoubled = false;
        for (;;) {
          const q = indexOfByte(bytes, QUOTE, i);
          if (q < 0) {
            problems.push({ record: records, code: "MissingQuotes", message: "Quoted field unterminated" });
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
          if (i < n && bytes[i] !== delim && !isBreak(bytes, i, nl, crlf)) {
            // Text after the closing quote: kept as it stands, up to the next delimiter or line break.
            problems.push({ record: records, code: "InvalidQuotes", message: "Trailing quote on quoted field is malformed" });
            while (i < n && bytes[i] !== delim && !isBreak(bytes, i, nl, crlf)) i++;
            end = i;
          }
          break;
        }
        if (hasDoubled) doubledAt.push(fields);
      } else {
        while (i < n) {
          const b = bytes[i];
          if (b === delim || (b === nl && (!crlf || (i + 1 < n && bytes[i + 1] === LF)))) break;
          i++;
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
    if (i < n) i += crlf ? 2 : 1; // the line break
    else break;
  }
  recordStart[records] = fields;
  const doubled = new Uint8Array(fields);
  for (const k of doubledAt) doubled[k] = 1;
  return {
    bytes,
    records,
    recordStart: recordStart.subarray(0, records + 1),
    fieldStart: fieldStart.subarray(0, fields),
    fieldEnd: fieldEnd.subarray(0, fields),
    doubled,
    lineStart: lineStart.subarray(0, records),
    lineEnd: lineEnd.subarray(0, records),
    quoted,
    problems,
  };
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

function isBreak(bytes: Uint8Array, i: number, nl: number, crlf: boolean): boolean {
  return bytes[i] === nl && (!crlf || (i + 1 < bytes.length && bytes[i + 1] === LF));
}

function indexOfByte(bytes: Uint8Array, b: number, from: number): number {
  return bytes.indexOf(b, from);
}

function countLines(bytes: Uint8Array, upTo: number, nl: number): number {
  let lines = 1;
  for (let i = 0; i < upTo; i++) if (bytes[i] === nl) lines++;
  return lines;
}
