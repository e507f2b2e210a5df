import { statSync } from "fs";
import { extname, resolve } from "path";
import {
  DEFAULT_LANG,
  GradeError,
  gradeSales,
  LANGS,
  langOfTag,
  parseDateText,
  type GradeOptions,
  type InputKind,
  type Lang,
  type MonetaryUnit,
  type Profile,
  type Role,
} from "../engine";
import { ENCODING_CHOICES, encodingOf, type InputEncoding } from "./decodeInput";
import { isParquetPath } from "./duckdb/parquetInput";
import { loadProfile } from "./loadProfile";
import { PREVIOUS_TEXTS } from "./previousTexts";
import { formatOfPath, type FileFormat } from "./readTable";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";
import { checkOutputPath } from "./writeFailure";

/** The `grade` flags exactly as commander hands them over. */
export interface GradeFlags {
  profile?: string;
  asOf?: string;
  windowStart?: string;
  unit?: string;
  input?: string;
  map?: string[];
  lang?: string;
  out?: string;
  sheet?: string;
  encoding?: string;
  previous?: string;
  engine?: string;
}

/** A checked `grade` request: every flag turned into what the engine and the writers take. */
export interface GradeRequest {
  inputPath: string;
  sheet?: string;
  profile: Profile;
  /** asOf and windowStart as day numbers; date1904 is filled in from the workbook once read. */
  options: GradeOptions;
  kind?: InputKind;
  manual: Partial<Record<Role, string>>;
  lang: Lang;
  out?: { path: string; format: FileFormat };
  /** --encoding: the CSV input's encoding named by the user (otherwise it is detected). */
  encoding?: InputEncoding;
  /** An earlier result of the command to compare with (`--previous`). */
  previous?: string;
  /** `--engine`: who computes the grades (the results are the same); auto picks DuckDB for large files. */
  engine: EngineName;
}

const ROLES: readonly Role[] = ["id", "date", "count", "total", "amount"];
const UNITS: readonly MonetaryUnit[] = ["yuan", "wan"];
const KINDS: readonly InputKind[] = ["customers", "transactions"];
type EngineName = "auto" | "js" | "duckdb";
const ENGINES: readonly EngineName[] = ["auto", "js", "duckdb"];

/**
 * `--lang`, read first so that every later message is in the user's language: a language the product speaks, by its
 * id or any BCP 47 tag that selects it (en-GB, zh-CN, zh_CN; see src/i18n/languages.ts).
 */
export function langOf(flag: string | undefined): Lang {
  if (flag === undefined) return DEFAULT_LANG;
  const lang = langOfTag(flag);
  if (lang === undefined) throw new UsageError(USAGE_TEXTS.badChoice("--lang", flag, LANGS));
  return lang;
}

export function gradeRequest(input: string | undefined, flags: GradeFlags): GradeRequest {
  const lang = langOf(flags.lang);
  if (input === undefined || input.trim() === "") throw new UsageError(USAGE_TEXTS.noInput());
  if (formatOfPath(input) === null && !isParquetPath(input)) throw new UsageError(USAGE_TEXTS.unknownFileType(input));
  if (flags.profile === undefined) throw new UsageError(USAGE_TEXTS.noProfile());
  const profile = loadProfile(flags.profile);
  const options: GradeOptions = {
    asOf: dayFlag("--as-of", flags.asOf),
    windowStart: dayFlag("--window-start", flags.windowStart),
    unit: choice("--unit", flags.unit, UNITS),
  };
  checkAgainstProfile(profile, options);
  return {
    inputPath: input,
    sheet: flags.sheet,
    profile,
    options,
    kind: choice("--input", flags.input, KINDS),
    manual: manualColumns(flags.map ?? []),
    lang,
    out: flags.out === undefined ? undefined : outTarget(flags.out, input),
    encoding: encodingFlag(flags.encoding, input),
    previous: flags.previous === undefined ? undefined : previousFile(flags.previous),
    engine: choice("--engine", flags.engine, ENGINES) ?? "auto",
  };
}

function previousFile(path: string): string {
  if (formatOfPath(path) === null) throw new UsageError(PREVIOUS_TEXTS.badType(path));
  return path;
}

export function encodingFlag(value: string | undefined, input: string): InputEncoding | undefined {
  if (value === undefined) return undefined;
  if (formatOfPath(input) !== "csv") throw new UsageError(USAGE_TEXTS.encodingOnlyForCsv());
  const encoding = encodingOf(value);
  if (!encoding) throw new UsageError(USAGE_TEXTS.badChoice("--encoding", value, ENCODING_CHOICES));
  return encoding;
}

export function dayFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const day = parseDateText(value);
  if (day === null) throw new UsageError(USAGE_TEXTS.badDateFlag(flag, value));
  return day;
}

export function choice<T extends string>(
  flag: string,
  value: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  const found = choices.find((c) => c === v);
  if (!found) throw new UsageError(USAGE_TEXTS.badChoice(flag, value, choices));
  return found;
}

/**
 * The engine decides whether the dates make a valid request (a profile without a default needs --as-of, the window
 * must start before the as-of date); asking it with no rows finds out before a large file is read.
 */
function checkAgainstProfile(profile: Profile, options: GradeOptions): void {
  try {
    gradeSales({ ids: [], dates: [], amounts: [] }, profile, options);
  } catch (err) {
    if (!(err instanceof GradeError)) throw err;
    if (err.code === "asOfMissing") throw new UsageError(USAGE_TEXTS.asOfMissing(profile.id));
    throw new UsageError(err.text);
  }
}

/** `--map ROLE=HEADER`, repeatable. */
export function manualColumns(entries: readonly string[]): Partial<Record<Role, string>> {
  const manual: Partial<Record<Role, string>> = {};
  for (const entry of entries) {
    const eq = entry.indexOf("=");
    const role = ROLES.find((r) => r === entry.slice(0, Math.max(eq, 0)).trim().toLowerCase());
    const header = entry.slice(eq + 1).trim();
    if (eq < 0 || !role || header === "") throw new UsageError(USAGE_TEXTS.badMap(entry, ROLES));
    if (manual[role] !== undefined) throw new UsageError(USAGE_TEXTS.mapRoleTwice(role));
    manual[role] = header;
  }
  return manual;
}

export function outTarget(path: string, input: string): { path: string; format: FileFormat } {
  const format = formatOfPath(path);
  // Results are CSV or a workbook; a macro-enabled name (.xlsm) on a plain workbook would not open in Excel.
  if (format === null || ![".csv", ".xlsx"].includes(extname(path).toLowerCase()))
    throw new UsageError(USAGE_TEXTS.badOutType(path));
  if (resolve(path) === resolve(input) || isSameFile(path, input)) throw new UsageError(USAGE_TEXTS.outSameAsInput());
  // A folder in the way, or no folder to write in, is said before a large file is read and graded.
  checkOutputPath(path);
  return { path, format };
}

/**
 * True when two paths reach one file: through a symbolic link to the file or to a folder on its path, a hard link, or
 * another spelling of the name on a case-insensitive disk. Names cannot tell; the file system's device and inode can.
 */
function isSameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a),
      y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false; // one of them does not exist (yet): writing it cannot replace the other
  }
}
