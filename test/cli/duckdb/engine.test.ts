/**
 * `rfm grade --engine auto|js|duckdb`: DuckDB grades a customer table with the same output as the JavaScript engine,
 * byte for byte, in a file and on stdout, in English and Chinese; every file it cannot grade so goes to the JavaScript
 * engine with a line that says why, and the output is still that engine's.
 */

import { readFileSync } from "fs";
import { join } from "path";
import {
  buildCli,
  DECILES_FIRST,
  PLAIN_HEADER,
  PLAIN_ROWS,
  plainFiller,
  records,
  rfm,
  tempDir,
  write,
} from "../helpers";
import { gbk } from "../textEncodings";

beforeAll(() => buildCli());

const HEADER = PLAIN_HEADER;
const ROWS = PLAIN_ROWS;
/**
 * Enough plain rows after them that the file is larger than the part the command reads first to find its columns
 * (256 KB): a problem placed after them is met only by the checks over the whole file.
 */
const FILLER = plainFiller(10_000);
const SHAOXING = ["-p", "shaoxing", "--as-of", "2025-12-31"];
const ENGINE_LINE = /^(Engine|计算引擎)/;

/** Runs rfm with each engine on the same file; returns both outputs and summaries. */
function both(dir: string, input: string, args: string[], out?: string) {
  const run = (engine: string) => {
    const target = out ? join(dir, `${engine}-${out}`) : undefined;
    const r = rfm(["grade", input, ...args, "--engine", engine, ...(target ? ["-o", target] : [])], dir);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.status).toBe(0);
    const output = target ? readFileSync(target) : Buffer.from(r.stdout);
    const summary = r.stderr.trimEnd().split("\n");
    return { output, summary, engineLine: summary.find((l) => ENGINE_LINE.test(l)) };
  };
  return { js: run("js"), duckdb: run("duckdb") };
}

/** The summary without the engine's line and the written file's name. */
const rest = (lines: string[]) => lines.filter((l) => !ENGINE_LINE.test(l) && !/^(Written|已写入)/.test(l));

describe("a strict customer table", () => {
  test.each([
    ["LF, a byte-order mark, into a file", "\uFEFF" + [HEADER, ...ROWS, ...FILLER].join("\n") + "\n", "out.csv", "en"],
    ["CRLF, no byte-order mark, on stdout", [HEADER, ...ROWS, ...FILLER].join("\r\n") + "\r\n", undefined, "en"],
    ["no line break after the last row, in Chinese", [HEADER, ...FILLER, ...ROWS].join("\n"), "out.csv", "zh"],
    ["a small file", [HEADER, ...ROWS].join("\n") + "\n", "out.csv", "en"],
  ])("%s: DuckDB writes exactly what the JavaScript engine writes", (_label, text, out, lang) => {
    const dir = tempDir();
    const input = write(dir, "customers.csv", text);
    const { js, duckdb } = both(dir, input, [...SHAOXING, "--lang", lang], out);
    expect(duckdb.output.equals(js.output)).toBe(true);
    expect(duckdb.engineLine).toBe(
      lang === "zh" ? "计算引擎：DuckDB（--engine duckdb 指定）" : "Engine: DuckDB (--engine duckdb)",
    );
    expect(js.engineLine).toBeUndefined();
    expect(rest(duckdb.summary)).toEqual(rest(js.summary));

    // And the grades are the rules' (Shaoxing, as of 2025-12-31, amounts in 万元 from the header): A001 was 6 days
    // ago (R 5), bought 16 times (F 5, more than 15) for 9 (M 5, more than 8): 3·5 + 4·5 + 6·5 = 65 → 6.5, grade A.
    // A002: 59 days (R 1), 3 purchases (F 2), 0.5 (M 1): 3 + 8 + 6 = 17 → 1.7, C.
    const rows = records(duckdb.output.toString("utf8"));
    const pick = (id: string) => rows.find((r) => r[HEADER.split(",")[0]] === id)!;
    const [r, f, m, score, grade] =
      lang === "zh"
        ? ["R评分", "F评分", "M评分", "RFM综合评分", "客户等级"]
        : ["R Score", "F Score", "M Score", "RFM Score", "Grade"];
    const cells = (row: Record<string, string>) => [row[r], row[f], row[m], row[score], row[grade]];
    expect(cells(pick("A001"))).toEqual(["5", "5", "5", "6.5", "A"]);
    expect(cells(pick("A002"))).toEqual(["1", "2", "1", "1.7", "C"]);
  });

  test("quantiles with the tie rule 'first' (ties broken by the rows' order in the file) match too", () => {
    const dir = tempDir();
    const profilePath = write(dir, "deciles.json", JSON.stringify(DECILES_FIRST));
    const lines = Array.from(
      { length: 300 },
      (_, i) => `K${i},East,2025-0${1 + (i % 6)}-1${i % 9},${1 + (i % 4)},${(i % 7) * 10},`,
    );
    const input = write(dir, "customers.csv", [HEADER, ...lines].join("\n") + "\n");
    const { js, duckdb } = both(dir, input, ["-p", profilePath, "--as-of", "2025-12-31", "--unit", "yuan"], "out.csv");
    expect(duckdb.engineLine).toBe("Engine: DuckDB (--engine duckdb)");
    expect(duckdb.output.equals(js.output)).toBe(true);
  });
});

