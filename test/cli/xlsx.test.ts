/**
 * .xlsx in and out. Inputs are built with ExcelJS the way Excel stores cells (date cells, formulas with cached
 * results, rich text, hyperlinks, error values, the 1904 date system); outputs are read back with ExcelJS.
 * Expected grades: Shaoxing bands (RULES.md §6), as-of 2025-12-31.
 */

import ExcelJS from "exceljs";
import { join } from "path";
import { buildCli, csvFile, records, rfm, saveWorkbookIn, tempDir, write } from "./helpers";

const ZH_HEADERS = ["客户编号", "下单时间", "订单金额（万元）", "历史购买总次数", "历史购买总金额（万元）"];
const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

const saveWorkbook = (name: string, build: (wb: ExcelJS.Workbook) => void) => saveWorkbookIn(dir, name, build);

async function openSheet(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0];
}

/** A workbook whose first sheet is a cover note and whose second sheet holds the customers. */
function customerWorkbook(wb: ExcelJS.Workbook): void {
  wb.addWorksheet("Notes").addRow(["Exported from the finance platform"]);
  const ws = wb.addWorksheet("Data");
  ws.addRow(ZH_HEADERS);
  // X01: D=10 → r5, S=16 (a formula's cached result) → f5, Z=9 → m5: X = 6.5, A.
  ws.addRow([{ richText: [{ text: "X" }, { text: "01" }] }, utc(2025, 12, 21), 1.5, { formula: "8+8", result: 16 }, 9]);
  // X02: the date typed as text, D=40 → r2, S=6 → f3, Z=2 → m2: X = 0.6 + 1.2 + 1.2 = 3, C (the float trap).
  ws.addRow([{ text: "X02", hyperlink: "https://example.com/x02" }, "2025年11月21日", 0.2, 6, 2]);
  // X03: an error value in the count: not graded.
  ws.addRow(["X03", utc(2025, 12, 30), 1, { error: "#N/A" }, 4]);
  // X04: a date cell with a time of day (ignored): D=15 → r4, S=10 → f3, Z=1 → m1: X = 3, C.
  ws.addRow(["X04", utc(2025, 12, 16, 18, 30), 0.3, 10, 1]);
  ws.getColumn(2).numFmt = "yyyy-mm-dd";
  ws.getColumn(5).numFmt = "#,##0.00";
}

describe("xlsx in", () => {
  test("the first sheet is read by default: here it has no customer columns, and the error names its headers", async () => {
    const input = await saveWorkbook("two-sheets.xlsx", customerWorkbook);
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"Exported from the finance platform"');
  });

  test("--sheet picks the sheet; an unknown sheet lists the sheets there are", async () => {
    const input = await saveWorkbook("two-sheets.xlsx", customerWorkbook);
    const ok = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--sheet", "Data"], dir);
    expect(ok.status).toBe(0);
    const missing = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--sheet", "Sales"], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('rfm: No sheet named "Sales"; the workbook has: "Notes", "Data"');
  });

  test("date cells, text dates, formulas, rich text, hyperlinks and error values are read as Excel shows them", async () => {
    const input = await saveWorkbook("two-sheets.xlsx", customerWorkbook);
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--sheet", "Data"], dir);
    const out = records(run.stdout);
    expect(out.map((r) => [r["客户编号"], r["R Score"], r["F Score"], r["M Score"], r["RFM Score"], r.Grade])).toEqual([
      ["X01", "5", "5", "5", "6.5", "A"],
      ["X02", "2", "3", "2", "3", "C"],
      ["X03", "", "", "", "", ""],
      ["X04", "4", "3", "1", "3", "C"],
    ]);
    expect(out.map((r) => r["下单时间"])).toEqual([
      "2025-12-21",
      "2025年11月21日",
      "2025-12-30",
      "2025-12-16 18:30:00",
    ]);
    expect(out[0]["历史购买总次数"]).toBe("16");
    expect(out[2]["历史购买总次数"]).toBe("#N/A");
    expect(out[2].Note).toBe("Row 4, column “历史购买总次数”: the cell holds the Excel error #N/A");
    expect(run.stderr).toContain("[Data]");
  });

  test("a workbook in the 1904 date system: serial numbers count from 1904", async () => {
    const input = await saveWorkbook("mac.xlsx", (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Sheet1");
      ws.addRow(ZH_HEADERS);
      // 44550 in the 1904 system is 2025-12-21 (D=10 → r5: X = 6.5, A); in the 1900 system it would be 2021-12-20.
      ws.addRow(["M1", 44550, 1, 16, 9]);
    });
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.status).toBe(0);
    const row = records(run.stdout)[0];
    expect([row["R Score"], row.Grade]).toEqual(["5", "A"]);
  });
});

