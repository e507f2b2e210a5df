import {
  builtinProfile,
  cadenceText,
  formatIssue,
  gradeCustomers,
  gradeLetter,
  isGraded,
  noteText,
  scoreNumber,
  scoreText,
} from "../../src/engine";
import type { IssueCode, Role } from "../../src/engine/types";
import type { NoteContext } from "../../src/engine";
import { AS_OF, CustomerRow, SHAOXING_HEADERS, customerColumns } from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;
const wuhan = builtinProfile("wuhan")!;
const HAN = /[\u4e00-\u9fff]/;

// A table whose header sits on sheet row 1000: input row i is sheet row i + 1001, a label no value can contain by chance.
const SHEET_CONTEXT: NoteContext = {
  rowLabel: (index: number) => index + 1001,
  columnName: (role: Role) => SHAOXING_HEADERS[role],
};
const label = (i: number) => String(i + 1001);

const GOOD: CustomerRow = { d: 5, s: 20, z: 10 }; // r 5, f 5, m 5 -> 6.5 -> A

// [what, row, role, code, text the note must quote]
type BadRow = [what: string, row: CustomerRow, role: Role, code: IssueCode, quoted?: string];
const BAD_ROWS: BadRow[] = [
  ["blank date", { date: "", s: 8, z: 4 }, "date", "dateMissing"],
  ["empty date cell (null)", { date: null, s: 8, z: 4 }, "date", "dateMissing"],
  ["date that is words", { date: "last week", s: 8, z: 4 }, "date", "dateInvalid"],
  ["impossible date", { date: "2025-02-30", s: 8, z: 4 }, "date", "dateInvalid"],
  ["date after the as-of date", { date: "2025-07-02", s: 8, z: 4 }, "date", "dateAfterAsOf"],
  ["blank count", { d: 5, s: "", z: 4 }, "count", "countMissing"],
  ["empty count cell (undefined)", { d: 5, s: undefined, z: 4 }, "count", "countMissing"],
  ["non-numeric count", { d: 5, s: "many", z: 4 }, "count", "countInvalid"],
  ["count 2.5", { d: 5, s: 2.5, z: 4 }, "count", "countNotWhole", "2.5"],
  ["count 0", { d: 5, s: 0, z: 4 }, "count", "countNotPositive"],
  ["count -1", { d: 5, s: -1, z: 4 }, "count", "countNotPositive"],
  ["blank total", { d: 5, s: 8, z: "" }, "total", "totalMissing"],
  ["text total", { d: 5, s: 8, z: "n/a" }, "total", "totalInvalid"],
  ["total 0 (thresholds)", { d: 5, s: 8, z: 0 }, "total", "totalNotPositive"],
  ["total -3 (thresholds)", { d: 5, s: 8, z: -3 }, "total", "totalNotPositive"],
  ["#N/A as text in total", { d: 5, s: 8, z: "#N/A" }, "total", "errorValue", "#N/A"],
  ["#N/A as an error object in total", { d: 5, s: 8, z: { error: "#N/A" } }, "total", "errorValue", "#N/A"],
  ["#VALUE! as an error object in count", { d: 5, s: { error: "#VALUE!" }, z: 4 }, "count", "errorValue", "#VALUE!"],
  ["#REF! as text in date", { date: "#REF!", s: 8, z: 4 }, "date", "errorValue", "#REF!"],
  ["#N/A as the customer id", { id: "#N/A", d: 5, s: 8, z: 4 }, "id", "errorValue", "#N/A"],
  ["count TRUE (a boolean)", { d: 5, s: true, z: 4 }, "count", "countInvalid"],
  ["#DIV/0! with a code field in total", { d: 5, s: 8, z: { code: "#DIV/0!" } }, "total", "errorValue", "#DIV/0!"],
];

