import type { ValueList } from "../../engine";
import { grownTo } from "../../engine/typedArrays";
import { csvFieldKeepsBytes } from "../cellText";
import type { ByteWriter } from "../xlsx/byteWriter";

/** Ids that write themselves into CSV output from their bytes, when no CSV rule changes them. */
export interface CsvIds extends ValueList<string> {
  /** Writes id j as csvField writes its text and returns true, or writes nothing and returns false. */
  writeCsv(j: number, out: ByteWriter): boolean;
}

/**
 * Customer ids as their UTF-8 bytes, numbered in the order they are first met. Two ids are one customer exactly when
 * they are the same text, which for valid UTF-8 is when they are the same bytes. Millions of ids kept as strings
 * would cost about 30 bytes each, and as many pointers for the garbage collector to trace at every collection; here
 * an id costs its bytes and its start, and it is made a string only when it is asked for (writing the results).
 * The table holds each id's number beside the id itself when it is at most 8 bytes long (most ids are), else beside
 * its hash and first bytes, so that looking an id up touches one place in memory: millions of ids make a table far
 * larger than the processor's caches, and each further place read would cost another trip to memory.
 */
export class ByteIds implements CsvIds {
  private bytes = new Uint8Array(1 << 12);
  private used = 0;
  /** Id j is bytes[starts[j], starts[j + 1]). */
  private starts = new Uint32Array(1 << 8);
  /**
   * Slots of three: [kind << 28 | number, w0, w1], -1 in an empty slot; at most three quarters full. An id of up to 8
   * bytes is of kind its length, and w0 and w1 are its bytes, four to a word; a longer one is of kind LONG, with its
   * hash in w0 and its first 4 bytes in w1.
   */
  private slots = new Int32Array(SLOT * 16).fill(-1);
  private ascii = true;
  /** Whether any id is longer than a slot holds (see warm). */
  private long = false;
  /** The long ids' numbers found by warm. */
  private warmed = new Int32Array(0);
  /** What the reads made only to warm the cache came to: kept so that no compiler drops them as unused. */
  private warmth = 0;
  length = 0;

