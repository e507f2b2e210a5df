/**
 * What a raw cell holds, whatever adapter it came from: empty, an Excel error, a number (possibly typed as text in a
 * CSV), or something else. The grading rules ask these questions of every cell; they are answered here only.
 */

const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#EXTERNAL!",
]);

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The Excel error a cell holds (`#N/A` ...), or null. Errors arrive as text or as `{ error }` / `{ code }` objects. */
export function cellError(v: unknown): string | null {
  if (typeof v === "string") {
    if (v.charCodeAt(0) !== 35 /* # */) return null;
    const t = v.trim().toUpperCase();
    return EXCEL_ERRORS.has(t) ? t : null;
  }
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    const o = v as { error?: unknown; code?: unknown };
    const text = typeof o.error === "string" ? o.error : typeof o.code === "string" ? o.code : null;
    if (text !== null && text.startsWith("#")) return text;
  }
  return null;
}

// Plain decimal text, optionally with thousands separators and a leading currency sign, as finance exports write it.
const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_TEXT = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * The number a cell holds (numbers, or numeric text), or NaN. Booleans and dates are not numbers here, and neither
 * is anything a double cannot hold: NaN, ±Infinity, or text such as "1e309" that would read as Infinity (RULES.md §8) —
 * a spreadsheet has no such number, and grading it would rank it above every real amount.
 */
export function cellNumber(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v !== "string") return NaN;
  let t = v.trim();
  const c = t.charCodeAt(0);
  if (c === 0xa5 || c === 0xffe5 || c === 36 /* ¥ ￥ $ */) t = t.slice(1).trim();
  let n = NaN;
  if (NUMERIC_TEXT.test(t)) n = Number(t);
  else if (GROUPED_TEXT.test(t)) n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : NaN;
}

/**
 * A cell whose text a reader could not read as one number for sure: a comma or a point in it may mark decimals or
 * thousands ("1,234": 1234 or 1.234?), and its column does not tell which (`unclear`) or uses both (`mixed`). It is
 * never a number; the row's note names the cell and says why.
 */
export interface DoubtfulNumber {
  readonly doubtful: string;
  readonly why: "unclear" | "mixed";
}

export function doubtfulNumber(text: string, why: DoubtfulNumber["why"]): DoubtfulNumber {
  return { doubtful: text, why };
}

export function isDoubtfulNumber(v: unknown): v is DoubtfulNumber {
  return v !== null && typeof v === "object" && typeof (v as DoubtfulNumber).doubtful === "string";
}

/** The note's reason for a doubtful number cell (see DoubtfulNumber). */
export function doubtCode(v: DoubtfulNumber): "separatorUnclear" | "separatorsMixed" {
  return v.why === "unclear" ? "separatorUnclear" : "separatorsMixed";
}

/** A short, printable form of a cell for messages. */
export function cellText(v: unknown): string {
  if (isDoubtfulNumber(v)) return cellText(v.doubtful);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().slice(0, 10);
  const err = cellError(v);
  if (err) return err;
  if (v !== null && typeof v === "object") {
    try {
      v = JSON.stringify(v);
    } catch {
      v = "[object]";
    }
  }
  const s = String(v ?? "").trim();
  return s.length > 40 ? s.slice(0, 39) + "…" : s;
}

/** A customer id as text (numbers and text with the same digits are the same customer), or "" when blank. */
export function idText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (v instanceof Date) return cellText(v);
  return String(v).trim();
}
