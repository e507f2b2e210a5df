/** Writing prepared cell inputs and number formats back, in chunks (used to restore a snapshot). */
import { cellBytes, planWriteChunks } from "./chunks";

export async function writeGridRaw(
  ctx: Excel.RequestContext,
  sheetName: string,
  row: number,
  col: number,
  inputs: unknown[][],
  formats: unknown[][],
): Promise<void> {
  const width = inputs[0]?.length ?? 0;
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  const chunks = planWriteChunks(
    inputs.length,
    width * 2,
    (i) =>
      inputs[i].reduce((s: number, v) => s + cellBytes(v), 0) +
      formats[i].reduce((s: number, v) => s + cellBytes(v), 0),
  );
  // One sync per chunk (thousands of rows).
  for (const chunk of chunks) {
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    const range = sheet.getRangeByIndexes(row + chunk.start, col, chunk.rows, width);
    range.numberFormat = formats.slice(chunk.start, chunk.start + chunk.rows);
    range.formulas = inputs.slice(chunk.start, chunk.start + chunk.rows);
    await ctx.sync();
  }
}
