/** Turning what Excel hands a custom function into engine input: columns, a profile, an as-of date, a unit. */
import { builtinProfile, cellError, GradeError, isBlank, parseDay } from "../engine";
import type { MonetaryUnit, Profile } from "../engine";
import { engineCell } from "./cellValues";
import { FORMULA_TEXTS, FormulaInputError } from "./formulaMessages";
import { availableProfiles, resolveProfile } from "./profileSource";

/**
 * Omitted (null) or blank means the function's default profile. A built-in id is answered at once: every profile
 * source puts the built-ins first (their ids cannot be stored in a workbook), and a sheet of single-cell formulas
 * asks this once per cell.
 */
export function readProfile(arg: unknown, defaultId: string): Profile | Promise<Profile> {
  const id = arg === null || arg === undefined ? "" : String(arg).trim();
  const wanted = id === "" ? defaultId : id;
  return builtinProfile(wanted) ?? requireProfile(wanted);
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
 * A date argument (as_of, window_start) for the engine: a day number when the engine's date reader understands it (a
 * serial in the workbook's date system, with any time of day, or date text; a formatted number's value); otherwise
 * its text, so the engine reports it as an invalid date. Omitted (or an empty cell) means the profile's default. A cell holding an
 * Excel error is refused naming the parameter (`parameter`, as the formula shows it).
 */
export function readDateArgument(
  arg: unknown,
  date1904: boolean,
  parameter: string,
  functionId?: string,
): string | number | undefined {
  const cell = engineCell(arg);
  // 0 is how desktop builds before the 2024 fix pass an empty cell (OfficeDev/office-js#4702); as a date it would be
  // 1900-01-00 or 1904-01-01, never an analysis date, so it means "omitted" as an empty cell does.
  if (cell === 0 || isBlank(cell)) return undefined;
  const error = cellError(cell);
  if (error) throw new FormulaInputError(FORMULA_TEXTS.argumentIsError(parameter, error, functionId));
  const day = parseDay(cell, date1904);
  return day !== null ? day : String(cell);
}

/** The as-of date of the customer-level functions (see readDateArgument). */
export function readAsOf(arg: unknown, date1904: boolean): string | number | undefined {
  return readDateArgument(arg, date1904, "as_of");
}

const UNIT_WORDS: Record<string, MonetaryUnit> = { yuan: "yuan", 元: "yuan", wan: "wan", 万: "wan", 万元: "wan" };

/** Omitted means the profile's own unit. Accepts the Chinese words too (元, 万元). */
export function readUnit(arg: unknown): MonetaryUnit | undefined {
  if (arg === null || arg === undefined || arg === "") return undefined;
  const unit = UNIT_WORDS[String(arg).trim().toLowerCase()];
  if (!unit) throw new FormulaInputError(FORMULA_TEXTS.badUnit(String(arg)));
  return unit;
}
