import {
  GradeError,
  builtinProfile,
  formatDay,
  formatIssue,
  gradeLetter,
  gradeSales,
  isGraded,
  noteText,
  scoreText,
} from "../../src/engine";
import type { GradeResult, Profile } from "../../src/engine";
import { dayOf, quantileProfile, valuesOf } from "./helpers";

const wuhan = builtinProfile("wuhan")!;

type Sale = [id: unknown, date: unknown, amount: unknown];

function sales(rows: Sale[]) {
  return { ids: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) };
}

function grade(rows: Sale[], profile: Profile = wuhan, options: object = {}) {
  return gradeSales(sales(rows), profile, options);
}

/** The result index of customer `id`, or -1 when the result does not list it. */
function indexOf(res: GradeResult, id: string): number {
  return valuesOf(res.customers!.ids).indexOf(id);
}

function customer(res: GradeResult, id: string) {
  const i = indexOf(res, id);
  expect(i).toBeGreaterThanOrEqual(0);
  const c = res.customers!;
  return { graded: isGraded(res, i), last: formatDay(c.lastDay[i]), count: c.count[i], total: c.total.at(i) };
}

function expectNotGraded(res: GradeResult, id: string) {
  const i = indexOf(res, id);
  if (i >= 0) expect(isGraded(res, i)).toBe(false);
}

describe("the sales window (wuhan defaults 2021-09-01 .. 2025-07-01, both inclusive)", () => {
  const rows: Sale[] = [
    ["A", "2021-09-01", 100], // first day: kept
    ["A", "2021-08-31", 1000], // a day before: outside
    ["B", "2025-07-01", 200], // last day: kept
    ["B", "2025-07-02", 5000], // a day after: outside
    ["C", "2021-08-31", 300], // C has nothing inside the window
    ["A", "2023-01-15", 50],
  ];

  it("keeps the first and the last day, leaves out the day before and the day after", () => {
    const res = grade(rows);
    expect(customer(res, "A")).toEqual({ graded: true, last: "2023-01-15", count: 2, total: 150 });
    expect(customer(res, "B")).toEqual({ graded: true, last: "2025-07-01", count: 1, total: 200 });
  });

  it("a customer with no sale inside the window is not graded, nor part of the population", () => {
    const res = grade(rows);
    expectNotGraded(res, "C");
    expect(res.summary.graded).toBe(2);
    // N = 2 (not 3): q = 0 -> 5 − floor(5/4) = 4, q = 1 -> 5 − floor(15/4) = 2.
    // D: B 0 < A 898; S: A 2 > B 1; Z: B 200 > A 150
    const a = indexOf(res, "A");
    const b = indexOf(res, "B");
    expect([res.r[a], res.f[a], res.m[a]]).toEqual([2, 4, 2]);
    expect([res.r[b], res.f[b], res.m[b]]).toEqual([4, 2, 4]);
  });

  it("when such a customer is listed, its note says why, in both languages", () => {
    const res = grade(rows);
    const c = indexOf(res, "C");
    if (c >= 0) {
      expect(noteText(res, c, "en")).not.toBe("");
      expect(noteText(res, c, "zh")).toMatch(/[\u4e00-\u9fff]/);
      expect(res.summary.notGraded).toBe(1);
    }
  });

  it("counts the sales read, kept and outside the window", () => {
    const res = grade(rows);
    // One of the three outside the window is after the analysis date.
    expect(res.summary.sales).toEqual({ read: 6, kept: 3, outsideWindow: 3, skipped: 0, afterAsOf: 1 });
    expect(res.summary).toMatchObject({ kind: "transactions", asOf: "2025-07-01", windowStart: "2021-09-01" });
    expect(res.kind).toBe("transactions");
  });

  it("takes the as-of date and the window start from the options", () => {
    const res = grade(rows, wuhan, { asOf: "2023-01-14", windowStart: "2021-08-31" });
    // A: 2021-08-31 and 2021-09-01 kept, 2023-01-15 now after the as-of date; B, C: C's sale kept
    expect(customer(res, "A")).toEqual({ graded: true, last: "2021-09-01", count: 2, total: 1100 });
    expectNotGraded(res, "B");
    expect(customer(res, "C")).toEqual({ graded: true, last: "2021-08-31", count: 1, total: 300 });
    expect(res.summary).toMatchObject({ asOf: "2023-01-14", windowStart: "2021-08-31" });
  });

  it("takes day numbers as options too", () => {
    const res = grade(rows, wuhan, { asOf: dayOf("2025-07-02"), windowStart: dayOf("2021-08-31") });
    expect(res.summary.sales).toEqual({ read: 6, kept: 6, outsideWindow: 0, skipped: 0 });
  });

  it.each(["2025-02-30", "whenever"])("window start %p is a GradeError windowInvalid", (windowStart) => {
    let caught: unknown;
    try {
      grade(rows, wuhan, { windowStart });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GradeError);
    expect((caught as GradeError).code).toBe("windowInvalid");
  });
});

