/** The engine's entry points: grade customer-level rows or sales records with a profile. */

import { aggregateSales, skippedSales, type CustomerTotals, type SalesWindow } from "./aggregateSales";
import type { MoneySums } from "./moneySums";
import { integerProfile } from "./compile/integerProfile";
import { formatDay, parseDateText } from "./dates";
import { REQUEST_TEXTS } from "./messages";
import { scorePopulation, type Population, type Scores } from "./scoring";
import type {
  Cell,
  CustomerColumnsInput,
  Dimension,
  GradeOptions,
  GradeSummary,
  InputKind,
  Localized,
  MonetaryUnit,
  Profile,
  RowIssue,
  SalesColumnsInput,
  ValueList,
} from "./types";
import { readCustomerRows } from "./validateRows";

export type GradeErrorCode = keyof typeof REQUEST_TEXTS;

/** A problem with the whole request (not with one row): no as-of date, a bad window, ... */
export class GradeError extends Error {
  readonly text: Localized;
  constructor(readonly code: GradeErrorCode) {
    super(REQUEST_TEXTS[code].en);
    this.name = "GradeError";
    this.text = REQUEST_TEXTS[code];
  }
}

export interface GradeResult {
  profile: Profile;
  kind: InputKind;
  /** Input rows (customer-level) or customers (sales records). */
  n: number;
  /** Sub-scores 1..bins; 0 where row i is not graded. */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into profile.grades; -1 where not graded. */
  gradeIndex: Int16Array;
  /** Composite X = scoreUnits[i] / scoreScale, exactly; read only where graded (0 or NaN elsewhere). */
  scoreUnits: Float64Array | Int32Array;
  scoreScale: number;
  scorePlaces: number;
  /** The analysis date as a day number (days since 1970-01-01). */
  asOfDay: number;
  /**
   * Z of row i (customer-level) or customer i (sales records) in the input's unit (`summary.unit`), as scored;
   * meaningful only where row i is graded.
   */
  amounts: Float64Array;
  /**
   * The validated inputs as scored (D, S and Z of each row or customer, which take part, and their order for the tie
   * rule "first").
   */
  population: Population;
  /** Notes per row in ascending row order: reasons for rows not graded, and notes such as duplicate ids. */
  issues: RowIssue[];
  summary: GradeSummary;
  /** Sales records only: one entry per customer with a readable sale, in order of first appearance. */
  customers?: {
    ids: ValueList<string>;
    /** Latest sale inside the window; meaningless where count is 0. */
    lastDay: Int32Array;
    count: Uint32Array;
    /** Sum of the kept amounts, in the input's unit; null where the exact sum is beyond the range of a number. */
    total: ValueList<number | null>;
    firstSale: Int32Array;
    /** 1 where the customer has a sale dated after the analysis date (left out of the window). */
    laterSale: Uint8Array;
    /** The sales table's other columns, one value per customer (RULES.md §7); absent when none were handed in. */
    carried?: CarriedColumns;
  };
  /** Sales records only: unreadable sales that were skipped (index = sale row), several notes per sale possible. */
  saleIssues?: RowIssue[];
  /** Customer tables: 1 where row i is blank in every column read; it is skipped, with no note (RULES.md §8). */
  blank?: Uint8Array;
}

/** The columns of a sales table carried into its one row per customer (RULES.md §7). */
export interface CarriedColumns {
  /** The columns' headers, as handed in. */
  headers: string[];
  /** The cells of each column, as handed in (one per sale). */
  cells: ArrayLike<Cell>[];
  /**
   * The sale whose values customer j carries: its most recent sale inside the window (the last such row when dates
   * tie); for a customer with no sale inside the window, its most recent readable sale.
   */
  sale: Int32Array;
  /** differs[c][j] is 1 where customer j's sales inside the window hold several values in column c. */
  differs: Uint8Array[];
}

/** The value customer j carries in carried column c (null when it has no readable sale, which cannot happen). */
export function carriedValue(carried: CarriedColumns, j: number, c: number): Cell {
  const sale = carried.sale[j];
  return sale < 0 ? null : (carried.cells[c][sale] ?? null);
}

