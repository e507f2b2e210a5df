/**
 * The order that sorts an array of numbers, as positions: a stable least-significant-digit radix sort on the numbers'
 * bits, four passes of 16 bits. Ranking a million totals this way takes a fifth of the time of sorting the values and
 * then finding each one again by binary search, and equal values keep their order (which the tie rule "first" needs).
 */

/** Positions 0 … n−1 ordered by keys[position] ascending; equal keys stay in position order. Keys are finite. */
export function sortedOrder(keys: Float64Array): Int32Array {
  const n = keys.length;
  // Doubles as unsigned integers in the same order: negative numbers with every bit flipped, others with the sign bit
  // set (and −0 read as +0, so that zeros are one value).
  const lo = new Uint32Array(n),
    hi = new Uint32Array(n);
  const word = new Float64Array(1),
    halves = new Uint32Array(word.buffer);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const low = little ? 0 : 1,
    high = 1 - low;
  for (let j = 0; j < n; j++) {
    word[0] = keys[j] === 0 ? 0 : keys[j];
    let l = halves[low],
      h = halves[high];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    lo[j] = l;
    hi[j] = h;
  }
  let order = new Int32Array(n),
    next = new Int32Array(n);
  for (let j = 0; j < n; j++) order[j] = j;
  const count = new Int32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const digits = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let j = 0; j < n; j++) count[((digits[j] >>> shift) & 0xffff) + 1]++;
    // A pass whose digit is the same for every key changes nothing.
    if (count[((digits[0] >>> shift) & 0xffff) + 1] === n) continue;
    for (let v = 1; v <= 65536; v++) count[v] += count[v - 1];
    for (let j = 0; j < n; j++) {
      const p = order[j];
      next[count[(digits[p] >>> shift) & 0xffff]++] = p;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}

/**
 * Keys that can be counted instead of compared: whole multiples of one step 10^−places (places 0 … 6) spanning at most
 * `maxRange` steps. A key's index is `Math.round(key · scale) − min`; it keeps the keys' order and ties, because the
 * multiplication and the rounding never reverse an order and a key is taken only when its index gives it back
 * exactly (`units / scale === key`), so that no two keys share an index. Null when some key is not such a multiple or
 * the keys span too many steps. Days and purchase counts are whole numbers; totals are usually whole cents.
 */
export interface CountableKeys {
  scale: number;
  /** The smallest key's units (key · scale). */
  min: number;
  /** Indexes run from 0 to size − 1. */
  size: number;
}

export function countableKeys(keys: Float64Array, maxRange: number): CountableKeys | null {
  const n = keys.length;
  let min = Infinity,
    max = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = keys[j];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return null;
  for (let places = 0, scale = 1; places <= 6; places++, scale *= 10) {
    if (!((max - min) * scale <= maxRange)) return null;
    let j = 0;
    while (j < n && Math.round(keys[j] * scale) / scale === keys[j]) j++;
    if (j === n) {
      const low = Math.round(min * scale);
      return { scale, min: low, size: Math.round(max * scale) - low + 1 };
    }
  }
  return null;
}

/** Countable keys as the number of keys below each step: starts[v] keys lie below step v (whose key is (v + min) / scale). */
export interface CountedKeys {
  countable: CountableKeys;
  starts: Int32Array;
}

export function countedKeys(keys: Float64Array, countable: CountableKeys): CountedKeys {
  const { scale, min, size } = countable;
  const starts = new Int32Array(size + 1);
  for (let j = 0; j < keys.length; j++) starts[Math.round(keys[j] * scale) - min + 1]++;
  for (let v = 1; v <= size; v++) starts[v] += starts[v - 1];
  return { countable, starts };
}

/**
 * How many counted keys are below x (or at most x, `orEqual`): what a binary search of the same keys sorted finds.
 * The keys of step v are (v + min) / scale, exactly the doubles they came from, so they are compared with x as the
 * sorted keys would be, starting from the step x · scale points at. Rounding the product can only make it reach the
 * next whole number from below (steps are safe integers), so that step is the first not counted or one before it.
 */
export function countedBelow(counted: CountedKeys, x: number, orEqual: boolean): number {
  if (x !== x) return 0; // NaN: a search of sorted keys finds it before every key
  const { scale, min, size } = counted.countable;
  const below = (v: number) => (orEqual ? (v + min) / scale <= x : (v + min) / scale < x);
  let v = Math.min(Math.max(Math.floor(x * scale) - min, 0), size);
  while (v < size && below(v)) v++;
  return counted.starts[v];
}
