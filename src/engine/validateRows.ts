/** Reading customer-level rows into validated columns, with the reasons of RULES.md §8 for rows not graded. */

import { cellError, cellNumber, cellText, doubtCode, idText, isBlank, isDoubtfulNumber } from "./cells";
import { dayFromSerial, formatDay, parseDay } from "./dates";
import type { Population } from "./scoring";
import type { CustomerColumnsInput, RowIssue } from "./types";

export interface CustomerReadOptions {
  asOfDay: number;
  date1904: boolean;
  /** Thresholds profiles need Z > 0 (the seed says 0 < Z); quantile profiles rank Z as it is. */
  requirePositiveTotal: boolean;
}

export interface CustomerRows {
  population: Population;
  lastDay: Int32Array;
  issues: RowIssue[];
  /** 1 where the row is blank in every column read (RULES.md §8: skipped and counted, not "not graded"). */
  blank: Uint8Array;
  blankCount: number;
  /** The latest date in the date column (rows after the analysis date included), or null when it holds none. */
  latestDay: number | null;
}

export function readCustomerRows(input: CustomerColumnsInput, o: CustomerReadOptions): CustomerRows {
  const n = input.lastDates.length;
  const valid = new Uint8Array(n);
  const days = new Int32Array(n);
  const lastDay = new Int32Array(n);
  const count = new Float64Array(n);
  const money = new Float64Array(n);
  const issues: RowIssue[] = [];
  const blank = new Uint8Array(n);
  let blankCount = 0;
  let latestDay = -Infinity;
  const { ids, lastDates, counts, totals } = input;
  const { asOfDay, date1904, requirePositiveTotal } = o;
  for (let i = 0; i < n; i++) {
    // Typed cells are read inline; everything else (text, blanks, errors) goes through the general readers.
    const dateCell = lastDates[i],
      countCell = counts[i],
      totalCell = totals[i];
    const day = typeof dateCell === "number" ? dayFromSerial(dateCell, date1904) : parseDay(dateCell, date1904);
    const s = typeof countCell === "number" ? countCell : cellNumber(countCell);
    const z = typeof totalCell === "number" ? totalCell : cellNumber(totalCell);
    if (day !== null && day > latestDay) latestDay = day;
    if (
      day !== null &&
      day <= asOfDay &&
      Number.isInteger(s) &&
      s > 0 &&
      Number.isFinite(z) &&
      (z > 0 || !requirePositiveTotal)
    ) {
      valid[i] = 1;
      lastDay[i] = day;
      days[i] = asOfDay - day;
      count[i] = s;
      money[i] = z;
    } else {
      if (isBlank(dateCell) && isBlank(countCell) && isBlank(totalCell) && (!ids || isBlank(ids[i]))) {
        blank[i] = 1;
        blankCount++;
      } else explainRow(i, dateCell, day, countCell, s, totalCell, z, o, issues);
    }
  }
  // Ids are read in one pass of their own, which both refuses error values and finds repeats.
  if (ids) readIds(ids, valid, issues);
  issues.sort((a, b) => a.index - b.index);
  return {
    population: { n, valid, days, count, money },
    lastDay,
    issues,
    blank,
    blankCount,
    latestDay: latestDay === -Infinity ? null : latestDay,
  };
}

/** Every reason of RULES.md §8 why row i cannot be graded. */
function explainRow(
  i: number,
  dateCell: unknown,
  day: number | null,
  countCell: unknown,
  s: number,
  totalCell: unknown,
  z: number,
  o: CustomerReadOptions,
  issues: RowIssue[],
): void {
  const fail = (role: RowIssue["role"], code: RowIssue["code"], cell?: unknown) =>
    issues.push({ index: i, role, code, value: cell === undefined ? undefined : cellText(cell), graded: false });
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
    else if (isDoubtfulNumber(countCell)) fail("count", doubtCode(countCell), countCell);
    else if (isBlank(countCell)) fail("count", "countMissing");
    else fail("count", "countInvalid", countCell);
  } else if (!Number.isInteger(s)) fail("count", "countNotWhole", countCell);
  else if (s <= 0) fail("count", "countNotPositive", countCell);

  if (!Number.isFinite(z)) {
    const err = cellError(totalCell);
    if (err) fail("total", "errorValue", err);
    else if (isDoubtfulNumber(totalCell)) fail("total", doubtCode(totalCell), totalCell);
    else if (isBlank(totalCell)) fail("total", "totalMissing");
    else fail("total", "totalInvalid", totalCell);
  } else if (o.requirePositiveTotal && z <= 0) fail("total", "totalNotPositive", totalCell);
}

