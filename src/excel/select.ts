/** Selecting rows the user asked to see (rows not graded). */
import { EXCEL_API_SELECT_AREAS, supportsExcelApi } from "./requirements";
import type { SelectResult } from "./types";

/** Areas in one selection at most: keeps the address short enough for Excel and the selection usable. */
export const SELECT_AREA_LIMIT = 200;

/** Consecutive rows as runs [first, last], ascending, each row once. */
function rowRuns(rowNumbers: readonly number[]): [number, number][] {
  const sorted = [...new Set(rowNumbers.filter((r) => Number.isInteger(r) && r >= 1 && r <= 1048576))].sort(
    (a, b) => a - b,
  );
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === r) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/**
 * Selects the given sheet rows (1-based, whole rows) on `sheetName` and activates the sheet; consecutive rows become
 * one area. At most `SELECT_AREA_LIMIT` areas are selected, the first ones. Selecting several areas at once needs
 * ExcelApi 1.18 (`RangeAreas.select()`); where Excel lacks it (2021/2024 LTSC, Windows before 2501, Mac before 16.93)
 * only the first block of rows is selected. `truncated`, `notSelected` and `limit` say when and why rows were left out.
 */
export async function selectRows(
  ctx: Excel.RequestContext,
  sheetName: string,
  rowNumbers: number[],
): Promise<SelectResult> {
  const runs = rowRuns(rowNumbers);
  const asked = runs.reduce((n, [a, b]) => n + b - a + 1, 0);
  if (runs.length === 0) return { rows: 0, truncated: false, notSelected: 0, selected: [] };
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  let taken: [number, number][];
  let limit: SelectResult["limit"];
  if (supportsExcelApi(EXCEL_API_SELECT_AREAS)) {
    taken = runs.slice(0, SELECT_AREA_LIMIT);
    if (taken.length < runs.length) limit = "areas";
    sheet.getRanges(taken.map(([a, b]) => `${a}:${b}`).join(",")).select();
  } else {
    taken = runs.slice(0, 1);
    if (runs.length > 1) limit = "singleArea";
    sheet.getRange(`${taken[0][0]}:${taken[0][1]}`).select();
  }
  await ctx.sync();
  const rows = taken.reduce((n, [a, b]) => n + b - a + 1, 0);
  return { rows, truncated: rows < asked, notSelected: asked - rows, selected: taken, ...(limit ? { limit } : {}) };
}

/** Brings a sheet to the front with its first cell selected (the "open the summary sheet" link). */
export async function showSheet(ctx: Excel.RequestContext, sheetName: string): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange("A1").select();
  await ctx.sync();
}

/** Selects one range given as "Sheet!A1:G20" (Excel's own form, a quoted sheet name included) and shows its sheet. */
export async function selectAddress(ctx: Excel.RequestContext, address: string): Promise<void> {
  const bang = address.lastIndexOf("!");
  const quoted = address.slice(0, bang);
  const sheetName = /^'.*'$/.test(quoted) ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address.slice(bang + 1)).select();
  await ctx.sync();
}
