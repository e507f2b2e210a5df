/**
 * A file read in blocks yields the whole file's records: whatever the block size, every record comes out once, whole,
 * with the same fields and numbers as scanning the whole file at once, quoted line breaks and CRLF pairs that fall
 * across a block's end included; the quoting problems are reported with the whole file's row numbers.
 */

import fc from "fast-check";
import { CsvBlocks } from "../../../src/cli/csv/csvBlocks";
import { scanCsv, scanRecords } from "../../../src/cli/csv/scanCsv";
import { UsageError } from "../../../src/cli/usageError";
import { gbk, utf16le } from "../textEncodings";
import { tempDir, write } from "../helpers";

const dir = tempDir();

/** Every record of the file as read in blocks of `blockBytes`, with the number the reader gave the first of each. */
function inBlocks(path: string, blockBytes: number): { rows: string[][]; numbered: boolean; blocks: number } {
  const reader = new CsvBlocks(path, { blockBytes });
  const rows: string[][] = [];
  let numbered = true,
    blocks = 0;
  try {
    for (let block = reader.next(); block !== null; block = reader.next()) {
      if (block.firstRecord !== rows.length) numbered = false;
      rows.push(...scanRecords(block.scan));
      blocks++;
    }
  } finally {
    reader.close();
  }
  return { rows, numbered, blocks };
}

const cell = fc.oneof(
  fc.constantFrom("", "A1", "2025-03-04", "-12.5", "王小明", " x ", '5" screen'),
  fc.constantFrom('"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\r\nlf"', '"x"y', '""'),
  fc.stringMatching(/^[a-z0-9 ]{0,12}$/),
);
const lineBreak = fc.constantFrom("\n", "\r\n", "\r");
const file = fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 5 }), lineBreak), {
  minLength: 1,
  maxLength: 60,
});

test("records read in blocks of any size are the whole file's records, numbered alike", () => {
  fc.assert(
    fc.property(
      file,
      fc.boolean(),
      fc.constantFrom("", '"open', '"open\nmore', '"open\n'),
      fc.integer({ min: 1, max: 300 }),
      (rows, lastBreak, open, blockBytes) => {
        let text = "Customer,Date,Amount\n";
        rows.forEach(
          ([cells, br], k) => (text += cells.join(",") + (k < rows.length - 1 || lastBreak || open ? br : "")),
        );
        // A quote opened in the last row and never closed: read to the end, or refused when lines fall into it.
        text += open;
        const path = write(dir, "blocks.csv", text);
        const whole = scanCsv(Buffer.from(text), ",");
        // A quote that never closes and swallows later lines is refused either way.
        if (whole.problems.some((p) => p.code === "Unclosed" && p.swallowsLines)) {
          expect(() => inBlocks(path, blockBytes)).toThrow(UsageError);
          return;
        }
        const read = inBlocks(path, blockBytes);
        expect(read.rows).toEqual(scanRecords(whole));
        expect(read.numbered).toBe(true);
      },
    ),
    { numRuns: 300 },
  );
});

test("a CRLF cut between two blocks is one line break, not an empty record", () => {
  const text = "a,b\r\n" + "1,2\r\n".repeat(50);
  const path = write(dir, "crlf.csv", text);
  for (let blockBytes = 1; blockBytes <= 12; blockBytes++) {
    const read = inBlocks(path, blockBytes);
    expect(read.rows).toEqual(scanRecords(scanCsv(Buffer.from(text), ",")));
  }
});

test("a quoted cell longer than a block comes out whole", () => {
  const long = "x\n".repeat(5_000);
  const text = `id,note\r\nA,"${long}"\r\nB,short\r\n`;
  const read = inBlocks(write(dir, "long.csv", text), 1024);
  expect(read.rows).toEqual([
    ["id", "note"],
    ["A", long],
    ["B", "short"],
  ]);
  expect(read.blocks).toBeGreaterThan(1);
});

test("quoting problems are named by their row in the whole file", () => {
  const rows = Array.from({ length: 40 }, (_, k) => (k === 30 ? '"bad"x,1' : `ok${k},1`));
  const path = write(dir, "problems.csv", ["id,n", ...rows, '"open,2'].join("\n"));
  const reader = new CsvBlocks(path, { blockBytes: 64 });
  while (reader.next() !== null);
  reader.close();
  // Row 32 holds "bad"x (header row 1, then ok0 … on rows 2 …); the last row's quote never closes.
  expect(reader.warnings().map((w) => w.en)).toEqual([
    expect.stringContaining("row 32"),
    expect.stringContaining("row 42"),
  ]);
});

test("GBK and UTF-16 files are decoded as they are read, a character cut between two reads kept whole", () => {
  const text =
    "客户编号,下单时间,金额\r\n" +
    Array.from({ length: 300 }, (_, k) => `王${k},2025-01-0${(k % 9) + 1},${k}`).join("\r\n");
  const expected = scanRecords(scanCsv(Buffer.from(text), ","));
  for (const [name, bytes, encoding] of [
    ["gbk.csv", gbk(text), "gb18030"],
    ["utf16.csv", utf16le(text), "utf16le"],
  ] as const) {
    const path = write(dir, name, bytes);
    const reader = new CsvBlocks(path, { blockBytes: 97 });
    expect(reader.encoding).toBe(encoding);
    const rows: string[][] = [];
    for (let block = reader.next(); block !== null; block = reader.next()) rows.push(...scanRecords(block.scan));
    reader.close();
    expect(rows).toEqual(expected);
  }
});
