import {
  BUILTIN_PROFILES,
  ProfileError,
  builtinProfile,
  gradeCustomers,
  parseProfile,
  profileName,
  validateProfile,
} from "../../src/engine";
import { quantileProfile } from "./helpers";

/** The shaoxing profile of RULES.md §6 written as a RULES.md §11 document. */
function shaoxingDocument(): Record<string, any> {
  return {
    id: "shaoxing",
    name: { en: "Shaoxing – finance platform (fixed thresholds)", zh: "绍兴·财务数据集成平台（固定阈值）" },
    method: "thresholds",
    monetaryUnit: "wan",
    thresholds: { recency: [10, 20, 30, 50], frequency: [2, 5, 10, 15], monetary: [1, 3, 5, 8] },
    weights: { recency: 0.3, frequency: 0.4, monetary: 0.6 },
    grades: [
      { grade: "A", above: 6, cadence: { en: "1–2 contacts per month", zh: "每月沟通1–2次" } },
      { grade: "B", above: 3, cadence: { en: "1–2 contacts per quarter", zh: "每季度沟通1–2次" } },
      { grade: "C", cadence: { en: "1–2 contacts per half-year", zh: "每半年沟通1–2次" } },
    ],
  };
}

function quantileDocument(): Record<string, any> {
  return JSON.parse(JSON.stringify(quantileProfile("average")));
}

function fieldsOf(doc: unknown): string[] {
  return validateProfile(doc).map((issue) => issue.field);
}

