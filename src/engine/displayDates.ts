/**
 * Dates as Office shows them to the user, one form per display language: the task pane (and any other face that
 * shows or accepts a date typed by a person) formats and parses through here, so "2026/1/31" in Chinese Office and
 * "1/31/2026" in US English Office mean the same day everywhere.
 */
import { civilFromDay, dayFromCivil } from "./dates";

/** Order of the parts in the short date form: year/month/day (Chinese, Japanese, Korean), month/day/year (US). */
type DateOrder = "ymd" | "mdy" | "dmy";

export interface DisplayDateForm {
  order: DateOrder;
  /** Pattern to show next to a date field, in the form's own order, e.g. "yyyy/m/d" or "m/d/yyyy". */
  pattern: string;
}

const FORMS: Record<DateOrder, DisplayDateForm> = {
  ymd: { order: "ymd", pattern: "yyyy/m/d" },
  mdy: { order: "mdy", pattern: "m/d/yyyy" },
  dmy: { order: "dmy", pattern: "d/m/yyyy" },
};

/**
 * The short date form of an Office display language (a BCP 47 tag such as "zh-CN", "en-US", "en-GB"): year first for
 * Chinese, Japanese and Korean; month first for US English (and an English or missing tag, which Office reports for
 * the US build); day first for every other language, as their Office builds show dates.
 */
export function displayDateForm(tag: unknown): DisplayDateForm {
  const text = typeof tag === "string" ? tag.trim().toLowerCase() : "";
  if (/^(zh|ja|ko)\b/.test(text)) return FORMS.ymd;
  if (text === "" || text === "en" || /^en-(us|ph)\b/.test(text)) return FORMS.mdy;
  return FORMS.dmy;
}

/** The day in the form, without leading zeros: 2026/1/31, 1/31/2026, 31/1/2026. */
export function formatDisplayDate(dayNumber: number, form: DisplayDateForm): string {
  const { year, month, day } = civilFromDay(dayNumber);
  if (form.order === "ymd") return `${year}/${month}/${day}`;
  if (form.order === "mdy") return `${month}/${day}/${year}`;
  return `${day}/${month}/${year}`;
}

const SLASHED = /^(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,4})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;

function validDay(year: number, month: number, day: number): number | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const dayNumber = dayFromCivil(year, month, day);
  const back = civilFromDay(dayNumber);
  return back.month === month && back.day === day ? dayNumber : null;
}

/**
 * A date the user typed, read in the form of their display language ("1/31/2026" in US English, "2026/1/31" in
 * Chinese). A four-digit year written first (2026-01-31, 2026/1/31, 2026年1月31日) is unambiguous and accepted in
 * every form; a two-digit year, an impossible day (2/30/2026) or the other order's text is null, never a guess.
 */
export function parseDisplayDate(text: string, form: DisplayDateForm): number | null {
  const trimmed = text.trim();
  const zh = CHINESE.exec(trimmed);
  if (zh) return validDay(Number(zh[1]), Number(zh[2]), Number(zh[3]));
  const m = SLASHED.exec(trimmed);
  if (!m) return null;
  const [a, b, c] = [m[1], m[2], m[3]];
  if (a.length === 4) return validDay(Number(a), Number(b), Number(c));
  if (c.length !== 4 || form.order === "ymd") return null;
  return form.order === "mdy" ? validDay(Number(c), Number(a), Number(b)) : validDay(Number(c), Number(b), Number(a));
}
