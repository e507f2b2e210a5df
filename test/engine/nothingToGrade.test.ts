/**
 * A grading with nothing to grade is a condition of its own, named by the engine, so that every interface refuses it
 * with the column's name instead of writing an empty result.
 */
import { builtinProfile, gradeCustomers, gradeSales, nothingToGrade, nothingToGradeText } from "../../src/engine";

const wuhan = builtinProfile("wuhan")!;
const shaoxing = builtinProfile("shaoxing")!;
const columnName = (role: string) =>
  ({ id: "客户", date: "日期", count: "次数", total: "总额", amount: "金额" })[role]!;

describe("sales records", () => {
  it("a date column without a single date: nothing to grade, naming the date column", () => {
    const res = gradeSales({ ids: ["A", "B", "C"], dates: ["x", "", "#N/A"], amounts: [1, 2, 3] }, wuhan);
    const nothing = nothingToGrade(res);
    expect(nothing).toEqual({ reason: "unreadableColumns", roles: ["date"] });
    expect(nothingToGradeText(nothing!, "transactions", "en", columnName)).toBe(
      "No row has a date in column “日期”: check that this is the order date column.",
    );
    expect(nothingToGradeText(nothing!, "transactions", "zh", columnName)).toBe(
      "“日期”列中没有一行是日期：请检查下单时间是否选对了列。",
    );
  });

  it("one readable date is enough: the grading stands, and its bad rows are noted as usual", () => {
    const res = gradeSales({ ids: ["A", "B"], dates: ["x", "2025-06-01"], amounts: [1, 2] }, wuhan);
    expect(nothingToGrade(res)).toBeNull();
    expect(res.summary.graded).toBe(1);
  });

  it("dates outside the window are dates: that is a matter of the analysis date, not of the column", () => {
    const res = gradeSales({ ids: ["A"], dates: ["2026-03-01"], amounts: [1] }, wuhan);
    expect(nothingToGrade(res)).toBeNull();
  });

  it("an amount column without a number, and an id column without an id, are named too", () => {
    const noAmounts = gradeSales({ ids: ["A", "B"], dates: ["2025-06-01", "2025-06-02"], amounts: ["n/a", ""] }, wuhan);
    expect(nothingToGrade(noAmounts)).toEqual({ reason: "unreadableColumns", roles: ["amount"] });
    expect(nothingToGradeText(nothingToGrade(noAmounts)!, "transactions", "en", columnName)).toBe(
      "No row has a number in column “金额”: check that this is the order amount column.",
    );
    const noIds = gradeSales({ ids: ["", " "], dates: ["2025-06-01", "2025-06-02"], amounts: [1, 2] }, wuhan);
    expect(nothingToGrade(noIds)).toEqual({ reason: "unreadableColumns", roles: ["id"] });
    expect(nothingToGradeText(nothingToGrade(noIds)!, "transactions", "zh", columnName)).toBe(
      "“客户”列中没有一行填写了客户编号：请检查客户编号是否选对了列。",
    );
  });

  it("no sale at all, or only blank rows: no rows", () => {
    expect(nothingToGrade(gradeSales({ ids: [], dates: [], amounts: [] }, wuhan))).toEqual({ reason: "noRows" });
    const blank = gradeSales({ ids: ["", null], dates: ["", null], amounts: ["", null] }, wuhan);
    expect(nothingToGrade(blank)).toEqual({ reason: "noRows" });
    expect(nothingToGradeText({ reason: "noRows" }, "transactions", "zh")).toBe("标题行下方没有可分级的数据行。");
  });
});

describe("customer tables", () => {
  it("a last-order-date column without a date: nothing to grade (the column named by its role without a header)", () => {
    const res = gradeCustomers({ lastDates: ["合计", ""], counts: [1, 2], totals: [5, 6] }, shaoxing, {
      asOf: "2025-12-31",
    });
    const nothing = nothingToGrade(res);
    expect(nothing).toEqual({ reason: "unreadableColumns", roles: ["date"] });
    expect(nothingToGradeText(nothing!, "customers", "en")).toBe(
      "No row has a date in column “last order date”: check that this is the last order date column.",
    );
  });

  it("every column that holds nothing readable is listed, in reading order", () => {
    const res = gradeCustomers({ lastDates: ["x"], counts: ["y"], totals: [5] }, shaoxing, { asOf: "2025-12-31" });
    expect(nothingToGrade(res)).toEqual({ reason: "unreadableColumns", roles: ["date", "count"] });
  });

  it("rows the rules refuse (a date after the analysis date, a total of 0) are not 'nothing to grade'", () => {
    const res = gradeCustomers({ lastDates: ["2026-06-01"], counts: [1], totals: [0] }, shaoxing, {
      asOf: "2025-12-31",
    });
    expect(res.summary.graded).toBe(0);
    expect(nothingToGrade(res)).toBeNull();
  });

  it("blank rows do not count: a table of blank rows has no rows", () => {
    const res = gradeCustomers({ lastDates: [""], counts: [null], totals: [" "] }, shaoxing, { asOf: "2025-12-31" });
    expect(nothingToGrade(res)).toEqual({ reason: "noRows" });
  });
});
