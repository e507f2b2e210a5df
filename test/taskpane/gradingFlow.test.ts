/**
 * The task pane's controller against the grid-backed Excel double and the real adapter and engine: what ends up in
 * the sheet, when the user is asked, and that nothing is left half-written.
 */
import { builtinProfile, GradeError } from "../../src/engine";
import type { Lang, Profile } from "../../src/engine";
import { describeError } from "../../src/taskpane/describeError";
import { createGradingFlow, FlowError, NOT_USED } from "../../src/taskpane/gradingFlow";
import type {
  GradeHooks,
  GradeOutcome,
  GradeRequest,
  GradingFlow,
  OverwriteChoice,
  Progress,
} from "../../src/taskpane/gradingFlow";
import { FakeExcel } from "../excel/fake";
import {
  SALES_HEADERS,
  SALES_OUTPUT_EN,
  SALES_ROWS,
  SHAOXING_AS_OF,
  SHAOXING_HEADERS,
  SHAOXING_NEXT_A,
  SHAOXING_NEXT_B,
  SHAOXING_NEXT_C,
  SHAOXING_OUTPUT_EN,
  SHAOXING_OUTPUT_ZH,
  SHAOXING_ROWS,
} from "./fixtures";

const shaoxing = builtinProfile("shaoxing") as Profile;
const wuhan = builtinProfile("wuhan") as Profile;

function customerWorkbook(extra: (excel: FakeExcel) => void = () => undefined): FakeExcel {
  const excel = new FakeExcel({ sheets: { Sales: [SHAOXING_HEADERS, ...SHAOXING_ROWS] }, selection: "Sales!B3" });
  extra(excel);
  return excel;
}

function flowOf(excel: FakeExcel): GradingFlow {
  return createGradingFlow((batch) => excel.run(batch));
}

async function request(
  flow: GradingFlow,
  lang: Lang,
  profile: Profile = shaoxing,
  asOf = SHAOXING_AS_OF,
): Promise<GradeRequest> {
  const { source, date1904, detection } = await flow.inspect();
  return { source, date1904, detection, profile, asOf, unit: profile.monetaryUnit, lang };
}

function hooks(answer: OverwriteChoice = "cancel"): GradeHooks & { asked: string[]; progress: Progress[] } {
  const asked: string[] = [];
  const progress: Progress[] = [];
  return {
    asked,
    progress,
    onProgress: (p) => progress.push(p),
    askOverwrite: async (address) => {
      asked.push(address);
      return answer;
    },
  };
}

function done(outcome: GradeOutcome) {
  if (outcome.status !== "done") throw new Error(`expected a finished run, got ${outcome.status}`);
  return outcome;
}

describe("inspecting the selection", () => {
  it("grows one selected cell to the table and recognises the Chinese headers of RULES.md §10 as customer-level input", async () => {
    const { source, detection } = await flowOf(customerWorkbook()).inspect();
    expect(source.address).toBe("Sales!A1:D6");
    expect(source.rowCount).toBe(5);
    expect(source.headers).toEqual(SHAOXING_HEADERS);
    expect(detection).toEqual({
      mapping: { id: 0, date: 1, count: 2, total: 3 },
      kind: "customers",
      missing: [],
      ambiguous: [],
    });
  });

  it("lets the user take a column away and give it back, switching the input kind with the count column", () => {
    const flow = flowOf(customerWorkbook());
    const withoutCount = flow.remap(SHAOXING_HEADERS, { count: NOT_USED });
    expect(withoutCount.kind).toBe("transactions");
    expect(withoutCount.mapping.count).toBeUndefined();
    const countBack = flow.remap(["客户编号", "最近下单时间", "次数", "历史购买总金额"], { count: 2 });
    expect(countBack).toEqual({
      mapping: { id: 0, date: 1, count: 2, total: 3 },
      kind: "customers",
      missing: [],
      ambiguous: [],
    });
  });

  it("finds the latest date of the mapped date column, text dates included", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    const { source, date1904 } = await flow.inspect();
    expect(await flow.latestDate(source, 1, date1904)).toBe("2026-01-30");
  });
});

