/**
 * "Write as live Excel formulas": the result cells of a customer table (the result columns that have a formula:
 * all but the comparison with a previous grading) become worksheet formulas compiled from the profile
 * (engine/compile), so the workbook grades without the add-in and regrades when the data or the analysis date on the
 * parameters sheet change. The pane talks to Office only through the adapter.
 */

import {
  columnIndex,
  columnLetters,
  CompileError,
  CUSTOMER_COLUMNS,
  integerProfile,
  type Cell,
  type GradeResult,
  type Lang,
  type ResultColumn,
  type Role,
} from "../engine";
import { parseDay } from "../engine/dates";
import {
  compileFormulas,
  liveFormulaColumns,
  resultLetters,
  type FormulaPlan,
  type FormulaRow,
  type FormulaSheetLayout,
} from "../engine/compile/excelFormulas";
import {
  checkSalesAmounts,
  compileSalesFormulas,
  firstSaleFormulasMisread,
  readableSaleAmounts,
  SALES_FORMULA_TEXTS,
  type SalesFormulaLayout,
} from "../engine/compile/salesFormulas";
import type { FormulaCell, OutputCell, SourceTable } from "../excel";
import { abandonLiveFormulaSheets, prepareLiveFormulaSheets, writeLiveFormulaSheets } from "../excel/liveFormulas";
import type { ExcelRun } from "./excelRun";
import { carriedCells, carriedHeaders, gradePosition, resultFormats, salesFormats } from "./outputCells";

export interface LiveFormulaCells {
  /** Header row, then one row of formulas per data row (per customer for sales records). */
  values: OutputCell[][];
  /** Number formats of those columns, as declared. */
  columnFormats: (string | null)[];
  /** Where the grade stands among those columns (its cells get the grade colours). */
  gradeColumn: number;
  /** The sheet whose analysis date the formulas read (where the user changes it to regrade). */
  parametersSheet: string;
  /** Writes the parameters block and the helper sheet; call after the result cells are written. */
  finish(): Promise<void>;
  /** Removes the sheets made for the formulas; call when the result cells could not be written. */
  abandon(): Promise<void>;
}

/** Column of the first of the output columns, from the output area's address ("Sheet1!G1:M201"). */
function firstOutputColumn(address: string): string {
  const match = /!\$?([A-Z]+)\$?\d+/.exec(address);
  if (!match) throw new Error(`not an output address: ${address}`);
  return match[1];
}

/** Where the result formulas go: right of the table (the plan's address), or from column A of a new sheet. */
export type LiveFormulaTarget = { address: string } | { newSheet: string };

/** One row of result formulas, in the columns' order. */
function resultFormulas(columns: readonly ResultColumn[], f: FormulaRow): FormulaCell[] {
  return columns.map((c) => ({ formula: `=${f[c.id as keyof FormulaRow]}` }));
}

/**
 * The formulas for a customer table, with the engine's result `res` only for its profile, unit and analysis date.
 * On a new sheet the results stand on the same rows as the data, and every data reference names the source sheet.
 */
export async function liveFormulaCells(
  run: ExcelRun,
  source: SourceTable,
  mapping: Partial<Record<Role, number>>,
  res: GradeResult,
  target: LiveFormulaTarget,
  lang: Lang,
  date1904 = false,
): Promise<LiveFormulaCells> {
  const sheets = await run((ctx) => prepareLiveFormulaSheets(ctx, lang));
  const onNewSheet = "newSheet" in target;
  const first = onNewSheet ? 0 : columnIndex(firstOutputColumn(target.address));
  const columns = liveFormulaColumns(res);
  const data = (role: Role) =>
    mapping[role] === undefined ? undefined : columnLetters(source.firstColumn + mapping[role]!);
  const firstRow = source.headerRow + 2;
  const layout: FormulaSheetLayout = {
    sheet: onNewSheet ? target.newSheet : source.sheetName,
    dataSheet: onNewSheet ? source.sheetName : undefined,
    keySheet: sheets.keys,
    firstRow,
    lastRow: Math.max(firstRow, source.headerRow + 1 + source.rowCount),
    data: { date: data("date")!, count: data("count")!, total: data("total")!, id: data("id") },
    columnNames: Object.fromEntries(
      (Object.entries(mapping) as [Role, number][]).map(([role, c]) => [role, source.headers[c] ?? ""]),
    ),
    out: { ...resultLetters(columns, first), days: "A", count: "B", amount: "C" },
  };
  let plan: FormulaPlan;
  try {
    plan = compileFormulas(integerProfile(res.profile, res.summary.unit), layout, { asOfDay: res.asOfDay, lang });
  } catch (err) {
    // Refused (a quantile profile on too many rows): the sheets made for it go again.
    await run((ctx) => abandonLiveFormulaSheets(ctx, sheets)).catch(() => undefined);
    throw err;
  }
  const values: OutputCell[][] = [columns.map((c) => c.header[lang])];
  const keys: string[][] = [];
  for (let i = 0; i < source.rowCount; i++) {
    const f = plan.row(firstRow + i);
    values.push(resultFormulas(columns, f));
    keys.push([`=${f.days}`, `=${f.count}`, `=${f.amount}`]);
  }
  return {
    values,
    columnFormats: resultFormats(columns),
    gradeColumn: gradePosition(columns),
    parametersSheet: sheets.parameters,
    // The parameters block names the sheet of the key columns in RFM_Graded's formula.
    finish: () =>
      run((ctx) => writeLiveFormulaSheets(ctx, sheets, plan.parameters, keys, firstRow, lang, {}, undefined, date1904)),
    abandon: () => run((ctx) => abandonLiveFormulaSheets(ctx, sheets)),
  };
}