  /** The number of the id bytes[from, to) (whose hash is `hash`, from hashBytes); a new number when it is new. */
  numberOf(bytes: Uint8Array, from: number, to: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    const length = to - from;
    const inline = length <= 8;
    const kind = (inline ? length : LONG) << 28;
    const w0 = inline ? word(bytes, from, to) : hash;
    const w1 = inline ? word(bytes, from + 4, to) : word(bytes, from, from + 4);
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = s * SLOT;
      const entry = slots[at];
      if (entry === EMPTY) return this.add(bytes, from, to, s, kind, w0, w1);
      if ((entry & KIND) !== kind || slots[at + 1] !== w0 || slots[at + 2] !== w1) continue;
      const j = entry & NUMBER;
      if (inline) return j;
      const start = this.starts[j];
      if (this.starts[j + 1] - start !== length) continue;
      const mine = this.bytes;
      let k = 4;
      while (k < length && mine[start + k] === bytes[from + k]) k++;
      if (k === length) return j;
    }
  }

  /**
   * Reads what looking up the ids of hashes[0, n) reads first, and returns a number made of it, so that the `numberOf`
   * calls that follow find it in the processor's cache: a loop doing nothing else lets the processor fetch many places
   * at once, where `numberOf` waits for each (see SalesTally.warm). That is the slot each id is looked for in and,
   * where it holds a long id of the same hash (one held by its hash, not its bytes), that id's start and bytes, each
   * read in a loop of its own (each needs the one before).
   */
  warm(hashes: Int32Array, n: number): number {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    let seen = 0;
    for (let k = 0; k < n; k++) seen ^= slots[(hashes[k] & mask) * SLOT];
    if (!this.long) return seen;
    if (this.warmed.length < n) this.warmed = new Int32Array(n);
    const warmed = this.warmed,
      starts = this.starts,
      bytes = this.bytes;
    for (let k = 0; k < n; k++) {
      const at = (hashes[k] & mask) * SLOT;
      const entry = slots[at];
      const j = entry >>> 28 === LONG && slots[at + 1] === hashes[k] ? entry & NUMBER : -1;
      warmed[k] = j;
      if (j >= 0) seen ^= starts[j];
    }
    for (let k = 0; k < n; k++) if (warmed[k] >= 0) seen ^= bytes[starts[warmed[k]] + 4];
    return seen;
  }

  /** Id j as text. */
  at(j: number): string | undefined {
    if (!(j >= 0 && j < this.length)) return undefined;
    const start = this.starts[j],
      end = this.starts[j + 1];
    const buffer = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.used);
    return this.ascii ? buffer.latin1Slice(start, end) : buffer.utf8Slice(start, end);
  }

  writeCsv(j: number, out: ByteWriter): boolean {
    const start = this.starts[j],
      end = this.starts[j + 1];
    const bytes = this.bytes;
    if (!csvFieldKeepsBytes(bytes, start, end)) return false;
    out.ensure(end - start);
    const buf = out.buf;
    let at = out.at;
    // A loop for the few bytes of an id: cheaper than a view of them made per row.
    for (let k = start; k < end; k++) buf[at++] = bytes[k];
    out.at = at;
    return true;
  }

  /** No more ids will be looked up: the table's memory is given back (the ids themselves stay). */
  done(): void {
    this.slots = new Int32Array(0);
  }

  /**
   * The ids as plain data (sent to another thread), made a list again by `of`; after `done`. Views of this list's own
   * arrays, not copies: nothing is added to it any more.
   */
  parts(): IdParts {
    return {
      bytes: this.bytes.subarray(0, this.used),
      starts: this.starts.subarray(0, this.length + 1),
      ascii: this.ascii,
    };
  }

  /** The ids `parts` describes (to be read, not looked up). */
  static of(parts: IdParts): ByteIds {
    const ids = new ByteIds();
    ids.bytes = parts.bytes;
    ids.used = parts.bytes.length;
    ids.starts = parts.starts;
    ids.ascii = parts.ascii;
    ids.length = parts.starts.length - 1;
    ids.done();
    return ids;
  }

  /** Id j is id local[j] of sources[from[j]]: the ids of several lists in one order, their bytes side by side. */
  static gathered(sources: readonly ByteIds[], from: Uint8Array, local: Int32Array): ByteIds {
    const n = local.length;
    let used = 0;
    for (let j = 0; j < n; j++) {
      const source = sources[from[j]];
      used += source.starts[local[j] + 1] - source.starts[local[j]];
    }
    const bytes = new Uint8Array(used),
      starts = new Uint32Array(n + 1);
    let at = 0;
    for (let j = 0; j < n; j++) {
      const source = sources[from[j]];
      const s = source.starts[local[j]],
        e = source.starts[local[j] + 1];
      for (let k = s; k < e; k++) bytes[at++] = source.bytes[k];
      starts[j + 1] = at;
    }
    return ByteIds.of({ bytes, starts, ascii: sources.every((source) => source.ascii) });
  }

  private add(bytes: Uint8Array, from: number, to: number, slot: number, kind: number, w0: number, w1: number): number {
    const j = this.length++;
    if (j > NUMBER) throw new Error(`more than ${NUMBER + 1} customers`);
    const length = to - from;
    if (length > 8) this.long = true;
    if (j + 2 > this.starts.length) this.starts = grown(this.starts, j + 2);
    if (this.used + length > this.bytes.length) this.bytes = grown(this.bytes, this.used + length);
    const mine = this.bytes;
    let at = this.used;
    for (let k = from; k < to; k++) {
      const b = bytes[k];
      if (b >= 0x80) this.ascii = false;
      mine[at++] = b;
    }
    this.used = at;
    this.starts[j + 1] = at;
    const slots = this.slots;
    slots[slot * SLOT] = kind | j;
    slots[slot * SLOT + 1] = w0;
    slots[slot * SLOT + 2] = w1;
    if (4 * this.length > 3 * (slots.length / SLOT)) this.rehash();
    return j;
  }

  /**
   * Twice as many slots; each id's slot found again from its hash (made again from the slot for a short id). The ids
   * are moved a group at a time, their new slots read first in a loop of their own (see warm): millions of ids are
   * moved into a table far larger than the processor's caches.
   */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length).fill(-1);
    const mask = slots.length / SLOT - 1;
    const from = new Int32Array(REHASH_GROUP),
      hashes = new Int32Array(REHASH_GROUP);
    let seen = 0;
    for (let t = 0; t < old.length;) {
      let n = 0;
      for (; t < old.length && n < REHASH_GROUP; t += SLOT) {
        if (old[t] === EMPTY) continue;
        const kind = old[t] >>> 28;
        from[n] = t;
        hashes[n++] = kind === LONG ? old[t + 1] : hashWords(old[t + 1], old[t + 2], kind);
      }
      for (let k = 0; k < n; k++) seen ^= slots[(hashes[k] & mask) * SLOT];
      for (let k = 0; k < n; k++) {
        let s = hashes[k] & mask;
        while (slots[s * SLOT] !== EMPTY) s = (s + 1) & mask;
        const at = s * SLOT,
          f = from[k];
        slots[at] = old[f];
        slots[at + 1] = old[f + 1];
        slots[at + 2] = old[f + 2];
      }
    }
    this.slots = slots;
    this.warmth ^= seen;
  }
}

