import { StringDecoder } from "string_decoder";
import type { Cell } from "../../engine";
import { runsText } from "./workbookParts";
import { unescapeXml } from "./xmlText";

export interface SheetCells {
  /** rows[r] holds sheet row r + 1 (cells by 0-based column); rows never written are undefined. */
  rows: (Cell[] | undefined)[];
  /** 1 where sheet row r + 1 is hidden. */
  hidden: Uint8Array;
  /** Number format code of the first formatted cell per column (by row), for the output workbook. */
  styleOf: (Int32Array | undefined)[];
}

export interface CellReading {
  sharedStrings: readonly string[];
  styleIsDate: readonly boolean[];
  date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
/** 9999-12-31 in the 1900 date system; larger date-formatted numbers are not dates. */
const LAST_SERIAL = 2958465;

/**
 * The cells of a worksheet, read from its XML as it is decompressed, one piece at a time: a full-height sheet never
 * exists as one string, only as the cell values it holds. Values are what Excel shows: shared and inline strings,
 * cached results of formulas, errors as `{ error }`, booleans, and numbers, which become Dates where the cell's
 * format shows a date and the serial is a day Excel has (a date-formatted 1e10 stays a number: not a date).
 */
export async function scanSheet(chunks: AsyncIterable<Buffer>, reading: CellReading): Promise<SheetCells> {
  const rows: (Cell[] | undefined)[] = [];
  const styleRows: (Int32Array | undefined)[] = [];
  let hidden = new Uint8Array(1024);
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let rowIndex = -1;
  let row: Cell[] | undefined;
  let rowStyles: number[] | undefined;
  let col = -1;

  const endRow = () => {
    if (row && rowIndex >= 0) {
      rows[rowIndex] = row;
      if (rowStyles) styleRows[rowIndex] = Int32Array.from(rowStyles);
    }
    row = undefined;
    rowStyles = undefined;
  };

  for await (const chunk of chunks) {
    const buf = carry + decoder.write(chunk);
    let p = 0;
    for (;;) {
      const lt = buf.indexOf("<", p);
      if (lt < 0) {
        p = buf.length;
        break;
      }
      const next = buf.charCodeAt(lt + 1);
      if (next === 99 /* c */ && isNameEnd(buf.charCodeAt(lt + 2))) {
        const tagEnd = buf.indexOf(">", lt);
        if (tagEnd < 0) break;
        const selfClosing = buf.charCodeAt(tagEnd - 1) === 47;
        let end = tagEnd + 1;
        let inner = "";
        if (!selfClosing) {
          const close = buf.indexOf("</c>", tagEnd);
          if (close < 0) break;
          inner = buf.substring(tagEnd + 1, close);
          end = close + 4;
        }
        const tag = buf.substring(lt, tagEnd);
        const ref = attr(tag, "r");
        col = ref === undefined ? col + 1 : columnIndex(ref);
        const style = Number(attr(tag, "s") ?? 0);
        const value = cellValue(attr(tag, "t"), inner, style, reading);
        if (row === undefined) row = [];
        if (value !== null) {
          row[col] = value;
          if (style > 0) (rowStyles ??= [])[col] = style;
        }
        p = end;
        continue;
      }
      if (next === 114 /* r */ && buf.startsWith("row", lt + 1) && isNameEnd(buf.charCodeAt(lt + 4))) {
        const tagEnd = buf.indexOf(">", lt);
        if (tagEnd < 0) break;
        endRow();
        const tag = buf.substring(lt, tagEnd);
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
        if (buf.charCodeAt(tagEnd - 1) === 47) endRow();
        p = tagEnd + 1;
        continue;
      }
      if (next === 47 /* / */ && buf.startsWith("row>", lt + 2)) {
        endRow();
        p = lt + 6;
        continue;
      }
      const gt = buf.indexOf(">", lt);
      if (gt < 0) break;
      p = gt + 1;
    }
    carry = p < buf.length ? buf.substring(p) : "";
  }
  endRow();
  return { rows, hidden, styleOf: styleRows };
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
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
  const end = tag.indexOf(quote, start);
  return tag.substring(start, end);
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

function elementText(inner: string, name: string): string | undefined {
  const open = inner.indexOf(`<${name}`);
  if (open < 0) return undefined;
  const gt = inner.indexOf(">", open);
  if (inner.charCodeAt(gt - 1) === 47) return "";
  const close = inner.indexOf(`</${name}>`, gt);
  return close < 0 ? undefined : inner.substring(gt + 1, close);
}

function cellValue(type: string | undefined, inner: string, style: number, o: CellReading): Cell {
  if (type === "inlineStr") {
    const is = elementText(inner, "is");
    return is === undefined ? null : runsText(is);
  }
  const v = elementText(inner, "v");
  if (v === undefined) return null;
  switch (type) {
    case "s":
      return o.sharedStrings[Number(v)] ?? null;
    case "str":
      return unescapeXml(v);
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
