/**
 * On a file the gate passed, the values DuckDB reads from the gate's table of typed cells are the ones the engine reads
 * from the same texts (D, S and Z, row by row, in file order), and the engine's grading of them matches its own
 * grading of the texts: R, F, M, score, grade and summary, row by row, for the built-in and custom profiles (ties
 * "first" included), in both units, on a random table with heavy ties.
 */

import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  cellNumber,
  dayFromCivil,
  formatDay,
  gradeCheckedCustomers,
  gradeCustomers,
  gradeLetter,
  parseDateText,
  scoreText,
  type MonetaryUnit,
  type Profile,
} from "../../../src/engine";
import { readCheckedCustomers } from "../../../src/cli/duckdb/gradeQuery";
import { checkStrictCells } from "../../../src/cli/duckdb/strictCells";
import { BUILTINS, CUSTOM_PROFILES, random } from "../../engine/compile/sqlHarness";

const AS_OF = dayFromCivil(2025, 7, 1);
// The file's columns by position (the gate is told the width): Region, Customer, Last, Orders, Spent.
const COLUMNS = { id: "c1", date: "c2", count: "c3", total: "c4" };
let connection: DuckDBConnection;
let dir: string;

interface Row {
  id: string;
  date: string;
  count: string;
  total: string;
}

/** Strict cells only, few distinct values so that ties are everywhere. */
function strictCustomers(seed: number, n: number): Row[] {
  const rnd = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const totals = ["0.5", "1", "3", "3.000001", "8", "12.75", "0.01", "123456789.123456", "2000", "1999.99"];
  const counts = ["1", "2", "3", "5", "16", "7"];
  return Array.from({ length: n }, (_, i) => ({
    id: `K${i}`,
    date: formatDay(AS_OF - Math.floor(rnd() * 70)),
    count: pick(counts),
    total: pick(totals),
  }));
}

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
  dir = mkdtempSync(join(tmpdir(), "rfm-duckgrade-"));
});
afterAll(() => {
  connection?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const rows = strictCustomers(7, 900);
const cases: [Profile, MonetaryUnit][] = [];
for (const p of [...BUILTINS, ...CUSTOM_PROFILES]) for (const unit of ["yuan", "wan"] as const) cases.push([p, unit]);

test.each(cases.map(([p, u]) => [p.id, u, p] as const))(
  "%s in %s: the values DuckDB reads, graded by the engine, match the engine's grading of the texts row by row",
  async (_id, unit, profile) => {
    const path = join(dir, "customers.csv");
    // Extra columns around the roles: the gate and the grading find them by position.
    writeFileSync(
      path,
      "Region,Customer,Last,Orders,Spent\n" +
        rows.map((r) => `East,${r.id},${r.date},${r.count},${r.total}`).join("\n") +
        "\n",
    );
    const positiveTotal = profile.method === "thresholds";
    const gate = await checkStrictCells(connection, path, COLUMNS, { asOfDay: AS_OF, positiveTotal }, 5);
    expect(gate.strict).toBe(true);

    expect(gate.rows).toBe(rows.length);
    const values = await readCheckedCustomers(connection, gate.rows);
    // The numbers each row stands for are the ones the engine reads from its texts.
    expect(Array.from(values.days)).toEqual(rows.map((row) => AS_OF - parseDateText(row.date)!));
    expect(Array.from(values.count)).toEqual(rows.map((row) => Number(row.count)));
    expect(Array.from(values.money)).toEqual(rows.map((row) => cellNumber(row.total)));
    const duck = gradeCheckedCustomers(values, profile, { asOf: AS_OF, unit });

    const res = gradeCustomers(
      {
        ids: rows.map((r) => r.id),
        lastDates: rows.map((r) => r.date),
        counts: rows.map((r) => r.count),
        totals: rows.map((r) => r.total),
      },
      profile,
      { asOf: AS_OF, unit },
    );
    expect(res.issues).toEqual([]);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      const got = [duck.r[i], duck.f[i], duck.m[i], scoreText(duck, i), gradeLetter(duck, i)];
      const want = [res.r[i], res.f[i], res.m[i], scoreText(res, i), gradeLetter(res, i)];
      if (JSON.stringify(got) !== JSON.stringify(want))
        mismatches.push(`${row.id}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(duck.summary).toEqual(res.summary);
    // Ties really happen: each column has far fewer distinct values than rows.
    for (const key of ["date", "count", "total"] as const)
      expect(new Set(rows.map((row) => row[key])).size).toBeLessThan(rows.length / 10);
  },
);

test("the tie rule 'first' follows the file's order: the same rows in another order get other scores", async () => {
  const profile = CUSTOM_PROFILES.find((p) => p.id === "deciles-first")!;
  const scoresOf = async (ordered: Row[]) => {
    const path = join(dir, "order.csv");
    writeFileSync(
      path,
      "Customer,Last,Orders,Spent\n" + ordered.map((r) => `${r.id},${r.date},${r.count},${r.total}`).join("\n") + "\n",
    );
    await checkStrictCells(
      connection,
      path,
      { id: "c0", date: "c1", count: "c2", total: "c3" },
      { asOfDay: AS_OF, positiveTotal: false },
      4,
    );
    const values = await readCheckedCustomers(connection, ordered.length);
    const graded = gradeCheckedCustomers(values, profile, { asOf: AS_OF, unit: "yuan" });
    return new Map(ordered.map((row, i) => [row.id, graded.f[i]]));
  };
  // Twenty customers with one purchase count: "first" spreads them over the deciles by their position in the file.
  const same = Array.from({ length: 20 }, (_, i) => ({ id: `T${i}`, date: "2025-06-01", count: "3", total: "10" }));
  const forward = await scoresOf(same);
  const backward = await scoresOf([...same].reverse());
  expect(forward.get("T0")).toBe(10);
  expect(forward.get("T19")).toBe(1);
  expect(backward.get("T0")).toBe(1);
  expect(backward.get("T19")).toBe(10);
});

test("rows that are not the gate's stop the reading: a row beyond the count, or one missing", async () => {
  const path = join(dir, "three.csv");
  writeFileSync(path, "Customer,Last,Orders,Spent\nA,2025-06-01,3,10\nB,2025-06-02,4,11\nC,2025-06-03,5,12\n");
  await checkStrictCells(
    connection,
    path,
    { id: "c0", date: "c1", count: "c2", total: "c3" },
    { asOfDay: AS_OF, positiveTotal: false },
    4,
  );
  await expect(readCheckedCustomers(connection, 2)).rejects.toThrow("row 2 of 2");
  await expect(readCheckedCustomers(connection, 4)).rejects.toThrow("3 rows for 4 lines");
  const values = await readCheckedCustomers(connection, 3);
  expect(Array.from(values.count)).toEqual([3, 4, 5]);
});
