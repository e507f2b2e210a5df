/** Public types of the Excel adapter (see index.ts for the functions). */
import type { Lang, Localized } from "../engine/types";

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
  /**
   * A1 address of the output columns (the seven and any extra ones), header row included, e.g. "Sales!G1:M201": directly right of the source,
   * or the add-in's own output columns when the source already contains them (an Excel table that grew over them).
   */
  address: string;
  /**
   * "empty": nothing there, write without asking. "ownOutput": the add-in's own earlier output (recognised by the
   * engine's `ownOutputBlock` on its header cells; columns it grows into must be empty), update in place without asking. "occupied": something
   * else is there: ask the user (new sheet / overwrite / cancel).
   */
  status: "empty" | "ownOutput" | "occupied";
}

/** A cell value the writers accept: text is always written as text (never turned into a formula or number). */
/**
 * A worksheet formula the add-in writes on purpose (live formulas), text starting with "=". Any other text is written
 * as text, never as a formula (see cellInput).
 */
export interface FormulaCell {
  formula: string;
}

export type OutputCell = string | number | null | FormulaCell;

export interface ProgressOptions {
  /**
   * Called after each chunk with the rows done so far and the total. When writing over existing cells the total also
   * counts the rows read first to be able to put them back, so the bar moves during that read too.
   */
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
   * "newSheet": write to a new sheet named "<source sheet> RFM" (made unique), from column A at the same rows as
   * the source so that row numbers in notes still match.
   */
  mode: "inPlace" | "overwrite" | "newSheet";
  /**
   * "newSheet" only: the exact name of the new sheet (live formulas are compiled against it before writing; see
   * freeSheetName). Writing fails if a sheet of that name appeared meanwhile; nothing is overwritten.
   */
  newSheetName?: string;
}

export interface WriteResult {
  sheetName: string;
  /** A1 address written, header included. */
  address: string;
}

/** Everything the summary sheet shows: built by the engine's buildSummaryModel, shared with the command line. */
export type { SummaryModel } from "../engine/summarySheet";

/** Result of `selectRows`. */
export interface SelectResult {
  /** Sheet rows selected. */
  rows: number;
  /** true when some of the rows asked for were not selected (see `limit`). */
  truncated: boolean;
  /** Rows asked for and not selected. */
  notSelected: number;
  /** The blocks of rows selected, [first, last] (1-based), in order. */
  selected: [number, number][];
  /**
   * Why rows were left out: "areas", more blocks than one selection holds (`SELECT_AREA_LIMIT`); "singleArea", this
   * Excel selects one block at a time (no ExcelApi 1.18).
   */
  limit?: "areas" | "singleArea";
}

/**
 * multipleAreas / emptySource: the selection cannot be read (locateSource). targetOccupied: "inPlace" found the
 * cells right of the table taken since the plan. sizeMismatch: the values do not fit the source (a caller's bug).
 * restoreFailed: writing failed and putting the previous contents back failed too (`cause` = the first error).
 * cancelled: the signal was aborted; nothing was left changed.
 */
export type AdapterErrorCode =
  "multipleAreas" | "emptySource" | "targetOccupied" | "sizeMismatch" | "restoreFailed" | "cancelled";

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
