/**
 * Golden cases: test/engine/cases/<case>/input.json is a sheet (headers + rows) with a profile and options;
 * expected.json holds what RULES.md §2–§10 say the engine must make of it, worked by hand (each file says how).
 * The sheet goes through header recognition first, as every interface does.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import {
  builtinProfile,
  detectColumns,
  formatDay,
  gradeCustomers,
  gradeLetter,
  gradeSales,
  isGraded,
  scoreText,
} from "../../src/engine";
import type { GradeOptions, GradeResult, Profile, Role } from "../../src/engine";
import { valuesOf } from "./helpers";

interface CaseInput {
  profile: string;
  options: GradeOptions;
  headers: unknown[];
  rows: unknown[][];
}

interface ExpectedScores {
  r?: number;
  f?: number;
  m?: number;
  score?: string;
  grade?: string;
  notGraded?: boolean;
  codes?: string[];
}

interface CaseExpected {
  kind: "customers" | "transactions";
  mapping: Partial<Record<Role, number>>;
  rows?: ExpectedScores[];
  customers?: (ExpectedScores & { id: string; last: string; count: number; total: number })[];
  skippedSales?: number[];
  summary: Record<string, unknown>;
}

const CASES_DIR = join(__dirname, "cases");
const caseNames = readdirSync(CASES_DIR).sort();

function read<T>(name: string, file: string): T {
  return JSON.parse(readFileSync(join(CASES_DIR, name, file), "utf8")) as T;
}

function column(rows: unknown[][], index: number | undefined): unknown[] {
  return rows.map((row) => (index === undefined ? undefined : row[index]));
}

function expectScores(res: GradeResult, i: number, want: ExpectedScores) {
  const codes = res.issues.filter((issue) => issue.index === i).map((issue) => issue.code);
  expect(codes).toEqual(want.codes ?? []);
  if (want.notGraded) {
    expect(isGraded(res, i)).toBe(false);
    return;
  }
  expect(isGraded(res, i)).toBe(true);
  expect({ r: res.r[i], f: res.f[i], m: res.m[i], score: scoreText(res, i), grade: gradeLetter(res, i) }).toEqual({
    r: want.r,
    f: want.f,
    m: want.m,
    score: want.score,
    grade: want.grade,
  });
}

it("finds the golden cases", () => {
  expect(caseNames.length).toBeGreaterThanOrEqual(3);
});

describe.each(caseNames)("golden case %s", (name) => {
  const input = read<CaseInput>(name, "input.json");
  const expected = read<CaseExpected>(name, "expected.json");
  const profile: Profile = builtinProfile(input.profile)!;
  const detection = detectColumns(input.headers);
  const m = detection.mapping;

  it("recognises the headers", () => {
    expect(detection.kind).toBe(expected.kind);
    expect(detection.mapping).toEqual(expected.mapping);
    expect(detection.missing).toEqual([]);
  });

  if (expected.kind === "customers") {
    const res = gradeCustomers(
      {
        ids: column(input.rows, m.id),
        lastDates: column(input.rows, m.date),
        counts: column(input.rows, m.count),
        totals: column(input.rows, m.total),
      },
      profile,
      input.options,
    );
    it.each(expected.rows!.map((want, i) => [i + 2, i, want] as const))("sheet row %p", (_row, i, want) => {
      expectScores(res, i, want);
    });
    it("summary", () => {
      expect(res.summary).toMatchObject(expected.summary);
    });
  } else {
    const res = gradeSales(
      { ids: column(input.rows, m.id), dates: column(input.rows, m.date), amounts: column(input.rows, m.amount) },
      profile,
      input.options,
    );
    it.each(expected.customers!.map((want) => [want.id, want] as const))("customer %s", (id, want) => {
      const i = valuesOf(res.customers!.ids).indexOf(id);
      expect(i).toBeGreaterThanOrEqual(0);
      expect({
        last: formatDay(res.customers!.lastDay[i]),
        count: res.customers!.count[i],
        total: res.customers!.total.at(i),
      }).toEqual({ last: want.last, count: want.count, total: want.total });
      expectScores(res, i, want);
    });
    it("lists the customers in order of first appearance", () => {
      expect(res.customers!.ids).toEqual(expected.customers!.map((c) => c.id));
    });
    it("skips the unreadable sales", () => {
      expect(res.saleIssues!.map((issue) => issue.index)).toEqual(expected.skippedSales);
    });
    it("summary", () => {
      expect(res.summary).toMatchObject(expected.summary);
    });
  }
});
