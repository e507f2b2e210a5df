/**
 * The summary sheet, built once for every face of the product: the add-in's "RFM Summary" sheet and the command
 * line's summary sheet in `--out X.xlsx` render this same model and layout; they differ only in how cells reach the
 * workbook (Office.js or an .xlsx file).
 *
 * Sections, top to bottom: facts, rules used, the grade table with shares, counts per score, the R × F map, the grade
 * changes against a previous grading (customers, then amount, then who moved down) when there is one, rows not graded.
 */
import { ENGINE_TEXTS } from "../i18n/engine";
import { dayToSerial, formatDay, parseDateText, todayDay } from "./dates";
import { DATE_FORMAT } from "./sheetConventions";
import type { GradeResult } from "./grade";
import { gradeShares, type GradeShares } from "./gradeShares";
import type { GradeChange, GradeMigration } from "./migration";
import { nextGradeSummary, type NextGradeRow } from "./nextGrade";
import { periodText } from "./periods";
import { formatIssue, noteText } from "./present";
import { profileName } from "./profiles";
import { profileText } from "./profileText";
import { rfMap, type RfMap } from "./rfMap";
import { ruleTexts, summaryLabels, unitLabel } from "./summaryText";
import type { UnitSource } from "./headers";
import type { Dimension, GradeSummary, Lang, Profile, Role, RowIssue } from "./types";

/** Everything the summary sheet shows: plain data, in the user's language where it is text. */
export interface SummaryModel {
  /** The engine's summary of the run (counts per grade and per sub-score, as-of date, window, unit, ...). */
  summary: GradeSummary;
  /** Profile name in the user's language. */
  profileName: string;
  /** The thresholds or the tie rule used, weights and grade rules, one line each, in the user's language. */
  rules: string[];
  /** Add-in (or command) version, e.g. "0.1.0". */
  version: string;
  /** When the grading ran, as text (local time), e.g. "2026-11-23 18:30". */
  generatedAt: string;
  /** What was read, e.g. "Sales!A1:F201" or a file name. */
  source: string;
  /** Where the results were written, e.g. "Sales!G1:M201" or a file name. */
  output: string;
  /** Rows not graded, with the reason in the user's language. The sheet lists at most `SUMMARY_ROW_LIMIT` of them. */
  notGraded: NotGradedEntry[];
  /**
   * The header of the column that names customers (客户名称 …), when the data has one: the lists of rows not graded and
   * of customers who moved down then show each customer's name beside its row or id.
   */
  nameHeader?: string;
  /** The names of the customers who moved down, in the order of `migration.movedDown` ("" where unknown). */
  movedDownNames?: string[];
  /** Customers, share of customers, amount and share of amount per grade. */
  shares: GradeShares;
  /** Graded customers per R and F score. */
  rfMap: RfMap;
  /** Per grade below the top: customers one order lifts, those it cannot, and the orders' total (RULES.md §12). */
  nextGrade: NextGradeRow[];
  /** The comparison with a previous grading, when there was one. */
  migration?: GradeMigration;
  /** Where the previous grading came from (a file name, or the grade column of the earlier results). */
  previousSource?: string;
  /** Why the amounts were read in `summary.unit` (see chooseUnit), shown beside the unit. */
  unitSource?: UnitSourceFact;
  /** The workbook counts dates from 1904: the sheet's date cells are serials of that system. */
  date1904?: boolean;
}

/** A row not graded: its sheet row (or a sales customer's id), the customer's name where known, and why. */
interface NotGradedEntry {
  row: number | string;
  name?: string;
  reason: string;
}

/** Where the unit used came from; `header` is the money column's header when the unit came from it. */
export interface UnitSourceFact {
  source: UnitSource;
  header?: string;
}

