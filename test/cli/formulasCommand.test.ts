/** `rfm grade --formulas`: what it refuses, in the user's language, before anything is written. */

import { existsSync } from "fs";
import { join } from "path";
import { buildCli, rfm, tempDir, write } from "./helpers";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
});

const customers = (n: number) =>
  ["id,date,count,total", ...Array.from({ length: n }, (_, i) => `K${i},2025-06-${String(1 + (i % 28)).padStart(2, "0")},${1 + (i % 9)},${100 + i}`)].join("\n") + "\n";

test("needs --out FILE.xlsx", () => {
  const input = write(dir, "c.csv", customers(5));
  const run = rfm(["grade", input, "--profile", "wuhan", "--formulas"], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^rfm: --formulas writes a workbook .*--out FILE\.xlsx/);
  expect(rfm(["grade", input, "--profile", "wuhan", "--formulas", "--out", join(dir, "x.csv"), "--lang", "zh"], dir).stderr).toMatch(/请添加 --out 文件\.xlsx/);
});

test("sales records are graded as values, not live formulas", () => {
  const input = write(dir, "s.csv", "customer,order date,amount\nA,2025-06-01,10\nB,2025-06-02,20\n");
  const out = join(dir, "s.xlsx");
  const run = rfm(["grade", input, "--profile", "wuhan", "--formulas", "--out", out], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/Live formulas grade a customer table/);
  expect(existsSync(out)).toBe(false);
});

test("quantile formulas above 3,000 rows are refused with the reason; thresholds are not limited", () => {
  const input = write(dir, "big.csv", customers(3001));
  const out = join(dir, "big.xlsx");
  const refused = rfm(["grade", input, "--profile", "wuhan", "--formulas", "--out", out, "--lang", "zh"], dir);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/3,001 行超过了上限 3,000 行/);
  expect(existsSync(out)).toBe(false);
  const thresholds = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-07-01", "--formulas", "--out", out], dir);
  expect(thresholds.status).toBe(0);
  expect(thresholds.stderr).toMatch(/Written with live formulas/);
  expect(existsSync(out)).toBe(true);
});
