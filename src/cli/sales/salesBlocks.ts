/**
 * Sales records of any size, read block by block and never held whole: memory grows with the customers, not with the
 * sales. Each sale is read as the whole-file path reads it and handed to the engine's own SalesTally, which applies
 * the window, the totals and the notes of unreadable sales; the result is graded by the engine's gradeSalesTotals and
 * put together by the same gradedTable. So the output is the whole-file path's, byte for byte.
 *
 * Reading a sale costs little where its cells are in the usual forms: an id that needs no trimming is looked up by its
 * bytes (ByteIds), a YYYY-MM-DD date is read once per distinct day, an amount written as JavaScript writes numbers is
 * read from its bytes (ownNumber). Every other cell is made text and read by the engine's own readers.
 */

import { statSync } from "fs";
import {
  cellError,
  cellNumber,
  GradeError,
  gradeSalesTotals,
  idText,
  isBlank,
  nameColumn,
  ownOutputBlock,
  parseDay,
  SALE_CARRIED,
  SALE_FIRST_KEPT,
  SALE_KEPT_AGAIN,
  SalesTally,
  salesWindow,
  sameValue,
  type Cell,
  type CustomerTotals,
  type Localized,
  type Role,
  type SalesWindow,
} from "../../engine";
import { BLOCK_BYTES, CsvBlocks, EncodingChanged, type CsvBlock } from "../csv/csvBlocks";
import { csvTable, fieldText, ownNumber } from "../csv/csvTable";
import { decideReading, readDecimal, type DecimalReading } from "../csv/decimals";
import { AS_IS, type CsvScan } from "../csv/scanCsv";
import type { Found } from "../decodeInput";
import type { GradeRequest } from "../gradeRequest";
import { carriedHeader, findColumns, gradedTable, type GradedTable } from "../gradeTable";
import type { Progress } from "../progress";
import { headerTexts, type Table } from "../table";
import { SUMMARY_TEXTS } from "../texts";
import { UsageError } from "../usageError";
import { ByteIds, hashBytes } from "./byteIds";

/**
 * Sales files from this size on are read in blocks; smaller ones are read whole into one table, with the same
 * results. RFM_SALES_BLOCKS_FROM_BYTES in the environment sets another size, RFM_BLOCK_BYTES the size of a block
 * (tests cut small files into many blocks with them).
 */
const BLOCKS_FROM_BYTES = 0;
/** Records the header is looked for in: the header row and the ten rows below it (see withHeaderFound). */
const HEADER_RECORDS = 12;

export interface BlockRead {
  graded: GradedTable;
  warnings: Localized[];
}

/**
 * Read again from the start: a row is wider than the rows before it (its extra cells may be a column to carry), or the
 * file is not UTF-8 after all.
 */
class WiderRows extends Error {
  constructor(readonly width: number) {
    super(`a row has ${width} cells`);
  }
}

/** Reads and grades a CSV file of sales records block by block; null when it is not one (or is small). */
export function gradeSalesInBlocks(req: GradeRequest, progress: Progress): BlockRead | null {
  const from = Number(process.env.RFM_SALES_BLOCKS_FROM_BYTES ?? BLOCKS_FROM_BYTES);
  const blockBytes = Number(process.env.RFM_BLOCK_BYTES ?? BLOCK_BYTES);
  let size: number;
  try {
    size = statSync(req.inputPath).size;
  } catch {
    return null; // the whole-file reading says what is wrong with it
  }
  if (size === 0 || size < from) return null;
  let found: Found | undefined;
  let width = 0;
  for (;;) {
    const open = () =>
      new CsvBlocks(req.inputPath, { forced: req.encoding, found, minRecords: HEADER_RECORDS, blockBytes });
    const blocks = open();
    try {
      return readSales(blocks, open, req, progress, size, width);
    } catch (err) {
      if (err instanceof EncodingChanged) found = err.found;
      else if (err instanceof WiderRows) width = err.width;
      else throw err;
    } finally {
      blocks.close();
    }
  }
}

/**
 * `width`: the table's width as far as an earlier reading found it (0 at first); `again` opens the file for another
 * pass (a file separated by other than commas is read twice: first for its amounts' decimal separator).
 */
