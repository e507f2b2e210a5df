/** Sales records to one line per customer inside the window (RULES.md §7), skipping unreadable sales (RULES.md §8). */

import { cellError, cellNumber, cellText, doubtCode, idText, isBlank, isDoubtfulNumber } from "./cells";
import { parseDay } from "./dates";
import { MoneySums } from "./moneySums";
import { grownTo } from "./typedArrays";
import type { Cell, RowIssue, SalesColumnsInput, ValueList } from "./types";

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
  /** Customer ids in order of first appearance: an array, or a reader's compact list of them. */
  ids: ValueList<string>;
  /** Latest kept sale, or -1 when none (then count is 0). */
  lastDay: Int32Array;
  count: Uint32Array;
  /** Exact sums of the kept amounts, in the input unit. */
  money: MoneySums;
  /** Index of the customer's first kept sale, -1 when none. */
  firstSale: Int32Array;
  /**
   * The sale whose other columns the customer carries (RULES.md §7): its most recent sale inside the window, the last
   * such row when dates tie; for a customer with none inside the window, its most recent readable sale. Empty when no
   * column is carried.
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
  /** Sale rows blank in all three columns: skipped and counted apart, not "unreadable" (RULES.md §8). */
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

/** What `SalesTally.add` did with a sale, for whoever keeps the values of carried columns (RULES.md §7). */
export const SALE_CARRIED = 1;
/** The sale is its customer's first inside the window: the one later sales' carried values are compared with. */
export const SALE_FIRST_KEPT = 2;
/** The sale is inside the window after an earlier one: its carried values are compared with the first one's. */
export const SALE_KEPT_AGAIN = 4;

/**
 * The running totals of each customer's sales, fed one sale at a time (RULES.md §7 and §8). A customer is numbered
 * when its first readable sale is met; a readable sale is kept when its day lies inside the window, and its amount
 * (refunds included) is added exactly. `aggregateSales` feeds it from columns; a reader that finds customers its own
 * way (the command line compares ids as bytes, in a file too large to hold at once) feeds it directly, so that both
 * apply the same rules. Carried columns' values stay with the feeder: `add` says which sale each customer carries.
 */
export class SalesTally {
  private lastDay = new Int32Array(16);
  private count = new Uint32Array(16);
  private firstSale = new Int32Array(16);
  private laterSale = new Uint8Array(16);
  private carriedSale: Int32Array;
  /** For a customer without a sale inside the window: the day of the sale it carries so far. */
  private fallbackDay: Int32Array;
  private readonly differs: Uint8Array[];
  private readonly money = new MoneySums();
  private readonly saleIssues: RowIssue[] = [];
  private readonly startDay: number;
  private readonly endDay: number;
  private readonly onSale?: SalesWindow["onSale"];
  readonly date1904: boolean;
  /** Customers opened so far. */
  customers = 0;
  private kept = 0;
  private outsideWindow = 0;
  private afterEnd = 0;
  private blank = 0;
  private latestDay = -Infinity;

  /** `carried`: how many columns are carried with the sales (their values are the feeder's to keep). */
  constructor(window: SalesWindow, carried = 0) {
    this.startDay = window.startDay;
    this.endDay = window.endDay;
    this.date1904 = window.date1904;
    this.onSale = window.onSale;
    const size = carried > 0 ? 16 : 0;
    this.carriedSale = new Int32Array(size);
    this.fallbackDay = new Int32Array(size);
    this.differs = Array.from({ length: carried }, () => new Uint8Array(size));
  }

  /** Opens the next customer and returns its number. */
  open(): number {
    const c = this.customers++;
    if (c === this.count.length) this.grow();
    this.lastDay[c] = -1;
    this.firstSale[c] = -1;
    if (this.differs.length > 0) this.carriedSale[c] = -1;
    this.money.open();
    return c;
  }

  /**
   * A readable sale (row `index` of the sales) of customer c, on `day`, of `amount`. Returns what became of it for the
   * carried columns: SALE_CARRIED when c now carries this sale's values, with SALE_FIRST_KEPT or SALE_KEPT_AGAIN when
   * it lies inside the window.
   */
  add(c: number, index: number, day: number, amount: number): number {
    if (day > this.latestDay) this.latestDay = day;
    if (this.onSale !== undefined) this.onSale(index, c, day, amount);
    const count = this.count;
    if (day < this.startDay || day > this.endDay) {
      this.outsideWindow++;
      if (day > this.endDay) {
        this.afterEnd++;
        this.laterSale[c] = 1;
      }
      // Until a sale inside the window comes, the customer carries its most recent sale outside it.
      if (this.differs.length > 0 && count[c] === 0 && (this.carriedSale[c] < 0 || day >= this.fallbackDay[c])) {
        this.carriedSale[c] = index;
        this.fallbackDay[c] = day;
        return SALE_CARRIED;
      }
      return 0;
    }
    this.kept++;
    const before = count[c];
    let fate = before === 0 ? SALE_FIRST_KEPT : SALE_KEPT_AGAIN;
    if (before === 0 || day >= this.lastDay[c]) {
      this.lastDay[c] = day;
      if (this.differs.length > 0) this.carriedSale[c] = index; // the last row of the latest day: rows come in order
      fate |= SALE_CARRIED;
    }
    if (before === 0) this.firstSale[c] = index;
    count[c] = before + 1;
    this.money.add(c, amount); // refunds (negative amounts) are summed as they are
    return fate;
  }

