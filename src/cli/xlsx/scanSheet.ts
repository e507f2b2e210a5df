import { dayFromCivil, parseDateText, type Cell } from "../../engine";
import { dateOfSerial } from "../cellText";
import { kindOf, timeText, type NumberFormat } from "./numberFormat";
import { MissingPart } from "./opcPackage";
import {
  attributeBytes,
  characterData,
  closingTag,
  find,
  isSpecialMarkup,
  localStart,
  LT,
  markupEnd,
  nameEnd,
  richText,
  sameBytes,
  SLASH,
  tagEnd,
} from "./xmlBytes";
import { unescapeExcel } from "./xmlEscapes";

export interface SheetCells {
  /** rows[r] holds sheet row r + 1 (cells by 0-based column); rows never written are undefined. */
  rows: (Cell[] | undefined)[];
  /** 1 where sheet row r + 1 is hidden. */
  hidden: Uint8Array;
  /**
   * Per column, the style of its first non-empty cell with a number format, below the first row that holds anything
   * (the header, unless a title sits above it), for the output workbook's number formats; 0 where none.
   */
  columnStyles: number[];
}

export interface CellReading {
  /** The shared strings table; undefined when the workbook has none (then a cell that refers to it is damage). */
  sharedStrings: readonly string[] | undefined;
  /** Per cell style: its number format, read. */
  styleNumberFormats: readonly NumberFormat[];
  /** Number format code per style ("" for General). */
  styleFormats: readonly string[];
  date1904: boolean;
}

/** Repeated short texts (grade letters, cadences, regions) are kept once; a table of unique ids is not worth it. */
const INTERN_LIMIT = 4096;
const MS_PER_DAY = 86_400_000;

const bytes = (s: string) => Buffer.from(s);
const C = bytes("c"),
  ROW = bytes("row"),
  V = bytes("v"),
  IS = bytes("is"),
  SHEET_DATA = bytes("sheetData");
const F = bytes("f"),
  HIDDEN = bytes("hidden"),
  SPACE = bytes("space"),
  STR_TYPE = bytes("str"),
  INLINE_TYPE = bytes("inlineStr");

// Cell types (the t attribute), as small numbers.
const NUMBER = 0,
  SHARED = 1,
  INLINE = 2,
  STR = 3,
  BOOL = 4,
  ERROR = 5,
  ISO_DATE = 6;

/**
 * The cells of a worksheet, read from its XML bytes as they are decompressed, one piece at a time: a full-height
 * sheet never exists as one text, only as the cell values it holds (each made from the bytes on its own, so no value
 * keeps a piece of the file's text alive). Only cells inside `<sheetData>` count. Values are what Excel shows:
 * shared and inline strings, cached results of formulas, errors as `{ error }`, booleans, and numbers, which become
 * Dates where the cell's format shows a date and the serial is a day Excel has (a date-formatted 1e10 stays a
 * number: not a date); a time of day without a day, or an elapsed time (`[h]:mm`), is the text Excel shows
 * (`18:30`, `36:00`), as neither is a date.
 */
