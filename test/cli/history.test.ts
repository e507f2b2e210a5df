/**
 * `rfm history`: the compiled command on real files. The sales are the hand-worked Shaoxing history of the engine's
 * tests (C1 C → C → B, C3 A → B → B, C2 none → C → none after a refund), so every expected grade comes from the rules.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import { Workbook } from "exceljs";
import { GRADE_FILLS } from "../../src/engine";
import { buildCli, csvFile, filesIn, readText, records, rfm, tempDir, write } from "./helpers";
import { recalculate } from "./libreOffice";

beforeAll(() => buildCli(), 180_000);

const SALES = csvFile([
  "客户编号,客户名称,下单时间,订单金额（万元）",
  "C1,甲公司,2025-01-05,2",
  ...Array.from({ length: 16 }, (_, k) => `C3,丙公司,2025-01-${String(15 + k).padStart(2, "0")},1`),
  "C2,乙公司,2025-02-10,3",
  "C2,乙公司,2025-03-15,-4",
  "C1,甲公司,2025-03-20,7",
]);

const MONTHS = ["--profile", "shaoxing", "--every", "month", "--from", "2025-01", "--to", "2025-03"];

function unzip(path: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe("rfm history -o FILE.xlsx", () => {
  const dir = tempDir();
  const input = write(dir, "sales.csv", SALES);
  const run = rfm(["history", input, ...MONTHS, "-o", join(dir, "history.xlsx")], dir);

  it("runs and summarises on stderr", () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Period ends: 3 month ends, 2025-01-31 – 2025-03-31");
    expect(run.stderr).toContain('Amounts read in: 10,000 yuan (万元) (from the header "订单金额（万元）")');
    expect(run.stderr).toMatch(
      /2025-01 {2}A 1 {2}B 0 {2}C 1\n {2}2025-02 {2}A 0 {2}B 1 {2}C 2\n {2}2025-03 {2}A 0 {2}B 2 {2}C 0/,
    );
    expect(run.stderr).toContain(`Written: ${join(dir, "history.xlsx")}`);
  });

  it("writes the history sheet: one row per customer, one grade per month end", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(join(dir, "history.xlsx"));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Grade history", "Grade transitions", "RFM Summary"]);
    const rows = (wb.getWorksheet("Grade history")!.getSheetValues() as unknown[][]).slice(1).map((r) => r.slice(1));
    expect(rows).toEqual([
      ["Customer id", "2025-01", "2025-02", "2025-03"],
      ["C1", "C", "C", "B"],
      ["C3", "A", "B", "B"],
      ["C2", undefined, "C"],
    ]);
  });

  it("colours the grade cells with the product's grade colours", () => {
    const files = unzip(join(dir, "history.xlsx"));
    const sheet = files["xl/worksheets/sheet1.xml"];
    expect(sheet).toContain('<conditionalFormatting sqref="B2:D4">');
    expect(sheet).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    for (const [k, grade] of ["A", "B", "C"].entries()) {
      expect(sheet).toContain(
        `<cfRule type="cellIs" dxfId="${k}" priority="${k + 1}" operator="equal"><formula>&quot;${grade}&quot;</formula></cfRule>`,
      );
      expect(files["xl/styles.xml"]).toContain(`<bgColor rgb="FF${GRADE_FILLS[k]}"/>`);
    }
  });

  it("writes the transitions sheet, amounts as numbers at the later month end", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(join(dir, "history.xlsx"));
    const rows = (wb.getWorksheet("Grade transitions")!.getSheetValues() as unknown[][])
      .slice(1)
      .map((r) => r.slice(1));
    expect(rows).toEqual([
      [
        "From",
        "To",
        "Grade before",
        "Grade after",
        "Change",
        "Customers",
        "Amount at the later end in 10k yuan (万元)",
      ],
      ["2025-01", "2025-02", "A", "B", "Moved down", 1, 16],
      ["2025-01", "2025-02", "C", "C", "Same grade", 1, 2],
      ["2025-01", "2025-02", "no grade", "C", "New", 1, 3],
      ["2025-02", "2025-03", "B", "B", "Same grade", 1, 16],
      ["2025-02", "2025-03", "C", "B", "Moved up", 1, 9],
      ["2025-02", "2025-03", "C", "no grade", "Gone", 1, -1],
    ]);
  });

  it("gains a summary sheet with the customers per grade at each month end and a stacked column chart of them", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(join(dir, "history.xlsx"));
    const values = wb.getWorksheet("RFM Summary")!.getSheetValues() as unknown[][];
    const at = values.findIndex((r) => r?.[1] === "Period end");
    expect(values.slice(at, at + 4).map((r) => r.slice(1, 6))).toEqual([
      ["Period end", "A", "B", "C", "Graded"],
      ["2025-01", 1, 0, 1, 2],
      ["2025-02", 0, 1, 2, 3],
      ["2025-03", 0, 2, 0, 2],
    ]);
    const files = unzip(join(dir, "history.xlsx"));
    const chart = files["xl/charts/chart1.xml"];
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    const row = at; // 1-based sheet row of the header = index in getSheetValues
    expect(chart).toContain(`<c:f>'RFM Summary'!$A$${row + 1}:$A$${row + 3}</c:f>`);
    expect(chart).toContain(`<c:f>'RFM Summary'!$B$${row}</c:f>`);
    expect(chart).toContain(`<c:f>'RFM Summary'!$D$${row + 1}:$D$${row + 3}</c:f>`);
    expect(chart).toContain(`<a:srgbClr val="${GRADE_FILLS[0]}"/>`);
    expect(files["xl/worksheets/sheet3.xml"]).toContain('<drawing r:id="rId1"/></worksheet>');
    expect(files["xl/worksheets/_rels/sheet3.xml.rels"]).toContain('Target="../drawings/drawing1.xml"');
    expect(files["xl/drawings/_rels/drawing1.xml.rels"]).toContain('Target="../charts/chart1.xml"');
    expect(files["[Content_Types].xml"]).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
  });

  it("opens in LibreOffice, which reads the chart with its series and ranges", () => {
    const [again] = recalculate([readFileSync(join(dir, "history.xlsx"))]);
    const files = unzipSync(new Uint8Array(again));
    const chartName = Object.keys(files).find((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(chartName).toBeDefined();
    const chart = strFromU8(files[chartName!]);
    expect(chart).toMatch(/<c:grouping val="stacked"\/>/);
    expect(chart.match(/<c:ser>/g)).toHaveLength(3);
    expect(chart).toMatch(/<c:f>&apos;RFM Summary&apos;!\$D\$\d+:\$D\$\d+<\/c:f>/);
    for (const fill of GRADE_FILLS.slice(0, 3)) expect(chart.toUpperCase()).toContain(`<A:SRGBCLR VAL="${fill}"/>`);
  }, 120_000);
});

describe("rfm history -o FILE.csv", () => {
  it("writes the history and, beside it, the transitions (Chinese headers and quarter labels)", () => {
    const dir = tempDir();
    const input = write(dir, "sales.csv", SALES);
    const run = rfm(
      [
        "history",
        input,
        "--profile",
        "shaoxing",
        "--every",
        "quarter",
        "--from",
        "2024-12",
        "--to",
        "2025-03",
        "--lang",
        "zh",
        "-o",
        "h.csv",
      ],
      dir,
    );
    expect(run.status).toBe(0);
    expect(filesIn(dir)).toEqual(["h-transitions.csv", "h.csv", "sales.csv"]);
    const history = readText(join(dir, "h.csv"));
    expect(history.startsWith("\uFEFF")).toBe(true);
    expect(records(history)).toEqual([
      { 客户编号: "C1", "2024年第4季度": "", "2025年第1季度": "B" },
      { 客户编号: "C3", "2024年第4季度": "", "2025年第1季度": "B" },
    ]);
    expect(records(readText(join(dir, "h-transitions.csv")))).toEqual([
      {
        起: "2024年第4季度",
        止: "2025年第1季度",
        变化前等级: "无等级",
        变化后等级: "B",
        变化: "新增",
        客户数: "2",
        "后一期末的金额（万元）": "25",
      },
    ]);
    expect(run.stderr).toContain("期末日期：2 个季度末，2024-12-31 – 2025-03-31");
    expect(run.stderr).toContain("已写入：h-transitions.csv（等级变化）");
  });

  it("keeps amounts exact and refunds as they are", () => {
    const dir = tempDir();
    const input = write(
      dir,
      "s.csv",
      csvFile([
        "customer,date,amount",
        "K1,2025-01-02,0.1",
        "K1,2025-01-03,0.2",
        "K2,2025-01-04,100.05",
        "K2,2025-02-01,-0.05",
      ]),
    );
    const run = rfm(
      ["history", input, "--profile", "wuhan", "--from", "2025-01", "--to", "2025-02", "-o", "h.csv"],
      dir,
    );
    expect(run.status).toBe(0);
    const rows = records(readText(join(dir, "h-transitions.csv")));
    expect(rows.map((r) => r["Amount at the later end in yuan"]).sort()).toEqual(["0.3", "100"]);
  });
});

describe("rfm history: usage errors, one line in the user's language, nothing written", () => {
  const dir = tempDir();
  const input = write(dir, "sales.csv", SALES);
  const cases: [string, string[], RegExp][] = [
    [
      "no -o",
      ["history", input, ...MONTHS],
      /^rfm: rfm history writes a history table and a transitions table: give -o FILE\.xlsx/,
    ],
    [
      "a month that is not one",
      ["history", input, ...MONTHS.slice(0, 4), "--from", "2025-13", "--to", "2025-03", "-o", "x.xlsx"],
      /^rfm: --from "2025-13" is not a month: write it as YYYY-MM/,
    ],
    ["no --to", ["history", input, "--profile", "wuhan", "--from", "2025-01", "-o", "x.xlsx"], /^rfm: --to is missing/],
    [
      "months reversed",
      ["history", input, "--profile", "wuhan", "--from", "2025-05", "--to", "2025-03", "-o", "x.xlsx"],
      /^rfm: --to 2025-03 is before --from 2025-05/,
    ],
    [
      "no quarter end",
      [
        "history",
        input,
        "--profile",
        "wuhan",
        "--every",
        "quarter",
        "--from",
        "2025-04",
        "--to",
        "2025-05",
        "-o",
        "x.xlsx",
      ],
      /^rfm: No quarter ends between 2025-04 and 2025-05/,
    ],
    [
      "before the window",
      ["history", input, "--profile", "wuhan", "--from", "2021-06", "--to", "2021-12", "-o", "x.xlsx"],
      /^rfm: The first period end, 2021-06-30, is before the window start 2021-09-01/,
    ],
    [
      "a bad --every",
      [
        "history",
        input,
        "--profile",
        "wuhan",
        "--every",
        "week",
        "--from",
        "2025-01",
        "--to",
        "2025-03",
        "-o",
        "x.xlsx",
      ],
      /^rfm: --every "week" is not one of: month, quarter/,
    ],
  ];
  it.each(cases)("%s", (_, args, message) => {
    const run = rfm(args, dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(filesIn(dir)).toEqual(["sales.csv"]);
  });

  it("refuses a customer table, naming its purchase count column (in Chinese with --lang zh)", () => {
    const customers = write(
      dir,
      "customers.csv",
      csvFile(["客户编号,最近下单时间,历史购买总次数,历史购买总金额", "C1,2025-01-05,3,2"]),
    );
    const run = rfm(["history", customers, ...MONTHS, "--lang", "zh", "-o", "x.xlsx"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "rfm: rfm history 需要销售记录（每行一笔销售：客户、下单时间、订单金额）；此文件是客户表（含购买次数列“历史购买总次数”）\n",
    );
  });

  it("never writes over the input, not even through the transitions file's name", () => {
    const own = write(dir, "h-transitions.csv", SALES);
    const run = rfm(["history", own, ...MONTHS, "-o", join(dir, "h.csv")], dir);
    expect(run.status).toBe(2);
    expect(readText(own)).toBe(SALES);
  });
});

describe("rfm history --help", () => {
  it("explains the command in English and Chinese", () => {
    const en = rfm(["history", "--help"], tempDir());
    expect(en.stdout).toContain("grade sales records at each month or quarter end");
    expect(en.stdout).toContain("--every <period>");
    const zh = rfm(["history", "--help", "--lang", "zh"], tempDir());
    expect(zh.stdout).toContain("在每个月末或季度末为销售记录分级");
    expect(zh.stdout).toContain("示例：");
  });
});
