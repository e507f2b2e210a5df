/**
 * The grading flow on data as a finance department keeps it: sales records with the customer's name, contact and
 * phone beside the id, a date column that holds no dates, a protected sheet or workbook, and Excel refusing a write.
 * Against the grid-backed Excel double with the real adapter and engine; expected values worked out from the rules.
 */
import { builtinProfile } from "../../src/engine";
import type { Profile } from "../../src/engine";
import { describeError } from "../../src/taskpane/describeError";
import { createGradingFlow, FlowError } from "../../src/taskpane/gradingFlow";
import type { GradeHooks, GradeOutcome, GradeRequest, GradingFlow, Progress } from "../../src/taskpane/gradingFlow";
import { FakeExcel, FakeOfficeError } from "../excel/fake";
import { SHAOXING_AS_OF, SHAOXING_HEADERS, SHAOXING_ROWS } from "./fixtures";

const shaoxing = builtinProfile("shaoxing") as Profile;
const wuhan = builtinProfile("wuhan") as Profile;

function flowOf(excel: FakeExcel): GradingFlow {
  return createGradingFlow((batch) => excel.run(batch));
}

async function request(flow: GradingFlow, lang: "en" | "zh", profile: Profile, asOf: string): Promise<GradeRequest> {
  const { source, date1904, detection } = await flow.inspect();
  return { source, date1904, detection, profile, asOf, unit: profile.monetaryUnit, lang };
}

function done(outcome: GradeOutcome) {
  if (outcome.status !== "done") throw new Error(`expected a finished run, got ${outcome.status}`);
  return outcome;
}

const never: GradeHooks = { askOverwrite: async () => "cancel" };

/**
 * Sales with the customer's name, contact and phone (RULES.md §7: each customer carries its most recent sale inside the
 * window; the last such row when dates tie; a note once per column whose values differ). As-of 2025-07-01 (45839).
 *   K001: rows 2 (45800) and 4 (45830): carries row 4; the phones differ.
 *   K002: rows 3 (45810) and 6 (45830): carries row 6; every value the same.
 *   K003: rows 5 (45700) and 7 (45839, the analysis date itself: inside); row 8 (45850) is after it, outside the
 *         window: carries row 7; name, contact and phone differ between rows 5 and 7.
 */
const SALES_HEADERS = ["客户编号", "客户名称", "联系人", "电话", "下单时间", "订单金额（元）"];
const SALES: unknown[][] = [
  ["K001", "杭州西湖区明远贸易有限公司", "王建国", "13800000001", 45800, 120000],
  ["K002", "宁波北仑港通物流股份有限公司", "李晓梅", "0574-86880000", 45810, 9800000],
  ["K001", "杭州西湖区明远贸易有限公司", "王建国", "13900000002", 45830, 350000.5],
  ["K003", "绍兴柯桥轻纺城布业商行", "陈", "", 45700, 5000],
  ["K002", "宁波北仑港通物流股份有限公司", "李晓梅", "0574-86880000", 45830, 1200000],
  ["K003", "绍兴柯桥轻纺城布业商行（新址）", "陈志强", "13700000003", 45839, 8000],
  ["K003", "绍兴柯桥（已迁）", "某", "", 45850, 1],
];

describe("sales records carry their other columns into the customers' rows", () => {
  it("writes each customer's name, contact and phone after the id, from its most recent sale, and notes where they differ", async () => {
    const excel = new FakeExcel({ sheets: { 销售: [SALES_HEADERS, ...SALES] }, selection: "销售!A1" });
    const flow = flowOf(excel);
    const req = await request(flow, "zh", wuhan, "2025-07-01");
    expect(req.detection.kind).toBe("transactions");
    const outcome = done(await flow.grade(req, never));
    const rows = excel.read(outcome.written.sheetName);
    expect(rows[0].slice(0, 7)).toEqual(["客户", "客户名称", "联系人", "电话", "最近下单时间", "购买次数", "总金额"]);
    expect(rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      ["K001", "杭州西湖区明远贸易有限公司", "王建国", "13900000002", 45830, 2, 470000.5],
      ["K002", "宁波北仑港通物流股份有限公司", "李晓梅", "0574-86880000", 45830, 2, 11000000],
      ["K003", "绍兴柯桥轻纺城布业商行（新址）", "陈志强", "13700000003", 45839, 2, 13000],
    ]);
    // The note column names the carried columns whose values differ, once each; K002's row has none.
    const note = rows[0].indexOf("备注");
    expect(note).toBeGreaterThan(7);
    const notes = rows.slice(1).map((r) => String(r[note]));
    expect(notes[0]).toContain("电话");
    expect(notes[0]).not.toContain("客户名称");
    expect(notes[1]).toBe("");
    for (const column of ["客户名称", "联系人", "电话"]) expect(notes[2]).toContain(column);
    // The result columns follow the seven: R, F, M, score, then the grade.
    expect(rows[0][7 + 4]).toBe("客户等级");
  });

  it("leaves out a column with neither a header nor a value, and names an unheaded one by its letter", async () => {
    const sheet = [
      ["Customer", "", "Order date", "Amount", "", "Region"],
      ["C1", "", 45800, 100, "walk-in", "East"],
      ["C2", "", 45801, 200, "", "West"],
    ];
    // Selected whole: an empty column stops the region Excel grows from one cell.
    const excel = new FakeExcel({ sheets: { Sales: sheet }, selection: "Sales!A1:F3" });
    const flow = flowOf(excel);
    const outcome = done(await flow.grade(await request(flow, "en", wuhan, "2025-07-01"), never));
    const header = excel.read(outcome.written.sheetName)[0];
    expect(header.slice(0, 6)).toEqual(["Customer", "Column E", "Region", "Last order date", "Purchases", "Amount"]);
  });
});

