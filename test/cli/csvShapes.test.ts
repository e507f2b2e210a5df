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
const A = "A,2025-12-21,16,9",
  B = "B,2025-11-21,3,2",
  C = "C,2025-12-01,5,4",
  D = "D,2025-12-31,20,6";
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
    expect(duck.stderr).toContain(
      "Engine: JavaScript (DuckDB not used: the file's line breaks are not all LF or all CRLF)",
    );
  });

  test("a quoted header with a line break in it (Alt+Enter) in a CRLF file is still recognised", () => {
    const run = graded(
      "altenter.csv",
      `"Customer\nID","Last order\r\ndate",Purchase count,"Total\namount"\r\n${A}\r\n${B}\r\n`,
    );
    const rows = records(run.stdout);
    expect(rows.map((r) => [r["Customer\nID"], r.Grade])).toEqual([
      ["A", "A"],
      ["B", "C"],
    ]);
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
    expect(run.stderr).toContain(
      'Warning: row 3: a quote (") opens a cell that never closes; the cell runs to the end of the file',
    );
  });

  test("many rows with text after a quote: five are named, the rest counted", () => {
    const rows = Array.from({ length: 8 }, (_, i) => `"Q${i}"x,2025-12-21,16,9`);
    const run = graded("many.csv", [HEADER, ...rows].join("\n"), ["--lang", "zh"]);
    expect(run.stderr.match(/^警告：第 \d 行：带引号的单元格在结束引号之后还有文字/gm)).toHaveLength(5);
    expect(run.stderr).toContain("警告：另有 3 行在结束引号之后还有文字");
  });
});

describe("decimal commas (European Excel's CSV: semicolons between cells)", () => {
  // Shaoxing as of 2025-12-31, amounts in yuan (--unit yuan: 1.234,56 yuan is 0.123456 万元, M 1). A: 10 days, 16 →
  // r5 f5 m1: 1.5 + 2 + 0.6 = 4.1 B. B: 40 days, 3 → r2 f2 m1: 0.6 + 0.8 + 0.6 = 2 C. C: 30 days, 5 → r3 f2 m1 = 2.3 C.
  const EU = ["Kunde;Letzte Bestellung;Anzahl;Summe"];
  const args = [
    "--map",
    "id=Kunde",
    "--map",
    "date=Letzte Bestellung",
    "--map",
    "count=Anzahl",
    "--map",
    "total=Summe",
    "--unit",
    "yuan",
  ];

  test("every amount of a column read in the column's convention, the summary says which", async () => {
    const run = graded(
      "eu.csv",
      [...EU, "A;2025-12-21;16;1.234,56", "B;2025-11-21;3;99,90", "C;2025-12-01;5;1,234"].join("\r\n"),
      [...args, "-o", "eu.xlsx"],
    );
    expect(run.stderr).toContain("Decimal separator: comma (1.234,56 reads 1234.56) in “Summe”");
    expect(run.stderr).toContain("Graded 3 of 3 rows");
    const { Workbook } = await import("exceljs");
    const wb = new Workbook();
    await wb.xlsx.readFile(join(dir, "eu.xlsx"));
    const sheet = wb.worksheets[0];
    // The amounts are written as the numbers they were graded as, not as text or as 1234.
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(4).value)).toEqual([1234.56, 99.9, 1.234]);
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(9).value)).toEqual(["B", "C", "C"]);
  });

  test("a column that mixes commas and points: those cells are not graded, each note names its row and column", () => {
    const run = graded(
      "mixed-eu.csv",
      [...EU, "A;2025-12-21;16;1,5", "B;2025-11-21;3;2.5", "C;2025-12-01;5;4"].join("\n"),
      [...args, "--lang", "zh"],
    );
    const notes = records(run.stdout).map((r) => r["备注"]);
    expect(notes[0]).toBe("第 2 行，“Summe”列：此列有的数值用逗号、有的用句点表示小数，无法确定 1,5 的数值");
    expect(notes[1]).toBe("第 3 行，“Summe”列：此列有的数值用逗号、有的用句点表示小数，无法确定 2.5 的数值");
    expect(notes[2]).toBe("");
    expect(run.stderr).toContain("小数点：“Summe”列中逗号和句点都用作小数点，含逗号或句点的单元格未分级（见“备注”列）");
  });

  test("1,234 with nothing in its column to tell: refused in a semicolon file, read as 1234 in a tab file", () => {
    const semi = graded("unclear.csv", [...EU, "A;2025-12-21;16;1,234", "B;2025-11-21;3;2"].join("\n"), args);
    expect(records(semi.stdout).map((r) => r.Note)).toEqual([
      "Row 2, column “Summe”: 1,234 can be read two ways: no other cell of this column shows whether a comma or a point marks its decimals",
      "",
    ]);
    const tab = graded(
      "unclear.txt",
      [...EU, "A;2025-12-21;16;1,234", "B;2025-11-21;3;2"].map((l) => l.replace(/;/g, "\t")).join("\n"),
      args,
    );
    expect(records(tab.stdout).map((r) => [r.Grade, r.Note])).toEqual([
      ["B", ""],
      ["C", ""],
    ]);
    expect(tab.stderr).toContain("Decimal separator: point (1,234.56) in “Summe”");
  });

  test("sales records with decimal commas: each sale's amount read once, in the column's convention", () => {
    const sales = [
      "客户;消费时间;消费金额",
      "W1;2025-06-01;1.000,50",
      "W1;2025-06-02;0,50",
      "W2;2025-06-03;12,25",
    ].join("\n");
    const run = graded("eu-sales.csv", sales);
    const rows = Object.fromEntries(records(run.stdout).map((r) => [r.Customer, r.Amount]));
    expect(rows).toEqual({ W1: "1001", W2: "12.25" });
  });
});
