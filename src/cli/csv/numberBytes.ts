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
    writeUnits(out, c, PLACES[k]);
    return;
  }
  out.ascii(String(x));
}

/**
 * Writes exactly the characters of formatUnits(units, places) (the engine's exact decimal text of units / 10^places,
 * without trailing zeros) for a safe integer `units` and `places` from 0 to 6, without making the string: a next-grade
 * order per row.
 */
export function writeUnits(out: ByteWriter, units: number, places: number): void {
  out.ensure(24 + places);
  const buf = out.buf;
  let at = out.at;
  const scale = POWERS_OF_TEN[places];
  const abs = Math.abs(units);
  const whole = Math.floor(abs / scale);
  // Below 10^6: whole-number arithmetic on 32 bits holds it.
  let fraction = abs - whole * scale;
  if (units < 0) buf[at++] = 45; // "-"
  // The whole part's digits, then the fraction's without trailing zeros; below 2^31 in 32-bit arithmetic, several
  // times quicker than Math.floor on doubles (a next-grade order per row).
  if (whole < 0x7fffffff) {
    let digits = 1;
    for (let m = whole | 0; m >= 10; m = (m / 10) | 0) digits++;
    for (let d = digits - 1, m = whole | 0; d >= 0; d--, m = (m / 10) | 0) buf[at + d] = 48 + (m % 10);
    at += digits;
  } else {
    let digits = 1;
    for (let m = whole; m >= 10; m = Math.floor(m / 10)) digits++;
    for (let d = digits - 1, m = whole; d >= 0; d--, m = Math.floor(m / 10)) buf[at + d] = 48 + (m % 10);
    at += digits;
  }
  if (fraction > 0) {
    let shown = places;
    fraction |= 0;
    while (fraction % 10 === 0) {
      fraction = (fraction / 10) | 0;
      shown--;
    }
    buf[at++] = 46; // "."
    for (let d = shown - 1, m = fraction; d >= 0; d--, m = (m / 10) | 0) buf[at + d] = 48 + (m % 10);
    at += shown;
  }
  out.at = at;
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];
