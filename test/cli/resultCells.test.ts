/**
 * ResultCells writes each row's result cells as bytes (writeCsv: cached runs, next-grade orders straight from their
 * cents, the words out of reach copied) exactly as the text csvSuffix makes them cell by cell through csvField.
 */

import {
  builtinProfile,
  gradeCustomers,
  gradeSales,
  nextGradeOrders,
  type GradeResult,
  type Lang,
} from "../../src/engine";
import type { GradedTable } from "../../src/cli/gradeTable";
import { ResultCells } from "../../src/cli/resultCells";
import { ByteWriter } from "../../src/cli/xlsx/byteWriter";
import { AS_OF, daysBefore } from "../engine/helpers";
import { customerColumns, seededRandom } from "./helpers";

const day = (k: number) => daysBefore(AS_OF, k);

/** Sales of `customers` customers over `days` days before the analysis date, amounts as `amount` writes them. */
function randomSales(seed: number, n: number, customers: number, days: number, amount: (rnd: () => number) => string) {
  const rnd = seededRandom(seed);
  const ids: string[] = [],
    dates: string[] = [],
    amounts: string[] = [];
  for (let k = 0; k < n; k++) {
    ids.push(`K${Math.floor(rnd() * customers)}`);
    dates.push(day(Math.floor(rnd() * days)));
    amounts.push(amount(rnd));
  }
  return { ids, dates, amounts };
}

/** Every row's bytes from writeCsv against its text from csvSuffix. */
function expectSame(res: GradeResult, lang: Lang): void {
  // ResultCells reads only these of the graded table: no previous grading, notes named as the engine names them.
  const graded = { migration: undefined, noteContext: {} } as unknown as GradedTable;
  const cells = new ResultCells(res, lang, graded);
  const out = new ByteWriter(16);
  for (let i = 0; i < res.n; i++) {
    out.at = 0;
    cells.writeCsv(out, i);
    expect(out.buf.toString("utf8", 0, out.at)).toBe(cells.csvSuffix(i));
  }
}

test.each(["en", "zh", "zh-TW"] as Lang[])(
  "a customer table with the Shaoxing thresholds (orders in yuan, out of reach, none, not graded): %s",
  (lang) => {
    const rnd = seededRandom(5);
    const rows = Array.from({ length: 600 }, (_, k) => [
      `C${k}`,
      day(Math.floor(rnd() * 400) - 3), // a few after the analysis date: not graded
      String(Math.floor(rnd() * 20)), // some 0: not graded
      String(Math.round(rnd() * 12_000_000) / 100),
    ]);
    const res = gradeCustomers(customerColumns(rows), builtinProfile("shaoxing")!, { asOf: AS_OF, unit: "yuan" });
    expectSame(res, lang);
  },
);

test.each(["en", "zh"] as Lang[])("sales records with the Wuhan quintiles (orders in 万元, refunds): %s", (lang) => {
  const sales = randomSales(9, 2000, 400, 500, (rnd) =>
    ((Math.round(rnd() * 90_000_000) - 3_000_000) / 100).toFixed(2),
  );
  const res = gradeSales(sales, builtinProfile("wuhan")!);
  expectSame(res, lang);
});

test("orders of billions, whose cents need all their digits", () => {
  const sales = randomSales(
    13,
    300,
    60,
    200,
    (rnd) => `${Math.floor(rnd() * 2e10)}.${String(Math.floor(rnd() * 10_000)).padStart(4, "0")}`,
  );
  const res = gradeSales(sales, builtinProfile("wuhan")!);
  const orders = nextGradeOrders(res);
  // Orders of more than a billion in the input's unit are among them.
  expect(Array.from(orders.cents).some((c) => c > 1e9 * 10 ** orders.places && c < Infinity)).toBe(true);
  expectSame(res, "en");
});

test("with no note in any row, each row's cells are the same bytes; a note added later is written from then on", () => {
  const rnd = seededRandom(17);
  const rows = Array.from({ length: 400 }, (_, k) => [
    `C${k}`,
    day(Math.floor(rnd() * 400)),
    String(1 + Math.floor(rnd() * 20)),
    String(1 + Math.round(rnd() * 12_000_000) / 100),
  ]);
  const res = gradeCustomers(customerColumns(rows), builtinProfile("shaoxing")!, { asOf: AS_OF, unit: "yuan" });
  expect(res.issues).toEqual([]);
  const graded = { migration: undefined, noteContext: {} } as unknown as GradedTable;
  const cells = new ResultCells(res, "en", graded);
  const noteColumn = cells.columns.findIndex((c) => c.id === "note");
  const written = (i: number) => {
    const out = new ByteWriter(16);
    cells.writeCsv(out, i);
    return out.buf.toString("utf8", 0, out.at);
  };
  for (let i = 0; i < res.n; i++) {
    expect(written(i)).toBe(cells.csvSuffix(i));
    // The note's cell: empty, between the cells before and after it.
    expect(written(i).split(",")[noteColumn + 1]).toBe("");
  }
  cells.addNote(7, "cut to fit");
  expect(written(7).split(",")[noteColumn + 1]).toBe("cut to fit");
  expect(written(8)).toBe(cells.csvSuffix(8));
  expect(written(8).split(",")[noteColumn + 1]).toBe("");
});
