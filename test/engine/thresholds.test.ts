import {
  GradeError,
  builtinProfile,
  gradeCustomers,
  gradeLetter,
  isGraded,
  scoreNumber,
  scoreText,
} from "../../src/engine";
import type { Profile } from "../../src/engine/types";
import { AS_OF, CustomerRow, cadence, customerColumns, dayOf, thresholdProfile } from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;

// Values well inside each shaoxing band (RULES.md §6), used to build a row with chosen sub-scores.
const D_FOR_R = [0, 60, 40, 25, 15, 5]; // index = r
const S_FOR_F = [0, 1, 4, 8, 12, 20]; // index = f
const Z_FOR_M = [0, 0.5, 2, 4, 6, 10]; // index = m (万元)

function rowFor(r: number, f: number, m: number): CustomerRow {
  return { d: D_FOR_R[r], s: S_FOR_F[f], z: Z_FOR_M[m] };
}

function grade(rows: CustomerRow[], profile: Profile = shaoxing, options: object = {}) {
  return gradeCustomers(customerColumns(rows), profile, { asOf: AS_OF, ...options });
}

describe("shaoxing r: every band edge of D (days)", () => {
  // 0<=D<=10 -> 5, 10<D<=20 -> 4, 20<D<=30 -> 3, 30<D<=50 -> 2, D>50 -> 1
  const cases: [number, number][] = [
    [0, 5],
    [10, 5],
    [11, 4],
    [20, 4],
    [21, 3],
    [30, 3],
    [31, 2],
    [50, 2],
    [51, 1],
    [400, 1],
  ];
  it.each(cases)("D = %p -> r = %p", (d, r) => {
    const res = grade([{ d, s: 8, z: 4 }]);
    expect(isGraded(res, 0)).toBe(true);
    expect(res.r[0]).toBe(r);
  });
});

describe("shaoxing f: every band edge of S (count)", () => {
  // 0<S<=2 -> 1, 2<S<=5 -> 2, 5<S<=10 -> 3, 10<S<=15 -> 4, S>15 -> 5
  const cases: [number, number][] = [
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 2],
    [6, 3],
    [10, 3],
    [11, 4],
    [15, 4],
    [16, 5],
    [500, 5],
  ];
  it.each(cases)("S = %p -> f = %p", (s, f) => {
    const res = grade([{ d: 25, s, z: 4 }]);
    expect(res.f[0]).toBe(f);
  });
});

describe("shaoxing m: every band edge of Z (万元)", () => {
  // 0<Z<=1 -> 1, 1<Z<=3 -> 2, 3<Z<=5 -> 3, 5<Z<=8 -> 4, Z>8 -> 5
  const cases: [number, number][] = [
    [0.01, 1],
    [0.5, 1],
    [1, 1],
    [1.01, 2],
    [3, 2],
    [3.01, 3],
    [5, 3],
    [5.01, 4],
    [8, 4],
    [8.01, 5],
    [8.0001, 5],
    [120, 5],
  ];
  it.each(cases)("Z = %p -> m = %p", (z, m) => {
    const res = grade([{ d: 25, s: 8, z }]);
    expect(res.m[0]).toBe(m);
  });

  it("grades all the edges in one call, each row on its own", () => {
    const zs = cases.map(([z]) => z);
    const res = grade(zs.map((z) => ({ d: 25, s: 8, z })));
    expect(Array.from(res.m)).toEqual(cases.map(([, m]) => m));
  });
});

