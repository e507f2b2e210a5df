/**
 * RULES.md §13, grade history: sales records graded at a series of period ends E₁ < E₂ < … (month or quarter ends),
 * each with Eₖ as the analysis date and the usual window start, so that sales after Eₖ are not yet known at Eₖ. A
 * customer with no sale in the window at Eₖ has no grade for that period. Between consecutive periods, the customers
 * moving from each grade to each grade (or from or to no grade) are counted, with their total amount at the later end.
 *
 * The sales are read once (the same reading as any grading of sales records) and put in order of the period they
 * first count in — one counting sort. The periods are then graded in turn: each adds its own sales to the running
 * totals of its customers and grades the population as it stands, with the engine's own scoring. Grading each period
 * end from scratch would read and add up every sale again for each period.
 */

import { aggregateSales, skippedSales } from "./aggregateSales";
import { integerProfile } from "./compile/integerProfile";
import { addPeriod } from "./periods";
import { civilFromDay, dayFromCivil } from "./dates";
import { GradeError, salesPopulation, resolveWindowStart, type SalesSoFar } from "./grade";
import { MoneySums } from "./moneySums";
import { lowerBound, scorePopulation, type Population } from "./scoring";
import type { GradeOptions, MonetaryUnit, Profile, RowIssue, SalesColumnsInput, ValueList } from "./types";

export type HistoryStep = "month" | "quarter";

export interface HistoryOptions {
  /** Sales window start, YYYY-MM-DD or a day number; falls back to the profile's windowStart. */
  windowStart?: GradeOptions["windowStart"];
  /** Unit of the amounts handed in; defaults to the profile's monetary unit. */
  unit?: MonetaryUnit;
  /** Excel date system of serial numbers in the input. */
  date1904?: boolean;
}

/** Customers who moved from one grade to another between two consecutive period ends. */
export interface HistoryTransition {
  /** The later period (1 … periods − 1); the earlier one is `period − 1`. */
  period: number;
  /** Grade index at the earlier period end; -1 for no grade (a new customer). */
  from: number;
  /** Grade index at the later period end; -1 for no grade (a customer gone). */
  to: number;
  customers: number;
  /** Exact decimal text of their totals at the later period end, in the input's unit (0 for customers with none). */
  amount: string;
  /** The double nearest `amount`. */
  amountValue: number;
}

export interface GradeHistory {
  profile: Profile;
  /** Unit the amounts were read in. */
  unit: MonetaryUnit;
  /** First day counted (day number), when there is a window start. */
  windowStart?: number;
  /** The period ends, ascending (day numbers). */
  periodEnds: number[];
  /** Every customer with a readable sale, in order of first appearance (as any grading of the same sales lists them). */
  ids: ValueList<string>;
  /** grades[k][c]: customer c's grade index at period end k; -1 where it has none. */
  grades: Int16Array[];
  /** customersPerGrade[k][g]: customers with grade g at period end k. */
  customersPerGrade: number[][];
  /** Transitions between consecutive period ends, period by period, earlier grade then later grade (none last). */
  transitions: HistoryTransition[];
  /** Sales read, counted in at least one period, outside every window, unreadable, blank. */
  sales: { read: number; counted: number; outside: number; skipped: number; blank: number };
  /** Unreadable sales that were skipped (index = sale row). */
  saleIssues: RowIssue[];
}

/**
 * The last days of the months or quarters that end within the months `from` … `to` (inclusive), as day numbers:
 * month ends 2025-01 … 2025-03 are 31 Jan, 28 Feb, 31 Mar; quarter ends within 2025-02 … 2025-11 are 31 Mar, 30 Jun,
 * 30 Sep. Empty when none ends in that span.
 */
export function periodEnds(
  step: HistoryStep,
  from: { year: number; month: number },
  to: { year: number; month: number },
): number[] {
  const ends: number[] = [];
  const last = to.year * 12 + to.month - 1;
  for (let index = from.year * 12 + from.month - 1; index <= last; index++) {
    const year = Math.floor(index / 12),
      month = index - year * 12 + 1;
    if (step === "quarter" && month % 3 !== 0) continue;
    ends.push(addPeriod(dayFromCivil(year, month, 1), { months: 1 }) - 1);
  }
  return ends;
}

/** The month (1–12) and quarter (1–4) a period end falls in, for labels. */
export function periodOf(end: number): { year: number; month: number; quarter: number } {
  const { year, month } = civilFromDay(end);
  return { year, month, quarter: Math.ceil(month / 3) };
}