/** Ids moved together when the table grows (see rehash). */
const REHASH_GROUP = 128;

/** Int32s per slot of the table. */
const SLOT = 3;
const EMPTY = -1;
/** The kind of a slot's id (its length, or LONG), in the top 4 bits of its first Int32; its number in the rest. */
const KIND = 0xf0000000 | 0;
const NUMBER = 0x0fffffff;
const LONG = 9;

/** Bytes [from, min(from + 4, to)) as one word, the first byte lowest (0 when there are none). */
function word(bytes: Uint8Array, from: number, to: number): number {
  let w = 0;
  for (let k = Math.min(from + 4, to) - 1; k >= from; k--) w = (w << 8) | bytes[k];
  return w;
}

/** hashBytes of the `length` (at most 8) bytes held in words w0 and w1. */
function hashWords(w0: number, w1: number, length: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < length; k++) h = Math.imul(h ^ (((k < 4 ? w0 : w1) >>> (8 * (k & 3))) & 0xff), 0x01000193);
  return mix(h);
}

/** ByteIds as plain data: id j is bytes[starts[j], starts[j + 1]). */
export interface IdParts {
  bytes: Uint8Array<ArrayBuffer>;
  starts: Uint32Array<ArrayBuffer>;
  ascii: boolean;
}

/** Half as large again, and at least `least` (millions of ids must not cost twice their memory). */
function grown<T extends Uint8Array | Uint32Array>(a: T, least: number): T {
  return grownTo(a, Math.max(least, a.length + (a.length >> 1)));
}

/** The hash ByteIds files an id under: FNV-1a over its bytes, then mixed (its low bits pick the slot). */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
  return mix(h);
}

/**
 * A 64-bit fingerprint of the bytes, where one 32-bit hash would meet others too often (RepeatedIds, the sales
 * reader's carried values): hashBytes, and a second hash independent of it (another multiplier, mixed after every
 * byte), into FINGERPRINT[0] and FINGERPRINT[1]. Both in one pass over the bytes: a third less time per id than a
 * pass for each (measured), and millions of ids are fingerprinted as they are read.
 */
export function fingerprint(bytes: Uint8Array, from: number, to: number): void {
  let h = 0x811c9dc5,
    g = 0x9e3779b9 ^ (to - from);
  for (let k = from; k < to; k++) {
    const b = bytes[k];
    h = Math.imul(h ^ b, 0x01000193);
    g = Math.imul(g ^ b, 0x5bd1e995);
    g ^= g >>> 15;
  }
  FINGERPRINT[0] = mix(h);
  FINGERPRINT[1] = g;
}

/** Where `fingerprint` leaves its two hashes (one array, not an object made per call). */
export const FINGERPRINT = new Int32Array(2);

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