describe("amounts in yuan are divided by 10,000 for shaoxing (万元)", () => {
  const cases: [number, number][] = [
    [5000, 1], // 0.5 wan
    [10000, 1], // 1 wan, the bound closes band 1
    [10001, 2],
    [30000, 2],
    [30001, 3],
    [50000, 3],
    [50001, 4],
    [80000, 4], // 8 wan
    [80001, 5],
    [80000.5, 5],
  ];
  it.each(cases)("%p yuan -> m = %p", (yuan, m) => {
    const res = grade([{ d: 25, s: 8, z: yuan }], shaoxing, { unit: "yuan" });
    expect(res.m[0]).toBe(m);
  });

  it("unit wan is the profile's own unit and changes nothing", () => {
    const res = grade(
      [
        { d: 25, s: 8, z: 8 },
        { d: 25, s: 8, z: 8.01 },
      ],
      shaoxing,
      { unit: "wan" },
    );
    expect(Array.from(res.m)).toEqual([4, 5]);
  });

  it("a profile counting in yuan reads wan input times 10,000", () => {
    const yuanProfile: Profile = {
      ...thresholdProfile({ recency: 0.3, frequency: 0.4, monetary: 0.6 }, shaoxing.grades),
      monetaryUnit: "yuan",
      thresholds: { recency: [10, 20, 30, 50], frequency: [2, 5, 10, 15], monetary: [10000, 30000, 50000, 80000] },
    };
    // 8 wan = 80000 yuan -> 4; 8.0001 wan = 80001 yuan -> 5; 1.00001 wan = 10000.1 yuan -> 2
    const res = grade(
      [
        { d: 25, s: 8, z: 8 },
        { d: 25, s: 8, z: 8.0001 },
        { d: 25, s: 8, z: 1.00001 },
      ],
      yuanProfile,
      {
        unit: "wan",
      },
    );
    expect(Array.from(res.m)).toEqual([4, 5, 2]);
  });
});

describe("unit conversion is exact at a bound", () => {
  // In doubles 0.035 * 10000 = 350.00000000000006, 0.101 * 10000 = 1010.0000000000001,
  // 0.139 * 10000 = 1390.0000000000002, 0.14 * 10000 = 1400.0000000000002: each is exactly the bound, which the
  // bound closes (RULES.md §3), so the lower score.
  const yuanBounds: Profile = {
    ...thresholdProfile({ recency: 0.3, frequency: 0.4, monetary: 0.6 }, shaoxing.grades),
    monetaryUnit: "yuan",
    thresholds: { recency: [10, 20, 30, 50], frequency: [2, 5, 10, 15], monetary: [350, 1010, 1390, 1400] },
  };
  it.each([
    [0.035, 1],
    [0.101, 2],
    [0.139, 3],
    [0.14, 4],
  ])("%p wan read by a yuan profile -> m = %p", (wan, m) => {
    const res = grade([{ d: 25, s: 8, z: wan }], yuanBounds, { unit: "wan" });
    expect(res.m[0]).toBe(m);
  });

  it("an amount a tenth of a fen above a bound is above it (RULES.md §2: every comparison exact)", () => {
    // 0.1400001 wan = 1400.001 yuan > 1400 -> 5; 8.0000001 wan > 8 -> 5 under shaoxing
    expect(grade([{ d: 25, s: 8, z: 0.1400001 }], yuanBounds, { unit: "wan" }).m[0]).toBe(5);
    expect(grade([{ d: 25, s: 8, z: 8.0000001 }]).m[0]).toBe(5);
  });
});

