/** Turning a GradeResult into what people read: exact score text, grade, cadence, notes, column headers. */

import { formatUnits } from "./decimal";
import type { GradeResult } from "./grade";
import {
  CUSTOMER_HEADERS, EXTRA_OUTPUT_HEADERS, ISSUE_TEXTS, NOTE_SEPARATOR, OUTPUT_HEADERS, ROLE_NAMES, rowColumnPrefix,
} from "./messages";
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

/** Which of the optional result columns a grading writes after the seven. */
export interface ExtraColumns {
  /** `Next contact by`: the profile has contact periods. */
  nextContact: boolean;
  /** `Previous grade` and `Change`: a previous grading was compared. */
  previous: boolean;
}

/** Headers of every result column a grading writes: the seven, then the extra ones that apply, in their fixed order. */
export function resultHeaders(lang: Lang, extras: ExtraColumns): string[] {
  const headers = [...OUTPUT_HEADERS[lang]];
  if (extras.nextContact) headers.push(EXTRA_OUTPUT_HEADERS.nextContact[lang]);
  if (extras.previous) headers.push(EXTRA_OUTPUT_HEADERS.previous[lang], EXTRA_OUTPUT_HEADERS.change[lang]);
  return headers;
}

const CORE_HEADERS = [0, 1, 2, 3, 4, 5, 6].map((k) => new Set([OUTPUT_HEADERS.en[k], OUTPUT_HEADERS.zh[k]].map(normaliseHeader)));
const EXTRA_HEADERS = new Set(
  Object.values(EXTRA_OUTPUT_HEADERS).flatMap((h) => [h.en, h.zh]).map(normaliseHeader),
);
const OWN_HEADERS = new Set([...OUTPUT_HEADERS.en, ...OUTPUT_HEADERS.zh].map(normaliseHeader));

/** True for a header the add-in itself writes (either language), so its own output can be updated in place. */
export function isOwnOutputHeader(text: unknown): boolean {
  const h = normaliseHeader(text);
  return OWN_HEADERS.has(h) || EXTRA_HEADERS.has(h);
}

/**
 * Where an earlier grading's result columns stand in a header row: the seven in order (either language), followed by
 * any of the extra columns; the last such block wins. null when the headers hold none.
 */
export function ownOutputBlock(headers: readonly unknown[]): { start: number; width: number } | null {
  const normal = headers.map(normaliseHeader);
  for (let k = normal.length - CORE_HEADERS.length; k >= 0; k--) {
    if (!CORE_HEADERS.every((set, j) => set.has(normal[k + j]))) continue;
    let width = CORE_HEADERS.length;
    while (k + width < normal.length && EXTRA_HEADERS.has(normal[k + width])) width++;
    return { start: k, width };
  }
  return null;
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
