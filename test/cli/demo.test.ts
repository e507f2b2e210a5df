/** The shipped samples (assets/samples) and `rfm demo`. */

import ExcelJS from "exceljs";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { buildCli, records, rfm, ROOT, tempDir } from "./helpers";
import {
  sampleCsv,
  shaoxingSample,
  SHAOXING_SAMPLE_AS_OF,
  wuhanSample,
  type SampleCell,
  type SampleSheet,
} from "./samples/generateSamples";

const SAMPLES = join(ROOT, "assets/samples");

beforeAll(() => buildCli(), 180_000);

describe("samples", () => {
  test.each([
    ["shaoxing-customers", shaoxingSample],
    ["wuhan-sales", wuhanSample],
  ])("%s.csv is what the generator makes", (base, make) => {
    expect(readFileSync(join(SAMPLES, `${base}.csv`), "utf8")).toBe(sampleCsv(make()));
  });

  test.each([
    ["shaoxing-customers", shaoxingSample],
    ["wuhan-sales", wuhanSample],
  ])("%s.xlsx holds the same cells as the generator's sheet, dates as date cells", async (base, make) => {
    const sheet: SampleSheet = make();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(SAMPLES, `${base}.xlsx`));
    const ws = wb.worksheets[0];
    expect(ws.name).toBe(sheet.name);
    expect(ws.getRow(1).values).toEqual([undefined, ...sheet.headers]);
    const expected = (c: SampleCell) =>
      c !== null && typeof c === "object" && "date" in c ? new Date(c.date + "T00:00:00Z") : c;
    sheet.rows.forEach((cells, i) => {
      const row = ws.getRow(i + 2);
      cells.forEach((cell, c) => expect(row.getCell(c + 1).value ?? null).toEqual(expected(cell)));
    });
  });

  test("the Shaoxing sample: about 300 customers under the platform's Chinese headers", () => {
    const sheet = shaoxingSample();
    expect(sheet.headers).toEqual([
      "客户编号",
      "下单时间",
      "订单金额（万元）",
      "历史购买总次数",
      "历史购买总金额（万元）",
    ]);
    expect(sheet.rows).toHaveLength(300);
  });

  test("the Wuhan sample: a few thousand sales from 2021-06 to 2025-08, some outside the window, some refunds", () => {
    const sheet = wuhanSample();
    expect(sheet.headers).toEqual(["客户", "消费时间", "消费金额"]);
    expect(sheet.rows.length).toBeGreaterThanOrEqual(3000);
    const dates = sheet.rows.flatMap(([, d]) => (d !== null && typeof d === "object" && "date" in d ? [d.date] : []));
    expect(dates.every((d) => d >= "2021-06-01" && d <= "2025-08-31")).toBe(true);
    expect(dates.some((d) => d < "2021-09-01")).toBe(true);
    expect(dates.some((d) => d > "2025-07-01")).toBe(true);
    expect(sheet.rows.filter(([, , a]) => typeof a === "number" && a < 0).length).toBeGreaterThan(0);
  });

  test.each([
    ["shaoxing-customers", ["--profile", "shaoxing", "--as-of", SHAOXING_SAMPLE_AS_OF]],
    ["wuhan-sales", ["--profile", "wuhan"]],
  ])("%s grades the same from .csv and from .xlsx, including every note", (base, flags) => {
    const fromCsv = rfm(["grade", join(SAMPLES, `${base}.csv`), ...flags], SAMPLES);
    const fromXlsx = rfm(["grade", join(SAMPLES, `${base}.xlsx`), ...flags], SAMPLES);
    expect(fromCsv.status).toBe(0);
    expect(fromXlsx.status).toBe(0);
    const results = (csv: string) =>
      records(csv).map((r) => [r["R Score"], r["F Score"], r["M Score"], r["RFM Score"], r.Grade, r.Note]);
    expect(results(fromXlsx.stdout)).toEqual(results(fromCsv.stdout));
    expect(results(fromCsv.stdout).some(([, , , , , note]) => note !== "")).toBe(true);
  });
});

describe("rfm demo", () => {
  test("grades both samples with the built-in profiles, writes .xlsx results and prints where and the grade counts", async () => {
    const outDir = join(tempDir(), "out");
    const run = rfm(["demo", "--out-dir", outDir], ROOT);
    expect(run.status).toBe(0);
    const shaoxing = join(outDir, "shaoxing-graded.xlsx");
    const wuhan = join(outDir, "wuhan-graded.xlsx");
    expect(existsSync(shaoxing)).toBe(true);
    expect(existsSync(wuhan)).toBe(true);
    expect(run.stderr).toContain(`Written: ${shaoxing}`);
    expect(run.stderr).toContain(`Written: ${wuhan}`);
    // The Shaoxing profile has no default as-of date: the demo uses the one the sample was made for.
    expect(run.stderr).toContain(`Analysis date: ${SHAOXING_SAMPLE_AS_OF}`);
    expect(run.stderr.match(/^Grades: /gm)).toHaveLength(2);
    expect(run.stderr).toMatch(/^Grades: A \d+  B \d+  C \d+$/m);
    expect(run.stderr).toMatch(/^Grades: A \d+  B \d+  C \d+  D \d+$/m);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(shaoxing);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(301);
    expect(ws.getRow(1).getCell(10).value).toBe("Grade");
  });
});