describe("nothing to grade", () => {
  it("refuses a date column that holds no date, naming it, and writes nothing (no result sheet, no summary)", async () => {
    const sheet = [
      ["客户编号", "客户名称", "日期", "订单金额"],
      ["K1", "甲公司", "合计", 100],
      ["K2", "乙公司", "", 200],
    ];
    const excel = new FakeExcel({ sheets: { 销售: sheet }, selection: "销售!A1" });
    const flow = flowOf(excel);
    const failure = await flow.grade(await request(flow, "zh", wuhan, "2025-07-01"), never).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FlowError);
    expect(describeError(failure, "zh")).toContain("“日期”");
    expect(describeError(failure, "en")).toContain("“日期”");
    expect(excel.sheetNames()).toEqual(["销售"]);
  });
});

describe("a protected sheet or workbook", () => {
  const table = () => [SHAOXING_HEADERS, ...SHAOXING_ROWS];

  it("asks before writing beside a table on a protected sheet; a new sheet takes the results, the sheet stays as it was", async () => {
    const excel = new FakeExcel({ sheets: { Sales: table() }, selection: "Sales!A1", protectedSheets: ["Sales"] });
    const flow = flowOf(excel);
    const asked: string[] = [];
    const outcome = done(
      await flow.grade(await request(flow, "en", shaoxing, SHAOXING_AS_OF), {
        askOverwrite: async () => "overwrite",
        askProtected: async (sheet) => {
          asked.push(sheet);
          return "newSheet";
        },
      }),
    );
    expect(asked).toEqual(["Sales"]);
    expect(outcome.written.sheetName).not.toBe("Sales");
    expect(excel.read("Sales")).toEqual(table());
  });

  it("stops with what to do when nobody can be asked, or the user cancels", async () => {
    const excel = new FakeExcel({ sheets: { 销售: table() }, selection: "销售!A1", protectedSheets: ["销售"] });
    const flow = flowOf(excel);
    const req = await request(flow, "zh", shaoxing, SHAOXING_AS_OF);
    const failure = await flow.grade(req, never).catch((e: unknown) => e);
    expect(describeError(failure, "zh")).toBe(
      "工作表“销售”受保护，无法在表格旁写入结果。请撤消保护（审阅 › 撤消工作表保护），或将结果写入新工作表。",
    );
    await expect(flow.grade(req, { ...never, askProtected: async () => "cancel" })).resolves.toEqual({
      status: "cancelled",
    });
    expect(excel.sheetNames()).toEqual(["销售"]);
    expect(excel.read("销售")).toEqual(table());
  });

  it("says before writing that no sheet can be added to a workbook whose structure is protected (sales records)", async () => {
    const sales = [
      ["客户编号", "下单时间", "订单金额"],
      ["K1", 45800, 100],
    ];
    const excel = new FakeExcel({ sheets: { Orders: sales }, selection: "Orders!A1", protectedStructure: true });
    const flow = flowOf(excel);
    const failure = await flow.grade(await request(flow, "en", wuhan, "2025-07-01"), never).catch((e: unknown) => e);
    expect(describeError(failure, "en")).toMatch(/^The workbook's structure is protected, so no sheet can be added/);
    expect(excel.sheetNames()).toEqual(["Orders"]);
  });
});

describe("a write Excel refuses", () => {
  it("is told in the user's language with what to do, not as Excel's raw text", () => {
    const refused = new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet.",
    );
    expect(describeError(refused, "zh")).toMatch(/^Excel 拒绝修改工作簿（AccessDenied）。如果工作表受保护，请撤消保护/);
    expect(describeError(refused, "en")).toMatch(
      /^Excel refused to change the workbook \(AccessDenied\)\. If the sheet is protected, unprotect it/,
    );
    expect(describeError(refused, "en")).not.toContain("protected sheet.");
    expect(describeError(new FakeOfficeError("InvalidOperationInCellEditMode", "x"), "zh")).toBe(
      "Excel 正在编辑单元格：请先在工作表中按 Enter 或 Esc，然后重试。",
    );
  });
});