test("columns that are only formatted are left out; an empty sheet is refused", async () => {
  const input = await saveWorkbook("formatted.xlsx", (wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow(ZH_HEADERS);
    ws.addRow(["F1", utc(2025, 12, 21), 1, 16, 9]);
    ws.getColumn(9).numFmt = "0.00"; // formatted, never filled
    ws.getCell("I5").numFmt = "0.00";
    wb.addWorksheet("Empty");
  });
  const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
  expect(run.status).toBe(0);
  expect(run.stdout.split("\n")[0]).toBe(
    `${ZH_HEADERS.join(",")},R Score,F Score,M Score,RFM Score,Grade,Cadence,Note,Next contact by,Next grade with one order of`,
  );
  // Grade A: next contact 2025-12-31 + 1 month.
  // The top grade has no next-grade order: its cell is empty.
  expect(run.stdout.split("\n")[1]).toBe("F1,2025-12-21,1,16,9,5,5,5,6.5,A,1–2 contacts per month,,2026-01-31,");
  const empty = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--sheet", "Empty"], dir);
  expect(empty.status).toBe(2);
  expect(empty.stderr).toMatch(/\[Empty\]" is empty/);
});

test("a title row above the header of a sheet", async () => {
  const input = await saveWorkbook("titled.xlsx", (wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow(["客户分级明细（2025年）"]);
    ws.addRow(ZH_HEADERS);
    ws.addRow(["T1", utc(2025, 12, 21), 1, 16, 9]);
    ws.addRow(["T2", null, 1, 16, 9]);
  });
  const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
  expect(run.status).toBe(0);
  const out = records(run.stdout);
  expect(out[0].Grade).toBe("A");
  expect(out[1].Note).toBe("Row 4, column “下单时间”: last order date is missing");
});

describe("xlsx out", () => {
  test("a real workbook: bold header, the input's cells and formats kept, scores as numbers, 3 exactly", async () => {
    const input = await saveWorkbook("two-sheets.xlsx", customerWorkbook);
    const out = join(dir, "graded.xlsx");
    const run = rfm(
      ["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--sheet", "Data", "--out", out],
      dir,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`Written: ${out}`);
    const ws = await openSheet(out);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      ...ZH_HEADERS,
      "R Score",
      "F Score",
      "M Score",
      "RFM Score",
      "Grade",
      "Cadence",
      "Note",
      "Next contact by",
      "Next grade with one order of",
    ]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(1).getCell(12).font?.bold).toBe(true);

    const x01 = ws.getRow(2);
    expect(x01.getCell(1).value).toBe("X01");
    expect(x01.getCell(2).value).toEqual(utc(2025, 12, 21));
    expect(x01.getCell(2).numFmt).toBe("yyyy-mm-dd");
    expect(x01.getCell(4).value).toBe(16);
    expect(x01.getCell(5).numFmt).toBe("#,##0.00");
    expect([6, 7, 8, 9].map((c) => x01.getCell(c).value)).toEqual([5, 5, 5, 6.5]);
    expect(x01.getCell(10).value).toBe("A");
    expect(x01.getCell(11).value).toBe("1–2 contacts per month");

    const x02 = ws.getRow(3);
    expect(x02.getCell(9).value).toBe(3);
    expect(x02.getCell(2).value).toBe("2025年11月21日");

    const x03 = ws.getRow(4);
    expect(x03.getCell(4).value).toEqual({ error: "#N/A" });
    expect([6, 7, 8, 9, 10, 11].map((c) => x03.getCell(c).value)).toEqual([null, null, null, null, null, null]);
    expect(x03.getCell(12).value).toBe("Row 4, column “历史购买总次数”: the cell holds the Excel error #N/A");
  });

  test("CSV in, xlsx out: the date column becomes date cells and the amounts numbers; ids keep their zeros", async () => {
    const input = write(
      dir,
      "plain.csv",
      csvFile(["Customer,Date,Purchases,Total amount,Region", "007,2025-12-21,16,9,East"]),
    );
    const out = join(dir, "from-csv.xlsx");
    const run = rfm(
      ["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--out", out, "--lang", "zh"],
      dir,
    );
    expect(run.status).toBe(0);
    const ws = await openSheet(out);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "Customer",
      "Date",
      "Purchases",
      "Total amount",
      "Region",
      "R评分",
      "F评分",
      "M评分",
      "RFM综合评分",
      "客户等级",
      "沟通频次",
      "备注",
      "下次沟通日期",
      "升级所需单笔订单",
    ]);
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe("007");
    expect(row.getCell(2).value).toEqual(utc(2025, 12, 21));
    expect([3, 4].map((c) => row.getCell(c).value)).toEqual([16, 9]);
    expect(row.getCell(5).value).toBe("East");
    expect(row.getCell(9).value).toBe(6.5);
    expect(row.getCell(11).value).toBe("每月沟通1–2次");
  });

  test("sales records, xlsx out: the last order date is a date cell, purchases and amount are numbers", async () => {
    // N = 2, no ties: q = 0 → 5 - floor(5/4) = 4, q = 1 → 5 - floor(15/4) = 2.
    // S1: D=0 → r4, S=2 → f4, Z=300 → m2: X = 1.2 + 1.2 + 0.8 = 3.2, B.  S2: r2, f2, m4: 0.6 + 0.6 + 1.6 = 2.8, C.
    const input = await saveWorkbook("sales.xlsx", (wb) => {
      const ws = wb.addWorksheet("销售记录");
      ws.addRow(["客户", "消费时间", "消费金额"]);
      ws.addRow(["S1", utc(2025, 6, 30), 100]);
      ws.addRow(["S2", utc(2025, 1, 2), 500]);
      ws.addRow(["S1", utc(2025, 7, 1), 200]);
    });
    const out = join(dir, "sales-graded.xlsx");
    const run = rfm(["grade", input, "--profile", "wuhan", "--out", out], dir);
    expect(run.status).toBe(0);
    const ws = await openSheet(out);
    // Next contact by: wuhan's analysis date 2025-07-01 + 3 months (B) or + 6 months (C), a date cell after the note.
    // Next grade with one order (RULES.md §12): S1 needs m 4 with r 4, f 4 (past S2's 500): 200.01; S2 with the order
    // ties S1's D and S (r 3, f 3) and keeps m 4: 1.8 + 1.6 = 3.4, B with one cent. A number cell.
    expect(ws.getRow(2).values).toEqual([
      undefined,
      "S1",
      utc(2025, 7, 1),
      2,
      300,
      4,
      4,
      2,
      3.2,
      "B",
      "one revisit per quarter",
      undefined,
      utc(2025, 10, 1),
      200.01,
    ]);
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "S2",
      utc(2025, 1, 2),
      1,
      500,
      2,
      2,
      4,
      2.8,
      "C",
      "one revisit per half-year",
      undefined,
      utc(2026, 1, 1),
      0.01,
    ]);
    expect(ws.getRow(2).getCell(13).numFmt).toBe("#,##0.00####");
    expect(ws.getRow(2).getCell(12).numFmt).toBe("yyyy-mm-dd");
    expect(ws.getRow(2).getCell(2).numFmt).toBe("yyyy-mm-dd");
  });
});

test("xlsx in, CSV out: numbers read as Excel shows them, to 15 significant digits", async () => {
  const input = await saveWorkbook("sums.xlsx", (wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow([...ZH_HEADERS, "Share"]);
    ws.addRow(["N1", utc(2025, 12, 21), 0.1 + 0.2, 16, 9, 1 / 3]);
  });
  const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
  const row = records(run.stdout)[0];
  expect(row["订单金额（万元）"]).toBe("0.3");
  expect(row.Share).toBe("0.333333333333333");
});
