import {
  customerHeaders,
  outputHeaders,
  type GradeMigration,
  type GradeShares,
  type GradeSummary,
  type RfMap,
} from "../../src/engine";
import {
  gradeFill,
  SELECT_AREA_LIMIT,
  selectRows,
  SUMMARY_ROW_LIMIT,
  writeSalesOutput,
  writeSummarySheet,
  type OutputCell,
  type SummaryModel,
  type WriteOptions,
} from "../../src/excel";
import { FakeExcel } from "./fake";

const WUHAN_GRADES = ["A", "B", "C", "D"];

/** Sales output as the task pane builds it: customer, last date (serial), purchases, amount, then the 7 output columns. */
function salesOutput(lang: "en" | "zh"): OutputCell[][] {
  return [
    [...customerHeaders(lang), ...outputHeaders(lang)],
    ["00123", 45839, 3, 1200.5, 5, 4, 3, 4, "A", "one revisit per month", null],
    ["<img src=x onerror=alert(1)>", 45800, 1, 80, 1, 1, 1, 1, "D", "one revisit per year", null],
  ];
}

const salesOpts = (lang: "en" | "zh", extra: Partial<WriteOptions> = {}): WriteOptions => ({
  lang,
  grades: WUHAN_GRADES,
  columnFormats: [null, "yyyy-mm-dd"],
  ...extra,
});

describe("writeSalesOutput", () => {
  it("writes one row per customer on a new sheet, ids kept as text, dates formatted, grades coloured", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["客户", "日期", "金额"]] } });
    const res = await excel.run((ctx) => writeSalesOutput(ctx, "", salesOutput("en"), 8, salesOpts("en")));
    expect(res).toEqual({ sheetName: "RFM Customers", address: "'RFM Customers'!A1:K3" });
    const rows = excel.read("RFM Customers");
    expect(rows[1].slice(0, 4)).toEqual(["00123", 45839, 3, 1200.5]);
    expect(rows[2][0]).toBe("<img src=x onerror=alert(1)>");
    expect(excel.numberFormats("RFM Customers", "B1:B3").map((r) => r[0])).toEqual([
      "General",
      "yyyy-mm-dd",
      "yyyy-mm-dd",
    ]);
    expect(excel.fills("RFM Customers", "I2:I3").map((r) => r[0])).toEqual([gradeFill(0), gradeFill(3)]);
    expect(excel.bold("RFM Customers", "A1:K1")[0].every(Boolean)).toBe(true);
  });

  it("names the sheet uniquely, in Chinese for Chinese Office", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]], "RFM Customers": [["mine"]] } });
    const first = await excel.run((ctx) => writeSalesOutput(ctx, "", salesOutput("en"), 8, salesOpts("en")));
    const second = await excel.run((ctx) => writeSalesOutput(ctx, "", salesOutput("en"), 8, salesOpts("en")));
    const zh = await excel.run((ctx) => writeSalesOutput(ctx, "", salesOutput("zh"), 8, salesOpts("zh")));
    expect([first.sheetName, second.sheetName, zh.sheetName]).toEqual([
      "RFM Customers (2)",
      "RFM Customers (3)",
      "RFM 客户",
    ]);
    expect(excel.read("RFM Customers")).toEqual([["mine"]]);
    expect(excel.read("RFM 客户")[0]).toEqual([...customerHeaders("zh"), ...outputHeaders("zh")]);
  });

  it("shortens a long base name to Excel's 31 characters, suffix included", async () => {
    const base = "A very long sheet name for sales"; // 32 characters
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    const a = await excel.run((ctx) => writeSalesOutput(ctx, base, salesOutput("en"), 8, salesOpts("en")));
    const b = await excel.run((ctx) => writeSalesOutput(ctx, base, salesOutput("en"), 8, salesOpts("en")));
    expect([a.sheetName, b.sheetName]).toEqual(["A very long sheet name for sale", "A very long sheet name for (2)"]);
  });

  it("deletes its new sheet when writing fails or is cancelled", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    excel.failAtSync(3);
    await expect(
      excel.run((ctx) => writeSalesOutput(ctx, "", salesOutput("en"), 8, salesOpts("en"))),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(excel.sheetNames()).toEqual(["Sales"]);
    const abort = new AbortController();
    excel.onSync((n) => n === 2 && abort.abort());
    await expect(
      excel.run((ctx) => writeSalesOutput(ctx, "", salesOutput("en"), 8, salesOpts("en", { signal: abort.signal }))),
    ).rejects.toMatchObject({ code: "cancelled" });
    expect(excel.sheetNames()).toEqual(["Sales"]);
  });
});

