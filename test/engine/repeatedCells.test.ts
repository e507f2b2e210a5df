/**
 * Sales ids handed over as repeated cells (each distinct cell once, and which one each sale has) must be graded
 * exactly as the same ids handed over one per sale: the same customers in the same order, the same totals, the same
 * skipped sales and notes, the same grades.
 */

import fc from "fast-check";
import { builtinProfile, gradeSales, noteText, repeatedCells, type Cell, type GradeResult } from "../../src/engine";
import { valuesOf } from "./helpers";

const wuhan = builtinProfile("wuhan")!;
const shaoxing = builtinProfile("shaoxing")!;

// Ids that differ only in case or by whitespace, blank ids, errors, numbers with the same digits as a text id.
const idCell: fc.Arbitrary<Cell> = fc.constantFrom<Cell>(
  "A1",
  "a1",
  " A1",
  "A1 ",
  "\tA1",
  "",
  "  ",
  null,
  undefined,
  "#N/A",
  { error: "#REF!" },
  7,
  "7",
  " 7",
  "王小明",
  "王小明 ",
);
const dateCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    "2025-03-04",
    "2025-03-04 10:22",
    "2025-03-04T23:59:59Z",
    "2025/3/4",
    "2025年3月4日",
    "2024-12-31",
    "2026-01-01",
    "2025-02-30",
    "",
    " ",
    null,
    "#VALUE!",
    "soon",
    45720,
    45720.75,
    60,
    new Date(Date.UTC(2025, 5, 30)),
  ),
  fc.integer({ min: 45000, max: 46100 }),
);
const amountCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    "100",
    "-20",
    "0",
    "0.1",
    "0.2",
    "0.0000001",
    "1e308",
    1e308,
    "1,234.5",
    "¥5",
    "abc",
    "",
    null,
    "#DIV/0!",
  ),
  fc.double({ min: -500, max: 5000, noNaN: true }).map((x) => Math.round(x * 100) / 100),
);

function sameResult(a: GradeResult, b: GradeResult): void {
  expect(a.customers).toEqual(b.customers);
  expect(a.saleIssues).toEqual(b.saleIssues);
  expect(a.issues).toEqual(b.issues);
  expect(a.summary).toEqual(b.summary);
  expect(Array.from(a.gradeIndex)).toEqual(Array.from(b.gradeIndex));
  expect(Array.from(a.scoreUnits)).toEqual(Array.from(b.scoreUnits));
  expect(Array.from({ length: a.n }, (_, i) => noteText(a, i, "zh"))).toEqual(
    Array.from({ length: b.n }, (_, i) => noteText(b, i, "zh")),
  );
}

test("repeated id cells grade exactly as the same cells one per sale", () => {
  fc.assert(
    fc.property(
      fc.array(idCell, { minLength: 1, maxLength: 8 }),
      fc.array(fc.tuple(fc.nat(), dateCell, amountCell), { maxLength: 60 }),
      fc.constantFrom(wuhan, shaoxing),
      (keys, sales, profile) => {
        const keyOf = Int32Array.from(sales, ([k]) => k % keys.length);
        const ids = repeatedCells(keys, keyOf);
        const dates = sales.map((s) => s[1]),
          amounts = sales.map((s) => s[2]);
        const options = { asOf: "2025-12-31", windowStart: "2025-01-01" };
        const fast = gradeSales({ ids, dates, amounts }, profile, options);
        const plain = gradeSales({ ids: Array.from(ids), dates, amounts }, profile, options);
        sameResult(fast, plain);
      },
    ),
    { numRuns: 300 },
  );
});

test("the repeated column is still the plain column of cells", () => {
  const ids = repeatedCells(["A", " a", null], Int32Array.of(0, 2, 1, 0));
  expect(Array.from(ids)).toEqual(["A", null, " a", "A"]);
  expect(ids).toHaveLength(4);
});

