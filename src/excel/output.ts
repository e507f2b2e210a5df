/** Customer-level and sales output: where it goes, whether writing there needs consent, and writing it safely. */
import { EVERY_RESULT_COLUMN, LEADING_COLUMNS, ownOutputBlock, resultColumns, resultPosition } from "../engine";
import { AREA_PROPS, sheetAddress, type Area } from "./address";
import { addSheet, deleteSheetQuietly, sheetNames, uniqueSheetName } from "./sheets";
import { restoreSnapshot, takeSnapshot, usedPart, type Snapshot } from "./snapshot";
import { readColumns } from "./read";
import {
  ExcelAdapterError,
  type ProgressOptions,
  type CustomerWriteOptions,
  type OutputCell,
  type OutputPlan,
  type SourceTable,
  type WriteOptions,
  type WriteResult,
} from "./types";
import { queueOutputFormats, writeGrid } from "./write";
import { ADAPTER, ADAPTER_TEXTS } from "../i18n/adapter";
import type { Lang } from "../engine";

/** The result columns every grading writes first (R … note); those that apply to a grading follow. */
const CORE_COLUMNS = LEADING_COLUMNS.length;
/** The widest result block the add-in writes: every result column. */
const MAX_COLUMNS = resultColumns(EVERY_RESULT_COLUMN).length;

/** Where the result block starts, as an absolute column: on the add-in's own columns inside the source, else right of it. */
function outputColumn(source: SourceTable): number {
  const inside = ownOutputBlock(source.headers);
  return source.firstColumn + (inside ? inside.start : source.columnCount);
}

interface OutputArea {
  area: Area;
  /** How many columns of the area hold the add-in's own earlier result block (0: none). */
  ownWidth: number;
}

/**
 * The output area for `width` result columns. An earlier result block of the add-in there (recognised by its headers,
 * the seven and any extra ones after them, so an older seven-column output too) is covered whole: when it was wider
 * than this grading's columns its stale extra columns are part of the area and get cleared.
 */
async function outputArea(ctx: Excel.RequestContext, source: SourceTable, width: number): Promise<OutputArea> {
  const col = outputColumn(source);
  const header = ctx.workbook.worksheets
    .getItem(source.sheetName)
    .getRangeByIndexes(source.headerRow, col, 1, MAX_COLUMNS)
    .load("values");
  await ctx.sync();
  const block = ownOutputBlock(header.values[0]);
  const ownWidth = block !== null && block.start === 0 ? block.width : 0;
  return { area: { row: source.headerRow, col, rows: source.rowCount + 1, cols: Math.max(width, ownWidth) }, ownWidth };
}

/**
 * Where `width` output columns (the seven, then the extra ones; 7 by default) go and their status. They go directly
 * right of the source, or onto the add-in's own output columns when the source already contains them. "ownOutput"
 * when the area starts with the add-in's own result block (either language, any earlier width) and any columns this
 * grading adds beyond that block are empty; otherwise "occupied" if any cell of the area (or of the added columns)
 * holds a value or formula; else "empty".
 */
export async function planCustomerOutput(
  ctx: Excel.RequestContext,
  source: SourceTable,
  width: number = CORE_COLUMNS,
): Promise<OutputPlan> {
  const { area, ownWidth } = await outputArea(ctx, source, width);
  const address = sheetAddress(source.sheetName, area);
  // Only the columns that are not the add-in's own need to be empty; an older, narrower block grows into them.
  const foreign = { ...area, col: area.col + ownWidth, cols: area.cols - ownWidth };
  if (foreign.cols <= 0) return { address, status: "ownOutput" };
  const sheet = ctx.workbook.worksheets.getItem(source.sheetName);
  const used = sheet
    .getRangeByIndexes(foreign.row, foreign.col, foreign.rows, foreign.cols)
    .getUsedRangeOrNullObject(true)
    .load(AREA_PROPS);
  await ctx.sync();
  if (ownWidth > 0) return { address, status: used.isNullObject ? "ownOutput" : "occupied" };
  return { address, status: used.isNullObject ? "empty" : "occupied" };
}

/**
 * The grades the add-in wrote last time into its own output columns (plan status "ownOutput"), one per data row of
 * `source`, as the cells hold them ("" where that row was not graded). Read before they are overwritten, so that the
 * new grading can say what changed.
 */
export async function readOwnGrades(
  ctx: Excel.RequestContext,
  source: SourceTable,
  opts: ProgressOptions = {},
): Promise<unknown[]> {
  // The grade is one of the leading columns, where every grading writes it; read it like a column of the source.
  const column = outputColumn(source) - source.firstColumn + resultPosition("grade");
  const [grades] = await readColumns(
    ctx,
    { ...source, columnCount: Math.max(source.columnCount, column + 1) },
    [column],
    opts,
  );
  return grades;
}

const TARGET_OCCUPIED = ADAPTER.output.targetOccupied;

function checkShape(
  values: readonly (readonly OutputCell[])[],
  rows: number,
  cols: number,
  minCols = cols,
  maxCols = cols,
): void {
  if (values.length !== rows || values.some((r) => r.length !== cols) || cols < minCols || cols > maxCols) {
    throw new ExcelAdapterError(
      "sizeMismatch",
      ADAPTER.output.sizeMismatch(values.length, values[0]?.length ?? 0, rows, cols),
    );
  }
}

const RESTORE_FAILED = ADAPTER.output.restoreFailed;

