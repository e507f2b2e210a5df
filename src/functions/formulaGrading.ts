/**
 * The common path of RFM.GRADE / SCORE / CADENCE / SCORES: read the arguments, grade with the engine, and lay the
 * result out as the matrix Excel spills, one row per data row of the ranges. A row that cannot be graded holds
 * #VALUE! errors carrying the engine's reason; a row empty in all three ranges stays blank (a formula filled down
 * past the end of the data); a header row at the top of the ranges gets the result columns' titles; the empty rows
 * below the data (a whole column such as B:B) are left out.
 */
import { punctuation } from "../engine";
import { dayToSerial, GradeError, ProfileError, gradeCustomers, isGraded, noteText, resultCell } from "../engine";
import type { Lang, NoteContext, ResultColumn, ResultRows, Role } from "../engine";
import { readAsOf, readProfile, readUnit, requirePopulation } from "./formulaArguments";
import {
  CUSTOMER_RANGES,
  FORMULA_TEXTS,
  FormulaInputError,
  parameterName,
  type RangeParameter,
} from "./formulaMessages";
import { readRanges } from "./formulaRanges";
import { uiLanguage, valueError, workbookUses1904 } from "./officeHost";
import { refuseLargeRangesOnTheWeb, refuseLargeResultOnTheWeb } from "./webLimits";

/** The customer-level functions' default profile. */
const DEFAULT_PROFILE_ID = "shaoxing";

/** The arguments every grading function takes, exactly as Excel passes them (null for an omitted optional one). */
export interface GradingArguments {
  lastOrderDate: unknown;
  purchases: unknown;
  amount: unknown;
  profile: unknown;
  asOf: unknown;
  unit: unknown;
  /** Address of the last_order_date range (`Sheet1!B2:B200`) when Excel supplies it, to name real sheet rows. */
  dateAddress?: string;
}

/**
 * A graded row's cells in `columns` as a spill holds them: exact decimals as the nearest double, dates as serials of
 * the workbook's date system, "" for an empty cell (see blankRow).
 */
export function spillCells(
  columns: readonly ResultColumn[],
  rows: ResultRows,
  i: number,
  date1904: boolean,
): unknown[] {
  return columns.map((column) => {
    const v = resultCell(column, column.value(rows, i));
    if (v === null) return "";
    return column.kind === "date" ? dayToSerial(v as number, date1904) : v;
  });
}

/**
 * Grades and builds the spilled matrix of the result columns `columns` (the engine's declaration: one column for
 * RFM.GRADE, SCORE and CADENCE, the spill columns for RFM.SCORES). Never rejects with anything but an Excel error.
 */
export async function spillPerCustomer(args: GradingArguments, columns: readonly ResultColumn[]): Promise<unknown[][]> {
  const lang = uiLanguage();
  const width = columns.length;
  try {
    const rangeArgs = [args.lastOrderDate, args.purchases, args.amount];
    // Excel on the web: said before a million cells are read (see webLimits.ts); desktop takes whole columns.
    refuseLargeRangesOnTheWeb(rangeArgs);
    const ranges = readRanges(rangeArgs, CUSTOMER_RANGES, "GRADE");
    const profile = await readProfile(args.profile, DEFAULT_PROFILE_ID);
    const unit = readUnit(args.unit);
    const customers = ranges.rows - countOf(ranges.empty);
    if (customers > 0) requirePopulation(profile, customers);
    const date1904 = await workbookUses1904();
    const asOf = readAsOf(args.asOf, date1904);
    const [lastDates, counts, totals] = ranges.columns;
    const result = gradeCustomers({ lastDates, counts, totals }, profile, { asOf, unit, date1904 });
    const rows: ResultRows = { res: result, lang };

    const matrix: unknown[][] = [];
    if (ranges.headerRows > 0) matrix.push(columns.map((c) => c.header[lang]));
    let note: NoteContext | undefined; // made for the first row not graded (most calls have none)
    for (let i = 0; i < result.n; i++) {
      if (ranges.empty[i]) matrix.push(blankRow(width));
      else if (isGraded(result, i)) matrix.push(spillCells(columns, rows, i, date1904));
      else {
        note ??= noteContext(lang, ranges.height, ranges.headerRows, args.dateAddress, CUSTOMER_RANGES);
        matrix.push(new Array<unknown>(width).fill(valueError(noteText(result, i, lang, note))));
      }
    }
    // Nothing at all in the ranges: one blank cell, as a formula over empty cells shows.
    if (matrix.length === 0) matrix.push(blankRow(width));
    refuseLargeResultOnTheWeb(matrix, false);
    return matrix;
  } catch (err) {
    throw asFormulaError(err, lang);
  }
}

/** "" rather than null: Excel shows a null inside a returned matrix as 0 (OfficeDev/office-js#1503). */
export function blankRow(width: number): unknown[] {
  return new Array<unknown>(width).fill("");
}

export function countOf(flags: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i];
  return n;
}

/**
 * Notes name the formula's parameter, and the sheet row when Excel gave the range's address (else the row within
 * the range). `rangeRows` is the height of the ranges; data row i is range row i + headerRows.
 */
export function noteContext(
  lang: Lang,
  rangeRows: number,
  headerRows: number,
  address: string | undefined,
  parameters: readonly RangeParameter[],
  functionId?: string,
): NoteContext {
  const firstRow = address ? firstRowOf(address) : undefined;
  const names = new Map(parameters.map((p) => [p.role, p.name]));
  return {
    // A single cell needs no row number: the error sits next to it.
    rowLabel: rangeRows === 1 ? undefined : (index: number) => (firstRow ?? 1) + headerRows + index,
    columnName: (role: Role) => {
      const name = names.get(role);
      return name === undefined ? role : parameterName(name, lang, functionId);
    },
  };
}

/** The first row number of an A1 address such as `Sheet1!$B$2:$B$200`, `'Q3 sales'!B2`, or 1 for `Sheet1!B:B`. */
export function firstRowOf(address: string): number | undefined {
  const cells = address.slice(address.lastIndexOf("!") + 1);
  const match = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(cells);
  if (match) return Number(match[1]);
  return /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/.test(cells) ? 1 : undefined;
}

/** Any failure as the #VALUE! error Excel shows, with a message in the UI language. */
export function asFormulaError(err: unknown, lang: Lang): CustomFunctions.Error {
  if (typeof CustomFunctions !== "undefined" && err instanceof CustomFunctions.Error) return err;
  if (err instanceof FormulaInputError || err instanceof GradeError) return valueError(err.text[lang]);
  if (err instanceof ProfileError) {
    const details = err.issues
      .map((issue) => `${issue.field}: ${issue.message[lang]}`)
      .join(punctuation(lang).semicolon);
    return valueError(FORMULA_TEXTS.badProfileDocument(details)[lang]);
  }
  const details = err instanceof Error ? err.message : String(err);
  return valueError(FORMULA_TEXTS.unexpected(details)[lang]);
}