function resolveDay(
  value: string | number | undefined,
  fallback: string | undefined,
  error: GradeErrorCode,
): number | undefined {
  const v = value ?? fallback;
  if (v === undefined) return undefined;
  const day = typeof v === "number" ? (Number.isInteger(v) ? v : null) : parseDateText(v);
  if (day === null) throw new GradeError(error);
  return day;
}

/** The sales window's first day: the one asked for, else the profile's; undefined for no window start. */
export function resolveWindowStart(value: string | number | undefined, profile: Profile): number | undefined {
  return resolveDay(value, profile.windowStart, "windowInvalid");
}

function asOfDay(profile: Profile, options: GradeOptions): number {
  const day = resolveDay(options.asOf, profile.asOf, "asOfInvalid");
  if (day === undefined) throw new GradeError("asOfMissing");
  return day;
}

export function gradeCustomers(input: CustomerColumnsInput, profile: Profile, options: GradeOptions = {}): GradeResult {
  const asOf = asOfDay(profile, options);
  const unit = options.unit ?? profile.monetaryUnit;
  const rows = readCustomerRows(input, {
    asOfDay: asOf,
    date1904: options.date1904 ?? false,
    requirePositiveTotal: profile.method === "thresholds",
  });
  const scores = scorePopulation(rows.population, integerProfile(profile, unit));
  const summary = summarise(profile, "customers", asOf, undefined, unit, rows.population, scores);
  // A blank row is skipped (RULES.md §8): counted apart, neither graded nor "not graded".
  if (rows.blankCount > 0) {
    summary.blankRows = rows.blankCount;
    summary.notGraded -= rows.blankCount;
  }
  if (rows.latestDay !== null) summary.latestDate = formatDay(rows.latestDay);
  return {
    profile,
    kind: "customers",
    n: rows.population.n,
    ...scoreFields(scores),
    asOfDay: asOf,
    amounts: rows.population.money,
    population: rows.population,
    issues: rows.issues,
    summary,
    blank: rows.blank,
  };
}

/** The values of a customer table read by another reader, which found nothing to note in any of its rows. */
export interface CheckedCustomers {
  /** Recency D of each row, in days. */
  days: Int32Array;
  /** Purchase count S of each row. */
  count: Float64Array;
  /** Monetary Z of each row in the input's unit: the double nearest its exact decimal value. */
  money: Float64Array;
}

/**
 * A customer table read elsewhere (the command line's DuckDB path reads files in which no cell would get a note, so
 * every row is graded): scored, graded and summarised by the same code as `gradeCustomers`, from the values that
 * function reads from the same cells, rows in input order (the order the tie rule "first" follows).
 */
export function gradeCheckedCustomers(
  checked: CheckedCustomers,
  profile: Profile,
  options: GradeOptions = {},
): GradeResult {
  const asOf = asOfDay(profile, options);
  const unit = options.unit ?? profile.monetaryUnit;
  const { days, count, money } = checked;
  const n = days.length;
  const population: Population = { n, valid: new Uint8Array(n).fill(1), days, count, money };
  const scores = scorePopulation(population, integerProfile(profile, unit));
  const summary = summarise(profile, "customers", asOf, undefined, unit, population, scores);
  // The latest last-order date is the one fewest days before the analysis date.
  let fewest = Infinity;
  for (let i = 0; i < n; i++) if (days[i] < fewest) fewest = days[i];
  if (n > 0) summary.latestDate = formatDay(asOf - fewest);
  return {
    profile,
    kind: "customers",
    n,
    ...scoreFields(scores),
    asOfDay: asOf,
    amounts: money,
    population,
    issues: [],
    summary,
  };
}

/** The window of sales a grading keeps (RULES.md §7): the profile's or the options' start, up to the analysis date. */
export function salesWindow(profile: Profile, options: GradeOptions = {}): SalesWindow {
  const asOf = asOfDay(profile, options);
  const start = resolveWindowStart(options.windowStart, profile);
  if (start !== undefined && start > asOf) throw new GradeError("windowInvalid");
  return { startDay: start ?? -Infinity, endDay: asOf, date1904: options.date1904 ?? false };
}

