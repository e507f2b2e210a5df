/**
 * Every way `rfm grade` refuses to run: exit status 2, one clear line on stderr, nothing on stdout, and never an
 * output file (not even a temporary one) left behind.
 */

import { existsSync } from "fs";
import { join } from "path";
import { buildCli, csvFile, filesIn, readText, rfm, tempDir, write } from "./helpers";

const CUSTOMERS = csvFile(["Customer,Date,Purchases,Total amount", "C1,2025-12-31,16,9"]);
const SALES = csvFile(["Customer,Date,Amount", "A,2025-06-30,500"]);

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
  write(dir, "customers.csv", CUSTOMERS);
  write(dir, "sales.csv", SALES);
}, 180_000);

/** Runs in a fresh folder holding the two inputs, and checks the common shape of a usage error. */
function refused(args: string[], extraFiles: Record<string, string | Buffer> = {}): string {
  const here = tempDir();
  write(here, "customers.csv", CUSTOMERS);
  write(here, "sales.csv", SALES);
  for (const [name, content] of Object.entries(extraFiles)) write(here, name, content);
  const before = filesIn(here);
  const run = rfm(["grade", ...args], here);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(filesIn(here)).toEqual(before);
  return lines[0];
}

const SHAOXING = ["--profile", "shaoxing", "--as-of", "2025-12-31"];

test("no INPUT", () => {
  expect(refused(["--profile", "wuhan"])).toMatch(/No input file/);
});

test("no --profile", () => {
  expect(refused(["sales.csv"])).toMatch(/No profile.*--profile shaoxing/);
});

test("a file that does not exist", () => {
  expect(refused(["nothere.csv", "--profile", "wuhan"])).toBe('rfm: Cannot read "nothere.csv": no such file');
});

test("a file type other than .csv / .xlsx, with a hint for old .xls workbooks", () => {
  expect(refused(["notes.pdf", "--profile", "wuhan"], { "notes.pdf": "x" })).toMatch(
    /"notes.pdf" is not a \.csv, \.txt, \.xlsx or \.parquet file/,
  );
  expect(refused(["old.xls", "--profile", "wuhan"], { "old.xls": "x" })).toMatch(/saved as \.xlsx/);
});

test("an empty file", () => {
  expect(refused(["empty.csv", "--profile", "wuhan"], { "empty.csv": "" })).toMatch(/"empty.csv" is empty/);
  expect(refused(["blank.csv", "--profile", "wuhan"], { "blank.csv": "\n\n" })).toMatch(/is empty/);
});

test("a CSV forced to UTF-8 with --encoding that is not UTF-8 (GBK, as Chinese Excel saves it) says what to do", () => {
  // "客户,日期,金额" in GBK.
  const gbk = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0a]);
  expect(refused(["gbk.csv", "--profile", "wuhan", "--encoding", "utf8"], { "gbk.csv": gbk })).toBe(
    'rfm: "gbk.csv" is not UTF-8 text; it reads as GB18030/GBK: use --encoding gb18030, or leave out --encoding to have it detected',
  );
});

test("--encoding that names no encoding, or given with a workbook", () => {
  expect(refused(["sales.csv", "--profile", "wuhan", "--encoding", "ansi"])).toBe(
    'rfm: --encoding "ansi" is not one of: utf8, utf16le, utf16be, gb18030, gbk, big5, windows-1252',
  );
  expect(refused(["book.xlsx", "--profile", "wuhan", "--encoding", "gbk"])).toBe(
    "rfm: --encoding applies to .csv input only (an .xlsx workbook says its own)",
  );
});

test("a CSV quote that never closes (every later line would fall into one cell) names its row", () => {
  const broken = csvFile([
    "Customer,Date,Purchases,Total amount",
    "Q1,2025-12-31,16,9",
    'Q2,"2025-12-31,16,9',
    "Q3,2025-12-31,16,9",
  ]);
  expect(refused(["broken.csv", ...SHAOXING], { "broken.csv": broken })).toBe(
    'rfm: "broken.csv" row 3: a quote (") opens a cell that never closes, so every later line would fall into it; fix the quote and try again',
  );
});

