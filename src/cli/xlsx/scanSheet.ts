import type { Cell } from "../../engine";
import { runsText } from "./workbookParts";
import { unescapeXml } from "./xmlText";

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
  sharedStrings: readonly string[];
  styleIsDate: readonly boolean[];
  /** Number format code per style ("" for General). */
  styleFormats: readonly string[];
  date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
/** 9999-12-31 in the 1900 date system; larger date-formatted numbers are not dates. */
const LAST_SERIAL = 2958465;
const LT = 0x3c, GT = 0x3e, SLASH = 0x2f;
/** Repeated short texts (grade letters, cadences, regions) are kept once; a table of unique ids is not worth it. */
const INTERN_LIMIT = 4096;

/**
 * The cells of a worksheet, read from its XML bytes as they are decompressed, one piece at a time: a full-height
 * sheet never exists as one text, only as the cell values it holds (each made from the bytes on its own, so no value
 * keeps a piece of the file's text alive). Values are what Excel shows: shared and inline strings, cached results of
 * formulas, errors as `{ error }`, booleans, and numbers, which become Dates where the cell's format shows a date and
 * the serial is a day Excel has (a date-formatted 1e10 stays a number: not a date).
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
  let rowIndex = -1;
  let row: Cell[] | undefined;
  let col = -1;
  let firstValueRow = -1;

  const endRow = () => {
    if (row && rowIndex >= 0) rows[rowIndex] = row;
    row = undefined;
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
      const next = buf[lt + 1];
      if (next === 0x63 /* c */ && isNameEnd(buf[lt + 2])) {
        const tagEnd = find(buf, GT, lt);
        if (tagEnd < 0) break;
        const selfClosing = buf[tagEnd - 1] === SLASH;
        let end = tagEnd + 1, innerEnd = tagEnd + 1;
        if (!selfClosing) {
          const close = findClose(buf, tagEnd, 0x63);
          if (close < 0) break;
          innerEnd = close;
          end = close + 4;
        }
        const tag = buf.latin1Slice(lt, tagEnd);
        const ref = attr(tag, "r");
        col = ref === undefined ? col + 1 : columnIndex(ref);
        const style = Number(attr(tag, "s") ?? 0);
        const value = cellValue(attr(tag, "t"), buf, tagEnd + 1, innerEnd, style, reading, intern);
        if (row === undefined) row = [];
        if (value !== null && value !== "") {
          row[col] = value;
          if (firstValueRow < 0) firstValueRow = rowIndex;
          else if (rowIndex > firstValueRow && style > 0 && columnStyles[col] === undefined && reading.styleFormats[style]) {
            columnStyles[col] = style;
          }
        }
        p = end;
        continue;
      }
      if (next === 0x72 /* r */ && buf[lt + 2] === 0x6f && buf[lt + 3] === 0x77 && isNameEnd(buf[lt + 4])) {
        const tagEnd = find(buf, GT, lt);
        if (tagEnd < 0) break;
        endRow();
        const tag = buf.latin1Slice(lt, tagEnd);
        const r = attr(tag, "r");
        rowIndex = r === undefined ? rowIndex + 1 : Number(r) - 1;
        col = -1;
        const h = attr(tag, "hidden");
        if (h === "1" || h === "true") {
          if (rowIndex >= hidden.length) {
            const bigger = new Uint8Array(Math.max(hidden.length * 2, rowIndex + 1));
            bigger.set(hidden);
            hidden = bigger;
          }
          hidden[rowIndex] = 1;
        }
        row = [];
        if (buf[tagEnd - 1] === SLASH) endRow();
        p = tagEnd + 1;
        continue;
      }
      if (next === SLASH && buf[lt + 2] === 0x72 && buf[lt + 3] === 0x6f && buf[lt + 4] === 0x77 && buf[lt + 5] === GT) {
        endRow();
        p = lt + 6;
        continue;
      }
      const gt = find(buf, GT, lt);
      if (gt < 0) break;
      p = gt + 1;
    }
    carry = p < buf.length ? Buffer.from(buf.subarray(p)) : undefined;
  }
  endRow();
  for (let c = 0; c < columnStyles.length; c++) columnStyles[c] ??= 0;
  return { rows, hidden, columnStyles };
}

