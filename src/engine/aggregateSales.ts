/** Sales records to one line per customer inside the window (spec §4), skipping unreadable sales (spec §5). */

import { cellError, cellNumber, cellText, idText, isBlank } from "./cells";
import { parseDay } from "./dates";
import { MoneySums } from "./moneySums";
import type { Cell, RowIssue, SalesColumnsInput } from "./types";

export interface SalesWindow {
  /** First day kept (inclusive), or -Infinity for no lower bound. */
  startDay: number;
  /** Last day kept (inclusive): the as-of date. */
  endDay: number;
  date1904: boolean;
  /**
   * Told of every readable sale, inside the window or not, in input order: its row, its customer's number, its day
   * and amount (grade history reads the sales once this way and sorts them by period).
   */
  onSale?: (sale: number, customer: number, day: number, amount: number) => void;
}

export interface CustomerTotals {
  ids: string[];
  /** Latest kept sale, or -1 when none (then count is 0). */
  lastDay: Int32Array;
  count: Uint32Array;
  /** Exact sums of the kept amounts, in the input unit. */
  money: MoneySums;
  /** Index of the customer's first kept sale, -1 when none. */
  firstSale: Int32Array;
  /**
   * The sale whose other columns the customer carries (spec §8): its most recent sale inside the window, the last
   * such row when dates tie; for a customer with none inside the window, its most recent readable sale.
   */
  carriedSale: Int32Array;
  /** Per carried column: 1 where the customer's sales inside the window hold more than one value in it. */
  carriedDiffers: Uint8Array[];
  /** 1 where the customer has a readable sale dated after the window's end (the analysis date). */
  laterSale: Uint8Array;
  saleIssues: RowIssue[];
  read: number;
  kept: number;
  outsideWindow: number;
  /** Readable sales dated after the window's end (counted in outsideWindow too). */
  afterEnd: number;
  /** The latest readable date of any sale row, or null when there is none. */
  latestDay: number | null;
  /** Sale rows blank in all three columns: skipped and counted apart, not "unreadable" (spec §5). */
  blank: number;
}

/**
 * A column whose cells repeat, such as a customer's id on every one of its sales: cell i is `keys[keyOf[i]]`. A
 * reader that already tells equal cells apart (the command line's CSV reader compares their bytes) hands the column
 * over in this form, and the engine then reads each distinct cell once instead of once per row. It is still an
 * ordinary array of the cells, so any other reader of the column sees nothing new.
 */
export type RepeatedCells = Cell[] & { readonly repeats: { keys: ArrayLike<Cell>; keyOf: Int32Array } };

/** The column whose cell i is keys[keyOf[i]], carrying that description for the engine. */
export function repeatedCells(keys: ArrayLike<Cell>, keyOf: Int32Array): RepeatedCells {
  const cells = new Array<Cell>(keyOf.length);
  for (let i = 0; i < keyOf.length; i++) cells[i] = keys[keyOf[i]];
  return Object.assign(cells, { repeats: { keys, keyOf } });
}

/** The column's description as repeated cells, when it has a sound one (else its cells are read one by one). */
function repeatsOf(column: ArrayLike<Cell>): RepeatedCells["repeats"] | undefined {
  const repeats = (column as Partial<RepeatedCells>).repeats;
  if (repeats === undefined || repeats.keyOf.length !== column.length) return undefined;
  const { keys, keyOf } = repeats;
  for (let i = 0; i < keyOf.length; i++) if (!(keyOf[i] >= 0 && keyOf[i] < keys.length)) return undefined;
  return repeats;
}