test("a text file named .xlsx is refused in words (more .xlsx cases in xlsxReader.test.ts)", () => {
  expect(refused(["broken.xlsx", "--profile", "wuhan"], { "broken.xlsx": "this is not a zip file" })).toBe(
    'rfm: "broken.xlsx" is a text (CSV) file with an .xlsx name, not a workbook: rename it to .csv and try again',
  );
});

test("an unknown profile lists the built-in ones", () => {
  expect(refused(["sales.csv", "--profile", "beijing"])).toBe(
    'rfm: Unknown profile "beijing": use shaoxing or wuhan, or the path of a profile .json file',
  );
});

test("a profile file that is not JSON", () => {
  // "{ id: shaoxing": the field name at line 1, column 3 is not in double quotes.
  expect(refused(["sales.csv", "--profile", "p.json"], { "p.json": "{ id: shaoxing" })).toMatch(
    /"p.json": The file is not valid JSON: line 1, column 3: /,
  );
});

test("a profile file with mistakes names each field", () => {
  const bad = {
    id: "bad",
    name: { en: "Bad", zh: "坏" },
    method: "thresholds",
    monetaryUnit: "wan",
    thresholds: { recency: [10, 5, 30, 50], frequency: [2, 5, 10, 15], monetary: [1, 3, 5, 8] },
    weights: { recency: "0.3", frequency: 0.4, monetary: 0.6 },
    grades: [{ grade: "A", above: 6, cadence: { en: "monthly", zh: "每月" } }],
  };
  const line = refused(["customers.csv", "--profile", "bad.json", "--as-of", "2025-12-31"], {
    "bad.json": JSON.stringify(bad),
  });
  expect(line).toMatch(/^rfm: Profile file "bad.json" is not a valid profile: /);
  expect(line).toContain("thresholds.recency");
  expect(line).toContain("weights.recency");
  expect(line).toContain("grades");
});

test("a profile without a default as-of date and no --as-of", () => {
  expect(refused(["customers.csv", "--profile", "shaoxing"])).toBe(
    'rfm: The profile "shaoxing" has no default analysis date: give an analysis date with --as-of YYYY-MM-DD',
  );
});

test("dates in flags that are not dates", () => {
  expect(refused(["customers.csv", "--profile", "shaoxing", "--as-of", "2025-13-01"])).toBe(
    'rfm: --as-of "2025-13-01" is not a date: write it as YYYY-MM-DD',
  );
  expect(refused(["sales.csv", "--profile", "wuhan", "--window-start", "yesterday"])).toMatch(
    /--window-start "yesterday" is not a date/,
  );
});

test("a window that starts after the as-of date", () => {
  expect(refused(["sales.csv", "--profile", "wuhan", "--window-start", "2025-08-01"])).toMatch(/window start/i);
});

test("bad --unit, --lang and --input values list the choices", () => {
  expect(refused(["customers.csv", ...SHAOXING, "--unit", "dollars"])).toBe(
    'rfm: --unit "dollars" is not one of: yuan, wan',
  );
  expect(refused(["customers.csv", ...SHAOXING, "--lang", "fr"])).toBe('rfm: --lang "fr" is not one of: en, zh, zh-TW');
  expect(refused(["customers.csv", ...SHAOXING, "--input", "rows"])).toMatch(
    /--input "rows" is not one of: customers, transactions/,
  );
});

test("bad --map values", () => {
  expect(refused(["customers.csv", ...SHAOXING, "--map", "Customer"])).toMatch(/--map "Customer" must be ROLE=HEADER/);
  expect(refused(["customers.csv", ...SHAOXING, "--map", "name=Customer"])).toMatch(
    /must be ROLE=HEADER, ROLE one of id, date, count, total, amount/,
  );
  expect(refused(["customers.csv", ...SHAOXING, "--map", "id="])).toMatch(/must be ROLE=HEADER/);
  expect(refused(["customers.csv", ...SHAOXING, "--map", "id=Customer", "--map", "id=Date"])).toMatch(
    /names the id column twice/,
  );
});

test("--map naming a column that is not there lists the headers", () => {
  expect(refused(["customers.csv", ...SHAOXING, "--map", "total=Revenue"])).toBe(
    'rfm: --map total=Revenue: there is no column "Revenue"; the headers are: "Customer", "Date", "Purchases", "Total amount"',
  );
});

