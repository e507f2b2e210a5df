/**
 * The workbook writer on its own terms: text that XML cannot hold as it is, grade colours, the frozen bold header,
 * and a zip that an independent reader (fflate) opens entry by entry.
 * Expected grades: Shaoxing bands (RULES.md §6), as-of 2025-12-31.
 */

import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { readFileSync } from "fs";
import { join } from "path";
import { buildCli, csvFile, rfm, tempDir, write } from "./helpers";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

const HEADER = "Customer,Date,Purchases,Total amount,Remark";

async function gradeToWorkbook(lines: string[], name: string): Promise<{ path: string; ws: ExcelJS.Worksheet }> {
  const input = write(dir, `${name}.csv`, csvFile([HEADER, ...lines]));
  const path = join(dir, `${name}.xlsx`);
  const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--out", path], dir);
  expect(run.stderr).toContain("Written:");
  expect(run.status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return { path, ws: wb.worksheets[0] };
}

test("text with markup characters, spaces at the ends, emoji and Chinese comes back as it was", async () => {
  const { ws } = await gradeToWorkbook(
    [
      'K1,2025-12-21,16,9," two spaces  "',
      'K2,2025-12-21,16,9,"a & b <c> ""quoted"" 😀 客户"',
      "K3,2025-12-21,16,9,plain",
    ],
    "text",
  );
  expect(ws.getCell("E2").value).toBe(" two spaces  ");
  expect(ws.getCell("E3").value).toBe('a & b <c> "quoted" 😀 客户');
  expect(ws.getCell("E4").value).toBe("plain");
});

test("a control character is stored as Excel's _xHHHH_ escape, and text that looks like one is escaped itself", async () => {
  const { path } = await gradeToWorkbook(["K1,2025-12-21,16,9,a\u0001b", "K2,2025-12-21,16,9,_x0041_"], "controls");
  const sheet = strFromU8(unzipSync(readFileSync(path))["xl/worksheets/sheet1.xml"]);
  expect(sheet).toContain("<t>a_x0001_b</t>");
  expect(sheet).toContain("<t>_x005F_x0041_</t>");
});

test("the header is bold and frozen; grades are coloured by one conditional format per grade, best first", async () => {
  // K1: D=10 → r5, S=16 → f5, Z=9 → m5: X = 6.5, A.  K2: D=40 → r2, S=6 → f3, Z=2 → m2: X = 3, C.
  const { ws } = await gradeToWorkbook(["K1,2025-12-21,16,9,", "K2,2025-11-21,6,2,"], "colours");
  expect(ws.getCell("A1").font?.bold).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(ws.getCell("J2").value).toBe("A");
  expect(ws.getCell("J3").value).toBe("C");
  // ExcelJS reads conditional formats but does not declare them in its types.
  const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] }).conditionalFormattings;
  expect(cf.map((f) => f.ref)).toEqual(["J2:J3"]);
  const rules = cf[0].rules as unknown as { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[];
  expect(rules.map((r) => [r.formulae[0], r.style.fill.bgColor.argb])).toEqual([
    ['"A"', "FFC6EFCE"],
    ['"B"', "FFBDD7EE"],
    ['"C"', "FFF8CBAD"],
  ]);
});

test("another zip library reads every entry", async () => {
  const { path } = await gradeToWorkbook(["K1,2025-12-21,16,9,x"], "zip");
  const entries = unzipSync(readFileSync(path));
  expect(Object.keys(entries).sort()).toEqual([
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
  ]);
});
