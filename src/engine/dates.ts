/**
 * Calendar dates as whole "days": days since 1970-01-01, with no time of day and no time zone. Recency D is a
 * difference of two days, so it is always a whole number of calendar days.
 */

import { cellError } from "./cells";

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to the given proleptic Gregorian date (month 1..12). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}

/** 0001-01-01 and 9999-12-31: the days a date can name here, as in Excel's own upper limit. */
const FIRST_DAY = dayFromCivil(1, 1, 1);
const LAST_DAY = dayFromCivil(9999, 12, 31);

function dayOrNull(year: number, month: number, day: number): number | null {
  return year >= 1 && year <= 9999 && isValidDate(year, month, day) ? dayFromCivil(year, month, day) : null;
}

export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// Serial of 1970-01-01 in each date system. The 1900 system counts a 29 February 1900 that never was (serial 60),
// so serials before it are one day further from 1970.
const EPOCH_SERIAL_1900 = 25569;
const EPOCH_SERIAL_1904 = 24107;
const LAST_SERIAL_1900 = 2958465; // 9999-12-31

/** The day an Excel serial stands for; a fraction (time of day) counts as its day. */
export function dayFromSerial(serial: number, date1904 = false): number | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    return whole >= 0 && whole <= LAST_SERIAL_1900 - 1462 ? whole - EPOCH_SERIAL_1904 : null;
  }
  if (whole < 1 || whole > LAST_SERIAL_1900 || whole === 60) return null;
  return whole < 60 ? whole - EPOCH_SERIAL_1900 + 1 : whole - EPOCH_SERIAL_1900;
}

/**
 * The moment an Excel serial stands for, as milliseconds from 1970-01-01 read as a wall clock (no time zone): its day
 * is dayFromSerial's, so a date shown or written back from a serial is the very day that was graded; the fraction is
 * the time of day, to the millisecond (one that rounds up to midnight stays on its day, at 23:59:59.999).
 */
export function dateTimeFromSerial(serial: number, date1904 = false): number | null {
  const day = dayFromSerial(serial, date1904);
  if (day === null) return null;
  const ms = Math.round((serial - Math.floor(serial)) * MS_PER_DAY);
  return day * MS_PER_DAY + Math.min(ms, MS_PER_DAY - 1);
}

export function dayToSerial(dayNumber: number, date1904 = false): number {
  if (date1904) return dayNumber + EPOCH_SERIAL_1904;
  const serial = dayNumber + EPOCH_SERIAL_1900;
  return serial < 61 ? serial - 1 : serial;
}

// 2025-07-01, 2025/7/1, 2025.7.1, optionally followed by a time of day that is ignored.
const NUMERIC_DATE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:[ T]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// 2025年7月1日, optionally with a time of day after it.
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/;

function dayFromText(text: string): number | null {
  const t = text.trim();
  // Fast path for the ISO form, which CSV exports of large tables use on every row.
  if (t.length === 10 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
    const y = digits(t, 0, 4),
      m = digits(t, 5, 7),
      d = digits(t, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return dayOrNull(y, m, d);
  }
  const iso = NUMERIC_DATE.exec(t);
  if (iso) return dayOrNull(Number(iso[1]), Number(iso[3]), Number(iso[4]));
  const zh = CHINESE_DATE.exec(t);
  if (zh) return dayOrNull(Number(zh[1]), Number(zh[2]), Number(zh[3]));
  return null;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The calendar day a cell holds: an Excel serial number (1900 or 1904 system), date text in the forms of RULES.md §9,
 * or a JS Date (read by its UTC fields, as spreadsheet libraries hand date cells over). Anything else is null.
 */
export function parseDay(cell: unknown, date1904 = false): number | null {
  if (typeof cell === "number") return dayFromSerial(cell, date1904);
  if (typeof cell === "string") return cellError(cell) ? null : dayFromText(cell);
  if (cell instanceof Date) {
    // A date-formatted cell holding a number no calendar has (1e10) arrives as an invalid or far-future Date.
    const ms = cell.getTime();
    if (Number.isNaN(ms)) return null;
    const day = Math.floor(ms / MS_PER_DAY);
    return day >= FIRST_DAY && day <= LAST_DAY ? day : null;
  }
  return null;
}

/** A date written as YYYY-MM-DD (or another text form of RULES.md §9), as a day; null when it is not one. */
export function parseDateText(text: string): number | null {
  return dayFromText(text);
}

/** Today's date where the user is. */
export function todayDay(now: Date = new Date()): number {
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
