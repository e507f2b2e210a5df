import {
  cadenceText, changeText, formatDay, gradeLetter, hasContactPeriods, nextContactDay, NOTE_SEPARATOR, noteText, resultHeaders,
  scoreNumber, scoreText, type GradeChange, type GradeMigration, type GradeResult, type Lang,
} from "../engine";
import { csvField, dateOfDay } from "./cellText";
import type { GradedTable } from "./gradeTable";

const CHANGES: (GradeChange | null)[] = [null, "up", "down", "same", "new", "gone", "other"];

/**
 * The appended result cells of row i. Everything but the note depends only on the three sub-scores, so the CSV text
 * of those six cells is made once per (r, f, m) and reused: with five bins a million rows share at most 125 of them.
 */
export class ResultCells {
  private readonly csvCache = new Map<number, string>();
  private readonly bytesCache = new Map<number, Buffer>();
  /** Rows the engine has something to say about; most rows have no note, and asking for one costs a search. */
  private readonly noted: Uint8Array;
  /** Notes the writers add to a row (a text cut to fit a workbook cell), after the engine's. */
  private readonly added = new Map<number, string[]>();
  /** The columns after the note: next contact (the profile has periods), previous grade and change (--previous). */
  private readonly nextContact: boolean;
  private readonly migration?: GradeMigration;
  private readonly tailCache = new Map<number, { csv: string; bytes: Buffer; values: unknown[] }>();
  private readonly previousIndex = new Map<string, number>();

  constructor(
    private readonly res: GradeResult,
    private readonly lang: Lang,
    private readonly graded: GradedTable,
  ) {
    this.noted = new Uint8Array(res.n);
    for (const issue of res.issues) this.noted[issue.index] = 1;
    this.nextContact = hasContactPeriods(res.profile);
    this.migration = graded.migration;
    this.migration?.previousGrades.forEach((g, k) => this.previousIndex.set(g, k));
  }

  /** Headers of the result columns: the seven, then those after the note that apply. */
  headers(): string[] {
    return resultHeaders(this.lang, { nextContact: this.nextContact, previous: this.migration !== undefined });
  }

  /** How many result columns there are (7 and the extra ones). */
  get width(): number {
    return 7 + (this.nextContact ? 1 : 0) + (this.migration ? 2 : 0);
  }

  /** Position of the next-contact column among the result columns, or -1. */
  get nextContactColumn(): number {
    return this.nextContact ? 7 : -1;
  }

  /** ",r,f,m,score,grade,cadence,note" and the cells after the note. */
  csvSuffix(i: number): string {
    return this.fixedCsv(i) + this.csvNote(i) + this.tail(i).csv;
  }

  /**
   * Rows with equal tail keys have the same cells after the note: the next contact depends on the grade only, the
   * previous grade and change on the comparison, so a few dozen combinations cover a million rows.
   */
  tailKey(i: number): number {
    const g = this.res.gradeIndex[i] + 1;
    const m = this.migration;
    if (!m) return g;
    const p = m.previous[i];
    const prev = p === null ? 0 : this.previousIndex.get(p)! + 1;
    return (g * 1024 + prev) * 8 + CHANGES.indexOf(m.change[i]);
  }

  private tail(i: number): { csv: string; bytes: Buffer; values: unknown[] } {
    const key = this.tailKey(i);
    let tail = this.tailCache.get(key);
    if (tail === undefined) {
      const values: unknown[] = [];
      let csv = "";
      if (this.nextContact) {
        const day = nextContactDay(this.res, i);
        values.push(day === null ? null : dateOfDay(day));
        csv += "," + (day === null ? "" : formatDay(day));
      }
      const m = this.migration;
      if (m) {
        const previous = m.previous[i];
        const change = changeText(m.change[i], this.lang);
        values.push(previous, change || null);
        csv += "," + csvField(previous ?? "") + "," + csvField(change);
      }
      tail = { csv, bytes: Buffer.from(csv), values };
      this.tailCache.set(key, tail);
    }
    return tail;
  }

  /** The cells after the note as CSV bytes (empty when there are none). */
  tailBytes(i: number): Buffer {
    return this.tail(i).bytes;
  }

  /** The cells after the note as workbook values (next contact as a date; the same for rows with equal tail keys). */
  tailValues(i: number): unknown[] {
    return this.tail(i).values;
  }

  /** The six cells before the note (",r,f,m,score,grade,cadence") as UTF-8. */
  fixedBytes(i: number): Buffer {
    const key = this.key(i);
    let bytes = this.bytesCache.get(key);
    if (bytes === undefined) {
      bytes = Buffer.from(this.fixedCsv(i));
      this.bytesCache.set(key, bytes);
    }
    return bytes;
  }

  /** ",note" (just "," when the row has none). */
  csvNote(i: number): string {
    return this.noted[i] === 0 ? "," : "," + csvField(this.note(i));
  }

  /** Rows with equal keys have the same six cells before the note. */
  key(i: number): number {
    return (this.res.r[i] << 16) | (this.res.f[i] << 8) | this.res.m[i];
  }

  private fixedCsv(i: number): string {
    const { res } = this;
    const key = this.key(i);
    let fixed = this.csvCache.get(key);
    if (fixed === undefined) {
      fixed = res.gradeIndex[i] < 0
        ? ",,,,,,"
        : [res.r[i], res.f[i], res.m[i], scoreText(res, i), gradeLetter(res, i)!, cadenceText(res, i, this.lang)!]
            .map((v) => "," + csvField(String(v)))
            .join("");
      this.csvCache.set(key, fixed);
    }
    return fixed;
  }

  /** The result cells as workbook values: numbers for the scores, dates, null for empty cells. */
  values(i: number): unknown[] {
    return [...this.fixedValues(i), this.note(i) || null, ...this.tailValues(i)];
  }

  /** The six cells before the note as workbook values (the same for every row with the same key). */
  fixedValues(i: number): unknown[] {
    const { res } = this;
    const graded = res.gradeIndex[i] >= 0;
    return [
      graded ? res.r[i] : null,
      graded ? res.f[i] : null,
      graded ? res.m[i] : null,
      scoreNumber(res, i),
      gradeLetter(res, i),
      cadenceText(res, i, this.lang),
    ];
  }

  /** The note of row i; "" when there is none. */
  note(i: number): string {
    if (this.noted[i] === 0) return "";
    const engine = noteText(this.res, i, this.lang, this.graded.noteContext);
    const added = this.added.get(i);
    if (!added) return engine;
    return [engine, ...added].filter((t) => t !== "").join(NOTE_SEPARATOR[this.lang]);
  }

  /** Adds a note to row i (once per text), read by `note` from then on. */
  addNote(i: number, text: string): void {
    const list = this.added.get(i) ?? [];
    if (!list.includes(text)) list.push(text);
    this.added.set(i, list);
    this.noted[i] = 1;
  }
}
