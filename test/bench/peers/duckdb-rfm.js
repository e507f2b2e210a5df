/**
 * The DuckDB peer of `npm run bench`: a script on @duckdb/node-api that reads the same CSV, grades it with the SQL the
 * profile compiler prints (the same rules, exactly), and writes CSV, as a user of DuckDB would. Whole process timed.
 *   node duckdb-rfm.js customers|sales INPUT.csv OUTPUT.csv
 * Needs the compiled command line (dist/node) for compileSql.
 */
const { join } = require("path"); // eslint-disable-line @typescript-eslint/no-require-imports

const CUSTOMERS = { id: "客户编号", date: "下单时间", count: "历史购买总次数", total: "历史购买总金额（万元）" };
const SALES = { id: "客户", date: "消费时间", amount: "消费金额" };

async function main([kind, input, output]) {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const { builtinProfile, compileSql } = await import(join(__dirname, "../../../dist/node/engine/index.js"));
  const customers = kind === "customers";
  const sql = compileSql(builtinProfile(customers ? "shaoxing" : "wuhan"), {
    dialect: "duckdb",
    input: customers ? "customers" : "transactions",
    table: "input",
    columns: customers ? CUSTOMERS : SALES,
    asOf: customers ? "2025-12-31" : undefined,
  });
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  const quoted = (p) => `'${p.replace(/'/g, "''")}'`;
  await con.run(`CREATE VIEW input AS SELECT * FROM read_csv(${quoted(input)}, header = true)`);
  const query = sql
    .replace(/;\s*$/, "")
    .split("\n")
    .filter((l) => !l.startsWith("--"))
    .join("\n");
  await con.run(`COPY (${query}) TO ${quoted(output)} (HEADER, DELIMITER ',')`);
  con.closeSync?.();
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