export function aggregateSales(input: SalesColumnsInput, w: SalesWindow): CustomerTotals {
  const n = input.ids.length;
  // Sales are grouped by id cell first (a key), then keys by id text: " A1" and "A1" are one customer. Without
  // repeats every sale is its own key.
  const repeats = repeatsOf(input.ids);
  const keys = repeats ? repeats.keys : input.ids;
  const keyOf = repeats?.keyOf;
  /** The customer of each key, -1 until a readable sale names it. */
  const keySlot = new Int32Array(keys.length).fill(-1);
  const customers = new CustomerIds();
  const ids = customers.ids;
  // A key opens at most one customer, so there are never more customers than keys: typed arrays of that length hold
  // them without growing (and are far quicker to reach at random than growing arrays of numbers).
  const lastDay = new Int32Array(keys.length), count = new Uint32Array(keys.length), firstSale = new Int32Array(keys.length);
  const carriedSale = new Int32Array(keys.length), laterSale = new Uint8Array(keys.length);
  const carried = (input.carried ?? []).map((column) => carriedReader(column.cells));
  const carriedDiffers = carried.map(() => new Uint8Array(keys.length));
  // For a customer without a sale inside the window: the day of the sale it carries so far.
  const fallbackDay = carried.length > 0 ? new Int32Array(keys.length) : undefined;
  const money = new MoneySums();
  const saleIssues: RowIssue[] = [];
  const { dates, amounts } = input;
  const { startDay, endDay, date1904, onSale } = w;
  let kept = 0, outsideWindow = 0, afterEnd = 0, blank = 0, latestDay = -Infinity;
  const skip = (i: number, role: RowIssue["role"], code: RowIssue["code"], cell?: unknown) =>
    saleIssues.push({ index: i, role, code, value: cell === undefined ? undefined : cellText(cell), graded: false });

  for (let i = 0; i < n; i++) {
    const key = keyOf === undefined ? i : keyOf[i];
    const day = parseDay(dates[i], date1904);
    const amount = cellNumber(amounts[i]);
    let slot = keySlot[key];
    // A key with a customer already has a readable id; anything else is checked in full.
    if (slot < 0 || day === null || amount !== amount) {
      const idCell = keys[key], dateCell = dates[i], amountCell = amounts[i];
      const idErr = cellError(idCell);
      const id = idErr ? "" : idText(idCell);
      if (id === "" || day === null || Number.isNaN(amount)) {
        if (isBlank(idCell) && isBlank(dateCell) && isBlank(amountCell)) {
          blank++;
          continue;
        }
        if (idErr) skip(i, "id", "errorValue", idErr);
        else if (id === "") skip(i, "id", "idMissing");
        if (day === null) {
          const err = cellError(dateCell);
          if (err) skip(i, "date", "errorValue", err);
          else if (isBlank(dateCell)) skip(i, "date", "saleDateMissing");
          else skip(i, "date", "saleDateInvalid", dateCell);
        } else if (day > latestDay) latestDay = day;
        if (Number.isNaN(amount)) {
          const err = cellError(amountCell);
          if (err) skip(i, "amount", "errorValue", err);
          else if (isBlank(amountCell)) skip(i, "amount", "amountMissing");
          else skip(i, "amount", "amountInvalid", amountCell);
        }
        continue;
      }
      const opened = ids.length;
      slot = keySlot[key] = customers.numberOf(id);
      if (slot === opened) {
        lastDay[slot] = -1;
        firstSale[slot] = -1;
        carriedSale[slot] = -1;
        money.open();
      }
    }
    if (day > latestDay) latestDay = day;
    if (onSale !== undefined) onSale(i, slot, day, amount);
    if (day < startDay || day > endDay) {
      outsideWindow++;
      if (day > endDay) {
        afterEnd++;
        laterSale[slot] = 1;
      }
      // Until a sale inside the window comes, the customer carries its most recent sale outside it.
      if (fallbackDay !== undefined && count[slot] === 0 && (carriedSale[slot] < 0 || day >= fallbackDay[slot])) {
        carriedSale[slot] = i;
        fallbackDay[slot] = day;
      }
      continue;
    }
    kept++;
    const c = count[slot];
    if (c === 0 || day >= lastDay[slot]) {
      lastDay[slot] = day;
      carriedSale[slot] = i; // the last row of the latest day: rows come in input order
    }
    if (c === 0) firstSale[slot] = i;
    else for (let k = 0; k < carried.length; k++) if (carriedDiffers[k][slot] === 0 && !carried[k](i, firstSale[slot])) carriedDiffers[k][slot] = 1;
    count[slot] = c + 1;
    money.add(slot, amount); // refunds (negative amounts) are summed as they are
  }
  const opened = ids.length;
  return {
    ids,
    lastDay: lastDay.slice(0, opened),
    count: count.slice(0, opened),
    money,
    firstSale: firstSale.slice(0, opened),
    carriedSale: carriedSale.slice(0, opened),
    carriedDiffers: carriedDiffers.map((d) => d.slice(0, opened)),
    laterSale: laterSale.slice(0, opened),
    saleIssues,
    read: n,
    kept,
    outsideWindow,
    afterEnd,
    latestDay: latestDay === -Infinity ? null : latestDay,
    blank,
  };
}

