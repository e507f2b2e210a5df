/**
 * ByteIds numbers ids by their bytes in the order first met, as a Map of their texts would: short ids held in the
 * table itself (up to 8 bytes, zero bytes included, so "A" and "A\0" differ), longer ones by hash and bytes, through
 * many doublings of the table; sent as plain data and made again, the list reads the same.
 */

import { ByteIds, FINGERPRINT, fingerprint, hashBytes } from "../../../src/cli/sales/byteIds";

function numberOf(ids: ByteIds, text: string): number {
  const bytes = Buffer.from(text, "utf8");
  return ids.numberOf(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
}

test("ids of every length up to 20 bytes, alike in their first bytes, numbered as a Map numbers them", () => {
  let seed = 9;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const alphabet = ["A", "B", "\0", "é", "王", "7"];
  const ids = new ByteIds();
  const reference = new Map<string, number>();
  for (let k = 0; k < 60_000; k++) {
    let text = "";
    const length = Math.floor(next() * 12);
    for (let c = 0; c < length; c++) text += alphabet[Math.floor(next() * (next() < 0.8 ? 2 : alphabet.length))];
    if (!reference.has(text)) reference.set(text, reference.size);
    expect(numberOf(ids, text)).toBe(reference.get(text));
  }
  expect(reference.size).toBeGreaterThan(5000);
  expect(ids.length).toBe(reference.size);
  for (const [text, j] of reference) expect(ids.at(j)).toBe(text);
  // Ids that pack into the same words but differ in length are different ids.
  for (const text of ["A", "A\0", "A\0\0\0", "A\0\0\0\0", "AAAAAAAA", "AAAAAAAA\0", "AAAAAAAAA"]) {
    const j = numberOf(ids, text);
    expect(ids.at(j)).toBe(text);
  }
  const listed = Array.from({ length: ids.length }, (_, j) => ids.at(j));
  ids.done();
  const copy = ByteIds.of(ids.parts());
  expect(Array.from({ length: copy.length }, (_, j) => copy.at(j))).toEqual(listed);
});

test("looked up a group at a time, each group's slots warmed first, ids are numbered exactly as one by one", () => {
  // Groups of every size up to 300, ids short and long (from 1 to 14 bytes, many sharing their first bytes), through
  // the table's doublings; warming a group must neither change the table nor stop at a group larger than any before.
  let seed = 5;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const grouped = new ByteIds();
  const reference = new Map<string, number>();
  let looked = 0;
  while (looked < 50_000) {
    const size = 1 + Math.floor(next() * 300);
    const texts = Array.from({ length: size }, () => {
      const n = Math.floor(next() * 8000);
      return next() < 0.5 ? `C${n}` : `CUSTOMER-${n}-王`;
    });
    const bytes = texts.map((t) => Buffer.from(t, "utf8"));
    const hashes = Int32Array.from(bytes, (b) => hashBytes(b, 0, b.length));
    grouped.warm(hashes, size);
    texts.forEach((text, k) => {
      if (!reference.has(text)) reference.set(text, reference.size);
      expect(grouped.numberOf(bytes[k], 0, bytes[k].length, hashes[k])).toBe(reference.get(text));
    });
    looked += size;
  }
  expect(grouped.length).toBe(reference.size);
  for (const [text, j] of reference) expect(grouped.at(j)).toBe(text);
});

test("an id's fingerprint is hashBytes and a second, independent hash of its bytes alone, wherever they lie", () => {
  const seen = new Set<string>();
  const firsts = new Map<number, number>();
  let sharedFirst = 0;
  for (let j = 0; j < 200_000; j++) {
    const id = Buffer.from(`xx C${j.toString(36)}-${(j * 7919) % 1000} yy`);
    const from = 3,
      to = id.length - 3;
    fingerprint(id, from, to);
    const [h1, h2] = FINGERPRINT;
    expect(h1).toBe(hashBytes(id, from, to));
    // The same bytes elsewhere, alone in their buffer: the same fingerprint.
    fingerprint(id.subarray(from, to), 0, to - from);
    expect([FINGERPRINT[0], FINGERPRINT[1]]).toEqual([h1, h2]);
    seen.add(`${h1},${h2}`);
    const other = firsts.get(h1);
    if (other !== undefined && other !== h2) sharedFirst++;
    firsts.set(h1, h2);
  }
  // 200,000 ids: no two fingerprints alike, though some share their first 32 bits (about 5 expected).
  expect(seen.size).toBe(200_000);
  expect(sharedFirst).toBeLessThan(40);
});