/** What only the face knows (the add-in or the command line); the rest of the model comes from the result. */
export interface SummaryFacts {
  lang: Lang;
  /** The add-in's or the command's version. */
  version: string;
  /** When the grading ran (shown in local time). */
  now: Date;
  source: string;
  output: string;
  /** The sheet or file row number of input row `index` (a customer table's row, or a sale of sales records). */
  rowOf(index: number): number;
  /** The header of the column playing `role`, as the reasons name it. */
  columnName?: (role: Role) => string;
  /**
   * The column that names customers (客户名称 …), when the data has one: its header, the name of result row (or sales
   * customer) i, and the name on sale row i. The lists of rows not graded and of customers who moved down show it.
   */
  names?: { header: string; ofResult(i: number): string; ofSale(i: number): string };
  migration?: GradeMigration;
  previousSource?: string;
  unitSource?: UnitSourceFact;
  /** The workbook the summary goes to counts dates from 1904. */
  date1904?: boolean;
}

export function buildSummaryModel(res: GradeResult, facts: SummaryFacts): SummaryModel {
  return {
    summary: res.summary,
    profileName: profileName(res.profile, facts.lang),
    rules: profileRules(res.profile, facts.lang),
    version: facts.version,
    generatedAt: gradedAtText(facts.now, todayDay(facts.now)),
    source: facts.source,
    output: facts.output,
    notGraded: notGradedRows(res, facts),
    ...(facts.names
      ? {
          nameHeader: facts.names.header,
          movedDownNames: (facts.migration?.movedDown ?? [])
            .slice(0, SUMMARY_ROW_LIMIT)
            .map((d) => facts.names!.ofResult(d.index)),
        }
      : {}),
    shares: gradeShares(res),
    rfMap: rfMap(res),
    nextGrade: res.population.days.length === res.n ? nextGradeSummary(res) : [],
    ...(facts.migration ? { migration: facts.migration } : {}),
    ...(facts.previousSource ? { previousSource: facts.previousSource } : {}),
    ...(facts.unitSource ? { unitSource: facts.unitSource } : {}),
    ...(facts.date1904 ? { date1904: true } : {}),
  };
}

/**
 * The rows not graded with their reasons, which name the column only (the summary lists the row in a column of its
 * own): a customer table's rows by their row number; for sales records the customers by id, then the sales skipped
 * as unreadable by their row number.
 */
function notGradedRows(res: GradeResult, facts: SummaryFacts): SummaryModel["notGraded"] {
  const reasons = { columnName: facts.columnName };
  const reason = (i: number) => noteText(res, i, facts.lang, reasons);
  const names = facts.names;
  const named = (name: () => string) => (names ? { name: name() } : {});
  const customers = res.customers;
  if (res.kind === "customers" || !customers) {
    return notGradedIndexes(res.issues).map((i) => ({
      row: facts.rowOf(i),
      ...named(() => names!.ofResult(i)),
      reason: reason(i),
    }));
  }
  return [
    ...notGradedIndexes(res.issues).map((i) => ({
      row: customers.ids.at(i) ?? "",
      ...named(() => names!.ofResult(i)),
      reason: reason(i),
    })),
    ...(res.saleIssues ?? []).map((issue) => ({
      row: facts.rowOf(issue.index),
      ...named(() => names!.ofSale(issue.index)),
      reason: formatIssue(issue, facts.lang, reasons),
    })),
  ];
}

/** Each row with a reason it is not graded, once, in order. */
function notGradedIndexes(issues: readonly RowIssue[]): number[] {
  const indexes: number[] = [];
  for (const issue of issues)
    if (!issue.graded && indexes[indexes.length - 1] !== issue.index) indexes.push(issue.index);
  return indexes;
}

