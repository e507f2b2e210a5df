/**
 * RFM.SALES: sales records (customer, order date, amount) graded by the engine's sales-record rules (gradeSales: the
 * window, refunds, unreadable sales skipped, quintiles over the customers graded), laid out as the matrix Excel
 * spills: one row per customer in order of first appearance —
 *   the engine's customer columns (customer, last order date as a date serial in the workbook's date system,
 *   purchases, amount), then its spill columns (R, F, M, score, grade, cadence; new ones at the end)
 * — then one row per sale the rules skipped as unreadable, so that none is dropped unseen: its customer (when
 * readable) and #VALUE! cells whose message names the sheet row, the column and the problem.
 */
import { punctuation } from "../engine";
import {
  cellError,
  CUSTOMER_COLUMNS,
  dayToSerial,
  formatIssue,
  gradeSales,
  isBlank,
  isGraded,
  noteText,
  SPILL_COLUMNS,
} from "../engine";
import type { GradeResult, Lang, NoteContext, ResultRows, RowIssue } from "../engine";
import { readDateArgument, readProfile, readUnit, requirePopulation } from "./formulaArguments";
import { asFormulaError, blankRow, countOf, noteContext, spillCells } from "./formulaGrading";
import { FORMULA_TEXTS, SALES_RANGES } from "./formulaMessages";
import { readRanges } from "./formulaRanges";
import { uiLanguage, valueError, workbookUses1904 } from "./officeHost";
import { refuseLargeRangesOnTheWeb, refuseLargeResultOnTheWeb } from "./webLimits";

const SALES_FUNCTION_ID = "SALES";
/** The Wuhan rules are the built-in profile made for sales records. */
const SALES_DEFAULT_PROFILE_ID = "wuhan";
/** The customer columns, then the spill columns. */
const SALES_WIDTH = CUSTOMER_COLUMNS.length + SPILL_COLUMNS.length;
/**
 * Sales that cannot be read are listed one per row up to this many; past it one row counts the rest. A column of
 * dates Excel does not hold as dates would otherwise spill a million error rows that nobody can act on.
 */
const MAX_LISTED_SKIPPED_SALES = 1000;

/** RFM.SALES's arguments exactly as Excel passes them (null for an omitted optional one). */
export interface SalesArguments {
  customer: unknown;
  orderDate: unknown;
  amount: unknown;
  profile: unknown;
  asOf: unknown;
  windowStart: unknown;
  unit: unknown;
  headers: unknown;
  /** Address of the customer range (`Sheet1!A2:A5000`) when Excel supplies it, to name real sheet rows. */
  customerAddress?: string;
}

/** Grades and builds the spilled matrix. Never rejects with anything but an Excel error. */
export async function salesSpill(args: SalesArguments): Promise<unknown[][]> {
  const lang = uiLanguage();
  try {
    const rangeArgs = [args.customer, args.orderDate, args.amount];
    // Excel on the web: said before a million cells are read (see webLimits.ts); desktop takes whole columns.
    refuseLargeRangesOnTheWeb(rangeArgs);
    const ranges = readRanges(rangeArgs, SALES_RANGES, SALES_FUNCTION_ID);
    const profile = await readProfile(args.profile, SALES_DEFAULT_PROFILE_ID);
    const unit = readUnit(args.unit);
    // One sale in one cell is the single-cell trap of quintile profiles: it would rank a customer against itself.
    if (ranges.rows - countOf(ranges.empty) === 1) requirePopulation(profile, 1);
    const date1904 = await workbookUses1904();
    const asOf = readDateArgument(args.asOf, date1904, "as_of", SALES_FUNCTION_ID);
    const windowStart = readDateArgument(args.windowStart, date1904, "window_start", SALES_FUNCTION_ID);
    const [ids, dates, amounts] = ranges.columns;
    const result = gradeSales({ ids, dates, amounts }, profile, { asOf, windowStart, unit, date1904 });

    const matrix: unknown[][] = [];
    if (wantsHeaders(args.headers)) matrix.push([...CUSTOMER_COLUMNS, ...SPILL_COLUMNS].map((c) => c.header[lang]));
    // A customer's row is made by the function: its notes name the column only.
    const customerNotes = noteContext(lang, 1, 0, undefined, SALES_RANGES, SALES_FUNCTION_ID);
    for (let j = 0; j < result.n; j++) matrix.push(customerRow(result, j, ids, date1904, lang, customerNotes));
    const saleNotes = noteContext(
      lang,
      ranges.height,
      ranges.headerRows,
      args.customerAddress,
      SALES_RANGES,
      SALES_FUNCTION_ID,
    );
    let skipped = 0;
    let firstUnlisted = -1;
    for (const rows of skippedSales(result.saleIssues ?? [], ranges.empty)) {
      if (skipped++ < MAX_LISTED_SKIPPED_SALES) matrix.push(skippedSaleRow(rows, ids[rows[0].index], lang, saleNotes));
      else if (firstUnlisted < 0) firstUnlisted = rows[0].index;
    }
    if (firstUnlisted >= 0) {
      const more = skipped - MAX_LISTED_SKIPPED_SALES;
      const row = saleNotes.rowLabel?.(firstUnlisted) ?? firstUnlisted + 1;
      matrix.push([
        "",
        ...new Array<unknown>(SALES_WIDTH - 1).fill(valueError(FORMULA_TEXTS.moreSkippedSales(more, row)[lang])),
      ]);
    }
    if (matrix.length === 0) matrix.push(blankRow(SALES_WIDTH));
    refuseLargeResultOnTheWeb(matrix, true);
    return matrix;
  } catch (err) {
    throw asFormulaError(err, lang);
  }
}

