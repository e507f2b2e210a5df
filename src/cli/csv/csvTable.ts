import { isAscii } from "buffer";
import { cellNumber, dayToSerial, parseDay, repeatedCells, type Cell } from "../../engine";
import { decideReading, readDecimal, type DecimalReading } from "./decimals";
import type { RawRows, Table } from "../table";
import { AS_IS, REREAD, rereadField, UNDOUBLE, type CsvScan } from "./scanCsv";

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
  const { records, recordStart, fieldStart, fieldEnd, quoting } = scan;
  const bytes = Buffer.from(scan.bytes.buffer, scan.bytes.byteOffset, scan.bytes.byteLength);
  // Text that is all ASCII is cut into one-byte strings without decoding; the header (often Chinese) does not count.
  const dataFrom = records > 1 ? scan.lineStart[1] : bytes.length;
  const ascii = isAscii(bytes.subarray(dataFrom));
  // ASCII data are decoded once into one string, and cells are cut from it (far cheaper than a call into Node per cell).
  const data =
    ascii && bytes.length - dataFrom < MAX_ONE_STRING ? bytes.latin1Slice(dataFrom, bytes.length) : undefined;
  const text = (k: number): string => {
    const s = fieldStart[k],
      e = fieldEnd[k];
    if (s === e || quoting[k] !== AS_IS || !(s >= dataFrom && ascii)) return fieldText(scan, k);
    return data !== undefined ? data.substring(s - dataFrom, e - dataFrom) : bytes.latin1Slice(s, e);
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
    // Number columns of a file separated by other than commas: each column's decimal separator, decided once from its
    // distinct texts (which the column's cells are, too, so that each text is read once).
    const readings = new Map<number, { reading: DecimalReading | null; same: SameCells }>();
    const decided = (c: number) => {
      let known = readings.get(c);
      if (!known) {
        const same = sameCells(scan, firstRecord, rowCount, c);
        const texts = Array.from(same.firstRow.subarray(0, same.count), (i) => cell(i, c) as string);
        readings.set(c, (known = { reading: decideReading(texts, delimiter), same }));
      }
      return known;
    };
    const readingOf = (c: number): DecimalReading | null => (delimiter === "," ? null : decided(c).reading);
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
        const read = (i: number) => cell(i, c);
        if (role === "date") return dateColumn(scan, firstRecord, rowCount, c, read);
        if (role === "count" || role === "total" || role === "amount") {
          const reading = readingOf(c);
          if (reading === null) return numberColumn(scan, firstRecord, rowCount, c, read);
          const { keyOf, firstRow, count } = decided(c).same;
          const values = Array.from(firstRow.subarray(0, count), (i) => readDecimal(read(i) as string, reading));
          return Array.from(keyOf, (k) => values[k]);
        }
        if ((role === "id" || role === "carried") && idsRepeat) {
          const { keyOf, firstRow, count } = sameCells(scan, firstRecord, rowCount, c);
          return repeatedCells(Array.from(firstRow.subarray(0, count), read), keyOf);
        }
        return Array.from({ length: rowCount }, (_, i) => read(i));
      },
      numberOf: (c, v) => {
        const reading = readingOf(c);
        if (reading === null || typeof v !== "string") return cellNumber(v);
        const read = readDecimal(v, reading);
        return typeof read === "number" ? read : typeof read === "string" ? cellNumber(read) : NaN;
      },
      decimals: () => [...readings].flatMap(([column, { reading }]) => (reading === null ? [] : [{ column, reading }])),
      below: (k) =>
        view(
          firstRecord + k + 1,
          Array.from({ length: width }, (_, c) => cell(k, c)),
          firstRowNumber + k + 1,
        ),
      rawRows: rawRowsOf(scan, delimiter, firstRecord, rowCount, width),
    };
  };
  return view(1, headers, 2);
}

/** The text of field k: what its cell holds (quotes taken off and doubled quotes made single). */
export function fieldText(scan: CsvScan, k: number): string {
  const s = scan.fieldStart[k],
    e = scan.fieldEnd[k];
  if (s === e) return "";
  const bytes = Buffer.from(scan.bytes.buffer, scan.bytes.byteOffset, scan.bytes.byteLength);
  const quoting = scan.quoting[k];
  if (quoting === REREAD) return Buffer.from(rereadField(bytes, s, e)).toString("utf8");
  const raw = bytes.utf8Slice(s, e);
  return quoting === UNDOUBLE ? raw.replace(QUOTE_PAIR, '"') : raw;
}

