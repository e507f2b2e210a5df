/**
 * Exact sums of money amounts per customer. Amounts arrive as doubles whose shortest decimal text is what the user
 * typed; a sum must be the exact decimal sum of those texts (0.1 + 0.2 is 0.3 and ties with 0.3). Integer millionths
 * do that quickly for every amount with at most six decimals; a finer amount goes to an exact BigInt part of its sum,
 * and so do the millionths of a sum about to outgrow integer doubles (once every nine billion or so, so that a grade's
 * total over millions of customers stays a matter of adding doubles).
 */

const SCALE = 1e6;
/** The largest single amount, in millionths, taken in millionths (see `add`). */
const MOST_UNITS = 2 ** 50;

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
  /**
   * Per sum, whole millionths not yet carried into its exact part (a typed array: millions of customers, one each).
   * They stay a safe integer: an amount that would take them past it first carries them into the exact part.
   */
  private units = new Float64Array(16);
  private opened = 0;
  /**
   * The few sums that outgrew millionths — a total past 2^53 millionths (nine billion), or an amount with finer
   * decimals — keep the rest exactly here; their sum is this plus their units.
   */
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
    const u = Math.round(amount * SCALE);
    // Below 2^50 millionths (about a billion) the rounded product is surely the amount's millionths; above it, an
    // amount with six decimals can round to a neighbour that reads back as the same double.
    if (u / SCALE === amount && u <= MOST_UNITS && u >= -MOST_UNITS) {
      const total = this.units[slot] + u;
      if (Number.isSafeInteger(total)) {
        this.units[slot] = total;
        return;
      }
      // Carried into the exact part once every few billion: a grade's total of millions of customers stays quick.
      this.carry(slot, { digits: BigInt(this.units[slot]), places: 6 });
      this.units[slot] = u;
      return;
    }
    this.carry(slot, toDecimal(amount));
  }

  /**
   * Reads the sums in slots[0, n) and returns a number made of them: so that the `add` calls that follow find them in
   * the processor's cache (see SalesTally.warm).
   */
  warm(slots: Int32Array, n: number): number {
    const units = this.units;
    let seen = 0;
    for (let k = 0; k < n; k++) seen += units[slots[k]];
    return seen;
  }

  /** The exact sum as decimal text ("0.3", "-12.5"). */
  text(slot: number): string {
    return decimalText(this.decimal(slot));
  }

  /** The double nearest the exact sum. */
  value(slot: number): number {
    return this.exact.has(slot) ? Number(this.text(slot)) : this.units[slot] / SCALE;
  }

  get size(): number {
    return this.opened;
  }

  /**
   * The sums as plain data (typed array and numbers), to be sent to another thread and made whole again by `of`; the
   * units are a view of these sums' own (no copy), so no more is added to them.
   */
  parts(): MoneyParts {
    return {
      units: this.units.subarray(0, this.opened),
      exact: [...this.exact].map(([slot, d]) => [slot, d.digits, d.places]),
    };
  }

  /** The sums `parts` describes. */
  static of(parts: MoneyParts): MoneySums {
    const sums = new MoneySums();
    sums.units = parts.units;
    sums.opened = parts.units.length;
    for (const [slot, digits, places] of parts.exact) sums.exact.set(slot, { digits, places });
    return sums;
  }

  /** Sum j is sum local[j] of sources[from[j]] (sums kept apart, by thread, put in one order). */
  static gathered(sources: readonly MoneySums[], from: Uint8Array, local: Int32Array): MoneySums {
    const sums = new MoneySums();
    const n = local.length;
    sums.units = new Float64Array(n);
    sums.opened = n;
    for (let j = 0; j < n; j++) {
      const source = sources[from[j]];
      sums.units[j] = source.units[local[j]];
      const exact = source.exact.get(local[j]);
      if (exact !== undefined) sums.exact.set(j, exact);
    }
    return sums;
  }

  private decimal(slot: number): Decimal {
    const units: Decimal = { digits: BigInt(this.units[slot]), places: 6 };
    const exact = this.exact.get(slot);
    return exact === undefined ? units : addDecimals(exact, units);
  }

  private carry(slot: number, d: Decimal): void {
    const exact = this.exact.get(slot);
    this.exact.set(slot, exact === undefined ? d : addDecimals(exact, d));
  }
}

/** MoneySums as plain data: every sum's millionths, and the exact parts as [slot, digits, places]. */
export interface MoneyParts {
  units: Float64Array<ArrayBuffer>;
  exact: [number, bigint, number][];
}
