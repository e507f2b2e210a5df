/**
 * ByteIds numbers ids by their bytes in the order first met, as a Map of their texts would: short ids held in the
 * table itself (up to 8 bytes, zero bytes included, so "A" and "A\0" differ), longer ones by hash and bytes, through
 * many doublings of the table; sent as plain data and made again, the list reads the same.
 */

import { ByteIds, hashBytes } from "../../../src/cli/sales/byteIds";

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
