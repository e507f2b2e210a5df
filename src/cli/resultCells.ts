import {
  nextGradeOrdersOf,
  resultCell,
  resultColumns,
  resultSetting,
  resultText,
  type GradeResult,
  type Lang,
  type NextGradeOrders,
  type ResultColumn,
  type ResultDependence,
  type ResultRows,
} from "../engine";
import { csvField, dateOfDay } from "./cellText";
import { writeUnits } from "./csv/numberBytes";
import type { GradedTable } from "./gradeTable";
import { viewOf, type ByteWriter } from "./xlsx/byteWriter";

/**
 * A run of neighbouring result columns whose cells are equal for rows with equal keys (made once per key and reused),
 * or, without a key, made for every row (the note).
 */
export interface ResultSegment {
  /** Position of its first column among the result columns. */
  start: number;
  columns: ResultColumn[];
  key?: (i: number) => number;
}

/**
 * The appended result cells of each row, as the engine's declaration of the result columns says. Most columns depend
 * only on the three sub-scores or on the grade (and the previous grading's comparison), so their CSV text is made
 * once per combination and reused: with five bins a million rows share at most 125 of them. Only the note is made per
 * row, and most rows have none.
 */
export class ResultCells {
  readonly columns: ResultColumn[];
  readonly segments: ResultSegment[];
  /** The context the declaration's readers take (notes name the input's rows and columns, as the table knows them). */
  private readonly rows: ResultRows;
  /** Notes the writers add to a row (a text cut to fit a workbook cell), after the engine's. */
  private readonly added = new Map<number, string[]>();
  /** The segments CSV rows are written in, with the bytes made for each key (see CsvSegments). */
  private readonly csvSegments: CsvSegments;
  /**
   * The same when no row has a note: every note cell is then its comma alone, the same in every row, so the note joins
   * its neighbours' segments (a row's result cells are then mostly one cached run). Made when first written.
   */
  private quietSegments: CsvSegments | undefined;
  private readonly keys: Record<Exclude<ResultDependence, "row">, (i: number) => number>;
  private readonly previousIndex = new Map<string, number>();
  /**
   * Per result column, a writer of its CSV cell straight into bytes, for the columns made per row that have one: it
   * writes the cell (its comma first) and returns true, or writes nothing and returns false (then the cell's text is
   * written through csvField).
   */
  private readonly csvWriters: (((out: ByteWriter, i: number) => boolean) | undefined)[];

  constructor(
    private readonly res: GradeResult,
    private readonly lang: Lang,
    graded: GradedTable,
  ) {
    const migration = graded.migration;
    const added = this.added;
    this.rows = {
      res,
      lang,
      migration,
      notes: { ...graded.noteContext, added: (i) => (added.size === 0 ? undefined : added.get(i)) },
    };
    this.columns = resultColumns(resultSetting(res, migration !== undefined));
    // Sub-scores run from 0 (not graded) to the number of bins.
    const b = (res.profile.method === "quantiles" ? res.profile.bins : 5) + 1;
    this.keys = {
      grade: (i) => res.gradeIndex[i] + 1,
      scores: (i) => (res.r[i] * b + res.f[i]) * b + res.m[i],
      previous: (i) => this.previousKey(i),
    };
    this.segments = segmentsOf(this.columns, this.keys);
    this.csvSegments = csvSegmentsOf(this.segments);
    this.csvWriters = this.columns.map((c) =>
      c.id === "nextGrade" ? nextGradeCsv(res, (i) => this.cellCsv(c, i)) : undefined,
    );
    migration?.previousGrades.forEach((g, k) => this.previousIndex.set(g, k));
  }

  headers(): string[] {
    return this.columns.map((c) => c.header[this.lang]);
  }

  /** How many result columns there are. */
  get width(): number {
    return this.columns.length;
  }

  /** Number formats of the result columns, as declared. */
  formats(): (string | undefined)[] {
    return this.columns.map((c) => c.format);
  }