// One batch: a good row first and last, each bad row in between.
const rows = [GOOD, ...BAD_ROWS.map(([, row]) => row), GOOD];
const res = gradeCustomers(customerColumns(rows), shaoxing, { asOf: AS_OF });
const last = rows.length - 1;

describe("rows that cannot be graded (RULES.md §8, shaoxing)", () => {
  it("the good rows around them are graded", () => {
    for (const i of [0, last]) {
      expect(isGraded(res, i)).toBe(true);
      expect(gradeLetter(res, i)).toBe("A");
      expect(noteText(res, i, "en")).toBe("");
    }
    expect(res.summary.graded).toBe(2);
    expect(res.summary.notGraded).toBe(BAD_ROWS.length);
    expect(res.summary.rows).toBe(rows.length);
    // the bad rows are not in any grade count
    expect(res.summary.gradeCounts).toEqual([
      { grade: "A", count: 2 },
      { grade: "B", count: 0 },
      { grade: "C", count: 0 },
    ]);
    expect(res.summary.scoreCounts.recency[5]).toBe(2);
  });

  it("lists the issues in ascending row order", () => {
    const indexes = res.issues.map((issue) => issue.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  describe.each(BAD_ROWS.map((bad, k) => [bad[0], k + 1, bad] as const))("%s", (_what, i, [, , role, code, quoted]) => {
    it(`is not graded: no scores, no grade, no cadence`, () => {
      expect(isGraded(res, i)).toBe(false);
      expect([res.r[i], res.f[i], res.m[i]]).toEqual([0, 0, 0]);
      expect(res.gradeIndex[i]).toBe(-1);
      expect(scoreText(res, i)).toBe("");
      expect(scoreNumber(res, i)).toBeNull();
      expect(gradeLetter(res, i)).toBeNull();
      expect(cadenceText(res, i, "en")).toBeNull();
    });

    it(`is reported as ${code} in the ${role} column`, () => {
      const mine = res.issues.filter((issue) => issue.index === i);
      expect(mine).toContainEqual(expect.objectContaining({ index: i, role, code, graded: false }));
    });

    it("has a note in English naming the row and the column", () => {
      const note = noteText(res, i, "en", SHEET_CONTEXT);
      expect(note).toMatch(/[a-z]{3}/i);
      expect(note).toContain(label(i));
      expect(note).toContain(SHAOXING_HEADERS[role]);
      if (quoted) expect(note).toContain(quoted);
      const issue = res.issues.find((x) => x.index === i && x.code === code)!;
      expect(note).toContain(formatIssue(issue, "en", SHEET_CONTEXT));
    });

    it("has a note in Chinese naming the row and the column", () => {
      const note = noteText(res, i, "zh", SHEET_CONTEXT);
      expect(note).toMatch(HAN);
      expect(note).toContain(label(i));
      expect(note).toContain(SHAOXING_HEADERS[role]);
      if (quoted) expect(note).toContain(quoted);
      expect(note).not.toBe(noteText(res, i, "en", SHEET_CONTEXT));
    });
  });

  it("says in words what is wrong with a date after the as-of date", () => {
    const i = 1 + BAD_ROWS.findIndex(([, , , code]) => code === "dateAfterAsOf");
    expect(noteText(res, i, "en", SHEET_CONTEXT)).toMatch(/after/i);
  });
});

describe("duplicate customer ids (customer-level)", () => {
  const dup = gradeCustomers(
    customerColumns([
      { id: "C001", d: 5, s: 20, z: 10 },
      { id: "C002", d: 5, s: 20, z: 10 },
      { id: "C001", d: 40, s: 3, z: 2 },
    ]),
    shaoxing,
    { asOf: AS_OF },
  );

  it("grades both rows", () => {
    expect(gradeLetter(dup, 0)).toBe("A");
    expect(gradeLetter(dup, 2)).toBe("C"); // 0.3*2 + 0.4*2 + 0.6*2 = 2.6
    expect(dup.summary.graded).toBe(3);
  });

  it("notes both rows as duplicates in the id column, and not the other", () => {
    for (const i of [0, 2]) {
      expect(dup.issues).toContainEqual(
        expect.objectContaining({ index: i, role: "id", code: "duplicateId", graded: true }),
      );
      const en = noteText(dup, i, "en", SHEET_CONTEXT);
      expect(en).toMatch(/duplicate/i);
      expect(en).toContain(label(i));
      expect(noteText(dup, i, "zh", SHEET_CONTEXT)).toMatch(HAN);
    }
    expect(dup.issues.filter((issue) => issue.index === 1)).toEqual([]);
    expect(noteText(dup, 1, "en", SHEET_CONTEXT)).toBe("");
  });

  it("takes a number and its text form as the same id", () => {
    const same = gradeCustomers(
      customerColumns([
        { id: 1001, d: 5, s: 20, z: 10 },
        { id: "1001", d: 5, s: 20, z: 10 },
      ]),
      shaoxing,
      { asOf: AS_OF },
    );
    expect(same.issues.filter((issue) => issue.code === "duplicateId").map((issue) => issue.index)).toEqual([0, 1]);
  });
});

describe("a duplicate id on a row that cannot be graded", () => {
  it("says nowhere that the row was graded", () => {
    // row 0 repeats row 1's id and has a count of 2.5: not graded, but still a duplicate
    const mixed = gradeCustomers(
      customerColumns([
        { id: "C7", d: 5, s: 2.5, z: 10 },
        { id: "C7", d: 5, s: 20, z: 10 },
      ]),
      shaoxing,
      { asOf: AS_OF },
    );
    expect(isGraded(mixed, 0)).toBe(false);
    expect(isGraded(mixed, 1)).toBe(true);
    expect(mixed.issues).toContainEqual(expect.objectContaining({ index: 0, code: "countNotWhole" }));
    // RowIssue.graded: "true when the row is still graded" -- it must agree with the row
    for (const issue of mixed.issues) expect(issue.graded).toBe(isGraded(mixed, issue.index));
  });
});

describe("a quantile profile leaves ungraded rows out of the population", () => {
  it("ranks the four good rows among themselves", () => {
    // N = 4 good rows with Z 400 300 200 100: 5 − floor(5(2q+1)/8) -> q0 5, q1 4 (15/8), q2 2 (25/8), q3 1 (35/8)
    // the row with a blank count must not take a position
    const q = gradeCustomers(
      customerColumns([
        { d: 10, s: 3, z: 400 },
        { d: 10, s: "", z: 1_000_000 },
        { d: 10, s: 3, z: 300 },
        { d: 10, s: 3, z: 200 },
        { d: 10, s: 3, z: 100 },
      ]),
      wuhan,
      { asOf: AS_OF },
    );
    expect(Array.from(q.m)).toEqual([5, 0, 4, 2, 1]);
    expect(q.summary.scoreCounts.monetary).toEqual([0, 1, 1, 0, 1, 1]);
  });

  it("still refuses a count of 0 (a customer with a last purchase has bought at least once)", () => {
    const q = gradeCustomers(
      customerColumns([
        { d: 10, s: 0, z: 300 },
        { d: 10, s: 3, z: 5 },
      ]),
      wuhan,
      { asOf: AS_OF },
    );
    expect(isGraded(q, 0)).toBe(false);
    expect(q.issues).toContainEqual(expect.objectContaining({ index: 0, role: "count", code: "countNotPositive" }));
  });

  it("still refuses a non-numeric total", () => {
    const q = gradeCustomers(
      customerColumns([
        { d: 10, s: 3, z: "abc" },
        { d: 10, s: 3, z: 5 },
      ]),
      wuhan,
      { asOf: AS_OF },
    );
    expect(isGraded(q, 0)).toBe(false);
    expect(q.issues).toContainEqual(expect.objectContaining({ index: 0, role: "total", code: "totalInvalid" }));
  });
});