interface SameCells {
  /** Row i's cell is the same as row firstRow[keyOf[i]]'s. */
  keyOf: Int32Array;
  firstRow: Int32Array;
  /** Distinct cells. */
  count: number;
}

/**
 * Tells apart the distinct cells of column c by their bytes (and quoting, so equal bytes are equal texts); a cell
 * a short row lacks is the empty text. Sales records repeat each customer's id and each day on many rows: reading
 * and checking one cell per distinct text gives the same answers for a fraction of the work and of the strings.
 * A million ids over 200,000 customers make every lookup a trip to memory, so a slot of the hash table holds all
 * that a match needs but the bytes ([hash, key, length and quoting, where the bytes are]) in one cache line, and the
 * distinct cells' bytes are copied into one small buffer.
 */
function sameCells(scan: CsvScan, firstRecord: number, rows: number, c: number): SameCells {
  const { bytes, recordStart, fieldStart, fieldEnd, quoting } = scan;
  const keyOf = new Int32Array(rows);
  // Everything starts tiny: growing early, before the loop is compiled, means the compiled loop knows how to grow.
  let firstRow = new Int32Array(4);
  let copy = new Uint8Array(16),
    copied = 0;
  let size = 8,
    mask = size - 1;
  let table = new Int32Array(size * SLOT).fill(-1);
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const r = firstRecord + i;
    let s = 0,
      e = 0,
      d = 0;
    if (c < recordStart[r + 1] - recordStart[r]) {
      const k = recordStart[r] + c;
      s = fieldStart[k];
      e = fieldEnd[k];
      d = quoting[k];
    }
    const length = e - s,
      shape = length * 3 + d;
    let h = 0x811c9dc5;
    for (let b = s; b < e; b++) h = Math.imul(h ^ bytes[b], 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h ^= h >>> 12;
    for (let slot = (h & mask) * SLOT; ; slot = (slot + SLOT) & (mask * SLOT + SLOT - 1)) {
      const key = table[slot + 1];
      if (key < 0) {
        if (count === firstRow.length) firstRow = grown(firstRow);
        while (copied + length > copy.length) copy = grown(copy);
        for (let b = 0; b < length; b++) copy[copied + b] = bytes[s + b];
        table[slot] = h;
        table[slot + 1] = count;
        table[slot + 2] = shape;
        table[slot + 3] = copied;
        copied += length;
        firstRow[count] = i;
        keyOf[i] = count++;
        if (count * 2 > size) {
          size *= 2;
          mask = size - 1;
          table = rehashed(table, size);
        }
        break;
      }
      if (table[slot] === h && table[slot + 2] === shape) {
        const from = table[slot + 3];
        let b = 0;
        while (b < length && copy[from + b] === bytes[s + b]) b++;
        if (b === length) {
          keyOf[i] = key;
          break;
        }
      }
    }
  }
  return { keyOf, firstRow, count };
}

/** Int32s per hash-table slot: hash, key, length * 3 + quoting, offset of the bytes. */
const SLOT = 4;

function grown<T extends Int32Array | Uint8Array>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
  bigger.set(a);
  return bigger;
}

function rehashed(old: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(size * SLOT).fill(-1);
  const mask = size - 1;
  for (let t = 0; t < old.length; t += SLOT) {
    if (old[t + 1] < 0) continue;
    let slot = old[t] & mask;
    while (table[slot * SLOT + 1] >= 0) slot = (slot + 1) & mask;
    table.set(old.subarray(t, t + SLOT), slot * SLOT);
  }
  return table;
}

/**
 * The date column: each distinct text read once (sales records repeat a few thousand days over a million rows). A
 * column of dates only becomes an Int32Array of serials, without a boxed value per row.
 */
function dateColumn(
  scan: CsvScan,
  firstRecord: number,
  rows: number,
  c: number,
  read: (i: number) => Cell,
): ArrayLike<Cell> {
  const { keyOf, firstRow, count } = sameCells(scan, firstRecord, rows, c);
  const values = Array.from(firstRow.subarray(0, count), (i) => asDate(read(i)));
  if (values.every((v) => typeof v === "number")) {
    const serials = Int32Array.from(values as number[]);
    const out = new Int32Array(rows);
    for (let i = 0; i < rows; i++) out[i] = serials[keyOf[i]];
    return out;
  }
  const out = new Array<Cell>(rows);
  for (let i = 0; i < rows; i++) out[i] = values[keyOf[i]];
  return out;
}

