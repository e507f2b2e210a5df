/**
 * The CSV splitter against a reference implementation: Python's `csv` module (default dialect, strict=False, the
 * file opened with newline="" as its documentation asks), on random texts that mix CRLF, LF and CR line breaks,
 * quotes in every position (doubled, unclosed, after a closing quote, inside unquoted cells), delimiters inside and
 * outside quotes, byte-order marks (UTF-8, UTF-16LE/BE; a mark inside the text is text), Chinese and accented letters.
 * Every record and field must be the same. All cases go to one python3 process, so the run stays short.
 */

import { spawnSync } from "child_process";
import fc from "fast-check";
import { decodeInput, type InputEncoding } from "../../../src/cli/decodeInput";
import { scanCsv, scanRecords } from "../../../src/cli/csv/scanCsv";

interface Case {
  text: string;
  delimiter: string;
  encoding: InputEncoding;
  bom: boolean;
}

const PYTHON = `
import csv, io, json, sys
out = []
for line in sys.stdin:
    case = json.loads(line)
    text = bytes.fromhex(case["hex"]).decode(case["codec"])
    out.append(list(csv.reader(io.StringIO(text, newline=""), delimiter=case["delimiter"])))
json.dump(out, sys.stdout)
`;

const CODECS: Record<string, string> = { utf8: "utf-8-sig", utf16le: "utf-16", utf16be: "utf-16" };

function encode(c: Case): Buffer {
  const body = c.text;
  if (c.encoding === "utf8")
    return Buffer.concat([Buffer.from(c.bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(body, "utf8")]);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, "utf16le")]);
  if (c.encoding === "utf16le") return le;
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

/** Python's rows for every case, in order. */
function pythonRows(cases: Case[]): string[][][] {
  const input = cases
    .map((c) => JSON.stringify({ hex: encode(c).toString("hex"), codec: CODECS[c.encoding], delimiter: c.delimiter }))
    .join("\n");
  const run = spawnSync("python3", ["-c", PYTHON], { input, encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][][];
}

/** Our rows: the file's bytes decoded as the command decodes them, then split. */
function ourRows(c: Case): string[][] {
  const decoded = decodeInput("case.csv", encode(c), c.encoding);
  return scanRecords(scanCsv(decoded.bytes, c.delimiter));
}

const DELIMITERS = [",", ";", "\t", "|"];
const breaks = fc.constantFrom("\r\n", "\n", "\r");
// Pieces that make the awkward shapes likely: quotes, every line break, every delimiter, a byte-order mark.
const piece = fc.constantFrom(
  '"',
  '""',
  ",",
  ";",
  "\t",
  "|",
  "\r\n",
  "\n",
  "\r",
  "a",
  "b1",
  " ",
  "客户",
  "é",
  "\uFEFF",
  "'=",
  "1.234,5",
);
const soup = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));
// Well-formed records too (cells quoted when they must be, sometimes when they need not be), joined by mixed breaks.
const cellText = fc
  .array(fc.constantFrom("x", "7", " ", '"', ",", ";", "\t", "|", "\n", "\r\n", "\r", "张三", "ü"), { maxLength: 6 })
  .map((p) => p.join(""));
const structured = fc
  .tuple(
    fc.constantFrom(...DELIMITERS),
    fc.array(fc.tuple(fc.array(fc.tuple(cellText, fc.boolean()), { minLength: 1, maxLength: 5 }), breaks), {
      maxLength: 8,
    }),
    fc.boolean(),
  )
  .map(([delimiter, records, lastBreak]) => {
    const field = ([t, quote]: [string, boolean]) =>
      quote || /["\r\n]/.test(t) || t.includes(delimiter) ? `"${t.replace(/"/g, '""')}"` : t;
    const text = records
      .map(([cells, br], i) => cells.map(field).join(delimiter) + (i < records.length - 1 || lastBreak ? br : ""))
      .join("");
    return { delimiter, text };
  });

const csvCase: fc.Arbitrary<Case> = fc
  .tuple(
    fc.oneof(
      structured,
      fc.tuple(fc.constantFrom(...DELIMITERS), soup).map(([delimiter, text]) => ({ delimiter, text })),
    ),
    fc.constantFrom<InputEncoding>("utf8", "utf8", "utf16le", "utf16be"),
    fc.boolean(),
  )
  .map(([{ delimiter, text }, encoding, bom]) => ({
    text,
    delimiter,
    encoding,
    bom: encoding === "utf8" ? bom : true,
  }));

test("records and fields are those of Python's csv module, on random mixes of line breaks, quotes, marks and delimiters", () => {
  const seed = Date.now() & 0x7fffffff;
  const cases = fc.sample(csvCase, { numRuns: 1500, seed });
  const expected = pythonRows(cases);
  for (let i = 0; i < cases.length; i++) {
    // Python gives an empty line as a record without fields; the scanner as one empty field (a blank row).
    const python = expected[i].map((row) => (row.length === 0 ? [""] : row));
    const ours = ourRows(cases[i]);
    if (JSON.stringify(ours) !== JSON.stringify(python)) {
      throw new Error(
        `seed ${seed}, case ${JSON.stringify(cases[i])}:\n ours   ${JSON.stringify(ours)}\n python ${JSON.stringify(python)}`,
      );
    }
  }
});

test("the shapes that once went wrong, one by one", () => {
  const cases: Case[] = [
    // Saved by Excel (CRLF), rows appended by another tool (LF), and the reverse.
    { text: "id,total\r\nA,1\r\nB,2\nC,3\n", delimiter: ",", encoding: "utf8", bom: true },
    { text: "id,total\nA,1\nB,2\r\nC,3\r\n", delimiter: ",", encoding: "utf8", bom: false },
    // Alt+Enter (a line feed) in a quoted header of a CRLF file; old Mac line breaks.
    { text: '"Customer\nID",total\r\nA,1\r\n', delimiter: ",", encoding: "utf8", bom: false },
    { text: "id;total\rA;1,5\rB;2\r", delimiter: ";", encoding: "utf16le", bom: true },
    // A byte-order mark in the middle (two files joined) is text; a last line without a line break.
    { text: "id,total\nA,1\n\uFEFFid,total\nB,2", delimiter: ",", encoding: "utf8", bom: true },
  ];
  const expected = pythonRows(cases);
  expect(cases.map(ourRows)).toEqual(expected.map((rows) => rows.map((row) => (row.length === 0 ? [""] : row))));
  expect(expected[0]).toEqual([
    ["id", "total"],
    ["A", "1"],
    ["B", "2"],
    ["C", "3"],
  ]);
  expect(expected[2]).toEqual([
    ["Customer\nID", "total"],
    ["A", "1"],
  ]);
});
