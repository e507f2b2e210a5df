import type { ValueList } from "../../engine";

/**
 * Customer ids as their UTF-8 bytes, numbered in the order they are first met. Two ids are one customer exactly when
 * they are the same text, which for valid UTF-8 is when they are the same bytes. Millions of ids kept as strings
 * would cost about 30 bytes each, and as many pointers for the garbage collector to trace at every collection; here
 * an id costs its bytes and its start, and it is made a string only when it is asked for (writing the results).
 * The table holds each id's number beside its hash, so that looking an id up touches one place in memory until the
 * hash matches.
 */
export class ByteIds implements ValueList<string> {
  private bytes = new Uint8Array(1 << 12);
  private used = 0;
  /** Id j is bytes[starts[j], starts[j + 1]). */
  private starts = new Uint32Array(1 << 8);
  /** Pairs [hash, number], number -1 in an empty slot; at most three quarters full. */
  private slots = new Int32Array(2 * 16).fill(-1);
  private ascii = true;
  length = 0;

  /** The number of the id bytes[from, to) (whose hash is `hash`, from hashBytes); a new number when it is new. */
  numberOf(bytes: Uint8Array, from: number, to: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const length = to - from;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const j = slots[2 * s + 1];
      if (j < 0) return this.add(bytes, from, to, hash, s);
      if (slots[2 * s] !== hash) continue;
      const start = this.starts[j];
      if (this.starts[j + 1] - start !== length) continue;
      const mine = this.bytes;
      let k = 0;
      while (k < length && mine[start + k] === bytes[from + k]) k++;
      if (k === length) return j;
    }
  }

  /** Id j as text. */
  at(j: number): string | undefined {
    if (!(j >= 0 && j < this.length)) return undefined;
    const start = this.starts[j],
      end = this.starts[j + 1];
    const buffer = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.used);
    return this.ascii ? buffer.latin1Slice(start, end) : buffer.utf8Slice(start, end);
  }

  /** No more ids will be looked up: the table's memory is given back (the ids themselves stay). */
  done(): void {
    this.slots = new Int32Array(0);
  }

  /** The ids as plain data (sent to another thread), made a list again by `of`; after `done`. */
  parts(): IdParts {
    return {
      bytes: this.bytes.slice(0, this.used),
      starts: this.starts.slice(0, this.length + 1),
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

  private add(bytes: Uint8Array, from: number, to: number, hash: number, slot: number): number {
    const j = this.length++;
    const length = to - from;
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
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = j;
    if (4 * this.length > 3 * (this.slots.length >> 1)) this.rehash();
    return j;
  }

  private rehash(): void {
    const old = this.slots;
    const size = old.length; // twice as many slots (each takes two entries)
    const slots = new Int32Array(2 * size).fill(-1);
    const mask = size - 1;
    for (let t = 0; t < old.length; t += 2) {
      const j = old[t + 1];
      if (j < 0) continue;
      let s = old[t] & mask;
      while (slots[2 * s + 1] >= 0) s = (s + 1) & mask;
      slots[2 * s] = old[t];
      slots[2 * s + 1] = j;
    }
    this.slots = slots;
  }
}

/** ByteIds as plain data: id j is bytes[starts[j], starts[j + 1]). */
export interface IdParts {
  bytes: Uint8Array<ArrayBuffer>;
  starts: Uint32Array<ArrayBuffer>;
  ascii: boolean;
}

/** Half as large again, and at least `least` (millions of ids must not cost twice their memory). */
function grown<T extends Uint8Array | Uint32Array>(a: T, least: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(least, a.length + (a.length >> 1)));
  bigger.set(a);
  return bigger;
}

/** The hash ByteIds files an id under: FNV-1a over its bytes, then mixed (its low bits pick the slot). */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
