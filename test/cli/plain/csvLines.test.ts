/**
 * The DuckDB path's line reader splits a file into the same lines as a plain split on line breaks, whatever the
 * block size (lines across blocks, lines longer than a block, a last line without a break), and notes each thing
 * that would make its copy differ from the JavaScript path's.
 */

import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { scanCsv } from "../../../src/cli/csv/scanCsv";
import { DataLines, indexDataLines, IndexedLines } from "../../../src/cli/plain/csvLines";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rfm-lines-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(text: string): string {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  return path;
}

/** Every line the reader hands out, asking for `ask` lines at a time, with blocks of `block` bytes. */
function readAll(path: string, crlf: boolean, block: number, ask: number): { lines: string[]; reader: DataLines } {
  const reader = new DataLines(path, 0, crlf, block);
  const lines: string[] = [];
  for (let raw = reader.next(ask); raw !== null; raw = reader.next(ask)) {
    for (let k = 0; k < raw.starts.length; k++) lines.push(raw.bytes.toString("utf8", raw.starts[k], raw.ends[k]));
  }
  reader.close();
  return { lines, reader };
}

const cell = fc.stringMatching(/^[A-Za-z0-9 .\u4e00-\u4e09]{1,12}$/);
const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(","));

test("lines come out whole and in order, for any block size and any number asked", () => {
  fc.assert(
    fc.property(
      fc.array(line, { minLength: 1, maxLength: 60 }),
      fc.boolean(),
      fc.boolean(),
      fc.integer({ min: 1, max: 200 }),
      fc.integer({ min: 1, max: 7 }),
      (lines, crlf, lastBreak, block, ask) => {
        const text = lines.join(crlf ? "\r\n" : "\n") + (lastBreak ? (crlf ? "\r\n" : "\n") : "");
        const { lines: got, reader } = readAll(file(text), crlf, block, ask);
        expect(got).toEqual(lines);
        expect(reader.problem).toBeNull();
      },
    ),
    { numRuns: 150 },
  );
});

test.each([
  ["a quote", 'A1,x,1\nA2,"y",2\n', false, "quotes"],
  ["a cell starting like a formula", "A1,x,1\nA2,=1+2,2\n", false, "formulaLike"],
  ["a cell starting with @", "A1,x,1\n@A2,y,2\n", false, "formulaLike"],
  ["a tab-led cell", "A1,\tx,1\n", false, "formulaLike"],
  ["a CR in an LF file", "A1,x,1\r\nA2,y,2\n", false, "lineBreaks"],
  ["a lone LF in a CRLF file", "A1,x,1\r\nA2,y,2\nA3,z,3\r\n", true, "lineBreaks"],
  ["an empty line", "A1,x,1\n\nA2,y,2\n", false, "emptyLine"],
  ["an empty CRLF line", "A1,x,1\r\n\r\nA2,y,2\r\n", true, "emptyLine"],
])("%s is noted", async (_label, text, crlf, problem) => {
  expect((await indexDataLines(file(text), 0, crlf)).problem).toBe(problem);
});

test.each([
  ["negative numbers", "A1,-5,1\nA2,-1200.50,+3\n", false],
  ["an empty last cell in a CRLF file", "A1,x,\r\nA2,,\r\n", true],
  ["empty cells", "A1,,1\nA2,y,\n", false],
])("%s are copied as they are (no problem)", async (_label, text, crlf) => {
  const check = await indexDataLines(file(text), 0, crlf);
  expect(check.problem).toBeUndefined();
  expect(check.lines).toBe(2);
});

test("the index finds each line again by its place, from any offset, with or without a last line break", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(line, { minLength: 1, maxLength: 40 }),
      fc.boolean(),
      fc.boolean(),
      fc.nat({ max: 39 }),
      fc.nat({ max: 39 }),
      async (lines, crlf, lastBreak, a, b) => {
        const br = crlf ? "\r\n" : "\n";
        const header = "客户编号,金额" + br;
        const path = file(header + lines.join(br) + (lastBreak ? br : ""));
        const check = await indexDataLines(path, Buffer.byteLength(header), crlf);
        expect(check.problem).toBeUndefined();
        expect(check.index!.count).toBe(lines.length);
        const [from, to] = [Math.min(a, b) % lines.length, (Math.max(a, b) % lines.length) + 1];
        if (from >= to) return;
        const reader = new IndexedLines(path, check.index!);
        const raw = reader.rows(from, to);
        reader.close();
        const got = Array.from(raw.starts, (s, k) => raw.bytes.toString("utf8", s, raw.ends[k]));
        expect(got).toEqual(lines.slice(from, to));
      },
    ),
    { numRuns: 100 },
  );
});