/** Next position of byte b at or after from, or -1: a plain loop, as the distances inside a row are short. */
function find(buf: Buffer, b: number, from: number): number {
  for (let i = from, n = buf.length; i < n; i++) if (buf[i] === b) return i;
  return -1;
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === GT || code === SLASH || code === 9 || code === 10 || code === 13;
}

function attr(tag: string, name: string): string | undefined {
  // Attribute names here are short and unprefixed; a space before the name keeps "r" from matching inside "spans=".
  let at = tag.indexOf(` ${name}="`);
  let quote = '"';
  if (at < 0) {
    at = tag.indexOf(` ${name}='`);
    quote = "'";
    if (at < 0) return undefined;
  }
  const start = at + name.length + 3;
  return tag.substring(start, tag.indexOf(quote, start));
}

/** "B12" → 1. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let k = 0; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

const V = { open: Buffer.from("<v"), close: Buffer.from("</v>") };
const IS = { open: Buffer.from("<is"), close: Buffer.from("</is>") };

/** Position of `</c>` (or `</v>`: the letter given) at or after from, or -1. */
function findClose(buf: Buffer, from: number, letter: number): number {
  for (let i = find(buf, LT, from); i >= 0; i = find(buf, LT, i + 1)) {
    if (buf[i + 1] === SLASH && buf[i + 2] === letter && buf[i + 3] === GT) return i;
  }
  return -1;
}

/** The text inside the first `<name>…</name>` between from and to, as UTF-8; undefined when there is none. */
function elementText(buf: Buffer, from: number, to: number, name: { open: Buffer; close: Buffer }): string | undefined {
  let open = find(buf, LT, from);
  // Cells hold <v> or <is> (after an <f> formula, whose text is not wanted).
  while (open >= 0 && open < to && !startsWith(buf, open, name.open)) open = find(buf, LT, open + 1);
  if (open < 0 || open >= to) return undefined;
  const gt = find(buf, GT, open);
  if (gt < 0 || gt >= to) return undefined;
  if (buf[gt - 1] === SLASH) return "";
  let close = find(buf, LT, gt);
  while (close >= 0 && close < to && !startsWith(buf, close, name.close)) close = find(buf, LT, close + 1);
  return close < 0 || close > to ? undefined : buf.utf8Slice(gt + 1, close);
}

function startsWith(buf: Buffer, at: number, what: Buffer): boolean {
  for (let k = 0; k < what.length; k++) if (buf[at + k] !== what[k]) return false;
  return nameEndsThere(buf[at + what.length], what);
}

/** `<v` must not match `<vv…`; closing tags end in ">" anyway. */
function nameEndsThere(code: number, what: Buffer): boolean {
  return what[what.length - 1] === GT || isNameEnd(code);
}

function cellValue(
  type: string | undefined, buf: Buffer, from: number, to: number, style: number, o: CellReading,
  intern: (s: string) => string,
): Cell {
  if (from >= to) return null;
  if (type === "inlineStr") {
    const is = elementText(buf, from, to, IS);
    return is === undefined ? null : intern(runsText(is));
  }
  const v = elementText(buf, from, to, V);
  if (v === undefined) return null;
  switch (type) {
    case "s":
      return o.sharedStrings[Number(v)] ?? null;
    case "str":
      return intern(unescapeXml(v));
    case "b":
      return v === "1" || v === "true";
    case "e":
      return { error: unescapeXml(v) };
    case "d": {
      const d = new Date(unescapeXml(v));
      return Number.isNaN(d.getTime()) ? unescapeXml(v) : d;
    }
    default: {
      const n = Number(v);
      if (v === "" || Number.isNaN(n)) return unescapeXml(v);
      if (style > 0 && o.styleIsDate[style] && n >= 0 && n <= LAST_SERIAL) {
        return new Date(Math.round((n - 25569 + (o.date1904 ? 1462 : 0)) * MS_PER_DAY));
      }
      return n;
    }
  }
}