function summary(): GradeSummary {
  return {
    profileId: "wuhan",
    method: "quantiles",
    asOf: "2025-07-01",
    windowStart: "2021-09-01",
    unit: "yuan",
    kind: "transactions",
    rows: 7,
    graded: 6,
    notGraded: 1,
    gradeCounts: [
      { grade: "A", count: 2 },
      { grade: "B", count: 1 },
      { grade: "C", count: 2 },
      { grade: "D", count: 1 },
    ],
    scoreCounts: { recency: [0, 1, 1, 2, 1, 1], frequency: [0, 2, 0, 2, 1, 1], monetary: [0, 1, 1, 2, 1, 1] },
    sales: { read: 30, kept: 25, outsideWindow: 3, skipped: 2 },
  };
}

const share = (tenths: number, exactPercent: string) => ({ tenths, value: tenths / 1000, exactPercent });

/** Per-grade figures consistent with the counts above (A 2, B 1, C 2, D 1) and amounts 1200.5, 300, 400, 100.5. */
function shares(): GradeShares {
  return {
    rows: [
      {
        grade: "A",
        customers: 2,
        customerShare: share(333, "33.333333"),
        amount: "1200.5",
        amountValue: 1200.5,
        amountShare: share(600, "59.995002"),
      },
      {
        grade: "B",
        customers: 1,
        customerShare: share(167, "16.666667"),
        amount: "300",
        amountValue: 300,
        amountShare: share(150, "14.992504"),
      },
      {
        grade: "C",
        customers: 2,
        customerShare: share(333, "33.333333"),
        amount: "400",
        amountValue: 400,
        amountShare: share(200, "19.990005"),
      },
      {
        grade: "D",
        customers: 1,
        customerShare: share(167, "16.666667"),
        amount: "100.5",
        amountValue: 100.5,
        amountShare: share(50, "5.022489"),
      },
    ],
    customers: 6,
    amount: "2001",
    amountValue: 2001,
    unit: "yuan",
  };
}

function rf(): RfMap {
  return {
    r: [5, 4, 3, 2, 1],
    f: [1, 2, 3, 4, 5],
    counts: [
      [0, 0, 0, 0, 1],
      [0, 0, 1, 0, 0],
      [0, 2, 0, 0, 0],
      [1, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
    ],
  };
}

function migration(): GradeMigration {
  return {
    previousGrades: ["A", "B", "C", "D"],
    grades: ["A", "B", "C", "D"],
    counts: [
      [1, 1, 0, 0, 0],
      [0, 0, 1, 0, 1],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0],
      [1, 0, 1, 0, 0],
    ],
    amounts: [
      ["600", "300", "0", "0", ""],
      ["0", "0", "250", "0", ""],
      ["0", "0", "0", "0", ""],
      ["0", "0", "0", "100.5", ""],
      ["600.5", "0", "150", "0", ""],
    ],
    previous: [],
    change: [],
    absent: [{ id: "K9", previous: "B" }],
    movedDown: [
      { index: 1, id: "K2", previous: "A", current: "B", amount: "300", amountValue: 300 },
      { index: 3, id: "K4", previous: "B", current: "C", amount: "250", amountValue: 250 },
    ],
    totals: { up: 0, down: 2, same: 2, new: 2, gone: 1, other: 0 },
  };
}

function model(
  notGraded = [{ row: 9, reason: "Row 9, column “日期”: last order date is missing" }],
  withMigration = false,
): SummaryModel {
  return {
    summary: summary(),
    profileName: "Wuhan – smart curtains (quintiles)",
    rules: ["Quintiles, ties share the average position"],
    version: "0.1.0",
    generatedAt: "2026-11-23 18:30",
    source: "Sales!A1:C31",
    output: "'RFM Customers'!A1:K8",
    notGraded,
    shares: shares(),
    rfMap: rf(),
    nextGrade: [{ grade: "B", customers: 1, reachable: 1, notReachable: 0, amount: "1500.01", amountValue: 1500.01 }],
    ...(withMigration ? { migration: migration(), previousSource: "'RFM Customers'!I1:I8" } : {}),
  };
}

