/**
 * The JavaScript engine's quick reading of a plain customer CSV file: one pass over its bytes, block by block, that
 * reads each row's recency D, purchase count S and total Z straight from the bytes of its cells and notes where each
 * line lies, for the output to copy (`copiedLines.ts`). Memory grows by 28 bytes a row (and 8 for an id), not with the
 * text: the file is never held whole.
 *
 * It reads only files in which every cell of the four columns the grading reads is in a plain form whose reading by
 * the full reader is certain, and every line is one row the full reader's output copies as it is. These are the forms
 * the DuckDB gate checks (`../duckdb/strictCells.ts`, tested against each other):
 * - date: `YYYY-MM-DD` from year 1000 on, a real calendar day (the engine's `parseDay` reads it), not after the
 *   analysis date;
 * - count: a positive whole number of at most 15 digits, no sign, zeros in front or decimals;
 * - total: at most 9 digits before the point and 6 after it, no sign or grouping (positive when the profile needs it);
 *   its double is the integer of its digits over a power of ten, one correctly rounded division, which is the double
 *   nearest its decimal value that the full reader gives too;
 * - id: letters, digits, `_ . -`, starting with a letter or digit, at most 64 bytes, never twice (`RepeatedIds`);
 * and per line: valid UTF-8, as many cells as the header, no quote, no cell starting like a formula that is not a
 * number, the header's kind of line break only, no empty line. At the first thing outside these forms the reading
 * stops and says which; the full reader then reads the file and notes every problem in the user's words. Nothing
 * here restates a grading rule: the engine grades the values (`gradeCheckedCustomers`).
 */

import { isUtf8 } from "buffer";
import { closeSync, openSync, readSync, statSync } from "fs";
import { join } from "path";
import { Worker } from "worker_threads";
import type { CheckedCustomers } from "../../engine";
// The engine's dates module, not its index: the reading threads load no more of the engine than they use.
import { formatDay, parseDay } from "../../engine/dates";
import { grownTo } from "../../engine/typedArrays";
import { MAY_NEED_DEFENCE, rawFieldNeedsDefence } from "../cellText";
import { partOf, threadCount } from "../threadCount";
import type { DeclineReason } from "../duckdb/engineTexts";
import type { LineIndex } from "./csvLines";
import type { CellForms } from "./plainHead";
import { RepeatedIds, type RepeatedIdsState } from "./repeatedIds";

const BLOCK_BYTES = 4 << 20;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const COMMA = 44;
const ZERO = 48;
const DASH = 45;
const POINT = 46;

/** Where the columns the grading reads stand (0-based), and how many cells a row has. */
export interface PlainColumns {
  width: number;
  id?: number;
  date: number;
  count: number;
  total: number;
}

export type PlainReading = { rows: CheckedCustomers; index: LineIndex } | { declined: DeclineReason };

/** A stretch of the file's data lines for one thread to read (plain data: it is copied to the thread). */
export interface PlainTask {
  path: string;
  /** Bytes [from, to) of the file: whole lines, the last one's break included (or the file's end). */
  from: number;
  to: number;
  crlf: boolean;
  columns: PlainColumns;
  forms: CellForms;
  /** Rows to make room for at first. */
  capacity: number;
}

/** One stretch read: its rows' values, where its lines lie, and its ids' fingerprints. */
interface PlainPart {
  n: number;
  days: Int32Array;
  count: Float64Array;
  money: Float64Array;
  /** n + 1 offsets: each line's start, then the end of the last one's break. */
  starts: Float64Array;
  lastUnbroken: boolean;
  ids?: RepeatedIdsState;
}

export type PartReading = { part: PlainPart } | { declined: DeclineReason };

/** Reads one stretch of the file, or says why it is not plain. */
export function readPlainPart(task: PlainTask): PartReading {
  const reader = new PlainReader(task.columns, task.forms, Math.max(1024, Math.ceil(task.capacity)));
  const fd = openSync(task.path, "r");
  try {
    reader.readFile(fd, task.from, task.to, task.crlf);
  } catch (err) {
    if (err instanceof NotPlain) return { declined: err.reason };
    throw err;
  } finally {
    closeSync(fd);
  }
  return { part: reader.part() };
}

