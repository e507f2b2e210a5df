/**
 * How cells are written: CSV output defends against formula injection (text Excel would run as a formula gets a
 * leading apostrophe; numbers are left alone), and text longer than an Excel cell is cut in .xlsx output with a note.
 */

import { readFileSync } from "fs";
import { unzipSync } from "fflate";
import { join } from "path";
import fc from "fast-check";
import { csvSafeText, csvUnguardedText, rawRowsAreSafe, workbookText } from "../../src/cli/cellText";
import { csvTable } from "../../src/cli/csv/csvTable";
import { scanCsv } from "../../src/cli/csv/scanCsv";
import { buildCli, csvFile, records, rfm, tempDir, write } from "./helpers";

const SHAOXING = ["--profile", "shaoxing", "--as-of", "2025-12-31"];

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

test.each([
  ["=1+2", "'=1+2"],
  ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
  ["+86 138 0000 0000", "'+86 138 0000 0000"],
  ["-abc", "'-abc"],
  ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
  ["\t=1", "'\t=1"],
  ["\r=1", "'\r=1"],
  ["-5", "-5"],
  ["+5", "+5"],
  ["-1,200.50", "-1,200.50"],
  ["-1e3", "-1e3"],
  ["a=b", "a=b"],
  ["", ""],
  // A user's own apostrophe before a formula-like start gets one more, so that reading back takes only the guard's.
  ["'=x", "''=x"],
  ["''+86 138", "'''+86 138"],
  ["''+86", "''+86"], // a number behind the apostrophes: no formula
  ["'plain", "'plain"],
  ["'-5", "'-5"],
  ["'", "'"],
])("csvSafeText(%p) is %p", (text, safe) => {
  expect(csvSafeText(text)).toBe(safe);
  expect(csvUnguardedText(safe)).toBe(text);
});

test("the guard reads back: every text is exactly what its written cell reads as, and no two texts share a cell", () => {
  const start = fc.constantFrom("", "'", "''", "=", "+", "-", "@", "\t", "\r", " ", "0", "1.5", "x", "'=", "-'");
  const text = fc.tuple(start, start, fc.string({ maxLength: 6 })).map(([a, b, c]) => a + b + c);
  fc.assert(
    fc.property(text, text, (a, b) => {
      expect(csvUnguardedText(csvSafeText(a))).toBe(a);
      if (a !== b) expect(csvSafeText(a)).not.toBe(csvSafeText(b));
    }),
    { numRuns: 3000 },
  );
});

test("rows copied byte for byte are safe exactly when no field would change: the raw check agrees with the guard", () => {
  const field = fc.constantFrom("A", "'", "''=1", "'=x", "'x", "=1", "-5", "-x", "+86 1", "@a", "7", "'-3", "");
  fc.assert(
    fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (rows) => {
      const text = "a,b,c\n" + rows.map((r) => r.join(",")).join("\n") + "\n";
      const raw = csvTable(scanCsv(Buffer.from(text), ","), ",").rawRows!;
      const unchanged = rows.every((r) => r.every((f) => csvSafeText(f) === f));
      expect(rawRowsAreSafe(raw)).toBe(unchanged);
    }),
    { numRuns: 500 },
  );
});

test("workbookText cuts at 32,767 characters, never inside a surrogate pair", () => {
  expect(workbookText("x".repeat(32_767))).toHaveLength(32_767);
  expect(workbookText("x".repeat(40_000))).toBe("x".repeat(32_767));
  const emoji = "x".repeat(32_766) + "😀" + "tail"; // the emoji's halves are characters 32,767 and 32,768
  expect(workbookText(emoji)).toBe("x".repeat(32_766));
});

const INJECTED = [
  "Customer,Date,Purchases,Total amount,Remark",
  "=1+2,2025-12-31,16,9,@SUM(A1)",
  "C2,2025-12-31,16,-3,-x",
  "C3,2025-12-31,16,9,+86 138",
];

test("CSV output: formula-like text gets an apostrophe, negative numbers do not (rows copied byte for byte)", () => {
  write(dir, "inj.csv", csvFile(INJECTED));
  const run = rfm(["grade", "inj.csv", ...SHAOXING], dir);
  expect(run.status).toBe(0);
  const rows = records(run.stdout);
  expect(rows.map((r) => [r.Customer, r["Total amount"], r.Remark])).toEqual([
    ["'=1+2", "9", "'@SUM(A1)"],
    ["C2", "-3", "'-x"],
    ["C3", "9", "'+86 138"],
  ]);
});

test("CSV output: the same when the input has quoted cells (rows re-written field by field)", () => {
  write(dir, "inj-quoted.csv", csvFile([...INJECTED, '"C4, Ltd",2025-12-31,16,9,"=A1"']));
  const rows = records(rfm(["grade", "inj-quoted.csv", ...SHAOXING], dir).stdout);
  expect(rows.map((r) => [r.Customer, r.Remark])).toEqual([
    ["'=1+2", "'@SUM(A1)"],
    ["C2", "'-x"],
    ["C3", "'+86 138"],
    ["C4, Ltd", "'=A1"],
  ]);
});

test("sales output: a customer id that looks like a formula gets an apostrophe in CSV", () => {
  write(
    dir,
    "inj-sales.csv",
    csvFile(["Customer,Date,Amount", "=cmd|' /C calc'!A0,2025-06-01,100", "B,2025-06-01,200"]),
  );
  const rows = records(rfm(["grade", "inj-sales.csv", "--profile", "wuhan"], dir).stdout);
  expect(rows.map((r) => r.Customer)).toEqual(["'=cmd|' /C calc'!A0", "B"]);
});

/** The first worksheet's XML of an .xlsx file. */
function sheetXml(path: string): string {
  const files = unzipSync(readFileSync(path));
  return Buffer.from(files["xl/worksheets/sheet1.xml"]).toString("utf8");
}

test(".xlsx output keeps formula-like text as text cells, without an apostrophe", () => {
  write(dir, "inj2.csv", csvFile(INJECTED));
  expect(rfm(["grade", "inj2.csv", ...SHAOXING, "--out", "inj.xlsx"], dir).status).toBe(0);
  const xml = sheetXml(join(dir, "inj.xlsx"));
  expect(xml).toContain("<t>=1+2</t>");
  expect(xml).toContain("<t>@SUM(A1)</t>");
  expect(xml).not.toContain("'=1+2");
  expect(xml).not.toMatch(/<f>/);
});

test(".xlsx output: text longer than 32,767 characters is cut, the row's note and the summary say so; CSV keeps it whole", () => {
  const long = "长".repeat(40_000);
  write(
    dir,
    "long.csv",
    csvFile(["Customer,Date,Purchases,Total amount,Remark", `L1,2025-12-31,16,9,${long}`, "L2,2025-12-31,16,9,short"]),
  );
  const run = rfm(["grade", "long.csv", ...SHAOXING, "--out", "long.xlsx"], dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain(
    "Text cut: 1 cells held more than Excel's 32,767 characters and were cut in the workbook",
  );
  const xml = sheetXml(join(dir, "long.xlsx"));
  expect(xml).toContain(`<t>${"长".repeat(32_767)}</t>`);
  expect(xml).not.toContain("长".repeat(32_768));
  expect(xml).toContain(
    "column “Remark”: the text is longer than an Excel cell holds and was cut to 32,767 characters",
  );
  const csv = rfm(["grade", "long.csv", ...SHAOXING], dir);
  expect(records(csv.stdout)[0].Remark).toBe(long);
  expect(csv.stderr).not.toContain("Text cut");
});