test("one key whose first sale is unreadable: the customer appears at its first readable sale, notes name each bad sale", () => {
  // Sale 0 is key 0 with a bad date, sale 1 is key 1, sale 2 is key 0 again and readable.
  const ids = repeatedCells(["B", "A"], Int32Array.of(0, 1, 0, 0));
  const res = gradeSales(
    { ids, dates: ["2025-02-30", "2025-03-01", "2025-03-02", "2024-01-01"], amounts: ["5", "6", "-1", "2"] },
    wuhan,
    { asOf: "2025-12-31", windowStart: "2025-01-01" },
  );
  expect(res.customers!.ids).toEqual(["A", "B"]);
  expect(Array.from(res.customers!.count)).toEqual([1, 1]);
  expect(valuesOf(res.customers!.total)).toEqual([6, -1]);
  expect(res.saleIssues!.map((s) => [s.index, s.code])).toEqual([[0, "saleDateInvalid"]]);
  expect(res.summary.sales).toEqual({ read: 4, kept: 2, outsideWindow: 1, skipped: 1 });
});

test("thousands of customers: each id text is one customer, numbered in order of its first sale, whichever path", () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3000, size: "max" }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: -50, max: 500 }), fc.constantFrom("", " ", "\t")), {
        minLength: 1,
        maxLength: 6000,
        size: "max",
      }),
      (pool, picks) => {
        // Ids are trimmed: " x" and "x" are one customer. A pool id made only of spaces is no id at all.
        const sales = picks.map(([k, amount, pad]) => ({ id: pad + pool[k % pool.length], amount }));
        const expected = new Map<string, { count: number; total: number }>();
        for (const s of sales) {
          const id = s.id.trim();
          if (id === "") continue;
          const c = expected.get(id) ?? { count: 0, total: 0 };
          c.count++;
          c.total += s.amount;
          expected.set(id, c);
        }
        const input = {
          ids: sales.map((s) => s.id),
          dates: sales.map(() => "2025-06-30"),
          amounts: sales.map((s) => s.amount),
        };
        const distinct = [...new Set(input.ids)];
        const keyNumber = new Map(distinct.map((id, k) => [id, k]));
        const keyOf = Int32Array.from(input.ids, (id) => keyNumber.get(id)!);
        for (const ids of [input.ids, repeatedCells(distinct, keyOf)]) {
          const res = gradeSales({ ...input, ids }, wuhan, { asOf: "2025-12-31" });
          expect(res.customers!.ids).toEqual([...expected.keys()]);
          expect(Array.from(res.customers!.count)).toEqual([...expected.values()].map((c) => c.count));
          expect(valuesOf(res.customers!.total)).toEqual([...expected.values()].map((c) => c.total));
        }
      },
    ),
    { numRuns: 30 },
  );
});

test("ids whose hashes collide are still different customers", () => {
  // FNV-1a gives "costarring" and "liquid" (and "declinate" and "macallums") the same 32-bit hash.
  const ids = ["costarring", "liquid", "declinate", "macallums", "liquid", "costarring"];
  const res = gradeSales({ ids, dates: ids.map(() => "2025-06-30"), amounts: [1, 2, 3, 4, 5, 6] }, wuhan, {
    asOf: "2025-12-31",
  });
  expect(res.customers!.ids).toEqual(["costarring", "liquid", "declinate", "macallums"]);
  expect(valuesOf(res.customers!.total)).toEqual([7, 7, 3, 4]);
});

test("a description that names a key that is not there is not trusted: the cells are read one by one", () => {
  const ids = repeatedCells(["A", "B"], Int32Array.of(0, 1, 0));
  (ids.repeats.keyOf as Int32Array)[2] = 7; // the cells still say "A"
  const res = gradeSales({ ids, dates: ["2025-06-30", "2025-06-30", "2025-06-30"], amounts: [1, 2, 3] }, wuhan, {
    asOf: "2025-12-31",
  });
  expect(res.customers!.ids).toEqual(["A", "B"]);
  expect(valuesOf(res.customers!.total)).toEqual([4, 2]);
});
