/**
 * Reading sales records into the engine's tally, one block of the file at a time (`salesBlocks.ts` finds the columns
 * and grades what was read). A reader may take only a part of the customers — those whose id's hash falls to its
 * part — so that several threads read one file side by side (`salesThreads.ts`): every reader reads every row, and
 * handles the rows of its own customers; a row whose id cannot be read belongs to part 0. A customer's sales are then
 * all read by one reader in input order, which is all its totals depend on.
 *
 * Reading a sale costs little where its cells are in the usual forms: an id that needs no trimming is looked up by its
 * bytes (ByteIds), a YYYY-MM-DD date is read once per distinct day, an amount written as JavaScript writes numbers is
 * read from its bytes (ownNumber). Every other cell is made text and read by the engine's own readers.
 */

import {
  cellError,
  cellNumber,
  idText,
  isBlank,
  parseDay,
  SALE_CARRIED,
  SALE_FIRST_KEPT,
  SALE_KEPT_AGAIN,
  SalesTally,
  sameValue,
  type Cell,
  type CustomerTotals,
  type MoneyParts,
  type Role,
  type SalesWindow,
} from "../../engine";
import { grownTo } from "../../engine/typedArrays";
import type { CsvBlock, CsvBlocks } from "../csv/csvBlocks";
import { fieldText, ownNumber } from "../csv/csvTable";
import { readDecimal, type DecimalReading } from "../csv/decimals";
import { AS_IS, type CsvScan } from "../csv/scanCsv";
import { ByteIds, FINGERPRINT, fingerprint, hashBytes, type IdParts } from "./byteIds";

/**
 * A row wider than the rows before it (its extra cells may be a column to carry): the file is read again from the
 * start, knowing the width.
 */
export class WiderRows extends Error {
  constructor(readonly width: number) {
    super(`a row has ${width} cells`);
  }
}

/** What a reader is set up with: the same for every part (plain data, sent to other threads as it is). */
export interface SalesSetup {
  window: Omit<SalesWindow, "onSale">;
  mapping: Partial<Record<Role, number>>;
  headers: string[];
  /** Cells per row: the header's and the widest row's so far. */
  width: number;
  nameColumn: number | undefined;
  /** The file's record number of the first sale (below the header). */
  firstSaleRecord: number;
  /** The amounts' decimal separator where the file's delimiter leaves it open (null: commas, as the engine reads). */
  reading: DecimalReading | null;
}

/** Which customers a reader takes: those whose id falls to part `index` of `of`. */
export interface Share {
  index: number;
  of: number;
}

/** What was read of every customer, in one numbering of them: what `salesBlocks.ts` grades. */
export interface SalesRead {
  sales: number;
  totals: CustomerTotals;
  values: Cell[][];
  hasValue: boolean[];
  names: Map<number, string>;
}

/** What one reader read, as plain data (typed arrays, strings, numbers): what one thread hands another. */
export interface SalesPart {
  /** Rows read below the header (every reader reads them all). */
  sales: number;
  /** The row of each customer's first readable sale, in the reader's own numbering of its customers. */
  firstSeen: Int32Array;
  /** The tally's totals; `ids` and `money` in their plain forms. */
  totals: Omit<CustomerTotals, "ids" | "money">;
  ids: IdParts;
  money: MoneyParts;
  /** Per column no role reads: each customer's carried value. */
  values: Cell[][];
  /** Per column no role reads: whether any row holds something in it. */
  hasValue: boolean[];
  /** The customer's name on each skipped sale this reader noted, by sale. */
  names: [number, string][];
}

/** The columns no role reads, by table column: the ones carried with the sales (RULES.md §7). */
export function otherColumns(setup: SalesSetup): number[] {
  const read = [setup.mapping.id!, setup.mapping.date!, setup.mapping.amount!];
  return Array.from({ length: setup.width }, (_, c) => c).filter((c) => !read.includes(c));
}