function wantsHeaders(arg: unknown): boolean {
  return (
    arg === true ||
    (typeof arg === "number" && arg !== 0) ||
    (typeof arg === "string" && /^(true|1)$/i.test(arg.trim()))
  );
}

function customerRow(
  res: GradeResult,
  j: number,
  ids: unknown[],
  date1904: boolean,
  lang: Lang,
  notes: NoteContext,
): unknown[] {
  const customers = res.customers!;
  const row = CUSTOMER_COLUMNS.map((column) => {
    // The customer as the sheet holds it (a number stays a number), so lookups against the source column match.
    if (column.id === "customer")
      return customerValue(
        customers.ids.at(j) ?? "",
        customers.firstSale[j] >= 0 ? ids[customers.firstSale[j]] : undefined,
      );
    const v = column.value(customers, j);
    if (v === null) return "";
    return column.kind === "date" ? dayToSerial(v as number, date1904) : v;
  });
  if (!isGraded(res, j))
    return [...row, ...new Array<unknown>(SPILL_COLUMNS.length).fill(valueError(noteText(res, j, lang, notes)))];
  const rows: ResultRows = { res, lang };
  return [...row, ...spillCells(SPILL_COLUMNS, rows, j, date1904)];
}

/**
 * The customer as the sheet holds it, so lookups against the source column match: a number stays a number. The
 * engine keys customers by text (1001 and "1001" are one customer); its first kept sale tells the cell's type, and
 * a customer without one (no sale in the window) is a number when its text is a number's own spelling.
 */
function customerValue(id: string, firstCell: unknown): string | number {
  if (typeof firstCell === "number") return firstCell;
  if (firstCell !== undefined) return id;
  const n = Number(id);
  return id !== "" && Number.isFinite(n) && String(n) === id ? n : id;
}

/** The engine's notes on skipped sales grouped per sale (they come in sale order), empty rows left out. */
function* skippedSales(issues: readonly RowIssue[], empty: Uint8Array): Generator<RowIssue[]> {
  let group: RowIssue[] = [];
  for (const issue of issues) {
    if (empty[issue.index]) continue;
    if (group.length > 0 && group[0].index !== issue.index) {
      yield group;
      group = [];
    }
    group.push(issue);
  }
  if (group.length > 0) yield group;
}

function skippedSaleRow(issues: RowIssue[], idCell: unknown, lang: Lang, notes: NoteContext): unknown[] {
  const reasons = issues.map((issue) => formatIssue(issue, lang, notes)).join(punctuation(lang).semicolon);
  const error = valueError(FORMULA_TEXTS.skippedSale(reasons)[lang]);
  const idReadable = !isBlank(idCell) && cellError(idCell) === null && typeof idCell !== "object";
  const row: unknown[] = [idReadable ? idCell : error];
  for (let k = 1; k < SALES_WIDTH; k++) row.push(error);
  return row;
}
