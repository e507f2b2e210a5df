import { builtinProfile, gradeCustomers, gradeLetter, isGraded, scoreNumber, scoreText } from "../../src/engine";
import type { Profile, TieRule } from "../../src/engine/types";
import { AS_OF, CustomerRow, customerColumns, quantileProfile } from "./helpers";

const wuhan = builtinProfile("wuhan")!;

function grade(rows: CustomerRow[], profile: Profile = wuhan) {
  return gradeCustomers(customerColumns(rows), profile, { asOf: AS_OF });
}

/** Rows varying one dimension, the other two tied for everybody. */
const byD = (ds: number[]): CustomerRow[] => ds.map((d) => ({ d, s: 3, z: 500 }));
const byS = (ss: number[]): CustomerRow[] => ss.map((s) => ({ d: 10, s, z: 500 }));
const byZ = (zs: number[]): CustomerRow[] => zs.map((z) => ({ d: 10, s: 3, z }));

// RULES.md §4: score = 5 − floor(5(2q + 1) / (2N)) for 0-based position q, best first.
describe("quintiles without ties", () => {
  it("N = 7 gives 1, 2, 1, 2, 1 customers to the scores 5..1 (recency, D ascending is best)", () => {
    // sorted D: 1 3 7 9 14 20 30 at q 0..6; 5(2q+1)/14 = 0.36 1.07 1.79 2.5 3.21 3.93 4.64 -> 5 4 4 3 2 2 1
    const res = grade(byD([3, 9, 1, 20, 14, 7, 30]));
    expect(Array.from(res.r)).toEqual([4, 3, 5, 2, 2, 4, 1]);
    expect(res.summary.scoreCounts.recency).toEqual([0, 1, 2, 1, 2, 1]);
  });

  it("N = 7 on monetary (Z descending is best)", () => {
    const res = grade(byZ([100, 700, 300, 500, 200, 600, 400]));
    expect(Array.from(res.m)).toEqual([1, 5, 2, 4, 2, 4, 3]);
  });

  it("N = 3 gives 5, 3, 1", () => {
    // 5(2q+1)/6 = 0.83 2.5 4.17 -> 5 3 1
    const res = grade(byS([2, 9, 5]));
    expect(Array.from(res.f)).toEqual([1, 5, 3]);
  });

  it("N = 11 gives 2, 2, 3, 2, 2 customers to 5..1", () => {
    // 5(2q+1)/22 for q = 0..10: 0.23 0.68 1.14 1.59 2.05 2.5 2.95 3.41 3.86 4.32 4.77
    const res = grade(byD([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]));
    expect(Array.from(res.r)).toEqual([1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5]);
    expect(res.summary.scoreCounts.recency).toEqual([0, 2, 2, 3, 2, 2]);
  });

  it("N = 13 gives 3, 2, 3, 2, 3 customers to 5..1", () => {
    // 5(2q+1)/26 for q = 0..12: 0.19 0.58 0.96 1.35 1.73 2.12 2.5 2.88 3.27 3.65 4.04 4.42 4.81
    const res = grade(byZ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]));
    expect(Array.from(res.m)).toEqual([1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5]);
    expect(res.summary.scoreCounts.monetary).toEqual([0, 3, 2, 3, 2, 3]);
  });

  it("N = 1 puts the only customer in the middle: 3, 3, 3 -> X = 3 -> B", () => {
    // 5 − floor(5 * 1 / 2) = 3
    const res = grade([{ d: 4, s: 2, z: 99 }]);
    expect([res.r[0], res.f[0], res.m[0]]).toEqual([3, 3, 3]);
    expect(scoreText(res, 0)).toBe("3");
    expect(gradeLetter(res, 0)).toBe("B");
  });

  it("bins = 4 and N = 8 give two customers per score 4..1", () => {
    // 4 − floor(4(2q+1)/16): q 0..7 -> 4 4 3 3 2 2 1 1
    const res = grade(byS([8, 7, 6, 5, 4, 3, 2, 1]), quantileProfile("average", 4));
    expect(Array.from(res.f)).toEqual([4, 4, 3, 3, 2, 2, 1, 1]);
    expect(res.summary.scoreCounts.frequency).toEqual([0, 2, 2, 2, 2]);
  });
});

