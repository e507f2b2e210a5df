import type { ByteWriter } from "../xlsx/byteWriter";

const SCALES = [100, 1e6];
const PLACES = [2, 6];

/**
 * Writes exactly the characters of String(x), without making the string for the usual amounts. When x is the double
 * nearest c / 10^p for an integer c below 10^15 (at most 15 significant digits), that decimal is the only one of
 * 15 digits or fewer that reads back as x, so it is the shortest such text, which is what String(x) writes (in plain
 * notation, since 10^-6 <= |x| < 10^15 or x = 0). Any other number is written through String(x) itself.
 */
export function writeNumberText(out: ByteWriter, x: number): void {
  for (let k = 0; k < SCALES.length; k++) {
    const scale = SCALES[k];
    const c = Math.round(x * scale);
    if (c / scale !== x || !(Math.abs(c) < 1e15)) continue;
    out.ensure(24);
    const buf = out.buf;
    let at = out.at;
    if (c < 0) buf[at++] = 45; // "-"
    const units = Math.abs(c);
    const whole = Math.floor(units / scale);
    let fraction = units - whole * scale;
    // The whole part's digits, then the fraction's without trailing zeros.
    let digits = 1;
    for (let m = whole; m >= 10; m = Math.floor(m / 10)) digits++;
    for (let d = digits - 1, m = whole; d >= 0; d--, m = Math.floor(m / 10)) buf[at + d] = 48 + (m % 10);
    at += digits;
    if (fraction > 0) {
      let places = PLACES[k];
      while (fraction % 10 === 0) {
        fraction /= 10;
        places--;
      }
      buf[at++] = 46; // "."
      for (let d = places - 1, m = fraction; d >= 0; d--, m = Math.floor(m / 10)) buf[at + d] = 48 + (m % 10);
      at += places;
    }
    out.at = at;
    return;
  }
  out.ascii(String(x));
}