  /** Position of the grade among the result columns (its cells get the grade colours). */
  get gradeColumn(): number {
    return this.columns.findIndex((c) => c.id === "grade");
  }

  /** The grade, the previous grade and the change of row i as one number (a few dozen combinations in all). */
  private previousKey(i: number): number {
    const m = this.rows.migration;
    const g = this.res.gradeIndex[i] + 1;
    if (!m) return g;
    const p = m.previous[i];
    const prev = p === null ? 0 : this.previousIndex.get(p)! + 1;
    return (g * (m.previousGrades.length + 1) + prev) * 8 + CHANGE_KEYS[m.change[i] ?? "none"];
  }

  /** ",r,f,m,score,grade,cadence,note,…" for row i. */
  csvSuffix(i: number): string {
    let text = "";
    const written = this.csvSegments;
    for (let s = 0; s < written.segments.length; s++) {
      const segment = written.segments[s];
      text += segment.key ? this.cachedCsv(written, s, i).toString() : this.rowCsv(segment, i);
    }
    return text;
  }

  /**
   * The same as CSV bytes, appended to `out`: cached runs copied with TypedArray set (cheaper than Buffer.copy, a call
   * into Node), the cells made per row encoded only when they hold something.
   */
  writeCsv(out: ByteWriter, i: number): void {
    const written = this.res.issues.length === 0 && this.added.size === 0 ? this.quiet() : this.csvSegments;
    const { segments, caches, views } = written;
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s];
      if (segment.key !== undefined) {
        const key = segment.key(i);
        const bytes = caches[s][key] ?? this.cachedCsv(written, s, i);
        out.copyFrom(bytes, views[s][key]!, 0, bytes.length);
        continue;
      }
      const columns = segment.columns;
      for (let k = 0; k < columns.length; k++) {
        const writer = this.csvWriters[segment.start + k];
        if (writer !== undefined && writer(out, i)) continue;
        const text = this.cellCsv(columns[k], i);
        if (text.length === 1) {
          out.ensure(1);
          out.buf[out.at++] = COMMA;
        } else out.utf8(text);
      }
    }
  }

  /** The segments written when no row has a note: the note column depends on nothing then (see quietSegments). */
  private quiet(): CsvSegments {
    this.quietSegments ??= csvSegmentsOf(
      segmentsOf(
        this.columns.map((c) => (c.id === "note" ? { ...c, dependsOn: "grade" as const } : c)),
        this.keys,
      ),
    );
    return this.quietSegments;
  }

  private cachedCsv(written: CsvSegments, s: number, i: number): Buffer {
    const segment = written.segments[s];
    const key = segment.key!(i);
    const cache = written.caches[s];
    let bytes = cache[key];
    if (bytes === undefined) {
      bytes = Buffer.from(this.rowCsv(segment, i));
      cache[key] = bytes;
      written.views[s][key] = viewOf(bytes);
    }
    return bytes;
  }

  private rowCsv(segment: ResultSegment, i: number): string {
    let text = "";
    for (const column of segment.columns) text += this.cellCsv(column, i);
    return text;
  }

  /** One result cell of row i as CSV, its comma first. */
  private cellCsv(column: ResultColumn, i: number): string {
    const v = column.value(this.rows, i);
    return v === null ? "," : "," + csvField(resultText(column, v));
  }

  /** The cells of one segment of row i as workbook values: numbers, texts, Dates, null for empty cells. */
  segmentValues(segment: ResultSegment, i: number): unknown[] {
    return segment.columns.map((column) => this.cellValue(column, i));
  }

  /** One result cell of row i as a workbook value. */
  cellValue(column: ResultColumn, i: number): unknown {
    const v = resultCell(column, column.value(this.rows, i));
    return column.kind === "date" && v !== null ? dateOfDay(v as number) : v;
  }

  /** Every result cell of row i as workbook values. */
  values(i: number): unknown[] {
    return this.segments.flatMap((segment) => this.segmentValues(segment, i));
  }

  /** Adds a note to row i (once per text), part of its note from then on. */
  addNote(i: number, text: string): void {
    const list = this.added.get(i) ?? [];
    if (!list.includes(text)) list.push(text);
    this.added.set(i, list);
  }
}