/**
 * From this many bytes of data lines on, the file is read by several threads side by side, each a stretch of whole
 * lines (15M rows, 476 MB: 3.2 s in one thread, 2.2 s in two); below it, starting a thread costs more than it saves.
 * RFM_PLAIN_THREADS_FROM_BYTES and RFM_PLAIN_THREADS in the environment set other values (tests read small files in
 * several threads with them).
 */
const THREADS_FROM_BYTES = 64 * 1024 * 1024;
const MOST_THREADS = 4;
const WORKER = join(__dirname, "plainWorker.js");

function threadsFor(bytes: number): number {
  return threadCount(bytes, {
    fromBytes: THREADS_FROM_BYTES,
    fromVariable: "RFM_PLAIN_THREADS_FROM_BYTES",
    threadsVariable: "RFM_PLAIN_THREADS",
    most: MOST_THREADS,
    worker: WORKER,
  });
}

/**
 * Reads the data lines of `path` from byte `start` on (`crlf`: the header's line break, which every line must use),
 * or says why the file is not plain. `expectedRows` sizes the arrays (they grow if it is short). The stretches are
 * read side by side and put together in file order: the first problem met in file order is the one reported, as one
 * thread reading the whole file would report it.
 */
export async function readPlainCustomers(
  path: string,
  start: number,
  crlf: boolean,
  columns: PlainColumns,
  forms: CellForms,
  expectedRows: number,
): Promise<PlainReading> {
  const size = statSync(path).size;
  const bounds = stretches(path, start, size, threadsFor(size - start));
  const task = (t: number, capacity: number): PlainTask => ({
    path,
    from: bounds[t],
    to: bounds[t + 1],
    crlf,
    columns,
    forms,
    capacity,
  });
  const share = (t: number) => (expectedRows * (bounds[t + 1] - bounds[t])) / Math.max(1, size - start);
  const workers = bounds.slice(2).map((_, k) => new Worker(WORKER, { workerData: task(k + 1, share(k + 1)) }));
  const theirs = workers.map((w) => partOf<PartReading>(w, "customers"));
  let parts: PartReading[];
  try {
    // This thread makes room for every row: the others' rows are put after its own.
    const mine = readPlainPart(task(0, expectedRows));
    // A problem in the first stretch is the first in the file: the others' reading is not waited for.
    parts = "declined" in mine ? [mine] : [mine, ...(await Promise.all(theirs))];
  } finally {
    theirs.forEach((r) => r.catch(() => undefined));
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const declined = parts.find((r): r is { declined: DeclineReason } => "declined" in r);
  if (declined) return declined;
  const whole = joined(parts.map((r) => (r as { part: PlainPart }).part));
  if (whole.ids && RepeatedIds.of(whole.ids).anyTwice()) return { declined: "notStrict" };
  const n = whole.n;
  const rows = {
    days: whole.days.subarray(0, n),
    count: whole.count.subarray(0, n),
    money: whole.money.subarray(0, n),
  };
  const index: LineIndex = {
    count: n,
    starts: whole.starts.subarray(0, n + 1),
    breakBytes: crlf ? 2 : 1,
    lastUnbroken: whole.lastUnbroken,
  };
  return { rows, index };
}

/**
 * Where the stretches of `threads` threads begin, then the file's end: after the line feed at or past each share's
 * end (a stretch without one is left out, and the one before reads on).
 */
function stretches(path: string, start: number, size: number, threads: number): number[] {
  const bounds = [start];
  if (threads > 1) {
    const fd = openSync(path, "r");
    try {
      const look = Buffer.allocUnsafe(64 * 1024);
      for (let t = 1; t < threads; t++) {
        let at = Math.max(bounds[bounds.length - 1], Math.floor(start + ((size - start) * t) / threads));
        for (;;) {
          const read = readSync(fd, look, 0, look.length, at);
          if (read === 0) break;
          const lineFeed = look.subarray(0, read).indexOf(LINE_FEED);
          if (lineFeed >= 0) {
            if (at + lineFeed + 1 < size) bounds.push(at + lineFeed + 1);
            break;
          }
          at += read;
        }
      }
    } finally {
      closeSync(fd);
    }
  }
  bounds.push(size);
  return [...new Set(bounds)];
}

/** The parts as one, in file order: the first part's arrays, grown if need be, take the others' rows after its own. */
function joined(parts: PlainPart[]): PlainPart {
  const [first, ...rest] = parts;
  if (rest.length === 0) return first;
  const n = parts.reduce((sum, p) => sum + p.n, 0);
  const fits = first.days.length >= n;
  const whole: PlainPart = fits
    ? first
    : {
        ...first,
        days: grownTo(first.days, n),
        count: grownTo(first.count, n),
        money: grownTo(first.money, n),
        starts: grownTo(first.starts, n + 1),
      };
  const ids = first.ids && RepeatedIds.of(first.ids);
  let at = first.n;
  for (const p of rest) {
    whole.days.set(p.days.subarray(0, p.n), at);
    whole.count.set(p.count.subarray(0, p.n), at);
    whole.money.set(p.money.subarray(0, p.n), at);
    whole.starts.set(p.starts.subarray(0, p.n + 1), at);
    if (ids && p.ids) ids.absorb(p.ids);
    at += p.n;
  }
  return { ...whole, n, lastUnbroken: rest[rest.length - 1].lastUnbroken, ids: ids?.state() };
}

/** Bytes an id may hold: letters, digits, `_ . -`; the first only a letter or digit (value 2). */
const ID_BYTES = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const c = String.fromCharCode(b);
  if (/[0-9A-Za-z]/.test(c)) ID_BYTES[b] = 2;
  else if (/[_.-]/.test(c)) ID_BYTES[b] = 1;
}
const ID_MAX_BYTES = 64;

