/** A typed array of `size` elements holding `a`'s at the start (the rest zero): for arrays that grow as rows come. */
export function grownTo<T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(a: T, size: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(size);
  bigger.set(a);
  return bigger;
}
