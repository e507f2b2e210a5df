/**
 * What changed since the previous grading. The current grading is shaoxing on a small table whose grades are worked
 * out by hand (RULES.md §6); the previous grading is written out as the earlier output's id and grade columns.
 */
import {
  builtinProfile,
  changeText,
  compareGradings,
  gradeCustomers,
  gradeSales,
  movementText,
  rfMap,
} from "../../src/engine";
import { customerColumns, quantileProfile } from "./helpers";

const shaoxing = builtinProfile("shaoxing")!;
const AS_OF = "2025-07-01";
// d 5, s 20, z > 8 → X 6.5 (A); d 15, s 12, 5 < z ≤ 8 → 5.2 (B); d 60, s 1, z ≤ 1 → 1.3 (C).
const a = (id: unknown, z: number) => ({ id, d: 5, s: 20, z });
const b = (id: unknown, z: number) => ({ id, d: 15, s: 12, z });
const c = (id: unknown, z: number) => ({ id, d: 60, s: 1, z });

const current = [
  a("C1", 10), //   was B            → up
  b("C2", 6), //    was A            → down
  c("C3", 0.5), //  was C            → same
  a("C4", 20), //   not there before → new
  c("C5", 0.8), //  was A            → down
  { id: "C6", d: 1, s: 0, z: 1 }, // not graded now, was B → gone
  b(" C7 ", 7), //  was C (matched trimmed) → up
  b("007", 5.5), // "7" was A, but "007" is another id → new; 7 is gone
  c("", 0.3), //    no id: cannot be matched
];
const previous = {
  ids: ["C1", "C1", "C2", "C3", "C5", "C6", "C7 ", 7, "C8", "C9"],
  grades: ["B", "A", "A", "C", "A", "B", "C", "A", "B", ""],
  amounts: [1, 1, 1, 1, 1, 2.5, 1, 9, 3, 1],
};

function migrate() {
  const input = customerColumns(current);
  const res = gradeCustomers(input, shaoxing, { asOf: AS_OF });
  return { res, m: compareGradings(res, previous, input.ids) };
}

