/**
 * The analysis (as-of) date against the data (RULES.md §9): an interface proposes the profile's own date, else the
 * latest date in the data, and warns when the chosen date lies more than 31 days after the latest date in the data
 * (every customer then looks inactive) or before it (the latest customers are left out or get negative recency).
 */
import type { GradeResult } from "./grade";
import type { Profile } from "./types";
import { formatDay, parseDateText } from "./dates";

/** Days after the latest date in the data beyond which the analysis date is suspicious. */
const AS_OF_GAP_DAYS = 31;

export type AnalysisDateSource = "profile" | "data" | "none";

/**
 * The analysis date to propose: the profile's default when it has one, else the latest day in the data (null while
 * unknown or when the data holds no date), with where it came from.
 */
export function proposedAnalysisDate(
  profile: Profile,
  latestDay: number | null,
): { day: number | null; source: AnalysisDateSource } {
  const own = profile.asOf === undefined ? null : parseDateText(profile.asOf);
  if (own !== null) return { day: own, source: "profile" };
  if (latestDay !== null) return { day: latestDay, source: "data" };
  return { day: null, source: "none" };
}

export type AnalysisDateWarning = { kind: "farAfterData"; days: number } | { kind: "beforeData"; days: number };

/** Why the analysis date looks wrong for the data, or null when it does not (or nothing is known about the data). */
export function analysisDateWarning(asOfDay: number, latestDay: number | null): AnalysisDateWarning | null {
  if (latestDay === null) return null;
  const gap = asOfDay - latestDay;
  if (gap > AS_OF_GAP_DAYS) return { kind: "farAfterData", days: gap };
  if (gap < 0) return { kind: "beforeData", days: -gap };
  return null;
}

/** Whose analysis date a grading used: the profile's fixed default, or one the user chose. */
export type AnalysisDateChoice = "profile" | "user";

/**
 * The data runs past the analysis date (RULES.md §9): what that leaves out, and the date to offer instead. The rules
 * still apply as written; the user decides, having seen it.
 */
export interface DataPastAnalysisDate {
  /** Whose date it is: the profile's fixed date (wuhan: 2025-07-01), or the user's own. */
  chosenBy: AnalysisDateChoice;
  /** The analysis date used and the latest date in the data, YYYY-MM-DD, and the days between them. */
  asOf: string;
  latest: string;
  days: number;
  /** The date to offer instead: the latest date in the data. */
  suggestedAsOf: string;
  /** Customer table: rows whose last order date is after the analysis date (not graded), of `rows` read. */
  rowsNotGraded?: number;
  rows?: number;
  /** Sales records: sales after the analysis date (outside the window), of `sales` read. */
  salesLeftOut?: number;
  sales?: number;
  /** Sales records: customers with a sale after the analysis date, and those of them with none inside the window. */
  customersWithLaterSales?: number;
  customersNotGraded?: number;
}

/**
 * Whether the data runs past the analysis date a grading used, and what that leaves out; null when it does not (or
 * the data holds no date). `chosenBy` says whether the date is the profile's fixed default or the user's: an interface
 * warns plainly about the first, which nobody chose for this data, and offers `suggestedAsOf` in one action.
 */
export function dataPastAnalysisDate(res: GradeResult, chosenBy: AnalysisDateChoice): DataPastAnalysisDate | null {
  const latestText = res.summary.latestDate;
  const latest = latestText === undefined ? null : parseDateText(latestText);
  if (latest === null || latest <= res.asOfDay) return null;
  const base = {
    chosenBy,
    asOf: formatDay(res.asOfDay),
    latest: latestText!,
    days: latest - res.asOfDay,
    suggestedAsOf: latestText!,
  };
  const sales = res.summary.sales;
  if (!sales || !res.customers) {
    let after = 0,
      previous = -1;
    for (const issue of res.issues) {
      if (issue.code !== "dateAfterAsOf" || issue.index === previous) continue;
      after++;
      previous = issue.index;
    }
    return { ...base, rowsNotGraded: after, rows: res.summary.rows - (res.summary.blankRows ?? 0) };
  }
  const { laterSale, count } = res.customers;
  let withLater = 0,
    notGraded = 0;
  for (let j = 0; j < laterSale.length; j++) {
    if (laterSale[j] === 0) continue;
    withLater++;
    if (count[j] === 0) notGraded++;
  }
  return {
    ...base,
    salesLeftOut: sales.afterAsOf ?? 0,
    sales: sales.read - (sales.blank ?? 0),
    customersWithLaterSales: withLater,
    customersNotGraded: notGraded,
  };
}
