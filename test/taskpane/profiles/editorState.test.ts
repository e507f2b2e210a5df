import { BUILTIN_PROFILES, builtinProfile, parseProfile } from "../../../src/engine";
import {
  addGrade,
  blankDraft,
  checkDraft,
  draftFromProfile,
  draftToDocument,
  messageFor,
  moveGrade,
  removeGrade,
  setMethod,
  typedNumber,
  unshownIssues,
  updateBound,
  updateGrade,
  updateWeight,
} from "../../../src/taskpane/profiles/editorState";

const [shaoxing, wuhan] = BUILTIN_PROFILES;

describe("the form of an existing profile", () => {
  test.each([shaoxing, wuhan])("$id: the form describes exactly the profile it was loaded from", (p) => {
    const draft = draftFromProfile(p);
    expect(checkDraft(draft).size).toBe(0);
    expect(parseProfile(draftToDocument(draft))).toEqual(p);
  });

  test("in Traditional Chinese the Chinese fields show the Traditional texts, kept whole until edited", () => {
    const p = builtinProfile("shaoxing")!;
    const draft = draftFromProfile(p, false, "zh-TW");
    expect(draft.nameZh).toBe("紹興·財務資料整合平台（固定門檻）");
    expect(draft.grades[0].cadenceZh).toBe("每月聯絡1–2次");
    expect(parseProfile(draftToDocument(draft))).toEqual(p);
    // Edited, the Chinese field's words stand for every Chinese: no stale translation is kept.
    const edited = { ...draft, nameZh: "紹興·重點客戶" };
    expect(draftToDocument(edited).name as Record<string, string>).toEqual({ en: p.name.en, zh: "紹興·重點客戶" });
    expect(draftFromProfile(p, true, "zh-TW").nameZh).toBe("紹興·財務資料整合平台（固定門檻）（副本）");
  });

  test("a copy of a built-in gets its own id and names, and is otherwise the same", () => {
    const doc = draftToDocument(draftFromProfile(shaoxing, true));
    expect(doc.id).toBe("shaoxing-copy");
    expect(doc.name).toEqual({ en: `${shaoxing.name.en} (copy)`, zh: `${shaoxing.name.zh}（副本）` });
    expect({ ...doc, id: "shaoxing", name: shaoxing.name }).toEqual(JSON.parse(JSON.stringify(shaoxing)));
  });
});

describe("typed numbers", () => {
  test.each([
    ["0.3", 0.3],
    [" 10 ", 10],
    ["０．６", 0.6], // a Chinese input method's full-width digits
    ["1e2", 100],
    [".5", 0.5],
  ])("%j is the number %p", (typed, expected) => {
    expect(typedNumber(typed)).toBe(expected);
  });

  test.each(["", "abc", "1,5", "3 days", "--1"])("%j stays text, for the engine to refuse", (typed) => {
    expect(typedNumber(typed)).toBe(typed);
  });
});

describe("the engine's messages land on the field the user is typing in, in the form's words", () => {
  test("bounds that do not increase mark the bound that breaks the order", () => {
    const draft = updateBound(draftFromProfile(shaoxing, true), "recency", 2, "15");
    const issues = checkDraft(draft);
    expect([...issues.keys()]).toEqual(["thresholds.recency[2]"]);
    expect(messageFor(issues, "thresholds.recency[2]", "en")).toBe(
      "R bounds (days since the last order): each must be greater than the one before",
    );
    expect(messageFor(issues, "thresholds.recency[2]", "zh")).toBe(
      "R 的界值（距最近下单天数）：每个界值都必须大于前一个",
    );
  });

  test("a weight that is not a number, and an empty one", () => {
    let draft = updateWeight(draftFromProfile(shaoxing, true), "frequency", "0.4x");
    draft = updateWeight(draft, "monetary", "");
    const issues = checkDraft(draft);
    expect(messageFor(issues, "weights.frequency", "en")).toBe("F weight: must be a number");
    // An empty weight is asked for, not called "not a number".
    expect(messageFor(issues, "weights.monetary", "en")).toBe("M weight: fill it in");
    expect(messageFor(issues, "weights.monetary", "zh")).toBe("M 的权重：请填写");
  });

  test("a grade cut-off above the one before it", () => {
    const draft = updateGrade(draftFromProfile(shaoxing, true), 1, { cut: "7" });
    expect([...checkDraft(draft).keys()]).toEqual(["grades[1].above"]);
  });

  test("a blank form marks every field the user still has to fill, and nothing else is left unshown", () => {
    const draft = blankDraft();
    const issues = checkDraft(draft);
    for (const field of [
      "id",
      "name.en",
      "name.zh",
      "thresholds.recency[0]",
      "weights.recency",
      "grades[0].grade",
      "grades[0].atLeast",
      "grades[1].cadence.zh",
    ]) {
      expect(issues.has(field)).toBe(true);
    }
    expect(unshownIssues(draft, issues)).toEqual([]);
  });

  test("an issue on a path the form has no input for is listed, not lost", () => {
    const issues = new Map([
      [
        "description",
        [{ field: "description", message: { en: "description is odd", zh: "说明有误", "zh-TW": "說明有誤" } }],
      ],
    ]);
    expect(unshownIssues(blankDraft(), issues).map((i) => i.message.en)).toEqual(["description is odd"]);
  });
});

