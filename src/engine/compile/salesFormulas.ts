/**
 * Live formulas for sales records (one row per sale): the customers are listed once, in the order the engine lists
 * them (first readable sale), and their last order date, purchases and total amount are formulas over the sales cells;
 * R, F, M, score, grade, cadence, next contact and note are the customer-table formulas of excelFormulas.ts over
 * those cells, so the rules keep one definition.
 *
 * Per sale, hidden helper columns find the customer the sale belongs to (0 when the sale is unreadable, outside the
 * window or of a customer not in the list), its day and its amount as a whole number of millionths; per customer,
 * COUNTIF, SUMIF and SUMPRODUCT(MAX(…)) over those columns total them. Measured findings this rests on (LibreOffice
 * 7.4): COUNTIF and MATCH compare texts without case and read `*`, `?` and `~` as wildcards (COUNTIF also `=`, `<`,
 * `>` as operators), while the engine keeps `A1` and `a1` apart, so a customer is found by MATCH with escaped
 * wildcards and confirmed by EXACT, with SUMPRODUCT(EXACT(…)) over the list when MATCH found another case; MAXIFS is
 * missing in Excel 2016 and AGGREGATE(14,6,…) fails in LibreOffice without array entry, so the last date is
 * SUMPRODUCT(MAX((customer=k)*day)); SUMIF of amounts would add doubles, not the engine's exact decimal sum, so
 * millionths are added as whole numbers (exact below 2^53) and divided once.
 */

import { ENGINE_TEXTS } from "../../i18n/engine";
import { localizedView } from "../../i18n/message";
import { cellError, cellNumber, idText } from "../cells";
import { parseDay } from "../dates";
import type { Cell } from "../types";
import { CompileError } from "./compileTexts";
import {
  compileFormulas,
  MAX_QUANTILE_FORMULA_ROWS,
  type FormulaKeyColumn,
  type FormulaLetters,
  type FormulaRow,
  type FormulaSheetLayout,
  type ParameterCell,
} from "./excelFormulas";
import type { IntegerProfile } from "./integerProfile";
import type { Lang } from "../types";

export const SALES_FORMULA_TEXTS = {
  salesSheet: localizedView(ENGINE_TEXTS, (t) => t.liveFormulas.salesSheet),
  customersFixed: localizedView(ENGINE_TEXTS, (t) => t.liveFormulas.customersFixed),
};

/** Amounts are added as whole numbers of 1/MONEY_SCALE (the engine's fast exact path uses millionths too). */
const SALES_MONEY_SCALE = 1_000_000;

/**
 * Sales formulas compare every sale with every customer (MATCH per sale, COUNTIF/SUMIF/SUMPRODUCT per customer), so
 * their cost is sales × customers. LibreOffice 7.4 on a 2-core machine shared with other work
 * (test/bench/salesFormulasRecalc.ts, load + recalculate + save, shaoxing): 3,000 × 600 in 2.3 s, 10,000 × 2,000 in
 * 7.1 s, 20,000 × 2,000 in 12.6 s, 20,000 × 5,000 in 31.2 s, 50,000 × 4,000 in 51.7 s — about 0.25 s per million;
 * 33,000 × 3,000 in 35.7 s, and with wuhan's quintiles on top (COUNTIF over the customers) 30,000 × 3,000 in 35.8 s.
 * Above 100 million (about 30 s, as long as the largest quantile table offered) live formulas are refused.
 */
export const MAX_SALES_FORMULA_CELLS = 100_000_000;

export interface SalesFormulaLayout {
  /** The sheet of the sales records, and its columns. */
  salesSheet: string;
  firstSale: number;
  lastSale: number;
  sales: { id: string; date: string; amount: string };
  /** Headers of the sales columns, as notes name them. */
  salesColumnNames: { id: string; date: string; amount: string };
  /**
   * The sheet with one row per customer, its first row, how many customers, and its columns: the customer's own, then
   * the result columns written (by id).
   */
  sheet: string;
  firstRow: number;
  customers: number;
  columns: Record<"id" | "last" | "purchases" | "amount", string> & Omit<FormulaLetters, FormulaKeyColumn>;
  /** The hidden helper sheet: per customer (customer rows) the ranking keys, per sale (sale rows) the lookups. */
  helperSheet: string;
  helper: {
    days: string;
    count: string;
    amount: string;
    order: string;
    match: string;
    customer: string;
    day: string;
    units: string;
  };
}

