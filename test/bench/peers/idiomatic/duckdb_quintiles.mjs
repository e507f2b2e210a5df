// What a DuckDB user would write: Wuhan-style quintiles (ties share the middle of their group) over a customer table,
// as of 2025-11-11.   node duckdb_quintiles.mjs SRC.csv DST.csv
import { DuckDBInstance } from "@duckdb/node-api";

const [src, dst] = process.argv.slice(2);
const instance = await DuckDBInstance.create(":memory:");
const con = await instance.connect();
const quintile = (key, dir) =>
  `5 - floor(5 * (2 * (rank() OVER (ORDER BY ${key} ${dir}) - 1) + count(*) OVER (PARTITION BY ${key})) / (2 * n))`;
const t0 = performance.now();
await con.run(`COPY (
  WITH d AS (
    SELECT *, date_diff('day', "Last order date"::DATE, DATE '2025-11-11') AS D, count(*) OVER () AS n
    FROM read_csv('${src}')
  ),
  q AS (
    SELECT *, ${quintile("D", "ASC")} AS r, ${quintile('"Purchase count"', "DESC")} AS f,
      ${quintile('"Total amount"', "DESC")} AS m
    FROM d
  )
  SELECT * EXCLUDE (D, n), (3 * r + 3 * f + 4 * m) / 10 AS "RFM Score",
    CASE WHEN 3 * r + 3 * f + 4 * m >= 40 THEN 'A' WHEN 3 * r + 3 * f + 4 * m >= 30 THEN 'B'
         WHEN 3 * r + 3 * f + 4 * m >= 20 THEN 'C' ELSE 'D' END AS Grade
  FROM q
) TO '${dst}' (HEADER)`);
console.log(`customers quintiles ${(performance.now() - t0).toFixed(0)} ms`);
