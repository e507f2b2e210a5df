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
  /** The sums in whole millionths while they are exact there (a typed array: millions of customers, one each). */
  private units = new Float64Array(16);
  private opened = 0;
  /** The few sums that left millionths (NaN in `units`), exactly. */
  private readonly exact = new Map<number, Decimal>();

  /** Opens a new sum at zero and returns its slot. */
  open(): number {
    const slot = this.opened++;
    if (slot === this.units.length) {
      // Half as many again: room for millions of sums without twice their memory.
      const bigger = new Float64Array(slot + (slot >> 1));
      bigger.set(this.units);
      this.units = bigger;
    }
    this.units[slot] = 0;
    return slot;
  }

  add(slot: number, amount: number): void {
    const units = this.units[slot];
    if (units === units) {
      const u = Math.round(amount * SCALE);
      if (u / SCALE === amount) {
        const total = units + u;
        if (Number.isSafeInteger(total)) {
          this.units[slot] = total;
          return;
        }
      }
      this.exact.set(slot, addDecimals({ digits: BigInt(units), places: 6 }, toDecimal(amount)));
      this.units[slot] = NaN;
      return;
    }
    this.exact.set(slot, addDecimals(this.exact.get(slot)!, toDecimal(amount)));
  }

  /** The exact sum as decimal text ("0.3", "-12.5"). */
  text(slot: number): string {
    const units = this.units[slot];
    return decimalText(units === units ? { digits: BigInt(units), places: 6 } : this.exact.get(slot)!);
  }

  /** The double nearest the exact sum. */
  value(slot: number): number {
    const units = this.units[slot];
    return units === units ? units / SCALE : Number(this.text(slot));
  }

  get size(): number {
    return this.opened;
  }
}
