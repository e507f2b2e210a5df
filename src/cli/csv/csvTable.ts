import { isAscii } from "buffer";
import { cellNumber, dayToSerial, parseDay, type Cell } from "../../engine";
import type { RawRows, Table } from "../table";
import type { CsvScan } from "./scanCsv";

const QUOTE_PAIR = /""/g;
/** Below V8's longest string (2^29 - 24 one-byte characters), with room to spare. */
const MAX_ONE_STRING = 256 * 1024 * 1024;

/**
 * A scanned CSV as a table. Cells become strings only when asked for. The columns the engine grades are handed over
 * pre-read where that changes nothing: a date cell the engine reads as a date becomes its serial number (which the
 * engine reads back as the same day), a number cell whose text is exactly the number's own text becomes that number;
 * every other cell stays the text it was, so the engine sees and explains it exactly as before.
 */
export function csvTable(scan: CsvScan, delimiter: string): Table {
  const { records, recordStart, fieldStart, fieldEnd, doubled } = scan;
  const bytes = Buffer.from(scan.bytes.buffer, scan.bytes.byteOffset, scan.bytes.byteLength);
  // Text that is all ASCII is cut into one-byte strings without decoding; the header (often Chinese) does not count.
  const dataFrom = records > 1 ? scan.lineStart[1] : bytes.length;
  const ascii = isAscii(bytes.subarray(dataFrom));
  // ASCII data are decoded once into one string, and cells are cut from it (far cheaper than a call into Node per cell).
  const data = ascii && bytes.length - dataFrom < MAX_ONE_STRING ? bytes.latin1Slice(dataFrom, bytes.length) : undefined;
  const text = (k: number): string => {
    const s = fieldStart[k], e = fieldEnd[k];
    if (s === e) return "";
    const raw =
      data !== undefined && s >= dataFrom ? data.substring(s - dataFrom, e - dataFrom)
      : ascii && s >= dataFrom ? bytes.latin1Slice(s, e)
      : bytes.utf8Slice(s, e);
    return doubled[k] === 1 ? raw.replace(QUOTE_PAIR, '"') : raw;
  };
  const fieldsOf = (r: number) => recordStart[r + 1] - recordStart[r];
  const isEmptyRecord = (r: number) => fieldsOf(r) === 1 && fieldStart[recordStart[r]] === fieldEnd[recordStart[r]];

  let last = records - 1; // trailing empty lines are not rows
  while (last >= 1 && isEmptyRecord(last)) last--;
  const headerFields = records === 0 ? 0 : fieldsOf(0);
  const headers: Cell[] = Array.from({ length: headerFields }, (_, c) => text(recordStart[0] + c));
  let width = headerFields;
  for (let r = 1; r <= last; r++) width = Math.max(width, fieldsOf(r));

  const view = (firstRecord: number, headerCells: Cell[], firstRowNumber: number): Table => {
    const rowCount = Math.max(0, last - firstRecord + 1);
    const cell = (i: number, c: number): Cell => {
      const r = firstRecord + i;
      return c < fieldsOf(r) ? text(recordStart[r] + c) : "";
    };
    return {
      source: "csv",
      headers: headerCells,
      rowCount,
      width,
      firstRowNumber,
      date1904: false,
      cell,
      row: (i) => Array.from({ length: width }, (_, c) => cell(i, c)),
      engineColumn: (c, role, idsRepeat) => {
        if (role === "id" && idsRepeat) return idColumn(scan, firstRecord, rowCount, c, cell);
        const out = new Array<Cell>(rowCount);
        const read = role === "date" ? asDate : role === "count" || role === "total" || role === "amount" ? asNumber : asText;
        for (let i = 0; i < rowCount; i++) out[i] = read(cell(i, c));
        return out;
      },
      below: (k) => view(firstRecord + k + 1, Array.from({ length: width }, (_, c) => cell(k, c)), firstRowNumber + k + 1),
      rawRows: rawRowsOf(scan, delimiter, firstRecord, rowCount, width),
    };
  };
  return view(1, headers, 2);
}

const asText = (v: Cell): Cell => v;

/**
 * The id column with one string per distinct id: sales records repeat each customer's id on every sale, and a single
 * string object per id makes the engine's grouping find it by identity (its hash computed once) and leaves a fifth of
 * the strings for the garbage collector. Ids are told apart by their bytes, so the strings are exactly the cells.
 */