export async function scanSheet(chunks: AsyncIterable<Buffer>, reading: CellReading): Promise<SheetCells> {
  const rows: (Cell[] | undefined)[] = [];
  const columnStyles: number[] = [];
  const interned = new Map<string, string>();
  const intern = (s: string) => {
    if (s.length > 48) return s;
    const known = interned.get(s);
    if (known !== undefined) return known;
    if (interned.size < INTERN_LIMIT) interned.set(s, s);
    return s;
  };
  let hidden = new Uint8Array(1024);
  let carry: Buffer | undefined;
  let inSheetData = false;
  let rowIndex = -1;
  let row: Cell[] | undefined;
  let col = -1;
  let firstValueRow = -1;

  const endRow = () => {
    if (row && rowIndex >= 0) rows[rowIndex] = row;
    row = undefined;
  };

  const startRow = (buf: Buffer, lt: number, gt: number) => {
    endRow();
    const attrs = rowAttributes(buf, lt, gt);
    rowIndex = attrs.row >= 1 ? attrs.row - 1 : rowIndex + 1;
    col = -1;
    if (attrs.hidden) {
      if (rowIndex >= hidden.length) {
        const bigger = new Uint8Array(Math.max(hidden.length * 2, rowIndex + 1));
        bigger.set(hidden);
        hidden = bigger;
      }
      hidden[rowIndex] = 1;
    }
    row = [];
    if (buf[gt - 1] === SLASH) endRow();
  };

  /** The cell starting at lt (its start tag ends at gt): stored in the row; returns where it ends, or -1. */
  const readCell = (buf: Buffer, lt: number, gt: number): number => {
    const cell = cellAttributes(buf, lt, gt);
    col = cell.column >= 0 ? cell.column : col + 1;
    if (row === undefined) row = [];
    if (buf[gt - 1] === SLASH) return gt + 1;
    let vFrom = -1,
      vTo = -1,
      isFrom = -1,
      isTo = -1,
      isPreserve = false;
    let q = gt + 1;
    for (;;) {
      const at = find(buf, LT, q);
      if (at < 0) return -1;
      if (isSpecialMarkup(buf, at)) {
        q = markupEnd(buf, at);
        if (q < 0) return -1;
        continue;
      }
      const end = tagEnd(buf, at);
      if (end < 0) return -1;
      const closing = buf[at + 1] === SLASH;
      const ns = closing ? at + 2 : at + 1;
      const ne = nameEnd(buf, ns);
      const ls = localStart(buf, ns, ne);
      if (closing) {
        if (sameBytes(buf, ls, ne, C)) {
          q = end + 1;
          break;
        }
        q = end + 1;
        continue;
      }
      if (buf[end - 1] === SLASH) {
        if (sameBytes(buf, ls, ne, V)) vFrom = vTo = end + 1;
        q = end + 1;
        continue;
      }
      // <v> and <is> are read; <f> (the formula, whose cached result is the <v>) and <extLst> are stepped over.
      const name = sameBytes(buf, ls, ne, V)
        ? V
        : sameBytes(buf, ls, ne, F)
          ? F
          : sameBytes(buf, ls, ne, IS)
            ? IS
            : buf.subarray(ls, ne);
      const close = closingTag(buf, end + 1, name);
      if (close < 0) return -1;
      const closeEnd = tagEnd(buf, close);
      if (closeEnd < 0) return -1;
      if (name === V) {
        vFrom = end + 1;
        vTo = close;
      } else if (name === IS) {
        isFrom = end + 1;
        isTo = close;
        isPreserve = attributeBytes(buf, at, end, SPACE) === "preserve";
      }
      q = closeEnd + 1;
    }
    const style = cell.style;
    const value = cellValue(cell.type, buf, vFrom, vTo, isFrom, isTo, isPreserve, style, reading, intern);
    if (value !== null && value !== "") {
      row[col] = value;
      if (firstValueRow < 0) firstValueRow = rowIndex;
      else if (
        rowIndex > firstValueRow &&
        style > 0 &&
        columnStyles[col] === undefined &&
        reading.styleFormats[style]
      ) {
        columnStyles[col] = style;
      }
    }
    return q;
  };

  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let p = 0;
    for (;;) {
      const lt = find(buf, LT, p);
      if (lt < 0) {
        p = buf.length;
        break;
      }
      p = lt;
      if (isSpecialMarkup(buf, lt)) {
        const end = markupEnd(buf, lt);
        if (end < 0) break;
        p = end;
        continue;
      }
      const gt = tagEnd(buf, lt);
      if (gt < 0) break;
      const closing = buf[lt + 1] === SLASH;
      const ns = closing ? lt + 2 : lt + 1;
      const ne = nameEnd(buf, ns);
      const ls = localStart(buf, ns, ne);
      if (!inSheetData) {
        if (!closing && buf[gt - 1] !== SLASH && sameBytes(buf, ls, ne, SHEET_DATA)) inSheetData = true;
        p = gt + 1;
        continue;
      }
      if (closing) {
        if (sameBytes(buf, ls, ne, ROW)) endRow();
        else if (sameBytes(buf, ls, ne, SHEET_DATA)) {
          endRow();
          inSheetData = false;
        }
        p = gt + 1;
        continue;
      }
      if (ne - ls === 1 && buf[ls] === 0x63 /* c */) {
        const end = readCell(buf, lt, gt);
        if (end < 0) break;
        p = end;
        continue;
      }
      if (sameBytes(buf, ls, ne, ROW)) startRow(buf, lt, gt);
      p = gt + 1;
    }
    carry = p < buf.length ? Buffer.from(buf.subarray(p)) : undefined;
  }
  endRow();
  for (let c = 0; c < columnStyles.length; c++) columnStyles[c] ??= 0;
  return { rows, hidden, columnStyles };
}