/**
 * Whether rows a and b hold the same value in a carried column: the same key when the column comes as repeated cells
 * (one comparison of two numbers per sale), else the same cell, else the same text once trimmed (a number and its
 * text are one value; so are two blanks).
 */
function carriedReader(cells: ArrayLike<Cell>): (a: number, b: number) => boolean {
  const repeats = repeatsOf(cells);
  if (repeats) {
    const { keys, keyOf } = repeats;
    return (a, b) => keyOf[a] === keyOf[b] || sameValue(keys[keyOf[a]], keys[keyOf[b]]);
  }
  return (a, b) => sameValue(cells[a], cells[b]);
}

function sameValue(x: Cell, y: Cell): boolean {
  if (x === y) return true;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  return valueText(x) === valueText(y);
}

function valueText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return String(v.getTime());
  const error = cellError(v);
  if (error) return error;
  return typeof v === "object" ? JSON.stringify(v) : String(v).trim();
}

/**
 * Customers by id text, numbered in the order they are first named. An open-addressing table of customer numbers
 * over the ids' hashes: a Map keyed by 200,000 fresh strings spends more time growing and chasing its entries than
 * the rest of the aggregation together. Ids are the same customer exactly when they are the same text.
 */
class CustomerIds {
  readonly ids: string[] = [];
  private hashes = new Int32Array(16);
  // Kept at most half full; it starts small so that it has grown a few times before the loop calling it is compiled.
  private table = new Int32Array(32).fill(-1);

  /** The number of the customer with this id; a new customer (numbered ids.length, then added) when there is none. */
  numberOf(id: string): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h ^= h >>> 12;
    const { table, hashes, ids } = this;
    const mask = table.length - 1;
    for (let t = h & mask; ; t = (t + 1) & mask) {
      const j = table[t];
      if (j < 0) {
        const added = ids.length;
        table[t] = added;
        ids.push(id);
        if (added === hashes.length) this.hashes = grownHashes(hashes);
        this.hashes[added] = h;
        if (2 * ids.length > table.length) this.table = rehashed(this.hashes, ids.length, 2 * table.length);
        return added;
      }
      if (hashes[j] === h && ids[j] === id) return j;
    }
  }
}

function grownHashes(hashes: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(hashes.length * 2);
  bigger.set(hashes);
  return bigger;
}

function rehashed(hashes: Int32Array, count: number, size: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let j = 0; j < count; j++) {
    let t = hashes[j] & mask;
    while (table[t] >= 0) t = (t + 1) & mask;
    table[t] = j;
  }
  return table;
}

/** Sales that were skipped as unreadable (several problems of one sale count once). */
export function skippedSales(issues: RowIssue[]): number {
  let skipped = 0, previous = -1;
  for (const issue of issues) {
    if (issue.index !== previous) skipped++;
    previous = issue.index;
  }
  return skipped;
}