describe("compareGradings", () => {
  it("gives each row its previous grade and change; the first row of a repeated previous id wins", () => {
    const { m } = migrate();
    expect(m.previous).toEqual(["B", "A", "C", null, "A", "B", "C", null, null]);
    expect(m.change).toEqual(["up", "down", "same", "new", "down", "gone", "up", "new", null]);
    expect(m.change.map((ch) => changeText(ch, "en"))).toEqual(["↑", "↓", "=", "new", "↓", "gone", "↑", "new", ""]);
    expect(m.change.map((ch) => changeText(ch, "zh"))).toEqual(["↑", "↓", "=", "新增", "↓", "流失", "↑", "新增", ""]);
  });

  it("counts the changes, the absent customers among the gone", () => {
    const { m } = migrate();
    expect(m.totals).toEqual({ up: 2, down: 2, same: 1, new: 2, gone: 3, other: 0 });
    expect(m.absent).toEqual([
      { id: "7", previous: "A" },
      { id: "C8", previous: "B" },
    ]);
    expect(movementText(m, "en")).toBe("2 moved down, 2 moved up");
  });

  it("builds the matrix previous grade × new grade, with new and gone, in customers and exact amounts", () => {
    const { m } = migrate();
    expect(m.previousGrades).toEqual(["A", "B", "C"]);
    expect(m.grades).toEqual(["A", "B", "C"]);
    // rows: was A, was B, was C, new; columns: now A, now B, now C, gone
    expect(m.counts).toEqual([
      [0, 1, 1, 1], // C2 → B, C5 → C, 7 gone
      [1, 0, 0, 2], // C1 → A, C6 and C8 gone
      [0, 1, 1, 0], // C7 → B, C3 → C
      [1, 1, 0, 0], // C4 → A, 007 → B
    ]);
    // Current amounts where graded now; the previous file's amounts in the gone column (7: 9; C6 2.5 + C8 3).
    expect(m.amounts).toEqual([
      ["0", "6", "0.8", "9"],
      ["10", "0", "0", "5.5"],
      ["0", "7", "0.5", "0"],
      ["20", "5.5", "0", "0"],
    ]);
  });

  it("lists who moved down, largest amount first", () => {
    const { m } = migrate();
    expect(m.movedDown.map((d) => [d.index, d.id, d.previous, d.current, d.amount])).toEqual([
      [1, "C2", "A", "B", "6"],
      [4, "C5", "A", "C", "0.8"],
    ]);
  });

  it("without amounts in the previous file, the gone column has no amount", () => {
    const input = customerColumns(current);
    const res = gradeCustomers(input, shaoxing, { asOf: AS_OF });
    const m = compareGradings(res, { ids: previous.ids, grades: previous.grades }, input.ids);
    expect(m.amounts.map((row) => row[3])).toEqual(["", "", "", ""]);
    expect(m.amounts[1][0]).toBe("10");
  });

  it("a previous grade the profile does not have cannot be ranked: change 'other' (≠) and a matrix row of its own", () => {
    const input = customerColumns([a("C1", 10), c("C2", 1)]);
    const res = gradeCustomers(input, shaoxing, { asOf: AS_OF });
    const m = compareGradings(res, { ids: ["C1", "C2"], grades: ["D", "A"] }, input.ids);
    expect(m.change).toEqual(["other", "down"]);
    expect(changeText("other", "en")).toBe("≠");
    expect(m.previousGrades).toEqual(["A", "B", "C", "D"]);
    expect(m.counts[3]).toEqual([1, 0, 0, 0]);
    expect(m.counts[0]).toEqual([0, 0, 1, 0]);
  });

  it("sales records are matched by the result's own customer ids; numbers and text with the same digits match", () => {
    const sales = {
      ids: [101, "102", 103],
      dates: ["2025-06-01", "2025-01-01", "2025-06-20"],
      amounts: [500, 20, 900],
    };
    const res = gradeSales(sales, quantileProfile("average"), { asOf: AS_OF });
    const m = compareGradings(res, { ids: ["101", 102, "104"], grades: ["A", "A", "B"] });
    expect(res.customers!.ids).toEqual(["101", "102", "103"]);
    expect(m.previous).toEqual(["A", "A", null]);
    expect(m.change[2]).toBe("new");
    expect(m.absent).toEqual([{ id: "104", previous: "B" }]);
  });
});

describe("rfMap", () => {
  it("counts graded customers by R (rows 5…1) and F (columns 1…5)", () => {
    const rows = [
      a("1", 10),
      a("2", 10), // r5 f5
      b("3", 6), //              r4 f4
      c("4", 0.5), //            r1 f1
      { id: "5", d: 25, s: 3, z: 2 }, // r3 (20 < 25 ≤ 30), f2 (2 < 3 ≤ 5)
      { id: "6", d: 1, s: 0, z: 1 }, //  not graded
    ];
    const map = rfMap(gradeCustomers(customerColumns(rows), shaoxing, { asOf: AS_OF }));
    expect(map.r).toEqual([5, 4, 3, 2, 1]);
    expect(map.f).toEqual([1, 2, 3, 4, 5]);
    expect(map.counts).toEqual([
      [0, 0, 0, 0, 2],
      [0, 0, 0, 1, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
    ]);
  });

  it("follows a quantile profile's number of bins", () => {
    const sales = { ids: ["x", "y", "z"], dates: ["2025-06-01", "2025-05-01", "2025-04-01"], amounts: [3, 2, 1] };
    const map = rfMap(gradeSales(sales, quantileProfile("average", 3), { asOf: AS_OF }));
    expect(map.r).toEqual([3, 2, 1]);
    expect(map.f).toEqual([1, 2, 3]);
    // One sale each: F ties for all three (average rule: middle position 1 of 3 → score 2); R 3, 2, 1 by recency.
    expect(map.counts).toEqual([
      [0, 1, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });
});
