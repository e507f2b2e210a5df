/**
 * DuckDB's side of grading a large customer CSV file: the gate (one query over the file as text, and a streamed line
 * count), then the compiled SQL over the typed view, its result copied to a CSV file by DuckDB. Run under
 * /usr/bin/time -v for the peak memory:
 *   npx ts-node --transpile-only -O '{"module":"commonjs","moduleResolution":"node"}' test/bench/duckdbGrade.ts FILE.csv OUT.csv
 * (the file as `writeCustomerCsv` in benchData.ts writes it: Shaoxing headers, amounts in 万元, as of 2025-12-31).
 */

import { DuckDBInstance } from "@duckdb/node-api";
import { builtinProfile, dayFromCivil } from "../../src/engine";
import { gradeSql, inputViewSql } from "../../src/cli/duckdb/gradeQuery";
import { checkStrictCells } from "../../src/cli/duckdb/strictCells";

async function main(): Promise<void> {
  const [path, out, memory = "1GB", threads = "2"] = process.argv.slice(2);
  const db = await DuckDBInstance.create(":memory:", { memory_limit: memory, threads, preserve_insertion_order: "false" });
  const c = await db.connect();
  const columns = { id: "客户编号", date: "下单时间", count: "历史购买总次数", total: "历史购买总金额（万元）" };
  const asOfDay = dayFromCivil(2025, 12, 31);
  const profile = builtinProfile("shaoxing")!;
  let t = Date.now();
  const gate = await checkStrictCells(c, path, columns, { asOfDay, positiveTotal: profile.method === "thresholds" });
  console.log(`gate: ${(Date.now() - t) / 1000} s`, JSON.stringify(gate));
  t = Date.now();
  await c.run(inputViewSql(path, columns));
  const sql = gradeSql(profile, true, { asOfDay, unit: "wan", lang: "en" });
  await c.run(`COPY (${sql}) TO '${out.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`);
  console.log(`grade + write: ${(Date.now() - t) / 1000} s`);
  const counts = (await c.runAndReadAll(`SELECT grade, count(*) AS n FROM read_csv('${out}') GROUP BY 1 ORDER BY 1`)).getRowObjects();
  console.log(counts.map((r) => `${r.grade} ${r.n}`).join("  "));
  c.closeSync();
}

void main();