/**
 * Every block of `blocks` read by `reader`, from `first` (a block already taken from them, or null for the next),
 * with `step` told how far the reading got after each.
 */
export function readBlocks(
  reader: SalesReader,
  blocks: CsvBlocks,
  first: CsvBlock | null,
  step: (bytesRead: number) => void = () => undefined,
): void {
  for (let block = first ?? blocks.next(); block !== null; block = blocks.next()) {
    reader.read(block);
    step(blocks.bytesRead);
  }
}

/** The part of the customers an id's hash falls to: its top bits (its low bits pick the id's slot in ByteIds). */
function partOf(hash: number, parts: number): number {
  return parts === 1 ? 0 : Math.floor(((hash >>> 0) * parts) / 4294967296);
}

/** Day numbers of YYYY-MM-DD dates from 1900 to 2155 by year, month and day digits; UNKNOWN until first read. */
const FIRST_YEAR = 1900;
const YEARS = 256;
const UNKNOWN = 0x7fffffff;
const NOT_A_DAY = 0x7ffffffe;
/**
 * Readable sales looked up and added together (see SalesReader.addGroup): enough for the processor to fetch their
 * table slots side by side, few enough that what it fetched is still in its nearest cache when used.
 */
const GROUP = 128;
const EMPTY_BYTES = new Uint8Array(0);

/** Reads the rows of sales records into the engine's tally, one block at a time. */
export class SalesReader {
  /** Sales read (rows below the header; trailing empty lines are no rows). */
  sales = 0;
  readonly width: number;
  private readonly tally: SalesTally;
  private readonly ids = new ByteIds();
  private readonly days = new Int32Array(YEARS * 13 * 32).fill(UNKNOWN);
  /** The row of each customer's first readable sale (the order the parts' customers are put together in). */
  private firstSeen = new Int32Array(16);
  /** Empty lines met and not yet counted: blank sales if a row follows, nothing if the file ends. */
  private emptyLines = 0;
  private readonly idColumn: number;
  private readonly dateColumn: number;
  private readonly amountColumn: number;
  private readonly nameColumn: number | undefined;
  private readonly firstSaleRecord: number;
  private readonly reading: DecimalReading | null;
  /** The columns no role reads: carried with the sales (RULES.md §7), by table column. */
  readonly others: number[];
  /**
   * Per other column: each customer's carried value, its value on its first sale inside the window, and a fingerprint
   * of that first value's bytes (a later sale written alike is the same value without a string made for it).
   */
  private readonly values: Cell[][];
  private readonly firstValues: Cell[][];
  private readonly firstPrints: number[][];
  /** Per other column: whether any row holds something in it (a column with no header and no value is not carried). */
  private readonly hasValue: boolean[];
  /** The customer's name on each skipped sale (the summary names it), when the table has a name column. */
  private readonly names = new Map<number, string>();
  /** The readable sales read and not yet added (see addGroup): each one's row, id, hash, day and amount. */
  private grouped = 0;
  private readonly groupSale = new Int32Array(GROUP);
  private readonly groupRecord = new Int32Array(GROUP);
  private readonly groupSource: Uint8Array[] = new Array<Uint8Array>(GROUP).fill(EMPTY_BYTES);
  private readonly groupFrom = new Int32Array(GROUP);
  private readonly groupTo = new Int32Array(GROUP);
  private readonly groupHash = new Int32Array(GROUP);
  private readonly groupDay = new Int32Array(GROUP);
  private readonly groupAmount = new Float64Array(GROUP);
  private readonly groupCustomer = new Int32Array(GROUP);
  /** What the warm-up reads came to: kept so that no compiler drops them as unused. */
  private warmth = 0;

