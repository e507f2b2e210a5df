/**
 * `rfm history SALES --profile P --every month|quarter --from YYYY-MM --to YYYY-MM [--window-start D] -o OUT`: grades
 * sales records at each month or quarter end with the engine's grade history (RULES.md §13) and writes one row per
 * customer (a grade per period end) and the transitions between consecutive period ends: as an .xlsx workbook (history,
 * transitions, summary with a chart) or as two CSV files (OUT.csv and OUT-transitions.csv).
 */
import { basename, dirname, extname, join } from "path";
import {
  formatDay,
  formatIssue,
  punctuation,
  GradeError,
  gradeHistory,
  gradedAtText,
  historyCustomers,
  periodEnds,
  periodLabel,
  profileName,
  todayDay,
  type GradeHistory,
  type HistoryStep,
  type Lang,
  type MonetaryUnit,
  type NoteContext,
  type Profile,
  type Role,
  type UnitChoice,
  type Localized,
} from "../engine";
import { writeAtomically } from "./atomicWrite";
import type { InputEncoding } from "./decodeInput";
import { choice, dayFlag, encodingFlag, langOf, manualColumns, outTarget } from "./gradeRequest";
import { findColumns } from "./gradeTable";
import { writeHistoryCsv } from "./historyCsv";
import { loadProfile } from "./loadProfile";
import { packageVersion } from "./packageVersion";
import { progressOn } from "./progress";
import { formatOfPath, readTable, type FileFormat } from "./readTable";
import { HISTORY_TEXTS, SUMMARY_TEXTS, UNIT_NAMES, USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

/** The `history` flags exactly as commander hands them over. */
export interface HistoryFlags {
  profile?: string;
  every?: string;
  from?: string;
  to?: string;
  windowStart?: string;
  unit?: string;
  map?: string[];
  lang?: string;
  out?: string;
  sheet?: string;
  encoding?: string;
}

interface HistoryRequest {
  inputPath: string;
  profile: Profile;
  step: HistoryStep;
  from: string;
  to: string;
  ends: number[];
  windowStart?: number;
  unit?: MonetaryUnit;
  manual: Partial<Record<Role, string>>;
  lang: Lang;
  out: { path: string; format: FileFormat };
  sheet?: string;
  encoding?: InputEncoding;
}

const STEPS: readonly HistoryStep[] = ["month", "quarter"];
/** An .xlsx sheet has 16,384 columns; a history this long is far past what anyone reads. */
const MAX_PERIODS = 1200;
/** Unreadable sales named one by one in the summary; the rest are counted. */
const SKIPPED_SALES_LISTED = 10;
/** An Excel sheet has 1,048,576 rows; one holds the header. */
const XLSX_MAX_DATA_ROWS = 1_048_575;

/** `--from` / `--to`: a month as YYYY-MM (also YYYY/MM, YYYY-M). */
function monthFlag(flag: string, value: string | undefined): { year: number; month: number } {
  if (value === undefined) throw new UsageError(USAGE_TEXTS.monthFlagMissing(flag));
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$/.exec(value);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new UsageError(USAGE_TEXTS.badMonthFlag(flag, value));
  return { year: Number(m[1]), month };
}

const monthText = (m: { year: number; month: number }) => `${m.year}-${String(m.month).padStart(2, "0")}`;

function historyRequest(input: string | undefined, flags: HistoryFlags): HistoryRequest {
  const lang = langOf(flags.lang);
  if (input === undefined || input.trim() === "") throw new UsageError(USAGE_TEXTS.noInput());
  if (formatOfPath(input) === null) throw new UsageError(USAGE_TEXTS.unknownFileType(input));
  if (flags.profile === undefined) throw new UsageError(USAGE_TEXTS.noProfile());
  const profile = loadProfile(flags.profile);
  const step = choice("--every", flags.every ?? "month", STEPS)!;
  const from = monthFlag("--from", flags.from);
  const to = monthFlag("--to", flags.to);
  if (to.year * 12 + to.month < from.year * 12 + from.month)
    throw new UsageError(USAGE_TEXTS.monthsReversed(monthText(from), monthText(to)));
  const ends = periodEnds(step, from, to);
  if (ends.length === 0) throw new UsageError(USAGE_TEXTS.noQuarterEnd(monthText(from), monthText(to)));
  if (ends.length > MAX_PERIODS) throw new UsageError(USAGE_TEXTS.tooManyPeriods(ends.length, MAX_PERIODS));
  const windowStart = dayFlag("--window-start", flags.windowStart) ?? dayFlag("windowStart", profile.windowStart);
  if (windowStart !== undefined && windowStart > ends[0]) {
    throw new UsageError(USAGE_TEXTS.firstEndBeforeWindow(formatDay(ends[0]), formatDay(windowStart)));
  }
  if (flags.out === undefined) throw new UsageError(USAGE_TEXTS.historyNeedsOut());
  const out = outTarget(flags.out, input);
  if (out.format === "csv") outTarget(transitionsPath(out.path), input);
  return {
    inputPath: input,
    profile,
    step,
    from: monthText(from),
    to: monthText(to),
    ends,
    windowStart,
    unit: choice("--unit", flags.unit, ["yuan", "wan"] as const),
    manual: manualColumns(flags.map ?? []),
    lang,
    out,
    sheet: flags.sheet,
    encoding: encodingFlag(flags.encoding, input),
  };
}

/** The file the transitions go to beside a CSV history: OUT.csv → OUT-transitions.csv. */
function transitionsPath(out: string): string {
  const ext = extname(out);
  return join(dirname(out), `${basename(out, ext)}-transitions${ext}`);
}

export interface HistoryRun {
  history: GradeHistory;
  unit: UnitChoice;
  moneyHeader: string;
}

export async function runHistory(input: string | undefined, flags: HistoryFlags): Promise<HistoryRun> {
  const req = historyRequest(input, flags);
  const { lang } = req;
  const progress = progressOn(process.stderr, lang);
  progress.step(SUMMARY_TEXTS.reading);
  const { table: read, warnings } = await readTable(req.inputPath, req.sheet, req.encoding);
  // A customer table (it has a purchase count) has no sales to follow over time.
  const asGiven = findColumnsOrNull(read, req);
  if (asGiven?.kind === "customers") throw new UsageError(USAGE_TEXTS.historyNeedsSales(asGiven.columnName("count")));
  const found = findColumns(read, req.manual, "transactions", req.profile.monetaryUnit, req.unit);
  progress.step(SUMMARY_TEXTS.grading);
  let history: GradeHistory;
  try {
    history = gradeHistory(
      { ids: found.column("id")!, dates: found.column("date")!, amounts: found.column("amount")! },
      req.profile,
      req.ends,
      { windowStart: req.windowStart, unit: found.unit.unit, date1904: found.table.date1904 },
    );
  } catch (err) {
    if (err instanceof GradeError) throw new UsageError(err.text);
    throw err;
  }
  const listed = historyCustomers(history);
  const moneyHeader = found.columnName("amount");
  const sheetName = found.table.sheetName ? ` [${found.table.sheetName}]` : "";
  const out = req.out;
  // A write error is the one-line error naming its file (writeAtomically, writeFailure).
  if (out.format === "xlsx") {
    if (listed.length > XLSX_MAX_DATA_ROWS)
      throw new UsageError(USAGE_TEXTS.tooManyRowsForXlsx(listed.length, XLSX_MAX_DATA_ROWS));
    const { writeHistoryXlsx } = await import("./xlsx/historyWorkbook");
    const now = new Date();
    await writeAtomically(out.path, (temp) =>
      writeHistoryXlsx(temp, history, listed, {
        lang,
        step: req.step,
        version: packageVersion(),
        generatedAt: gradedAtText(now, todayDay(now)),
        source: basename(req.inputPath) + sheetName,
        output: basename(out.path),
        unitSource: { source: found.unit.source, header: moneyHeader },
      }),
    );
  } else {
    await writeHistoryCsv(out.path, transitionsPath(out.path), history, listed, req.step, lang);
  }
  progress.done();

  const lines = warnings.map((w) => w[lang]);
  const saleContext: NoteContext = { rowLabel: (i) => found.table.firstRowNumber + i, columnName: found.columnName };
  lines.push(...historySummaryLines(history, listed.length, req, found.unit, moneyHeader, saleContext));
  lines.push(SUMMARY_TEXTS.written(out.path)[lang]);
  if (out.format === "csv") lines.push(HISTORY_TEXTS.transitionsFile(transitionsPath(out.path))[lang]);
  process.stderr.write(lines.join("\n") + "\n");
  return { history, unit: found.unit, moneyHeader };
}

/** The columns as the file's headers say, or null when they do not make a table the engine can read. */
function findColumnsOrNull(read: Parameters<typeof findColumns>[0], req: HistoryRequest) {
  try {
    return findColumns(read, req.manual, undefined, req.profile.monetaryUnit, req.unit);
  } catch (err) {
    if (err instanceof UsageError) return null;
    throw err;
  }
}

/** The run in a few lines: what was used, the customers per grade at each period end, the last moves. */
function historySummaryLines(
  h: GradeHistory,
  listed: number,
  req: HistoryRequest,
  unit: UnitChoice,
  moneyHeader: string,
  saleContext: NoteContext,
): string[] {
  const { lang, step } = req;
  const label = (text: Localized) => text[lang] + punctuation(lang).colon;
  const ends = h.periodEnds;
  const grades = h.profile.grades.map((g) => g.grade);
  const lines = [
    label(SUMMARY_TEXTS.profile) + `${profileName(h.profile, lang)} (${h.profile.id})`,
    label(HISTORY_TEXTS.periods) +
      HISTORY_TEXTS.periodSpan(ends.length, step, formatDay(ends[0]), formatDay(ends[ends.length - 1]))[lang],
    label(SUMMARY_TEXTS.window) +
      HISTORY_TEXTS.window(h.windowStart === undefined ? undefined : formatDay(h.windowStart))[lang],
    label(SUMMARY_TEXTS.unit) + UNIT_NAMES[h.unit][lang] + SUMMARY_TEXTS.unitSource(unit, moneyHeader)[lang],
    HISTORY_TEXTS.sales(h.sales.read, h.sales.counted, h.sales.outside, h.sales.skipped)[lang],
    HISTORY_TEXTS.listed(listed, h.ids.length)[lang],
    label(HISTORY_TEXTS.perPeriod),
  ];
  const width = Math.max(...ends.map((end) => periodLabel(end, step, lang).length));
  ends.forEach((end, k) => {
    const counts = h.customersPerGrade[k].map((n, g) => `${grades[g]} ${n}`).join("  ");
    lines.push(`  ${periodLabel(end, step, lang).padEnd(width)}  ${counts}`);
  });
  // The first few unreadable sales, named by row and column, so that the user can find and fix them.
  const shown = h.saleIssues.slice(0, SKIPPED_SALES_LISTED);
  for (const issue of shown)
    lines.push(`  ${SUMMARY_TEXTS.skippedSale[lang]} – ${formatIssue(issue, lang, saleContext)}`);
  const rest = new Set(h.saleIssues.slice(SKIPPED_SALES_LISTED).map((i) => i.index));
  for (const issue of shown) rest.delete(issue.index);
  if (rest.size > 0) lines.push("  " + SUMMARY_TEXTS.moreSkipped(rest.size)[lang]);
  return lines;
}
