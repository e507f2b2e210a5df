/** `rfm grade --formulas`: what it refuses, in the user's language, before anything is written; what it writes for sales. */

import { strFromU8, unzipSync } from "fflate";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { MAX_SALES_FORMULA_CELLS } from "../../src/engine/compile/salesFormulas";
import { buildCli, rfm, tempDir, write } from "./helpers";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
});

const customers = (n: number) =>
  [
    "id,date,count,total",
    ...Array.from(
      { length: n },
      (_, i) => `K${i},2025-06-${String(1 + (i % 28)).padStart(2, "0")},${1 + (i % 9)},${100 + i}`,
    ),
  ].join("\n") + "\n";

test("needs --out FILE.xlsx", () => {
  const input = write(dir, "c.csv", customers(5));
  const run = rfm(["grade", input, "--profile", "wuhan", "--formulas"], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^rfm: --formulas writes a workbook .*--out FILE\.xlsx/);
  expect(
    rfm(["grade", input, "--profile", "wuhan", "--formulas", "--out", join(dir, "x.csv"), "--lang", "zh"], dir).stderr,
  ).toMatch(/请添加 --out 文件\.xlsx/);
});

test("sales records: one row per customer, the sales on their own sheet, the window start in the parameters block", () => {
  const input = write(
    dir,
    "s.csv",
    'customer,order date,amount\nA,2025-06-01,10\nB,2025-06-02,20\na,2025-06-03,"¥1,234.5"\nA,2025-06-04,#N/A\n',
  );
  const out = join(dir, "s.xlsx");
  const run = rfm(["grade", input, "--profile", "wuhan", "--as-of", "2025-06-30", "--formulas", "--out", out], dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toMatch(/Written with live formulas: .*one row per customer.*a new customer needs grading again/);
  const files = unzipSync(new Uint8Array(readFileSync(out)));
  const workbook = strFromU8(files["xl/workbook.xml"]);
  expect(
    [...workbook.matchAll(/<sheet name="([^"]+)"([^>]*)\/>/g)].map((m) => [m[1], m[2].includes('state="hidden"')]),
  ).toEqual([
    ["RFM grades", false],
    ["Sales records", false],
    ["RFM parameters", false],
    ["RFM helper", true],
  ]);
  expect(workbook).toContain("<definedName name=\"RFM_Start\">'RFM parameters'!$B$3</definedName>");
  const grades = strFromU8(files["xl/worksheets/sheet1.xml"]);
  // Customers in first-appearance order, ids as text; "a" is not "A".
  expect([...grades.matchAll(/<c r="A\d+"[^>]*t="inlineStr"><is><t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1])).toEqual([
    "Customer",
    "A",
    "B",
    "a",
  ]);
  expect(grades).toContain("<f>COUNTIF('RFM helper'!$G$2:$G$5,1)</f><v>1</v>");
  const sales = strFromU8(files["xl/worksheets/sheet2.xml"]);
  expect(sales).toContain('<c r="C4"><v>1234.5</v></c>'); // the amount as the engine read it
  expect(sales).toContain('<c r="C5" t="e"><v>#N/A</v></c>');
  // The window start comes from the profile (wuhan: 2021-09-01) and is a date cell.
  expect(strFromU8(files["xl/worksheets/sheet3.xml"])).toMatch(/<c r="B3" s="2"><v>44440<\/v><\/c>/);
  // In Chinese the sheets are named in Chinese.
  const zh = join(dir, "s-zh.xlsx");
  expect(
    rfm(["grade", input, "--profile", "wuhan", "--as-of", "2025-06-30", "--formulas", "--out", zh, "--lang", "zh"], dir)
      .stderr,
  ).toMatch(/每行一位客户/);
  expect(strFromU8(unzipSync(new Uint8Array(readFileSync(zh)))["xl/workbook.xml"])).toContain('<sheet name="销售记录"');
});

test("sales records above the measured size, or with amounts millionths cannot add exactly, are refused and nothing is written", () => {
  const customers = 5_000;
  const sales = MAX_SALES_FORMULA_CELLS / customers + 1;
  const rows = Array.from(
    { length: sales },
    (_, i) => `K${i % customers},2025-06-${String(1 + (i % 28)).padStart(2, "0")},${10 + (i % 7)}`,
  );
  const input = write(dir, "big-sales.csv", ["customer,order date,amount", ...rows].join("\n") + "\n");
  const out = join(dir, "big-sales.xlsx");
  const refused = rfm(
    ["grade", input, "--profile", "shaoxing", "--as-of", "2025-06-30", "--formulas", "--out", out, "--lang", "zh"],
    dir,
  );
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain(`${sales.toLocaleString("en-US")} 笔销售 × 5,000 位客户超过了上限`);
  expect(existsSync(out)).toBe(false);
  // A quantile profile: the customers are ranked against each other, so their own limit applies, counted in customers.
  const ranked = Array.from(
    { length: 3_001 },
    (_, i) => `K${i},2025-06-${String(1 + (i % 28)).padStart(2, "0")},${10 + (i % 7)}`,
  );
  const quantiles = rfm(
    [
      "grade",
      write(dir, "ranked.csv", ["customer,order date,amount", ...ranked].join("\n") + "\n"),
      "--profile",
      "wuhan",
      "--as-of",
      "2025-06-30",
      "--formulas",
      "--out",
      out,
      "--lang",
      "zh",
    ],
    dir,
  );
  expect(quantiles.status).toBe(2);
  expect(quantiles.stderr).toContain("3,001 位客户超过了上限 3,000 位");
  expect(existsSync(out)).toBe(false);
  const fine = write(dir, "fine.csv", "customer,order date,amount\nA,2025-06-01,0.1234567\nB,2025-06-02,20\n");
  const inexact = rfm(
    ["grade", fine, "--profile", "shaoxing", "--as-of", "2025-06-30", "--formulas", "--out", out],
    dir,
  );
  expect(inexact.status).toBe(2);
  expect(inexact.stderr).toMatch(/order amount 0\.1234567 .*Write values instead/);
  expect(existsSync(out)).toBe(false);
});

test("quantile formulas above 3,000 rows are refused with the reason; thresholds are not limited", () => {
  const input = write(dir, "big.csv", customers(3001));
  const out = join(dir, "big.xlsx");
  const refused = rfm(["grade", input, "--profile", "wuhan", "--formulas", "--out", out, "--lang", "zh"], dir);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/3,001 行超过了上限 3,000 行/);
  expect(existsSync(out)).toBe(false);
  const thresholds = rfm(
    ["grade", input, "--profile", "shaoxing", "--as-of", "2025-07-01", "--formulas", "--out", out],
    dir,
  );
  expect(thresholds.status).toBe(0);
  expect(thresholds.stderr).toMatch(/Written with live formulas/);
  expect(existsSync(out)).toBe(true);
});