  /**
   * Reads the totals `add` reads of customers[0, n) and returns a number made of them, for a feeder that adds sales a
   * group at a time. Millions of customers' totals lie far outside the processor's caches, and `add` waits for each
   * one it reads; reading a group's in a loop that does nothing else lets the processor fetch many at once (measured:
   * about 27 ns a read that way against 190 ns one after another), and the `add` calls then find them at hand.
   */
  warm(customers: Int32Array, n: number): number {
    const count = this.count,
      lastDay = this.lastDay;
    let seen = 0;
    for (let k = 0; k < n; k++) {
      const c = customers[k];
      seen ^= count[c] ^ lastDay[c];
    }
    return seen + this.money.warm(customers, n);
  }

  /** Row index of customer c's first sale inside the window (-1 when none). */
  firstKept(c: number): number {
    return this.firstSale[c];
  }

  /** True once customer c's sales inside the window were found to hold several values in carried column k. */
  differ(k: number, c: number): boolean {
    return this.differs[k][c] === 1;
  }

  /** Notes that customer c's sales inside the window hold several values in carried column k. */
  markDiffering(k: number, c: number): void {
    this.differs[k][c] = 1;
  }

  /**
   * A sale whose id, date or amount cannot be read: skipped with every reason (RULES.md §8), or counted as blank when
   * all three cells are blank. A readable date still counts as the latest date in the data.
   */
  unreadable(index: number, idCell: unknown, dateCell: unknown, amountCell: unknown): void {
    if (isBlank(idCell) && isBlank(dateCell) && isBlank(amountCell)) {
      this.blank++;
      return;
    }
    const skip = (role: RowIssue["role"], code: RowIssue["code"], cell?: unknown) =>
      this.saleIssues.push({
        index,
        role,
        code,
        value: cell === undefined ? undefined : cellText(cell),
        graded: false,
      });
    const idErr = cellError(idCell);
    if (idErr) skip("id", "errorValue", idErr);
    else if (idText(idCell) === "") skip("id", "idMissing");
    const day = parseDay(dateCell, this.date1904);
    if (day === null) {
      const err = cellError(dateCell);
      if (err) skip("date", "errorValue", err);
      else if (isBlank(dateCell)) skip("date", "saleDateMissing");
      else skip("date", "saleDateInvalid", dateCell);
    } else if (day > this.latestDay) this.latestDay = day;
    if (Number.isNaN(cellNumber(amountCell))) {
      const err = cellError(amountCell);
      if (err) skip("amount", "errorValue", err);
      else if (isDoubtfulNumber(amountCell)) skip("amount", doubtCode(amountCell), amountCell);
      else if (isBlank(amountCell)) skip("amount", "amountMissing");
      else skip("amount", "amountInvalid", amountCell);
    }
  }

  /**
   * The totals of the customers opened, whose ids are `ids` (in the order they were opened); `read` sales were read.
   * The arrays are views of the tally's own (millions of customers are not copied): the tally is done with.
   */
  totals(ids: ValueList<string>, read: number): CustomerTotals {
    const opened = this.customers;
    const carrying = this.differs.length > 0;
    return {
      ids,
      lastDay: this.lastDay.subarray(0, opened),
      count: this.count.subarray(0, opened),
      money: this.money,
      firstSale: this.firstSale.subarray(0, opened),
      carriedSale: carrying ? this.carriedSale.subarray(0, opened) : new Int32Array(0),
      carriedDiffers: this.differs.map((d) => d.subarray(0, opened)),
      laterSale: this.laterSale.subarray(0, opened),
      saleIssues: this.saleIssues,
      read,
      kept: this.kept,
      outsideWindow: this.outsideWindow,
      afterEnd: this.afterEnd,
      latestDay: this.latestDay === -Infinity ? null : this.latestDay,
      blank: this.blank,
    };
  }

