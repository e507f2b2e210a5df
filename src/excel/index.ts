/**
 * The Office.js adapter: everything RFM Grader reads from or writes to a workbook goes through these functions.
 *
 * Every function takes an `Excel.RequestContext` (from `Excel.run`), so tests hand in the grid-backed fake of
 * `test/excel/fake/`. The adapter holds no scoring rules: the task pane reads with `readColumns`, calls the engine,
 * and hands the engine's presented values (`outputHeaders`, `scoreNumber`, `gradeLetter`, ...) back to a writer.
 *
 * Limits respected everywhere: every request and response stays well under Excel on the web's 5 MB, no read touches
 * more than 5M cells, `context.sync()` runs once per chunk (thousands of rows), never once per row.
 *
 * Writers are all-or-nothing from the user's point of view: see `writeCustomerOutput` for what that guarantees.
 */
import type { Dimension, GradeSummary, Lang, Localized } from "../engine/types";

/** The range the add-in reads: a header row followed by data rows. */
export interface SourceTable {
  sheetName: string;
  /** A1 address including the header row and the sheet name, e.g. "Sales!A1:F201". */
  address: string;
  /** 0-based absolute sheet row of the header row. Data row i (0-based) is sheet row `headerRow + 1 + i` (0-based). */
  headerRow: number;
  /** 0-based absolute sheet column of the first column. */
  firstColumn: number;
  /** Data rows, without the header row (0 when the range is a header only). */
  rowCount: number;
  columnCount: number;
  /** Header texts as Excel displays them, "" for an empty header cell. */
  headers: string[];
  /** Set when an Excel table was taken whole. */
  tableName?: string;
}

/** Where customer-level output would go and whether writing there needs the user's consent. */
export interface OutputPlan {
  /** A1 address of the 7 output columns, header row included, e.g. "Sales!G1:M201". */
  address: string;
  /**
   * "empty": nothing there, write without asking. "ownOutput": the add-in's own earlier output (recognised by the
   * engine's `isOwnOutputHeader` on all 7 header cells), update in place without asking. "occupied": something
   * else is there: ask the user (new sheet / overwrite / cancel).
   */
  status: "empty" | "ownOutput" | "occupied";
}

/** A cell value the writers accept: text is always written as text (never turned into a formula or number). */
export type OutputCell = string | number | null;

export interface ProgressOptions {
  /** Called after each chunk with the rows done so far and the total. */
  onProgress?(done: number, total: number): void;
  /** Checked between chunks; when aborted the call rejects with `ExcelAdapterError` code "cancelled". */
  signal?: AbortSignal;
}

export interface WriteOptions extends ProgressOptions {
  lang: Lang;
  /**
   * The profile's grade letters, best first (`profile.grades.map(g => g.grade)`): grade i gets palette colour i
   * (green, blue, orange, red, ...). Letters not listed get no colour.
   */
  grades: readonly string[];
  /** Number format per column of `values` (e.g. "yyyy-mm-dd" for a date column); missing/null = "General". */
  columnFormats?: readonly (string | null | undefined)[];
}

export interface CustomerWriteOptions extends WriteOptions {
  /**
   * "inPlace": write right of the table; refused (error "targetOccupied") if the plan is "occupied" at write time.
   * "overwrite": write right of the table even over other content (the user said so).
   * "newSheet": write to a new sheet named "<source sheet> RFM" (made unique), at the same rows as the source so
   * that row numbers in notes still match.
   */
  mode: "inPlace" | "overwrite" | "newSheet";
}

export interface WriteResult {
  sheetName: string;
  /** A1 address written, header included. */
  address: string;
}

/** Everything the summary sheet shows. Plain data; the task pane builds it from the engine's results. */
export interface SummaryModel {
  /** The engine's summary of the run (counts per grade and per sub-score, as-of date, window, unit, ...). */
  summary: GradeSummary;
  /** Profile name in the user's language. */
  profileName: string;
  /** The thresholds or the tie rule used, one line each, in the user's language (e.g. "R: 10 / 20 / 30 / 50 days"). */
  rules: string[];
  /** Add-in version, e.g. "0.1.0". */
  version: string;
  /** When the grading ran, as text (local time), e.g. "2026-11-23 18:30". */
  generatedAt: string;
  /** Address that was read, e.g. "Sales!A1:F201". */
  source: string;
  /** Where the results were written, e.g. "Sales!G1:M201". */
  output: string;
  /** Rows not graded, with the reason in the user's language. The sheet lists at most `SUMMARY_ROW_LIMIT` of them. */
  notGraded: { row: number | string; reason: string }[];
}

/** Result of `selectRows`. */
export interface SelectResult {
  /** Sheet rows selected. */
  rows: number;
  /** true when more rows were asked for than one selection can hold (`SELECT_AREA_LIMIT` areas). */
  truncated: boolean;
}

