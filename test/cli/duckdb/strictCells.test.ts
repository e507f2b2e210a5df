/**
 * The DuckDB gate accepts only cells the engine reads to the same value, with no note: every accepted cell is read
 * again by the engine's own readers and by DuckDB's casts, and the two must agree.
 */

import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { builtinProfile, cellNumber, dayFromCivil, formatDay, gradeCustomers, parseDay } from "../../../src/engine";
import { indexDataLines } from "../../../src/cli/plain/csvLines";
import { checkStrictCells, csvAsText, strictCondition } from "../../../src/cli/duckdb/strictCells";

const AS_OF = dayFromCivil(2025, 6, 30);
const OPTIONS = { asOfDay: AS_OF, positiveTotal: true };
let connection: DuckDBConnection;
let dir: string;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
  dir = mkdtempSync(join(tmpdir(), "rfm-strict-"));
});
afterAll(() => {
  connection?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Strict forms and near misses of each, including forms the engine reads (those simply go to the engine).
const DATES = [
  "2025-01-02",
  "2025-06-30",
  "2025-07-01",
  "2024-02-29",
  "2025-02-29",
  "2025-02-30",
  "2025-1-2",
  "2025/01/02",
  " 2025-01-02",
  "2025-01-02 10:00",
  "0999-12-31",
  "1000-01-01",
  "2025年1月2日",
  "45000",
  "",
  "#N/A",
  "9999-12-31",
];
const COUNTS = [
  "1",
  "3",
  "0",
  "-1",
  "01",
  "1.0",
  "1.5",
  "1e3",
  " 3",
  "1,000",
  "+2",
  "999999999999999",
  "1000000000000000",
  "",
];
const TOTALS = [
  "10.5",
  "0",
  "0.000",
  "0.01",
  ".5",
  "1.",
  "1,000.00",
  "¥10",
  "+1",
  "-3",
  "123456789.123456",
  "1234567890",
  "1.1234567",
  "1e3",
  "007",
  "0.1",
  "",
];

async function flags(values: string[], role: "date" | "count" | "total"): Promise<boolean[]> {
  // One column, one value per row, a row number column so DuckDB's order cannot matter.
  const path = write(
    `${role}.csv`,
    "n,v\n" + values.map((v, i) => `${i},${v.includes(",") ? `"${v}"` : v}`).join("\n") + "\n",
  );
  const sql = `SELECT CAST(n AS INTEGER) AS n, ${strictCondition(role, "v", OPTIONS)} AS ok FROM ${csvAsText(path)} ORDER BY 1`;
  const rows = (await connection.runAndReadAll(sql)).getRowObjects();
  expect(rows).toHaveLength(values.length);
  return rows.map((r) => r.ok === true);
}

async function duckText(sql: string): Promise<string> {
  return String((await connection.runAndReadAll(`SELECT CAST((${sql}) AS VARCHAR) AS t`)).getRowObjects()[0].t);
}

test("accepted dates are days the engine reads identically, on or before the analysis date", async () => {
  const ok = await flags(DATES, "date");
  const accepted = DATES.filter((_, i) => ok[i]);
  expect(accepted).toEqual(["2025-01-02", "2025-06-30", "2024-02-29", "1000-01-01"]);
  for (const v of accepted) {
    const day = parseDay(v);
    expect(day).not.toBeNull();
    expect(day!).toBeLessThanOrEqual(AS_OF);
    expect(await duckText(`CAST('${v}' AS DATE)`)).toBe(formatDay(day!));
  }
});

test("accepted counts are positive whole numbers written as the engine writes them", async () => {
  const ok = await flags(COUNTS, "count");
  const accepted = COUNTS.filter((_, i) => ok[i]);
  expect(accepted).toEqual(["1", "3", "999999999999999"]);
  for (const v of accepted) {
    const n = cellNumber(v);
    expect(Number.isSafeInteger(n) && n > 0).toBe(true);
    expect(await duckText(`CAST('${v}' AS BIGINT)`)).toBe(String(n));
  }
});

test("accepted totals are plain positive decimals of at most 15 digits, the same number to both", async () => {
  const ok = await flags(TOTALS, "total");
  const accepted = TOTALS.filter((_, i) => ok[i]);
  expect(accepted).toEqual(["10.5", "0.01", "123456789.123456", "0.1"]);
  for (const v of accepted) {
    const n = cellNumber(v);
    expect(n > 0).toBe(true);
    // The exact decimal DuckDB's SQL compares is the decimal the engine's double stands for (at most 15 digits).
    const exact = await duckText(`CAST('${v}' AS DECIMAL(38, 6))`);
    expect(Number(exact)).toBe(n);
    expect(Number(n.toPrecision(15))).toBe(n);
  }
});

test("quantile profiles accept a total of zero (only thresholds refuse it)", async () => {
  const path = write("zero.csv", "v\n0\n0.00\n");
  const sql = `SELECT ${strictCondition("total", "v", { asOfDay: AS_OF, positiveTotal: false })} AS ok FROM ${csvAsText(path)}`;
  expect((await connection.runAndReadAll(sql)).getRowObjects().map((r) => r.ok)).toEqual([true, true]);
});

const COLUMNS = { id: "Customer", date: "Last", count: "Orders", total: "Spent" };
const HEADER = "Customer,Last,Orders,Spent,Region\n";

test("a strict file is graded by the engine without a single note", async () => {
  const body = [
    "C001,2025-06-01,4,1200.50,East",
    "C002,2024-12-31,1,80,West",
    'C003,2025-06-30,12,99999.99,"North, far"',
  ];
  const path = write("strict.csv", HEADER + body.join("\n") + "\n");
  const check = await checkStrictCells(connection, path, COLUMNS, OPTIONS);
  expect(check).toEqual({ rows: 3, offending: { id: 0, date: 0, count: 0, total: 0 }, strict: true });
  const res = gradeCustomers(
    {
      ids: ["C001", "C002", "C003"],
      lastDates: ["2025-06-01", "2024-12-31", "2025-06-30"],
      counts: ["4", "1", "12"],
      totals: ["1200.50", "80", "99999.99"],
    },
    builtinProfile("wuhan")!,
    { asOf: AS_OF },
  );
  expect(res.issues).toEqual([]);
});

test("each kind of non-strict cell is counted under its column (a repeated id is not the gate's to count)", async () => {
  const body = [
    "C001,2025-07-01,4,10,x", // after the analysis date
    "C002,2025-06-01,0,10,x", // no purchases
    'C003,2025-06-01,2,"1,000",x', // grouped digits: the engine reads them, DuckDB's cast would not
    "C003,2025-06-01,2,10,x", // C003 again: found while the lines are split (csvLines), not here
    " C005,2025-06-01,2,10,x", // a space the engine trims
    "C006,2025/06/01,2,10,x",
  ];
  const check = await checkStrictCells(
    connection,
    write("mixed.csv", HEADER + body.join("\n") + "\n"),
    COLUMNS,
    OPTIONS,
  );
  expect(check.rows).toBe(6);
  expect(check.offending).toEqual({ id: 1, date: 2, count: 1, total: 1 });
  expect(check.strict).toBe(false);
});

test("a file DuckDB cannot read as comma-separated UTF-8 text is not strict, with DuckDB's reason", async () => {
  const semicolons = write("semi.csv", "Customer;Last;Orders;Spent\nC001;2025-06-01;4;10\n");
  const a = await checkStrictCells(connection, semicolons, COLUMNS, OPTIONS);
  expect(a.strict).toBe(false);
  expect(a.readError).toBeTruthy();
  const gbk = join(dir, "gbk.csv");
  writeFileSync(
    gbk,
    Buffer.concat([Buffer.from(HEADER), Buffer.from([0xc9, 0xcf, 0xba, 0xa3]), Buffer.from(",2025-06-01,4,10,x\n")]),
  );
  const b = await checkStrictCells(connection, gbk, COLUMNS, OPTIONS);
  expect(b.strict).toBe(false);
  // An empty line: the engine keeps it as a blank row, DuckDB skips it, so the rows would no longer line up. The
  // cells are strict; the command line's own reading of the lines refuses the file (csvLines.ts).
  const emptyLine = write("empty.csv", HEADER + "C001,2025-06-01,4,10,x\n\nC002,2025-06-01,4,10,x");
  const c = await checkStrictCells(connection, emptyLine, COLUMNS, OPTIONS);
  expect(c).toMatchObject({ rows: 2, offending: { id: 0, date: 0, count: 0, total: 0 } });
  expect((await indexDataLines(emptyLine, HEADER.length, false)).problem).toBe("emptyLine");
  // A quoted line break: two lines, one row.
  const quotedBreak = write("break.csv", HEADER + 'C001,2025-06-01,4,10,"two\nlines"\n');
  expect(await checkStrictCells(connection, quotedBreak, COLUMNS, OPTIONS)).toMatchObject({ rows: 1 });
  expect((await indexDataLines(quotedBreak, HEADER.length, false)).problem).toBe("quotes");
  const ragged = write("ragged.csv", HEADER + "C001,2025-06-01,4,10\n");
  expect((await checkStrictCells(connection, ragged, COLUMNS, OPTIONS)).strict).toBe(false);
});