export function gradeHistory(
  input: SalesColumnsInput,
  profile: Profile,
  ends: readonly number[],
  options: HistoryOptions = {},
): GradeHistory {
  for (let k = 0; k < ends.length; k++) {
    if (!Number.isInteger(ends[k]) || (k > 0 && ends[k] <= ends[k - 1])) throw new GradeError("asOfInvalid");
  }
  const start = resolveWindowStart(options.windowStart, profile);
  if (ends.length > 0 && start !== undefined && start > ends[0]) throw new GradeError("windowInvalid");
  const unit = options.unit ?? profile.monetaryUnit;

  // One reading of the sales: each readable one's customer, day, amount and row, in input order. The reading's own
  // window is left empty: the totals are made here, period by period.
  const sales = new SaleList(input.ids.length);
  const read = aggregateSales(input, {
    startDay: Infinity,
    endDay: -Infinity,
    date1904: options.date1904 ?? false,
    onSale: (row, customer, day, amount) => {
      const s = sales.length++;
      sales.row[s] = row;
      sales.customer[s] = customer;
      sales.day[s] = day;
      sales.amount[s] = amount;
    },
  });
  const n = read.ids.length;
  const periods = ends.length;

  // The one sort: each sale goes to the first period whose end it is not after; sales before the window start or
  // after the last end count in no period.
  const firstDay = start ?? -Infinity;
  const endDays = Float64Array.from(ends);
  const bucketStart = new Int32Array(periods + 1);
  const periodOfSale = new Int32Array(sales.length);
  for (let s = 0; s < sales.length; s++) {
    const day = sales.day[s];
    const k = day < firstDay ? periods : lowerBound(endDays, day);
    periodOfSale[s] = k;
    if (k < periods) bucketStart[k + 1]++;
  }
  for (let k = 1; k <= periods; k++) bucketStart[k] += bucketStart[k - 1];
  const inOrder = new Int32Array(bucketStart[periods]);
  const filled = bucketStart.slice(0, periods);
  for (let s = 0; s < sales.length; s++) {
    const k = periodOfSale[s];
    if (k < periods) inOrder[filled[k]++] = s;
  }

  // Running totals, grown period by period.
  const soFar: SalesSoFar = {
    count: new Uint32Array(n),
    lastDay: new Int32Array(n),
    money: new MoneySums(),
    firstSale: new Int32Array(n).fill(-1),
  };
  for (let c = 0; c < n; c++) soFar.money.open();
  const count = soFar.count as Uint32Array,
    lastDay = soFar.lastDay as Int32Array,
    firstSale = soFar.firstSale;
  const ip = integerProfile(profile, unit);
  const thresholds = profile.method === "thresholds";
  const population: Population = {
    n,
    valid: new Uint8Array(n),
    days: new Int32Array(n),
    count: new Float64Array(n),
    money: new Float64Array(n),
  };
  const grades: Int16Array[] = [];
  const customersPerGrade: number[][] = [];
  const transitions: HistoryTransition[] = [];
  const gradeCount = profile.grades.length;

  for (let k = 0; k < periods; k++) {
    for (let at = bucketStart[k]; at < bucketStart[k + 1]; at++) {
      const s = inOrder[at];
      const c = sales.customer[s],
        day = sales.day[s],
        row = sales.row[s];
      if (count[c] === 0 || day > lastDay[c]) lastDay[c] = day;
      if (firstSale[c] < 0 || row < firstSale[c]) firstSale[c] = row;
      count[c]++;
      soFar.money.add(c, sales.amount[s]); // refunds (negative amounts) are summed as they are
    }
    salesPopulation(soFar, n, ends[k], thresholds, undefined, population);
    const graded = scorePopulation(population, ip).gradeIndex;
    grades.push(graded);
    const perGrade = new Array<number>(gradeCount).fill(0);
    for (let c = 0; c < n; c++) if (graded[c] >= 0) perGrade[graded[c]]++;
    customersPerGrade.push(perGrade);
    if (k > 0) transitions.push(...transitionsBetween(grades[k - 1], graded, k, gradeCount, soFar));
  }

  return {
    profile,
    unit,
    windowStart: start,
    periodEnds: [...ends],
    ids: read.ids,
    grades,
    customersPerGrade,
    transitions,
    sales: {
      read: read.read,
      counted: bucketStart[periods],
      outside: sales.length - bucketStart[periods],
      skipped: skippedSales(read.saleIssues),
      blank: read.blank,
    },
    saleIssues: read.saleIssues,
  };
}

/** Customers and their exact totals at the later end, per (earlier grade, later grade); none → none is left out. */
function transitionsBetween(
  before: Int16Array,
  after: Int16Array,
  period: number,
  grades: number,
  soFar: SalesSoFar,
): HistoryTransition[] {
  const side = grades + 1;
  // Slot of a grade index, with "no grade" (-1) last.
  const slot = (g: number) => (g < 0 ? grades : g);
  const customers = new Array<number>(side * side).fill(0);
  const sums = new MoneySums();
  for (let p = 0; p < side * side; p++) sums.open();
  for (let c = 0; c < before.length; c++) {
    const from = before[c],
      to = after[c];
    if (from < 0 && to < 0) continue;
    const pair = slot(from) * side + slot(to);
    customers[pair]++;
    if (soFar.count[c] > 0) {
      const z = soFar.money.value(c);
      if (Number.isFinite(z)) sums.add(pair, z);
    }
  }
  const out: HistoryTransition[] = [];
  for (let a = 0; a < side; a++) {
    for (let b = 0; b < side; b++) {
      const pair = a * side + b;
      if (customers[pair] === 0) continue;
      out.push({
        period,
        from: a === grades ? -1 : a,
        to: b === grades ? -1 : b,
        customers: customers[pair],
        amount: sums.text(pair),
        amountValue: sums.value(pair),
      });
    }
  }
  return out;
}

/** The readable sales in input order (at most one per row). */
class SaleList {
  readonly row: Int32Array;
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.row = new Int32Array(capacity);
    this.customer = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
  }
}
