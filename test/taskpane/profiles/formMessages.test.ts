import { BUILTIN_PROFILES } from "../../../src/engine";
import type { Lang, ProfileIssue } from "../../../src/engine";
import {
  addGrade,
  blankDraft,
  checkDraft,
  draftFromProfile,
  setMethod,
  updateBound,
  updateGrade,
  updateWeight,
  visibleIssues,
  type ProfileDraft,
} from "../../../src/taskpane/profiles/editorState";
import { fieldLabel, formMessage, issueMessage } from "../../../src/taskpane/profiles/formMessages";

const [shaoxing, wuhan] = BUILTIN_PROFILES;
const LANGS: Lang[] = ["en", "zh"];

/** Every way a user can get the form wrong, each a draft the engine refuses. */
function brokenDrafts(): [string, ProfileDraft][] {
  const s = () => draftFromProfile(shaoxing, true);
  const w = () => draftFromProfile(wuhan, true);
  return [
    ["blank form", blankDraft()],
    ["bad id", { ...s(), id: "east region!" }],
    ["empty names", { ...s(), nameEn: " ", nameZh: "" }],
    ["bounds out of order", updateBound(s(), "recency", 2, "15")],
    ["bound not a number", updateBound(s(), "frequency", 0, "two")],
    ["negative bound", updateBound(s(), "monetary", 0, "-1")],
    ["too many decimals", updateBound(s(), "monetary", 0, "0.0000001")],
    ["weight empty", updateWeight(s(), "recency", "")],
    ["weight with 7 decimals", updateWeight(s(), "recency", "0.1234567")],
    ["bins", { ...setMethod(s(), "quantiles"), bins: "1" }],
    ["bins not whole", { ...w(), bins: "2.5" }],
    ["grade name empty", updateGrade(s(), 0, { grade: "" })],
    ["grade repeated", updateGrade(s(), 1, { grade: "A" })],
    ["cut-off above the grade before", updateGrade(s(), 1, { cut: "7" })],
    ["cut-off empty", updateGrade(s(), 0, { cut: "" })],
    ["new grade left empty", addGrade(s())],
    ["cadence empty", updateGrade(s(), 2, { cadenceEn: "", cadenceZh: "" })],
    ["period zero", updateGrade(s(), 0, { every: "0", everyUnit: "months" })],
    ["period not whole", updateGrade(s(), 0, { every: "1.5", everyUnit: "days" })],
    ["period empty", updateGrade(s(), 0, { every: "", everyUnit: "days" })],
    ["period too long", updateGrade(s(), 0, { every: "1201", everyUnit: "months" })],
    ["analysis date", { ...w(), asOf: "2025-02-30" }],
    ["window after the analysis date", { ...w(), asOf: "2025-01-01", windowStart: "2025-02-01" }],
  ];
}

/** What a JSON path or a JSON key looks like in a message. */
const JSON_WORDS =
  /\w\[\d+\]|\b(?:thresholds|weights|grades|cadence|atLeast|above|asOf|windowStart|monetaryUnit|every|months|days)\.|"(?:above|atLeast|months|days|thresholds|quantiles)"|\basOf\b|\bwindowStart\b|\batLeast\b/;

describe("the editor's messages", () => {
  test.each(brokenDrafts())(
    "%s: every problem is told with the form's label, in both languages, without JSON",
    (_, draft) => {
      const issues = [...checkDraft(draft).values()].flat();
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        for (const lang of LANGS) {
          const text = formMessage(issue, lang);
          expect([issue.field, lang, text === undefined]).toEqual([issue.field, lang, false]);
          expect([issue.field, text, JSON_WORDS.test(text as string)]).toEqual([issue.field, text, false]);
          expect(
            (text as string).startsWith(fieldLabel(issue.field, lang)?.label ?? "") ||
              /bounds|界值/.test(text as string),
          ).toBe(true);
        }
      }
    },
  );

  test("name the field as the form labels it", () => {
    const message = (draft: ProfileDraft, field: string, lang: Lang) => {
      const issue = checkDraft(draft).get(field)?.[0];
      return issue && formMessage(issue, lang);
    };
    const s = draftFromProfile(shaoxing, true);
    expect(message(updateBound(s, "recency", 2, "15"), "thresholds.recency[2]", "en")).toBe(
      "R bounds (days since the last order): each must be greater than the one before",
    );
    expect(message(updateBound(s, "frequency", 0, "two"), "thresholds.frequency[0]", "en")).toBe(
      "F bounds (purchase count), bound 1: must be a number",
    );
    expect(message(updateBound(s, "frequency", 0, "two"), "thresholds.frequency[0]", "zh")).toBe(
      "F 的界值（购买次数）第 1 个：必须是数字",
    );
    expect(message(updateGrade(s, 1, { cut: "7" }), "grades[1].above", "en")).toBe(
      "Grade 2, cut-off: must be lower than the cut-off of Grade 1",
    );
    expect(message(updateGrade(s, 1, { cut: "7" }), "grades[1].above", "zh")).toBe(
      "第 2 个等级的分界值：必须低于第 1 个等级的分界值",
    );
    expect(message(updateGrade(s, 1, { grade: "A" }), "grades[1].grade", "en")).toBe(
      "Grade 2, name: “A” is already the name of another grade",
    );
    expect(
      message(updateGrade(s, 0, { every: "0", everyUnit: "months" }), "grades[0].cadence.every.months", "en"),
    ).toBe("Grade 1, next contact after: must be a whole number from 1 to 1200");
    expect(
      message(updateGrade(s, 0, { every: "0", everyUnit: "months" }), "grades[0].cadence.every.months", "zh"),
    ).toBe("第 1 个等级的下次沟通间隔：必须是 1 到 1200 之间的整数");
    expect(message({ ...s, id: "" }, "id", "zh")).toBe(
      "编号：只能使用 1–64 个字母、数字、连字符（-）、下划线（_）或点（.）",
    );
  });

  test("a problem the form cannot show (a file's unknown field) keeps the engine's message, which names it", () => {
    const issue: ProfileIssue = {
      field: "colour",
      message: {
        en: "colour is not a profile field",
        zh: "colour 不是分级方案的字段",
        "zh-TW": "colour 不是分級方案的欄位",
      },
    };
    expect(formMessage(issue, "en")).toBeUndefined();
    expect(issueMessage(issue, "zh")).toBe("colour 不是分级方案的字段");
  });
});

describe("which problems the form shows", () => {
  const blank = checkDraft(blankDraft());

  test("a blank form shows none before the user leaves a field", () => {
    expect(blank.size).toBeGreaterThan(20);
    expect(visibleIssues(blank, new Set(), false).size).toBe(0);
  });

  test("leaving a field shows its problems and those of its group, not the others'", () => {
    expect([...visibleIssues(blank, new Set(["id"]), false).keys()]).toEqual(["id"]);
    expect([...visibleIssues(blank, new Set(["name.en"]), false).keys()].sort()).toEqual(["name.en"]);
    const grade = [...visibleIssues(blank, new Set(["grades[0].above", "grades[0].atLeast"]), false).keys()];
    expect(grade).toEqual(["grades[0].atLeast"]);
    const s = updateGrade(draftFromProfile(shaoxing, true), 0, { every: "0", everyUnit: "months" });
    expect([...visibleIssues(checkDraft(s), new Set(["grades[0].cadence.every"]), false).keys()]).toEqual([
      "grades[0].cadence.every.months",
    ]);
  });

  test("a save attempt shows them all", () => {
    expect(visibleIssues(blank, new Set(), true)).toBe(blank);
  });
});