function readSales(
  blocks: CsvBlocks,
  again: () => CsvBlocks,
  req: GradeRequest,
  progress: Progress,
  size: number,
  width: number,
): BlockRead | null {
  const first = blocks.next();
  // A file of blank lines is refused as empty by the whole-file reading; one that begins so is left to it too.
  if (first === null || text(first.scan.bytes).trim() === "") return null;
  const head = csvTable(first.scan, blocks.delimiter);
  head.text = { encoding: blocks.encoding, bom: blocks.bom, evidence: blocks.evidence, delimiter: blocks.delimiter };
  const found = findColumns(head, req.manual, req.kind, req.profile.monetaryUnit, req.options.unit);
  const { table, kind, mapping, unit } = found;
  // An earlier result graded again has its cells read back through the formula guard's inverse: the whole reading.
  if (kind !== "transactions" || ownOutputBlock(table.headers) !== null) return null;

  const window = engineCall(() => salesWindow(req.profile, { ...req.options, unit: unit.unit, date1904: false }));
  const firstSale = table.firstRowNumber - 1;
  // Outside comma-separated files, the amounts' decimal separator is decided from all of them, as the whole reading does.
  const reading =
    blocks.delimiter === "," ? null : decideReading(columnTexts(again(), mapping.amount!, firstSale), blocks.delimiter);
  const reader = new SalesReader(
    window,
    mapping,
    headerTexts(table),
    Math.max(width, table.width),
    nameColumn(table.headers, mapping),
    firstSale,
    reading,
  );
  for (let block: CsvBlock | null = first; block !== null; block = blocks.next()) {
    reader.read(block);
    progress.step(SUMMARY_TEXTS.reading, Math.min(blocks.bytesRead, size), size);
  }
  progress.step(SUMMARY_TEXTS.grading);
  const carried = reader.carried(table, req.lang);
  const totals = reader.totals(carried.kept);
  const res = engineCall(() => gradeSalesTotals(totals, req.profile, window, unit.unit, carried.columns));
  const rows = rowsNotKept(
    table,
    reader.sales,
    reader.width,
    reading === null ? [] : [{ column: mapping.amount!, reading }],
  );
  const graded = gradedTable(
    { ...found, table: rows },
    res,
    req,
    carried.tableColumns,
    () => (i) => reader.saleName(i),
  );
  return { graded, warnings: blocks.warnings() };
}

function engineCall<T>(call: () => T): T {
  try {
    return call();
  } catch (err) {
    if (err instanceof GradeError) throw new UsageError(err.text);
    throw err;
  }
}

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

/** The table's header and shape; its rows were read block by block and are not kept, so asking for one is a mistake. */
function rowsNotKept(
  table: Table,
  rowCount: number,
  width: number,
  decimals: { column: number; reading: DecimalReading }[],
): Table {
  const notKept = (): never => {
    throw new Error("the rows of a file read in blocks are not kept");
  };
  return {
    ...table,
    rowCount,
    width,
    cell: notKept,
    row: notKept,
    engineColumn: notKept,
    below: notKept,
    numberOf: notKept,
    rawRows: undefined,
    decimals: () => decimals,
  };
}

/** The texts of column c in every row from record `from` on, read block by block (the file is closed at the end). */
function* columnTexts(blocks: CsvBlocks, c: number, from: number): Generator<string> {
  try {
    for (let block = blocks.next(); block !== null; block = blocks.next()) {
      const { scan } = block;
      for (let r = Math.max(0, from - block.firstRecord); r < scan.records; r++) {
        if (c < scan.recordStart[r + 1] - scan.recordStart[r]) yield fieldText(scan, scan.recordStart[r] + c);
      }
    }
  } finally {
    blocks.close();
  }
}

/** Day numbers of YYYY-MM-DD dates from 1900 to 2155 by year, month and day digits; UNKNOWN until first read. */
const FIRST_YEAR = 1900;
const YEARS = 256;
const UNKNOWN = 0x7fffffff;
const NOT_A_DAY = 0x7ffffffe;

/** Reads the rows of sales records into the engine's tally, one block at a time. */
class SalesReader {
  /** Sales read (rows below the header; trailing empty lines are no rows). */
  sales = 0;
  private readonly tally: SalesTally;
  private readonly ids = new ByteIds();
  private readonly days = new Int32Array(YEARS * 13 * 32).fill(UNKNOWN);
  /** Empty lines met and not yet counted: blank sales if a row follows, nothing if the file ends. */
  private emptyLines = 0;
  private readonly idColumn: number;
  private readonly dateColumn: number;
  private readonly amountColumn: number;
  /** The columns no role reads: carried with the sales (RULES.md §7), by table column. */
  private readonly others: number[];
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

