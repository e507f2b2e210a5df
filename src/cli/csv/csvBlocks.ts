/**
 * A CSV file read in blocks of whole records, for files too large to hold at once (sales records of any size: a file
 * past 2 GiB cannot even be read into one buffer). The encoding and delimiter are found from the file's first bytes
 * as decodeInput finds them for a whole file, every block is decoded to UTF-8 and scanned by the same scanCsv, and a
 * block always ends where a record ends, so the records are the whole file's records, numbered as in the whole file.
 */

import { isUtf8 } from "buffer";
import { closeSync, openSync, readSync } from "fs";
import type { TextDecoder } from "util";
import type { Localized } from "../../engine";
import {
  bomLength,
  findEncoding,
  strictDecoder,
  textDelimiter,
  undecodable,
  type Delimiter,
  type Found,
  type InputEncoding,
} from "../decodeInput";
import { SUMMARY_TEXTS, USAGE_TEXTS } from "../texts";
import { UsageError } from "../usageError";
import { scanCsv, type CsvScan } from "./scanCsv";

/** The first bytes, read to find the encoding and delimiter (the encoding statistics look at 256 KB of them). */
const HEAD_BYTES = 1 << 20;
/**
 * Bytes read at a time. A block's positions of records and cells take about as much memory again as its bytes, and
 * each thread reading a file holds a few blocks until they are collected: 4 MB reads as fast as 16 MB (20M sales:
 * 10.2 s against 10.4 s) with 200 MB less at the peak.
 */
export const BLOCK_BYTES = 4 << 20;
/** Malformed quotes named one by one in the summary; the rest are counted (as for a whole file). */
const PROBLEMS_LISTED = 5;
const LF = 10;
const CR = 13;

/** Records of the file, numbered from `firstRecord` (the header is record 0 of the file). */
export interface CsvBlock {
  scan: CsvScan;
  firstRecord: number;
}

/**
 * Thrown when a block of a file found to be UTF-8 by its first bytes is not UTF-8: a whole-file reading would have
 * found another encoding (or refused the file). The reading starts again with `found`.
 */
export class EncodingChanged extends Error {
  constructor(readonly found: Found) {
    super("the file is not UTF-8 throughout");
    this.name = "EncodingChanged";
  }
}

export interface BlockOptions {
  /** --encoding. */
  forced?: InputEncoding;
  /** The encoding found by an earlier reading that met bytes that are not UTF-8. */
  found?: Found;
  /** Bytes read at a time (tests make it small to cut a small file into many blocks). */
  blockBytes?: number;
  /** Records the first block holds at least, unless the file has fewer (a header is looked for among them). */
  minRecords?: number;
}

export class CsvBlocks {
  readonly encoding: InputEncoding;
  readonly bom: boolean;
  readonly evidence: Found["evidence"];
  readonly delimiter: Delimiter;
  private readonly source: TextSource;
  private readonly blockBytes: number;
  private readonly minRecords: number;
  /** Text not handed out yet: bytes [0, filled) of `pending`, beginning with a record. */
  private pending: Buffer;
  private filled = 0;
  /** Number in the file of the next record handed out. */
  private nextRecord = 0;
  /** Blocks whose UTF-8 the reader must still check (the file was found to be UTF-8 by its first bytes only). */
  private readonly checkUtf8: boolean;
  private afterQuote = 0;
  private readonly problems: Localized[] = [];
  private unclosed?: Localized;

  constructor(
    private readonly path: string,
    options: BlockOptions = {},
  ) {
    const { forced } = options;
    this.blockBytes = options.blockBytes ?? BLOCK_BYTES;
    this.minRecords = options.minRecords ?? 1;
    // The first block is small: it is read to find the columns, and a customer table is then read another way.
    this.pending = Buffer.allocUnsafe(Math.min(HEAD_BYTES, this.blockBytes));
    const head = readHead(path, HEAD_BYTES);
    const found =
      options.found ??
      findEncoding(path, head.bytes, forced, () => isUtf8(head.whole ? head.bytes : wholeCharacters(head.bytes)));
    this.encoding = found.encoding;
    this.bom = found.bom;
    this.evidence = found.evidence;
    this.checkUtf8 = found.encoding === "utf8";
    this.delimiter = textDelimiter(path, head.bytes, headText(path, head, found, forced), forced);
    this.source =
      found.encoding === "utf8"
        ? new Utf8Source(path, bomLength("utf8", found.bom))
        : new DecodedSource(path, found, forced, this.blockBytes);
    this.whenNotUtf8 = () => {
      // Read whole, the file would not have been taken for UTF-8: find its encoding as decodeInput would have.
      if (found.evidence !== "utf8") return undecodable(path, head.bytes, "utf8", forced);
      return new EncodingChanged(findEncoding(path, head.bytes, forced, () => false));
    };
  }