describe("grades", () => {
  const letters = (d: ReturnType<typeof blankDraft>) => d.grades.map((g) => g.grade);

  test("a new grade goes above the catch-all, which stays last", () => {
    const draft = addGrade(draftFromProfile(shaoxing, true));
    expect(letters(draft)).toEqual(["A", "B", "", "C"]);
    expect(draftToDocument(draft).grades).toHaveLength(4);
  });

  test("the last grade's cut-off is not part of the document; moving it up brings its cut-off back", () => {
    const draft = draftFromProfile(wuhan, true);
    const doc = draftToDocument(draft) as { grades: Record<string, unknown>[] };
    expect(doc.grades[3]).toEqual({ grade: "D", cadence: wuhan.grades[3].cadence });

    const moved = moveGrade(draft, 2, 1); // C becomes the catch-all, D gets C's old place without a cut-off value
    expect(letters(moved)).toEqual(["A", "B", "D", "C"]);
    const issues = checkDraft(moved);
    expect(issues.has("grades[2].atLeast")).toBe(true);
    // The cut-off field comes back empty: the user is asked to fill it in.
    expect(messageFor(issues, "grades[2].atLeast", "en")).toBe("Grade 3, cut-off: fill it in");
    expect(messageFor(issues, "grades[2].atLeast", "zh")).toBe("第 3 个等级的分界值：请填写");
  });

  test("moving past either end changes nothing; removing takes the grade out", () => {
    const draft = draftFromProfile(wuhan, true);
    expect(moveGrade(draft, 0, -1)).toBe(draft);
    expect(moveGrade(draft, 3, 1)).toBe(draft);
    expect(letters(removeGrade(draft, 1))).toEqual(["A", "C", "D"]);
    expect(checkDraft(removeGrade(draft, 1)).size).toBe(0);
  });
});

describe("switching method", () => {
  test("quantiles drop the thresholds from the document but keep what was typed for switching back", () => {
    const draft = draftFromProfile(shaoxing, true);
    const q = setMethod(draft, "quantiles");
    const doc = draftToDocument(q);
    expect(doc.thresholds).toBeUndefined();
    expect([doc.bins, doc.ties]).toEqual([5, "average"]);
    expect(checkDraft(q).size).toBe(0);
    expect(draftToDocument(setMethod(q, "thresholds")).thresholds).toEqual(
      shaoxing.method === "thresholds" && shaoxing.thresholds,
    );
  });

  test("empty default dates are left out; a window after the analysis date is refused", () => {
    const draft = { ...draftFromProfile(wuhan, true), asOf: "", windowStart: "" };
    expect("asOf" in draftToDocument(draft)).toBe(false);
    const late = { ...draft, asOf: "2025-01-01", windowStart: "2025-02-01" };
    expect(messageFor(checkDraft(late), "windowStart", "en")).toBe(
      "Sales counted from: must not be after the analysis date",
    );
    expect(messageFor(checkDraft(late), "windowStart", "zh")).toBe("销售起始日期：不能晚于统计日期");
  });
});

describe("a clerk who writes Chinese only", () => {
  test("saves a profile with Chinese names and cadences: the English ones fall back to them", () => {
    let draft = draftFromProfile(shaoxing, true);
    draft = { ...draft, id: "hangzhou-2026", nameEn: "", nameZh: "杭州分公司 2026 年客户分级" };
    draft = { ...draft, grades: draft.grades.map((g) => ({ ...g, cadenceEn: "" })) };
    expect(checkDraft(draft).size).toBe(0);
    const doc = draftToDocument(draft) as {
      name: { en: string; zh: string };
      grades: { cadence: { en: string; zh: string } }[];
    };
    expect(doc.name).toEqual({ en: "杭州分公司 2026 年客户分级", zh: "杭州分公司 2026 年客户分级" });
    expect(doc.grades.map((g) => g.cadence.en)).toEqual(doc.grades.map((g) => g.cadence.zh));
  });

  test("is asked for the name when both are empty, not told a number is wrong", () => {
    const draft = { ...draftFromProfile(shaoxing, true), nameEn: "", nameZh: "  " };
    const issues = checkDraft(draft);
    expect(messageFor(issues, "name.zh", "zh")).toBe("中文名称：请填写");
  });
});
