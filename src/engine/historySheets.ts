/**
 * What a grade history (RULES.md §13) looks like on a sheet, for every face that writes one (the command line's .xlsx
 * and .csv, the add-in's sheets): period labels, the history table (one row per customer, one grade per period end),
 * the transitions table, and the summary sheet with the customers per grade at each period end (a chart's data).
 */
import { formatDay } from "./dates";
import type { GradeHistory, HistoryStep } from "./gradeHistory";
import { periodOf } from "./gradeHistory";
import type { UnitSource } from "./headers";
import { profileName } from "./profiles";
import { amountFormat, profileRules, type SheetArea, type SummaryCell, type SummaryLayout } from "./summarySheet";
import { historyLabels, summaryLabels, unitLabel } from "./summaryText";
import type { Lang } from "./types";

/**
 * A period as finance staff name it: "2025-01" and "2025-Q1" in English, "2025年1月" and "2025年第1季度" in Chinese.
 * The sheets say that each is graded at the period's last day.
 */
export function periodLabel(end: number, step: HistoryStep, lang: Lang): string {
  const { year, month, quarter } = periodOf(end);
  return historyLabels(lang).periodLabel(step, year, month, quarter);
}

/** The customers a history lists: those with a grade at one period end at least, in order of first appearance. */
export function historyCustomers(h: GradeHistory): Int32Array {
  const listed: number[] = [];
  for (let c = 0; c < h.ids.length; c++) if (h.grades.some((g) => g[c] >= 0)) listed.push(c);
  return Int32Array.from(listed);
}

/** The history table's header: customer id, then one label per period end. */
export function historyHeaders(h: GradeHistory, step: HistoryStep, lang: Lang): string[] {
  return [historyLabels(lang).customerId, ...h.periodEnds.map((end) => periodLabel(end, step, lang))];
}

/** Customer c's grade letter at each period end; null where it has none. */
export function historyGrades(h: GradeHistory, c: number): (string | null)[] {
  return h.grades.map((g) => (g[c] >= 0 ? h.profile.grades[g[c]].grade : null));
}

/** The transitions table: from, to, grade before, grade after, change, customers, amount at the later end. */
export interface TransitionTable {
  headers: string[];
  rows: (string | number)[][];
  /** The amount column's number format (every decimal the amounts have). */
  amountFormat: string;
}

export function transitionTable(h: GradeHistory, step: HistoryStep, lang: Lang): TransitionTable {
  const t = historyLabels(lang);
  const changes = summaryLabels(lang).changeNames;
  const grade = (g: number) => (g < 0 ? t.noGrade : h.profile.grades[g].grade);
  const change = (from: number, to: number) =>
    from < 0 ? changes.new : to < 0 ? changes.gone : to < from ? changes.up : to > from ? changes.down : changes.same;
  const label = (k: number) => periodLabel(h.periodEnds[k], step, lang);
  return {
    headers: [t.from, t.to, t.gradeBefore, t.gradeAfter, t.change, t.customers, t.amountAfter(unitLabel(h.unit, lang))],
    rows: h.transitions.map((x) => [
      label(x.period - 1),
      label(x.period),
      grade(x.from),
      grade(x.to),
      change(x.from, x.to),
      x.customers,
      x.amountValue,
    ]),
    amountFormat: amountFormat(h.transitions.map((x) => x.amount)),
  };
}

/** What only the face knows about a history run; the rest comes from the history. */
export interface HistoryFacts {
  lang: Lang;
  step: HistoryStep;
  version: string;
  generatedAt: string;
  source: string;
  output: string;
  unitSource?: { source: UnitSource; header?: string };
}

/** The summary sheet of a history; `perPeriod` is the chart's data: period labels down, one column per grade. */
export interface HistorySummaryLayout extends SummaryLayout {
  perPeriod: { categories: SheetArea; series: SheetArea; names: SheetArea };
}

export function historySummaryLayout(h: GradeHistory, facts: HistoryFacts): HistorySummaryLayout {
  const { lang, step } = facts;
  const s = summaryLabels(lang);
  const t = historyLabels(lang);
  const raw: SummaryCell[][] = [];
  const bold: SheetArea[] = [];
  const numberFormats: { area: SheetArea; format: string }[] = [];
  const line = (...cells: SummaryCell[]): number => raw.push(cells) - 1;
  const header = (...cells: SummaryCell[]): number => {
    const row = line(...cells);
    bold.push({ row, col: 0, rows: 1, cols: Math.max(1, cells.length) });
    return row;
  };
  const ends = h.periodEnds;
  const grades = h.profile.grades.map((g) => g.grade);

  header(s.title);
  line(s.profile, profileName(h.profile, lang));
  line(s.method, s.methods[h.profile.method]);
  profileRules(h.profile, lang).forEach((rule, i) => line(i === 0 ? s.rules : null, rule));
  if (ends.length > 0) {
    line(t.periodEnds, t.periodSpan(ends.length, t.steps[step], formatDay(ends[0]), formatDay(ends[ends.length - 1])));
  }
  line(s.window, h.windowStart === undefined ? t.noWindowStart : t.window(formatDay(h.windowStart)));
  const unitSource = facts.unitSource;
  if (unitSource) line(s.unit, unitLabel(h.unit, lang), s.unitFrom(unitSource.source, unitSource.header ?? ""));
  else line(s.unit, unitLabel(h.unit, lang));
  line(s.source, facts.source);
  line(s.output, facts.output);
  line(s.version, facts.version);
  line(s.generatedAt, facts.generatedAt);
  line(s.salesRead, h.sales.read);
  line(t.salesCounted, h.sales.counted);
  line(t.salesOutside, h.sales.outside);
  line(s.salesSkipped, h.sales.skipped);
  line(t.listed, historyCustomers(h).length);

  // Customers per grade at each period end: the chart's data.
  line();
  header(t.perPeriod);
  const names = header(t.periodEnd, ...grades, t.graded);
  const first = raw.length;
  ends.forEach((end, k) => {
    const counts = h.customersPerGrade[k];
    line(
      periodLabel(end, step, lang),
      ...counts,
      counts.reduce((a, b) => a + b, 0),
    );
  });
  const perPeriod = {
    categories: { row: first, col: 0, rows: ends.length, cols: 1 },
    series: { row: first, col: 1, rows: ends.length, cols: grades.length },
    names: { row: names, col: 1, rows: 1, cols: grades.length },
  };

  // The moves between the last two period ends, grade before (down) by grade after (across).
  if (ends.length > 1) {
    const last = ends.length - 1;
    line();
    header(t.lastMoves(periodLabel(ends[last - 1], step, lang), periodLabel(ends[last], step, lang)));
    header(t.movesCorner, ...grades, t.noGrade);
    const side = grades.length + 1;
    const counts = Array.from({ length: side }, () => new Array<number>(side).fill(0));
    const slot = (g: number) => (g < 0 ? grades.length : g);
    for (const x of h.transitions) if (x.period === last) counts[slot(x.from)][slot(x.to)] = x.customers;
    counts.forEach((row, a) => line(a < grades.length ? grades[a] : t.noGrade, ...row));
  }

  line();
  line(t.about);

  const width = Math.max(4, ...raw.map((r) => r.length));
  const rows = raw.map((r) =>
    r.length === width ? r : [...r, ...new Array<SummaryCell>(width - r.length).fill(null)],
  );
  return { rows, width, bold, numberFormats, colourScales: [], gradeChart: perPeriod.series, perPeriod };
}