  constructor(
    setup: SalesSetup,
    /** The customers this reader takes (all of them unless told otherwise). */
    private readonly share: Share = { index: 0, of: 1 },
  ) {
    const { mapping, headers } = setup;
    this.width = setup.width;
    this.nameColumn = setup.nameColumn;
    this.firstSaleRecord = setup.firstSaleRecord;
    this.reading = setup.reading;
    this.idColumn = mapping.id!;
    this.dateColumn = mapping.date!;
    this.amountColumn = mapping.amount!;
    this.others = otherColumns(setup);
    this.tally = new SalesTally(setup.window, this.others.length);
    this.values = this.others.map(() => []);
    this.firstValues = this.others.map(() => []);
    this.firstPrints = this.others.map(() => []);
    // A column with a header is carried whatever it holds; one without is carried once a row holds something in it.
    this.hasValue = this.others.map((c) => (headers[c] ?? "") !== "");
  }

  read(block: CsvBlock): void {
    const scan = block.scan;
    const { recordStart, fieldStart, fieldEnd, quoting } = scan;
    const bytes = scan.bytes;
    const tally = this.tally,
      carrying = this.others.length > 0;
    const idColumn = this.idColumn,
      dateColumn = this.dateColumn,
      amountColumn = this.amountColumn;
    const part = this.share.index,
      parts = this.share.of;
    for (let r = Math.max(0, this.firstSaleRecord - block.firstRecord); r < scan.records; r++) {
      const first = recordStart[r],
        fields = recordStart[r + 1] - first;
      if (fields === 1 && fieldStart[first] === fieldEnd[first]) {
        this.emptyLines++;
        continue;
      }
      // A row wider than any before may hold a column to carry: read again, knowing the width.
      if (fields > this.width) throw new WiderRows(fields);
      if (this.emptyLines > 0) {
        // Blank sales: their ids cannot be read, so they are part 0's.
        if (part === 0) for (let e = 0; e < this.emptyLines; e++) tally.unreadable(this.sales + e, "", "", "");
        this.sales += this.emptyLines;
        this.emptyLines = 0;
      }
      const sale = this.sales++;
      if (carrying) this.noteValues(scan, first, fields);

      // The id first: it says whose row this is.
      let idBytes: Uint8Array = bytes,
        idFrom = 0,
        idTo = 0,
        hash = 0,
        hasId = false;
      if (idColumn < fields) {
        const k = first + idColumn;
        const s = fieldStart[k],
          e = fieldEnd[k];
        if (quoting[k] === AS_IS && isPlainId(bytes, s, e)) {
          idFrom = s;
          idTo = e;
          hasId = true;
        } else {
          const id = readId(fieldText(scan, k));
          if (id !== "") {
            idBytes = Buffer.from(id, "utf8");
            idTo = idBytes.length;
            hasId = true;
          }
        }
        if (hasId) hash = hashBytes(idBytes, idFrom, idTo);
      }
      if ((hasId ? partOf(hash, parts) : 0) !== part) continue;

      const day = dateColumn < fields ? this.day(scan, first + dateColumn) : null;
      let amount = NaN;
      let amountCell: Cell = "";
      if (amountColumn < fields) {
        const k = first + amountColumn;
        if (quoting[k] === AS_IS && this.reading === null) amount = ownNumber(bytes, fieldStart[k], fieldEnd[k]);
        if (amount !== amount) {
          amountCell = this.reading === null ? fieldText(scan, k) : readDecimal(fieldText(scan, k), this.reading);
          amount = cellNumber(amountCell);
        }
      }
      if (!hasId || day === null || amount !== amount) {
        const cell = (c: number | undefined) => (c !== undefined && c < fields ? fieldText(scan, first + c) : "");
        tally.unreadable(
          sale,
          cell(idColumn),
          cell(dateColumn),
          this.reading === null ? cell(amountColumn) : amountCell,
        );
        if (this.nameColumn !== undefined) this.names.set(sale, cell(this.nameColumn));
        continue;
      }
      const g = this.grouped++;
      this.groupSale[g] = sale;
      this.groupRecord[g] = r;
      this.groupSource[g] = idBytes;
      this.groupFrom[g] = idFrom;
      this.groupTo[g] = idTo;
      this.groupHash[g] = hash;
      this.groupDay[g] = day;
      this.groupAmount[g] = amount;
      if (g + 1 === GROUP) this.addGroup(scan);
    }
    if (this.grouped > 0) this.addGroup(scan);
  }

