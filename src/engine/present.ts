/** Turning a GradeResult into what people read: exact score text, grade, cadence, notes. */

import { formatUnits } from "./decimal";
import type { GradeResult } from "./grade";
import { ISSUE_TEXTS, NOTE_SEPARATOR, quotedList, ROLE_NAMES, rowColumnPrefix, rowPrefix } from "./messages";
import { profileText } from "./profileText";
import type { Lang, Role, RowIssue } from "./types";

export interface NoteContext {
  /** How the user finds row `index` (e.g. its sheet row number). */
  rowLabel?: (index: number) => string | number;
  /** The header of the column playing `role`. */
  columnName?: (role: Role) => string;
  /** Notes a face adds to row `index` after the engine's (such as a text cut to fit a workbook cell). */
  added?: (index: number) => readonly string[] | undefined;
}

export function isGraded(res: GradeResult, i: number): boolean {
  return res.gradeIndex[i] >= 0;
}

/** The composite score as its exact decimal ("3", "4.1", "3.25"); "" when not graded. */
export function scoreText(res: GradeResult, i: number): string {
  return isGraded(res, i) ? formatUnits(res.scoreUnits[i], res.scorePlaces) : "";
}

/** The composite score as the double nearest its exact decimal, so it prints as "3" and not 3.0000000000000004. */
export function scoreNumber(res: GradeResult, i: number): number | null {
  return isGraded(res, i) ? Number(formatUnits(res.scoreUnits[i], res.scorePlaces)) : null;
}

export function gradeLetter(res: GradeResult, i: number): string | null {
  return isGraded(res, i) ? res.profile.grades[res.gradeIndex[i]].grade : null;
}

export function cadenceText(res: GradeResult, i: number, lang: Lang): string | null {
  return isGraded(res, i) ? profileText(res.profile.grades[res.gradeIndex[i]].cadence, lang) : null;
}

export function formatIssue(issue: RowIssue, lang: Lang, ctx: NoteContext = {}): string {
  const row = ctx.rowLabel?.(issue.index);
  if (issue.columns) return rowPrefix(lang, row) + ISSUE_TEXTS[issue.code][lang](quotedList(issue.columns, lang));
  const column = ctx.columnName?.(issue.role) || ROLE_NAMES[issue.role][lang];
  return rowColumnPrefix(lang, row, column) + ISSUE_TEXTS[issue.code][lang](issue.value ?? "");
}

/** Every note of row i joined into one text, the face's own after the engine's; "" when there is nothing to say. */
export function noteText(res: GradeResult, i: number, lang: Lang, ctx: NoteContext = {}): string {
  const { issues } = res;
  const first = firstIssueAt(issues, i);
  // Most rows have no note: they cost one search and no allocation.
  let text = "";
  if (first < issues.length && issues[first].index === i) {
    text = issuesOfRow(issues, i)
      .map((issue) => formatIssue(issue, lang, ctx))
      .join(NOTE_SEPARATOR[lang]);
  }
  const added = ctx.added?.(i);
  if (!added || added.length === 0) return text;
  return [text, ...added].filter((t) => t !== "").join(NOTE_SEPARATOR[lang]);
}

/** Where the notes of row `index` start in the index-ordered list (its length when there are none after it). */
function firstIssueAt(issues: readonly RowIssue[], index: number): number {
  let lo = 0,
    hi = issues.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (issues[mid].index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The notes of one row, found by binary search in the index-ordered list. */
export function issuesOfRow(issues: readonly RowIssue[], index: number): RowIssue[] {
  const out: RowIssue[] = [];
  for (let j = firstIssueAt(issues, index); j < issues.length && issues[j].index === index; j++) out.push(issues[j]);
  return out;
}
