import { BUILTIN_PROFILES, JSON_FIELD, parseProfileJson, profileToJson } from "../../src/engine";
import type { Profile, ProfileIssue } from "../../src/engine";

/** The shaoxing profile of RULES.md §6 as a RULES.md §11 document, laid out as people write one (two-space indentation, short lists on one line). */
const SPEC_SHAOXING = `{
  "id": "shaoxing",
  "name": { "en": "Shaoxing – finance platform (fixed thresholds)", "zh": "绍兴·财务数据集成平台（固定阈值）" },
  "method": "thresholds",
  "monetaryUnit": "wan",
  "thresholds": { "recency": [10, 20, 30, 50], "frequency": [2, 5, 10, 15], "monetary": [1, 3, 5, 8] },
  "weights": { "recency": 0.3, "frequency": 0.4, "monetary": 0.6 },
  "grades": [
    { "grade": "A", "above": 6, "cadence": { "en": "1–2 contacts per month", "zh": "每月沟通1–2次" } },
    { "grade": "B", "above": 3, "cadence": { "en": "1–2 contacts per quarter", "zh": "每季度沟通1–2次" } },
    { "grade": "C", "cadence": { "en": "1–2 contacts per half-year", "zh": "每半年沟通1–2次" } }
  ]
}
`;

function issuesOf(text: string): ProfileIssue[] {
  const result = parseProfileJson(text);
  if (!("issues" in result)) throw new Error("expected the text to be refused");
  return result.issues;
}

function profileOf(text: string): Profile {
  const result = parseProfileJson(text);
  if (!("profile" in result)) throw new Error(`expected a profile, got ${JSON.stringify(result.issues)}`);
  return result.profile;
}

describe("parseProfileJson", () => {
  test("reads the shaoxing document into the profile it describes", () => {
    const p = profileOf(SPEC_SHAOXING);
    expect(p.id).toBe("shaoxing");
    expect(p.method).toBe("thresholds");
    expect(p.monetaryUnit).toBe("wan");
    expect(p.weights).toEqual({ recency: 0.3, frequency: 0.4, monetary: 0.6 });
    expect(p.grades.map((g) => [g.grade, g.above, g.atLeast])).toEqual([
      ["A", 6, undefined],
      ["B", 3, undefined],
      ["C", undefined, undefined],
    ]);
  });

  test("a byte-order mark at the start (Windows Notepad's UTF-8) is not an error", () => {
    expect(profileOf("\uFEFF" + SPEC_SHAOXING).id).toBe("shaoxing");
  });

  test("a quantile document without bins and ties gets RULES.md §11's defaults (5, average)", () => {
    const doc = JSON.parse(SPEC_SHAOXING);
    delete doc.thresholds;
    doc.method = "quantiles";
    doc.id = "our-quintiles";
    const p = profileOf(JSON.stringify(doc));
    expect(p.method === "quantiles" && [p.bins, p.ties]).toEqual([5, "average"]);
  });

  test("a missing comma names its line and column, in English and Chinese", () => {
    // Line 3 lacks the comma after "thresholds"; the reader notices at the next field name, line 4 column 3.
    const text = '{\n  "id": "x",\n  "method": "thresholds"\n  "monetaryUnit": "wan"\n}';
    const [issue, ...rest] = issuesOf(text);
    expect(rest).toEqual([]);
    expect(issue.field).toBe(JSON_FIELD);
    expect(issue.message.en).toBe('The file is not valid JSON: line 4, column 3: expected "," or "}" after the value');
    expect(issue.message.zh).toBe('文件不是有效的 JSON：第 4 行第 3 列：值后面应为 "," 或 "}"');
  });

  test("a trailing comma in a list is named at the closing bracket", () => {
    const text = '{ "thresholds": { "recency": [10, 20, 30, 50,] } }';
    // Column 46 is the "]" that follows the comma: a value was expected there.
    expect(issuesOf(text)[0].message.en).toBe(
      "The file is not valid JSON: line 1, column 46: expected a value (text, number, true/false/null, list or object)",
    );
  });

  test("single-quoted names (a common hand-editing slip) are refused at the quote", () => {
    expect(issuesOf("{\n  'id': 'x'\n}")[0].message.en).toBe(
      "The file is not valid JSON: line 2, column 3: expected a field name in double quotes",
    );
  });

  test("a file cut short says so", () => {
    expect(issuesOf('{ "id": "x", "grades": [')[0].message.en).toBe(
      "The file is not valid JSON: line 1, column 25: the file ends too early",
    );
  });

  test("an unclosed text is named where it starts", () => {
    expect(issuesOf('{ "id": "x }')[0].message.en).toBe(
      "The file is not valid JSON: line 1, column 9: text in double quotes is not closed or holds an invalid character",
    );
  });

  test("an empty file, and text after the document", () => {
    expect(issuesOf("  \n")[0].message).toEqual({
      en: "The file is not valid JSON: the file is empty",
      zh: "文件不是有效的 JSON：文件为空",
      "zh-TW": "檔案不是有效的 JSON：檔案為空",
    });
    expect(issuesOf("{}\n{}")[0].message.en).toBe(
      "The file is not valid JSON: line 2, column 1: unexpected text after the end of the document",
    );
  });

  test("valid JSON that is not a valid profile lists every refused field, from the engine's validation", () => {
    const doc = JSON.parse(SPEC_SHAOXING);
    doc.thresholds.recency = [10, 30, 20, 50];
    doc.weights.frequency = "0.4";
    const fields = issuesOf(JSON.stringify(doc)).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["thresholds.recency[2]", "weights.frequency"]));
    expect(fields).not.toContain(JSON_FIELD);
  });

  test("a JSON list or text is not a profile", () => {
    expect(issuesOf("[]")[0].field).toBe("(profile)");
    expect(issuesOf('"shaoxing"')[0].field).toBe("(profile)");
  });
});

