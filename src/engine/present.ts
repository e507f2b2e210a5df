/** Turning a GradeResult into what people read: exact score text, grade, cadence, notes, column headers. */

import { formatUnits } from "./decimal";
import type { GradeResult } from "./grade";
import { CUSTOMER_HEADERS, ISSUE_TEXTS, NOTE_SEPARATOR, OUTPUT_HEADERS, ROLE_NAMES, rowColumnPrefix } from "./messages";
import { normaliseHeader } from "./headers";
import type { Lang, Role, RowIssue } from "./types";

export interface NoteContext {
  /** How the user finds row `index` (e.g. its sheet row number). */
  rowLabel?: (index: number) => string | number;
  /** The header of the column playing `role`. */
  columnName?: (role: Role) => string;
}

export function outputHeaders(lang: Lang): string[] {
  return [...OUTPUT_HEADERS[lang]];
}

export function customerHeaders(lang: Lang): string[] {
  return [...CUSTOMER_HEADERS[lang]];
}

const OWN_HEADERS = new Set([...OUTPUT_HEADERS.en, ...OUTPUT_HEADERS.zh].map(normaliseHeader));

/** True for a header the add-in itself writes (either language), so its own output can be updated in place. */
export function isOwnOutputHeader(text: unknown): boolean {
  return OWN_HEADERS.has(normaliseHeader(text));
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
  return isGraded(res, i) ? res.profile.grades[res.gradeIndex[i]].cadence[lang] : null;
}

export function formatIssue(issue: RowIssue, lang: Lang, ctx: NoteContext = {}): string {
  const column = ctx.columnName?.(issue.role) || ROLE_NAMES[issue.role][lang];
  const row = ctx.rowLabel?.(issue.index);
  return rowColumnPrefix(lang, row, column) + ISSUE_TEXTS[issue.code][lang](issue.value ?? "");
}

/** Every note of row i joined into one text; "" when there is nothing to say. */
export function noteText(res: GradeResult, i: number, lang: Lang, ctx: NoteContext = {}): string {
  const found = issuesOfRow(res.issues, i);
  return found.map((issue) => formatIssue(issue, lang, ctx)).join(NOTE_SEPARATOR[lang]);
}

/** The notes of one row, found by binary search in the index-ordered list. */
export function issuesOfRow(issues: readonly RowIssue[], index: number): RowIssue[] {
  let lo = 0, hi = issues.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (issues[mid].index < index) lo = mid + 1;
    else hi = mid;
  }
  const out: RowIssue[] = [];
  for (let j = lo; j < issues.length && issues[j].index === index; j++) out.push(issues[j]);
  return out;
}
