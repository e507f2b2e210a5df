/**
 * The analysis (as-of) date against the data (spec §3): an interface proposes the profile's own date, else the
 * latest date in the data, and warns when the chosen date lies more than 31 days after the latest date in the data
 * (every customer then looks inactive) or before it (the latest customers are left out or get negative recency).
 */
import type { Profile } from "./types";
import { parseDateText } from "./dates";

/** Days after the latest date in the data beyond which the analysis date is suspicious. */
export const AS_OF_GAP_DAYS = 31;

export type AnalysisDateSource = "profile" | "data" | "none";

/**
 * The analysis date to propose: the profile's default when it has one, else the latest day in the data (null while
 * unknown or when the data holds no date), with where it came from.
 */
export function proposedAnalysisDate(profile: Profile, latestDay: number | null): { day: number | null; source: AnalysisDateSource } {
  const own = profile.asOf === undefined ? null : parseDateText(profile.asOf);
  if (own !== null) return { day: own, source: "profile" };
  if (latestDay !== null) return { day: latestDay, source: "data" };
  return { day: null, source: "none" };
}

export type AnalysisDateWarning =
  | { kind: "farAfterData"; days: number }
  | { kind: "beforeData"; days: number };

/** Why the analysis date looks wrong for the data, or null when it does not (or nothing is known about the data). */
export function analysisDateWarning(asOfDay: number, latestDay: number | null): AnalysisDateWarning | null {
  if (latestDay === null) return null;
  const gap = asOfDay - latestDay;
  if (gap > AS_OF_GAP_DAYS) return { kind: "farAfterData", days: gap };
  if (gap < 0) return { kind: "beforeData", days: -gap };
  return null;
}