/** true when `field` is `path` or lies inside it (`path[2]`, `path.en`). */
function names(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}[`) || field.startsWith(`${path}.`);
}

describe("built-in profiles", () => {
  it("are shaoxing then wuhan, and each validates", () => {
    expect(BUILTIN_PROFILES.map((p) => p.id)).toEqual(["shaoxing", "wuhan"]);
    for (const p of BUILTIN_PROFILES) expect(validateProfile(p)).toEqual([]);
  });

  it("shaoxing matches the tables of RULES.md §6 and the document form of RULES.md §11", () => {
    const p = builtinProfile("shaoxing");
    expect(p).toMatchObject(shaoxingDocument());
    // RULES.md §6: no built-in as-of date for shaoxing
    expect(p?.asOf).toBeUndefined();
  });

  it("wuhan matches RULES.md §6", () => {
    const p = builtinProfile("wuhan");
    expect(p).toMatchObject({
      id: "wuhan",
      method: "quantiles",
      monetaryUnit: "yuan",
      bins: 5,
      ties: "average",
      asOf: "2025-07-01",
      windowStart: "2021-09-01",
      weights: { recency: 0.3, frequency: 0.3, monetary: 0.4 },
      grades: [
        { grade: "A", atLeast: 4, cadence: { en: "one revisit per month", zh: "每月回访一次" } },
        { grade: "B", atLeast: 3, cadence: { en: "one revisit per quarter", zh: "每季度回访一次" } },
        { grade: "C", atLeast: 2, cadence: { en: "one revisit per half-year", zh: "每半年回访一次" } },
        { grade: "D", cadence: { en: "one revisit per year", zh: "每年回访一次" } },
      ],
    });
    const last = p!.grades[3];
    expect(last.above).toBeUndefined();
    expect(last.atLeast).toBeUndefined();
  });

  it("wuhan has a name in both languages", () => {
    const p = builtinProfile("wuhan")!;
    expect(profileName(p, "en")).not.toBe("");
    expect(profileName(p, "zh")).toMatch(/[\u4e00-\u9fff]/);
  });

  it("names shaoxing as its document does", () => {
    const p = builtinProfile("shaoxing")!;
    expect(profileName(p, "en")).toBe("Shaoxing – finance platform (fixed thresholds)");
    expect(profileName(p, "zh")).toBe("绍兴·财务数据集成平台（固定阈值）");
  });

  it("an unknown id is undefined", () => {
    expect(builtinProfile("hangzhou")).toBeUndefined();
    expect(builtinProfile("")).toBeUndefined();
  });
});

describe("validateProfile accepts valid documents", () => {
  it("the shaoxing document, a quantile profile, and a profile using atLeast/above both", () => {
    expect(validateProfile(shaoxingDocument())).toEqual([]);
    expect(validateProfile(quantileDocument())).toEqual([]);
    const mixed = shaoxingDocument();
    mixed.grades[1] = { grade: "B", atLeast: 3, cadence: { en: "q", zh: "季" } };
    expect(validateProfile(mixed)).toEqual([]);
  });

  it("a quantile profile may leave out bins (default 5)", () => {
    const doc = quantileDocument();
    delete doc.bins;
    expect(validateProfile(doc)).toEqual([]);
    expect((parseProfile(doc) as { bins: number }).bins).toBe(5);
  });

  it.each(["average", "best", "first"])("ties %s is accepted", (ties) => {
    const doc = quantileDocument();
    doc.ties = ties;
    expect(validateProfile(doc)).toEqual([]);
    expect(parseProfile(doc)).toMatchObject({ method: "quantiles", ties });
  });
});

type Mutation = [description: string, field: string, mutate: (doc: Record<string, any>) => void];

const THRESHOLD_MUTATIONS: Mutation[] = [
  ["recency bounds not increasing", "thresholds.recency", (d) => (d.thresholds.recency = [10, 20, 20, 50])],
  ["frequency bounds decreasing", "thresholds.frequency", (d) => (d.thresholds.frequency = [15, 10, 5, 2])],
  ["monetary bounds: three instead of four", "thresholds.monetary", (d) => (d.thresholds.monetary = [1, 3, 5])],
  ["a bound that is text", "thresholds.monetary", (d) => (d.thresholds.monetary = [1, "3", 5, 8])],
  ["thresholds missing", "thresholds", (d) => delete d.thresholds],
  ["weight given as text", "weights.recency", (d) => (d.weights.recency = "0.3")],
  ["weight null", "weights.monetary", (d) => (d.weights.monetary = null)],
  ["weight missing", "weights.frequency", (d) => delete d.weights.frequency],
  ["no catch-all grade", "grades", (d) => (d.grades[2].above = 0)],
  ["no grades at all", "grades", (d) => (d.grades = [])],
  ["grade without a letter", "grades[0]", (d) => delete d.grades[0].grade],
  ["grade cut-off given as text", "grades[1]", (d) => (d.grades[1].above = "3")],
  ["grade without cadence", "grades[0]", (d) => delete d.grades[0].cadence],
  ["catch-all grade before the last", "grades[1]", (d) => delete d.grades[1].above],
  ["unknown method", "method", (d) => (d.method = "kmeans")],
  ["unknown monetary unit", "monetaryUnit", (d) => (d.monetaryUnit = "usd")],
  ["missing id", "id", (d) => delete d.id],
  ["missing name", "name", (d) => delete d.name],
  ["name without Chinese", "name", (d) => (d.name = { en: "Shaoxing" })],
  ["cadence without Chinese", "grades[2]", (d) => (d.grades[2].cadence = { en: "twice a year" })],
  ["impossible default as-of date", "asOf", (d) => (d.asOf = "2025-02-30")],
];

const QUANTILE_MUTATIONS: Mutation[] = [
  ["unknown tie rule", "ties", (d) => (d.ties = "median")],
  ["bins below 2", "bins", (d) => (d.bins = 1)],
  ["bins not whole", "bins", (d) => (d.bins = 2.5)],
  ["bins as text", "bins", (d) => (d.bins = "5")],
  ["window start not a date", "windowStart", (d) => (d.windowStart = "last year")],
];

describe("validateProfile refuses broken documents, naming the field", () => {
  it.each(THRESHOLD_MUTATIONS)("%s -> %s", (_description, field, mutate) => {
    const doc = shaoxingDocument();
    mutate(doc);
    const issues = validateProfile(doc);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.field).some((f) => names(f, field))).toBe(true);
    for (const issue of issues) {
      expect(issue.message.en).not.toBe("");
      expect(issue.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(QUANTILE_MUTATIONS)("quantiles: %s -> %s", (_description, field, mutate) => {
    const doc = quantileDocument();
    mutate(doc);
    expect(fieldsOf(doc).some((f) => names(f, field))).toBe(true);
  });

  it.each([null, undefined, 42, "shaoxing", [], true])("a non-object document (%p) is refused", (doc) => {
    expect(validateProfile(doc).length).toBeGreaterThan(0);
  });

  it("reports every problem, not only the first", () => {
    const doc = shaoxingDocument();
    doc.thresholds.recency = [50, 30, 20, 10];
    doc.weights.frequency = "0.4";
    doc.grades[2].above = 0;
    const fields = fieldsOf(doc);
    expect(fields.some((f) => names(f, "thresholds.recency"))).toBe(true);
    expect(fields.some((f) => names(f, "weights.frequency"))).toBe(true);
    expect(fields.some((f) => names(f, "grades"))).toBe(true);
  });
});

describe("a threshold profile may carry a default as-of date (RULES.md §1: each profile may carry a default)", () => {
  it("validates and is used when no as-of date is given", () => {
    const doc = shaoxingDocument();
    doc.asOf = "2025-06-30";
    expect(validateProfile(doc)).toEqual([]);
    const p = parseProfile(doc);
    // 2025-06-20 is 10 days before 2025-06-30 -> r = 5 (it would be 11 days, r = 4, from 2025-07-01)
    const res = gradeCustomers({ lastDates: ["2025-06-20"], counts: [8], totals: [4] }, p);
    expect(res.summary.asOf).toBe("2025-06-30");
    expect(res.r[0]).toBe(5);
  });
});

describe("parseProfile", () => {
  it("returns the profile of a valid document", () => {
    const p = parseProfile(shaoxingDocument());
    expect(p).toMatchObject({ id: "shaoxing", method: "thresholds", monetaryUnit: "wan" });
    expect(p.method === "thresholds" && p.thresholds.frequency).toEqual([2, 5, 10, 15]);
  });

  it("throws a ProfileError carrying every issue", () => {
    const doc = shaoxingDocument();
    doc.weights.recency = "heavy";
    doc.thresholds.monetary = [8, 5, 3, 1];
    let caught: unknown;
    try {
      parseProfile(doc);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProfileError);
    const fields = (caught as ProfileError).issues.map((i) => i.field);
    expect(fields.some((f) => names(f, "weights.recency"))).toBe(true);
    expect(fields.some((f) => names(f, "thresholds.monetary"))).toBe(true);
  });
});