test("missing required columns: names the headers found and the roles missing", () => {
  const line = refused(["odd.csv", ...SHAOXING], { "odd.csv": csvFile(["Client,Day,Visits", "K1,2025-12-31,3"]) });
  expect(line).toMatch(/^rfm: Missing columns for a sales records \(one row per sale\): /);
  expect(line).toContain("id (customer id)");
  expect(line).toContain("date (last order date)");
  expect(line).toContain("amount (order amount)");
  expect(line).toContain('The headers are: "Client", "Day", "Visits"');
  expect(line).toContain("--map ROLE=HEADER");
});

test("missing columns are reported in Chinese with --lang zh", () => {
  const line = refused(["odd.csv", ...SHAOXING, "--lang", "zh"], {
    "odd.csv": csvFile(["Client,Day,Purchases", "K1,2025-12-31,3"]),
  });
  expect(line).toMatch(/^rfm: 作为客户表（每行一个客户）缺少以下列：/);
  expect(line).toContain("date (最近下单时间)");
  expect(line).toContain("total (总金额)");
  expect(line).toContain("列标题为：");
});

test("--sheet with a CSV input", () => {
  expect(refused(["customers.csv", ...SHAOXING, "--sheet", "Data"])).toBe("rfm: --sheet applies to .xlsx input only");
});

test("--out of another type, or the input itself", () => {
  expect(refused(["customers.csv", ...SHAOXING, "--out", "graded.txt"])).toBe(
    'rfm: --out "graded.txt" must end in .csv or .xlsx',
  );
  expect(refused(["customers.csv", ...SHAOXING, "--out", "graded.xlsm"])).toBe(
    'rfm: --out "graded.xlsm" must end in .csv or .xlsx',
  );
  expect(refused(["customers.csv", ...SHAOXING, "--out", "./customers.csv"])).toBe(
    "rfm: --out must not be the input file (nor a link to it): the input is never overwritten",
  );
});

test("--out .xlsx for more rows than an Excel sheet holds (1,048,576 with the header)", () => {
  const rows = [
    "Customer,Date,Purchases,Total amount",
    ...Array.from({ length: 1_048_576 }, (_, i) => `C${i},2025-12-31,1,1`),
  ];
  expect(refused(["big.csv", ...SHAOXING, "--out", "big.xlsx"], { "big.csv": csvFile(rows) })).toBe(
    "rfm: The result has 1048576 rows, more than an Excel sheet holds (1048575 below the header): write it with --out FILE.csv",
  );
}, 60_000);

test("--out into a folder that does not exist", () => {
  expect(refused(["customers.csv", ...SHAOXING, "--out", "no/such/folder/graded.csv"])).toMatch(
    /^rfm: Cannot write "no\/such\/folder\/graded.csv": /,
  );
});

test("an unknown option, or an option without its value, is a usage error too", () => {
  expect(refused(["customers.csv", ...SHAOXING, "--colour"])).toBe("rfm: unknown option '--colour'");
  expect(refused(["customers.csv", "--profile", "shaoxing", "--as-of"])).toBe(
    "rfm: option '--as-of <YYYY-MM-DD>' argument missing",
  );
});

test("a failed run leaves an earlier --out file untouched", () => {
  const here = tempDir();
  write(here, "odd.csv", csvFile(["Client,Day", "K1,2025-12-31"]));
  write(here, "graded.csv", "earlier result\n");
  const run = rfm(["grade", "odd.csv", ...SHAOXING, "--out", "graded.csv"], here);
  expect(run.status).toBe(2);
  expect(readText(join(here, "graded.csv"))).toBe("earlier result\n");
  expect(filesIn(here)).toEqual(["graded.csv", "odd.csv"]);
});

test("a successful run replaces --out as a whole and leaves no temporary file", () => {
  const here = tempDir();
  write(here, "customers.csv", CUSTOMERS);
  write(here, "graded.csv", "earlier result\n");
  const run = rfm(["grade", "customers.csv", ...SHAOXING, "--out", "graded.csv"], here);
  expect(run.status).toBe(0);
  expect(readText(join(here, "graded.csv"))).toMatch(/^\uFEFFCustomer,Date,Purchases,Total amount,R Score/);
  expect(filesIn(here)).toEqual(["customers.csv", "graded.csv"]);
  expect(existsSync(join(here, ".graded.csv.tmp"))).toBe(false);
});
