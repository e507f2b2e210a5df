/**
 * Rows copied byte for byte into CSV output must not carry a formula to Excel: rawRowsAreSafe looks at every field's
 * first byte (row starts and the byte after each comma) in one pass, and lets numbers through.
 */

import { rawRowsAreSafe } from "../../src/cli/cellText";
import { csvTable } from "../../src/cli/csv/csvTable";
import { scanCsv } from "../../src/cli/csv/scanCsv";

function safe(body: string, newline = "\n"): boolean {
  const raw = csvTable(scanCsv(Buffer.from("id,a,b" + newline + body), ","), ",").rawRows;
  expect(raw).toBeDefined();
  return rawRowsAreSafe(raw!);
}

test.each([
  ["A,1,2\nB,3,4", true],
  ["A,-1,2\nB,x,-3.5\n", true], // negative numbers are numbers
  ["A,a=b,2\n", true], // "=" inside a field is no formula
  ["A,1,=2", false], // the last field of the last row, without a line break
  ["A,1,2\nB,2,@x\n", false],
  ["A,\tx,1\n", false],
  ["A,+,1\n", false], // a plus sign alone is no number
  ["A,1,-x\nB,2,3\n", false], // in the middle of the file
  ["=A,1,2\n", false], // a row's first field
  ["-7,1,2\n", true],
])("%p is safe to copy: %p", (body, expected) => {
  expect(safe(body)).toBe(expected);
});

test("CRLF files: a comma before the line break is an empty last cell, not a carriage return starting a cell", () => {
  expect(safe("A,x,\r\nB,y,z\r\n", "\r\n")).toBe(true);
  expect(safe("A,x,\r\nB,y,-z\r\n", "\r\n")).toBe(false);
});
