import {
  cadenceText, gradeLetter, NOTE_SEPARATOR, noteText, scoreNumber, scoreText, type GradeResult, type Lang,
} from "../engine";
import { csvField } from "./cellText";
import type { GradedTable } from "./gradeTable";

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

  constructor(
    private readonly res: GradeResult,
    private readonly lang: Lang,
    private readonly graded: GradedTable,
  ) {
    this.noted = new Uint8Array(res.n);
    for (const issue of res.issues) this.noted[issue.index] = 1;
  }

  /** ",r,f,m,score,grade,cadence,note" */
  csvSuffix(i: number): string {
    return this.fixedCsv(i) + this.csvNote(i);
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

  /** The seven cells as workbook values: numbers for the scores, null for empty cells. */
  values(i: number): unknown[] {
    return [...this.fixedValues(i), this.note(i) || null];
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