/**
 * RULES.md §8 for ids: an Excel error in the id cell means the row is not graded; the same id twice grades both rows
 * and notes both (after errors are known, so the note says truly whether its row was graded).
 */
function readIds(ids: ArrayLike<unknown>, valid: Uint8Array, issues: RowIssue[]): void {
  const n = valid.length;
  let plain = 0;
  while (plain < n && isPlainId(ids[plain])) plain++;
  // Ids that are all plain text serve as their own keys; otherwise the rest are read into a copy.
  const keys = plain === n ? (ids as ArrayLike<string>) : readKeys(ids, plain, valid, issues);
  const repeated = findRepeats(keys);
  if (!repeated) return;
  for (let i = 0; i < n; i++) {
    if (repeated[i]) issues.push({ index: i, role: "id", code: "duplicateId", value: keys[i], graded: valid[i] === 1 });
  }
}

function readKeys(ids: ArrayLike<unknown>, plain: number, valid: Uint8Array, issues: RowIssue[]): string[] {
  const keys: string[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const cell = ids[i];
    if (i < plain || isPlainId(cell)) {
      keys[i] = cell as string;
      continue;
    }
    const error = cellError(cell);
    if (error) {
      valid[i] = 0;
      issues.push({ index: i, role: "id", code: "errorValue", value: error, graded: false });
    }
    keys[i] = error ? "" : idText(cell);
  }
  return keys;
}

/**
 * Text that is its own id as it stands: printable ASCII at both ends (so nothing to trim) and no leading "#" (so no
 * Excel error). Anything else goes through the general readers.
 */
function isPlainId(cell: unknown): cell is string {
  if (typeof cell !== "string" || cell.length === 0) return false;
  const first = cell.charCodeAt(0),
    last = cell.charCodeAt(cell.length - 1);
  return first > 32 && first < 127 && first !== 35 && last > 32 && last < 127;
}

const BUCKET_BITS = 8;

/**
 * Marks every non-empty key that occurs more than once; null when none does. Keys are first grouped by the top bits
 * of their hash so that each group's hash table stays small enough for the CPU cache: a single table over a million
 * keys spends most of its time waiting on memory.
 */
function findRepeats(keys: ArrayLike<string>): Uint8Array | null {
  const n = keys.length;
  const buckets = 1 << BUCKET_BITS;
  const shift = 32 - BUCKET_BITS;
  const hashes = new Uint32Array(n);
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    if (keys[i] === "") continue;
    const h = hashText(keys[i]);
    hashes[i] = h;
    start[(h >>> shift) + 1]++;
  }
  let largest = 0;
  for (let b = 0; b < buckets; b++) {
    largest = Math.max(largest, start[b + 1]);
    start[b + 1] += start[b];
  }
  const fill = start.slice(0, buckets);
  const grouped = new Int32Array(start[buckets]);
  for (let i = 0; i < n; i++) if (keys[i] !== "") grouped[fill[hashes[i] >>> shift]++] = i;

  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  const table = new Int32Array(capacity);
  let repeated: Uint8Array | null = null;
  for (let b = 0; b < buckets; b++) {
    const from = start[b],
      to = start[b + 1];
    let size = 16;
    while (size < (to - from) * 2) size *= 2;
    const mask = size - 1;
    table.fill(-1, 0, size);
    for (let t = from; t < to; t++) {
      const i = grouped[t];
      const h = hashes[i];
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const j = table[slot];
        if (j < 0) {
          table[slot] = i;
          break;
        }
        if (hashes[j] === h && keys[j] === keys[i]) {
          repeated ??= new Uint8Array(n);
          repeated[j] = 1;
          repeated[i] = 1;
          break;
        }
      }
    }
  }
  return repeated;
}

function hashText(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}
