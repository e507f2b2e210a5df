import {
  builtinProfile,
  cadenceText,
  customerHeaders,
  gradeCustomers,
  gradeLetter,
  isOwnOutputHeader,
  outputHeaders,
  scoreText,
} from "../../src/engine";
import { AS_OF, customerColumns } from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;
const wuhan = builtinProfile("wuhan")!;

const EN_OUTPUT = ["R Score", "F Score", "M Score", "RFM Score", "Grade", "Cadence", "Note"];
const ZH_OUTPUT = ["R评分", "F评分", "M评分", "RFM综合评分", "客户等级", "沟通频次", "备注"];

describe("output column headers (issue #2)", () => {
  it("in English and Chinese", () => {
    expect(outputHeaders("en")).toEqual(EN_OUTPUT);
    expect(outputHeaders("zh")).toEqual(ZH_OUTPUT);
  });

  it("sales output leads with the customer columns", () => {
    expect(customerHeaders("en")).toEqual(["Customer", "Last order date", "Purchases", "Amount"]);
    const zh = customerHeaders("zh");
    expect(zh).toHaveLength(4);
    zh.forEach((h) => expect(h).toMatch(/[\u4e00-\u9fff]/));
  });

  it.each([...EN_OUTPUT, ...ZH_OUTPUT])("%s is recognised as our own output", (h) => {
    expect(isOwnOutputHeader(h)).toBe(true);
  });

  it.each(["客户编号", "Customer", "Amount", "历史购买总金额", "Score", "", null, 3])("%p is not our output", (h) => {
    expect(isOwnOutputHeader(h)).toBe(false);
  });
});

describe("cadence per grade, both languages (RULES.md §6)", () => {
  // rows reaching A (6.5), B (0.3*1 + 0.4*4 + 0.6*2 = 3.1) and C (1.3)
  const res = gradeCustomers(
    customerColumns([
      { d: 5, s: 20, z: 10 },
      { d: 60, s: 12, z: 2 },
      { d: 60, s: 1, z: 0.5 },
    ]),
    shaoxing,
    { asOf: AS_OF },
  );

  it.each([
    [0, "A", "1–2 contacts per month", "每月沟通1–2次"],
    [1, "B", "1–2 contacts per quarter", "每季度沟通1–2次"],
    [2, "C", "1–2 contacts per half-year", "每半年沟通1–2次"],
  ])("shaoxing row %p: grade %s", (i, letter, en, zh) => {
    expect(gradeLetter(res, i)).toBe(letter);
    expect(cadenceText(res, i, "en")).toBe(en);
    expect(cadenceText(res, i, "zh")).toBe(zh);
  });

  it("wuhan's four cadences", () => {
    const w = gradeCustomers(
      customerColumns([
        { d: 1, s: 50, z: 5000 },
        { d: 2, s: 40, z: 4000 },
        { d: 3, s: 30, z: 3000 },
        { d: 4, s: 20, z: 2000 },
        { d: 5, s: 10, z: 1000 },
      ]),
      wuhan,
    );
    // N = 5 without ties: score = 5 − q. Row 4 is last everywhere: 1/1/1 -> X = 1 -> D
    expect(gradeLetter(w, 4)).toBe("D");
    expect(cadenceText(w, 4, "en")).toBe("one revisit per year");
    expect(cadenceText(w, 4, "zh")).toBe("每年回访一次");
    // row 0 is first everywhere: 5/5/5 -> X = 5 -> A
    expect(cadenceText(w, 0, "zh")).toBe("每月回访一次");
    // row 2: 3/3/3 -> X = 3 -> B
    expect(cadenceText(w, 2, "en")).toBe("one revisit per quarter");
    // row 3: 2/2/2 -> X = 2 -> C
    expect(cadenceText(w, 3, "en")).toBe("one revisit per half-year");
    expect(scoreText(w, 3)).toBe("2");
  });
});

describe("the summary", () => {
  it("counts per grade and per sub-score, rows graded and not, the as-of date and the profile", () => {
    const res = gradeCustomers(
      customerColumns([
        { d: 5, s: 20, z: 10 }, // 5 5 5 -> 6.5 A
        { d: 15, s: 12, z: 6 }, // 4 4 4 -> 1.2 + 1.6 + 2.4 = 5.2 B
        { d: 25, s: 8, z: 4 }, // 3 3 3 -> 3.9 B
        { d: 40, s: 4, z: 2 }, // 2 2 2 -> 2.6 C
        { d: 60, s: 1, z: 0.5 }, // 1 1 1 -> 1.3 C
        { d: 5, s: 0, z: 10 }, // count 0: not graded
      ]),
      shaoxing,
      { asOf: AS_OF },
    );
    expect(res.n).toBe(6);
    expect(res.kind).toBe("customers");
    expect(res.summary).toMatchObject({
      profileId: "shaoxing",
      method: "thresholds",
      asOf: AS_OF,
      unit: "wan",
      kind: "customers",
      rows: 6,
      graded: 5,
      notGraded: 1,
      gradeCounts: [
        { grade: "A", count: 1 },
        { grade: "B", count: 2 },
        { grade: "C", count: 2 },
      ],
      scoreCounts: {
        recency: [0, 1, 1, 1, 1, 1],
        frequency: [0, 1, 1, 1, 1, 1],
        monetary: [0, 1, 1, 1, 1, 1],
      },
    });
    expect(res.summary.sales).toBeUndefined();
  });

  it("reports the unit the amounts were read in", () => {
    const res = gradeCustomers(customerColumns([{ d: 5, s: 20, z: 100000 }]), shaoxing, { asOf: AS_OF, unit: "yuan" });
    expect(res.summary.unit).toBe("yuan");
    expect(res.m[0]).toBe(5); // 10 wan
  });
});