describe("files DuckDB does not grade go to the JavaScript engine, which says why", () => {
  const variants: [string, (dir: string) => { input: string; args?: string[] }, string][] = [
    [
      "a quoted cell",
      (d) => ({
        input: write(d, "c.csv", [HEADER, ...ROWS, ...FILLER, 'A007,"East, far",2025-12-01,2,1,'].join("\n") + "\n"),
      }),
      "the file has quoted cells",
    ],
    [
      "a cell that starts like a formula",
      (d) => ({
        input: write(d, "c.csv", [HEADER, ...ROWS, ...FILLER, "A007,=SUM(A1),2025-12-01,2,1,"].join("\n") + "\n"),
      }),
      "a cell starts like a formula (=, +, -, @)",
    ],
    [
      "an empty line",
      (d) => ({
        input: write(d, "c.csv", [HEADER, ...ROWS, ...FILLER, "", "A007,East,2025-12-01,2,1,"].join("\n") + "\n"),
      }),
      "the file has empty lines",
    ],
    [
      "a date written another way",
      (d) => ({
        input: write(d, "c.csv", [HEADER, ...ROWS, ...FILLER, "A007,East,2025/12/01,2,1,"].join("\n") + "\n"),
      }),
      "some cells are not in plain form",
    ],
    [
      "an id twice",
      (d) => ({
        input: write(d, "c.csv", [HEADER, ...ROWS, ...FILLER, "A001,East,2025-12-01,2,1,"].join("\n") + "\n"),
      }),
      "some cells are not in plain form",
    ],
    [
      "a purchase after the analysis date",
      (d) => ({
        input: write(d, "c.csv", [HEADER, ...ROWS, ...FILLER, "A007,East,2026-01-02,2,1,"].join("\n") + "\n"),
      }),
      "some cells are not in plain form",
    ],
    [
      "a lone LF in a CRLF file",
      (d) => ({
        input: write(d, "c.csv", [HEADER, ...ROWS, ...FILLER].join("\r\n") + "\nA007,East,2025-12-01,2,1,\r\n"),
      }),
      "the file's line breaks are not all LF or all CRLF",
    ],
    [
      "semicolons",
      (d) => ({ input: write(d, "c.csv", [HEADER, ...ROWS].map((l) => l.replace(/,/g, ";")).join("\n") + "\n") }),
      "the file is not comma-separated",
    ],
    [
      "GBK text",
      (d) => ({ input: write(d, "c.csv", gbk([HEADER, ...ROWS].join("\r\n") + "\r\n")) }),
      "the file is not UTF-8 text",
    ],
    [
      "a title row above the header",
      (d) => ({ input: write(d, "c.csv", ["2025年客户表,,,,,", HEADER, ...ROWS].join("\n") + "\n") }),
      "the header row is not the first line",
    ],
    [
      "sales records",
      (d) => ({ input: write(d, "s.csv", "客户,消费时间,消费金额\nA1,2025-12-01,10\nA2,2025-11-01,20\n") }),
      "the file holds sales records",
    ],
    [
      "a workbook to write",
      (d) => ({ input: write(d, "c.csv", [HEADER, ...ROWS].join("\n") + "\n"), args: ["-o", join(d, "out.xlsx")] }),
      "the results go to a workbook (.xlsx)",
    ],
  ];

  test.each(variants)("%s", (_label, make, reason) => {
    const dir = tempDir();
    const { input, args = [] } = make(dir);
    const profile = input.endsWith("s.csv") ? ["-p", "wuhan"] : SHAOXING;
    const xlsx = args.includes("-o");
    const run = (engine: string, out: string) =>
      rfm(
        [
          "grade",
          input,
          ...profile,
          "--engine",
          engine,
          ...(xlsx ? ["-o", join(dir, `${engine}.xlsx`)] : ["-o", join(dir, out)]),
        ],
        dir,
      );
    const js = run("js", "js.csv");
    const duck = run("duckdb", "duckdb.csv");
    expect(duck.status).toBe(0);
    const line = duck.stderr.split("\n").find((l) => l.startsWith("Engine:"));
    expect(line).toBe(`Engine: JavaScript (DuckDB not used: ${line?.slice(line.indexOf(": ", 8) + 2, -1)})`);
    expect(line).toContain(reason);
    if (!xlsx) expect(readFileSync(join(dir, "duckdb.csv")).equals(readFileSync(join(dir, "js.csv")))).toBe(true);
    expect(rest(duck.stderr.trimEnd().split("\n"))).toEqual(rest(js.stderr.trimEnd().split("\n")));
  });

  test("an empty line on stdout is found before anything is written", () => {
    const dir = tempDir();
    const input = write(dir, "c.csv", [HEADER, ...ROWS, ...FILLER, "", "A007,East,2025-12-01,2,1,"].join("\n") + "\n");
    const duck = rfm(["grade", input, ...SHAOXING, "--engine", "duckdb"], dir);
    const js = rfm(["grade", input, ...SHAOXING, "--engine", "js"], dir);
    expect(duck.stdout).toBe(js.stdout);
    expect(duck.stderr).toContain("Engine: JavaScript (DuckDB not used: the file has empty lines)");
  });

  test("the reason in Chinese", () => {
    const dir = tempDir();
    const input = write(dir, "c.csv", [HEADER, ...ROWS, ...FILLER, "A001,East,2025-12-01,2,1,"].join("\n") + "\n");
    const r = rfm(["grade", input, ...SHAOXING, "--engine", "duckdb", "--lang", "zh", "-o", join(dir, "o.csv")], dir);
    expect(r.stderr).toContain("计算引擎：JavaScript（未采用 DuckDB：部分单元格不是标准写法");
  });

  test("a file small enough to be read whole first: a row that needs a note is found there", () => {
    const dir = tempDir();
    const input = write(dir, "c.csv", [HEADER, ...ROWS, "A001,East,2025-12-01,2,1,"].join("\n") + "\n");
    const r = rfm(["grade", input, ...SHAOXING, "--engine", "duckdb", "-o", join(dir, "o.csv")], dir);
    expect(r.stderr).toContain(
      "Engine: JavaScript (DuckDB not used: some rows cannot be graded as they are, and the JavaScript engine notes each one)",
    );
  });
});

