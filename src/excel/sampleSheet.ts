/** A sheet of sample data, added on request so a first-time user can try the add-in without data of their own. */
import { sheetAddress } from "./address";
import { addSheet } from "./sheets";
import type { OutputCell } from "./types";
import { writeGrid } from "./write";

/**
 * Adds a sheet named after `baseName` (made unique: a user's sheet is never touched), writes `rows` (header first)
 * from A1 with `columnFormats`, then activates the sheet and selects the table so the pane can read it at once.
 */
export async function addSampleSheet(
  ctx: Excel.RequestContext,
  baseName: string,
  rows: readonly (readonly OutputCell[])[],
  columnFormats: readonly (string | null)[],
): Promise<{ sheetName: string; address: string }> {
  const sheetName = await addSheet(ctx, baseName);
  const area = await writeGrid(ctx, sheetName, 0, 0, rows, { columnFormats, resetFormats: false });
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.getRangeByIndexes(0, 0, area.rows, area.cols).format.autofitColumns();
  sheet.activate();
  sheet.getRangeByIndexes(area.row, area.col, area.rows, area.cols).select();
  await ctx.sync();
  return { sheetName, address: sheetAddress(sheetName, area) };
}
