/**
 * The data lines of a comma-separated UTF-8 file, read in large blocks and never held whole: the DuckDB path copies
 * them to the output with the result cells after each, exactly as the JavaScript path copies the rows it read
 * (`rawCsvChunk`). That holds only where every line is one row that path would copy byte for byte, so while it splits
 * lines the reader also notes the first thing that breaks this (`LinesProblem`).
 */

import { closeSync, openSync, readSync } from "fs";
import { MAY_NEED_DEFENCE, rawFieldNeedsDefence } from "../cellText";
import type { RawRows } from "../table";
import { RepeatedIds } from "./repeatedIds";

const BLOCK_BYTES = 4 << 20;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const COMMA = 44;

/**
 * - quotes: a quote anywhere (the JavaScript path re-quotes every field of a file with one);
 * - formulaLike: a cell starting like a formula that is not a number (that path defends it, `csvSafeText`);
 * - lineBreaks: another line break than the header's (a lone LF in a CRLF file, a CR in an LF file: text to that
 *   path's reader, a row break to DuckDB's);
 * - emptyLine: an empty line (a blank row there, skipped by DuckDB).
 */
export type LinesProblem = "quotes" | "formulaLike" | "lineBreaks" | "emptyLine";

/** Reads whole lines from a byte offset on; each line's bytes exclude its line break (the header's kind: LF or CRLF). */
export class DataLines {
  private readonly fd: number;
  private buffer = Buffer.alloc(0);
  /** Bytes of `buffer` still to hand out start here; `length` bytes of it are filled. */
  private at = 0;
  private length = 0;
  private eof = false;
  /** Where `buffer` begins in the file. */
  bufferStart = 0;
  /** Bytes of the file read so far (its size once the end was met). */
  get fileEnd(): number {
    return this.position;
  }
  /** The first problem met in the lines handed out so far. */
  problem: LinesProblem | null = null;

  constructor(
    path: string,
    private position: number,
    private readonly crlf: boolean,
    private readonly blockBytes = BLOCK_BYTES,
    /** Whether lines are first split by the usual case alone (plainLines); tests compare both ways. */
    private readonly plainFirst = true,
  ) {
    this.fd = openSync(path, "r");
  }

  /**
   * Up to `max` whole lines as raw rows (one buffer, each line's start and end), fewer when the block ends; null at
   * the end of the file. A last line without a line break is a line. One pass over the bytes splits the lines and
   * looks for problems (cheaper than searching the block once per kind).
   */
  next(max: number): RawRows | null {
    const lineFeed = this.buffer.indexOf(LINE_FEED, this.at);
    if (lineFeed < 0 || lineFeed >= this.length) this.refill();
    if (this.at >= this.length) return null;
    const starts = new Int32Array(max),
      ends = new Int32Array(max);
    // The usual lines first; where they hold anything else, the same lines again byte by byte.
    const plain = this.plainFirst ? this.plainLines(starts, ends) : -1;
    if (plain >= 0) return rawRows(this.buffer, starts, ends, plain);
    const bytes = this.buffer,
      length = this.length,
      crlf = this.crlf;
    let n = 0;
    let i = this.at;
    while (n < max) {
      const start = i;
      let fieldStart = true;
      let problem: LinesProblem | null = null;
      let end = -1;
      for (; i < length; i++) {
        const c = bytes[i];
        if (c === LINE_FEED) {
          end = i;
          break;
        }
        if (c === COMMA) {
          fieldStart = true;
          continue;
        }
        if (fieldStart) {
          fieldStart = false;
          // An empty last cell of a CRLF line is followed by the line break, not by text.
          const lineBreak = c === CARRIAGE_RETURN && crlf && bytes[i + 1] === LINE_FEED;
          if (problem === null && !lineBreak && rawFieldNeedsDefence(bytes, i)) problem = "formulaLike";
        }
        if (c === QUOTE) problem ??= "quotes";
        else if (c === CARRIAGE_RETURN && !(crlf && bytes[i + 1] === LINE_FEED && i + 1 < length))
          problem ??= "lineBreaks";
      }
      if (end < 0 && !this.eof) {
        i = start; // an unfinished line: handed out after the next refill
        break;
      }
      const lineEnd = end < 0 ? length : end;
      const cut = crlf && end >= 0 ? lineEnd - 1 : lineEnd;
      if (crlf && end >= 0 && (lineEnd === start || bytes[lineEnd - 1] !== CARRIAGE_RETURN)) problem ??= "lineBreaks";
      if (cut <= start) problem ??= "emptyLine";
      starts[n] = start;
      ends[n] = Math.max(cut, start);
      n++;
      if (problem !== null) this.problem ??= problem;
      i = end < 0 ? length : end + 1;
      if (i >= length) break;
    }
    this.at = i;
    return rawRows(bytes, starts, ends, n);
  }