export type AdapterErrorCode =
  | "noSelection"
  | "multipleAreas"
  | "emptySource"
  | "targetOccupied"
  | "sheetMissing"
  | "cancelled";

/** A problem the user can act on, with its message in both languages. Other errors are Office errors passed on. */
export class ExcelAdapterError extends Error {
  constructor(
    readonly code: AdapterErrorCode,
    readonly text: Localized,
  ) {
    super(text.en);
    this.name = "ExcelAdapterError";
  }
}

export type { Dimension };

/**
 * The range to read: the selection; a single cell (or a selection inside one Excel table) grows to the table, taken
 * whole, or else to the contiguous region around it (`getSurroundingRegion`); whole-column/row selections are cut to
 * the used range. Reads the header row. Throws `ExcelAdapterError` ("multipleAreas", "emptySource").
 */
export async function locateSource(ctx: Excel.RequestContext): Promise<SourceTable> {
  void ctx;
  throw new Error("not implemented yet");
}

/**
 * Raw values of the requested columns (0-based, relative to `source.firstColumn`), data rows only, one array per
 * requested column: `result[k][i]` is column `columns[k]`, data row i. Dates arrive as serial numbers, errors as
 * texts such as "#N/A", empty cells as "". Read in chunks sized by cells and by measured payload.
 */
export async function readColumns(
  ctx: Excel.RequestContext,
  source: SourceTable,
  columns: number[],
  opts?: ProgressOptions,
): Promise<unknown[][]> {
  void ctx;
  void source;
  void columns;
  void opts;
  throw new Error("not implemented yet");
}

/** true when the workbook uses the 1904 date system (serials then count from 1904-01-01). */
export async function isDate1904(ctx: Excel.RequestContext): Promise<boolean> {
  void ctx;
  throw new Error("not implemented yet");
}

/** Where the 7 output columns go (right of the table, or the own output columns already inside it) and their status. */
export async function planCustomerOutput(ctx: Excel.RequestContext, source: SourceTable): Promise<OutputPlan> {
  void ctx;
  void source;
  throw new Error("not implemented yet");
}

/**
 * Writes customer-level output: `values` is the header row followed by one row per data row of `source` (7 columns:
 * `outputHeaders(lang)` then per row R, F, M, X, grade, cadence, note). `gradeColumn` is the column of `values`
 * holding the grade letter (4). Values first (in chunks), then formats (bold header, number formats, grade colours
 * as conditional formats on the grade column).
 *
 * All-or-nothing: before writing over existing cells their formulas/values and number formats are read; an error or
 * a cancel part-way writes them back (and deletes a new sheet). Limits: cell fill/font of the overwritten area and
 * conditional formats there are not restored; if Excel itself fails while restoring, the error is passed on.
 */
export async function writeCustomerOutput(
  ctx: Excel.RequestContext,
  source: SourceTable,
  values: OutputCell[][],
  gradeColumn: number,
  opts: CustomerWriteOptions,
): Promise<WriteResult> {
  void ctx;
  void source;
  void values;
  void gradeColumn;
  void opts;
  throw new Error("not implemented yet");
}

/**
 * Writes sales-records output (one row per customer, header first) to a new sheet named `baseSheetName`, or
 * "<base> (2)", "(3)" ... when taken. `baseSheetName` "" means `defaultSalesSheetName(lang)`. Deleted on error/cancel.
 */
export async function writeSalesOutput(
  ctx: Excel.RequestContext,
  baseSheetName: string,
  values: OutputCell[][],
  gradeColumn: number,
  opts: WriteOptions,
): Promise<WriteResult> {
  void ctx;
  void baseSheetName;
  void values;
  void gradeColumn;
  void opts;
  throw new Error("not implemented yet");
}

/** "RFM Customers" / "RFM 客户". */
export function defaultSalesSheetName(lang: Lang): string {
  return lang === "zh" ? "RFM 客户" : "RFM Customers";
}

/**
 * Writes the summary sheet "RFM Summary" / "RFM 汇总", replacing the one the add-in made before (a sheet of that
 * name whose first cell is not the add-in's title is the user's and is kept: the new one gets "(2)"). Includes a
 * column chart of the grade counts. The old summary is only deleted once the new one is complete.
 */
export async function writeSummarySheet(
  ctx: Excel.RequestContext,
  model: SummaryModel,
  lang: Lang,
): Promise<{ sheetName: string }> {
  void ctx;
  void model;
  void lang;
  throw new Error("not implemented yet");
}

/**
 * Selects the given sheet rows (1-based) on `sheetName` and activates it; consecutive rows become one area. At most
 * `SELECT_AREA_LIMIT` areas are selected (the rest reported as truncated).
 */
export async function selectRows(
  ctx: Excel.RequestContext,
  sheetName: string,
  rowNumbers: number[],
): Promise<SelectResult> {
  void ctx;
  void sheetName;
  void rowNumbers;
  throw new Error("not implemented yet");
}
