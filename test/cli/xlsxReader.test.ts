/**
 * The streaming .xlsx reader: which sheet it reads, what it tells about hidden rows, date cells it must not invent,
 * and files that are not workbooks, each refused in words. Workbooks are built with ExcelJS, as Excel stores them.
 * Expected grades: Shaoxing bands (RULES.md §6), as-of 2025-12-31.
 */

import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { readXlsx } from "../../src/cli/readXlsx";
import { UsageError } from "../../src/cli/usageError";
import { buildCli, records, rfm, saveWorkbookIn, tempDir, write } from "./helpers";

const HEADERS = ["Customer", "Last order date", "Purchases", "Total amount"];
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

const saveWorkbook = (name: string, build: (wb: ExcelJS.Workbook) => void) => saveWorkbookIn(dir, name, build);

async function refusal(path: string): Promise<string> {
  try {
    await readXlsx(path, readFileSync(path));
  } catch (err) {
    if (err instanceof UsageError) return err.line("en");
    throw err;
  }
  throw new Error("read without complaint");
}

test("a hidden first sheet is passed over: the first visible sheet is read, and the summary names it", async () => {
  const input = await saveWorkbook("hidden-first.xlsx", (wb) => {
    const lookup = wb.addWorksheet("Lookup");
    lookup.addRow(HEADERS);
    lookup.addRow(["L1", utc(2025, 1, 1), 1, 1]);
    lookup.state = "hidden";
    const data = wb.addWorksheet("客户");
    data.addRow(HEADERS);
    // D=10 → r5, S=16 → f5, Z=9 → m5: X = 6.5, A.
    data.addRow(["V1", utc(2025, 12, 21), 16, 9]);
  });
  const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
  expect(run.status).toBe(0);
  expect(records(run.stdout).map((r) => [r.Customer, r.Grade])).toEqual([["V1", "A"]]);
  expect(run.stderr).toContain("[客户]");
  const named = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--sheet", "Lookup"], dir);
  expect(records(named.stdout).map((r) => r.Customer)).toEqual(["L1"]);
});

test("hidden rows are read and graded, and counted for the summary", async () => {
  const input = await saveWorkbook("hidden-rows.xlsx", (wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow(HEADERS);
    ws.addRow(["H1", utc(2025, 12, 21), 16, 9]);
    ws.addRow(["H2", utc(2025, 12, 21), 16, 9]).hidden = true;
    ws.addRow(["H3", utc(2025, 12, 21), 16, 9]).hidden = true;
  });
  const table = await readXlsx(input, readFileSync(input));
  expect(table.rowCount).toBe(3);
  expect(table.hiddenRows).toBe(2);
  expect(table.sheetName).toBe("Data");
});

test("a date-formatted number beyond 9999-12-31 stays a number, so the engine says it is not a date", async () => {
  const input = await saveWorkbook("huge-serial.xlsx", (wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow(HEADERS);
    ws.addRow(["D1", 1e10, 16, 9]);
    ws.addRow(["D2", 46012, 16, 9]); // 2025-12-21
    ws.getColumn(2).numFmt = "yyyy-mm-dd";
  });
  const table = await readXlsx(input, readFileSync(input));
  expect(table.cell(0, 1)).toBe(1e10);
  expect(table.cell(1, 1)).toEqual(utc(2025, 12, 21));
  const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
  const out = records(run.stdout);
  expect(out[0].Grade).toBe("");
  expect(out[0].Note).toMatch(/^Row 2, column “Last order date”: last order date is not a date/);
  expect(out[1].Grade).toBe("A");
});

test("shared strings with rich-text runs, inline strings, formulas' cached results and errors", async () => {
  const input = await saveWorkbook("cells.xlsx", (wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow(HEADERS);
    ws.addRow([
      { richText: [{ text: "R" }, { text: "&1" }] },
      utc(2025, 12, 21),
      { formula: "8*2", result: 16 },
      { error: "#N/A" },
    ]);
  });
  const table = await readXlsx(input, readFileSync(input));
  expect(table.row(0)).toEqual(["R&1", utc(2025, 12, 21), 16, { error: "#N/A" }]);
});

describe("files that are not workbooks", () => {
  test("a CSV renamed .xlsx", async () => {
    const path = write(dir, "renamed.xlsx", "Customer,Date\nA,2025-01-01\n");
    expect(await refusal(path)).toBe(
      `"${path}" is a text (CSV) file with an .xlsx name, not a workbook: rename it to .csv and try again`,
    );
  });

  test("a password-protected workbook (an encrypted OLE compound file)", async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const path = write(dir, "locked.xlsx", ole);
    expect(await refusal(path)).toMatch(
      /is password-protected \(encrypted\), or an old \.xls workbook: open it in Excel, remove the password/,
    );
  });

  test("a damaged zip: a workbook cut short, and one with its sheet's data overwritten", async () => {
    const good = await saveWorkbook("good.xlsx", (wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRow(HEADERS);
      for (let i = 0; i < 200; i++) ws.addRow([`C${i}`, utc(2025, 12, 21), 16, 9]);
    });
    const bytes = readFileSync(good);
    const cut = write(dir, "cut.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await refusal(cut)).toBe(
      `"${cut}" is damaged: it is not a complete .xlsx workbook; open it in Excel to repair it, or export it again`,
    );
    const scrambled = Buffer.from(bytes);
    const sheetAt = scrambled.indexOf("xl/worksheets/sheet1.xml");
    scrambled.fill(0x55, sheetAt + 40, sheetAt + 400);
    const bad = write(dir, "scrambled.xlsx", scrambled);
    expect(await refusal(bad)).toMatch(/is damaged/);
  });

  test("the command line says it in Chinese too, on one line", () => {
    write(dir, "renamed2.xlsx", "a,b\n1,2\n");
    const run = rfm(["grade", "renamed2.xlsx", "--profile", "wuhan", "--lang", "zh"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      "rfm: “renamed2.xlsx”是改成 .xlsx 扩展名的文本（CSV）文件，不是工作簿：请将扩展名改为 .csv 后重试",
    );
  });
});