/** Each byte's digit, NOT_A_DIGIT for any other byte (OR-ing a cell's values tells whether all were digits). */
const NOT_A_DIGIT = 16;
const DIGIT = new Uint8Array(256).fill(NOT_A_DIGIT);
for (let d = 0; d <= 9; d++) DIGIT[ZERO + d] = d;

const POWERS_OF_TEN = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** A day of the dates' table not yet read, and a date that is no plain date up to the analysis date. */
const UNREAD = -0x80000000;
const NOT_PLAIN = -0x7fffffff;

/** Thrown inside the reading at the first line outside the plain forms. */
class NotPlain {
  constructor(readonly reason: DeclineReason) {}
}

class PlainReader {
  private readonly width: number;
  /** Where each cell of the line being read starts, then one past the end of its last cell. */
  private readonly bounds: Int32Array;
  /** The columns of the four cells read (idColumn -1 when the table has no ids). */
  private readonly idColumn: number;
  private readonly dateColumn: number;
  private readonly countColumn: number;
  private readonly totalColumn: number;
  private readonly asOf: number;
  private readonly positiveTotal: boolean;
  private readonly ids: RepeatedIds | undefined;
  /** Day numbers of the dates met, by year (from 1000), month and day of month. */
  private readonly dayOf: Int32Array;
  private readonly lastYear: number;
  private days: Int32Array;
  private count: Float64Array;
  private money: Float64Array;
  /** Each line's start in the file, then the end of the last one's break. */
  private starts: Float64Array;
  private n = 0;
  /** The last line ends the file without a line break. */
  private lastUnbroken = false;

  constructor(columns: PlainColumns, forms: CellForms, capacity: number) {
    this.width = columns.width;
    this.bounds = new Int32Array(columns.width + 1);
    this.idColumn = columns.id ?? -1;
    this.dateColumn = columns.date;
    this.countColumn = columns.count;
    this.totalColumn = columns.total;
    this.ids = columns.id === undefined ? undefined : new RepeatedIds();
    this.asOf = forms.asOfDay;
    this.positiveTotal = forms.positiveTotal;
    this.lastYear = Number(formatDay(forms.asOfDay).slice(0, 4));
    this.dayOf = new Int32Array(Math.max(0, this.lastYear - 999) * 12 * 31).fill(UNREAD);
    this.days = new Int32Array(capacity);
    this.count = new Float64Array(capacity);
    this.money = new Float64Array(capacity);
    this.starts = new Float64Array(capacity + 1);
  }