test("lines split by the usual case first come out exactly as read byte by byte, problems included", () => {
  // Every byte the quick split treats apart (quote, CR, LF, comma, the formula starts, apostrophe, tab), at any place.
  const piece = fc.constantFrom(
    "A1",
    "x",
    "7",
    "",
    "-5",
    "-x",
    "+1",
    "=1",
    "@a",
    "'a",
    "a'",
    "\t",
    "a\tb",
    '"q"',
    "中文",
  );
  const lineText = fc.array(piece, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(","));
  const br = fc.constantFrom("\r\n", "\n", "\r", "\r\n", "\n");
  fc.assert(
    fc.property(
      fc.array(fc.tuple(lineText, br), { minLength: 1, maxLength: 30 }),
      fc.boolean(),
      fc.integer({ min: 1, max: 120 }),
      fc.integer({ min: 1, max: 9 }),
      (rows, crlf, block, ask) => {
        const path = file(rows.map(([l, b]) => l + b).join(""));
        const read = (plainFirst: boolean) => {
          const reader = new DataLines(path, 0, crlf, block, plainFirst);
          const lines: string[] = [];
          const problems: (string | null)[] = [];
          for (let raw = reader.next(ask); raw !== null; raw = reader.next(ask)) {
            for (let k = 0; k < raw.starts.length; k++)
              lines.push(raw.bytes.toString("utf8", raw.starts[k], raw.ends[k]));
            problems.push(reader.problem);
          }
          reader.close();
          return { lines, problems };
        };
        expect(read(true)).toEqual(read(false));
      },
    ),
    { numRuns: 1000 },
  );
});

test("a line longer than a block is read whole", () => {
  const long = "L1," + "x".repeat(1000) + ",1";
  const { lines } = readAll(file(`A1,a,1\n${long}\nA3,c,3\n`), false, 64, 10);
  expect(lines).toEqual(["A1,a,1", long, "A3,c,3"]);
});

test("every file the line reader accepts is split into exactly the rows the CSV reader finds, byte for byte", async () => {
  // Lines of plain cells, quotes and formula starts, joined by any mix of line breaks, empty lines included: whatever
  // the line reader copies must be what the JavaScript path copies; anything else must be noted as a problem.
  const piece = fc.constantFrom("A1", "x", "7", "", "-5", '"q"', "=1", "中文");
  const lineText = fc.array(piece, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(","));
  const br = fc.constantFrom("\r\n", "\n", "\r");
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(lineText, br), { minLength: 1, maxLength: 12 }),
      br,
      fc.boolean(),
      async (rows, headerBreak, lastBreak) => {
        const header = "id,a,b,c" + headerBreak;
        const body = rows.map(([l, b], k) => l + (k < rows.length - 1 || lastBreak ? b : "")).join("");
        const path = file(header + body);
        const check = await indexDataLines(path, Buffer.byteLength(header), headerBreak === "\r\n");
        if (check.problem !== undefined) return;
        const scan = scanCsv(Buffer.from(header + body), ",");
        expect(scan.records - 1).toBe(check.index!.count);
        if (check.index!.count === 0) return;
        const reader = new IndexedLines(path, check.index!);
        const raw = reader.rows(0, check.index!.count);
        reader.close();
        for (let k = 0; k < check.index!.count; k++) {
          const copied = raw.bytes.toString("utf8", raw.starts[k], raw.ends[k]);
          expect(copied).toBe(scan.bytes.subarray(scan.lineStart[k + 1], scan.lineEnd[k + 1]).toString());
          expect(copied).not.toMatch(/[\r\n]/);
        }
      },
    ),
    { numRuns: 300 },
  );
});
