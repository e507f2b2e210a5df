import { CLI_TEXTS } from "../i18n/cli";
import {
  CompileError,
  compileSql,
  GradeError,
  localizedView,
  SQL_DIALECTS,
  type InputKind,
  type MonetaryUnit,
} from "../engine";
import { langOf, manualColumns } from "./gradeRequest";
import { loadProfile } from "./loadProfile";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

/** The `sql` flags exactly as commander hands them over. */
export interface SqlFlags {
  profile?: string;
  dialect?: string;
  input?: string;
  table?: string;
  map?: string[];
  asOf?: string;
  windowStart?: string;
  unit?: string;
  order?: string;
  lang?: string;
}

const KINDS: readonly InputKind[] = ["customers", "transactions"];
const UNITS: readonly MonetaryUnit[] = ["yuan", "wan"];

const FIRST_NEEDS_ORDER = localizedView(CLI_TEXTS, (t) => t.sql.firstNeedsOrder);

/** `rfm sql --profile P [...]`: the query that grades a database table with the profile, as text. */
export function sqlText(flags: SqlFlags): string {
  langOf(flags.lang);
  if (flags.profile === undefined) throw new UsageError(USAGE_TEXTS.noProfile());
  const profile = loadProfile(flags.profile);
  const columns = manualColumns(flags.map ?? []);
  try {
    return compileSql(profile, {
      dialect: choice("--dialect", flags.dialect, SQL_DIALECTS) ?? "duckdb",
      input: choice("--input", flags.input, KINDS),
      table: nonEmpty("--table", flags.table),
      columns,
      asOf: dateFlag("--as-of", flags.asOf),
      windowStart: dateFlag("--window-start", flags.windowStart),
      unit: choice("--unit", flags.unit, UNITS),
      order: nonEmpty("--order", flags.order),
      lang: langOf(flags.lang),
    });
  } catch (err) {
    if (err instanceof GradeError) {
      throw new UsageError(err.code === "asOfMissing" ? USAGE_TEXTS.asOfMissing(profile.id) : err.text);
    }
    if (err instanceof CompileError)
      throw new UsageError(err.code === "firstNeedsOrder" ? FIRST_NEEDS_ORDER : err.text);
    throw err;
  }
}

function choice<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = choices.find((c) => c === value.trim().toLowerCase());
  if (!found) throw new UsageError(USAGE_TEXTS.badChoice(flag, value, choices));
  return found;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "") throw new UsageError(USAGE_TEXTS.badChoice(flag, value, ["NAME"]));
  return value.trim();
}

function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) throw new UsageError(USAGE_TEXTS.badDateFlag(flag, value));
  return value.trim();
}