describe("profileToJson", () => {
  test("writes the shaoxing document exactly in that layout", () => {
    expect(profileToJson(profileOf(SPEC_SHAOXING))).toBe(SPEC_SHAOXING);
  });

  test("the built-in shaoxing is that document plus its Traditional Chinese texts and the contact periods A 1, B 3, C 6 months", () => {
    const withPeriods = JSON.parse(SPEC_SHAOXING);
    withPeriods.name["zh-TW"] = "紹興·財務資料整合平台（固定門檻）";
    withPeriods.grades[0].cadence["zh-TW"] = "每月聯絡1–2次";
    withPeriods.grades[1].cadence["zh-TW"] = "每季聯絡1–2次";
    withPeriods.grades[2].cadence["zh-TW"] = "每半年聯絡1–2次";
    withPeriods.grades[0].cadence.every = { months: 1 };
    withPeriods.grades[1].cadence.every = { months: 3 };
    withPeriods.grades[2].cadence.every = { months: 6 };
    expect(JSON.parse(profileToJson(BUILTIN_PROFILES[0]))).toEqual(withPeriods);
    expect(profileToJson(BUILTIN_PROFILES[0])).toContain(
      '"cadence": { "en": "1–2 contacts per month", "zh": "每月沟通1–2次", "zh-TW": "每月聯絡1–2次", "every": { "months": 1 } }',
    );
  });

  test("a period is written after the cadence texts, whatever order it was built in", () => {
    const doc = JSON.parse(SPEC_SHAOXING);
    doc.id = "fortnight";
    doc.grades[0].cadence = { every: { days: 14 }, zh: "每两周沟通一次", en: "every fortnight" };
    const text = profileToJson(profileOf(JSON.stringify(doc)));
    expect(text).toContain('"cadence": { "en": "every fortnight", "zh": "每两周沟通一次", "every": { "days": 14 } }');
    expect(profileOf(text).grades[0].cadence.every).toEqual({ days: 14 });
  });

  test("the field order is fixed, whatever order the profile object was built in", () => {
    const p = profileOf(SPEC_SHAOXING);
    const scrambled = {
      grades: p.grades.map((g) => ({
        cadence: { zh: g.cadence.zh, en: g.cadence.en },
        above: g.above,
        grade: g.grade,
      })),
      weights: { monetary: 0.6, recency: 0.3, frequency: 0.4 },
      thresholds: { monetary: [1, 3, 5, 8], frequency: [2, 5, 10, 15], recency: [10, 20, 30, 50] },
      monetaryUnit: "wan",
      method: "thresholds",
      name: { zh: p.name.zh, en: p.name.en },
      id: "shaoxing",
    } as unknown as Profile;
    expect(profileToJson(scrambled)).toBe(SPEC_SHAOXING);
  });

  test("a quantile profile carries bins, ties and its default dates, and no thresholds", () => {
    const wuhan = BUILTIN_PROFILES[1];
    const doc = JSON.parse(profileToJson(wuhan));
    expect(Object.keys(doc)).toEqual([
      "id",
      "name",
      "method",
      "monetaryUnit",
      "bins",
      "ties",
      "asOf",
      "windowStart",
      "weights",
      "grades",
    ]);
    expect([doc.bins, doc.ties, doc.asOf, doc.windowStart]).toEqual([5, "average", "2025-07-01", "2021-09-01"]);
    expect(doc.grades[0]).toEqual({
      grade: "A",
      atLeast: 4,
      cadence: { en: "one revisit per month", zh: "每月回访一次", "zh-TW": "每月回訪一次", every: { months: 1 } },
    });
  });

  test("every built-in survives export then import unchanged", () => {
    for (const p of BUILTIN_PROFILES) expect(profileOf(profileToJson(p))).toEqual(p);
  });

  test("decimals are written as typed, without float noise", () => {
    const doc = JSON.parse(SPEC_SHAOXING);
    doc.id = "decimals";
    doc.weights = { recency: 0.1, frequency: 0.2, monetary: 0.7 };
    doc.grades[0].above = 6.35;
    const text = profileToJson(profileOf(JSON.stringify(doc)));
    expect(text).toContain('"weights": { "recency": 0.1, "frequency": 0.2, "monetary": 0.7 }');
    expect(text).toContain('"above": 6.35');
  });

  test("a description travels with the profile; a $schema reference is not part of the written document", () => {
    const doc = JSON.parse(SPEC_SHAOXING);
    doc.id = "described";
    doc.description = "Agreed with finance, 2026-11";
    doc.$schema = "https://example.com/rfm-profile.json";
    const written = JSON.parse(profileToJson(profileOf(JSON.stringify(doc))));
    expect(Object.keys(written).slice(0, 4)).toEqual(["id", "name", "description", "method"]);
    expect(written.description).toBe("Agreed with finance, 2026-11");
    expect("$schema" in written).toBe(false);
  });

  test("long names break the line instead of running past 120 characters", () => {
    const doc = JSON.parse(SPEC_SHAOXING);
    doc.id = "long";
    doc.name = { en: "A very long profile name ".repeat(4).trim(), zh: "很长的评级方案名称".repeat(4) };
    const text = profileToJson(profileOf(JSON.stringify(doc)));
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(120);
    expect(JSON.parse(text).name).toEqual(doc.name);
  });
});
