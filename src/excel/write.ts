/** Writing a block of values in chunks, then its formats. */
import { gradeFill as engineGradeFill } from "../engine";
import { cellsAddress, type Area } from "./address";
import { cellBytes, planWriteChunks, throwIfCancelled } from "./chunks";
import { cellInput } from "./cellInput";
import type { OutputCell, ProgressOptions } from "./types";

export interface GridWrite extends ProgressOptions {
  /** Number format per column; missing/null = "General". */
  columnFormats?: readonly (string | null | undefined)[];
  /**
   * true when the cells may carry number formats of their own (writing over existing cells): every cell then gets
   * its format, "General" included. false on fresh cells: only columns with a format other than "General" are
   * formatted (null elsewhere leaves a cell unchanged), which keeps requests smaller.
   */
  resetFormats?: boolean;
}

/**
 * Writes `values` (row 0 = header) with its top-left cell at (row, col) of the sheet: one sync per chunk, each with
 * calculation suspended, the chunk's values first and then its number formats. Returns the area written.
 */
export async function writeGrid(
  ctx: Excel.RequestContext,
  sheetName: string,
  row: number,
  col: number,
  values: readonly (readonly OutputCell[])[],
  opts: GridWrite = {},
): Promise<Area> {
  const width = values[0]?.length ?? 0;
  const reset = opts.resetFormats ?? true;
  const general = reset ? "General" : null;
  const formats = Array.from({ length: width }, (_, c) => opts.columnFormats?.[c] ?? general);
  const headerFormats = formats.map(() => general);
  const anyFormat = formats.some((f) => f !== null);
  const formatBytes = anyFormat ? formats.reduce((s: number, f) => s + cellBytes(f), 0) : 0;
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  const chunks = planWriteChunks(values.length, width * (anyFormat ? 2 : 1), (i) =>
    values[i].reduce((s: number, v) => s + cellBytes(v), formatBytes),
  );
  // One sync per chunk (thousands of rows): the loop over chunks is the only loop that syncs.
  for (const chunk of chunks) {
    throwIfCancelled(opts.signal);
    const block: (string | number)[][] = new Array(chunk.rows);
    for (let i = 0; i < chunk.rows; i++) {
      const source = values[chunk.start + i];
      if (source.length !== width)
        throw new RangeError(`row ${chunk.start + i} has ${source.length} cells, expected ${width}`);
      block[i] = source.map(cellInput);
    }
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    const range = sheet.getRangeByIndexes(row + chunk.start, col, chunk.rows, width);
    range.values = block;
    if (anyFormat) {
      const blockFormats: (string | null)[][] = new Array(chunk.rows);
      for (let i = 0; i < chunk.rows; i++) blockFormats[i] = chunk.start + i === 0 ? headerFormats : formats;
      range.numberFormat = blockFormats;
    }
    await ctx.sync();
    opts.onProgress?.(chunk.start + chunk.rows, values.length);
  }
  return { row, col, rows: values.length, cols: width };
}

/** The fill of the grade at `index` (best first) as Office.js and CSS take a colour: the engine's palette, "#RRGGBB". */
export function gradeFill(index: number): string {
  return "#" + engineGradeFill(index);
}

/**
 * Formats of a written block: a bold plain header row (no merged cells, so Excel's filter works on it), grade cells
 * coloured by conditional formats on the grade column (one rule per grade: a few operations whatever the row count,
 * and colours follow the values when the user sorts or edits). Replaces conditional formats already on that column.
 */
export function queueOutputFormats(
  ctx: Excel.RequestContext,
  sheetName: string,
  area: Area,
  gradeColumn: number,
  grades: readonly string[],
): void {
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  const header = sheet.getRangeByIndexes(area.row, area.col, 1, area.cols);
  header.format.font.bold = true;
  header.format.autofitColumns();
  if (area.rows < 2 || gradeColumn < 0 || gradeColumn >= area.cols) return;
  const gradeCells = sheet.getRange(
    cellsAddress({ row: area.row + 1, col: area.col + gradeColumn, rows: area.rows - 1, cols: 1 }),
  );
  gradeCells.conditionalFormats.clearAll();
  grades.forEach((grade, i) => {
    const cf = gradeCells.conditionalFormats.add("CellValue");
    cf.cellValue.format.fill.color = gradeFill(i);
    cf.cellValue.rule = { formula1: `="${grade.replace(/"/g, '""')}"`, operator: "EqualTo" };
  });
}
