/** RULES.md §8: a row blank in every column read is skipped and counted — no note, not "not graded". */
import { builtinProfile, gradeCustomers, gradeSales, isGraded, noteText } from "../../src/engine";
import { AS_OF, customerColumns } from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;
const wuhan = builtinProfile("wuhan")!;

test("customer table: blank rows are skipped without a note and left out of the ranking", () => {
  const rows = [
    { d: 5, s: 20, z: 10 },
    { id: "", date: "", s: "", z: "" },
    { id: null, date: null, s: null, z: "  " },
    { d: 5, s: "", z: 10 }, // not blank: a missing count is a reason
    { id: "K9", date: "", s: "", z: "" }, // an id alone is not blank either
  ];
  for (const profile of [shaoxing, wuhan]) {
    const res = gradeCustomers(customerColumns(rows), profile, { asOf: AS_OF });
    expect(Array.from(res.blank!)).toEqual([0, 1, 1, 0, 0]);
    expect([1, 2].map((i) => noteText(res, i, "en"))).toEqual(["", ""]);
    expect(noteText(res, 3, "en")).toMatch(/purchase count is missing/);
    expect(noteText(res, 4, "en")).toMatch(/last order date is missing/);
    expect(res.summary).toMatchObject({ rows: 5, graded: 1, notGraded: 2, blankRows: 2 });
    expect(isGraded(res, 0)).toBe(true);
  }
  // The one good customer is ranked alone (N = 1): 5 − floor(5·1/2) = 3 on each dimension, blank rows or not.
  const res = gradeCustomers(customerColumns(rows), wuhan, { asOf: AS_OF });
  expect([res.r[0], res.f[0], res.m[0]]).toEqual([3, 3, 3]);
});

test("sales records: blank sale rows are counted apart, not as unreadable", () => {
  const res = gradeSales(
    { ids: ["A", "", null, "B"], dates: ["2025-06-01", "", null, "x"], amounts: [100, "", null, 5] },
    wuhan,
  );
  expect(res.summary.sales).toEqual({ read: 4, kept: 1, outsideWindow: 0, skipped: 1, blank: 2 });
  expect(res.saleIssues!.map((i) => i.index)).toEqual([3]);
});