describe("shaoxing grades: X = 0.3r + 0.4f + 0.6m; A if X > 6, B if 3 < X <= 6, C if X <= 3", () => {
  const cases: [r: number, f: number, m: number, text: string, grade: string][] = [
    [2, 3, 2, "3", "C"], // 0.6 + 1.2 + 1.2 = 3 exactly (3.0000000000000004 in doubles) -> C
    [4, 3, 1, "3", "C"], // 1.2 + 1.2 + 0.6 = 3 -> C
    [3, 2, 2, "2.9", "C"], // 0.9 + 0.8 + 1.2
    [1, 4, 2, "3.1", "B"], // 0.3 + 1.6 + 1.2, just above 3
    [1, 1, 4, "3.1", "B"], // 0.3 + 0.4 + 2.4
    [3, 2, 4, "4.1", "B"], // 0.9 + 0.8 + 2.4
    [3, 5, 5, "5.9", "B"], // 0.9 + 2 + 3
    [5, 5, 4, "5.9", "B"], // 1.5 + 2 + 2.4
    [5, 4, 5, "6.1", "A"], // 1.5 + 1.6 + 3, just above 6 (6 itself is not reachable with these weights)
    [4, 5, 5, "6.2", "A"],
    [5, 5, 5, "6.5", "A"],
    [1, 1, 1, "1.3", "C"],
  ];

  it.each(cases)("r=%p f=%p m=%p -> X = %s -> %s", (r, f, m, text, letter) => {
    const res = grade([rowFor(r, f, m)]);
    expect([res.r[0], res.f[0], res.m[0]]).toEqual([r, f, m]);
    expect(scoreText(res, 0)).toBe(text);
    expect(String(scoreNumber(res, 0))).toBe(text);
    expect(res.scoreUnits[0] / res.scoreScale).toBe(Number(text));
    expect(gradeLetter(res, 0)).toBe(letter);
    expect(res.profile.grades[res.gradeIndex[0]].grade).toBe(letter);
  });

  it("the float trap rows come out as C in a mixed batch too", () => {
    const res = grade([rowFor(5, 5, 5), rowFor(2, 3, 2), rowFor(1, 4, 2), rowFor(4, 3, 1)]);
    expect([0, 1, 2, 3].map((i) => gradeLetter(res, i))).toEqual(["A", "C", "B", "C"]);
  });
});

describe("grade cut-offs are compared exactly (profiles whose X lands on a cut-off)", () => {
  const gradesAbove = [
    { grade: "A", above: 6, cadence: cadence("a") },
    { grade: "B", above: 3, cadence: cadence("b") },
    { grade: "C", cadence: cadence("c") },
  ];
  const gradesAtLeast = [
    { grade: "A", atLeast: 6, cadence: cadence("a") },
    { grade: "B", atLeast: 3, cadence: cadence("b") },
    { grade: "C", cadence: cadence("c") },
  ];

  it.each([
    [4, 4, 4, "6", "B"], // 1.6 + 3.2 + 1.2 = 6 exactly (6.000000000000001 in doubles): not above 6
    [5, 4, 3, "6.1", "A"], // 2 + 3.2 + 0.9
    [4, 1, 2, "3", "C"], // 1.6 + 0.8 + 0.6 = 3 (3.0000000000000004 in doubles): not above 3
  ])("above: weights 0.4/0.8/0.3, r=%p f=%p m=%p -> X = %s -> %s", (r, f, m, text, letter) => {
    const p = thresholdProfile({ recency: 0.4, frequency: 0.8, monetary: 0.3 }, gradesAbove);
    const res = grade([rowFor(r, f, m)], p);
    expect(scoreText(res, 0)).toBe(text);
    expect(gradeLetter(res, 0)).toBe(letter);
  });

  it.each([
    [4, 4, 4, "6", "A"], // 2.4 + 2.8 + 0.8 = 6 exactly (5.999999999999999 in doubles): at least 6
    [5, 3, 4, "5.9", "B"], // 3 + 2.1 + 0.8
    [2, 2, 2, "3", "B"], // 1.2 + 1.4 + 0.4 = 3 (2.9999999999999996 in doubles): at least 3
    [2, 1, 5, "2.9", "C"], // 1.2 + 0.7 + 1
  ])("atLeast: weights 0.6/0.7/0.2, r=%p f=%p m=%p -> X = %s -> %s", (r, f, m, text, letter) => {
    const p = thresholdProfile({ recency: 0.6, frequency: 0.7, monetary: 0.2 }, gradesAtLeast);
    const res = grade([rowFor(r, f, m)], p);
    expect(scoreText(res, 0)).toBe(text);
    expect(String(scoreNumber(res, 0))).toBe(text);
    expect(gradeLetter(res, 0)).toBe(letter);
  });

  it("shows hundredths and thousandths exactly", () => {
    const hundredths = thresholdProfile({ recency: 0.25, frequency: 0.25, monetary: 0.5 }, gradesAbove);
    // 1.25 + 1 + 1 = 3.25
    const a = grade([rowFor(5, 4, 2)], hundredths);
    expect(scoreText(a, 0)).toBe("3.25");
    expect(scoreNumber(a, 0)).toBe(3.25);
    expect(gradeLetter(a, 0)).toBe("B");

    const thousandths = thresholdProfile({ recency: 0.125, frequency: 0.25, monetary: 0.5 }, gradesAbove);
    // 0.125 + 0.25 + 2.5 = 2.875
    const b = grade([rowFor(1, 1, 5)], thousandths);
    expect(scoreText(b, 0)).toBe("2.875");
    expect(scoreNumber(b, 0)).toBe(2.875);
    expect(gradeLetter(b, 0)).toBe("C");
  });
});