/** Writes values then formats into existing cells; on error or cancel puts the snapshot back, then rethrows. */
async function writeOverExisting(
  ctx: Excel.RequestContext,
  sheetName: string,
  area: Area,
  values: readonly (readonly OutputCell[])[],
  gradeColumn: number,
  opts: WriteOptions,
): Promise<void> {
  // Progress runs over the snapshot's rows, then the rows written, so a long snapshot does not look stuck.
  const used = await usedPart(ctx, sheetName, area);
  const before = used?.rows ?? 0;
  const total = before + values.length;
  const snapshot: Snapshot = await takeSnapshot(ctx, sheetName, area, used, {
    signal: opts.signal,
    onProgress: (done) => opts.onProgress?.(done, total),
  });
  try {
    await writeGrid(ctx, sheetName, area.row, area.col, values, {
      ...opts,
      resetFormats: used !== null,
      onProgress: (done) => opts.onProgress?.(before + done, total),
    });
    queueOutputFormats(ctx, sheetName, area, gradeColumn, opts.grades);
    await ctx.sync();
  } catch (e) {
    try {
      await restoreSnapshot(ctx, snapshot);
    } catch (restoreError) {
      throw Object.assign(new ExcelAdapterError("restoreFailed", RESTORE_FAILED), { cause: e, restoreError });
    }
    throw e;
  }
}

/** Writes a block onto a sheet the add-in has just created; deletes the sheet on error or cancel, then rethrows. */
async function writeOnNewSheet(
  ctx: Excel.RequestContext,
  base: string,
  row: number,
  values: readonly (readonly OutputCell[])[],
  gradeColumn: number,
  opts: WriteOptions,
  exactName?: string,
): Promise<WriteResult> {
  let sheetName: string;
  if (exactName) {
    ctx.workbook.worksheets.add(exactName);
    await ctx.sync();
    sheetName = exactName;
  } else sheetName = await addSheet(ctx, base);
  try {
    const area = await writeGrid(ctx, sheetName, row, 0, values, { ...opts, resetFormats: false });
    queueOutputFormats(ctx, sheetName, area, gradeColumn, opts.grades);
    await ctx.sync();
    return { sheetName, address: sheetAddress(sheetName, area) };
  } catch (e) {
    await deleteSheetQuietly(ctx, sheetName);
    throw e;
  }
}

/**
 * Writes customer-level output: `values` is the header row followed by one row per data row of `source` (the engine's
 * the engine's result columns that apply, `resultColumns(setting)`: R, F, M, X, grade, cadence, note, then next contact
 * by, previous grade and change when they apply; null = empty cell). `gradeColumn` is the column of `values` holding
 * the grade letter. Text is written as text, never as a formula. Values go first in
 * chunks, then formats (bold header, number formats, grade colours as conditional formats on the grade column).
 *
 * All-or-nothing: before writing over existing cells their formulas/constants and number formats are read; an
 * error or a cancel part-way writes them back (a new sheet is deleted instead). Limits, honestly: fill, font and
 * conditional formats of overwritten cells are not restored; if Excel fails again while restoring, the error is
 * "restoreFailed" (the original error as `cause`); a crash of Excel itself mid-way cannot be undone by the add-in.
 */
export async function writeCustomerOutput(
  ctx: Excel.RequestContext,
  source: SourceTable,
  values: OutputCell[][],
  gradeColumn: number,
  opts: CustomerWriteOptions,
): Promise<WriteResult> {
  const width = values[0]?.length ?? 0;
  checkShape(values, source.rowCount + 1, width, CORE_COLUMNS, MAX_COLUMNS);
  if (opts.mode === "newSheet") {
    return writeOnNewSheet(ctx, newSheetBase(source), source.headerRow, values, gradeColumn, opts, opts.newSheetName);
  }
  const plan = await planCustomerOutput(ctx, source, width);
  if (opts.mode === "inPlace" && plan.status === "occupied")
    throw new ExcelAdapterError("targetOccupied", TARGET_OCCUPIED);
  const { area } = await outputArea(ctx, source, width);
  // An earlier, wider block of the add-in's own: its extra columns this grading does not write are cleared.
  const padded =
    area.cols > width ? values.map((row) => [...row, ...new Array<OutputCell>(area.cols - width).fill(null)]) : values;
  await writeOverExisting(ctx, source.sheetName, area, padded, gradeColumn, opts);
  return { sheetName: source.sheetName, address: sheetAddress(source.sheetName, { ...area, cols: width }) };
}

/** The name a "new sheet" output starts from: "<source sheet> RFM". */
export function newSheetBase(source: SourceTable): string {
  return `${source.sheetName} RFM`;
}

/** A free sheet name from `base` ("base (2)" when taken), for output whose formulas must name their sheet. */
export async function freeSheetName(ctx: Excel.RequestContext, base: string): Promise<string> {
  return uniqueSheetName(base, await sheetNames(ctx));
}

/** "RFM Customers" / "RFM 客户". */
export function defaultSalesSheetName(lang: Lang): string {
  return ADAPTER_TEXTS[lang].output.salesSheetName;
}

/**
 * Writes sales-records output (header row, then one row per customer) from A1 of a new sheet named `baseSheetName`,
 * or "<base> (2)", "(3)" ... when taken ("" = `defaultSalesSheetName(lang)`). The sheet is deleted on error/cancel.
 */
export async function writeSalesOutput(
  ctx: Excel.RequestContext,
  baseSheetName: string,
  values: OutputCell[][],
  gradeColumn: number,
  opts: WriteOptions,
  /** Exactly this (free) name: live formulas name their sheet, so it is chosen before they are compiled. */
  exactName?: string,
): Promise<WriteResult> {
  if (values.length === 0) checkShape(values, 1, values[0]?.length ?? 0);
  checkShape(values, values.length, values[0].length);
  return writeOnNewSheet(
    ctx,
    baseSheetName || defaultSalesSheetName(opts.lang),
    0,
    values,
    gradeColumn,
    opts,
    exactName,
  );
}
