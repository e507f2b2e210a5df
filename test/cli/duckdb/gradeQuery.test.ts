/**
 * On a file the gate passed, DuckDB running the compiled SQL over the file read as text grades every row exactly as
 * the engine grades the same texts: R, F, M, score and grade, row by row, for the built-in and custom profiles, in
 * both units, on a random table with heavy ties.
 */

import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { dayFromCivil, formatDay, gradeCustomers, gradeLetter, scoreText, type MonetaryUnit, type Profile } from "../../../src/engine";
import { gradeSql, inputViewSql, profileDeclined } from "../../../src/cli/duckdb/gradeQuery";
import { checkStrictCells } from "../../../src/cli/duckdb/strictCells";
import { BUILTINS, CUSTOM_PROFILES, random } from "../../engine/compile/sqlHarness";

const AS_OF = dayFromCivil(2025, 7, 1);
const COLUMNS = { id: "Customer", date: "Last", count: "Orders", total: "Spent" };
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

test("a profile whose ties rule is 'first' is declined (the file order is not provable in DuckDB)", () => {
  expect(CUSTOM_PROFILES.filter((p) => profileDeclined(p, p.monetaryUnit) !== null).map((p) => p.id)).toEqual(["deciles-first"]);
  expect(BUILTINS.every((p) => profileDeclined(p, "yuan") === null)).toBe(true);
});

test.each(cases.filter(([p, u]) => profileDeclined(p, u) === null).map(([p, u]) => [p.id, u, p] as const))(
  "%s in %s: DuckDB grades every row as the engine does",
  async (_id, unit, profile) => {
    const path = join(dir, "customers.csv");
    writeFileSync(path, "Customer,Last,Orders,Spent\n" + rows.map((r) => `${r.id},${r.date},${r.count},${r.total}`).join("\n") + "\n");
    const positiveTotal = profile.method === "thresholds";
    const gate = await checkStrictCells(connection, path, COLUMNS, { asOfDay: AS_OF, positiveTotal });
    expect(gate.strict).toBe(true);

    await connection.run(inputViewSql(path, COLUMNS));
    const sql = gradeSql(profile, true, { asOfDay: AS_OF, unit, lang: "en" });
    const got = new Map<string, Record<string, unknown>>();
    for (const r of (await connection.runAndReadAll(sql)).getRowObjects()) got.set(String(r.customer_id), r);

    const res = gradeCustomers(
      { ids: rows.map((r) => r.id), lastDates: rows.map((r) => r.date), counts: rows.map((r) => r.count), totals: rows.map((r) => r.total) },
      profile,
      { asOf: AS_OF, unit },
    );
    expect(res.issues).toEqual([]);
    expect(got.size).toBe(rows.length);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      const d = got.get(row.id)!;
      const duck = [Number(d.r_score), Number(d.f_score), Number(d.m_score), Number(String(d.rfm_score)), d.grade, d.note];
      const engine = [res.r[i], res.f[i], res.m[i], Number(scoreText(res, i)), gradeLetter(res, i), null];
      if (JSON.stringify(duck) !== JSON.stringify(engine)) mismatches.push(`${row.id}: ${JSON.stringify(duck)} vs ${JSON.stringify(engine)}`);
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    // Ties really happen: far fewer distinct (R, F, M) than rows.
    expect(new Set(rows.map((_, i) => `${res.r[i]}${res.f[i]}${res.m[i]}`)).size).toBeLessThan(rows.length / 4);
  },
);
