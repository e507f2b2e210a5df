import { gradeWord } from "../../src/taskpane/i18n";

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