const COMMA = 44;

/**
 * Bytes to make room for per row for its result cells when a chunk of rows is written: they take 60-70 (more with a
 * note), and a writer that runs out of room midway copies all it holds into one twice as large — at 64 a row that
 * was every chunk of 15M customer rows (0.2 s). Room for twice as much costs nothing until it is written to.
 */
export const RESULT_CSV_ROOM = 128;

/**
 * The next-grade cell as bytes: empty where there is nothing to say, else the order's exact decimal as the column's
 * value writes it (formatUnits of its cents), which csvField leaves as it is (a positive number). The words for an
 * order out of reach are the same in every row: made once by `cellCsv` (the column's own way) and copied. Orders of
 * 2^53 cents or more go through `cellCsv` every time.
 */
function nextGradeCsv(res: GradeResult, cellCsv: (i: number) => string): (out: ByteWriter, i: number) => boolean {
  let orders: NextGradeOrders | undefined;
  let outOfReach: Buffer | undefined;
  return (out, i) => {
    orders ??= nextGradeOrdersOf(res);
    const c = orders.cents[i];
    if (c !== c) {
      out.ensure(1);
      out.buf[out.at++] = COMMA;
      return true;
    }
    if (c === Infinity) {
      outOfReach ??= Buffer.from(cellCsv(i));
      out.bytes(outOfReach);
      return true;
    }
    // An order of 2^53 cents or more (in `large`) holds a double of at least 2^53 here.
    if (!(c > 0 && c <= Number.MAX_SAFE_INTEGER)) return false;
    out.ensure(1);
    out.buf[out.at++] = COMMA;
    writeUnits(out, c, orders.places);
    return true;
  };
}

/**
 * Segments as CSV is written from them: per segment with a key, the CSV bytes made for each key (keys are small whole
 * numbers: an array, not a Map), and the same bytes read as words, for ByteWriter.copyFrom.
 */
interface CsvSegments {
  segments: ResultSegment[];
  caches: (Buffer | undefined)[][];
  views: (DataView | undefined)[][];
}

function csvSegmentsOf(segments: ResultSegment[]): CsvSegments {
  return { segments, caches: segments.map(() => []), views: segments.map(() => []) };
}

const CHANGE_KEYS = { none: 0, up: 1, down: 2, same: 3, new: 4, gone: 5, other: 6 } as const;

/**
 * Neighbouring columns share a segment when one key covers them: the grade is a function of the sub-scores, so grade
 * columns join sub-score columns or comparison columns; sub-scores and comparisons need keys of their own.
 */
function segmentsOf(
  columns: readonly ResultColumn[],
  keys: Record<Exclude<ResultDependence, "row">, (i: number) => number>,
): ResultSegment[] {
  const segments: { start: number; columns: ResultColumn[]; on: ResultDependence }[] = [];
  columns.forEach((column, k) => {
    const last = segments[segments.length - 1];
    const on = column.dependsOn;
    const joined = last === undefined ? null : join(last.on, on);
    if (joined === null) segments.push({ start: k, columns: [column], on });
    else {
      last!.columns.push(column);
      last!.on = joined;
    }
  });
  return segments.map(({ start, columns: cs, on }) => ({
    start,
    columns: cs,
    key: on === "row" ? undefined : keys[on],
  }));
}

function join(a: ResultDependence, b: ResultDependence): ResultDependence | null {
  if (a === b) return a;
  if (a === "row" || b === "row") return null;
  if (a === "grade") return b;
  if (b === "grade") return a;
  return null;
}