/** The profile's cut-offs (or quantile and tie rule), weights and grade rules, one line each, as the user reads them. */
export function profileRules(profile: Profile, lang: Lang): string[] {
  const t = ruleTexts(lang);
  const lines: string[] = [];
  if (profile.method === "thresholds") {
    const unit = profile.monetaryUnit === "wan" ? t.unitWan : t.unitYuan;
    lines.push(t.recency(profile.thresholds.recency.join(" / ")));
    lines.push(t.frequency(profile.thresholds.frequency.join(" / ")));
    lines.push(t.monetary(profile.thresholds.monetary.join(" / "), unit));
  } else {
    lines.push(t.quantiles(profile.bins, t.ties[profile.ties]));
  }
  const { recency, frequency, monetary } = profile.weights;
  lines.push(t.weights(recency, frequency, monetary));
  const separator = ENGINE_TEXTS[lang].punctuation.semicolon;
  for (const rule of profile.grades) {
    const condition =
      rule.above !== undefined ? `X > ${rule.above}` : rule.atLeast !== undefined ? `X ≥ ${rule.atLeast}` : t.otherwise;
    const every = rule.cadence.every;
    const cadence = profileText(rule.cadence, lang) + (every ? separator + t.nextContact(periodText(every)[lang]) : "");
    lines.push(t.grade(rule.grade, condition, cadence));
  }
  return lines;
}

/** The summary lists at most this many rows not graded, and as many customers who moved down. */
export const SUMMARY_ROW_LIMIT = 10_000;

export type SummaryCell = string | number | null;

/** A rectangle of the sheet, 0-based. */
export interface SheetArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface SummaryLayout {
  /** Every row has `width` cells (null = empty). */
  rows: SummaryCell[][];
  width: number;
  /** Rows of titles and table headers, in bold. */
  bold: SheetArea[];
  /** Number formats of areas ("0.0%" for shares, "#,##0.##" style for amounts); other cells stay General. */
  numberFormats: { area: SheetArea; format: string }[];
  /** Areas that get a colour scale (the R × F map's counts). */
  colourScales: SheetArea[];
  /** The grade letters and their customer counts, header included: the data of the grade chart. */
  gradeChart: SheetArea;
}

/** Percent with one decimal: the displayed shares are tenths of a percent and add up to 100.0 %. */
const SHARE_FORMAT = "0.0%";

/** A number format that shows every decimal the amounts have, with thousands separators. */
export function amountFormat(amounts: readonly string[]): string {
  let places = 0;
  for (const a of amounts) {
    const dot = a.indexOf(".");
    if (dot >= 0) places = Math.max(places, a.length - dot - 1);
  }
  places = Math.min(places, 10);
  return places === 0 ? "#,##0" : `#,##0.${"0".repeat(places)}`;
}

const DIMENSIONS: Dimension[] = ["recency", "frequency", "monetary"];