  /**
   * The sales of the group read so far, looked up and added in their order. Each step is done for the whole group
   * before the next: the id table's slots and the customers' totals are read in tight loops first (`warm`), so that
   * the processor fetches many of them from memory at once instead of waiting for each in turn — which is what a sale
   * cost when read and added one by one (20M sales over 4M customers: 250 ns for each lookup alone). Unreadable sales
   * were noted as they were read: the tally's notes and counts do not depend on their order among the added ones.
   */
  private addGroup(scan: CsvScan): void {
    const n = this.grouped;
    this.grouped = 0;
    const tally = this.tally,
      ids = this.ids,
      customers = this.groupCustomer;
    this.warmth ^= ids.warm(this.groupHash, n);
    for (let g = 0; g < n; g++) {
      const customer = ids.numberOf(this.groupSource[g], this.groupFrom[g], this.groupTo[g], this.groupHash[g]);
      if (customer === tally.customers) {
        tally.open();
        // Full: half as many places again.
        if (customer === this.firstSeen.length) this.firstSeen = grownTo(this.firstSeen, customer + (customer >> 1));
        this.firstSeen[customer] = this.groupSale[g];
      }
      customers[g] = customer;
    }
    this.warmth += tally.warm(customers, n);
    const carrying = this.others.length > 0;
    for (let g = 0; g < n; g++) {
      const fate = tally.add(customers[g], this.groupSale[g], this.groupDay[g], this.groupAmount[g]);
      if (carrying && fate !== 0) {
        const r = this.groupRecord[g];
        const first = scan.recordStart[r];
        this.carry(scan, first, scan.recordStart[r + 1] - first, customers[g], fate);
      }
    }
    // The rows' bytes are the block's: none is kept past it.
    this.groupSource.fill(EMPTY_BYTES, 0, n);
  }

  /** What this reader read, as plain data; the id table's memory is given back (no more rows are read). */
  part(): SalesPart {
    this.ids.done();
    const { ids: _ids, money, ...totals } = this.tally.totals(this.ids, this.sales);
    return {
      sales: this.sales,
      firstSeen: this.firstSeen.slice(0, this.tally.customers),
      totals,
      ids: this.ids.parts(),
      money: money.parts(),
      values: this.values,
      hasValue: this.hasValue,
      names: [...this.names],
    };
  }

  /** What this reader read, when it read every customer: nothing to put together, nothing to copy. */
  whole(): SalesRead {
    this.ids.done();
    return {
      sales: this.sales,
      totals: this.tally.totals(this.ids, this.sales),
      values: this.values,
      hasValue: this.hasValue,
      names: this.names,
    };
  }

  /** Notes which columns without a header hold something (whether they are carried depends on it). */
  private noteValues(scan: CsvScan, first: number, fields: number): void {
    for (let k = 0; k < this.others.length; k++) {
      const c = this.others[k];
      if (this.hasValue[k] || c >= fields) continue;
      if (scan.fieldStart[first + c] !== scan.fieldEnd[first + c] && !isBlank(fieldText(scan, first + c)))
        this.hasValue[k] = true;
    }
  }