  private readonly whenNotUtf8: () => Error;

  /**
   * The next block of whole records, or null at the end of the file. A block's bytes stay as they are after the next
   * call (each block has a buffer of its own).
   */
  next(): CsvBlock | null {
    for (;;) {
      const end = this.source.done;
      const cut = end ? this.filled : lastRecordBreak(this.pending, this.filled);
      if (cut > 0) {
        const scan = scanCsv(this.pending.subarray(0, cut), this.delimiter);
        let complete = scan.records;
        // A record running to the cut (a quoted cell still open) goes on in the bytes not read yet.
        if (!end && complete > 0 && scan.lineEnd[complete - 1] === cut) complete--;
        const enough = complete >= (this.nextRecord === 0 ? this.minRecords : 1) || (end && complete > 0);
        if (enough) {
          const carry = complete < scan.records ? scan.lineStart[complete] : cut;
          if (this.checkUtf8 && !isUtf8(this.pending.subarray(0, carry))) throw this.whenNotUtf8();
          const block = { scan: recordsUpTo(scan, complete), firstRecord: this.nextRecord };
          this.note(block, end && carry === this.filled);
          this.nextRecord += complete;
          this.keepFrom(carry);
          return block;
        }
      } else if (end) {
        return null;
      }
      this.readMore();
    }
  }

  /** Malformed quoting in the records handed out so far, worded as readCsvBytes words it for a whole file. */
  warnings(): Localized[] {
    const warnings = [...this.problems];
    if (this.afterQuote > PROBLEMS_LISTED)
      warnings.push(SUMMARY_TEXTS.moreCsvProblems(this.afterQuote - PROBLEMS_LISTED));
    if (this.unclosed) warnings.push(this.unclosed);
    return warnings;
  }

  /** Bytes of the file read so far. */
  /** Bytes read at a time. */
  get blockSize(): number {
    return this.blockBytes;
  }

  get bytesRead(): number {
    return this.source.position;
  }

  close(): void {
    this.source.close();
  }

  /** The block's quoting problems, numbered in the file; a quote that swallows later lines stops the reading. */
  private note(block: CsvBlock, last: boolean): void {
    for (const p of block.scan.problems) {
      const row = block.firstRecord + p.record + 1;
      if (p.code === "Unclosed") {
        // Only the last record of the file can hold a quote that never closes: nothing after it was read into it.
        if (!last) continue;
        if (p.swallowsLines) throw new UsageError(USAGE_TEXTS.unclosedQuote(this.path, row));
        this.unclosed = SUMMARY_TEXTS.csvProblem(row, p.code);
        continue;
      }
      this.afterQuote++;
      if (this.afterQuote <= PROBLEMS_LISTED) this.problems.push(SUMMARY_TEXTS.csvProblem(row, p.code));
    }
  }

  /** Keeps the text from `from` on (the start of a record not yet complete) in a buffer of its own. */
  private keepFrom(from: number): void {
    const rest = this.filled - from;
    const next = Buffer.allocUnsafe(Math.max(this.blockBytes, rest * 2, 1024));
    this.pending.copy(next, 0, from, this.filled);
    this.pending = next;
    this.filled = rest;
  }

  /** Appends the next text read; a record longer than a block makes the buffer grow. */
  private readMore(): void {
    if (this.filled === this.pending.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.blockBytes, this.pending.length * 2));
      this.pending.copy(bigger, 0, 0, this.filled);
      this.pending = bigger;
    }
    this.filled += this.source.read(this.pending, this.filled);
  }
}

/**
 * The end of the last record break in bytes [0, filled) that is surely whole: after the last line feed, or after a
 * carriage return with a byte after it (a CR at the very end may be the first half of a CRLF). 0 when there is none.
 */
function lastRecordBreak(bytes: Buffer, filled: number): number {
  if (filled === 0) return 0;
  const lf = bytes.lastIndexOf(LF, filled - 1);
  const cr = filled >= 2 ? bytes.lastIndexOf(CR, filled - 2) : -1;
  return Math.max(lf, cr) + 1;
}

