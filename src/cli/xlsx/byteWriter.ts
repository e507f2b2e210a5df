/**
 * Sheet XML written straight into a reusable byte buffer: a million rows of a dozen cells would otherwise be tens of
 * millions of short strings to build, concatenate and encode, and the garbage collector's time would dominate.
 */
export class ByteWriter {
  buf: Buffer;
  at = 0;

  constructor(capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Room for n more bytes. */
  ensure(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
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
    this.at = 0;
    return out;
  }
}