/** The sheet's content and formats, section by section. */
export function summaryLayout(model: SummaryModel, lang: Lang): SummaryLayout {
  const t = summaryLabels(lang);
  const s = model.summary;
  const raw: SummaryCell[][] = [];
  const bold: SheetArea[] = [];
  const numberFormats: { area: SheetArea; format: string }[] = [];
  const colourScales: SheetArea[] = [];
  const line = (...cells: SummaryCell[]): number => raw.push(cells) - 1;
  const header = (...cells: SummaryCell[]): number => {
    const row = line(...cells);
    bold.push({ row, col: 0, rows: 1, cols: Math.max(1, cells.length) });
    return row;
  };

  header(t.title);
  line(t.profile, model.profileName);
  line(t.method, t.methods[s.method]);
  model.rules.forEach((rule, i) => line(i === 0 ? t.rules : null, rule));
  // Dates are date cells (a serial of the workbook's date system in the product's date format), not text: they sort,
  // filter and compute as dates.
  const dates = (row: number, col: number, cols: number, format = DATE_FORMAT) =>
    numberFormats.push({ area: { row, col, rows: 1, cols }, format });
  const serial = (text: string) => {
    const day = parseDateText(text);
    return day === null ? text : dayToSerial(day, model.date1904);
  };
  dates(line(t.asOf, serial(s.asOf)), 1, 1);
  if (s.windowStart) dates(line(t.window, serial(s.windowStart), serial(s.asOf)), 1, 2);
  if (model.unitSource)
    line(t.unit, unitLabel(s.unit, lang), t.unitFrom(model.unitSource.source, model.unitSource.header ?? ""));
  else line(t.unit, unitLabel(s.unit, lang));
  line(t.source, model.source);
  line(t.output, model.output);
  if (model.previousSource) line(t.previousSource, model.previousSource);
  line(t.version, model.version);
  const graded = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/.exec(model.generatedAt);
  const gradedDay = graded ? parseDateText(graded[1]) : null;
  if (graded && gradedDay !== null) {
    const at = dayToSerial(gradedDay, model.date1904) + (Number(graded[2]) * 60 + Number(graded[3])) / 1440;
    dates(line(t.generatedAt, at), 1, 1, `${DATE_FORMAT} hh:mm`);
  } else line(t.generatedAt, model.generatedAt);
  line(t.rows, s.rows);
  line(t.graded, s.graded);
  line(t.notGraded, s.notGraded);
  if (s.sales) {
    line(t.salesRead, s.sales.read);
    line(t.salesKept, s.sales.kept);
    line(t.salesOutside, s.sales.outsideWindow);
    line(t.salesSkipped, s.sales.skipped);
  }

  // The grade table: customers, share of customers, amount, share of amount; a total row.
  line();
  const sh = model.shares;
  const first = header(t.grade, t.customers, t.customerShare, t.amount, t.amountShare);
  for (const r of sh.rows) {
    line(r.grade, r.customers, r.customerShare?.value ?? null, r.amountValue, r.amountShare?.value ?? null);
  }
  const last = raw.length - 1;
  const total = header(
    t.total,
    sh.customers,
    sh.customers > 0 ? 1 : null,
    sh.amountValue,
    sh.rows.some((r) => r.amountShare) ? 1 : null,
  );
  const gradeRows = last - first + 1;
  numberFormats.push({ area: { row: first + 1, col: 2, rows: total - first, cols: 1 }, format: SHARE_FORMAT });
  numberFormats.push({ area: { row: first + 1, col: 4, rows: total - first, cols: 1 }, format: SHARE_FORMAT });
  numberFormats.push({
    area: { row: first + 1, col: 3, rows: total - first, cols: 1 },
    format: amountFormat([sh.amount, ...sh.rows.map((r) => r.amount)]),
  });
  line(t.sharesNote);
  const gradeChart = { row: first, col: 0, rows: gradeRows, cols: 2 };

  // Counts per score.
  line();
  header(t.score, ...DIMENSIONS.map((d) => t.dims[d]));
  const top = Math.max(...DIMENSIONS.map((d) => s.scoreCounts[d].length - 1));
  for (let score = top; score >= 1; score--) line(score, ...DIMENSIONS.map((d) => s.scoreCounts[d][score] ?? 0));

  // The R × F map: R top to bottom, F left to right, a colour scale over the counts.
  line();
  header(t.rfTitle);
  const map = model.rfMap;
  header(t.rfCorner, ...map.f);
  const mapTop = raw.length;
  map.r.forEach((r, k) => line(r, ...map.counts[k]));
  colourScales.push({ row: mapTop, col: 1, rows: map.r.length, cols: map.f.length });

  if (model.nextGrade.length > 0) {
    line();
    header(t.nextGradeTitle);
    header(t.grade, t.customers, t.canMoveUp, t.notReachable, t.ordersNeeded);
    const top = raw.length;
    for (const r of model.nextGrade) line(r.grade, r.customers, r.reachable, r.notReachable, r.amountValue);
    numberFormats.push({
      area: { row: top, col: 4, rows: model.nextGrade.length, cols: 1 },
      format: amountFormat(model.nextGrade.map((r) => r.amount)),
    });
    line(t.nextGradeNote);
  }

  const m = model.migration;
  if (m) migrationSection(m, t, line, header, numberFormats, model);

  if (model.notGraded.length > 0) {
    line();
    header(t.notGradedList);
    const named = model.nameHeader !== undefined;
    if (named) header(t.row, model.nameHeader!, t.reason);
    else header(t.row, t.reason);
    for (const r of model.notGraded.slice(0, SUMMARY_ROW_LIMIT)) {
      if (named) line(r.row, r.name ?? "", r.reason);
      else line(r.row, r.reason);
    }
    if (model.notGraded.length > SUMMARY_ROW_LIMIT) line(t.more(model.notGraded.length - SUMMARY_ROW_LIMIT));
  }

  const width = Math.max(4, ...raw.map((r) => r.length));
  const rows = raw.map((r) =>
    r.length === width ? r : [...r, ...new Array<SummaryCell>(width - r.length).fill(null)],
  );
  return { rows, width, bold, numberFormats, colourScales, gradeChart };
}