  close(): void {
    closeSync(this.fd);
  }

  /**
   * Up to starts.length lines split by the usual case alone: no quote, no field starting as a formula might
   * (MAY_NEED_DEFENCE), no CR but a CRLF file's line breaks, no empty line. Most bytes are above the comma (digits,
   * letters, - . / :) and need one comparison. At anything else that matters it returns -1, having handed out
   * nothing, and next reads the same lines byte by byte, noting the problem as it always does.
   */
  private plainLines(starts: Int32Array, ends: Int32Array): number {
    const bytes = this.buffer,
      length = this.length,
      crlf = this.crlf,
      max = starts.length;
    let n = 0;
    let i = this.at;
    while (n < max && i < length) {
      const start = i;
      if (MAY_NEED_DEFENCE[bytes[i]] === 1) return -1;
      let end = -1;
      while (i < length) {
        while (i < length && bytes[i] > COMMA) i++;
        if (i >= length) break;
        const c = bytes[i];
        if (c === COMMA) {
          if (i + 1 < length && MAY_NEED_DEFENCE[bytes[i + 1]] === 1) return -1;
          i++;
        } else if (c === LINE_FEED) {
          if (crlf) return -1; // a lone LF in a CRLF file
          end = i;
          break;
        } else if (c === CARRIAGE_RETURN) {
          if (!crlf || i + 1 >= length || bytes[i + 1] !== LINE_FEED) return -1;
          end = i + 1;
          break;
        } else if (c === QUOTE) return -1;
        else i++;
      }
      if (end < 0 && !this.eof) {
        i = start; // an unfinished line: handed out after the next refill
        break;
      }
      const lineEnd = end < 0 ? length : end;
      const cut = crlf && end >= 0 ? lineEnd - 1 : lineEnd;
      if (cut <= start) return -1;
      starts[n] = start;
      ends[n] = cut;
      n++;
      i = end < 0 ? length : end + 1;
    }
    this.at = i;
    return n;
  }

  /** Keeps the unfinished line and reads the next block after it (the buffer grows for a line longer than a block). */
  private refill(): void {
    if (this.eof) return;
    const rest = this.length - this.at;
    const size = Math.max(this.blockBytes, rest * 2);
    const next = Buffer.allocUnsafe(size);
    this.buffer.copy(next, 0, this.at, this.length);
    this.bufferStart = this.position - rest;
    let filled = rest;
    while (filled < size) {
      const read = readSync(this.fd, next, filled, size - filled, this.position);
      if (read === 0) {
        this.eof = true;
        break;
      }
      this.position += read;
      filled += read;
    }
    this.buffer = next;
    this.at = 0;
    this.length = filled;
  }
}

/** The first n lines of starts and ends as raw rows of `bytes` (no cell missing: the DuckDB path reads no other). */
function rawRows(bytes: Buffer, starts: Int32Array, ends: Int32Array, n: number): RawRows {
  return { bytes, starts: starts.subarray(0, n), ends: ends.subarray(0, n), missing: new Uint32Array(n) };
}

/**
 * Where each data line lies in the file: line i is bytes [starts[i], starts[i + 1] - breakBytes), the last line's
 * break absent when the file does not end in one.
 */
export interface LineIndex {
  count: number;
  /** count + 1 offsets: each line's start, then the end of the last line's break (the end of the file). */
  starts: Float64Array;
  breakBytes: 1 | 2;
  /** The last line ends the file without a line break. */
  lastUnbroken: boolean;
}