describe("choosing the engine", () => {
  test("auto never picks DuckDB: a plain file is read quickly and names no engine; a workbook's summary names none", async () => {
    const dir = tempDir();
    const input = write(dir, "c.csv", [HEADER, ...ROWS, ...FILLER].join("\n") + "\n");
    const r = rfm(["grade", input, ...SHAOXING, "-o", join(dir, "o.csv")], dir, { RFM_PLAIN_FROM_BYTES: "0" });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(ENGINE_LINE);
    const workbook = rfm(["grade", join(dir, "o.csv"), ...SHAOXING, "-o", join(dir, "again.xlsx")], dir);
    const fromXlsx = rfm(["grade", join(dir, "again.xlsx"), ...SHAOXING], dir);
    expect(workbook.status).toBe(0);
    expect(fromXlsx.status).toBe(0);
    expect(fromXlsx.stderr).not.toMatch(ENGINE_LINE);
  });

  test("--engine takes auto, js or duckdb", () => {
    const dir = tempDir();
    const input = write(dir, "c.csv", [HEADER, ...ROWS].join("\n") + "\n");
    const r = rfm(["grade", input, ...SHAOXING, "--engine", "spark"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--engine/);
    expect(r.stderr).toMatch(/auto, js, duckdb/);
  });

  test("--help explains the engines in both languages", () => {
    expect(rfm(["grade", "--help"], tempDir()).stdout).toMatch(
      /--engine <name>[\s\S]*Engines: a customer table in CSV[\s\S]*is read quickly, line by line/,
    );
    expect(rfm(["grade", "--help", "--lang", "zh"], tempDir()).stdout).toMatch(
      /auto、js 或 duckdb[\s\S]*计算引擎：CSV 客户表[\s\S]*逐行快速读取/,
    );
  });
});

describe("Parquet input", () => {
  async function parquet(dir: string, rows: number): Promise<string> {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const path = join(dir, "customers.parquet");
    // Typed columns as a warehouse exports them: DATE, BIGINT, DECIMAL, and text with a NULL.
    await connection.run(
      `COPY (SELECT 'P' || lpad(CAST(i AS VARCHAR), 6, '0') AS "客户编号", DATE '2025-12-31' - CAST(i % 90 AS INTEGER) AS "下单时间", ` +
        `CAST(1 + i % 20 AS BIGINT) AS "历史购买总次数", CAST((1 + i % 40) / 4 AS DECIMAL(12, 2)) AS "历史购买总金额（万元）", ` +
        `CASE WHEN i % 3 = 0 THEN NULL ELSE '华东' END AS "区域" FROM range(${rows}) t(i) ORDER BY i) TO '${path}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    return path;
  }

  test("is read with DuckDB and graded alike by both engines; the summary names the file", async () => {
    const dir = tempDir();
    const input = await parquet(dir, 20_000);
    const { js, duckdb } = both(dir, input, SHAOXING, "out.csv");
    expect(duckdb.engineLine).toBe("Engine: DuckDB (--engine duckdb)");
    expect(duckdb.output.equals(js.output)).toBe(true);
    expect(js.summary).toContain(`File: ${input} (Parquet), read with DuckDB`);
    expect(js.summary.some((l) => l.startsWith("File: UTF-8"))).toBe(false);
    // Row 0: bought on the analysis date (R 5), once (F 1), 0.25 万元 (M 1): 3·5 + 4 + 6 = 25 → 2.5, C.
    // Row 15: 15 days ago (R 4), 16 purchases (F 5), 4 万元 (M 3): 12 + 20 + 18 = 50 → 5.0, B.
    const rows = records(js.output.toString("utf8"));
    const cells = (id: string) => {
      const row = rows.find((r) => r["客户编号"] === id)!;
      return [
        row["下单时间"],
        row["历史购买总次数"],
        row["历史购买总金额（万元）"],
        row["R Score"],
        row["F Score"],
        row["M Score"],
        row["RFM Score"],
        row.Grade,
      ];
    };
    expect(cells("P000000")).toEqual(["2025-12-31", "1", "0.25", "5", "1", "1", "2.5", "C"]);
    expect(cells("P000015")).toEqual(["2025-12-16", "16", "4.00", "4", "5", "3", "5", "B"]);
    expect(rows).toHaveLength(20_000);
  });

  test("a file that is not Parquet gets one clear line", () => {
    const dir = tempDir();
    const input = write(dir, "fake.parquet", "客户编号,下单时间\nA1,2025-01-01\n");
    const r = rfm(["grade", input, ...SHAOXING], dir);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^rfm: Cannot read ".*fake\.parquet" as a Parquet file: /);
  });
});
