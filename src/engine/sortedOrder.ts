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
  const lo = new Uint32Array(n), hi = new Uint32Array(n);
  const word = new Float64Array(1), halves = new Uint32Array(word.buffer);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const low = little ? 0 : 1, high = 1 - low;
  for (let j = 0; j < n; j++) {
    word[0] = keys[j] === 0 ? 0 : keys[j];
    let l = halves[low], h = halves[high];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    lo[j] = l;
    hi[j] = h;
  }
  let order = new Int32Array(n), next = new Int32Array(n);
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
