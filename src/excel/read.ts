/** Reading cells in chunks. */
import { firstReadRows, gridBytes, isPayloadTooLarge, nextReadRows, throwIfCancelled } from "./chunks";
import type { ProgressOptions, SourceTable } from "./types";

export type CellProp = "values" | "formulas" | "numberFormat";

/** A block of adjacent columns (absolute sheet indexes) read together. */
export interface ColumnRun {
  col: number;
  cols: number;
}

/** One chunk as read: `grids[k][prop]` is the 2-D array of run k. */
export interface ReadChunk {
  offset: number;
  rows: number;
  grids: Record<CellProp, unknown[][]>[];
}

/**
 * Reads rows [firstRow, firstRow + rowCount) of the given column runs, one sync per chunk. The chunk size adapts to
 * the payload measured on the previous chunk; a chunk Excel refuses as too large is retried at half the rows.
 */
export async function readInChunks(
  ctx: Excel.RequestContext,
  sheetName: string,
  firstRow: number,
  rowCount: number,
  runs: ColumnRun[],
  props: CellProp[],
  onChunk: (chunk: ReadChunk) => void,
  opts: ProgressOptions = {},
): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  const cellsPerRow = runs.reduce((n, r) => n + r.cols, 0) * props.length;
  let rows = firstReadRows(cellsPerRow);
  // Rows above which Excel refused a chunk as too large: later chunks stay below it.
  let ceiling = Infinity;
  let offset = 0;
  // One sync per chunk (thousands of rows): the loop over chunks is the only loop that syncs.
  while (offset < rowCount) {
    throwIfCancelled(opts.signal);
    const n = Math.min(rows, rowCount - offset);
    const ranges = runs.map((run) =>
      sheet.getRangeByIndexes(firstRow + offset, run.col, n, run.cols).load(props.join(",")),
    );
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadTooLarge(e) && n > 1) {
        ceiling = rows = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    const grids = ranges.map((range) => {
      const g = {} as Record<CellProp, unknown[][]>;
      for (const p of props) g[p] = range[p] as unknown[][];
      return g;
    });
    onChunk({ offset, rows: n, grids });
    const bytes = grids.reduce((s, g) => s + props.reduce((t, p) => t + gridBytes(g[p]), 0), 0);
    rows = Math.min(ceiling, nextReadRows(n, bytes, cellsPerRow));
    offset += n;
    opts.onProgress?.(offset, rowCount);
  }
}

/** Groups column indexes into runs of adjacent columns (each index once, in order). */
function columnRuns(columns: readonly number[]): ColumnRun[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: ColumnRun[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col + last.cols === c) last.cols++;
    else runs.push({ col: c, cols: 1 });
  }
  return runs;
}

/**
 * Raw values of the requested columns (0-based, relative to `source.firstColumn`), data rows only, one array per
 * requested column: `result[k][i]` is column `columns[k]`, data row i. Dates arrive as serial numbers, errors as
 * texts such as "#N/A", empty cells as "". Adjacent columns are read as one range; chunks are sized by cells and by
 * the payload measured on the previous chunk.
 */
export async function readColumns(
  ctx: Excel.RequestContext,
  source: SourceTable,
  columns: number[],
  opts: ProgressOptions = {},
): Promise<unknown[][]> {
  for (const c of columns) {
    if (!Number.isInteger(c) || c < 0 || c >= source.columnCount)
      throw new RangeError(`column ${c} is outside the source`);
  }
  const out = columns.map(() => new Array<unknown>(source.rowCount));
  const absolute = columns.map((c) => source.firstColumn + c);
  const runs = columnRuns(absolute);
  // Where each requested column sits: which run, which column inside it.
  const place = absolute.map((c) => {
    const k = runs.findIndex((r) => c >= r.col && c < r.col + r.cols);
    return { run: k, at: c - runs[k].col };
  });
  if (source.rowCount === 0) return out;
  await readInChunks(
    ctx,
    source.sheetName,
    source.headerRow + 1,
    source.rowCount,
    runs,
    ["values"],
    ({ offset, rows, grids }) => {
      place.forEach(({ run, at }, k) => {
        const grid = grids[run].values;
        const target = out[k];
        for (let i = 0; i < rows; i++) target[offset + i] = grid[i][at];
      });
    },
    opts,
  );
  return out;
}

/** true when the workbook uses the 1904 date system: there DATE(1904,1,1) is serial 0 (1462 in the 1900 system). */
export async function isDate1904(ctx: Excel.RequestContext): Promise<boolean> {
  const r = ctx.workbook.functions.date(1904, 1, 1).load("value");
  await ctx.sync();
  return r.value === 0;
}

/**
 * The number format of each requested column (0-based, relative to `source.firstColumn`) as its first data row holds
 * it ("yyyy/m/d", "@", "General"), so that columns copied elsewhere keep showing dates as dates. One sync.
 */
export async function readColumnFormats(
  ctx: Excel.RequestContext,
  source: SourceTable,
  columns: number[],
): Promise<string[]> {
  if (columns.length === 0 || source.rowCount === 0) return columns.map(() => "General");
  const sheet = ctx.workbook.worksheets.getItem(source.sheetName);
  const cells = columns.map((c) =>
    sheet.getRangeByIndexes(source.headerRow + 1, source.firstColumn + c, 1, 1).load("numberFormat"),
  );
  await ctx.sync();
  return cells.map((cell) => String(cell.numberFormat[0]?.[0] ?? "General"));
}
