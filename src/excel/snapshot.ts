/**
 * What was in cells before the add-in wrote over them, so that an error or a cancel can put it back.
 *
 * Kept per cell: the formula, or the constant (text kept as text), and the number format. Not kept: fill, font and
 * conditional formats of those cells (Office.js has no cheap bulk read of them); comments, data validation.
 */
import { AREA_PROPS, areaOf, cellsAddress, type Area } from "./address";
import { restoreInput } from "./cellInput";
import { readInChunks } from "./read";
import type { ProgressOptions } from "./types";
import { writeGridRaw } from "./writeRaw";

export interface Snapshot {
  sheetName: string;
  /** The whole area that is about to be written. */
  area: Area;
  /** The part of `area` that held anything (values or number formats); null when nothing. */
  used: Area | null;
  inputs: unknown[][];
  formats: unknown[][];
}

/** Rows of `area` that hold anything, found with one sync (how much a snapshot will have to read). */
export async function usedPart(ctx: Excel.RequestContext, sheetName: string, area: Area): Promise<Area | null> {
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  const usedRange = sheet
    .getRangeByIndexes(area.row, area.col, area.rows, area.cols)
    .getUsedRangeOrNullObject(false)
    .load(AREA_PROPS);
  await ctx.sync();
  return usedRange.isNullObject ? null : areaOf(usedRange);
}

export async function takeSnapshot(
  ctx: Excel.RequestContext,
  sheetName: string,
  area: Area,
  used: Area | null,
  opts: ProgressOptions = {},
): Promise<Snapshot> {
  const snap: Snapshot = { sheetName, area, used, inputs: [], formats: [] };
  if (!used) return snap;
  snap.inputs = new Array(used.rows);
  snap.formats = new Array(used.rows);
  await readInChunks(
    ctx,
    sheetName,
    used.row,
    used.rows,
    [{ col: used.col, cols: used.cols }],
    ["values", "formulas", "numberFormat"],
    ({ offset, rows, grids: [g] }) => {
      for (let i = 0; i < rows; i++) {
        snap.inputs[offset + i] = g.formulas[i].map((f, j) => restoreInput(f, g.values[i][j]));
        snap.formats[offset + i] = g.numberFormat[i];
      }
    },
    opts,
  );
  return snap;
}

/** Clears the written area and writes the snapshot back (formats before the inputs, so text-formatted cells stay text). */
export async function restoreSnapshot(ctx: Excel.RequestContext, snap: Snapshot): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItem(snap.sheetName);
  sheet.getRange(cellsAddress(snap.area)).clear("Contents");
  await ctx.sync();
  if (snap.used) await writeGridRaw(ctx, snap.sheetName, snap.used.row, snap.used.col, snap.inputs, snap.formats);
}