/** The scan cut down to its first `records` records. */
function recordsUpTo(scan: CsvScan, records: number): CsvScan {
  if (records === scan.records) return scan;
  return {
    ...scan,
    records,
    recordStart: scan.recordStart.subarray(0, records + 1),
    lineStart: scan.lineStart.subarray(0, records),
    lineEnd: scan.lineEnd.subarray(0, records),
    problems: scan.problems.filter((p) => p.record < records),
  };
}

/** Where a reader of the file's text takes its bytes from. */
interface TextSource {
  /** True once every byte of the file has been handed out. */
  readonly done: boolean;
  /** Bytes of the file read so far. */
  readonly position: number;
  /** Puts the next text (UTF-8) into `into` from `at` on, up to its end; returns how many bytes. */
  read(into: Buffer, at: number): number;
  close(): void;
}

/** A UTF-8 file's bytes as they are, after its byte-order mark. */
class Utf8Source implements TextSource {
  private readonly fd: number;
  done = false;

  constructor(
    path: string,
    public position: number,
  ) {
    this.fd = openSync(path, "r");
  }

  read(into: Buffer, at: number): number {
    if (this.done) return 0;
    const got = readSync(this.fd, into, at, into.length - at, this.position);
    this.position += got;
    if (got === 0) this.close();
    return got;
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    closeSync(this.fd);
  }
}

/** A file in another encoding, decoded to UTF-8 as it is read (a character cut between two reads is kept whole). */
class DecodedSource implements TextSource {
  private readonly fd: number;
  private readonly decoder: TextDecoder;
  position: number;
  private readonly raw: Buffer;
  /** Decoded text not yet handed out. */
  private text = Buffer.alloc(0);
  private finished = false;
  done = false;

  constructor(
    private readonly path: string,
    private readonly found: Found,
    private readonly forced: InputEncoding | undefined,
    readBytes: number,
  ) {
    this.raw = Buffer.allocUnsafe(Math.min(readBytes, 4 << 20));
    this.fd = openSync(path, "r");
    this.position = bomLength(found.encoding, found.bom);
    this.decoder = strictDecoder(found.encoding as Exclude<InputEncoding, "utf8">);
  }

  read(into: Buffer, at: number): number {
    while (this.text.length === 0 && !this.finished) this.decodeMore();
    const n = Math.min(this.text.length, into.length - at);
    this.text.copy(into, at, 0, n);
    this.text = this.text.subarray(n);
    if (this.finished && this.text.length === 0) this.close();
    return n;
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    closeSync(this.fd);
  }

  private decodeMore(): void {
    const got = readSync(this.fd, this.raw, 0, this.raw.length, this.position);
    this.position += got;
    let decoded: string;
    try {
      decoded = got === 0 ? this.decoder.decode() : this.decoder.decode(this.raw.subarray(0, got), { stream: true });
    } catch {
      this.close();
      throw undecodable(this.path, readHead(this.path, HEAD_BYTES).bytes, this.found.encoding, this.forced);
    }
    if (got === 0) this.finished = true;
    this.text = Buffer.from(decoded, "utf8");
  }
}

/** The file's first bytes (all of them when it is small). */
function readHead(path: string, size: number): { bytes: Buffer; whole: boolean } {
  const fd = openSync(path, "r");
  try {
    const bytes = Buffer.allocUnsafe(size);
    let got = 0;
    for (let n = -1; n !== 0 && got < size; got += n) n = readSync(fd, bytes, got, size - got, got);
    return { bytes: bytes.subarray(0, got), whole: got < size };
  } finally {
    closeSync(fd);
  }
}

/** The bytes up to their last line feed: no UTF-8 character is cut in two there. */
function wholeCharacters(bytes: Buffer): Buffer {
  const lf = bytes.lastIndexOf(LF);
  return lf < 0 ? bytes : bytes.subarray(0, lf + 1);
}

/** The first bytes' text as UTF-8, for the delimiter and the checks of a named encoding. */
function headText(path: string, head: { bytes: Buffer; whole: boolean }, found: Found, forced?: InputEncoding): Buffer {
  const body = head.bytes.subarray(bomLength(found.encoding, found.bom));
  if (found.encoding === "utf8") {
    const text = head.whole ? body : wholeCharacters(body);
    // Named by a byte-order mark or --encoding, not found by looking: bytes that are not UTF-8 are refused first.
    if (!isUtf8(text)) throw undecodable(path, head.bytes, "utf8", forced);
    return text;
  }
  try {
    return Buffer.from(strictDecoder(found.encoding).decode(body, { stream: !head.whole }), "utf8");
  } catch {
    throw undecodable(path, head.bytes, found.encoding, forced);
  }
}
