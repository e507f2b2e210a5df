/**
 * Sales records of any size, read block by block and never held whole: memory grows with the customers, not with the
 * sales. Each sale is read as the whole-file path reads it and handed to the engine's own SalesTally, which applies
 * the window, the totals and the notes of unreadable sales (`salesReader.ts`); the result is graded by the engine's
 * gradeSalesTotals and put together by the same gradedTable. So the output is the whole-file path's, byte for byte.
 * A large file is read by several threads side by side, each taking a share of the customers (`salesThreads.ts`).
 */

import { statSync } from "fs";
import {
  GradeError,
  gradeSalesTotals,
  nameColumn,
  ownOutputBlock,
  salesWindow,
  type CustomerTotals,
  type Localized,
} from "../../engine";
import { BLOCK_BYTES, CsvBlocks, EncodingChanged, type BlockOptions, type CsvBlock } from "../csv/csvBlocks";
import { csvTable, fieldText } from "../csv/csvTable";
import { decideReading, type DecimalReading } from "../csv/decimals";
import type { Found } from "../decodeInput";
import type { GradeRequest } from "../gradeRequest";
import { carriedHeader, findColumns, gradedTable, type GradedTable } from "../gradeTable";
import type { Progress } from "../progress";
import { headerTexts, type Table } from "../table";
import { SUMMARY_TEXTS } from "../texts";
import { giveBackMemory } from "../mallocSetting";
import { UsageError } from "../usageError";
import { otherColumns, readBlocks, SalesReader, WiderRows, type SalesRead, type SalesSetup } from "./salesReader";
import { readInThreads, threadsFor } from "./salesThreads";

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

/** Reads and grades a CSV file of sales records block by block; null when it is not one (or is small). */
export async function gradeSalesInBlocks(req: GradeRequest, progress: Progress): Promise<BlockRead | null> {
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
    const blocks = new CsvBlocks(req.inputPath, blockOptions(req, blockBytes, found));
    try {
      const again = () => new CsvBlocks(req.inputPath, blockOptions(req, blockBytes, found));
      return await readSales(blocks, again, req, progress, size, width);
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
async function readSales(
  blocks: CsvBlocks,
  again: () => CsvBlocks,
  req: GradeRequest,
  progress: Progress,
  size: number,
  width: number,
): Promise<BlockRead | null> {
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
  const setup: SalesSetup = {
    window: { startDay: window.startDay, endDay: window.endDay, date1904: window.date1904 },
    mapping,
    headers: headerTexts(table),
    width: Math.max(width, table.width),
    nameColumn: nameColumn(table.headers, mapping),
    firstSaleRecord: firstSale,
    reading,
  };
  const threads = threadsFor(size);
  const step = (done: number) => progress.step(SUMMARY_TEXTS.reading, Math.min(done, size), size);
  // The other threads open the file as this one did: in the encoding found, in blocks of the same size.
  const options = blockOptions(req, blocks.blockSize, {
    encoding: blocks.encoding,
    bom: blocks.bom,
    evidence: blocks.evidence,
  });
  const read =
    threads > 1
      ? await readInThreads(threads, setup, req.inputPath, options, blocks, first, step)
      : readHere(setup, blocks, first, step);
  // The threads' parts, now put together, are garbage: given back before grading makes its arrays.
  if (threads > 1) giveBackMemory();
  progress.step(SUMMARY_TEXTS.grading);
  const others = otherColumns(setup);
  const carried = carriedColumns(read, others, setup.width, table, req.lang);
  const totals = keptTotals(read.totals, carried.kept);
  const res = engineCall(() => gradeSalesTotals(totals, req.profile, window, unit.unit, carried.columns));
  const rows = rowsNotKept(
    table,
    read.sales,
    setup.width,
    reading === null ? [] : [{ column: mapping.amount!, reading }],
  );
  const graded = gradedTable(
    { ...found, table: rows },
    res,
    req,
    carried.tableColumns,
    () => (i) => read.names.get(i) ?? "",
  );
  return { graded, warnings: blocks.warnings() };
}

/** How the file is opened in blocks: in `found`'s encoding when known, else the one --encoding names or detection finds. */
function blockOptions(req: GradeRequest, blockBytes: number, found: Found | undefined): BlockOptions {
  return { forced: req.encoding, found, minRecords: HEADER_RECORDS, blockBytes };
}

/** Every block read by one reader in this thread, from the first one already read. */
function readHere(setup: SalesSetup, blocks: CsvBlocks, first: CsvBlock, step: (bytesRead: number) => void): SalesRead {
  const reader = new SalesReader(setup);
  readBlocks(reader, blocks, first, step);
  return reader.whole();
}

/** The columns carried: every other column with a header or a value, as the whole-file reading chooses them. */
function carriedColumns(
  read: SalesRead,
  others: number[],
  width: number,
  table: Table,
  lang: GradeRequest["lang"],
): {
  kept: number[];
  tableColumns: number[];
  columns?: { headers: string[]; cells: (typeof read.values)[number][] };
} {
  const headers = headerTexts(table);
  const kept = others.map((_, k) => k).filter((k) => (headers[others[k]] ?? "") !== "" || read.hasValue[k]);
  if (kept.length === 0) return { kept, tableColumns: [] };
  const wide = { ...table, width, headers: Array.from({ length: width }, (_, c) => table.headers[c] ?? "") };
  return {
    kept,
    tableColumns: kept.map((k) => others[k]),
    columns: {
      headers: kept.map((k) => carriedHeader(wide, others[k], lang)),
      cells: kept.map((k) => read.values[k]),
    },
  };
}

/**
 * Every customer's totals with the carried columns kept. Carried values are kept one per customer, so each customer's
 * values are found at its own number (not at the row of the sale it carries).
 */
function keptTotals(totals: CustomerTotals, kept: number[]): CustomerTotals {
  if (kept.length === 0) return { ...totals, carriedDiffers: [] };
  return {
    ...totals,
    carriedSale: Int32Array.from({ length: totals.ids.length }, (_, j) => j),
    carriedDiffers: kept.map((k) => totals.carriedDiffers[k]),
  };
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
