/**
 * CSV files as finance offices make them, graded end to end by the built command: Excel's CRLF rows with rows
 * appended by another tool (LF), and the reverse; old Mac line breaks (CR); Alt+Enter in a quoted header; blank lines;
 * malformed quotes. Every customer keeps its own row, and no carriage return is ever copied into the output.
 * Shaoxing profile as of 2025-12-31: A: 10 days, 16 purchases, 9 万元 → 6.5 A; B: 40 days, 3, 2 → 2.6 C;
 * C: 30 days, 5, 4 → 0.9 + 0.8 + 1.8 = 3.5 B; D: 0 days, 20, 6 → 1.5 + 2 + 2.4 = 5.9 B.
 */

import { readFileSync } from "fs";
import { join } from "path";
import { buildCli, records, rfm, tempDir, write } from "./helpers";

const SHAOXING = ["--profile", "shaoxing", "--as-of", "2025-12-31"];
const HEADER = "Customer ID,Last order date,Purchase count,Total amount";
const A = "A,2025-12-21,16,9", B = "B,2025-11-21,3,2", C = "C,2025-12-01,5,4", D = "D,2025-12-31,20,6";
const GRADES = { A: "A", B: "C", C: "B", D: "B" };

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

function graded(name: string, text: string | Buffer, extra: string[] = []) {
  write(dir, name, text);
  const run = rfm(["grade", name, ...SHAOXING, ...extra], dir);
  expect(run.stderr).not.toMatch(/unexpected error/);
  expect(run.status).toBe(0);
  return run;
}

function gradesOf(csv: string): Record<string, string> {
  return Object.fromEntries(records(csv).map((r) => [r["Customer ID"], r.Grade]));
}

describe("line breaks of every kind, in any mix", () => {
  test.each([
    ["Excel's CRLF rows, then rows another tool appended with LF", `${HEADER}\r\n${A}\r\n${B}\n${C}\n${D}`],
    ["LF rows, then CRLF rows", `${HEADER}\n${A}\n${B}\r\n${C}\r\n${D}\r\n`],
    ["old Mac line breaks (CR)", `${HEADER}\r${A}\r${B}\r${C}\r${D}\r`],
    ["all three, blank lines at the end", `${HEADER}\r${A}\n${B}\r\n${C}\r${D}\n\r\n\n`],
  ])("%s: every customer is graded, and the output holds no carriage return", (_label, text) => {
    for (const out of [undefined, "out.csv"]) {
      const run = graded("mixed.csv", text, out ? ["-o", out] : []);
      const csv = out ? readFileSync(join(dir, out), "utf8") : run.stdout;
      expect(gradesOf(csv)).toEqual(GRADES);
      expect(csv).not.toContain("\r");
      expect(run.stderr).toContain("Graded 4 of 4 rows");
    }
  });

  test("a blank line inside (CRLF between CR rows) is a blank row: kept in place, skipped, counted", () => {
    const run = graded("blank.csv", `${HEADER}\r${A}\r\r\n${B}\r${C}\r${D}`);
    expect(records(run.stdout).map((r) => r["Customer ID"])).toEqual(["A", "", "B", "C", "D"]);
    expect(run.stderr).toContain("Blank rows skipped: 1");
    expect(run.stderr).toContain("Graded 4 of 4 rows");
  });

  test("the same with DuckDB asked for: it declines a file it cannot copy line by line, and the output is the same", () => {
    const text = `${HEADER}\r\n${A}\r\n${B}\n${C}\n${D}\n`;
    const js = graded("duck.csv", text, ["--engine", "js"]);
    const duck = graded("duck.csv", text, ["--engine", "duckdb"]);
    expect(duck.stdout).toBe(js.stdout);
    expect(duck.stderr).toContain("Engine: JavaScript (DuckDB not used: the file's line breaks are not all LF or all CRLF)");
  });

  test("a quoted header with a line break in it (Alt+Enter) in a CRLF file is still recognised", () => {
    const run = graded("altenter.csv", `"Customer\nID","Last order\r\ndate",Purchase count,"Total\namount"\r\n${A}\r\n${B}\r\n`);
    const rows = records(run.stdout);
    expect(rows.map((r) => [r["Customer\nID"], r.Grade])).toEqual([["A", "A"], ["B", "C"]]);
    expect(run.stdout).not.toMatch(/\d\r/);
  });
});

describe("malformed quotes, read as Python's csv reads them", () => {
  test("text after a closing quote is kept without the quote, and the summary says where", () => {
    const run = graded("after.csv", `${HEADER}\n"A"x,2025-12-21,16,9\n${B}\n`);
    expect(Object.keys(gradesOf(run.stdout))).toEqual(["Ax", "B"]);
    expect(run.stderr).toContain("Warning: row 2: text follows the closing quote of a quoted cell");
  });

  test("a quote that opens in the last line and never closes loses nothing: graded, and reported", () => {
    const run = graded("lastopen.csv", `${HEADER}\n${A}\n"B,2025-11-21,3,2`);
    expect(Object.keys(gradesOf(run.stdout))).toEqual(["A", "B,2025-11-21,3,2"]);
    expect(run.stderr).toContain('Warning: row 3: a quote (") opens a cell that never closes; the cell runs to the end of the file');
  });

  test("many rows with text after a quote: five are named, the rest counted", () => {
    const rows = Array.from({ length: 8 }, (_, i) => `"Q${i}"x,2025-12-21,16,9`);
    const run = graded("many.csv", [HEADER, ...rows].join("\n"), ["--lang", "zh"]);
    expect(run.stderr.match(/^警告：第 \d 行：带引号的单元格在结束引号之后还有文字/gm)).toHaveLength(5);
    expect(run.stderr).toContain("警告：另有 3 行在结束引号之后还有文字");
  });
});