describe("aggregation", () => {
  it("reads dates as serials, Dates and text in one column", () => {
    const res = grade([
      ["A", 45839 - 1, 10], // 2025-06-30
      ["A", new Date(Date.UTC(2024, 0, 2, 15)), 10],
      ["A", "2023年3月4日", 10],
      ["A", "2022/5/6", 10],
    ]);
    expect(customer(res, "A")).toEqual({ graded: true, last: "2025-06-30", count: 4, total: 40 });
  });

  it("reads 1904-system serials when told", () => {
    // 44377 is 2025-07-01 in the 1904 system (it would be 2021-06-30 in the 1900 system)
    const res = grade([["A", 44377, 10]], wuhan, { date1904: true });
    expect(customer(res, "A")).toEqual({ graded: true, last: "2025-07-01", count: 1, total: 10 });
  });

  it("sums refunds (negative amounts) as they are, and counts them as purchases", () => {
    const res = grade([
      ["R", "2024-01-01", 1000],
      ["Q", "2024-02-01", -50],
      ["R", "2024-03-01", -300],
      ["R", "2024-04-01", 200],
    ]);
    expect(customer(res, "R")).toEqual({ graded: true, last: "2024-04-01", count: 3, total: 900 });
    // a customer whose only sale is a refund is still ranked (quantile profile)
    expect(customer(res, "Q")).toEqual({ graded: true, last: "2024-02-01", count: 1, total: -50 });
  });

  it("sums amounts exactly: 0.1 + 0.2 ties with 0.15 + 0.15", () => {
    const res = grade(
      [
        ["E", "2024-05-01", 0.1],
        ["F", "2024-05-01", 0.15],
        ["E", "2024-05-01", 0.2],
        ["F", "2024-05-01", 0.15],
      ],
      quantileProfile("average"),
    );
    expect(customer(res, "E").total).toBe(0.3);
    // tied on every dimension: G = 0, T = 2 -> 5 − floor(5 * 2 / 4) = 3 for both
    const e = indexOf(res, "E");
    const f = indexOf(res, "F");
    expect([res.r[e], res.f[e], res.m[e]]).toEqual([3, 3, 3]);
    expect([res.r[f], res.f[f], res.m[f]]).toEqual([3, 3, 3]);
  });

  it("reads amounts in wan for a yuan profile and reports totals in the input unit", () => {
    const res = grade(
      [
        ["E", "2024-05-01", 0.1],
        ["E", "2024-05-02", 0.2],
        ["F", "2024-05-01", 0.5],
      ],
      wuhan,
      { unit: "wan" },
    );
    expect(customer(res, "E").total).toBe(0.3);
    expect(customer(res, "F").total).toBe(0.5);
    expect(res.summary.unit).toBe("wan");
    // Z: F 0.5 > E 0.3 -> F 4, E 2 (N = 2)
    expect([res.m[indexOf(res, "F")], res.m[indexOf(res, "E")]]).toEqual([4, 2]);
  });

  it("lists customers once each, in order of first appearance", () => {
    const res = grade([
      ["B", "2024-01-01", 1],
      ["A", "2024-01-01", 1],
      ["B", "2024-01-02", 1],
      ["C", "2024-01-01", 1],
    ]);
    expect(res.customers!.ids).toEqual(["B", "A", "C"]);
    expect(res.n).toBe(3);
    expect(res.summary.rows).toBe(3);
  });

  it("treats numeric customer ids as ids (text form)", () => {
    const res = grade([
      [1001, "2024-01-01", 5],
      [1001, "2024-02-01", 5],
    ]);
    expect(res.customers!.ids).toEqual(["1001"]);
    expect(res.customers!.count[0]).toBe(2);
  });
});