  /** Room for more customers: half as many again (millions of customers must not cost twice their memory). */
  private grow(): void {
    const size = this.count.length + (this.count.length >> 1);
    this.lastDay = grownTo(this.lastDay, size);
    this.count = grownTo(this.count, size);
    this.firstSale = grownTo(this.firstSale, size);
    this.laterSale = grownTo(this.laterSale, size);
    if (this.differs.length > 0) {
      this.carriedSale = grownTo(this.carriedSale, size);
      this.fallbackDay = grownTo(this.fallbackDay, size);
      for (let k = 0; k < this.differs.length; k++) this.differs[k] = grownTo(this.differs[k], size);
    }
  }
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
  const carried = new CarriedComparison((input.carried ?? []).map((column) => column.cells));
  const tally = new SalesTally(w, carried.width);
  const { dates, amounts } = input;
  const { date1904 } = w;

  for (let i = 0; i < n; i++) {
    const key = keyOf === undefined ? i : keyOf[i];
    const day = parseDay(dates[i], date1904);
    const amount = cellNumber(amounts[i]);
    let slot = keySlot[key];
    // A key with a customer already has a readable id; anything else is checked in full.
    if (slot < 0 || day === null || amount !== amount) {
      const idCell = keys[key];
      const id = cellError(idCell) ? "" : idText(idCell);
      if (id === "" || day === null || Number.isNaN(amount)) {
        tally.unreadable(i, idCell, dates[i], amounts[i]);
        continue;
      }
      slot = keySlot[key] = customers.numberOf(id);
      if (slot === tally.customers) tally.open();
    }
    const fate = tally.add(slot, i, day, amount);
    if (carried.width === 0) continue;
    if ((fate & SALE_FIRST_KEPT) !== 0) carried.first(slot, i);
    else if ((fate & SALE_KEPT_AGAIN) !== 0) carried.compare(slot, i, tally);
  }
  return tally.totals(customers.ids, n);
}

/**
 * Tells whether a customer's sales inside the window hold several values in each carried column: each later sale's
 * value is compared with its first sale's. A column's cells are compared by key — the key of equal cells when the
 * column comes as repeated cells, else the row — and cells whose keys differ by their text. The first sale's keys of
 * every carried column sit side by side per customer, so a sale costs one trip to memory however many columns are
 * carried, not one per column to wherever the first sale's row lies; -1 marks a column already found to differ.
 */
class CarriedComparison {
  readonly width: number;
  private readonly keyOf: ((i: number) => number)[];
  /** Whether the cells of two keys that differ hold one value all the same (the same text once trimmed). */
  private readonly sameKeys: ((a: number, b: number) => boolean)[];
  private firstKeys = new Int32Array(0);

  constructor(columns: readonly ArrayLike<Cell>[]) {
    this.width = columns.length;
    this.keyOf = [];
    this.sameKeys = [];
    for (const cells of columns) {
      const repeats = repeatsOf(cells);
      if (repeats) {
        const { keys, keyOf } = repeats;
        this.keyOf.push((i) => keyOf[i]);
        this.sameKeys.push((a, b) => sameValue(keys[a], keys[b]));
      } else {
        this.keyOf.push((i) => i);
        this.sameKeys.push((a, b) => sameValue(cells[a], cells[b]));
      }
    }
  }

  /** Sale i is customer c's first inside the window: its keys are the ones later sales are compared with. */
  first(c: number, i: number): void {
    const w = this.width,
      at = c * w;
    if (at + w > this.firstKeys.length) this.grow(at + w);
    for (let k = 0; k < w; k++) this.firstKeys[at + k] = this.keyOf[k](i);
  }

  /** Sale i is a later sale of customer c inside the window: a column whose value differs is marked in the tally. */
  compare(c: number, i: number, tally: SalesTally): void {
    const w = this.width,
      at = c * w,
      first = this.firstKeys;
    for (let k = 0; k < w; k++) {
      const was = first[at + k];
      if (was < 0) continue; // known to differ
      const key = this.keyOf[k](i);
      if (key === was || this.sameKeys[k](was, key)) continue;
      first[at + k] = -1;
      tally.markDiffering(k, c);
    }
  }

  private grow(needed: number): void {
    const bigger = new Int32Array(Math.max(needed, this.firstKeys.length + (this.firstKeys.length >> 1), 64));
    bigger.set(this.firstKeys);
    this.firstKeys = bigger;
  }
}

/** Two cells of a carried column hold one value: the same cell, or the same text once trimmed (RULES.md §7). */
export function sameValue(x: Cell, y: Cell): boolean {
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
        if (added === hashes.length) this.hashes = grownTo(hashes, hashes.length * 2);
        this.hashes[added] = h;
        if (2 * ids.length > table.length) this.table = rehashed(this.hashes, ids.length, 2 * table.length);
        return added;
      }
      if (hashes[j] === h && ids[j] === id) return j;
    }
  }
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
  let skipped = 0,
    previous = -1;
  for (const issue of issues) {
    if (issue.index !== previous) skipped++;
    previous = issue.index;
  }
  return skipped;
}