export interface SalesFormulaPlan {
  parameters: ParameterCell[];
  hasNextContact: boolean;
  /** Formulas of the customer on sheet row `row` (without "="): totals and results on the sheet, keys on the helper. */
  customer(row: number): Record<"lastOrder" | "purchases" | "total" | "firstSale", string | undefined> & FormulaRow;
  /** Formulas of the sale on sheet row `row` (helper sheet, same row). */
  sale(row: number): Record<"match" | "customer" | "day" | "units", string>;
}

export interface SalesFormulaOptions {
  asOfDay: number;
  windowStartDay?: number;
  lang: Lang;
  /** The workbook counts dates from 1904 (old Mac workbooks): serial 0 is a date, and there is no 1900-02-29. */
  date1904?: boolean;
}

/** The comparisons true for a serial that is no calendar day, as the engine's dayFromSerial reads them (9999-12-31 is the last; 1900-02-29 none). */
const notADay = (day: string, date1904: boolean) =>
  date1904 ? `${day}<0,${day}>${LAST_SERIAL_1900 - 1462}` : `${day}<1,${day}>${LAST_SERIAL_1900},${day}=60`;
const LAST_SERIAL_1900 = 2_958_465;

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'!`;

/**
 * The sales-record formulas. Refused (CompileError) above MAX_SALES_FORMULA_CELLS sales × customers, and for quantile
 * profiles above the customer-table limit.
 */
