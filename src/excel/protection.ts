/**
 * Whether Excel will refuse to write where the add-in means to: a protected sheet (Review > Protect Sheet) refuses
 * every change of its cells and formats, a protected workbook structure (Review > Protect Workbook) refuses new
 * sheets. Asked before writing, so the pane can say what to do instead of passing on Excel's refusal.
 */

/** The sheet is protected (ExcelApi 1.2). */
export async function isSheetProtected(ctx: Excel.RequestContext, sheetName: string): Promise<boolean> {
  const protection = ctx.workbook.worksheets.getItem(sheetName).protection.load("protected");
  await ctx.sync();
  return protection.protected;
}

/** The workbook's structure is protected: no sheet can be added (ExcelApi 1.7). */
export async function isStructureProtected(ctx: Excel.RequestContext): Promise<boolean> {
  const protection = ctx.workbook.protection.load("protected");
  await ctx.sync();
  return protection.protected;
}
