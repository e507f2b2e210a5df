/**
 * Whether any id occurs twice in a customer table read for DuckDB, told while its lines are split (`csvLines.ts`), so
 * that DuckDB's own pass over the file need not hash and count the ids (at 15M rows that was 1.4-1.9 s of its 5.8 s).
 * Each id is kept as a 64-bit fingerprint of its bytes, filed by its top bits into one of many parts; each part is then
 * checked on its own in a table small enough for the processor's cache. Two ids with one fingerprint count as a
 * repeat, as two with one hash did in DuckDB: that only sends the file to the JavaScript engine, which reads the ids
 * themselves (about once in 10^5 files of 15M ids).
 */

import { grownTo } from "../../engine/typedArrays";
import { FINGERPRINT, fingerprint } from "../sales/byteIds";

/** Parts by the top bits of the first hash: 15M ids make parts of about 60,000, a table of 1 MB each. */
const PART_BITS = 8;
const PARTS = 1 << PART_BITS;

/** The fingerprints noted, as plain data (handed from thread to thread). */
export interface RepeatedIdsState {
  parts: Int32Array[];
  filled: Int32Array;
}

export class RepeatedIds {
  /** Per part, its fingerprints side by side: [first hash, second hash, …]. */
  private readonly parts: Int32Array[];
  private readonly filled: Int32Array;

  constructor(state?: RepeatedIdsState) {
    this.parts = state?.parts ?? Array.from({ length: PARTS }, () => new Int32Array(16));
    this.filled = state?.filled ?? new Int32Array(PARTS);
  }

  static of(state: RepeatedIdsState): RepeatedIds {
    return new RepeatedIds(state);
  }

  state(): RepeatedIdsState {
    return { parts: this.parts, filled: this.filled };
  }

  /** Notes the fingerprints another reading noted (a thread's share of the lines). */
  absorb(other: RepeatedIdsState): void {
    for (let p = 0; p < PARTS; p++) {
      const n = other.filled[p],
        at = this.filled[p];
      let part = this.parts[p];
      if (at + n > part.length) part = this.parts[p] = grownTo(part, Math.max(part.length * 2, at + n));
      part.set(other.parts[p].subarray(0, n), at);
      this.filled[p] = at + n;
    }
  }

  /** Notes the id bytes[from, to). */
  add(bytes: Uint8Array, from: number, to: number): void {
    fingerprint(bytes, from, to);
    const h1 = FINGERPRINT[0],
      h2 = FINGERPRINT[1];
    const p = h1 >>> (32 - PART_BITS);
    let part = this.parts[p];
    const at = this.filled[p];
    if (at + 2 > part.length) part = this.parts[p] = grownTo(part, part.length * 2);
    part[at] = h1;
    part[at + 1] = h2;
    this.filled[p] = at + 2;
  }

  /** True when two of the ids noted had one fingerprint. */
  anyTwice(): boolean {
    let most = 0;
    for (let p = 0; p < PARTS; p++) most = Math.max(most, this.filled[p] / 2);
    let size = 16;
    while (size < 2 * most) size *= 2;
    const table = new Int32Array(2 * size);
    const used = new Uint8Array(size);
    const mask = size - 1;
    for (let p = 0; p < PARTS; p++) {
      const part = this.parts[p],
        n = this.filled[p];
      used.fill(0);
      for (let k = 0; k < n; k += 2) {
        const h1 = part[k],
          h2 = part[k + 1];
        // The first hash's top bits chose the part: its low bits and the second hash choose the slot.
        let s = (h1 ^ h2) & mask;
        for (; used[s] === 1; s = (s + 1) & mask) if (table[2 * s] === h1 && table[2 * s + 1] === h2) return true;
        used[s] = 1;
        table[2 * s] = h1;
        table[2 * s + 1] = h2;
      }
    }
    return false;
  }
}