  /**
   * Reads bytes [start, end) block after block; each block's whole lines are read, the unfinished one is carried to
   * the next.
   */
  readFile(fd: number, start: number, end: number, crlf: boolean): void {
    let buffer = Buffer.allocUnsafe(BLOCK_BYTES + 1);
    let filled = 0;
    let position = start;
    for (;;) {
      if (filled === buffer.length - 1) {
        // A line longer than the buffer: a larger one.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const read = readSync(fd, buffer, filled, Math.min(buffer.length - 1 - filled, end - position), position);
      const blockStart = position - filled;
      position += read;
      filled += read;
      if (read === 0) {
        if (filled === 0) return;
        // The last line has no line break: one is put after it, and the line ends there.
        buffer[filled] = LINE_FEED;
        this.readLines(buffer, 0, filled + 1, blockStart, crlf, filled);
        return;
      }
      const linesEnd = buffer.lastIndexOf(LINE_FEED, filled - 1) + 1;
      if (linesEnd > 0) {
        this.readLines(buffer, 0, linesEnd, blockStart, crlf, -1);
        buffer.copy(buffer, 0, linesEnd, filled);
        filled -= linesEnd;
      }
    }
  }

  /**
   * The lines of bytes[from, to), each ending in a line feed; `sentinel` is the place of a line feed put after a last
   * line without one (else -1).
   */
  private readLines(
    bytes: Buffer,
    from: number,
    to: number,
    blockStart: number,
    crlf: boolean,
    sentinel: number,
  ): void {
    if (!isUtf8(bytes.subarray(from, sentinel >= 0 ? sentinel : to))) throw new NotPlain("encoding");
    const { width, idColumn, dateColumn, countColumn, totalColumn, bounds } = this;
    let i = from;
    while (i < to) {
      const lineStart = i;
      const row = this.n;
      if (row === this.days.length) this.grow();
      let field = 0;
      for (;;) {
        // Where each cell starts: the cells read are found from these once the line is known to be whole.
        if (field < width) bounds[field] = i;
        if (MAY_NEED_DEFENCE[bytes[i]] === 1 && rawFieldNeedsDefence(bytes, i)) throw new NotPlain("formulaLike");
        let c = bytes[i];
        // Most bytes are above the comma (digits, letters, - . / :, UTF-8) and need one comparison.
        while (c > COMMA) c = bytes[++i];
        while (c !== COMMA && c !== LINE_FEED && c !== CARRIAGE_RETURN) {
          if (c === QUOTE) throw new NotPlain("quotes");
          c = bytes[++i];
          while (c > COMMA) c = bytes[++i];
        }
        if (c !== COMMA) break;
        field++;
        i++;
      }
      bounds[width] = i + 1;
      // A line's end: LF, or CR LF in a file whose header ends so; the line feed put after a last line ends it too.
      let next: number;
      if (bytes[i] === CARRIAGE_RETURN) {
        if (!crlf || bytes[i + 1] !== LINE_FEED || i + 1 === sentinel) throw new NotPlain("lineBreaks");
        next = i + 2;
      } else {
        if (crlf && i !== sentinel) throw new NotPlain("lineBreaks");
        next = i + 1;
      }
      if (i === lineStart) throw new NotPlain("emptyLine");
      if (field + 1 !== width) throw new NotPlain("rowWidth");
      // Cell c lies in [bounds[c], bounds[c + 1] - 1): the byte before the next cell's start is its comma.
      this.days[row] = this.asOf - this.day(bytes, bounds[dateColumn], bounds[dateColumn + 1] - 1);
      this.count[row] = wholeNumber(bytes, bounds[countColumn], bounds[countColumn + 1] - 1);
      this.money[row] = this.total(bytes, bounds[totalColumn], bounds[totalColumn + 1] - 1);
      if (idColumn >= 0) this.id(bytes, bounds[idColumn], bounds[idColumn + 1] - 1);
      this.starts[row] = blockStart + lineStart;
      this.n = row + 1;
      if (i === sentinel) {
        this.lastUnbroken = true;
        this.starts[row + 1] = blockStart + i;
        return;
      }
      this.starts[row + 1] = blockStart + next;
      i = next;
    }
  }

  private day(bytes: Buffer, from: number, to: number): number {
    if (to - from !== 10 || bytes[from + 4] !== DASH || bytes[from + 7] !== DASH) throw new NotPlain("notStrict");
    const y0 = DIGIT[bytes[from]],
      y1 = DIGIT[bytes[from + 1]],
      y2 = DIGIT[bytes[from + 2]],
      y3 = DIGIT[bytes[from + 3]],
      m0 = DIGIT[bytes[from + 5]],
      m1 = DIGIT[bytes[from + 6]],
      d0 = DIGIT[bytes[from + 8]],
      d1 = DIGIT[bytes[from + 9]];
    if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) & NOT_A_DIGIT) throw new NotPlain("notStrict");
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3,
      month = m0 * 10 + m1,
      date = d0 * 10 + d1;
    if (year < 1000 || year > this.lastYear || month < 1 || month > 12 || date < 1 || date > 31)
      throw new NotPlain("notStrict");
    const key = ((year - 1000) * 12 + month - 1) * 31 + date - 1;
    let day = this.dayOf[key];
    if (day === UNREAD) {
      // Each distinct date is read once, by the engine's own reading of dates.
      const read = parseDay(bytes.latin1Slice(from, to));
      day = this.dayOf[key] = read === null || read > this.asOf ? NOT_PLAIN : read;
    }
    if (day === NOT_PLAIN) throw new NotPlain("notStrict");
    return day;
  }

  /** (0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?, positive when the profile needs it. */
  private total(bytes: Buffer, from: number, to: number): number {
    let k = from;
    const lead = bytes[k] - ZERO;
    if (!(lead >= 0 && lead <= 9)) throw new NotPlain("notStrict");
    let whole = lead;
    k++;
    if (lead !== 0) {
      for (; k < to && k - from < 9; k++) {
        const d = bytes[k] - ZERO;
        if (!(d >= 0 && d <= 9)) break;
        whole = whole * 10 + d;
      }
    }
    let places = 0;
    if (k < to) {
      if (bytes[k] !== POINT) throw new NotPlain("notStrict");
      k++;
      for (; k < to && places < 6; k++, places++) {
        const d = bytes[k] - ZERO;
        if (!(d >= 0 && d <= 9)) throw new NotPlain("notStrict");
        whole = whole * 10 + d;
      }
      if (places === 0 || k !== to) throw new NotPlain("notStrict");
    }
    if (whole === 0 && this.positiveTotal) throw new NotPlain("notStrict");
    return places === 0 ? whole : whole / POWERS_OF_TEN[places];
  }

  private id(bytes: Buffer, from: number, to: number): void {
    if (to === from || to - from > ID_MAX_BYTES || ID_BYTES[bytes[from]] !== 2) throw new NotPlain("notStrict");
    for (let k = from + 1; k < to; k++) if (ID_BYTES[bytes[k]] === 0) throw new NotPlain("notStrict");
    this.ids!.add(bytes, from, to);
  }

  private grow(): void {
    const size = Math.ceil(this.days.length * 1.5);
    this.days = grownTo(this.days, size);
    this.count = grownTo(this.count, size);
    this.money = grownTo(this.money, size);
    this.starts = grownTo(this.starts, size + 1);
  }

  part(): PlainPart {
    const { n, days, count, money, starts, lastUnbroken } = this;
    return { n, days, count, money, starts, lastUnbroken, ...(this.ids ? { ids: this.ids.state() } : {}) };
  }
}

/** [1-9][0-9]{0,14}: a positive whole number, exact as a double. */
function wholeNumber(bytes: Buffer, from: number, to: number): number {
  if (to === from || to - from > 15 || bytes[from] === ZERO) throw new NotPlain("notStrict");
  return digits(bytes, from, to);
}

/** The decimal digits bytes[from, to) as a number; anything else is not plain. */
function digits(bytes: Buffer, from: number, to: number): number {
  let v = 0,
    met = 0;
  for (let k = from; k < to; k++) {
    const d = DIGIT[bytes[k]];
    met |= d;
    v = v * 10 + d;
  }
  if (met & NOT_A_DIGIT) throw new NotPlain("notStrict");
  return v;
}