const CHANGE_ORDER: GradeChange[] = ["up", "down", "same", "new", "gone", "other"];

function migrationSection(
  m: GradeMigration,
  t: ReturnType<typeof summaryLabels>,
  line: (...cells: SummaryCell[]) => number,
  header: (...cells: SummaryCell[]) => number,
  numberFormats: { area: SheetArea; format: string }[],
  model: Pick<SummaryModel, "nameHeader" | "movedDownNames">,
): void {
  line();
  header(t.changes);
  for (const c of CHANGE_ORDER) if (c !== "other" || m.totals.other > 0) line(t.changeNames[c], m.totals[c]);

  const columns = [...m.grades, t.gone];
  const rowNames = [...m.previousGrades, t.new];
  line();
  header(t.migrationCustomers);
  header(t.migrationCorner, ...columns);
  rowNames.forEach((name, p) => line(name, ...m.counts[p]));

  line();
  header(t.migrationAmount);
  header(t.migrationCorner, ...columns);
  const top = line(rowNames[0], ...amountCells(m.amounts[0]));
  rowNames.slice(1).forEach((name, k) => line(name, ...amountCells(m.amounts[k + 1])));
  numberFormats.push({
    area: { row: top, col: 1, rows: rowNames.length, cols: columns.length },
    format: amountFormat(m.amounts.flat()),
  });

  if (m.movedDown.length > 0) {
    line();
    header(t.movedDownList);
    // With a name column, each customer's name stands beside its id (a clerk calls people, not ids).
    const names = model.nameHeader === undefined ? undefined : (model.movedDownNames ?? []);
    const cells = (d: GradeMigration["movedDown"][number], k: number) => {
      const [id, ...rest] = movedDownCells(d);
      return names ? [id, names[k] ?? "", ...rest] : [id, ...rest];
    };
    if (names) header(t.customerId, model.nameHeader!, t.previousGrade, t.grade, t.amount);
    else header(t.customerId, t.previousGrade, t.grade, t.amount);
    const from = line(...cells(m.movedDown[0], 0));
    m.movedDown.slice(1, SUMMARY_ROW_LIMIT).forEach((d, k) => line(...cells(d, k + 1)));
    const shown = Math.min(m.movedDown.length, SUMMARY_ROW_LIMIT);
    const amountColumn = names ? 4 : 3;
    numberFormats.push({
      area: { row: from, col: amountColumn, rows: shown, cols: 1 },
      format: amountFormat(m.movedDown.slice(0, shown).map((d) => d.amount)),
    });
    if (m.movedDown.length > SUMMARY_ROW_LIMIT) line(t.more(m.movedDown.length - SUMMARY_ROW_LIMIT));
  }
}

/** The gone column has no amount when the previous grading did not carry one: an empty cell, not a zero. */
function amountCells(amounts: readonly string[]): SummaryCell[] {
  return amounts.map((a) => (a === "" ? null : Number(a)));
}

function movedDownCells(d: GradeMigration["movedDown"][number]): SummaryCell[] {
  return [d.id, d.previous, d.current, d.amountValue];
}

/** "2026-11-23 18:30" for a local time, the form the summary's "Graded at" shows. */
export function gradedAtText(now: Date, day: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatDay(day)} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
