/**
 * On a file the gate passed, DuckDB running the compiled SQL over the gate's table of typed cells gives every row the
 * sub-scores the engine gives the same texts, and the engine's composite and grade from them match its own grading:
 * R, F, M, score and grade, row by row, for the built-in and custom profiles (ties "first" included), in both units,
 * on a random table with heavy ties.
 */

import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  cellNumber, dayFromCivil, formatDay, gradeCustomers, gradeLetter, gradeScoredCustomers, scoreText, type MonetaryUnit,
  type Profile,
} from "../../../src/engine";
import { latestDaySql, moneySql, rowsViewSql, subScoresSql } from "../../../src/cli/duckdb/gradeQuery";
import { checkStrictCells } from "../../../src/cli/duckdb/strictCells";
import { BUILTINS, CUSTOM_PROFILES, random } from "../../engine/compile/sqlHarness";

const AS_OF = dayFromCivil(2025, 7, 1);
// The file's columns by position (the gate is told the width): Region, Customer, Last, Orders, Spent.
const COLUMNS = { id: "c1", date: "c2", count: "c3", total: "c4" };
let connection: DuckDBConnection;
let dir: string;

interface Row { id: string; date: string; count: string; total: string }

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
  "%s in %s: DuckDB's sub-scores, with the engine's composite and grade, match the engine row by row",
  async (_id, unit, profile) => {
    const path = join(dir, "customers.csv");
    // Extra columns around the roles: the gate and the grading find them by position.
    writeFileSync(path, "Region,Customer,Last,Orders,Spent\n" + rows.map((r) => `East,${r.id},${r.date},${r.count},${r.total}`).join("\n") + "\n");
    const positiveTotal = profile.method === "thresholds";
    const gate = await checkStrictCells(connection, path, COLUMNS, { asOfDay: AS_OF, positiveTotal }, 5);
    expect(gate.strict).toBe(true);

    await connection.run(rowsViewSql());
    const r = new Uint8Array(rows.length), f = new Uint8Array(rows.length), m = new Uint8Array(rows.length);
    const seen = new Set<number>();
    const scores = subScoresSql(profile, { asOfDay: AS_OF, unit, lang: "en" });
    await connection.run(scores.fill);
    for (const d of (await connection.runAndReadAll(scores.read)).getRowObjects()) {
      const rn = Number(d.rn), code = Number(d.code);
      seen.add(rn);
      // r·1000² + f·1000 + m
      [r[rn], f[rn], m[rn]] = [Math.floor(code / 1e6), Math.floor(code / 1e3) % 1000, code % 1000];
    }
    expect(seen.size).toBe(rows.length);
    const money = new Float64Array(rows.length);
    for (const d of (await connection.runAndReadAll(moneySql())).getRowObjects()) money[Number(d.rn)] = Number(d.money);
    // The number each total stands for is the one the engine reads from its text.
    expect(Array.from(money)).toEqual(rows.map((row) => cellNumber(row.total)));
    const [latest] = (await connection.runAndReadAll(latestDaySql())).getRowObjects();
    const duck = gradeScoredCustomers({ r, f, m, money, latestDay: Number(latest.day) }, profile, { asOf: AS_OF, unit });

    const res = gradeCustomers(
      { ids: rows.map((r) => r.id), lastDates: rows.map((r) => r.date), counts: rows.map((r) => r.count), totals: rows.map((r) => r.total) },
      profile,
      { asOf: AS_OF, unit },
    );
    expect(res.issues).toEqual([]);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      const got = [duck.r[i], duck.f[i], duck.m[i], scoreText(duck, i), gradeLetter(duck, i)];
      const want = [res.r[i], res.f[i], res.m[i], scoreText(res, i), gradeLetter(res, i)];
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${row.id}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(duck.summary).toEqual(res.summary);
    // Ties really happen: each column has far fewer distinct values than rows.
    for (const key of ["date", "count", "total"] as const) expect(new Set(rows.map((row) => row[key])).size).toBeLessThan(rows.length / 10);
  },
);

test("the tie rule 'first' follows the file's order: the same rows in another order get other scores", async () => {
  const profile = CUSTOM_PROFILES.find((p) => p.id === "deciles-first")!;
  const scoresOf = async (ordered: Row[]) => {
    const path = join(dir, "order.csv");
    writeFileSync(path, "Customer,Last,Orders,Spent\n" + ordered.map((r) => `${r.id},${r.date},${r.count},${r.total}`).join("\n") + "\n");
    await checkStrictCells(connection, path, { id: "c0", date: "c1", count: "c2", total: "c3" }, { asOfDay: AS_OF, positiveTotal: false }, 4);
    await connection.run(rowsViewSql());
    const byId = new Map<string, number>();
    const scores = subScoresSql(profile, { asOfDay: AS_OF, unit: "yuan", lang: "en" });
    await connection.run(scores.fill);
    for (const d of (await connection.runAndReadAll(scores.read)).getRowObjects()) {
      byId.set(ordered[Number(d.rn)].id, Math.floor(Number(d.code) / 1e3) % 1000);
    }
    return byId;
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