/**
 * Calls take(nameFrom, nameTo, valueFrom, valueTo) for each attribute of the start tag [lt, gt) (the name without its
 * prefix), in one pass over the tag.
 */
function eachAttribute(
  buf: Buffer,
  lt: number,
  gt: number,
  take: (name: number, nameTo: number, from: number, to: number) => void,
): void {
  let i = nameEnd(buf, lt + 1);
  while (i < gt) {
    while (i < gt && (buf[i] === 32 || buf[i] === 9 || buf[i] === 10 || buf[i] === 13)) i++;
    const nameFrom = i;
    while (i < gt && buf[i] !== 0x3d && buf[i] !== 32 && buf[i] !== 9 && buf[i] !== 10 && buf[i] !== 13) i++;
    const nameTo = i;
    while (i < gt && buf[i] !== 0x22 && buf[i] !== 0x27) i++;
    if (i >= gt) return;
    const close = find(buf, buf[i], i + 1, gt);
    if (close < 0) return;
    take(localStart(buf, nameFrom, nameTo), nameTo, i + 1, close);
    i = close + 1;
  }
}

/** A cell's r (as a 0-based column; -1 when absent), s and t attributes. */
const cellAttrs = { column: -1, style: 0, type: NUMBER, buf: Buffer.alloc(0) as Buffer };
const takeCellAttribute = (name: number, nameTo: number, from: number, to: number) => {
  if (nameTo - name !== 1) return;
  const buf = cellAttrs.buf;
  const c = buf[name];
  if (c === 0x72 /* r */) cellAttrs.column = columnOf(buf, from, to);
  else if (c === 0x73 /* s */) cellAttrs.style = Math.max(0, digitsOf(buf, from, to));
  else if (c === 0x74 /* t */) cellAttrs.type = typeOf(buf, from, to);
};

function cellAttributes(buf: Buffer, lt: number, gt: number): typeof cellAttrs {
  cellAttrs.column = -1;
  cellAttrs.style = 0;
  cellAttrs.type = NUMBER;
  cellAttrs.buf = buf;
  eachAttribute(buf, lt, gt, takeCellAttribute);
  return cellAttrs;
}

/** A row's r (1-based; 0 when absent) and whether it is hidden. */
const rowAttrs = { row: 0, hidden: false, buf: Buffer.alloc(0) as Buffer };
const takeRowAttribute = (name: number, nameTo: number, from: number, to: number) => {
  const buf = rowAttrs.buf;
  if (nameTo - name === 1 && buf[name] === 0x72 /* r */) rowAttrs.row = Math.max(0, digitsOf(buf, from, to));
  else if (sameBytes(buf, name, nameTo, HIDDEN)) {
    const v = buf.latin1Slice(from, to).trim();
    rowAttrs.hidden = v === "1" || v === "true";
  }
};

function rowAttributes(buf: Buffer, lt: number, gt: number): typeof rowAttrs {
  rowAttrs.row = 0;
  rowAttrs.hidden = false;
  rowAttrs.buf = buf;
  eachAttribute(buf, lt, gt, takeRowAttribute);
  return rowAttrs;
}

