/**
 * Sales read in parts, each part holding every sale of the customers whose ids fall to it (a reader using several
 * threads splits them by a hash of the id), put together exactly as one reader of every sale makes them (RULES.md §7
 * and RULES.md §8). A customer's sales all lie in one part, read there in input order, so its totals are that part's own; what
 * remains is the order of the customers — that of their first readable sale, as one reader numbers them — and the
 * counts of the whole.
 */

import type { CustomerTotals } from "./aggregateSales";
import { MoneySums } from "./moneySums";
import type { ValueList } from "./types";

export interface TotalsPart {
  /** The part's totals; its `read` counts every sale of the input (each part reads them all). */
  totals: CustomerTotals;
  /** Per customer of the part, in its own numbering: the row of its first readable sale (ascending). */
  firstSeen: Int32Array;
}

export interface MergedTotals {
  totals: CustomerTotals;
  /** Customer j of the whole is customer local[j] of part from[j]. */
  from: Uint8Array;
  local: Int32Array;
}

/**
 * The parts' totals are consumed: their per-customer arrays are emptied as they are gathered. `gatherIds` makes the
 * ids of the whole from the parts' lists (id j is id local[j] of list from[j]), in whatever form its reader keeps ids.
 */
export function mergeTotals(
  parts: readonly TotalsPart[],
  gatherIds: (lists: ValueList<string>[], from: Uint8Array, local: Int32Array) => ValueList<string>,
): MergedTotals {
  const read = parts[0].totals.read;
  if (parts.some((p) => p.totals.read !== read)) throw new Error("the parts of the sales read different rows");
  const { from, local } = firstSeenOrder(parts.map((p) => p.firstSeen));
  const all = parts.map((p) => p.totals);
  // Each array of the parts is let go once gathered: with tens of millions of customers, holding every part's arrays
  // beside the whole's would cost as much again.
  type Gathered = "lastDay" | "count" | "firstSale" | "carriedSale" | "laterSale";
  const gather = <K extends Gathered>(key: K): CustomerTotals[K] => {
    const sources = all.map((t) => t[key]);
    const out = new (sources[0].constructor as new (n: number) => CustomerTotals[K])(local.length);
    for (let j = 0; j < local.length; j++) out[j] = sources[from[j]][local[j]];
    for (const t of all) t[key] = EMPTY as CustomerTotals[K];
    return out;
  };
  const gatherMoney = (): MoneySums => {
    const money = MoneySums.gathered(
      all.map((t) => t.money),
      from,
      local,
    );
    for (const t of all) t.money = new MoneySums();
    return money;
  };
  const gatherDiffers = (k: number): Uint8Array => {
    const out = new Uint8Array(local.length);
    for (let j = 0; j < local.length; j++) out[j] = all[from[j]].carriedDiffers[k][local[j]];
    return out;
  };
  const carrying = all.some((t) => t.carriedSale.length > 0);
  const sum = (pick: (t: CustomerTotals) => number) => all.reduce((s, t) => s + pick(t), 0);
  const latest = all.map((t) => t.latestDay).filter((d): d is number => d !== null);
  const totals: CustomerTotals = {
    ids: gatherIds(
      parts.map((p) => p.totals.ids),
      from,
      local,
    ),
    lastDay: gather("lastDay"),
    count: gather("count"),
    money: gatherMoney(),
    firstSale: gather("firstSale"),
    carriedSale: carrying ? gather("carriedSale") : new Int32Array(0),
    carriedDiffers: all[0].carriedDiffers.map((_, k) => gatherDiffers(k)),
    laterSale: gather("laterSale"),
    // Each sale's notes come from the one part that read it, in the order that part noted them.
    saleIssues: all.flatMap((t) => t.saleIssues).sort((a, b) => a.index - b.index),
    read,
    kept: sum((t) => t.kept),
    outsideWindow: sum((t) => t.outsideWindow),
    afterEnd: sum((t) => t.afterEnd),
    latestDay: latest.length === 0 ? null : Math.max(...latest),
    blank: sum((t) => t.blank),
  };
  return { totals, from, local };
}

const EMPTY = new Int32Array(0);

/** The customers of all parts in the order of their first readable sale (no two parts share a sale). */
function firstSeenOrder(firstSeen: readonly Int32Array[]): { from: Uint8Array; local: Int32Array } {
  const n = firstSeen.reduce((s, f) => s + f.length, 0);
  const from = new Uint8Array(n),
    local = new Int32Array(n);
  const next = firstSeen.map(() => 0);
  for (let j = 0; j < n; j++) {
    let best = -1;
    for (let p = 0; p < firstSeen.length; p++) {
      if (next[p] < firstSeen[p].length && (best < 0 || firstSeen[p][next[p]] < firstSeen[best][next[best]])) best = p;
    }
    from[j] = best;
    local[j] = next[best]++;
  }
  return { from, local };
}
