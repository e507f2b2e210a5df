/** Turning what Excel hands a custom function into engine input: columns, a profile, an as-of date, a unit. */
import { GradeError, parseDay } from "../engine";
import type { MonetaryUnit, Profile } from "../engine";
import { FORMULA_TEXTS, FormulaInputError, RANGE_PARAMETERS, type RangeRole } from "./formulaMessages";
import { availableProfiles, resolveProfile } from "./profileSource";

export const DEFAULT_PROFILE_ID = "shaoxing";

/** One cell (a scalar, or a 1x1 matrix) or a one-column range, as a column of cells. */
export function toColumn(arg: unknown, role: RangeRole): unknown[] {
  if (!Array.isArray(arg)) return [arg];
  const column: unknown[] = new Array(arg.length);
  for (let i = 0; i < arg.length; i++) {
    const row: unknown = arg[i];
    if (!Array.isArray(row)) {
      column[i] = row;
      continue;
    }
    if (row.length !== 1) throw new FormulaInputError(FORMULA_TEXTS.notOneColumn(RANGE_PARAMETERS[role], row.length));
    column[i] = row[0];
  }
  return column;
}

export interface FormulaColumns {
  lastDates: unknown[];
  counts: unknown[];
  totals: unknown[];
}

export function readColumns(lastOrderDate: unknown, purchases: unknown, amount: unknown): FormulaColumns {
  const lastDates = toColumn(lastOrderDate, "date");
  const counts = toColumn(purchases, "count");
  const totals = toColumn(amount, "total");
  const heights = [lastDates.length, counts.length, totals.length];
  if (heights[0] !== heights[1] || heights[0] !== heights[2]) {
    throw new FormulaInputError(FORMULA_TEXTS.heightsDiffer(heights));
  }
  if (heights[0] === 0) throw new FormulaInputError(FORMULA_TEXTS.noRows());
  return { lastDates, counts, totals };
}

/** Omitted (null) or blank means the default profile. */
export async function readProfile(arg: unknown): Promise<Profile> {
  const id = arg === null || arg === undefined ? "" : String(arg).trim();
  if (id === "") return requireProfile(DEFAULT_PROFILE_ID);
  return requireProfile(id);
}

async function requireProfile(id: string): Promise<Profile> {
  const profile = await resolveProfile(id);
  if (profile) return profile;
  const ids = (await availableProfiles()).map((p) => p.id);
  throw new FormulaInputError(FORMULA_TEXTS.unknownProfile(id, ids));
}

/** A quintile profile ranks the population it is given: a single row is no population. */
export function requirePopulation(profile: Profile, rows: number): void {
  if (profile.method === "quantiles" && rows < 2) throw new GradeError("quantileNeedsPopulation");
}

/**
 * The as-of date for the engine: a day number when the engine's date reader understands the argument (a serial in
 * the workbook's date system, with any time of day, or date text); otherwise the text itself, so the engine reports
 * it as an invalid analysis date. Omitted means the profile's default.
 */
export function readAsOf(arg: unknown, date1904: boolean): string | number | undefined {
  if (arg === null || arg === undefined || arg === "") return undefined;
  const day = parseDay(arg, date1904);
  return day !== null ? day : String(arg);
}

const UNIT_WORDS: Record<string, MonetaryUnit> = { yuan: "yuan", "元": "yuan", wan: "wan", "万": "wan", "万元": "wan" };

/** Omitted means the profile's own unit. Accepts the Chinese words too (元, 万元). */
export function readUnit(arg: unknown): MonetaryUnit | undefined {
  if (arg === null || arg === undefined || arg === "") return undefined;
  const unit = UNIT_WORDS[String(arg).trim().toLowerCase()];
  if (!unit) throw new FormulaInputError(FORMULA_TEXTS.badUnit(String(arg)));
  return unit;
}
