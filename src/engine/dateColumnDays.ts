/**
 * The days of a date column, read before grading: the latest, and how many rows (or sales) lie after a given analysis
 * date. An interface shows with them, before anything is graded, what a profile's fixed analysis date would leave out
 * of newer data (RULES.md §9): a customer row dated after the analysis date is not graded, a sale after it not counted.
 */
import { parseDay } from "./dates";
import type { Cell } from "./types";

export interface DateColumnDays {
  /** The latest day in the column; null when it holds no date. */
  latestDay: number | null;
  /** Every readable day, ascending. */
  sorted: Int32Array;
}

/** The readable days of a column's cells (Excel serials in the workbook's date system, or date texts). */
export function dateColumnDays(cells: ArrayLike<Cell>, date1904 = false): DateColumnDays {
  const days = new Int32Array(cells.length);
  let n = 0;
  for (let i = 0; i < cells.length; i++) {
    const day = parseDay(cells[i], date1904);
    if (day !== null) days[n++] = day;
  }
  const sorted = days.slice(0, n).sort();
  return { latestDay: n === 0 ? null : sorted[n - 1], sorted };
}

/** How many of the days lie after `day` (strictly later). */
export function daysAfter(column: DateColumnDays, day: number): number {
  const { sorted } = column;
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}
