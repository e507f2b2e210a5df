/**
 * The sheets live formulas need besides the result columns: the parameters block (analysis date, weights, bounds,
 * grades…) whose cells carry the workbook names the formulas read, and a hidden helper sheet with the three key
 * columns the formulas rank on, row for row beside the data. Both are the add-in's own sheets: one found by its name
 * and title is rewritten; any other sheet of that name is left alone and a new name is taken.
 */

import { LIVE_FORMULA_SHEETS, type ParameterCell } from "../engine/compile/excelFormulas";
import { dayToSerial, type Lang } from "../engine";
import { addSheet, deleteSheetQuietly } from "./sheets";
import { cellInput } from "./cellInput";
import type { OutputCell, ProgressOptions } from "./types";
import { writeGrid } from "./write";

/**
 * The add-in's sheet called `base` (A1 holds `title`), left as it is until the new results are written (an earlier
 * grading's formulas keep reading it if writing fails or is cancelled); or a new sheet under a free name.
 */
async function ownSheet(
  ctx: Excel.RequestContext,
  base: string,
  title: string,
): Promise<{ name: string; created: boolean }> {
  const existing = ctx.workbook.worksheets.getItemOrNullObject(base).load("name");
  await ctx.sync();
  if (existing.isNullObject) return { name: await addSheet(ctx, base), created: true };
  const a1 = existing.getRange("A1").load("values");
  await ctx.sync();
  if (a1.values[0][0] !== title) return { name: await addSheet(ctx, base), created: true };
  return { name: base, created: false };
}

/** Sales records: the helper formulas of each sale (from column F), from the sales' own first row, and a footnote. */
export interface SaleHelperBlock {
  firstRow: number;
  rows: readonly string[][];
  /** A line below the parameters (the customers are those of the grading). */
  footnote: string;
}

/** Column of the sales' helper formulas on the helper sheet (F: the customer keys take A–D). */
const SALE_HELPER_COLUMN = 5;

/**
 * Writes the parameters block and (re)defines its workbook names, then the key formulas (`keys[k]` is data row k's
 * three formulas, each starting with "=") on a hidden helper sheet from sheet row `firstRow` (1-based, the data's own
 * row), and for sales records each sale's helper formulas beside them. The formulas must have been compiled against
 * the two sheet names.
 */
export async function writeLiveFormulaSheets(
  ctx: Excel.RequestContext,
  names: { parameters: string; keys: string },
  parameters: readonly ParameterCell[],
  keys: readonly string[][],
  firstRow: number,
  lang: Lang,
  progress: ProgressOptions = {},
  sales?: SaleHelperBlock,
  /** The workbook counts dates from 1904: the analysis date and window start are entered as its serials. */
  date1904 = false,
): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItem(names.parameters);
  const helper = ctx.workbook.worksheets.getItem(names.keys);
  sheet.getRange().clear();
  helper.getRange().clear();
  // Texts (labels, grade names, cadences) go in as text: a cadence "3-6" or a grade "1" must not become a date or a
  // number that the grade formulas would then return. Only RFM_Graded's COUNT is a formula.
  const value = (p: ParameterCell): OutputCell =>
    p.kind === "date"
      ? p.value === ""
        ? ""
        : dayToSerial(p.value as number, date1904)
      : p.kind === "formula"
        ? { formula: String(p.value) }
        : p.value;
  const rows = parameters.map((p) => [p.label[lang], value(p), p.help?.[lang] ?? ""].map(cellInput));
  if (sales) rows.push(["", "", ""], [cellInput(sales.footnote), "", ""]);
  sheet.getRange("A1").values = [[LIVE_FORMULA_SHEETS.parametersTitle[lang]]];
  sheet.getRange("A1").format.font.bold = true;
  const block = sheet.getRangeByIndexes(1, 0, rows.length, 3);
  block.values = rows;
  parameters.forEach((p, k) => {
    if (p.kind === "date") sheet.getRangeByIndexes(1 + k, 1, 1, 1).numberFormat = [["yyyy-mm-dd"]];
  });
  sheet.getRange("A:A").format.columnWidth = 260;
  sheet.getRange("B:B").format.columnWidth = 90;
  const existing = parameters.map((p) => (p.name ? ctx.workbook.names.getItemOrNullObject(p.name).load("name") : null));
  await ctx.sync();
  for (const item of existing) if (item && !item.isNullObject) item.delete();
  parameters.forEach((p, k) => {
    if (p.name) ctx.workbook.names.add(p.name, sheet.getRangeByIndexes(1 + k, 1, 1, 1));
  });
  await ctx.sync();

  helper.getRange("A1").values = [[LIVE_FORMULA_SHEETS.keysTitle[lang]]];
  // As formulas: any other text is written as text (cellInput), so a formula must say it is one.
  const formulas = keys.map((row) => row.map((formula) => ({ formula })));
  await writeGrid(ctx, names.keys, firstRow - 1, 0, formulas, { ...progress, resetFormats: false });
  if (sales && sales.rows.length > 0) {
    const saleFormulas = sales.rows.map((row) => row.map((formula) => ({ formula })));
    await writeGrid(ctx, names.keys, sales.firstRow - 1, SALE_HELPER_COLUMN, saleFormulas, {
      ...progress,
      resetFormats: false,
    });
  }
  // The enum's string value: the adapter does not depend on the Excel global (tests run it on the Excel double).
  helper.visibility = "Hidden";
  await ctx.sync();
}

/** The two sheets' names, and those of them made just now (removed again if the results are not written). */
export interface LiveFormulaSheets {
  parameters: string;
  keys: string;
  created: string[];
}

/** The two sheets, found or made before the formulas are compiled (the formulas name them). */
export async function prepareLiveFormulaSheets(ctx: Excel.RequestContext, lang: Lang): Promise<LiveFormulaSheets> {
  const parameters = await ownSheet(
    ctx,
    LIVE_FORMULA_SHEETS.parameters[lang],
    LIVE_FORMULA_SHEETS.parametersTitle[lang],
  );
  let keys: { name: string; created: boolean };
  try {
    keys = await ownSheet(ctx, LIVE_FORMULA_SHEETS.keys[lang], LIVE_FORMULA_SHEETS.keysTitle[lang]);
  } catch (err) {
    if (parameters.created) await deleteSheetQuietly(ctx, parameters.name);
    throw err;
  }
  return {
    parameters: parameters.name,
    keys: keys.name,
    created: [parameters, keys].filter((s) => s.created).map((s) => s.name),
  };
}

/** Removes the sheets prepareLiveFormulaSheets made, after the results could not be written (errors stay quiet). */
export async function abandonLiveFormulaSheets(ctx: Excel.RequestContext, sheets: LiveFormulaSheets): Promise<void> {
  for (const name of sheets.created) await deleteSheetQuietly(ctx, name);
}
