/**
 * The DuckDB path's check for an id that occurs twice, made while the lines are split: it says so exactly when a Set
 * of the ids' texts would (apart from two ids with one 64-bit fingerprint, which no test here can meet), however the
 * ids fall into its parts, and it finds the id in its own column of each line.
 */

import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { indexDataLines } from "../../../src/cli/plain/csvLines";
import { RepeatedIds } from "../../../src/cli/plain/repeatedIds";

function anyTwice(ids: string[]): boolean {
  const check = new RepeatedIds();
  for (const id of ids) {
    const bytes = Buffer.from(`,${id};`, "utf8");
    check.add(bytes, 1, bytes.length - 1); // only the id's own bytes count
  }
  return check.anyTwice();
}

test("an id twice is found wherever it falls among many; ids that differ in any byte or length are told apart", () => {
  let seed = 3;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 40; round++) {
    const n = 1 + Math.floor(next() * 60_000);
    const ids = Array.from({ length: n }, (_, k) => `C${k}`);
    expect(anyTwice(ids)).toBe(false);
    // One id again, anywhere, under another id's place.
    const again = [...ids];
    again.splice(Math.floor(next() * n), 0, ids[Math.floor(next() * n)]);
    expect(anyTwice(again)).toBe(true);
  }
  // Alike in their bytes but not the same: prefixes, a zero byte, case, a trailing space, other scripts.
  expect(anyTwice(["A", "A\0", "AA", "a", "A ", "王", "王王", "", "AAAAAAAAA", "AAAAAAAAAA"])).toBe(false);
  expect(anyTwice(["", "x", ""])).toBe(true);
  expect(anyTwice(["王小明", "王小", "王小明"])).toBe(true);
});

describe("the line index", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "rfm-repeats-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const index = (name: string, lines: string[], idColumn: number | undefined) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join("\n") + "\n");
    return indexDataLines(path, 0, false, idColumn);
  };

  test("finds an id twice in the ids' own column, in any column, across blocks of many lines", async () => {
    const rows = Array.from({ length: 150_000 }, (_, k) => `${k % 97},C${k},2025-06-01,${k % 7}`);
    expect((await index("once.csv", rows, 1)).repeatedId).toBeUndefined();
    // The first column repeats (k % 97): it is not the ids' column unless said so, and there is no check without one.
    expect((await index("first.csv", rows, 0)).repeatedId).toBe(true);
    expect((await index("none.csv", rows, undefined)).repeatedId).toBeUndefined();
    const twice = [...rows, "5,C149999,2025-06-01,1"];
    expect((await index("twice.csv", twice, 1)).repeatedId).toBe(true);
    // The last column: the id runs to the line's end.
    const last = rows.map((r) => {
      const [a, id, date, b] = r.split(",");
      return [a, date, b, id].join(",");
    });
    expect((await index("last.csv", last, 3)).repeatedId).toBeUndefined();
    expect((await index("lastTwice.csv", [...last, "1,2025-06-01,C7,C12"], 3)).repeatedId).toBe(true);
  });
});