/** The customer sheet of sales records: customer, last order date, purchases, amount in A–D, then the results. */
const CUSTOMER_COLUMN_COUNT = CUSTOMER_COLUMNS.length;

/** The helper sheet's columns for sales records: ranking keys on customer rows (A–D), lookups on sale rows (F–I). */
const SALES_HELPER = {
  days: "A",
  count: "B",
  amount: "C",
  order: "D",
  match: "F",
  customer: "G",
  day: "H",
  units: "I",
};

/**
 * The formulas for sales records, on the new sheet `sheetName` (made by the caller under exactly that name): one
 * row per customer of `res`, in its order, whose last order date, purchases and amount are formulas over the sales
 * cells of the user's sheet and whose results are the customer-table formulas over those. `columns` are the cells the
 * engine read (id, date, amount). Refused with a CompileError (before any sheet is made) when a sale the engine reads
 * would be read otherwise by formulas (a date or amount typed as text, an id with spaces around it), when the amounts
 * cannot be added exactly as millionths, and above the measured size.
 */
export async function salesLiveFormulaCells(
  run: ExcelRun,
  source: SourceTable,
  mapping: Partial<Record<Role, number>>,
  columns: { id: ArrayLike<Cell>; date: ArrayLike<Cell>; amount: ArrayLike<Cell> },
  res: GradeResult,
  sheetName: string,
  lang: Lang,
  date1904: boolean,
  /** Number formats of the carried columns (the sales sheet's), which stand after the customer as values. */
  carriedFormats: readonly (string | null)[] = [],
): Promise<LiveFormulaCells> {
  const firstSale = source.headerRow + 2;
  const misread = firstSaleFormulasMisread(columns.id, columns.date, columns.amount, date1904);
  if (misread) {
    const header = source.headers[mapping[misread.role]!] ?? "";
    throw new CompileError("salesCellAsText", String(firstSale + misread.index), header, misread.value, misread.role);
  }
  checkSalesAmounts(readableSaleAmounts(columns.id, columns.date, columns.amount, date1904));
  const letter = (role: Role) => columnLetters(source.firstColumn + mapping[role]!);
  const header = (role: Role) => source.headers[mapping[role]!] ?? "";
  const results = liveFormulaColumns(res);
  // The carried columns (name, contact …) stand right after the customer, as the values the grading read.
  const carried = carriedHeaders(res).length;
  const at = (k: number) => columnLetters(k);
  const layout: SalesFormulaLayout = {
    salesSheet: source.sheetName,
    firstSale,
    lastSale: Math.max(firstSale, source.headerRow + 1 + source.rowCount),
    sales: { id: letter("id"), date: letter("date"), amount: letter("amount") },
    salesColumnNames: { id: header("id"), date: header("date"), amount: header("amount") },
    sheet: sheetName,
    firstRow: 2,
    customers: res.n,
    columns: {
      id: "A",
      last: at(1 + carried),
      purchases: at(2 + carried),
      amount: at(3 + carried),
      ...resultLetters(results, CUSTOMER_COLUMN_COUNT + carried),
    },
    helperSheet: "",
    helper: SALES_HELPER,
  };
  const ip = integerProfile(res.profile, res.summary.unit);
  const options = { asOfDay: res.asOfDay, windowStartDay: windowStartDay(res), lang, date1904 };
  // Size first (nothing made yet), then the sheets, whose names the formulas carry.
  compileSalesFormulas(ip, { ...layout, helperSheet: "RFM" }, options);
  const sheets = await run((ctx) => prepareLiveFormulaSheets(ctx, lang));
  const plan = compileSalesFormulas(ip, { ...layout, helperSheet: sheets.keys }, options);
  const formula = (x: string | undefined): FormulaCell => ({ formula: `=${x}` });
  const [idHeader, ...ownHeaders] = CUSTOMER_COLUMNS.map((c) => c.header[lang]);
  const values: OutputCell[][] = [
    [idHeader, ...carriedHeaders(res), ...ownHeaders, ...results.map((c) => c.header[lang])],
  ];
  const keys: string[][] = [];
  const customers = res.customers!;
  for (let j = 0; j < res.n; j++) {
    const f = plan.customer(2 + j);
    values.push([
      customers.ids.at(j) ?? "",
      ...carriedCells(res, j),
      ...[f.lastOrder, f.purchases, f.total].map(formula),
      ...resultFormulas(results, f),
    ]);
    keys.push([f.days, f.count, f.amount, ...(f.firstSale ? [f.firstSale] : [])].map((x) => `=${x}`));
  }
  const saleRows: string[][] = [];
  for (let i = 0; i < source.rowCount; i++) {
    const s = plan.sale(firstSale + i);
    saleRows.push([s.match, s.customer, s.day, s.units].map((x) => `=${x}`));
  }
  const sales = { firstRow: firstSale, rows: saleRows, footnote: SALES_FORMULA_TEXTS.customersFixed[lang] };
  return {
    values,
    columnFormats: salesFormats(results, carriedFormats),
    gradeColumn: CUSTOMER_COLUMN_COUNT + carried + gradePosition(results),
    parametersSheet: sheets.parameters,
    finish: () =>
      run((ctx) => writeLiveFormulaSheets(ctx, sheets, plan.parameters, keys, 2, lang, {}, sales, date1904)),
    abandon: () => run((ctx) => abandonLiveFormulaSheets(ctx, sheets)),
  };
}

function windowStartDay(res: GradeResult): number | undefined {
  const start = res.summary.windowStart;
  return start === undefined ? undefined : (parseDay(start) ?? undefined);
}
