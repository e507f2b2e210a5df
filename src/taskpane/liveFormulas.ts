/**
 * "Write as live Excel formulas": the seven result cells of a customer table become worksheet formulas compiled from
 * the profile (engine/compile), so the workbook grades without the add-in and regrades when the data or the analysis
 * date on the parameters sheet change. The pane talks to Office only through the adapter.
 */

import { integerProfile, type GradeResult, type Role } from "../engine";
import { compileFormulas, type FormulaSheetLayout } from "../engine/compile/excelFormulas";
import type { OutputCell, SourceTable } from "../excel";
import { columnLetters } from "../excel/address";
import { prepareLiveFormulaSheets, writeLiveFormulaSheets } from "../excel/liveFormulas";
import type { ExcelRun } from "./gradingFlow";

export interface LiveFormulaCells {
  /** Header row, then one row of seven formulas per data row. */
  values: OutputCell[][];
  /** Writes the parameters block and the helper sheet; call after the result cells are written. */
  finish(): Promise<void>;
}

/** Column of the first of the seven output columns, from the output area's address ("Sheet1!G1:M201"). */
function firstOutputColumn(address: string): string {
  const match = /!\$?([A-Z]+)\$?\d+/.exec(address);
  if (!match) throw new Error(`not an output address: ${address}`);
  return match[1];
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The formulas for a customer table graded in place (results right of the table at `outputAddress`), with the
 * engine's result `res` only for its profile, unit and analysis date.
 */
export async function liveFormulaCells(
  run: ExcelRun, source: SourceTable, mapping: Partial<Record<Role, number>>, res: GradeResult, outputAddress: string,
  headers: string[], lang: "en" | "zh",
): Promise<LiveFormulaCells> {
  const sheets = await run((ctx) => prepareLiveFormulaSheets(ctx, lang));
  const first = columnIndex(firstOutputColumn(outputAddress));
  const L = (k: number) => columnLetters(first + k);
  const data = (role: Role) => (mapping[role] === undefined ? undefined : columnLetters(source.firstColumn + mapping[role]!));
  const firstRow = source.headerRow + 2;
  const layout: FormulaSheetLayout = {
    sheet: source.sheetName,
    keySheet: sheets.keys,
    firstRow,
    lastRow: Math.max(firstRow, source.headerRow + 1 + source.rowCount),
    data: { date: data("date")!, count: data("count")!, total: data("total")!, id: data("id") },
    columnNames: Object.fromEntries(
      (Object.entries(mapping) as [Role, number][]).map(([role, c]) => [role, source.headers[c] ?? ""]),
    ),
    out: { r: L(0), f: L(1), m: L(2), score: L(3), grade: L(4), cadence: L(5), note: L(6), days: "A", count: "B", amount: "C" },
  };
  const plan = compileFormulas(integerProfile(res.profile, res.summary.unit), layout, { asOfDay: res.asOfDay, lang });
  const values: OutputCell[][] = [headers];
  const keys: string[][] = [];
  for (let i = 0; i < source.rowCount; i++) {
    const f = plan.row(firstRow + i);
    values.push([f.r, f.f, f.m, f.score, f.grade, f.cadence, f.note].map((x) => `=${x}`));
    keys.push([`=${f.days}`, `=${f.count}`, `=${f.amount}`]);
  }
  // The parameters block names the sheet of the key columns in RFM_Graded's formula.
  return {
    values,
    finish: () => run((ctx) => writeLiveFormulaSheets(ctx, sheets, plan.parameters, keys, firstRow, lang)),
  };
}
