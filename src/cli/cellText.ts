import { cellError, formatDay, parseDay, type Cell } from "../engine";

const MS_PER_DAY = 86_400_000;

/** A date cell (JS Date with UTC fields, as ExcelJS reads it) for a day number. */
export function dateOfDay(day: number): Date {
  return new Date(day * MS_PER_DAY);
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

/** One CSV field (RFC 4180): quoted only when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
