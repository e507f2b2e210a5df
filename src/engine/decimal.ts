/**
 * Exact decimal arithmetic on integers. Weights, cut-offs and money are decimals; binary floating point cannot hold
 * 0.3 exactly, so every sum and comparison the rules make (RULES.md §2) is done on integer multiples of a power of ten
 * instead.
 */

/** Digits after the decimal point in the shortest text form of x (the form a person typed). */
export function decimalPlaces(x: number): number {
  const s = String(Math.abs(x));
  const e = s.indexOf("e");
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - exponent);
}

/** x in units of 10^-places, exactly, for an x written with at most `places` decimals. */
export function toUnits(x: number, places: number): number {
  return Math.round(x * 10 ** places);
}

/** The exact decimal text of units / 10^places, without trailing zeros ("3", "4.1", "3.25"). */
export function formatUnits(units: number, places: number): string {
  if (places === 0) return String(units);
  const scale = 10 ** places;
  const negative = units < 0;
  const abs = Math.abs(units);
  const whole = Math.floor(abs / scale);
  let fraction = String(abs - whole * scale).padStart(places, "0");
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  const text = fraction ? `${whole}.${fraction}` : String(whole);
  return negative && abs !== 0 ? "-" + text : text;
}

/** Decimals allowed in a monetary bound of a profile. */
export const MONEY_PLACES = 6;
