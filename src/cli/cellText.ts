// The engine's own modules, not its index: a thread reading plain lines loads this module and no more of the engine.
import { cellError, cellNumber } from "../engine/cells";
import { dateTimeFromSerial, formatDay, parseDay } from "../engine/dates";
import type { Cell } from "../engine/types";
import type { RawRows } from "./table";

const MS_PER_DAY = 86_400_000;

/** A date cell (JS Date with UTC fields, as ExcelJS reads it) for a day number. */
export function dateOfDay(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/**
 * A date cell for an Excel serial in the workbook's date system (time of day kept), or null for a serial that is no
 * day Excel shows (0, 1900-02-29, negative, past 9999): the same day the engine grades the serial as.
 */
export function dateOfSerial(serial: number, date1904: boolean): Date | null {
  const ms = dateTimeFromSerial(serial, date1904);
  return ms === null ? null : new Date(ms);
}

/** How a kept input cell reads in CSV output: text as it was, dates as YYYY-MM-DD (with the time if it has one). */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  // Excel shows and saves at most 15 significant digits: 0.1 + 0.2 stored as 0.30000000000000004 reads "0.3".
  if (typeof v === "number") {
    // Whole numbers below 10^15 already have at most 15 digits (and toPrecision is slow on a million cells).
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    return String(Number(v.toPrecision(15)));
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return dateText(v);
  return cellError(v) ?? String(v);
}

function dateText(d: Date): string {
  const day = parseDay(d);
  if (day === null) return "";
  const ms = d.getTime() - day * MS_PER_DAY;
  if (ms === 0) return formatDay(day);
  return `${formatDay(day)} ${d.toISOString().slice(11, 19)}`;
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field (RFC 4180): quoted only when it holds a comma, a quote or a line break; text that Excel would run as
 * a formula gets a leading apostrophe first (csvSafeText). Every field of CSV output goes through here.
 */
export function csvField(text: string): string {
  const safe = csvSafeText(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** =, +, -, @, tab and carriage return: a CSV cell starting with one of them is a formula to Excel. */
function startsLikeFormula(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

/** The apostrophe that marks a guarded cell. */
const APOSTROPHE = 39;

/**
 * True when csvField leaves the text whose UTF-8 bytes these are as it is — no apostrophe to add, nothing to quote —
 * so that the bytes themselves can be written.
 */
export function csvFieldKeepsBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (start < end && (bytes[start] === APOSTROPHE || startsLikeFormula(bytes[start]))) return false;
  for (let k = start; k < end; k++) {
    const b = bytes[k];
    if (b === 34 || b === 44 || b === 13 || b === 10) return false; // NEEDS_QUOTES: " , CR LF
  }
  return true;
}

/**
 * Defence against formula injection (CSV injection) when Excel opens the output: text that starts with =, +, -, @,
 * tab or carriage return and is not a number gets a leading apostrophe, as OWASP advises, so Excel shows it as text
 * ("'=HYPERLINK(…)") instead of running it. Numbers such as -5 or -1,200.50 are left alone. The text itself is never
 * lost: the apostrophe is the only change, and .xlsx output needs none (its cells are typed as text).
 *
 * So that every guarded cell reads back as exactly the text it was (csvUnguardedText), text that already starts with
 * apostrophes followed by such a start ("'=x", a user's own apostrophe) gets one more ("''=x"): one apostrophe is
 * taken off a cell only where the writer put one. Any other apostrophe ("'plain", "'42") is left as it is.
 */
export function csvSafeText(text: string): string {
  const first = text.charCodeAt(0);
  if (text.length === 0 || (first !== APOSTROPHE && !startsLikeFormula(first))) return text;
  return isGuarded(text) ? "'" + text : text;
}

/**
 * The text a CSV cell written by this command stood for: one leading apostrophe off a guarded cell, and nothing
 * else changed. csvUnguardedText(csvSafeText(t)) === t for every text t; --previous reads ids through it.
 */
export function csvUnguardedText(cell: string): string {
  return cell.charCodeAt(0) === APOSTROPHE && isGuarded(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Text that gets the apostrophe: a formula-like start that is not a number, behind any number of apostrophes. */
function isGuarded(text: string): boolean {
  let k = 0;
  while (text.charCodeAt(k) === APOSTROPHE) k++;
  if (k === text.length || !startsLikeFormula(text.charCodeAt(k))) return false;
  return Number.isNaN(cellNumber(k === 0 ? text : text.slice(k)));
}

/**
 * 1 for the bytes a raw field may start with and need the defence (rawFieldNeedsDefence): =, +, -, @, tab and an
 * apostrophe. A carriage return at a field's start is the end of a CRLF line (an empty last cell), not text: readers
 * of raw lines handle it as a line break.
 */
export const MAY_NEED_DEFENCE = new Uint8Array(256);
for (const code of [61, 43, 45, 64, 9, APOSTROPHE]) MAY_NEED_DEFENCE[code] = 1;

/**
 * True when rows copied byte for byte from a comma-separated input need no defence: no field starts like a formula
 * unless it is a number (behind apostrophes or not). Looks only at field starts (row starts and the byte after each comma).
 */
export function rawRowsAreSafe(raw: RawRows): boolean {
  const { bytes, starts, ends } = raw;
  const n = starts.length;
  if (n === 0) return true;
  for (let i = 0; i < n; i++) {
    if (starts[i] < ends[i] && rawFieldNeedsDefence(bytes, starts[i])) return false;
  }
  // One pass over the bytes (searching for ",=" and the like would stop at every comma, once per pattern).
  const to = Math.min(ends[n - 1], bytes.length - 1);
  for (let at = starts[0]; at < to; at++) {
    if (bytes[at] === 44 && MAY_NEED_DEFENCE[bytes[at + 1]] === 1 && rawFieldNeedsDefence(bytes, at + 1)) return false;
  }
  return true;
}

/** True when the unquoted comma-separated field starting at `start` gets the formula defence (`csvSafeText`). */
export function rawFieldNeedsDefence(bytes: Buffer, start: number): boolean {
  let k = start;
  while (bytes[k] === APOSTROPHE) k++;
  return startsLikeFormula(bytes[k]) && !rawFieldIsNumber(bytes, k);
}

function rawFieldIsNumber(bytes: Buffer, start: number): boolean {
  let end = start;
  while (end < bytes.length && bytes[end] !== 44 && bytes[end] !== 10 && bytes[end] !== 13) end++;
  return !Number.isNaN(cellNumber(bytes.toString("utf8", start, end)));
}

/** Excel's limit on the characters in one cell. */
const EXCEL_CELL_CHARS = 32_767;

/** Text as a workbook cell can hold it: cut at Excel's limit (never between the two halves of a surrogate pair). */
export function workbookText(text: string): string {
  if (text.length <= EXCEL_CELL_CHARS) return text;
  const high = text.charCodeAt(EXCEL_CELL_CHARS - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? EXCEL_CELL_CHARS - 1 : EXCEL_CELL_CHARS);
}
