/**
 * "Grade history" for sales records (RULES.md §13), with no UI in it: read the mapped customer, date and amount
 * columns, let the engine grade every period end in one pass, write the history, transitions and summary sheets
 * through the adapter. Only new sheets are written: nothing of the user's is overwritten.
 */
import addin from "../../package.json";
import { gradedAtText, todayDay } from "../engine";
import type { ColumnDetection, Lang, MonetaryUnit, Profile, UnitSourceFact } from "../engine";
import { gradeHistory, periodEnds, type HistoryStep } from "../engine/gradeHistory";
import { isStructureProtected, readColumns, writeHistorySheets } from "../excel";
import type { HistorySheets, SourceTable } from "../excel";
import type { ExcelRun } from "./excelRun";
import { FlowError, type Progress } from "./gradingFlow";

/** A month as the pane's month fields give it, "YYYY-MM". */
export type MonthText = string;

export interface HistoryRequest {
  source: SourceTable;
  date1904: boolean;
  detection: ColumnDetection;
  profile: Profile;
  step: HistoryStep;
  from: MonthText;
  to: MonthText;
  /** YYYY-MM-DD; empty or absent for the profile's (or none). */
  windowStart?: string;
  unit: MonetaryUnit;
  unitSource?: UnitSourceFact;
  lang: Lang;
}

export interface HistoryHooks {
  onProgress?(progress: Progress): void;
  signal?: AbortSignal;
}

export type HistoryOutcome = { status: "done"; sheets: HistorySheets; periods: number } | { status: "cancelled" };

/** More period ends than this would make a history sheet wider than anyone reads (a hundred years of month ends). */
const MAX_HISTORY_PERIODS = 1200;

/** "2025-03" as { year, month }; null for anything else. */
function parseMonth(text: MonthText): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

/** The period ends a request asks for (empty when the months hold no period end, or are not months). */
export function requestedEnds(step: HistoryStep, from: MonthText, to: MonthText): number[] {
  const a = parseMonth(from),
    b = parseMonth(to);
  return a && b ? periodEnds(step, a, b) : [];
}

export async function gradeHistoryToSheets(
  run: ExcelRun,
  request: HistoryRequest,
  hooks: HistoryHooks,
): Promise<HistoryOutcome> {
  const { source, detection, profile, lang } = request;
  const { signal, onProgress } = hooks;
  try {
    if (source.rowCount === 0) throw new FlowError("noRows");
    const roles = ["id", "date", "amount"] as const;
    const missing = roles.filter((role) => detection.mapping[role] === undefined);
    if (missing.length > 0) throw new FlowError("missingColumns", missing);
    const ends = requestedEnds(request.step, request.from, request.to);
    if (ends.length === 0 || ends.length > MAX_HISTORY_PERIODS) throw new FlowError("noPeriods");
    if (await run((ctx) => isStructureProtected(ctx))) throw new FlowError("historyProtected");

    const [ids, dates, amounts] = await run((ctx) =>
      readColumns(
        ctx,
        source,
        roles.map((role) => detection.mapping[role] as number),
        {
          signal,
          onProgress: (done, total) => onProgress?.({ phase: "reading", done, total }),
        },
      ),
    );
    signal?.throwIfAborted();
    onProgress?.({ phase: "grading", done: 0, total: 1 });
    const history = gradeHistory({ ids, dates, amounts }, profile, ends, {
      windowStart: request.windowStart || undefined,
      unit: request.unit,
      date1904: request.date1904,
    });
    signal?.throwIfAborted();
    const now = new Date();
    const sheets = await run((ctx) =>
      writeHistorySheets(
        ctx,
        history,
        {
          lang,
          step: request.step,
          version: addin.version,
          generatedAt: gradedAtText(now, todayDay(now)),
          source: source.address,
          ...(request.unitSource ? { unitSource: request.unitSource } : {}),
        },
        // The history sheet's rows, header row left out (the user counts customers).
        {
          signal,
          onProgress: (done, total) =>
            onProgress?.({ phase: "writing", done: Math.max(0, done - 1), total: Math.max(0, total - 1) }),
        },
      ),
    );
    return { status: "done", sheets, periods: ends.length };
  } catch (err) {
    if (signal?.aborted) return { status: "cancelled" };
    throw err;
  }
}