describe("grading customer-level rows", () => {
  it("writes the result columns right of the table (the seven, then next contact), worked out by hand from RULES.md §6, without asking", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    const h = hooks();
    const outcome = done(await flow.grade(await request(flow, "en"), h));
    expect(h.asked).toEqual([]);
    expect(excel.read("Sales", "E1:M6")).toEqual(SHAOXING_OUTPUT_EN);
    expect(excel.read("Sales", "A1:D6")).toEqual([SHAOXING_HEADERS, ...SHAOXING_ROWS]);
    expect(outcome.written).toEqual({ sheetName: "Sales", address: "Sales!E1:M6" });
    expect(outcome.summary.gradeCounts).toEqual([
      { grade: "A", count: 1 },
      { grade: "B", count: 1 },
      { grade: "C", count: 2 },
    ]);
    expect(outcome.notGradedRows).toEqual([6]);
    expect(outcome.summarySheet).toBe("RFM Summary");
    expect(excel.hasSheet("RFM Summary")).toBe(true);
    expect(h.progress.map((p) => p.phase)).toEqual(expect.arrayContaining(["reading", "grading", "writing"]));
  });

  it("writes Chinese headers, cadences and notes for a Chinese Office", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    await flow.grade(await request(flow, "zh"), hooks());
    expect(excel.read("Sales", "E1:M6")).toEqual(SHAOXING_OUTPUT_ZH);
  });

  it("lists the row not graded on the summary sheet with its sheet row and reason, and the cut-offs used", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    const outcome = done(await flow.grade(await request(flow, "zh"), hooks()));
    expect(outcome.summarySheet).toBe("RFM 汇总");
    const rows = excel.read("RFM 汇总");
    expect(rows.map((r) => r.slice(0, 2))).toContainEqual([6, "“历史购买总次数”列：购买次数不是整数（2.5）"]);
    const cells = rows.flat();
    expect(cells).toContain("R：距最近下单天数，分界 10 / 20 / 30 / 50（由 5 分到 2 分；超出为 1 分）");
    expect(cells).toContain("A 级：X > 6（每月沟通1–2次；下次沟通：每月）");
    expect(cells).toContain("C 级：其余（每半年沟通1–2次；下次沟通：每 6 个月）");
  });

  it("updates its own columns in place on a second run, without asking, adding the previous grade and the change", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    await flow.grade(await request(flow, "en"), hooks());
    excel.setColumn("Sales", 2, 5, [12]); // C005 now bought 12 times: S = 12 → f 4, D = 1 → r 5, Z = 1 → m 1
    const h = hooks();
    const outcome = done(await flow.grade(await request(flow, "en"), h));
    expect(h.asked).toEqual([]);
    expect(outcome.written.address).toBe("Sales!E1:O6");
    expect(excel.read("Sales", "L1:N6")).toEqual([
      ["Next contact by", "Previous grade", "Change"],
      [SHAOXING_NEXT_A, "A", "="],
      [SHAOXING_NEXT_C, "C", "="],
      [SHAOXING_NEXT_B, "B", "="],
      [SHAOXING_NEXT_C, "C", "="],
      // X = 1.5 + 1.6 + 0.6 = 3.7 → B; not graded last time, so new, with no previous grade
      [SHAOXING_NEXT_B, "", "new"],
    ]);
    expect(excel.read("Sales", "E6:K6")).toEqual([[5, 4, 1, 3.7, "B", "1–2 contacts per quarter", ""]]);
    expect(
      excel
        .numberFormats("Sales", "L2:L6")
        .flat()
        .every((f) => f === "yyyy-mm-dd"),
    ).toBe(true);
    expect(excel.usedAddress("Sales")).toBe("Sales!A1:O6");
    // A third run keeps the same eleven columns, now all "=".
    done(await flow.grade(await request(flow, "en"), hooks()));
    expect(excel.read("Sales", "M6:N6")).toEqual([["B", "="]]);
    expect(excel.usedAddress("Sales")).toBe("Sales!A1:O6");
  });

  it("grading again over an older seven-column output extends it in place, in Chinese", async () => {
    const older = SHAOXING_OUTPUT_ZH.map((row) => row.slice(0, 7));
    const excel = new FakeExcel({
      sheets: { Sales: [SHAOXING_HEADERS, ...SHAOXING_ROWS].map((row, r) => [...row, ...older[r]]) },
      selection: "Sales!A1:D6",
    });
    const flow = flowOf(excel);
    const h = hooks();
    const outcome = done(await flow.grade(await request(flow, "zh"), h));
    expect(h.asked).toEqual([]);
    expect(outcome.written.address).toBe("Sales!E1:O6");
    expect(excel.read("Sales", "E1:K6")).toEqual(SHAOXING_OUTPUT_ZH.map((row) => row.slice(0, 7)));
    expect(excel.read("Sales", "L1:N6")).toEqual([
      ["下次沟通日期", "上一次等级", "变化"],
      [SHAOXING_NEXT_A, "A", "="],
      [SHAOXING_NEXT_C, "C", "="],
      [SHAOXING_NEXT_B, "B", "="],
      [SHAOXING_NEXT_C, "C", "="],
      ["", "", ""],
    ]);
  });

  it("asks before the previous grade and change grow over the user's cells next to its older output", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    await flow.grade(await request(flow, "en"), hooks());
    excel.setColumn("Sales", 13, 2, ["my memo"]); // N3, right of the nine columns written first
    const before = excel.read("Sales");
    const h = hooks("cancel");
    expect(await flow.grade(await request(flow, "en"), h)).toEqual({ status: "cancelled" });
    expect(h.asked).toEqual(["Sales!E1:O6"]);
    expect(excel.read("Sales")).toEqual(before);
    const overwrite = hooks("overwrite");
    done(await flow.grade(await request(flow, "en"), overwrite));
    expect(overwrite.asked).toEqual(["Sales!E1:O6"]);
    expect(excel.read("Sales", "M3:N3")).toEqual([["C", "="]]);
  });

  it("grading again over its own results keeps the previous grades: the changes, who moved down, the summary's matrix", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    const first = done(await flow.grade(await request(flow, "en"), hooks()));
    expect(first.migration).toBeUndefined();
    // 20 days later: C001 D 26 → r3, X = 0.9 + 2 + 3 = 5.9 → B (was A); C002 D 50 → r2, X 2.6 → C; C003 D 40 → r2,
    // X 3.6 → B; C004 D 60 → r1, X 2.7 → C; C005 is not graded either time.
    const outcome = done(await flow.grade(await request(flow, "en", shaoxing, "2026-02-20"), hooks()));
    expect(outcome.migration!.change).toEqual(["down", "same", "same", "same", null]);
    expect(outcome.migration!.totals).toMatchObject({ up: 0, down: 1, same: 3, new: 0, gone: 0 });
    expect(outcome.movedDownRows).toEqual([2]);
    // Next contact from 2026-02-20 (46023 + 50 = 46073): B + 3 months = 2026-05-20 = 46143 + 19 = 46162;
    // C + 6 months = 2026-08-20 = 46204 + 31 + 19 = 46254.
    expect(excel.read("Sales", "L1:N6")).toEqual([
      ["Next contact by", "Previous grade", "Change"],
      [46162, "A", "↓"],
      [46254, "C", "="],
      [46162, "B", "="],
      [46254, "C", "="],
      ["", "", ""],
    ]);
    const rows = excel.read("RFM Summary");
    const label = (text: string) => rows.find((r) => r[0] === text)?.[1];
    expect(label("Compared with")).toBe("Sales!E1:O6");
    expect(label("Moved down")).toBe(1);
    const list = rows.findIndex((r) => r[0] === "Customers who moved down, largest amount first");
    expect(rows[list + 2].slice(0, 4)).toEqual(["C001", "A", "B", 9]);
  });

  it("with live formulas, grading again writes no fixed Previous grade / Change beside formulas that regrade", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    done(await flow.grade({ ...(await request(flow, "en")), liveFormulas: true }, hooks()));
    const again = done(
      await flow.grade({ ...(await request(flow, "en", shaoxing, "2026-02-20")), liveFormulas: true }, hooks()),
    );
    expect(again.written.address).toBe("Sales!E1:L6");
    expect(excel.read("Sales", "L1:N1")).toEqual([["Next contact by", "", ""]]);
    expect(again.migration).toBeDefined();
  });

  describe("when the output cells hold the user's own data", () => {
    const withMemo = () => customerWorkbook((excel) => excel.setColumn("Sales", 6, 3, ["keep me"])); // G4

    it("asks, and on cancel leaves the sheet exactly as it was", async () => {
      const excel = withMemo();
      const flow = flowOf(excel);
      const before = excel.read("Sales");
      const h = hooks("cancel");
      const outcome = await flow.grade(await request(flow, "en"), h);
      expect(h.asked).toEqual(["Sales!E1:M6"]);
      expect(outcome).toEqual({ status: "cancelled" });
      expect(excel.read("Sales")).toEqual(before);
      expect(excel.sheetNames()).toEqual(["Sales"]);
    });

    it("writes to a new sheet when asked to, keeping the user's cell", async () => {
      const excel = withMemo();
      const flow = flowOf(excel);
      const outcome = done(await flow.grade(await request(flow, "en"), hooks("newSheet")));
      expect(excel.read("Sales", "G4")).toEqual([["keep me"]]);
      expect(outcome.written.sheetName).not.toBe("Sales");
      const [, cells] = outcome.written.address.split("!");
      expect(excel.read(outcome.written.sheetName, cells)).toEqual(SHAOXING_OUTPUT_EN);
    });

    it("overwrites when the user says so", async () => {
      const excel = withMemo();
      const flow = flowOf(excel);
      done(await flow.grade(await request(flow, "en"), hooks("overwrite")));
      expect(excel.read("Sales", "E1:M6")).toEqual(SHAOXING_OUTPUT_EN);
    });
  });

  it("keeps complete results and reports it when only the summary sheet fails", async () => {
    const excel = customerWorkbook();
    // Excel fails every call made once the results are in the sheet.
    const flow = createGradingFlow(async (batch) => {
      if (excel.read("Sales", "E1")[0][0] !== "") throw new Error("Excel is busy");
      return excel.run(batch);
    });
    const outcome = done(await flow.grade(await request(flow, "zh"), hooks()));
    expect(excel.read("Sales", "E1:M6")).toEqual(SHAOXING_OUTPUT_ZH);
    expect(outcome.summarySheet).toBeNull();
    expect(describeError(outcome.summaryFailure, "zh")).toBe("意外错误：Excel is busy");
    expect(excel.sheetNames()).toEqual(["Sales"]);
  });

  it("stops when the user cancels while rows are read, and writes nothing", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    const before = excel.read("Sales");
    const controller = new AbortController();
    const outcome = await flow.grade(await request(flow, "en"), {
      ...hooks(),
      signal: controller.signal,
      onProgress: (p) => p.phase === "reading" && controller.abort(),
    });
    expect(outcome).toEqual({ status: "cancelled" });
    expect(excel.read("Sales")).toEqual(before);
    expect(excel.sheetNames()).toEqual(["Sales"]);
  });

  it("refuses an empty analysis date with the engine's message in the user's language, touching nothing", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    const before = excel.read("Sales");
    const failure = flow.grade({ ...(await request(flow, "zh")), asOf: "" }, hooks());
    await expect(failure).rejects.toBeInstanceOf(GradeError);
    expect(describeError(await failure.catch((e: unknown) => e), "zh")).toBe("统计日期不是有效日期。");
    expect(excel.read("Sales")).toEqual(before);
  });

  it("names the roles still without a column, in Chinese", async () => {
    const excel = customerWorkbook();
    const flow = flowOf(excel);
    const req = await request(flow, "zh");
    const detection = flow.remap(req.source.headers, { total: NOT_USED });
    const failure = await flow.grade({ ...req, detection }, hooks()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FlowError);
    expect(describeError(failure, "zh")).toBe("请为以下项目选择列：总金额");
  });
});