export function gradeSales(input: SalesColumnsInput, profile: Profile, options: GradeOptions = {}): GradeResult {
  const window = salesWindow(profile, options);
  const totals = aggregateSales(input, window);
  const carried = input.carried ?? [];
  const columns =
    carried.length > 0 ? { headers: carried.map((c) => c.header), cells: carried.map((c) => c.cells) } : undefined;
  return gradeSalesTotals(totals, profile, window, options.unit ?? profile.monetaryUnit, columns);
}

/**
 * Grades the customers of sales records from their totals inside `window` (made by `aggregateSales`, or by a reader
 * feeding a `SalesTally` itself); amounts are in `unit`. `carried`: the carried columns' headers and cells, read at
 * the sale each customer carries (`totals.carriedSale`).
 */
export function gradeSalesTotals(
  totals: CustomerTotals,
  profile: Profile,
  window: SalesWindow,
  unit: MonetaryUnit,
  carried?: Pick<CarriedColumns, "headers" | "cells">,
): GradeResult {
  const asOf = window.endDay;
  const start = window.startDay === -Infinity ? undefined : window.startDay;
  const n = totals.ids.length;
  const issues: RowIssue[] = [];
  const windowText = `${start === undefined ? "…" : formatDay(start)} – ${formatDay(asOf)}`;
  // The tallied counts serve as S as they are (read only where a customer is graded): no copy per customer.
  const into: Population = {
    n,
    valid: new Uint8Array(n),
    days: new Int32Array(n),
    count: totals.count,
    money: new Float64Array(n),
  };
  const population = salesPopulation(
    totals,
    n,
    asOf,
    profile.method === "thresholds",
    (i, code) => {
      if (code === "noSaleInWindow") issues.push({ index: i, role: "date", code, value: windowText, graded: false });
      else if (code === "totalTooLarge") issues.push({ index: i, role: "amount", code, graded: false });
      else issues.push({ index: i, role: "amount", code, value: totals.money.text(i), graded: false });
    },
    into,
  );
  const { valid, money } = population;
  // A customer whose sales disagree in carried columns (two names, two phone numbers) is told so once, naming them.
  if (carried && totals.carriedDiffers.length > 0) {
    for (let i = 0; i < n; i++) {
      const columns = carried.headers.filter((_, c) => totals.carriedDiffers[c][i] === 1);
      if (columns.length > 0)
        issues.push({ index: i, role: "id", columns, code: "severalValues", graded: valid[i] === 1 });
    }
  }
  issues.sort((a, b) => a.index - b.index);
  const scores = scorePopulation(population, integerProfile(profile, unit));
  const summary = summarise(profile, "transactions", asOf, start, unit, population, scores);
  summary.sales = {
    read: totals.read,
    kept: totals.kept,
    outsideWindow: totals.outsideWindow,
    skipped: skippedSales(totals.saleIssues),
    ...(totals.blank > 0 ? { blank: totals.blank } : {}),
    ...(totals.afterEnd > 0 ? { afterAsOf: totals.afterEnd } : {}),
  };
  if (totals.latestDay !== null) summary.latestDate = formatDay(totals.latestDay);
  return {
    profile,
    kind: "transactions",
    n,
    ...scoreFields(scores),
    asOfDay: asOf,
    amounts: money,
    population,
    issues,
    summary,
    customers: {
      ids: totals.ids,
      lastDay: totals.lastDay,
      count: totals.count,
      total: new SumList(totals.money),
      firstSale: totals.firstSale,
      laterSale: totals.laterSale,
      ...(carried ? { carried: { ...carried, sale: totals.carriedSale, differs: totals.carriedDiffers } } : {}),
    },
    saleIssues: totals.saleIssues,
  };
}

/** Each customer's sum as a number, made when asked for; null where the exact sum is beyond the range of a number. */
class SumList implements ValueList<number | null> {
  constructor(private readonly sums: MoneySums) {}

