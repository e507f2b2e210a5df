/**
 * The grade history's three sheets written through the adapter on the Excel double. The grades are worked out by hand
 * from the rules (RULES.md §3, §13) under Shaoxing at the month ends January – March 2025:
 *   C1 (2 on 5 Jan, 7 on 20 Mar): 31 Jan D 26, S 1, Z 2: 0.9 + 0.4 + 1.2 = 2.5, C; 28 Feb D 54: 1.9, C;
 *      31 Mar D 11, S 2, Z 9: 1.2 + 0.4 + 3 = 4.6, B.
 *   C3 (16 sales of 1, 15–30 Jan): 31 Jan D 1: 1.5 + 2 + 3 = 6.5, A; 28 Feb D 29: 5.9, B; 31 Mar D 60: 5.3, B.
 *   C2 (3 on 10 Feb, −4 on 15 Mar): no grade in January; 28 Feb D 18, Z 3: 1.2 + 0.4 + 1.2 = 2.8, C; 31 Mar Z −1: none.
 */
import { builtinProfile } from "../../src/engine";
import { gradeHistory, periodEnds } from "../../src/engine/gradeHistory";
import { writeHistorySheets } from "../../src/excel";
import { FakeExcel } from "./fake";

const shaoxing = builtinProfile("shaoxing")!;

const rows: [string, string, number][] = [
  ["C1", "2025-01-05", 2],
  ...Array.from({ length: 16 }, (_, k): [string, string, number] => [
    "C3",
    `2025-01-${String(15 + k).padStart(2, "0")}`,
    1,
  ]),
  ["C2", "2025-02-10", 3],
  ["C2", "2025-03-15", -4],
  ["C1", "2025-03-20", 7],
];
const history = gradeHistory(
  { ids: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) },
  shaoxing,
  periodEnds("month", { year: 2025, month: 1 }, { year: 2025, month: 3 }),
);
const facts = (lang: "en" | "zh") => ({
  lang,
  step: "month" as const,
  version: "1.0.0",
  generatedAt: "2025-04-01 09:30",
  source: "Sales!A1:C21",
});

// The fills of the grades, best first (the engine's palette).
const A = "#C6EFCE",
  B = "#BDD7EE",
  C = "#F8CBAD";

describe("writeHistorySheets", () => {
  it("writes the history coloured by grade, the transitions and the summary with its chart, in English", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    const done = await excel.run((ctx) => writeHistorySheets(ctx, history, facts("en")));
    expect(done).toEqual({
      history: "Grade history",
      transitions: "Grade transitions",
      summary: "Grade history summary",
      customers: 3,
    });
    expect(excel.sheetNames()).toEqual(["Sales", "Grade history", "Grade transitions", "Grade history summary"]);

    expect(excel.read("Grade history")).toEqual([
      ["Customer id", "2025-01", "2025-02", "2025-03"],
      ["C1", "C", "C", "B"],
      ["C3", "A", "B", "B"],
      ["C2", "", "C", ""],
    ]);
    expect(excel.bold("Grade history", "A1:D1")[0].every(Boolean)).toBe(true);
    expect(excel.fills("Grade history", "B2:D4")).toEqual([
      [C, C, B],
      [A, B, B],
      [null, C, null],
    ]);

    // Consecutive month ends: from, to, before, after, change, customers, amount at the later end (万元).
    const transitions = excel.read("Grade transitions");
    expect(transitions[0]).toEqual([
      "From",
      "To",
      "Grade before",
      "Grade after",
      "Change",
      "Customers",
      "Amount at the later end in 10k yuan (万元)",
    ]);
    expect(transitions.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5], r[6]])).toEqual([
      ["2025-01", "2025-02", "A", "B", 1, 16],
      ["2025-01", "2025-02", "C", "C", 1, 2],
      ["2025-01", "2025-02", "no grade", "C", 1, 3],
      ["2025-02", "2025-03", "B", "B", 1, 16],
      ["2025-02", "2025-03", "C", "B", 1, 9],
      ["2025-02", "2025-03", "C", "no grade", 1, -1],
    ]);
    expect(excel.fills("Grade transitions", "C2:D2")).toEqual([[A, B]]);

    // The summary: customers per grade at each month end, and a stacked column chart over them.
    const summary = excel.read("Grade history summary");
    const top = summary.findIndex((r) => r[0] === "Period end");
    expect(summary.slice(top, top + 4).map((r) => r.slice(0, 5))).toEqual([
      ["Period end", "A", "B", "C", "Graded"],
      ["2025-01", 1, 0, 1, 2],
      ["2025-02", 0, 1, 2, 3],
      ["2025-03", 0, 2, 0, 2],
    ]);
    const charts = excel.charts("Grade history summary");
    expect(charts).toHaveLength(1);
    expect(charts[0].type).toBe("ColumnStacked");
    expect(charts[0].source).toEqual({ row: top, col: 0, rows: 4, cols: 4 });
    expect(charts[0].title).toBe("Customers per grade over time");
    expect(excel.activeSheet()).toBe("Grade history");
  });

  it("in Chinese, beside sheets of the same names the user made (kept as they are)", async () => {
    const excel = new FakeExcel({ sheets: { 销售: [["x"]], 等级历史: [["我的笔记"]] } });
    const done = await excel.run((ctx) => writeHistorySheets(ctx, history, facts("zh")));
    expect(done.history).toBe("等级历史 (2)");
    expect(excel.read("等级历史")).toEqual([["我的笔记"]]);
    expect(excel.read("等级历史 (2)")[0]).toEqual(["客户编号", "2025年1月", "2025年2月", "2025年3月"]);
    expect(excel.read("等级变化")[3].slice(2, 4)).toEqual(["无等级", "C"]);
    expect(excel.charts("等级历史汇总")[0].title).toBe("各等级客户数的变化");
  });

  it("cancelled while writing: the sheets made so far are deleted and the workbook is as it was", async () => {
    const excel = new FakeExcel({ sheets: { Sales: [["x"]] } });
    const controller = new AbortController();
    controller.abort();
    await expect(
      excel.run((ctx) => writeHistorySheets(ctx, history, facts("en"), { signal: controller.signal })),
    ).rejects.toThrow();
    expect(excel.sheetNames()).toEqual(["Sales"]);
  });
});