describe("grading sales records", () => {
  it("writes one row per customer to a new sheet, quintiles worked out by hand, and counts the skipped sale", async () => {
    const excel = new FakeExcel({ sheets: { Orders: [SALES_HEADERS, ...SALES_ROWS] }, selection: "Orders!A1:C12" });
    const flow = flowOf(excel);
    const req = await request(flow, "en", wuhan, "2025-07-01");
    expect(req.detection.kind).toBe("transactions");
    const outcome = done(await flow.grade({ ...req, windowStart: "2021-09-01" }, hooks()));
    expect(excel.read("Orders")).toEqual([SALES_HEADERS, ...SALES_ROWS]);
    const [, cells] = outcome.written.address.split("!");
    expect(excel.read(outcome.written.sheetName, cells)).toEqual(SALES_OUTPUT_EN);
    // Last order date (B) and Next contact by (L) are date cells.
    expect(excel.numberFormats(outcome.written.sheetName, "L2:L6").flat()).toEqual(new Array(5).fill("yyyy-mm-dd"));
    expect(excel.numberFormats(outcome.written.sheetName, "B2:B6").flat()).toEqual(new Array(5).fill("yyyy-mm-dd"));
    // Row 12 (2025-07-02) is after the analysis date: outside the window, and counted as later than it.
    expect(outcome.summary.sales).toEqual({ read: 11, kept: 8, outsideWindow: 2, skipped: 1, afterAsOf: 1 });
    expect(outcome.skippedSaleRows).toEqual([5]);
    expect(outcome.summary.gradeCounts).toEqual([
      { grade: "A", count: 0 },
      { grade: "B", count: 3 },
      { grade: "C", count: 1 },
      { grade: "D", count: 1 },
    ]);
  });
});
