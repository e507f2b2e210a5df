/**
 * The common path of RFM.GRADE / SCORE / CADENCE / SCORES: read the arguments, grade with the engine, and lay the
 * result out as the matrix Excel spills, one row per input row. A row that cannot be graded holds #VALUE! errors
 * carrying the engine's reason; a row that is blank in all three ranges stays blank (a formula filled down past the
 * end of the data); every other row holds its values.
 */
import { GradeError, ProfileError, gradeCustomers, isGraded, noteText } from "../engine";
import type { GradeResult, IssueCode, Lang, NoteContext, Role } from "../engine";
import { readAsOf, readColumns, readProfile, readUnit, requirePopulation } from "./formulaArguments";
import { FORMULA_TEXTS, FormulaInputError, RANGE_PARAMETERS, parameterName, type RangeRole } from "./formulaMessages";
import { uiLanguage, valueError, workbookUses1904 } from "./officeHost";

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

export interface FormulaGrading {
  result: GradeResult;
  lang: Lang;
}

export type RowValues = (grading: FormulaGrading, row: number) => unknown[];

export async function gradeArguments(args: GradingArguments, lang: Lang): Promise<FormulaGrading> {
  const columns = readColumns(args.lastOrderDate, args.purchases, args.amount);
  const profile = await readProfile(args.profile);
  const unit = readUnit(args.unit);
  requirePopulation(profile, columns.lastDates.length);
  const date1904 = await workbookUses1904();
  const asOf = readAsOf(args.asOf, date1904);
  const result = gradeCustomers(columns, profile, { asOf, unit, date1904 });
  return { result, lang };
}

/** Grades and builds the spilled matrix (`width` values per row). Never rejects with anything but an Excel error. */
export async function spillPerCustomer(args: GradingArguments, width: number, values: RowValues): Promise<unknown[][]> {
  const lang = uiLanguage();
  try {
    const grading = await gradeArguments(args, lang);
    const { result } = grading;
    const blank = blankRows(result);
    const note = noteContext(lang, result.n, args.dateAddress);
    const matrix: unknown[][] = new Array(result.n);
    for (let i = 0; i < result.n; i++) {
      if (blank[i]) matrix[i] = new Array<unknown>(width).fill("");
      else if (!isGraded(result, i)) matrix[i] = new Array<unknown>(width).fill(valueError(noteText(result, i, lang, note)));
      else matrix[i] = values(grading, i);
    }
    return matrix;
  } catch (err) {
    throw asFormulaError(err, lang);
  }
}

// A row is blank when the engine reports all three of its ranges missing (one bit each).
const MISSING_BITS: Partial<Record<IssueCode, number>> = { dateMissing: 1, countMissing: 2, totalMissing: 4 };

function blankRows(result: GradeResult): Uint8Array {
  const missing = new Uint8Array(result.n);
  for (const issue of result.issues) missing[issue.index] |= MISSING_BITS[issue.code] ?? 0;
  return missing.map((bits) => (bits === 7 ? 1 : 0));
}

/** Notes name the formula's parameter, and the sheet row when Excel gave the range's address. */
function noteContext(lang: Lang, rows: number, dateAddress: string | undefined): NoteContext {
  const firstRow = dateAddress ? firstRowOf(dateAddress) : undefined;
  return {
    // A single cell needs no row number: the error sits next to it.
    rowLabel: rows === 1 ? undefined : (index: number) => (firstRow === undefined ? index + 1 : firstRow + index),
    columnName: (role: Role) =>
      role in RANGE_PARAMETERS ? parameterName(RANGE_PARAMETERS[role as RangeRole], lang) : role,
  };
}

/** The first row number of an A1 address such as `Sheet1!$B$2:$B$200` or `'Q3 sales'!B2`. */
export function firstRowOf(address: string): number | undefined {
  const cells = address.slice(address.lastIndexOf("!") + 1);
  const match = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(cells);
  return match ? Number(match[1]) : undefined;
}

/** Any failure as the #VALUE! error Excel shows, with a message in the UI language. */
export function asFormulaError(err: unknown, lang: Lang): CustomFunctions.Error {
  if (typeof CustomFunctions !== "undefined" && err instanceof CustomFunctions.Error) return err;
  if (err instanceof FormulaInputError || err instanceof GradeError) return valueError(err.text[lang]);
  if (err instanceof ProfileError) {
    const details = err.issues.map((issue) => `${issue.field}: ${issue.message[lang]}`).join(lang === "zh" ? "；" : "; ");
    return valueError(FORMULA_TEXTS.badProfileDocument(details)[lang]);
  }
  const details = err instanceof Error ? err.message : String(err);
  return valueError(FORMULA_TEXTS.unexpected(details)[lang]);
}