describe("dates in customer rows", () => {
  it("reads 1900-system serials, Dates and the three text forms", () => {
    const rows: CustomerRow[] = [
      { date: 45839 - 10, s: 8, z: 4 }, // D = 10 -> 5
      { date: 45839 - 11, s: 8, z: 4 }, // D = 11 -> 4
      { date: 45839 - 11 + 0.99, s: 8, z: 4 }, // time of day ignored: still D = 11
      { date: new Date(Date.UTC(2025, 5, 21, 18)), s: 8, z: 4 }, // 2025-06-21: D = 10
      { date: "2025/6/20", s: 8, z: 4 }, // D = 11
      { date: "2025年5月11日", s: 8, z: 4 }, // May 11 -> Jul 1 = 20 + 30 + 1 = 51 days -> 1
      { date: "2025-05-12", s: 8, z: 4 }, // D = 50 -> 2
    ];
    const res = grade(rows);
    expect(Array.from(res.r)).toEqual([5, 4, 4, 5, 4, 1, 2]);
  });

  it("reads 1904-system serials when told", () => {
    // 2025-07-01 is 44377 in the 1904 system
    const res = grade(
      [
        { date: 44377 - 10, s: 8, z: 4 },
        { date: 44377 - 11, s: 8, z: 4 },
      ],
      shaoxing,
      { date1904: true },
    );
    expect(Array.from(res.r)).toEqual([5, 4]);
  });

  it("takes the as-of date as a day number too", () => {
    const res = gradeCustomers(customerColumns([{ d: 21, s: 8, z: 4 }]), shaoxing, { asOf: dayOf(AS_OF) });
    expect(res.r[0]).toBe(3);
    expect(res.summary.asOf).toBe(AS_OF);
  });

  it("reads counts and totals given as numeric text (as CSV cells arrive)", () => {
    const res = grade([
      { d: 25, s: "11", z: "8.01" },
      { d: 25, s: "2", z: "1" },
    ]);
    expect([res.f[0], res.m[0], res.f[1], res.m[1]]).toEqual([4, 5, 1, 1]);
  });
});

describe("problems with the whole request", () => {
  it("shaoxing has no default as-of date: none given is a GradeError asOfMissing", () => {
    expect(() => gradeCustomers(customerColumns([{ d: 1, s: 1, z: 1 }]), shaoxing)).toThrow(GradeError);
    try {
      gradeCustomers(customerColumns([{ d: 1, s: 1, z: 1 }]), shaoxing);
    } catch (e) {
      expect((e as GradeError).code).toBe("asOfMissing");
      expect((e as GradeError).text.en).not.toBe("");
      expect((e as GradeError).text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(["2025-02-30", "yesterday"])("as-of %p is a GradeError asOfInvalid", (asOf) => {
    let caught: unknown;
    try {
      gradeCustomers(customerColumns([{ d: 1, s: 1, z: 1 }]), shaoxing, { asOf });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GradeError);
    expect((caught as GradeError).code).toBe("asOfInvalid");
  });

  it("an empty input grades nothing and does not throw", () => {
    const res = gradeCustomers({ ids: [], lastDates: [], counts: [], totals: [] }, shaoxing, { asOf: AS_OF });
    expect(res.n).toBe(0);
    expect(res.summary.graded).toBe(0);
  });
});
