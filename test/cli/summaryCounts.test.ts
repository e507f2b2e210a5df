/** The summary counts what the rows held besides grades: blank rows skipped, repeated ids, hidden rows read. */

import ExcelJS from "exceljs";
import { join } from "path";
import { buildCli, csvFile, rfm, tempDir, write } from "./helpers";

const SHAOXING = ["--profile", "shaoxing", "--as-of", "2025-12-31"];
let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

test("duplicate customer ids: rows and ids counted, in either language", () => {
  write(
    dir,
    "dup.csv",
    csvFile([
      "Customer,Date,Purchases,Total amount",
      "D1,2025-12-31,16,9",
      "D2,2025-12-31,16,9",
      "D1,2025-12-31,3,2",
      "D3,2025-12-31,1,1",
      "D2,2025-12-31,1,1",
      "D1,2025-12-31,1,1",
    ]),
  );
  const run = rfm(["grade", "dup.csv", ...SHAOXING], dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain(
    "Duplicate customer ids: 5 rows share 2 ids (all graded; each noted in the Note column)",
  );
  const zh = rfm(["grade", "dup.csv", ...SHAOXING, "--lang", "zh"], dir);
  expect(zh.stderr).toContain("客户编号重复：5 行共用 2 个客户编号");
});

test("blank sale rows are skipped and counted apart from unreadable sales", () => {
  write(
    dir,
    "gaps.csv",
    csvFile(["Customer,Date,Amount", "A,2025-06-01,100", ",,", "B,2025-06-01,x", ",,", "C,2025-06-02,50"]),
  );
  const run = rfm(["grade", "gaps.csv", "--profile", "wuhan"], dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain("Sales: 5 read, 2 inside the window, 0 outside it, 1 skipped as unreadable");
  expect(run.stderr).toContain("Blank rows skipped: 2");
});

test("hidden rows of a workbook are read, graded and counted", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  ws.addRow(["Customer", "Last order date", "Purchases", "Total amount"]);
  ws.addRow(["H1", "2025-12-21", 16, 9]);
  ws.addRow(["H2", "2025-12-21", 16, 9]).hidden = true;
  await wb.xlsx.writeFile(join(dir, "hidden.xlsx"));
  const run = rfm(["grade", "hidden.xlsx", ...SHAOXING], dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain("Graded 2 of 2 rows");
  expect(run.stderr).toContain("Hidden rows read: 1 (rows hidden in the sheet are graded like the others)");
});