  constructor(
    window: SalesWindow,
    mapping: Partial<Record<Role, number>>,
    headers: readonly string[],
    /** Cells per row: the header's and the widest row's so far. */
    readonly width: number,
    private readonly nameColumn: number | undefined,
    /** The file's record number of the first sale (below the header). */
    private readonly firstSaleRecord: number,
    /** The amounts' decimal separator where the file's delimiter leaves it open (null: commas, as the engine reads). */
    private readonly reading: DecimalReading | null,
  ) {
    this.idColumn = mapping.id!;
    this.dateColumn = mapping.date!;
    this.amountColumn = mapping.amount!;
    const read = [this.idColumn, this.dateColumn, this.amountColumn];
    this.others = Array.from({ length: width }, (_, c) => c).filter((c) => !read.includes(c));
    this.tally = new SalesTally(window, this.others.length);
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
      ids = this.ids,
      carrying = this.others.length > 0;
    const idColumn = this.idColumn,
      dateColumn = this.dateColumn,
      amountColumn = this.amountColumn;
    for (let r = Math.max(0, this.firstSaleRecord - block.firstRecord); r < scan.records; r++) {
      const first = recordStart[r],
        fields = recordStart[r + 1] - first;
      if (fields === 1 && fieldStart[first] === fieldEnd[first]) {
        this.emptyLines++;
        continue;
      }
      // A row wider than any before may hold a column to carry: read again, knowing the width.
      if (fields > this.width) throw new WiderRows(fields);
      for (; this.emptyLines > 0; this.emptyLines--) tally.unreadable(this.sales++, "", "", "");
      const sale = this.sales++;
      if (carrying) this.noteValues(scan, first, fields);

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
      const readable = day !== null && amount === amount;
      let customer = -1;
      if (idColumn < fields) {
        const k = first + idColumn;
        const s = fieldStart[k],
          e = fieldEnd[k];
        if (quoting[k] === AS_IS && isPlainId(bytes, s, e))
          customer = readable ? ids.numberOf(bytes, s, e, hashBytes(bytes, s, e)) : 0;
        else customer = this.otherId(fieldText(scan, k), readable);
      }
      if (customer < 0 || !readable) {
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
      if (customer === tally.customers) tally.open();
      const fate = tally.add(customer, sale, day, amount);
      if (carrying && fate !== 0) this.carry(scan, first, fields, customer, fate);
    }
  }

  /** The columns carried: every other column with a header or a value, as the whole-file reading chooses them. */
  carried(
    table: Table,
    lang: GradeRequest["lang"],
  ): {
    kept: number[];
    tableColumns: number[];
    columns?: { headers: string[]; cells: Cell[][] };
  } {
    const headers = headerTexts(table);
    const kept = this.others.map((_, k) => k).filter((k) => (headers[this.others[k]] ?? "") !== "" || this.hasValue[k]);
    if (kept.length === 0) return { kept, tableColumns: [] };
    const wide = {
      ...table,
      width: this.width,
      headers: Array.from({ length: this.width }, (_, c) => table.headers[c] ?? ""),
    };
    return {
      kept,
      tableColumns: kept.map((k) => this.others[k]),
      columns: {
        headers: kept.map((k) => carriedHeader(wide, this.others[k], lang)),
        cells: kept.map((k) => this.values[k]),
      },
    };
  }

  /**
   * Every customer's totals; the id table's memory is given back. Carried values are kept one per customer, so each
   * customer's values are found at its own number (not at the row of the sale it carries).
   */
  totals(kept: number[]): CustomerTotals {
    this.ids.done();
    const totals = this.tally.totals(this.ids, this.sales);
    if (kept.length === 0) return { ...totals, carriedDiffers: [] };
    return {
      ...totals,
      carriedSale: Int32Array.from({ length: this.ids.length }, (_, j) => j),
      carriedDiffers: kept.map((k) => totals.carriedDiffers[k]),
    };
  }

  /** The name on skipped sale i ("" for any other sale: only skipped sales are named by their row). */
  saleName(i: number): string {
    return this.names.get(i) ?? "";
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

  /**
   * The customer of an id cell that is not plain (spaces to trim, quotes, other characters at its ends, a leading #):
   * read by the engine's rules; -1 when it is no id. A sale unreadable anyway (`readable` false) makes no customer.
   */
  private otherId(cell: string, readable: boolean): number {
    if (cellError(cell)) return -1;
    const id = idText(cell);
    if (id === "") return -1;
    if (!readable) return 0;
    const bytes = Buffer.from(id, "utf8");
    return this.ids.numberOf(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
  }
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
  const bytes = scan.bytes;
  let h1 = 0x811c9dc5 ^ scan.quoting[k],
    h2 = 0x9e3779b9;
  for (let b = scan.fieldStart[k], end = scan.fieldEnd[k]; b < end; b++) {
    h1 = Math.imul(h1 ^ bytes[b], 0x01000193);
    h2 = Math.imul(h2 ^ bytes[b], 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}
