/**
 * The quick reading of plain customer tables: it accepts exactly the cells the DuckDB gate accepts (both decide which
 * files skip the full reader, so they must agree), reads them to the values the engine's own readers give, notes where
 * every line lies, and stops at the first line the full reader's output would not copy as it is.
 */

import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cellNumber, dayFromCivil, parseDay } from "../../../src/engine";
import { csvAsText, strictCondition } from "../../../src/cli/duckdb/strictCells";
import { readPlainCustomers, type PlainColumns } from "../../../src/cli/plain/plainCustomers";

const AS_OF = dayFromCivil(2025, 6, 30);
const FORMS = { asOfDay: AS_OF, positiveTotal: true };
const HEADER = "id,date,note,count,total";
const COLUMNS: PlainColumns = { width: 5, id: 0, date: 1, count: 3, total: 4 };
let connection: DuckDBConnection;
let dir: string;
let files = 0;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
  dir = mkdtempSync(join(tmpdir(), "rfm-plain-"));
});
afterAll(() => {
  connection?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

function file(text: string | Buffer): string {
  const path = join(dir, `t${files++}.csv`);
  writeFileSync(path, text);
  return path;
}

/** Reads a file whose first line is HEADER (LF or CRLF as `crlf` says). */
async function read(text: string | Buffer, crlf = false, columns = COLUMNS, forms = FORMS) {
  const start = HEADER.length + (crlf ? 2 : 1);
  return readPlainCustomers(file(text), start, crlf, columns, forms, 4);
}

const row = (cells: Partial<Record<"id" | "date" | "note" | "count" | "total", string>>) =>
  [cells.id ?? "K1", cells.date ?? "2025-06-01", cells.note ?? "x", cells.count ?? "2", cells.total ?? "1.5"].join(",");

/** Whether DuckDB's gate accepts each value as a cell of `role`. */
async function gateAccepts(values: string[], role: "id" | "date" | "count" | "total"): Promise<boolean[]> {
  const path = file("n,v\n" + values.map((v, i) => `${i},${v}`).join("\n") + "\n");
  const sql = `SELECT CAST(n AS INTEGER) AS n, ${strictCondition(role, "v", FORMS)} AS ok FROM ${csvAsText(path)} ORDER BY 1`;
  return (await connection.runAndReadAll(sql)).getRowObjects().map((r) => r.ok === true);
}

// Plain forms and near misses of each (no commas or quotes: those are lines the reading declines before any cell).
const CELLS: Record<"id" | "date" | "count" | "total", string[]> = {
  date: [
    "2025-01-02",
    "2025-06-30",
    "2025-07-01",
    "2024-02-29",
    "2025-02-29",
    "2025-02-30",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-1-2",
    "2025/01/02",
    "2025-01-02 10:00",
    "0999-12-31",
    "1000-01-01",
    "1900-02-29",
    "2025年1月2日",
    "45000",
    "#N/A",
    "9999-12-31",
    "2O25-01-02",
  ],
  count: ["1", "3", "0", "01", "1.0", "1.5", "1e3", " 3", "+2", "999999999999999", "1000000000000000", "٣"],
  total: [
    "10.5",
    "0",
    "0.000",
    "0.01",
    ".5",
    "1.",
    "¥10",
    "+1",
    "123456789.123456",
    "1234567890",
    "1.1234567",
    "1e3",
    "007",
    "0.1",
    "00.5",
    "5..1",
  ],
  id: ["K1", "k.2", "A_b-c", "_x", ".5", "客户1", "a b", "x".repeat(64), "x".repeat(65), "9"],
};

describe.each(Object.keys(CELLS) as ("id" | "date" | "count" | "total")[])("%s cells", (role) => {
  test("accepted exactly where the DuckDB gate accepts them, and read as the engine reads them", async () => {
    const values = CELLS[role];
    const gate = await gateAccepts(values, role);
    const quick = await Promise.all(values.map((v) => read(`${HEADER}\n${row({ [role]: v })}\n`)));
    expect(quick.map((r) => !("declined" in r))).toEqual(gate);
    // Both accept some and refuse some: the comparison is not one of two empty sets.
    expect(gate).toContain(true);
    expect(gate).toContain(false);
    quick.forEach((r, k) => {
      if ("declined" in r) {
        expect(r.declined).toBe("notStrict");
        return;
      }
      const v = values[k];
      if (role === "date") expect(r.rows.days[0]).toBe(AS_OF - parseDay(v)!);
      if (role === "count") expect(r.rows.count[0]).toBe(cellNumber(v));
      if (role === "total") expect(r.rows.money[0]).toBe(cellNumber(v));
    });
  });
});

test("recency is days before the analysis date; counts and totals are the cells' numbers", async () => {
  const r = await read(
    `${HEADER}\n${row({ id: "A", date: "2025-06-30", count: "7", total: "0.3" })}\n` +
      `${row({ id: "B", date: "2024-06-30", count: "123456789012345", total: "999999999.999999" })}\n`,
  );
  expect("declined" in r).toBe(false);
  if ("declined" in r) return;
  // 2024-06-30 to 2025-06-30: 365 days (no 29 February in between).
  expect(Array.from(r.rows.days)).toEqual([0, 365]);
  expect(Array.from(r.rows.count)).toEqual([7, 123456789012345]);
  expect(Array.from(r.rows.money)).toEqual([0.3, 999999999.999999]);
});

test("a total of zero is plain only where the profile accepts it", async () => {
  const text = `${HEADER}\n${row({ total: "0.00" })}\n`;
  expect(await read(text)).toEqual({ declined: "notStrict" });
  const r = await read(text, false, COLUMNS, { ...FORMS, positiveTotal: false });
  expect("rows" in r && r.rows.money[0]).toBe(0);
});

test("a table without ids is read without them; with them, an id met twice is no plain file", async () => {
  const text = `${HEADER}\n${row({ id: "A" })}\n${row({ id: "B" })}\n${row({ id: "A" })}\n`;
  expect(await read(text)).toEqual({ declined: "notStrict" });
  const r = await read(text, false, { width: 5, date: 1, count: 3, total: 4 });
  expect("rows" in r && r.index.count).toBe(3);
});

describe("where the lines lie", () => {
  test("LF, the last line with a break", async () => {
    const lines = [row({ id: "A" }), row({ id: "B", note: "长一点的备注" })];
    const text = `${HEADER}\n${lines.join("\n")}\n`;
    const r = await read(text);
    if ("declined" in r) throw new Error(r.declined);
    const a = HEADER.length + 1;
    const b = a + Buffer.byteLength(lines[0]) + 1;
    expect(Array.from(r.index.starts)).toEqual([a, b, Buffer.byteLength(text)]);
    expect(r.index).toMatchObject({ count: 2, breakBytes: 1, lastUnbroken: false });
  });

  test("CRLF, the last line without a break", async () => {
    const lines = [row({ id: "A" }), row({ id: "B" })];
    const text = `${HEADER}\r\n${lines.join("\r\n")}`;
    const r = await read(text, true);
    if ("declined" in r) throw new Error(r.declined);
    const a = HEADER.length + 2;
    expect(Array.from(r.index.starts)).toEqual([a, a + lines[0].length + 2, text.length]);
    expect(r.index).toMatchObject({ count: 2, breakBytes: 2, lastUnbroken: true });
  });

  test("a line longer than a block of the reading (4 MB) is read whole", async () => {
    const long = row({ id: "L", note: "n".repeat(5 << 20) });
    const r = await read(`${HEADER}\n${row({ id: "A" })}\n${long}\n${row({ id: "B", count: "9" })}\n`);
    if ("declined" in r) throw new Error(r.declined);
    expect(r.index.count).toBe(3);
    expect(Array.from(r.rows.count)).toEqual([2, 2, 9]);
    expect(r.index.starts[3] - r.index.starts[2]).toBe(row({ id: "B", count: "9" }).length + 1);
  });
});

describe("lines the full reader's output would not copy as they are", () => {
  const ok = row({});
  const cases: [string, string, boolean, string][] = [
    ["a quote", `${HEADER}\n${ok}\n${row({ id: "Q", note: '"a"' })}\n`, false, "quotes"],
    ["a cell like a formula", `${HEADER}\n${ok}\n${row({ id: "F", note: "=1+2" })}\n`, false, "formulaLike"],
    ["a tab starting a cell", `${HEADER}\n${ok}\n${row({ id: "T", note: "\tx" })}\n`, false, "formulaLike"],
    ["a carriage return in an LF file", `${HEADER}\n${row({ id: "C", note: "a\rb" })}\n`, false, "lineBreaks"],
    ["a lone LF in a CRLF file", `${HEADER}\r\n${ok}\n${row({ id: "D" })}\r\n`, true, "lineBreaks"],
    ["a CRLF file ending in a lone CR", `${HEADER}\r\n${ok}\r`, true, "lineBreaks"],
    ["an empty line", `${HEADER}\n${ok}\n\n${row({ id: "E" })}\n`, false, "emptyLine"],
    ["an empty line in a CRLF file", `${HEADER}\r\n${ok}\r\n\r\n`, true, "emptyLine"],
    ["a row with a cell too few", `${HEADER}\n${ok}\nG,2025-06-01,x,2\n`, false, "rowWidth"],
    ["a row with a cell too many", `${HEADER}\n${ok},\n`, false, "rowWidth"],
  ];
  test.each(cases)("%s", async (_label, text, crlf, reason) => {
    expect(await read(text, crlf)).toEqual({ declined: reason });
  });

  test("a negative number in another column is copied as it is, not defended", async () => {
    const r = await read(`${HEADER}\n${row({ note: "-5" })}\n${row({ id: "K2", note: "+3.5" })}\n`);
    expect("rows" in r && r.index.count).toBe(2);
  });

  test("bytes that are not UTF-8, wherever they stand", async () => {
    const text = Buffer.concat([
      Buffer.from(`${HEADER}\n${ok}\n`),
      Buffer.from([0x4b, 0x32, 0x2c, 0x32, 0x30, 0x32, 0x35, 0x2d, 0x30, 0x36, 0x2d, 0x30, 0x31, 0x2c, 0xc4, 0xe3]),
      Buffer.from(",2,1\n"),
    ]);
    expect(await read(text)).toEqual({ declined: "encoding" });
  });

  test("the first problem in the file is the one reported", async () => {
    const text = `${HEADER}\n${row({ id: "A", note: "=X()" })}\n${row({ id: "B", note: '"q"' })}\n`;
    expect(await read(text)).toEqual({ declined: "formulaLike" });
  });
});