describe("unreadable sales are skipped and counted; the customer is graded from the rest", () => {
  const rows: Sale[] = [
    ["K", "2024-03-01", "abc"], // non-numeric amount
    ["K", "not a date", 100], // non-date date
    ["K", "2024-02-01", 400],
    ["K", "2024-02-30", 7], // impossible date
    ["K", "2024-04-01", { error: "#N/A" }], // Excel error as amount
    ["K", "2024-04-02", "#VALUE!"], // Excel error as text
    ["L", "2024-01-01", "n/a"], // L's only sale is unreadable
    ["K", "", 1], // blank date
    ["K", "2024-05-01", ""], // blank amount
  ];

  it("grades K from its one readable sale", () => {
    const res = grade(rows);
    expect(customer(res, "K")).toEqual({ graded: true, last: "2024-02-01", count: 1, total: 400 });
  });

  it("does not grade L, whose only sale was skipped", () => {
    expectNotGraded(grade(rows), "L");
  });

  it("counts eight skipped sales and names each", () => {
    const res = grade(rows);
    expect(res.summary.sales).toEqual({ read: 9, kept: 1, outsideWindow: 0, skipped: 8 });
    // saleIssues lists the skipped transactions (not those outside the window)
    const skipped = res.saleIssues!;
    expect(skipped.map((issue) => issue.index)).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
    const roleOf = (i: number) => skipped.find((issue) => issue.index === i)!.role;
    expect([0, 4, 5, 6, 8].map(roleOf)).toEqual(["amount", "amount", "amount", "amount", "amount"]);
    expect([1, 3, 7].map(roleOf)).toEqual(["date", "date", "date"]);
  });

  it("explains each skipped sale naming its row and column, in both languages", () => {
    const res = grade(rows);
    const headers: Record<string, string> = {
      id: "客户ID",
      date: "订单日期",
      amount: "订单金额",
      count: "-",
      total: "-",
    };
    const ctx = { rowLabel: (i: number) => i + 501, columnName: (role: keyof typeof headers) => headers[role] };
    const amountIssue = res.saleIssues!.find((issue) => issue.index === 0)!;
    const dateIssue = res.saleIssues!.find((issue) => issue.index === 1)!;
    for (const lang of ["en", "zh"] as const) {
      const a = formatIssue(amountIssue, lang, ctx);
      expect(a).toContain("501");
      expect(a).toContain("订单金额");
      expect(a).toContain("abc");
      const d = formatIssue(dateIssue, lang, ctx);
      expect(d).toContain("502");
      expect(d).toContain("订单日期");
      expect(d).toContain("not a date"); // the cell value, quoted
    }
    expect(formatIssue(amountIssue, "zh", ctx)).not.toBe(formatIssue(amountIssue, "en", ctx));
  });

  it("names Excel errors as errors", () => {
    const res = grade(rows);
    const codeOf = (i: number) => res.saleIssues!.find((issue) => issue.index === i)!.code;
    expect(codeOf(4)).toBe("errorValue");
    expect(codeOf(5)).toBe("errorValue");
    expect(codeOf(0)).toBe("amountInvalid");
  });
});

describe("a threshold profile graded from sales records", () => {
  it("sums yuan per customer, divides by 10,000 and refuses a total of 0", () => {
    const res = grade(
      [
        ["A", "2025-05-01", 40000],
        ["A", "2025-06-30", 40001],
        ["B", "2025-06-01", 100],
        ["B", "2025-06-02", -100],
        ["C", "2025-06-01", 5],
      ],
      builtinProfile("shaoxing")!,
      { asOf: "2025-07-01", windowStart: "2021-01-01", unit: "yuan" },
    );
    // A: D 1 -> 5, S 2 -> 1, Z 8.0001 wan -> 5: 1.5 + 0.4 + 3 = 4.9 -> B
    const a = indexOf(res, "A");
    expect([res.r[a], res.f[a], res.m[a], scoreText(res, a), gradeLetter(res, a)]).toEqual([5, 1, 5, "4.9", "B"]);
    // B: 100 − 100 = 0: a threshold profile needs 0 < Z (RULES.md §8)
    expectNotGraded(res, "B");
    const b = indexOf(res, "B");
    if (b >= 0) expect(noteText(res, b, "en")).not.toBe("");
    // C: D 30 -> 3, S 1 -> 1, Z 0.0005 wan -> 1: 0.9 + 0.4 + 0.6 = 1.9 -> C
    const c = indexOf(res, "C");
    expect([res.r[c], res.f[c], res.m[c], scoreText(res, c), gradeLetter(res, c)]).toEqual([3, 1, 1, "1.9", "C"]);
  });
});

