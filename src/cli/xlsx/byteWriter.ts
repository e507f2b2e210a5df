/**
 * Sheet XML written straight into a reusable byte buffer: a million rows of a dozen cells would otherwise be tens of
 * millions of short strings to build, concatenate and encode, and the garbage collector's time would dominate.
 */
export class ByteWriter {
  buf: Buffer;
  at = 0;
  /** `buf` read as words (copyFrom). */
  private view: DataView;

  constructor(capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
    this.view = viewOf(this.buf);
  }

  /** Room for n more bytes. */
  ensure(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
    this.view = viewOf(bigger);
  }

  /**
   * Bytes [from, to) of `src`, whose words `srcView` reads (viewOf). Four bytes at a time through DataViews, not one
   * by one: copying millions of short runs (a row's line, its cached cells) costs a third of a loop over bytes, and
   * less than a call into Node (Buffer.copy) or a view made per run (set with subarray).
   */
  copyFrom(src: Uint8Array, srcView: DataView, from: number, to: number): void {
    const length = to - from;
    this.ensure(length);
    const view = this.view,
      buf = this.buf;
    let at = this.at,
      k = from;
    for (; k + 4 <= to; k += 4, at += 4) view.setInt32(at, srcView.getInt32(k));
    for (; k < to; k++) buf[at++] = src[k];
    this.at = at;
  }

  /** Bytes made earlier (a tag, a cached cell). */
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    const buf = this.buf;
    let at = this.at;
    if (b.length < 32) for (let k = 0; k < b.length; k++) buf[at++] = b[k];
    else at += (b as Buffer).copy ? (b as Buffer).copy(buf, at) : (buf.set(b, at), b.length);
    this.at = at;
  }

  /** Text known to be ASCII with nothing to escape (tags, numbers). */
  ascii(s: string): void {
    this.ensure(s.length);
    const buf = this.buf;
    let at = this.at;
    for (let k = 0; k < s.length; k++) buf[at++] = s.charCodeAt(k);
    this.at = at;
  }

  /** A non-negative whole number in decimal. */
  uint(n: number): void {
    this.ensure(16);
    const buf = this.buf;
    if (n < 10) {
      buf[this.at++] = 48 + n;
      return;
    }
    if (n < 0x7fffffff) {
      let digits = 1;
      for (let m = n; m >= 10; m = (m / 10) | 0) digits++;
      let at = this.at + digits;
      this.at = at;
      for (let m = n | 0; m > 0; m = (m / 10) | 0) buf[--at] = 48 + (m % 10);
      return;
    }
    this.ascii(String(n));
  }

  /** Any other text as UTF-8 (the caller has escaped it). */
  utf8(s: string): void {
    this.ensure(s.length * 3);
    this.at += this.buf.write(s, this.at, "utf8");
  }

  /** The bytes written since the last take, handed over; the writer starts again on a fresh buffer. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.view = viewOf(this.buf);
    this.at = 0;
    return out;
  }
}

/** The DataView ByteWriter.copyFrom reads a source's words with. */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