/**
 * A number column: a cell written exactly as JavaScript writes its number is read from its bytes (see ownNumber);
 * any other cell goes through the engine's own reading of its text. All numbers: a Float64Array.
 */
function numberColumn(
  scan: CsvScan,
  firstRecord: number,
  rows: number,
  c: number,
  read: (i: number) => Cell,
): ArrayLike<Cell> {
  const { bytes, recordStart, fieldStart, fieldEnd, quoting } = scan;
  const numbers = new Float64Array(rows);
  let cells: Cell[] | undefined;
  for (let i = 0; i < rows; i++) {
    const r = firstRecord + i;
    let n = NaN;
    if (c < recordStart[r + 1] - recordStart[r]) {
      const k = recordStart[r] + c;
      if (quoting[k] === 0) n = ownNumber(bytes, fieldStart[k], fieldEnd[k]);
    }
    if (n === n) {
      if (cells === undefined) numbers[i] = n;
      else cells[i] = n;
      continue;
    }
    // Not a number's own text: the engine reads the text itself, and quotes it in a note if it is no number.
    cells ??= Array.from(numbers.subarray(0, i));
    cells[i] = read(i);
  }
  return cells ?? numbers;
}

/** A date cell as its serial number where the engine reads that number back as the same day; else the text itself. */
function asDate(v: Cell): Cell {
  const day = parseDay(v);
  if (day === null) return v;
  // Days before the serials begin (1900-01-01) and 1900-02-29, which the serials count but no calendar has, stay text.
  const serial = dayToSerial(day);
  return parseDay(serial) === day ? serial : v;
}

/**
 * True when the text is exactly how JavaScript writes the number it stands for (String(Number(t)) === t), so that
 * handing the engine the number instead of the text changes nothing, not even how a note quotes the cell.
 */
export function isOwnNumberText(t: string): boolean {
  const bytes = Buffer.from(t, "utf8");
  // Any other character than ASCII takes more than one byte, and no such text is a number's own.
  return bytes.length === t.length && !Number.isNaN(ownNumber(bytes, 0, bytes.length));
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number bytes[from, to) stands for when it is written exactly as JavaScript writes that number
 * (String(Number(t)) === t), else NaN: no sign but a minus, no leading or trailing zeros, no exponent, at most 15
 * significant digits (every such decimal is the shortest text of its double), and not so small that JavaScript
 * would switch to an exponent (below 1e-6). Such a text is an integer D below 10^15 over 10^places (places at most
 * 20), both exact doubles, and one division rounds D / 10^places correctly: the very double Number(t) gives.
 */
export function ownNumber(bytes: Uint8Array, from: number, to: number): number {
  let k = from;
  const negative = k < to && bytes[k] === 45; // "-"
  if (negative) k++;
  const intStart = k;
  let digits = 0;
  while (k < to && isDigit(bytes[k])) digits = digits * 10 + (bytes[k++] - 48);
  const intDigits = k - intStart;
  if (intDigits === 0 || (intDigits > 1 && bytes[intStart] === 48)) return NaN;
  let significant = bytes[intStart] === 48 ? 0 : intDigits;
  if (k === to) return significant > 15 || (negative && significant === 0) ? NaN : negative ? -digits : digits; // "-0" prints as "0"
  if (bytes[k] !== 46) return NaN; // "."
  const fracStart = ++k;
  while (k < to && isDigit(bytes[k])) digits = digits * 10 + (bytes[k++] - 48);
  if (k !== to || k === fracStart || bytes[to - 1] === 48) return NaN;
  if (significant === 0) {
    let zeros = 0;
    while (bytes[fracStart + zeros] === 48) zeros++;
    if (zeros > 5) return NaN;
    significant = to - fracStart - zeros;
  } else significant += to - fracStart;
  if (significant > 15) return NaN;
  const value = digits / POWERS_OF_TEN[to - fracStart];
  return negative ? -value : value;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Without a single quoted field every record is one line, split at commas, so each data row can be copied to CSV
 * output verbatim. Any quote (a field holding a comma or a line break) means fields are re-quoted.
 */
function rawRowsOf(
  scan: CsvScan,
  delimiter: string,
  firstRecord: number,
  rows: number,
  width: number,
): RawRows | undefined {
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
