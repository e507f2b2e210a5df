/**
 * Exact sums of money amounts per customer. Amounts arrive as doubles whose shortest decimal text is what the user
 * typed; a sum must be the exact decimal sum of those texts (0.1 + 0.2 is 0.3 and ties with 0.3). Integer millionths
 * do that quickly for every amount with at most six decimals; a customer with a finer amount, or a total too large
 * for integer doubles, switches to exact BigInt decimals.
 */

const SCALE = 1e6;

/** An exact decimal: digits / 10^places. */
export interface Decimal {
  digits: bigint;
  /** value = digits / 10^places */
  places: number;
}

/** The exact decimal a double stands for: its shortest text (the form the user typed). */
export function toDecimal(x: number): Decimal {
  const s = String(x);
  const e = s.indexOf("e");
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  let digits = BigInt(dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1));
  let places = fraction - exponent;
  if (places < 0) {
    digits *= 10n ** BigInt(-places);
    places = 0;
  }
  return { digits, places };
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const places = Math.max(a.places, b.places);
  const scale = (d: Decimal) => d.digits * 10n ** BigInt(places - d.places);
  return { digits: scale(a) + scale(b), places };
}

/** Exact decimal text without trailing zeros ("0.3", "-12.5"). */
export function decimalText(d: Decimal): string {
  const negative = d.digits < 0n;
  let text = (negative ? -d.digits : d.digits).toString().padStart(d.places + 1, "0");
  if (d.places > 0) {
    text = `${text.slice(0, text.length - d.places)}.${text.slice(text.length - d.places)}`.replace(/\.?0+$/, "");
  }
  return negative && text !== "0" ? "-" + text : text;
}

export class MoneySums {
  private readonly units: number[] = [];
  private readonly exact: (Decimal | undefined)[] = [];

  /** Opens a new sum at zero and returns its slot. */
  open(): number {
    this.units.push(0);
    this.exact.push(undefined);
    return this.units.length - 1;
  }

  add(slot: number, amount: number): void {
    const big = this.exact[slot];
    if (big === undefined) {
      const u = Math.round(amount * SCALE);
      if (u / SCALE === amount) {
        const total = this.units[slot] + u;
        if (Number.isSafeInteger(total)) {
          this.units[slot] = total;
          return;
        }
      }
      this.exact[slot] = addDecimals({ digits: BigInt(this.units[slot]), places: 6 }, toDecimal(amount));
      return;
    }
    this.exact[slot] = addDecimals(big, toDecimal(amount));
  }

  /** The exact sum as decimal text ("0.3", "-12.5"). */
  text(slot: number): string {
    const big = this.exact[slot];
    return decimalText(big ?? { digits: BigInt(this.units[slot]), places: 6 });
  }

  /** The double nearest the exact sum. */
  value(slot: number): number {
    return this.exact[slot] === undefined ? this.units[slot] / SCALE : Number(this.text(slot));
  }

  get size(): number {
    return this.units.length;
  }
}
