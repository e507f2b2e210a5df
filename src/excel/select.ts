/** Selecting rows the user asked to see (rows not graded). */
import type { SelectResult } from "./types";

/** Areas in one selection at most: keeps the address short enough for Excel and the selection usable. */
export const SELECT_AREA_LIMIT = 200;

/** Consecutive rows as runs [first, last], ascending, each row once. */
export function rowRuns(rowNumbers: readonly number[]): [number, number][] {
  const sorted = [...new Set(rowNumbers.filter((r) => Number.isInteger(r) && r >= 1 && r <= 1048576))].sort((a, b) => a - b);
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
 * one area. At most `SELECT_AREA_LIMIT` areas are selected, the first ones; `truncated` says when rows were left out.
 */
export async function selectRows(ctx: Excel.RequestContext, sheetName: string, rowNumbers: number[]): Promise<SelectResult> {
  const runs = rowRuns(rowNumbers);
  if (runs.length === 0) return { rows: 0, truncated: false };
  const taken = runs.slice(0, SELECT_AREA_LIMIT);
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRanges(taken.map(([a, b]) => `${a}:${b}`).join(",")).select();
  await ctx.sync();
  return { rows: taken.reduce((n, [a, b]) => n + b - a + 1, 0), truncated: taken.length < runs.length };
}

/** Brings a sheet to the front with its first cell selected (the "open the summary sheet" link). */
export async function showSheet(ctx: Excel.RequestContext, sheetName: string): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange("A1").select();
  await ctx.sync();
}