describe("customers not graded stand outside the ranking, wherever they are in the table", () => {
  it("N = 5 among 7 rows: the two rows without a purchase count keep no score, the others rank among themselves", () => {
    // Graded D: 3, 1, 20, 14, 7 (rows 0, 2, 3, 5, 6) sorted 1 3 7 14 20 at q 0..4; 5(2q+1)/10 = 0.5 1.5 2.5 3.5 4.5
    // -> scores 5 4 3 2 1.
    const rows: CustomerRow[] = [
      { d: 3, s: 3, z: 500 },
      { d: 2, s: "", z: 500 },
      { d: 1, s: 3, z: 500 },
      { d: 20, s: 3, z: 500 },
      { d: 0, s: "", z: 500 },
      { d: 14, s: 3, z: 500 },
      { d: 7, s: 3, z: 500 },
    ];
    const res = grade(rows);
    expect(rows.map((_, i) => isGraded(res, i))).toEqual([true, false, true, true, false, true, true]);
    expect([0, 2, 3, 5, 6].map((i) => res.r[i])).toEqual([4, 5, 1, 2, 3]);
    expect(res.summary.scoreCounts.recency).toEqual([0, 1, 1, 1, 1, 1]);
  });
});

describe("tie rules: 10 customers, 6 share S = 1 (F)", () => {
  // S = 5, 4, 3, 2 hold q 0..3 -> 5 − floor((2q+1)/4) = 5 5 4 4.
  // The six S = 1 customers: G = 4, T = 6.
  const s = [1, 5, 1, 4, 1, 3, 1, 2, 1, 1];
  const cases: [TieRule, number[], number[]][] = [
    // average: 5 − floor(5(2*4 + 6)/20) = 5 − floor(3.5) = 2 for all six
    ["average", [2, 5, 2, 5, 2, 4, 2, 4, 2, 2], [0, 0, 6, 0, 2, 2]],
    // best: q = 4 -> 5 − floor(9/4) = 3 for all six
    ["best", [3, 5, 3, 5, 3, 4, 3, 4, 3, 3], [0, 0, 0, 6, 2, 2]],
    // first: q = 4..9 in input order -> 5 − floor((2q+1)/4) = 3 3 2 2 1 1
    ["first", [3, 5, 3, 5, 2, 4, 2, 4, 1, 1], [0, 2, 2, 2, 2, 2]],
  ];

  it.each(cases)("%s", (ties, expectedF, counts) => {
    const res = grade(byS(s), quantileProfile(ties));
    expect(Array.from(res.f)).toEqual(expectedF);
    expect(res.summary.scoreCounts.frequency).toEqual(counts);
  });

  it("the built-in wuhan profile ties by average", () => {
    const res = grade(byS(s));
    expect(Array.from(res.f)).toEqual([2, 5, 2, 5, 2, 4, 2, 4, 2, 2]);
  });
});

describe("tie rules: a tie group straddling a bin boundary (recency, N = 10)", () => {
  // D = 1 (q0), three at D = 2 (G = 1, T = 3), then 5..10 at q 4..9.
  // average for D = 2: 5 − floor(5(2 + 3)/20) = 5 − floor(1.25) = 4; best: q = 1 -> 5 − floor(3/4) = 5
  // q 4..9 -> 5 − floor((2q+1)/4) = 3 3 2 2 1 1
  const d = [1, 2, 2, 2, 5, 6, 7, 8, 9, 10];
  it.each([
    ["average" as TieRule, [5, 4, 4, 4, 3, 3, 2, 2, 1, 1]],
    ["best" as TieRule, [5, 5, 5, 5, 3, 3, 2, 2, 1, 1]],
    ["first" as TieRule, [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]],
  ])("%s", (ties, expectedR) => {
    const res = grade(byD(d), quantileProfile(ties));
    expect(Array.from(res.r)).toEqual(expectedR);
  });
});