export interface LinesCheck {
  /** Data lines (after the header line). */
  lines: number;
  problem?: LinesProblem;
  index?: LineIndex;
  /** Some id occurs twice (RepeatedIds), when the ids' column was given and the lines have no problem. */
  repeatedId?: boolean;
}

/**
 * One pass over the data lines: where each lies, the first problem, if any, and whether an id occurs twice (`idColumn`:
 * the ids' column, when the table has one). It gives way to other work after each block, so it can run while DuckDB
 * reads the same file on its own threads.
 */
export async function indexDataLines(
  path: string,
  start: number,
  crlf: boolean,
  idColumn?: number,
): Promise<LinesCheck> {
  const reader = new DataLines(path, start, crlf);
  const ids = idColumn === undefined ? undefined : new RepeatedIds();
  let starts = new Float64Array(1 << 16);
  let count = 0;
  let end = start;
  try {
    for (let raw = reader.next(65_536); raw !== null && reader.problem === null; raw = reader.next(65_536)) {
      const n = raw.starts.length;
      if (count + n + 1 > starts.length) {
        const grown = new Float64Array(Math.max(starts.length * 2, count + n + 1));
        grown.set(starts.subarray(0, count));
        starts = grown;
      }
      for (let k = 0; k < n; k++) starts[count + k] = reader.bufferStart + raw.starts[k];
      if (ids !== undefined) noteIds(ids, raw, idColumn!);
      count += n;
      if (n > 0) end = reader.bufferStart + raw.ends[n - 1];
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    reader.close();
  }
  if (reader.problem !== null) return { lines: count, problem: reader.problem };
  if (ids?.anyTwice()) return { lines: count, repeatedId: true };
  const breakBytes = crlf ? 2 : 1;
  // The end of the last line's break, or of the file when the last line has none.
  const size = reader.fileEnd;
  const lastUnbroken = count > 0 && size === end;
  starts = starts.subarray(0, count + 1);
  starts[count] = lastUnbroken ? end : end + breakBytes;
  return { lines: count, index: { count, starts, breakBytes, lastUnbroken } };
}

/**
 * Notes the id of each line: the bytes of cell `idColumn` (lines without a quote, as every line is where there is no
 * problem, are cut into cells at every comma; a line with fewer cells has an empty id there, and DuckDB refuses it).
 */
function noteIds(ids: RepeatedIds, raw: RawRows, idColumn: number): void {
  const { bytes, starts, ends } = raw;
  for (let k = 0; k < starts.length; k++) {
    const end = ends[k];
    let from = starts[k];
    for (let c = 0; c < idColumn && from < end; c++) {
      while (from < end && bytes[from] !== COMMA) from++;
      from++;
    }
    from = Math.min(from, end);
    let to = from;
    while (to < end && bytes[to] !== COMMA) to++;
    ids.add(bytes, from, to);
  }
}

/** Blocks of lines read by their offsets (no search for line breaks): the copy for the output. */
export class IndexedLines {
  private readonly fd: number;

  constructor(
    path: string,
    private readonly index: LineIndex,
  ) {
    this.fd = openSync(path, "r");
  }

  /** Lines from..to-1 as raw rows of one buffer; throws when the file no longer holds them. */
  rows(from: number, to: number): RawRows {
    const { starts, breakBytes, lastUnbroken, count } = this.index;
    const endOf = (i: number) => starts[i + 1] - (i === count - 1 && lastUnbroken ? 0 : breakBytes);
    const base = starts[from],
      size = endOf(to - 1) - base;
    const bytes = Buffer.allocUnsafe(size);
    for (let got = 0; got < size;) {
      const read = readSync(this.fd, bytes, got, size - got, base + got);
      if (read === 0) throw new Error("the input file is shorter than when it was read");
      got += read;
    }
    const n = to - from;
    const rowStarts = new Int32Array(n),
      rowEnds = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      rowStarts[k] = starts[from + k] - base;
      rowEnds[k] = endOf(from + k) - base;
    }
    return { bytes, starts: rowStarts, ends: rowEnds, missing: new Uint32Array(n) };
  }

  close(): void {
    closeSync(this.fd);
  }
}