/** Finds the row whose first cell is `label` and returns the cells after it. */
function rowAfter(rows: unknown[][], label: string): unknown[] {
  const row = rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no row "${label}"`);
  return row.slice(1);
}

describe("writeSummarySheet", () => {
  it("lists how the grading was done, the counts, a grade chart and the rows not graded", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    const res = await excel.run((ctx) => writeSummarySheet(ctx, model(), "en"));
    expect(res.sheetName).toBe("RFM Summary");
    const rows = excel.read("RFM Summary");
    expect(rows[0][0]).toBe("RFM Summary");
    expect(rowAfter(rows, "Profile")[0]).toBe("Wuhan – smart curtains (quintiles)");
    // Dates are date cells: 2025-07-01 = 45658 (2025-01-01) + 181 = 45839; 2021-09-01 = 44197 (2021-01-01) + 243 = 44440.
    expect(rowAfter(rows, "Analysis date")[0]).toBe(45839);
    expect(rowAfter(rows, "Sales window").slice(0, 2)).toEqual([44440, 45839]);
    const asOfRow = rows.findIndex((r) => r[0] === "Analysis date") + 1;
    expect(excel.numberFormats("RFM Summary", `B${asOfRow}:B${asOfRow}`)).toEqual([["yyyy-mm-dd"]]);
    expect(excel.numberFormats("RFM Summary", `B${asOfRow + 1}:C${asOfRow + 1}`)).toEqual([
      ["yyyy-mm-dd", "yyyy-mm-dd"],
    ]);
    expect(rowAfter(rows, "Amount unit")[0]).toBe("yuan");
    expect(rowAfter(rows, "Rules used")[0]).toBe("Quintiles, ties share the average position");
    expect(rowAfter(rows, "Add-in version")[0]).toBe("0.1.0");
    // 2026-11-23 = 46023 (2026-01-01) + 326 = 46349, and 18:30 is 18.5 / 24 of a day.
    expect(rowAfter(rows, "Graded at")[0]).toBeCloseTo(46349 + 18.5 / 24, 9);
    const gradedRow = rows.findIndex((r) => r[0] === "Graded at") + 1;
    expect(excel.numberFormats("RFM Summary", `B${gradedRow}:B${gradedRow}`)).toEqual([["yyyy-mm-dd hh:mm"]]);
    expect(rowAfter(rows, "Sales skipped (unreadable)")[0]).toBe(2);
    const gradeHeader = rows.findIndex((r) => r[0] === "Grade");
    expect(rows.slice(gradeHeader, gradeHeader + 6).map((r) => r.slice(0, 5))).toEqual([
      ["Grade", "Customers", "Share of customers", "Amount", "Share of amount"],
      ["A", 2, 0.333, 1200.5, 0.6],
      ["B", 1, 0.167, 300, 0.15],
      ["C", 2, 0.333, 400, 0.2],
      ["D", 1, 0.167, 100.5, 0.05],
      ["Total", 6, 1, 2001, 1],
    ]);
    const shareFormats = excel.numberFormats("RFM Summary", `C${gradeHeader + 2}:E${gradeHeader + 6}`);
    expect(shareFormats.every((r) => r[0] === "0.0%" && r[1] === "#,##0.0" && r[2] === "0.0%")).toBe(true);
    expect(excel.bold("RFM Summary", `A${gradeHeader + 1}:E${gradeHeader + 1}`)[0].every(Boolean)).toBe(true);
    const scoreHeader = rows.findIndex((r) => r[0] === "Score");
    expect(rows.slice(scoreHeader, scoreHeader + 6).map((r) => r.slice(0, 4))).toEqual([
      ["Score", "R", "F", "M"],
      [5, 1, 1, 1],
      [4, 1, 1, 1],
      [3, 2, 2, 2],
      [2, 1, 0, 1],
      [1, 1, 2, 1],
    ]);
    const rfHeader = rows.findIndex((r) => r[0] === "R \\ F");
    expect(rows.slice(rfHeader, rfHeader + 6).map((r) => r.slice(0, 6))).toEqual([
      ["R \\ F", 1, 2, 3, 4, 5],
      [5, 0, 0, 0, 0, 1],
      [4, 0, 0, 1, 0, 0],
      [3, 0, 2, 0, 0, 0],
      [2, 1, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0],
    ]);
    const nextHeader = rows.findIndex((r) => r[0] === "Next grade with one order");
    expect(nextHeader).toBeGreaterThan(rfHeader);
    expect(rows.slice(nextHeader + 1, nextHeader + 3).map((r) => r.slice(0, 5))).toEqual([
      ["Grade", "Customers", "Can move up with one order", "Not reachable with one order", "Orders needed in all"],
      ["B", 1, 1, 0, 1500.01],
    ]);
    expect(excel.numberFormats("RFM Summary", `E${nextHeader + 3}:E${nextHeader + 3}`)).toEqual([["#,##0.00"]]);
    const scales = excel.colourScales("RFM Summary");
    expect(scales).toHaveLength(1);
    expect(scales[0].rect).toEqual({ row: rfHeader + 1, col: 1, rows: 5, cols: 5 });
    expect(scales[0].criteria.minimum).toMatchObject({ type: "LowestValue" });
    expect(scales[0].criteria.maximum).toMatchObject({ type: "HighestValue" });
    expect(rows.some((r) => r[0] === "Previous \\ now")).toBe(false);
    expect(rowAfter(rows, "Row")[0]).toBe("Reason");
    expect(rows[rows.length - 1].slice(0, 3)).toEqual([9, "Row 9, column “日期”: last order date is missing", ""]);
    const charts = excel.charts("RFM Summary");
    expect(charts).toHaveLength(1);
    expect(charts[0].type).toBe("ColumnClustered");
    expect(charts[0].source).toEqual({ row: gradeHeader, col: 0, rows: 5, cols: 2 });
    expect(charts[0].title).toBe("Customers per grade");
  });

  it("with a previous grading: the changes, the matrix in customers and amount, and who moved down", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    await excel.run((ctx) => writeSummarySheet(ctx, model([], true), "en"));
    const rows = excel.read("RFM Summary");
    expect(rowAfter(rows, "Compared with")[0]).toBe("'RFM Customers'!I1:I8");
    expect(rowAfter(rows, "Moved down")[0]).toBe(2);
    expect(rowAfter(rows, "Gone")[0]).toBe(1);
    const matrices = rows.flatMap((r, i) => (r[0] === "Previous \\ now" ? [i] : []));
    expect(matrices).toHaveLength(2);
    const [counts, amounts] = matrices;
    expect(rows[counts - 1][0]).toBe("Grade changes since the previous grading: customers");
    expect(rows.slice(counts, counts + 6).map((r) => r.slice(0, 6))).toEqual([
      ["Previous \\ now", "A", "B", "C", "D", "Gone"],
      ["A", 1, 1, 0, 0, 0],
      ["B", 0, 0, 1, 0, 1],
      ["C", 0, 0, 0, 0, 0],
      ["D", 0, 0, 0, 1, 0],
      ["New", 1, 0, 1, 0, 0],
    ]);
    expect(rows.slice(amounts + 1, amounts + 6).map((r) => r.slice(0, 6))).toEqual([
      ["A", 600, 300, 0, 0, ""],
      ["B", 0, 0, 250, 0, ""],
      ["C", 0, 0, 0, 0, ""],
      ["D", 0, 0, 0, 100.5, ""],
      ["New", 600.5, 0, 150, 0, ""],
    ]);
    expect(excel.numberFormats("RFM Summary", `B${amounts + 2}:B${amounts + 2}`)[0][0]).toBe("#,##0.0");
    const list = rows.findIndex((r) => r[0] === "Customers who moved down, largest amount first");
    expect(rows.slice(list + 1, list + 4).map((r) => r.slice(0, 4))).toEqual([
      ["Customer id", "Previous grade", "Grade", "Amount"],
      ["K2", "A", "B", 300],
      ["K4", "B", "C", 250],
    ]);
  });

  it("writes Chinese labels and replaces its own previous summary, keeping a user's sheet of the same name", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    await excel.run((ctx) => writeSummarySheet(ctx, model(), "zh"));
    const second = await excel.run((ctx) => writeSummarySheet(ctx, model([]), "zh"));
    expect(second.sheetName).toBe("RFM 汇总");
    expect(excel.sheetNames()).toEqual(["Sales", "RFM 汇总"]);
    const rows = excel.read("RFM 汇总");
    expect(rowAfter(rows, "统计日期")[0]).toBe(45839);
    expect(rows.find((r) => r[0] === "客户等级")!.slice(0, 5)).toEqual([
      "客户等级",
      "客户数",
      "客户占比",
      "金额",
      "金额占比",
    ]);
    expect(rows.some((r) => r[0] === "未分级的行")).toBe(false);
    expect(excel.charts("RFM 汇总")[0].title).toBe("各等级客户数");

    const user = new FakeExcel({ sheets: { Sales: [["x"]], "RFM Summary": [["my own notes"]] } });
    const res = await user.run((ctx) => writeSummarySheet(ctx, model(), "en"));
    expect(res.sheetName).toBe("RFM Summary (2)");
    expect(user.read("RFM Summary")).toEqual([["my own notes"]]);
  });

  it("keeps the previous summary when writing the new one fails", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    await excel.run((ctx) => writeSummarySheet(ctx, model(), "en"));
    const before = excel.read("RFM Summary");
    excel.failAtSync(5);
    await expect(excel.run((ctx) => writeSummarySheet(ctx, model([]), "en"))).rejects.toMatchObject({
      code: "GeneralException",
    });
    expect(excel.sheetNames()).toEqual(["Sales", "RFM Summary"]);
    expect(excel.read("RFM Summary")).toEqual(before);
  });

  it("caps the list of rows not graded and says how many more there are", async () => {
    const many = Array.from({ length: SUMMARY_ROW_LIMIT + 5 }, (_, i) => ({
      row: i + 2,
      reason: "purchase count is missing",
    }));
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    await excel.run((ctx) => writeSummarySheet(ctx, model(many), "en"));
    const rows = excel.read("RFM Summary");
    expect(rows[rows.length - 1][0]).toBe("… and 5 more");
    expect(rows[rows.length - 2][0]).toBe(SUMMARY_ROW_LIMIT + 1);
  });
});

/** Office as a host that does (or does not) support ExcelApi up to `version`; removed after each test. */
function officeSupporting(version: string): void {
  const [major, minor] = version.split(".").map(Number);
  (globalThis as { Office?: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (set: string, wanted: string) => {
          const [wMajor, wMinor] = wanted.split(".").map(Number);
          return set === "ExcelApi" && (wMajor < major || (wMajor === major && wMinor <= minor));
        },
      },
    },
  };
}

describe("selectRows", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it("selects whole rows, consecutive rows as one area, and activates the sheet (ExcelApi 1.18)", async () => {
    officeSupporting("1.18");
    const excel = new FakeExcel({ sheets: { Summary: [["x"]], Sales: [["x"]] } });
    const res = await excel.run((ctx) => selectRows(ctx, "Sales", [9, 5, 6, 7, 5]));
    expect(res).toEqual({
      rows: 4,
      truncated: false,
      notSelected: 0,
      selected: [
        [5, 7],
        [9, 9],
      ],
    });
    expect(excel.selection()).toBe("Sales!A5:XFD7,Sales!A9:XFD9");
    expect(excel.activeSheet()).toBe("Sales");
  });

  it("selects at most the first SELECT_AREA_LIMIT areas and says so", async () => {
    officeSupporting("1.18");
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    const rows = Array.from({ length: SELECT_AREA_LIMIT + 10 }, (_, i) => 2 + 2 * i);
    const res = await excel.run((ctx) => selectRows(ctx, "Sales", rows));
    expect(res).toMatchObject({ rows: SELECT_AREA_LIMIT, truncated: true, notSelected: 10, limit: "areas" });
    expect(excel.selection().split(",")).toHaveLength(SELECT_AREA_LIMIT);
    expect(excel.stats).toHaveLength(1);
  });

  it("without ExcelApi 1.18 (LTSC 2021/2024) selects the first block only and counts the rows left out", async () => {
    officeSupporting("1.17");
    const excel = new FakeExcel({ sheets: { Summary: [["x"]], Sales: [["x"]] } });
    const res = await excel.run((ctx) => selectRows(ctx, "Sales", [9, 5, 6, 7, 12, 13]));
    // blocks 5–7, 9, 12–13: only 5–7 can be selected; rows 9, 12 and 13 are not
    expect(res).toEqual({ rows: 3, truncated: true, notSelected: 3, selected: [[5, 7]], limit: "singleArea" });
    expect(excel.selection()).toBe("Sales!A5:XFD7");
    expect(excel.activeSheet()).toBe("Sales");
  });

  it("without ExcelApi 1.18, one block of rows is selected whole and nothing is left out", async () => {
    officeSupporting("1.9");
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    const res = await excel.run((ctx) => selectRows(ctx, "Sales", [4, 3]));
    expect(res).toEqual({ rows: 2, truncated: false, notSelected: 0, selected: [[3, 4]] });
    expect(excel.selection()).toBe("Sales!A3:XFD4");
  });

  it("outside Office (no requirement information) takes the path every Excel supports", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    const res = await excel.run((ctx) => selectRows(ctx, "Sales", [2, 4]));
    expect(res).toMatchObject({ rows: 1, notSelected: 1, limit: "singleArea" });
    expect(excel.selection()).toBe("Sales!A2:XFD2");
  });

  it("does nothing for no rows", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] }, selection: "Sales!B2" });
    expect(await excel.run((ctx) => selectRows(ctx, "Sales", []))).toEqual({
      rows: 0,
      truncated: false,
      notSelected: 0,
      selected: [],
    });
    expect(excel.selection()).toBe("Sales!B2");
  });
});