describe("sales without a usable customer id", () => {
  it("are skipped and counted, and no customer is made of an error value", () => {
    const res = grade([
      ["A", "2025-01-01", 1],
      ["", "2025-01-01", 2],
      [{ error: "#N/A" }, "2025-01-01", 3],
      ["#N/A", "2025-01-01", 4],
    ]);
    expect(res.customers!.ids).toEqual(["A"]);
    expect(res.summary.sales).toEqual({ read: 4, kept: 1, outsideWindow: 0, skipped: 3 });
    expect(res.saleIssues!.map((issue) => [issue.index, issue.role])).toEqual([
      [1, "id"],
      [2, "id"],
      [3, "id"],
    ]);
  });
});

describe("the `first` tie rule orders customers by their first sale inside the window", () => {
  it("a customer whose earlier sale lies outside the window comes after one who bought first inside it", () => {
    // X and Y tie on every dimension (one sale of 100 on 2024-01-01 each). Inside the window Y buys first.
    // N = 2: q = 0 -> 5 − floor(5/4) = 4; q = 1 -> 5 − floor(15/4) = 2
    const res = grade(
      [
        ["X", "2020-01-01", 100],
        ["Y", "2024-01-01", 100],
        ["X", "2024-01-01", 100],
      ],
      quantileProfile("first"),
    );
    const x = indexOf(res, "X");
    const y = indexOf(res, "Y");
    expect([res.r[y], res.f[y], res.m[y]]).toEqual([4, 4, 4]);
    expect([res.r[x], res.f[x], res.m[x]]).toEqual([2, 2, 2]);
  });
});

describe("wuhan from sales, worked by hand", () => {
  it("grades five customers", () => {
    // per customer (D from 2025-07-01, S, Z):
    //   P: last 2025-06-21 (D 10), S 3, Z 900   Q: last 2025-05-02 (D 60), S 1, Z 5000
    //   R: last 2025-06-30 (D 1),  S 4, Z 400   S: last 2024-07-01 (D 365), S 2, Z 100
    //   T: last 2025-03-03 (D 120), S 5, Z 2000
    // N = 5 without ties -> score = 5 − q.
    //   r: R 5, P 4, Q 3, T 2, S 1     f: T 5, R 4, P 3, S 2, Q 1     m: Q 5, T 4, P 3, R 2, S 1
    //   X: P 0.3*4+0.3*3+0.4*3 = 3.3 B; Q 0.9+0.3+2 = 3.2 B; R 1.5+1.2+0.8 = 3.5 B;
    //      S 0.3+0.6+0.4 = 1.3 D;       T 0.6+1.5+1.6 = 3.7 B
    const res = grade([
      ["P", "2025-06-21", 300],
      ["Q", "2025-05-02", 5000],
      ["R", "2025-06-30", 100],
      ["S", "2024-06-01", 60],
      ["T", "2025-03-03", 400],
      ["P", "2025-01-01", 300],
      ["R", "2025-06-01", 100],
      ["S", "2024-07-01", 40],
      ["T", "2024-12-01", 400],
      ["P", "2024-10-10", 300],
      ["R", "2025-05-01", 100],
      ["T", "2024-11-01", 400],
      ["R", "2025-04-01", 100],
      ["T", "2024-10-01", 400],
      ["T", "2024-09-01", 400],
    ]);
    const got = ["P", "Q", "R", "S", "T"].map((id) => {
      const i = indexOf(res, id);
      return [id, res.r[i], res.f[i], res.m[i], res.profile.grades[res.gradeIndex[i]].grade];
    });
    expect(got).toEqual([
      ["P", 4, 3, 3, "B"],
      ["Q", 3, 1, 5, "B"],
      ["R", 5, 4, 2, "B"],
      ["S", 1, 2, 1, "D"],
      ["T", 2, 5, 4, "B"],
    ]);
    expect(res.summary.gradeCounts).toEqual([
      { grade: "A", count: 0 },
      { grade: "B", count: 4 },
      { grade: "C", count: 0 },
      { grade: "D", count: 1 },
    ]);
  });
});

describe("a sale with a blank amount", () => {
  test("is skipped with the reason that the amount is missing, in both languages", () => {
    const res = gradeSales({ ids: ["x", "x"], dates: ["2025-06-01", "2025-06-02"], amounts: [100, "  "] }, wuhan);
    expect(res.saleIssues).toEqual([expect.objectContaining({ index: 1, role: "amount", code: "amountMissing" })]);
    expect(res.summary.sales?.skipped).toBe(1);
    const ctx = { rowLabel: (i: number) => i + 2, columnName: () => "消费金额" };
    expect(formatIssue(res.saleIssues![0], "en", ctx)).toBe("Row 3, column “消费金额”: order amount is missing");
    expect(formatIssue(res.saleIssues![0], "zh", ctx)).toBe("第 3 行，“消费金额”列：订单金额为空");
  });
});
