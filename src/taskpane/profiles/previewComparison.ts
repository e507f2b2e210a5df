/** The preview's before/after table: grade counts of the profile as opened and as edited, over the same data. */
import type { GradeSummary } from "../../engine/types";

export interface ComparisonRow {
  /** A grade letter, or null for the rows not graded. */
  grade: string | null;
  /** Count under the profile as opened; undefined when that profile has no such grade (or there is none). */
  before?: number;
  /** Count under the edited profile; undefined when it has no such grade. */
  after?: number;
}

/**
 * One row per grade, the edited profile's grades first in their order, then grades only the profile as opened had;
 * a last row for the rows not graded. Counts of a grade one side lacks stay undefined (shown as "–"), not 0.
 */
export function compareGradeCounts(after: GradeSummary, before?: GradeSummary): ComparisonRow[] {
  const beforeCounts = new Map(before?.gradeCounts.map((g) => [g.grade, g.count]));
  const rows: ComparisonRow[] = after.gradeCounts.map(({ grade, count }) => ({
    grade,
    before: beforeCounts.get(grade),
    after: count,
  }));
  const inAfter = new Set(after.gradeCounts.map((g) => g.grade));
  for (const { grade, count } of before?.gradeCounts ?? []) {
    if (!inAfter.has(grade)) rows.push({ grade, before: count });
  }
  rows.push({ grade: null, before: before?.notGraded, after: after.notGraded });
  return rows;
}

/** "+2", "−1", "0"; empty when one side has no count. */
export function changeText(row: ComparisonRow): string {
  if (row.before === undefined || row.after === undefined) return "";
  const d = row.after - row.before;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : "0";
}