function idColumn(scan: CsvScan, firstRecord: number, rows: number, c: number, cell: (i: number, c: number) => Cell): Cell[] {
  const { bytes, recordStart, fieldStart, fieldEnd } = scan;
  const out = new Array<Cell>(rows);
  let size = 1024;
  while (size < rows * 2) size *= 2;
  const mask = size - 1;
  // Slot t holds [hash, row] at 2t, 2t+1: one cache line answers most lookups without touching the rows.
  const table = new Int32Array(size * 2).fill(-1);
  for (let i = 0; i < rows; i++) {
    const r = firstRecord + i;
    if (c >= recordStart[r + 1] - recordStart[r]) {
      out[i] = "";
      continue;
    }
    const k = recordStart[r] + c;
    const s = fieldStart[k], e = fieldEnd[k];
    let h = 0x811c9dc5;
    for (let b = s; b < e; b++) h = Math.imul(h ^ bytes[b], 0x01000193);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const j = table[2 * slot + 1];
      if (j < 0) {
        table[2 * slot] = h;
        table[2 * slot + 1] = i;
        out[i] = cell(i, c);
        break;
      }
      if (table[2 * slot] === h && sameField(scan, recordStart[firstRecord + j] + c, k)) {
        out[i] = out[j];
        break;
      }
    }
  }
  return out;
}

/** Fields k1 and k2 hold the same bytes (and the same quoting, so the same text). */
function sameField(scan: CsvScan, k1: number, k2: number): boolean {
  const { bytes, fieldStart, fieldEnd, doubled } = scan;
  const s1 = fieldStart[k1], s2 = fieldStart[k2], n = fieldEnd[k1] - s1;
  if (n !== fieldEnd[k2] - s2 || doubled[k1] !== doubled[k2]) return false;
  for (let b = 0; b < n; b++) if (bytes[s1 + b] !== bytes[s2 + b]) return false;
  return true;
}

function asDate(v: Cell): Cell {
  const day = parseDay(v);
  return day === null ? v : dayToSerial(day);
}

function asNumber(v: Cell): Cell {
  if (typeof v !== "string" || !isOwnNumberText(v)) return v;
  const n = cellNumber(v);
  return n === n ? n : v;
}

/**
 * True when the text is exactly how JavaScript writes the number it stands for (String(Number(t)) === t), so that
 * handing the engine the number instead of the text changes nothing, not even how a note quotes the cell: no sign
 * but a minus, no leading or trailing zeros, no exponent, at most 15 significant digits (every such decimal is the
 * shortest text of its double), and not so small that JavaScript would switch to an exponent (below 1e-6).
 */
export function isOwnNumberText(t: string): boolean {
  const n = t.length;
  let k = t.charCodeAt(0) === 45 ? 1 : 0; // "-"
  if (k >= n) return false;
  const intStart = k;
  while (k < n && isDigit(t.charCodeAt(k))) k++;
  const intDigits = k - intStart;
  if (intDigits === 0 || (intDigits > 1 && t.charCodeAt(intStart) === 48)) return false;
  let significant = t.charCodeAt(intStart) === 48 ? 0 : intDigits;
  if (k === n) return significant <= 15 && !(intStart === 1 && significant === 0); // "-0" prints as "0"
  if (t.charCodeAt(k) !== 46) return false; // "."
  const fracStart = ++k;
  while (k < n && isDigit(t.charCodeAt(k))) k++;
  if (k !== n || k === fracStart || t.charCodeAt(n - 1) === 48) return false;
  if (significant === 0) {
    let zeros = 0;
    while (t.charCodeAt(fracStart + zeros) === 48) zeros++;
    if (zeros > 5) return false;
    significant = n - fracStart - zeros;
  } else significant += n - fracStart;
  return significant <= 15;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Without a single quoted field every record is one line, split at commas, so each data row can be copied to CSV
 * output verbatim. Any quote (a field holding a comma or a line break) means fields are re-quoted.
 */
function rawRowsOf(scan: CsvScan, delimiter: string, firstRecord: number, rows: number, width: number): RawRows | undefined {
  if (delimiter !== "," || scan.quoted) return undefined;
  const missing = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) {
    const r = firstRecord + i;
    missing[i] = width - (scan.recordStart[r + 1] - scan.recordStart[r]);
  }
  return {
    bytes: Buffer.from(scan.bytes.buffer, scan.bytes.byteOffset, scan.bytes.byteLength),
    starts: scan.lineStart.subarray(firstRecord, firstRecord + rows),
    ends: scan.lineEnd.subarray(firstRecord, firstRecord + rows),
    missing,
  };
}

declare module "buffer" {
  interface Buffer {
    /** Node's own fast slicers (what toString("latin1" / "utf8", start, end) calls after checking its arguments). */
    latin1Slice(start: number, end: number): string;
    utf8Slice(start: number, end: number): string;
  }
}