export function compileSalesFormulas(
  ip: IntegerProfile,
  layout: SalesFormulaLayout,
  options: SalesFormulaOptions,
): SalesFormulaPlan {
  const sales = layout.lastSale - layout.firstSale + 1;
  const lastRow = layout.firstRow + Math.max(1, layout.customers) - 1;
  if (sales * layout.customers > MAX_SALES_FORMULA_CELLS) {
    throw new CompileError(
      "tooManySalesForFormulas",
      sales.toLocaleString("en-US"),
      layout.customers.toLocaleString("en-US"),
      MAX_SALES_FORMULA_CELLS.toLocaleString("en-US"),
    );
  }
  if (ip.method === "quantiles" && layout.customers > MAX_QUANTILE_FORMULA_ROWS) {
    throw new CompileError(
      "tooManyCustomersForFormulas",
      layout.customers.toLocaleString("en-US"),
      MAX_QUANTILE_FORMULA_ROWS.toLocaleString("en-US"),
    );
  }
  const { columns: c, helper: h } = layout;
  const customerLayout: FormulaSheetLayout = {
    sheet: layout.sheet,
    keySheet: layout.helperSheet,
    firstRow: layout.firstRow,
    lastRow,
    data: { date: c.last, count: c.purchases, total: c.amount },
    columnNames: { date: layout.salesColumnNames.date, amount: layout.salesColumnNames.amount },
    fromSales: ip.method === "quantiles" && ip.ties === "first" ? { order: h.order } : {},
    out: { ...resultLetters(c), days: h.days, count: h.count, amount: h.amount },
  };
  const plan = compileFormulas(ip, customerLayout, {
    asOfDay: options.asOfDay,
    lang: options.lang,
    sales: { windowStartDay: options.windowStartDay, moneyScale: SALES_MONEY_SCALE },
  });

  const helperAt = quote(layout.helperSheet);
  const salesAt = quote(layout.salesSheet);
  const saleRange = (col: string) => `${helperAt}$${col}$${layout.firstSale}:$${col}$${layout.lastSale}`;
  const ids = `${quote(layout.sheet)}$${c.id}$${layout.firstRow}:$${c.id}$${lastRow}`;

  const customer = (row: number) => {
    const k = row - layout.firstRow + 1;
    const mine = `${saleRange(h.customer)},${k}`;
    return {
      ...plan.row(row),
      purchases: `COUNTIF(${mine})`,
      lastOrder: `IF(${c.purchases}${row}=0,"",SUMPRODUCT(MAX((${saleRange(h.customer)}=${k})*${saleRange(h.day)})))`,
      total: `SUMIF(${mine},${saleRange(h.units)})/RFM_MoneyScale`,
      firstSale: customerLayout.fromSales?.order
        ? `IF(${c.purchases}${row}=0,"",MATCH(${k},${saleRange(h.customer)},0))`
        : undefined,
    };
  };

  const sale = (row: number) => {
    const id = `${salesAt}${layout.sales.id}${row}`,
      d = `${salesAt}${layout.sales.date}${row}`,
      a = `${salesAt}${layout.sales.amount}${row}`;
    const text = `${id}&""`;
    const escaped = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${text},"~","~~"),"*","~*"),"?","~?")`;
    const m = `${h.match}${row}`;
    // Every customer whose id is the sale's, letter for letter: ids in the list are distinct, so this is its position or 0.
    const exactSearch = `SUMPRODUCT(EXACT(${ids},${text})*(ROW(${ids})-${layout.firstRow - 1}))`;
    const position = `IF(${m}>0,IF(EXACT(INDEX(${ids},${m}),${text}),${m},${exactSearch}),${exactSearch})`;
    const day = `INT(${d})`;
    // RULES.md §8: a sale with an error, a blank or a text where the id, a date or a number belongs is left out; nested
    // IFs so that no comparison ever sees an error or a text.
    const customerFormula =
      `IF(OR(ISERROR(${id}),ISERROR(${d}),ISERROR(${a})),0,` +
      `IF(OR(TRIM(${text})="",NOT(ISNUMBER(${d})),NOT(ISNUMBER(${a}))),0,` +
      `IF(OR(${notADay(day, options.date1904 ?? false)},${day}>RFM_AsOf,${day}<RFM_Start),0,${position})))`;
    const kept = `${h.customer}${row}`;
    return {
      match: `IF(ISERROR(${id}),0,IFERROR(MATCH(${escaped},${ids},0),0))`,
      customer: customerFormula,
      day: `IF(${kept}=0,0,${day})`,
      units: `IF(${kept}=0,0,ROUND(${a}*RFM_MoneyScale,0))`,
    };
  };

  return { parameters: plan.parameters, hasNextContact: plan.hasNextContact, customer, sale };
}

/** The result columns' letters among the customer sheet's columns. */
function resultLetters(columns: SalesFormulaLayout["columns"]): Omit<FormulaLetters, FormulaKeyColumn> {
  const { id: _id, last: _last, purchases: _purchases, amount: _amount, ...results } = columns;
  return results;
}

/**
 * Whether formulas can add these amounts exactly: each a whole number of millionths and every customer's sum of
 * their sizes below 2^53 millionths. Otherwise CompileError "salesAmountsNotExact" (the values output stays exact).
 */
export function checkSalesAmounts(amounts: Iterable<{ customer: string; amount: number }>): void {
  const sizes = new Map<string, number>();
  for (const { customer, amount } of amounts) {
    const units = Math.round(amount * SALES_MONEY_SCALE);
    const size = (sizes.get(customer) ?? 0) + Math.abs(units);
    if (units / SALES_MONEY_SCALE !== amount || !Number.isSafeInteger(size)) {
      throw new CompileError("salesAmountsNotExact", String(amount));
    }
    sizes.set(customer, size);
  }
}

/**
 * The first sale the engine reads but the formulas would read otherwise, or null. The formulas read cells as the
 * spreadsheet types them: a date or an amount typed as text ("2025-06-01", "¥1,234") is a sale the engine counts
 * and the formulas would leave out, and an id with spaces around it (the engine trims) or a number id with decimals
 * would find no customer. The command line writes the cells typed, so this matters where formulas read the user's
 * own sheet (the task pane).
 */
export function firstSaleFormulasMisread(
  ids: ArrayLike<Cell>,
  dates: ArrayLike<Cell>,
  amounts: ArrayLike<Cell>,
  date1904 = false,
): { index: number; role: "id" | "date" | "amount"; value: string } | null {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i],
      date = dates[i],
      amount = amounts[i];
    if (cellError(id) || cellError(date) || cellError(amount)) continue;
    const text = idText(id);
    if (text === "" || parseDay(date, date1904) === null || Number.isNaN(cellNumber(amount))) continue; // left out by both
    if (typeof id === "string" ? id !== text : typeof id === "number" && !Number.isSafeInteger(id))
      return { index: i, role: "id", value: String(id) };
    if (typeof date === "string") return { index: i, role: "date", value: date };
    if (typeof amount === "string") return { index: i, role: "amount", value: amount };
  }
  return null;
}

/** The amount of every sale the engine can read (any date: a moved window may take it in), with its customer's id. */
export function* readableSaleAmounts(
  ids: ArrayLike<Cell>,
  dates: ArrayLike<Cell>,
  amounts: ArrayLike<Cell>,
  date1904 = false,
): Iterable<{ customer: string; amount: number }> {
  for (let i = 0; i < ids.length; i++) {
    if (cellError(ids[i])) continue;
    const id = idText(ids[i]),
      amount = cellNumber(amounts[i]);
    if (id === "" || Number.isNaN(amount) || parseDay(dates[i], date1904) === null) continue;
    yield { customer: id, amount };
  }
}