  /** A sale's carried values: the customer's values now (SALE_CARRIED), and whether they differ from its first sale's. */
  private carry(scan: CsvScan, first: number, fields: number, customer: number, fate: number): void {
    for (let k = 0; k < this.others.length; k++) {
      const c = this.others[k];
      const field = c < fields ? first + c : -1;
      // A string only for the value a customer carries and its first one: a later sale is compared by its bytes'
      // fingerprint, and by its text only when that differs (" 张三" and "张三" are one value).
      const text = () => (field < 0 ? "" : fieldText(scan, field));
      let value: string | undefined;
      if ((fate & SALE_CARRIED) !== 0) this.values[k][customer] = value = text();
      if ((fate & SALE_FIRST_KEPT) !== 0) {
        this.firstValues[k][customer] = value ?? text();
        this.firstPrints[k][customer] = fieldPrint(scan, field);
      } else if (
        (fate & SALE_KEPT_AGAIN) !== 0 &&
        !this.tally.differ(k, customer) &&
        fieldPrint(scan, field) !== this.firstPrints[k][customer] &&
        !sameValue(value ?? text(), this.firstValues[k][customer])
      ) {
        this.tally.markDiffering(k, customer);
      }
    }
  }

  /**
   * The day of a date cell, as the engine's parseDay reads it; YYYY-MM-DD dates are read once per distinct day (sales
   * repeat a few thousand days over millions of rows).
   */
  private day(scan: CsvScan, k: number): number | null {
    const bytes = scan.bytes,
      s = scan.fieldStart[k];
    if (scan.fieldEnd[k] - s === 10 && scan.quoting[k] === AS_IS && bytes[s + 4] === 45 && bytes[s + 7] === 45) {
      const y = digits4(bytes, s) - FIRST_YEAR,
        m = digits2(bytes, s + 5),
        d = digits2(bytes, s + 8);
      if (y >= 0 && y < YEARS && m >= 0 && m <= 12 && d >= 0 && d < 32) {
        const slot = (y * 13 + m) * 32 + d;
        let day = this.days[slot];
        if (day === UNKNOWN) {
          const read = parseDay(
            Buffer.from(bytes.buffer, bytes.byteOffset + s, 10).latin1Slice(0, 10),
            this.tally.date1904,
          );
          day = this.days[slot] = read === null ? NOT_A_DAY : read;
        }
        return day === NOT_A_DAY ? null : day;
      }
    }
    return parseDay(fieldText(scan, k), this.tally.date1904);
  }
}

/** The id an id cell that is not plain holds, by the engine's rules ("" when it holds none). */
function readId(cell: string): string {
  return cellError(cell) ? "" : idText(cell);
}

/**
 * True when the bytes are an id exactly as they stand: printable ASCII at both ends (nothing for trim to take off),
 * not starting with "#" (which could be an Excel error such as #N/A). Anything else goes through the engine's readers.
 */
function isPlainId(bytes: Uint8Array, s: number, e: number): boolean {
  if (s === e) return false;
  const first = bytes[s],
    last = bytes[e - 1];
  return first > 32 && first < 127 && first !== 35 && last > 32 && last < 127;
}

/** Four decimal digits as a number, or -1 when one is not a digit. */
function digits4(b: Uint8Array, at: number): number {
  const d0 = b[at] - 48,
    d1 = b[at + 1] - 48,
    d2 = b[at + 2] - 48,
    d3 = b[at + 3] - 48;
  if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || d3 < 0 || d3 > 9) return -1;
  return ((d0 * 10 + d1) * 10 + d2) * 10 + d3;
}

/** Two decimal digits as a number, or -1. */
function digits2(b: Uint8Array, at: number): number {
  const d0 = b[at] - 48,
    d1 = b[at + 1] - 48;
  if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) return -1;
  return d0 * 10 + d1;
}

/**
 * A 53-bit fingerprint of field k's bytes and quoting (-1: a field the row lacks, which reads as empty): fields written
 * alike get the same number; two fields written differently get the same one about once in 2^53 comparisons.
 */
function fieldPrint(scan: CsvScan, k: number): number {
  if (k < 0) return -1;
  const from = scan.fieldStart[k],
    to = scan.fieldEnd[k];
  fingerprint(scan.bytes, from, to);
  const h1 = FINGERPRINT[0] ^ scan.quoting[k],
    h2 = FINGERPRINT[1];
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}
