/** `rfm sql`: the real command prints the compiled query, and refuses what it cannot compile in the user's language. */

import { buildCli, rfm, tempDir, write } from "./helpers";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
});

test("prints one query for the table and columns named, in the dialect asked for", () => {
  const run = rfm(
    [
      "sql",
      "--profile",
      "wuhan",
      "--dialect",
      "postgres",
      "--table",
      "crm.sales",
      "--map",
      "id=customer_no",
      "--map",
      "date=sold_on",
    ],
    dir,
  );
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('FROM "crm"."sales"');
  expect(run.stdout).toContain('CAST("customer_no" AS VARCHAR)');
  expect(run.stdout).toContain('CAST("sold_on" AS DATE)');
  expect(run.stdout).toContain("DATE '2025-07-01'"); // the profile's own analysis date
  expect(run.stdout).toContain("DATE '2021-09-01'"); // and window start
  expect(run.stdout).not.toContain("//"); // PostgreSQL divides bigints with "/"
});

test("spark quotes with backticks and divides with DIV", () => {
  const run = rfm(["sql", "--profile", "wuhan", "--dialect", "spark"], dir);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("FROM `sales`");
  expect(run.stdout).toContain(" DIV ");
});

test("mysql quotes with backticks, counts days with DATEDIFF, divides with DIV and compares ids byte for byte", () => {
  const run = rfm(
    ["sql", "--profile", "wuhan", "--dialect", "mysql", "--table", "crm.sales", "--map", "id=customer`no"],
    dir,
  );
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("FROM `crm`.`sales`");
  expect(run.stdout).toContain("CAST(`customer``no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin");
  expect(run.stdout).toContain("DATEDIFF(DATE '2025-07-01', last_order_date)");
  expect(run.stdout).toContain(" DIV ");
  // MySQL has neither NULLS LAST nor CAST … AS BIGINT.
  expect(run.stdout).not.toMatch(/NULLS LAST|AS BIGINT/);
  expect(run.stdout).toMatch(/ORDER BY customer_id IS NULL, customer_id\n$/);
});

test("a customer table with --as-of and --unit: bounds move into the table's unit exactly", () => {
  const run = rfm(
    ["sql", "--profile", "shaoxing", "--input", "customers", "--as-of", "2025-12-31", "--unit", "yuan", "--lang", "zh"],
    dir,
  );
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("amount > 80000 THEN 5"); // 8 万元 = 80,000 元
  expect(run.stdout).toContain("每月沟通1–2次");
});

test.each([
  [["sql", "--profile", "shaoxing"], /no default analysis date/],
  [["sql", "--profile", "shaoxing", "--lang", "zh"], /没有默认统计日期/],
  [
    ["sql", "--profile", "wuhan", "--dialect", "oracle"],
    /--dialect "oracle" is not one of: duckdb, postgres, mysql, spark/,
  ],
  [["sql", "--profile", "wuhan", "--as-of", "1/7/2025"], /--as-of "1\/7\/2025" is not a date/],
  [["sql"], /No profile/],
])("refuses %j with one line", (args, message) => {
  const run = rfm(args as string[], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^rfm: /);
  expect(run.stderr).toMatch(message);
  expect(run.stdout).toBe("");
});

test('the tie rule "first" needs --order, in English and Chinese', () => {
  const profile = write(
    dir,
    "first.json",
    JSON.stringify({
      id: "first",
      name: { en: "First", zh: "先到" },
      method: "quantiles",
      monetaryUnit: "yuan",
      ties: "first",
      asOf: "2025-07-01",
      weights: { recency: 1, frequency: 1, monetary: 1 },
      grades: [
        { grade: "A", atLeast: 10, cadence: { en: "a", zh: "甲" } },
        { grade: "B", cadence: { en: "b", zh: "乙" } },
      ],
    }),
  );
  expect(rfm(["sql", "--profile", profile], dir).stderr).toMatch(/add --order COLUMN/);
  expect(rfm(["sql", "--profile", profile, "--lang", "zh"], dir).stderr).toMatch(/请添加 --order 列名/);
  const ok = rfm(["sql", "--profile", profile, "--order", "sold_at"], dir);
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain("MIN(CASE WHEN sale_date <= DATE '2025-07-01' THEN sale_order END) AS order_key");
});
