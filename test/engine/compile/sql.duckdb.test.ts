/** The compiled SQL, run by DuckDB (embedded), grades exactly as the engine does, row by row. */

import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { builtinProfile } from "../../../src/engine";
import { compileSql } from "../../../src/engine/compile/sql";
import { sqlCases, type SqlRunner } from "./sqlHarness";

let connection: DuckDBConnection;
let db: SqlRunner;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
  db = {
    dialect: "duckdb",
    exec: async (sql) => {
      await connection.run(sql);
    },
    rows: async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      return reader
        .getRowObjectsJson()
        .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)])));
    },
  };
});

afterAll(() => {
  connection?.closeSync();
});

describe("compiled SQL on DuckDB", () => {
  for (const c of sqlCases()) {
    test(c.name, async () => {
      const { actual, expected } = await c.run(db);
      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }
});

describe("exact arithmetic in the database", () => {
  test("0.3·2 + 0.4·3 + 0.6·2 is 3, grade C: the score is a DECIMAL, not a double", async () => {
    await db.exec(`CREATE OR REPLACE TABLE c1 (id VARCHAR, "date" DATE, "count" INTEGER, total DECIMAL(10,2));
      INSERT INTO c1 VALUES ('x', DATE '2025-11-21', 6, 1.5)`);
    const sql = compileSql(builtinProfile("shaoxing")!, { input: "customers", table: "c1", asOf: "2025-12-31" });
    const [row] = await db.rows(sql);
    // r = 2 (30 < D = 40 ≤ 50), f = 3 (5 < S ≤ 10), m = 2 (1 < Z ≤ 3): X = 0.6 + 1.2 + 1.2 = 3, not above 3 → C
    expect([row.r_score, row.f_score, row.m_score, row.rfm_score, row.grade]).toEqual(["2", "3", "2", "3.0", "C"]);
    const typeOf = await connection.runAndReadAll(`SELECT typeof(rfm_score) AS t FROM (${sql})`);
    expect(String(typeOf.getRowObjectsJson()[0].t)).toMatch(/^DECIMAL/);
  });
});

describe("the columns of the query", () => {
  test("are the ones README lists: no next-grade order (a smallest amount found by search, not a query's)", async () => {
    await db.exec(`CREATE OR REPLACE TABLE c2 (id VARCHAR, "date" DATE, "count" INTEGER, total DECIMAL(10,2));
      INSERT INTO c2 VALUES ('x', DATE '2025-11-21', 6, 1.5)`);
    for (const id of ["shaoxing", "wuhan"]) {
      const sql = compileSql(builtinProfile(id)!, { input: "customers", table: "c2", asOf: "2025-12-31" });
      const [row] = await db.rows(sql);
      expect(Object.keys(row)).toEqual([
        "customer_id",
        "last_order_date",
        "purchases",
        "amount",
        "r_score",
        "f_score",
        "m_score",
        "rfm_score",
        "grade",
        "cadence",
        "note",
        "next_contact_by",
      ]);
    }
  });
});
