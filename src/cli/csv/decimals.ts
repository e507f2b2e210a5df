/**
 * Decimal commas in delimited text. European Excel saves "CSV" with semicolons between cells and commas in numbers
 * ("1.234,56"); Western and Chinese Excel write points ("1,234.56"). A cell such as "1,234" or "1.234" means 1234 in
 * one convention and 1.234 in the other, so the convention is decided once per column, from all its cells:
 *
 * - cells that only one convention can read ("0,75", "1234,5", "1.234,56" → comma; "12.5", "1,234.56" → point) are
 *   the evidence;
 * - a column with evidence of one kind reads every cell in that convention;
 * - a column with evidence of both kinds reads none of its cells that hold a comma or a point: each is a doubtful
 *   number, noted with its row and column (a column that mixes "0,5" and "2.5" has no safe reading);
 * - a column without evidence reads "1,234" as the file's delimiter suggests when it suggests nothing else (a
 *   tab- or |-separated file, as Western and Chinese Excel write them: the point), and notes it as doubtful in a
 *   semicolon-separated file, where both conventions are common.
 *
 * Comma-separated files are not read here: a comma inside a number there is a thousands separator, as the engine
 * reads it. Whole numbers and numbers both conventions read alike ("1234", "1 234") need no decision.
 */

import { doubtfulNumber, type Cell } from "../../engine";

export type DecimalReading = "comma" | "point" | "mixed" | "unclear";

/** How one cell reads: in only one convention, in both alike, in both differently, or as no number. */
type Evidence = "comma" | "point" | "same" | "either" | "none";

// A number with groups of three digits (after 1–3 leading digits) or without, and decimals after `decimal`.
const GROUPED = {
  ",": /^(\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)?(?:,(\d+))?$/,
  ".": /^(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)?(?:\.(\d+))?$/,
};

/** The number `text` stands for with this decimal separator, or NaN. A leading sign and currency sign are read. */
export function decimalNumber(text: string, decimal: "," | "."): number {
  let t = text.trim();
  let sign = 1;
  if (t.startsWith("-") || t.startsWith("+")) {
    sign = t.startsWith("-") ? -1 : 1;
    t = t.slice(1).trim();
  }
  const c = t.charCodeAt(0);
  if (c === 0xa5 || c === 0xffe5 || c === 36 || c === 0x20ac /* ¥ ￥ $ € */) t = t.slice(1).trim();
  const m = GROUPED[decimal].exec(t);
  if (m === null || (m[1] === undefined && m[2] === undefined)) return NaN;
  const whole = (m[1] ?? "0").replace(/[^\d]/g, "");
  const value = Number(m[2] === undefined ? whole : `${whole}.${m[2]}`);
  return Number.isFinite(value) ? sign * value : NaN;
}

function evidenceOf(text: string): Evidence {
  const comma = decimalNumber(text, ","),
    point = decimalNumber(text, ".");
  if (comma !== comma) return point !== point ? "none" : "point";
  if (point !== point) return "comma";
  return comma === point ? "same" : "either";
}

/** The reading of a column whose cells are `texts`, in a file separated by `delimiter`; null when none is needed. */
export function decideReading(texts: Iterable<string>, delimiter: string): DecimalReading | null {
  let comma = false,
    point = false,
    either = false;
  for (const text of texts) {
    if (text.indexOf(",") < 0 && text.indexOf(".") < 0) continue;
    const e = evidenceOf(text);
    if (e === "comma") comma = true;
    else if (e === "point") point = true;
    else if (e === "either") either = true;
  }
  if (comma && point) return "mixed";
  if (comma) return "comma";
  if (point) return "point";
  if (either) return delimiter === ";" ? "unclear" : "point";
  return null;
}

/**
 * The cell the engine is handed for `text` in a column read so: the number, a doubtful number, or the text itself
 * when it is no number in the column's convention (the engine then notes it as it notes any such text).
 */
export function readDecimal(text: string, reading: DecimalReading): Cell {
  if (reading === "comma" || reading === "point") {
    const n = decimalNumber(text, reading === "comma" ? "," : ".");
    return n === n ? n : text;
  }
  const e = evidenceOf(text);
  if (e === "same") return decimalNumber(text, ".");
  if (e === "none" || (reading === "unclear" && e !== "either")) return text;
  return doubtfulNumber(text.trim(), reading);
}