  get length(): number {
    return this.sums.size;
  }

  at(index: number): number | null | undefined {
    if (!(index >= 0 && index < this.sums.size)) return undefined;
    const z = this.sums.value(index);
    return Number.isFinite(z) ? z : null;
  }
}

/** What the kept sales of each customer add up to so far (aggregateSales; grade history at each period end). */
export interface SalesSoFar {
  /** Kept sales; 0 when none. */
  count: ArrayLike<number>;
  /** Latest kept sale. */
  lastDay: ArrayLike<number>;
  money: MoneySums;
  /** Row of the first kept sale (the tie rule "first" orders customers by it). */
  firstSale: Int32Array;
}

/**
 * The customers of sales records as they stand at the analysis date `asOf`: which are graded and with what D, S and Z
 * (RULES.md §7, §8). A customer with no kept sale, a total beyond the range of a number, or (thresholds) a total of 0
 * or less is not graded, and `notGraded` is told why. `into` is filled instead of new arrays when given.
 */
export function salesPopulation(
  totals: SalesSoFar,
  n: number,
  asOf: number,
  requirePositiveTotal: boolean,
  notGraded?: (customer: number, code: "noSaleInWindow" | "totalTooLarge" | "totalNotPositive") => void,
  into?: Population,
): Population {
  const pop: Population = into ?? {
    n,
    valid: new Uint8Array(n),
    days: new Int32Array(n),
    count: new Float64Array(n),
    money: new Float64Array(n),
  };
  pop.order = totals.firstSale;
  const { valid, days, count, money } = pop;
  for (let i = 0; i < n; i++) {
    valid[i] = 0;
    const c = totals.count[i];
    if (c === 0) {
      notGraded?.(i, "noSaleInWindow");
      continue;
    }
    const z = totals.money.value(i);
    // Each amount is a number, but their sum may not be (two sales of 1e308): such a total is not a number
    // (RULES.md §8).
    if (!Number.isFinite(z)) {
      notGraded?.(i, "totalTooLarge");
      continue;
    }
    days[i] = asOf - totals.lastDay[i];
    count[i] = c;
    money[i] = z;
    // Thresholds need Z > 0 as in customer-level input (the seed says 0 < Z).
    if (requirePositiveTotal && z <= 0) {
      notGraded?.(i, "totalNotPositive");
      continue;
    }
    valid[i] = 1;
  }
  return pop;
}

function scoreFields(s: Scores) {
  return {
    r: s.r,
    f: s.f,
    m: s.m,
    gradeIndex: s.gradeIndex,
    scoreUnits: s.scoreUnits,
    scorePlaces: s.scorePlaces,
    scoreScale: 10 ** s.scorePlaces,
  };
}

function summarise(
  profile: Profile,
  kind: InputKind,
  asOf: number,
  start: number | undefined,
  unit: MonetaryUnit,
  pop: Population,
  s: Scores,
): GradeSummary {
  const bins = profile.method === "quantiles" ? profile.bins : 5;
  const gradeCounts = profile.grades.map((g) => ({ grade: g.grade, count: 0 }));
  const scoreCounts: Record<Dimension, number[]> = {
    recency: new Array(bins + 1).fill(0),
    frequency: new Array(bins + 1).fill(0),
    monetary: new Array(bins + 1).fill(0),
  };
  let graded = 0;
  for (let i = 0; i < pop.n; i++) {
    if (!pop.valid[i]) continue;
    graded++;
    gradeCounts[s.gradeIndex[i]].count++;
    scoreCounts.recency[s.r[i]]++;
    scoreCounts.frequency[s.f[i]]++;
    scoreCounts.monetary[s.m[i]]++;
  }
  return {
    profileId: profile.id,
    method: profile.method,
    asOf: formatDay(asOf),
    windowStart: start === undefined ? undefined : formatDay(start),
    unit,
    kind,
    rows: pop.n,
    graded,
    notGraded: pop.n - graded,
    gradeCounts,
    scoreCounts,
  };
}