describe("progress", () => {
  it("counts data rows, not the header row, and is not full before the summary sheet is written", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [SHAOXING_HEADERS, ...SHAOXING_ROWS] }, selection: "Sales!A1" });
    const flow = flowOf(excel);
    const progress: Progress[] = [];
    done(
      await flow.grade(await request(flow, "en", shaoxing, SHAOXING_AS_OF), {
        ...never,
        onProgress: (p) => progress.push(p),
      }),
    );
    const writing = progress.filter((p) => p.phase === "writing");
    expect(writing[writing.length - 1]).toEqual({ phase: "writing", done: 5, total: 5 });
    expect(progress[progress.length - 1].phase).toBe("summary");
  });
});

describe("the summary sheet", () => {
  it("lists the rows not graded with the customer's name beside them, and its dates are date cells", async () => {
    const sheet = [
      ["客户编号", "客户名称", "最近下单时间", "历史购买总次数", "历史购买总金额（万元）"],
      ["C001", "杭州西湖区明远贸易有限公司", 46047, 16, 9],
      // 2.5 purchases is no whole number: not graded.
      ["C002", "宁波北仑港通物流股份有限公司", 46023, 2.5, 2],
    ];
    const excel = new FakeExcel({ sheets: { 客户: sheet }, selection: "客户!A1" });
    const flow = flowOf(excel);
    const outcome = done(
      await flow.grade(await request(flow, "zh", shaoxing, SHAOXING_AS_OF), { askOverwrite: async () => "newSheet" }),
    );
    const summary = excel.read(outcome.summarySheet as string);
    const list = summary.findIndex((r) => r[0] === "未分级的行") + 1;
    expect(summary[list].slice(0, 3)).toEqual(["行", "客户名称", "原因"]);
    expect(summary[list + 1].slice(0, 2)).toEqual([3, "宁波北仑港通物流股份有限公司"]);
    // The analysis date 2026-01-31 is a date cell: 46023 (2026-01-01) + 30.
    const asOf = summary.findIndex((r) => r[0] === "统计日期");
    expect(summary[asOf][1]).toBe(46053);
    expect(excel.numberFormats(outcome.summarySheet as string, `B${asOf + 1}:B${asOf + 1}`)).toEqual([["yyyy-mm-dd"]]);
  });

  it("names the customers who moved down beside their ids, so the clerk knows whom to call", async () => {
    // The shaoxing rows with a name column. Graded at 2026-01-31, then again 20 days later: C001's D goes 6 → 26,
    // r 5 → 3, X = 0.9 + 2 + 3 = 5.9 (not above 6): A → B; the others keep their grades (worked out in the fixtures).
    const named = SHAOXING_ROWS.map(([id, ...rest], i) => [
      id,
      ["杭州西湖区明远贸易有限公司", "宁波港通物流", "绍兴轻纺布业", "温州鞋服", "台州汽配"][i],
      ...rest,
    ]);
    const excel = new FakeExcel({
      sheets: { 客户: [["客户编号", "客户名称", ...SHAOXING_HEADERS.slice(1)], ...named] },
      selection: "客户!A1",
    });
    const flow = flowOf(excel);
    done(await flow.grade(await request(flow, "zh", shaoxing, SHAOXING_AS_OF), never));
    const again = done(await flow.grade(await request(flow, "zh", shaoxing, "2026-02-20"), never));
    expect(again.movedDownRows).toEqual([2]);
    const summary = excel.read(again.summarySheet as string);
    const list = summary.findIndex((r) => r[0] === "等级下降的客户（按金额从大到小）");
    expect(list).toBeGreaterThan(0);
    expect(summary[list + 1].slice(0, 2)).toEqual(["客户编号", "客户名称"]);
    expect(summary[list + 2].slice(0, 2)).toEqual(["C001", "杭州西湖区明远贸易有限公司"]);
  });
});