/** "B12" → 1; -1 when it is no cell reference. */
function columnOf(buf: Buffer, from: number, to: number): number {
  let n = 0,
    k = from;
  for (; k < to; k++) {
    const c = buf[k];
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return k === from || n > 16384 ? -1 : n - 1;
}

/** A non-negative integer written in ASCII digits (surrounding spaces allowed); -1 when it is not one. */
function digitsOf(buf: Buffer, from: number, to: number): number {
  while (from < to && buf[from] === 32) from++;
  while (to > from && buf[to - 1] === 32) to--;
  if (from === to) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = buf[k] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function typeOf(buf: Buffer, from: number, to: number): number {
  while (from < to && buf[from] === 32) from++;
  while (to > from && buf[to - 1] === 32) to--;
  if (to - from === 1) {
    switch (buf[from]) {
      case 0x73:
        return SHARED; // s
      case 0x62:
        return BOOL; // b
      case 0x65:
        return ERROR; // e
      case 0x64:
        return ISO_DATE; // d
      default:
        return NUMBER;
    }
  }
  if (sameBytes(buf, from, to, STR_TYPE)) return STR;
  if (sameBytes(buf, from, to, INLINE_TYPE)) return INLINE;
  return NUMBER;
}

function cellValue(
  type: number,
  buf: Buffer,
  vFrom: number,
  vTo: number,
  isFrom: number,
  isTo: number,
  isPreserve: boolean,
  style: number,
  o: CellReading,
  intern: (s: string) => string,
): Cell {
  // An inline string, or a writer's inline string without t="inlineStr".
  if (isFrom >= 0 && (type === INLINE || vFrom < 0)) return intern(richText(buf, isFrom, isTo, isPreserve));
  if (vFrom < 0 || vFrom === vTo) return null; // <v/> and <v></v> are empty cells, whatever the type
  if (type === SHARED) {
    let index = digitsOf(buf, vFrom, vTo);
    if (index < 0) index = Number(characterData(buf, vFrom, vTo).trim());
    if (o.sharedStrings === undefined) throw new MissingPart("xl/sharedStrings.xml");
    return Number.isInteger(index) ? (o.sharedStrings[index] ?? null) : null;
  }
  const text = characterData(buf, vFrom, vTo);
  switch (type) {
    case INLINE:
    case STR:
      return intern(unescapeExcel(text));
    case BOOL: {
      const b = text.trim();
      return b === "1" || b === "true" ? true : b === "0" || b === "false" ? false : intern(text);
    }
    case ERROR:
      return { error: text.trim() };
    case ISO_DATE:
      return isoDateCell(text.trim());
    default:
      return numberCell(text, style, o);
  }
}

/** A number cell as it shows under its style's number format (see scanSheet). */
function numberCell(text: string, style: number, o: CellReading): Cell {
  const n = xsdNumber(text);
  if (n === null) return text.trim() === "" ? null : unescapeExcel(text);
  const format = style > 0 ? o.styleNumberFormats[style] : undefined;
  if (format === undefined || format.kind === "number") return n;
  switch (kindOf(format, n)) {
    case "date":
      return dateOfSerial(n, o.date1904) ?? n;
    case "time":
      // A time of day with a day (a serial of 1 or more) is a date shown without its day; without one it is a time.
      if (n >= 1) return dateOfSerial(n, o.date1904) ?? n;
      return n >= 0 ? timeText(format, n) : n;
    case "duration":
      // Excel shows a negative time as ####: the number stays.
      return n >= 0 ? timeText(format, n) : n;
    default:
      return n;
  }
}

/** A number as XML Schema writes a double (digits, sign, point, exponent: no "0x1F", no "Infinity"), or null. */
function xsdNumber(text: string): number | null {
  let digits = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) digits = true;
    else if (c !== 46 && c !== 43 && c !== 45 && c !== 101 && c !== 69 && c !== 32 && c !== 9 && c !== 10) return null;
  }
  const n = Number(text);
  return digits && Number.isFinite(n) ? n : null;
}

// 2025-12-21, 2025-12-21T10:30:00, with seconds' fractions and a zone (Z, +08:00) that a calendar day ignores.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * A `t="d"` cell (an ISO 8601 date and time): the calendar day and the time as written, never moved by a time zone
 * (`2025-12-21T00:00:00+08:00` is 21 December anywhere). A time without a date is no day: its text stays.
 */
function isoDateCell(text: string): Cell {
  const m = ISO_DATE_TIME.exec(text);
  const day = m ? parseDateText(`${m[1]}-${m[2]}-${m[3]}`) : null;
  if (!m || day === null || day !== dayFromCivil(Number(m[1]), Number(m[2]), Number(m[3]))) return text;
  const [h, min, s] = [m[4], m[5], m[6]].map((x) => Number(x ?? 0));
  if (h > 23 || min > 59 || s > 59) return text;
  const ms = Math.round(Number(`0.${m[7] ?? "0"}`) * 1000);
  return new Date(day * MS_PER_DAY + ((h * 60 + min) * 60 + s) * 1000 + Math.min(ms, 999));
}
