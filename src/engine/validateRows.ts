/** Reading customer-level rows into validated columns, with the reasons of spec §5 for rows that cannot be graded. */

import { cellError, cellNumber, cellText, idText, isBlank } from "./cells";
import { dayFromSerial, formatDay, parseDay } from "./dates";
import { moneyUnits } from "./decimal";
import type { Population } from "./scoring";
import type { CustomerColumnsInput, RowIssue } from "./types";

export interface CustomerReadOptions {
  asOfDay: number;
  date1904: boolean;
  /** Thresholds profiles need Z > 0 (the seed says 0 < Z); quantile profiles rank Z as it is. */
  requirePositiveTotal: boolean;
  /** Multiplier from input money units to the units scoring works in. */
  inputFactor: number;
}

export interface CustomerRows {
  population: Population;
  lastDay: Int32Array;
  issues: RowIssue[];
}

export function readCustomerRows(input: CustomerColumnsInput, o: CustomerReadOptions): CustomerRows {
  const n = input.lastDates.length;
  const valid = new Uint8Array(n);
  const days = new Int32Array(n);
  const lastDay = new Int32Array(n);
  const count = new Float64Array(n);
  const money = new Float64Array(n);
  const issues: RowIssue[] = [];
  const { ids, lastDates, counts, totals } = input;
  const { asOfDay, date1904, requirePositiveTotal, inputFactor } = o;
  for (let i = 0; i < n; i++) {
    // Typed cells are read inline; everything else (text, blanks, errors) goes through the general readers.
    const dateCell = lastDates[i], countCell = counts[i], totalCell = totals[i];
    const day = typeof dateCell === "number" ? dayFromSerial(dateCell, date1904) : parseDay(dateCell, date1904);
    const s = typeof countCell === "number" ? countCell : cellNumber(countCell);
    const z = typeof totalCell === "number" ? totalCell : cellNumber(totalCell);
    if (
      day !== null && day <= asOfDay && Number.isInteger(s) && s > 0 && Number.isFinite(z) &&
      (z > 0 || !requirePositiveTotal) && (ids === undefined || cellError(ids[i]) === null)
    ) {
      valid[i] = 1;
      lastDay[i] = day;
      days[i] = asOfDay - day;
      count[i] = s;
      money[i] = moneyUnits(z) * inputFactor;
    } else {
      explainRow(i, ids?.[i], dateCell, day, countCell, s, totalCell, z, o, issues);
    }
  }
  if (ids) noteDuplicateIds(ids, n, issues);
  issues.sort((a, b) => a.index - b.index);
  return { population: { n, valid, days, count, money }, lastDay, issues };
}

/** Every reason of spec §5 why row i cannot be graded. */
function explainRow(
  i: number, idCell: unknown, dateCell: unknown, day: number | null, countCell: unknown, s: number,
  totalCell: unknown, z: number, o: CustomerReadOptions, issues: RowIssue[],
): void {
  const fail = (role: RowIssue["role"], code: RowIssue["code"], cell?: unknown) =>
    issues.push({ index: i, role, code, value: cell === undefined ? undefined : cellText(cell), graded: false });
  const idError = cellError(idCell);
  if (idError) fail("id", "errorValue", idError);

  if (day === null) {
    const err = cellError(dateCell);
    if (err) fail("date", "errorValue", err);
    else if (isBlank(dateCell)) fail("date", "dateMissing");
    else fail("date", "dateInvalid", dateCell);
  } else if (day > o.asOfDay) {
    fail("date", "dateAfterAsOf", formatDay(day));
  }

  if (Number.isNaN(s) || !Number.isFinite(s)) {
    const err = cellError(countCell);
    if (err) fail("count", "errorValue", err);
    else if (isBlank(countCell)) fail("count", "countMissing");
    else fail("count", "countInvalid", countCell);
  } else if (!Number.isInteger(s)) fail("count", "countNotWhole", countCell);
  else if (s <= 0) fail("count", "countNotPositive", countCell);

  if (!Number.isFinite(z)) {
    const err = cellError(totalCell);
    if (err) fail("total", "errorValue", err);
    else if (isBlank(totalCell)) fail("total", "totalMissing");
    else fail("total", "totalInvalid", totalCell);
  } else if (o.requirePositiveTotal && z <= 0) fail("total", "totalNotPositive", totalCell);
}

/**
 * Spec §5: the same id twice in customer-level input grades both rows and notes both. An open-addressing table of
 * row numbers keyed by a string hash finds repeats without a million-entry Map.
 */
function noteDuplicateIds(ids: ArrayLike<unknown>, n: number, issues: RowIssue[]): void {
  const keys: string[] = new Array(n);
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const repeated = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const cell = ids[i];
    const id = cellError(cell) ? "" : idText(cell);
    keys[i] = id;
    if (id === "") continue;
    let h = hashText(id) & mask;
    for (;;) {
      const j = table[h];
      if (j < 0) {
        table[h] = i;
        break;
      }
      if (keys[j] === id) {
        repeated[j] = 1;
        repeated[i] = 1;
        any = true;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  if (!any) return;
  for (let i = 0; i < n; i++) {
    if (repeated[i]) issues.push({ index: i, role: "id", code: "duplicateId", value: keys[i], graded: true });
  }
}

function hashText(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}
