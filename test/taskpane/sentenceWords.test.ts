/**
 * Words the pane puts into sentences: a grade ("A 级", never "S 战略核心客户 级"), and counts with their nouns, so one day,
 * one sale or one customer never reads "1 days", "1 later sales were" or "1 customers".
 */
import { displayDateForm } from "../../src/engine";
import type { DataPastAnalysisDate } from "../../src/engine";
import { warningText } from "../../src/taskpane/components/OptionsSection";
import { dataPastText } from "../../src/taskpane/components/ResultCard";
import { daysText, gradeWord } from "../../src/taskpane/i18n";

describe("a grade named in a sentence", () => {
  it("reads as a grade (A 级) when it is a letter or a short code, in Chinese", () => {
    expect(gradeWord("A", "zh")).toBe("A 级");
    expect(gradeWord("B+", "zh")).toBe("B+ 级");
  });

  it("is its own name alone when it has one: never “S 战略核心客户 级”", () => {
    expect(gradeWord("S 战略核心客户", "zh")).toBe("S 战略核心客户");
    expect(gradeWord("重点客户", "zh")).toBe("重点客户");
  });

  it("is the grade as written in English", () => {
    expect(gradeWord("A", "en")).toBe("A");
    expect(gradeWord("Key accounts", "en")).toBe("Key accounts");
  });
});

describe("counts in the pane's sentences", () => {
  const mdy = displayDateForm("en-US");
  const ymd = displayDateForm("zh-CN");

  it("say one day, and thousands of days grouped", () => {
    expect(daysText(1, "en")).toBe("1 day");
    expect(daysText(1234, "en")).toBe("1,234 days");
    expect(daysText(1, "zh")).toBe("1 天");
  });

  it("an analysis date one day before the data (the data holds today's sales)", () => {
    // 2026-03-15 is day 20527 (days since 1970-01-01, the engine's day numbers).
    expect(warningText("en", { kind: "beforeData", days: 1 }, 20527, mdy)).toBe(
      "The analysis date is 1 day before the latest date in your data (3/15/2026): later orders are left out.",
    );
    expect(warningText("zh", { kind: "beforeData", days: 1 }, 20527, ymd)).toBe(
      "统计日期比数据中最近的日期（2026/3/15）早 1 天：之后的订单不会计入。",
    );
  });

  it("one sale and one customer left out by a fixed analysis date, after grading", () => {
    const past: DataPastAnalysisDate = {
      chosenBy: "profile",
      asOf: "2025-07-01",
      latest: "2025-07-02",
      days: 1,
      suggestedAsOf: "2025-07-02",
      salesLeftOut: 1,
      sales: 10,
      customersWithLaterSales: 1,
      customersNotGraded: 1,
    } as DataPastAnalysisDate;
    expect(dataPastText(past, "en", mdy)).toBe(
      "Your data runs to 7/2/2025, 1 day after the analysis date 7/1/2025: 1 sale after it not counted, 1 customer with only later sales not graded.",
    );
    expect(dataPastText(past, "zh", ymd)).toBe(
      "数据中最近的日期是 2025/7/2，比统计日期 2025/7/1 晚 1 天：之后的 1 笔销售未计入，1 位客户只有之后的销售，未分级。",
    );
  });

  it("customers of a customer table, one and many", () => {
    const past = {
      chosenBy: "profile",
      asOf: "2025-07-01",
      latest: "2026-03-15",
      days: 257,
      suggestedAsOf: "2026-03-15",
      rowsNotGraded: 1,
      rows: 1200,
    } as DataPastAnalysisDate;
    expect(dataPastText(past, "en", mdy)).toBe(
      "Your data runs to 3/15/2026, 257 days after the analysis date 7/1/2025: 1 customer (of 1,200) who last ordered later not graded.",
    );
    expect(dataPastText({ ...past, rowsNotGraded: 3 }, "zh", ymd)).toBe(
      "数据中最近的日期是 2026/3/15，比统计日期 2025/7/1 晚 257 天：3 位客户（共 1,200 位）的最近下单时间更晚，未分级。",
    );
  });
});
