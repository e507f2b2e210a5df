// What a DuckDB user would write (not the profile compiler's SQL), through @duckdb/node-api:
//   node duckdb_rfm.mjs SRC DST [customers|sales|both]
// customers: SRC/customers.csv graded with Shaoxing's thresholds as of 2025-11-11 -> DST/duck_c.csv;
// sales: SRC/sales.csv graded with Wuhan's quintiles (ties share the middle of their group) over 2021-09-01 ..
// 2025-07-01 -> DST/duck_s.csv.
import { DuckDBInstance } from "@duckdb/node-api";

const [src, dst, which = "both"] = process.argv.slice(2);
const instance = await DuckDBInstance.create(":memory:");
const con = await instance.connect();

const customersSql = `
  WITH c AS (
    SELECT *, date_diff('day', "Last order date"::DATE, DATE '2025-11-11') AS D FROM read_csv('${src}/customers.csv')
  ),
  scored AS (
    SELECT *,
      CASE WHEN D <= 10 THEN 5 WHEN D <= 20 THEN 4 WHEN D <= 30 THEN 3 WHEN D <= 50 THEN 2 ELSE 1 END AS r,
      CASE WHEN "Purchase count" <= 2 THEN 1 WHEN "Purchase count" <= 5 THEN 2 WHEN "Purchase count" <= 10 THEN 3
           WHEN "Purchase count" <= 15 THEN 4 ELSE 5 END AS f,
      CASE WHEN "Total amount" <= 1 THEN 1 WHEN "Total amount" <= 3 THEN 2 WHEN "Total amount" <= 5 THEN 3
           WHEN "Total amount" <= 8 THEN 4 ELSE 5 END AS m
    FROM c
  )
  SELECT * EXCLUDE (D), (3 * r + 4 * f + 6 * m) / 10 AS "RFM Score",
    CASE WHEN 3 * r + 4 * f + 6 * m > 60 THEN 'A' WHEN 3 * r + 4 * f + 6 * m > 30 THEN 'B' ELSE 'C' END AS Grade
  FROM scored`;

// Quintile of a value: 5 - floor(5 (2G + T) / 2N), G customers strictly better, T the size of its tie group.
const quintile = (key, dir) =>
  `5 - floor(5 * (2 * (rank() OVER (ORDER BY ${key} ${dir}) - 1) + count(*) OVER (PARTITION BY ${key})) / (2 * n))`;
const salesSql = `
  WITH k AS (
    SELECT "Customer" AS id, max("Order date"::DATE) AS last, count(*) AS S, sum("Amount") AS Z
    FROM read_csv('${src}/sales.csv')
    WHERE "Order date"::DATE BETWEEN DATE '2021-09-01' AND DATE '2025-07-01'
    GROUP BY 1
  ),
  d AS (SELECT *, date_diff('day', last, DATE '2025-07-01') AS D, count(*) OVER () AS n FROM k),
  q AS (SELECT *, ${quintile("D", "ASC")} AS r, ${quintile("S", "DESC")} AS f, ${quintile("Z", "DESC")} AS m FROM d)
  SELECT id, last, S, Z, r, f, m, (3 * r + 3 * f + 4 * m) / 10 AS x,
    CASE WHEN 3 * r + 3 * f + 4 * m >= 40 THEN 'A' WHEN 3 * r + 3 * f + 4 * m >= 30 THEN 'B'
         WHEN 3 * r + 3 * f + 4 * m >= 20 THEN 'C' ELSE 'D' END AS grade
  FROM q`;

const t0 = performance.now();
if (which !== "sales") await con.run(`COPY (${customersSql}) TO '${dst}/duck_c.csv' (HEADER)`);
const t1 = performance.now();
if (which !== "customers") await con.run(`COPY (${salesSql}) TO '${dst}/duck_s.csv' (HEADER)`);
const t2 = performance.now();
console.log(`customers ${(t1 - t0).toFixed(0)} ms, sales ${(t2 - t1).toFixed(0)} ms`);