describe("tie rules: everybody tied (N = 5)", () => {
  // average: G = 0, T = 5 -> 5 − floor(25/10) = 3; best: q = 0 -> 5; first: q = 0..4 -> 5 4 3 2 1
  it.each([
    ["average" as TieRule, [3, 3, 3, 3, 3]],
    ["best" as TieRule, [5, 5, 5, 5, 5]],
    ["first" as TieRule, [5, 4, 3, 2, 1]],
  ])("%s", (ties, expected) => {
    const res = grade(byZ([700, 700, 700, 700, 700]), quantileProfile(ties));
    expect(Array.from(res.m)).toEqual(expected);
  });
});

describe("a quantile profile ranks Z <= 0 as it is (RULES.md §8)", () => {
  it("refunds that leave a customer at 0 or below still get the lowest positions", () => {
    // N = 5 without ties: score = 5 − q; Z descending 300 200 100 0 −5
    const res = grade(byZ([300, 0, -5, 200, 100]));
    expect([0, 1, 2, 3, 4].every((i) => isGraded(res, i))).toBe(true);
    expect(Array.from(res.m)).toEqual([5, 2, 1, 4, 3]);
  });
});

describe("wuhan grade edges: X = 0.3r + 0.3f + 0.4m; A if X >= 4, B if >= 3, C if >= 2, else D", () => {
  // With N = 5 and no ties the score is 5 − q, so each dimension's values fix a permutation of 5..1.
  // D = 10(6 − r) days, S = 3f, Z = 1000m yuan give the chosen sub-scores.
  const row = (r: number, f: number, m: number): CustomerRow => ({ d: 10 * (6 - r), s: 3 * f, z: 1000 * m });

  type Case = [r: number, f: number, m: number, text: string, grade: string];
  const populationOne: Case[] = [
    [5, 3, 4, "4", "A"], // 1.5 + 0.9 + 1.6 = 4 exactly -> A
    [4, 5, 3, "3.9", "B"], // 1.2 + 1.5 + 1.2
    [3, 4, 2, "2.9", "C"], // 0.9 + 1.2 + 0.8
    [1, 2, 5, "2.9", "C"], // 0.3 + 0.6 + 2
    [2, 1, 1, "1.3", "D"], // 0.6 + 0.3 + 0.4
  ];
  const populationTwo: Case[] = [
    [3, 5, 4, "4", "A"], // 0.9 + 1.5 + 1.6
    [5, 2, 5, "4.1", "A"], // 1.5 + 0.6 + 2
    [2, 4, 3, "3", "B"], // 0.6 + 1.2 + 1.2 = 3 exactly -> B
    [4, 1, 1, "1.9", "D"], // 1.2 + 0.3 + 0.4
    [1, 3, 2, "2", "C"], // 0.3 + 0.9 + 0.8 = 2 exactly -> C
  ];

  it.each([
    ["one", populationOne],
    ["two", populationTwo],
  ])("population %s", (_name, cases) => {
    // no as-of given: wuhan's default 2025-07-01 applies (the same as AS_OF the rows are built from)
    const res = gradeCustomers(customerColumns(cases.map(([r, f, m]) => row(r, f, m))), wuhan);
    expect(res.summary.asOf).toBe("2025-07-01");
    cases.forEach(([r, f, m, text, letter], i) => {
      expect([res.r[i], res.f[i], res.m[i]]).toEqual([r, f, m]);
      expect(scoreText(res, i)).toBe(text);
      expect(String(scoreNumber(res, i))).toBe(text);
      expect(gradeLetter(res, i)).toBe(letter);
    });
  });
});
