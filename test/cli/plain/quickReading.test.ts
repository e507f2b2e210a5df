/**
 * `rfm grade` with the quick reading of plain customer tables (the default, `auto`): the output and summary are the
 * full reader's (`--engine js`) byte for byte, read in one thread or several; a file outside the plain forms is read
 * by the full reader, and for a large one the summary says why, in the user's language.
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

beforeAll(() => buildCli());

const HEADER = PLAIN_HEADER;
const ROWS = PLAIN_ROWS;
/** Enough rows that the file is larger than the head the command grades first (16 KB), and splits into stretches. */
const FILLER = plainFiller(6_000);
const SHAOXING = ["-p", "shaoxing", "--as-of", "2025-12-31"];
const ENGINE_LINE = /^(Engine|计算引擎|計算引擎)/;
/** The quick reading for any size, the reason a file was not read quickly named for any size. */
const QUICK = { RFM_PLAIN_FROM_BYTES: "0", RFM_WHOLE_FILE_NOTICE_BYTES: "0" };
const threads = (n: number) => ({ ...QUICK, RFM_PLAIN_THREADS_FROM_BYTES: "0", RFM_PLAIN_THREADS: String(n) });

/** Grades `input` with the full reader and with the quick reading (`env`): both outputs and summaries. */
function both(dir: string, input: string, args: string[], env: Record<string, string>) {
  const run = (name: string, extra: string[], runEnv: Record<string, string>) => {
    const out = join(dir, `${name}.csv`);
    const r = rfm(["grade", input, ...args, ...extra, "-o", out], dir, runEnv);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.status).toBe(0);
    return { output: readFileSync(out), summary: r.stderr.trimEnd().split("\n") };
  };
  return { full: run("full", ["--engine", "js"], {}), quick: run("quick", [], env) };
}

/** The summary without the engine's line and the written file's name. */
const rest = (lines: string[]) => lines.filter((l) => !ENGINE_LINE.test(l) && !/^(Written|已写入|已寫入)/.test(l));

describe("a plain customer table", () => {
  test.each([
    ["LF with a byte-order mark, one thread", "\uFEFF" + [HEADER, ...ROWS, ...FILLER].join("\n") + "\n", QUICK],
    ["CRLF, two threads", [HEADER, ...ROWS, ...FILLER].join("\r\n") + "\r\n", threads(2)],
    ["no line break after the last row, three threads", [HEADER, ...FILLER, ...ROWS].join("\n"), threads(3)],
    ["CRLF without a break after the last row, four threads", [HEADER, ...FILLER, ...ROWS].join("\r\n"), threads(4)],
  ])("%s: the full reader's output, byte for byte", (_label, text, env) => {
    const dir = tempDir();
    const input = write(dir, "customers.csv", text);
    const { full, quick } = both(dir, input, SHAOXING, env);
    expect(quick.output.equals(full.output)).toBe(true);
    expect(rest(quick.summary)).toEqual(rest(full.summary));
    expect(quick.summary.filter((l) => ENGINE_LINE.test(l))).toEqual([]);

    // And the grades are the rules' (Shaoxing, as of 2025-12-31, amounts in 万元 from the header): A001 was 6 days
    // ago (R 5), bought 16 times (F 5, more than 15) for 9 (M 5, more than 8): 3·5 + 4·5 + 6·5 = 65 → 6.5, grade A.
    // A002: 59 days (R 1), 3 purchases (F 2), 0.5 (M 1): 3 + 8 + 6 = 17 → 1.7, C.
    const rows = records(quick.output.toString("utf8"));
    expect(rows).toHaveLength(ROWS.length + FILLER.length);
    const pick = (id: string) => rows.find((r) => r["客户编号"] === id)!;
    const cells = (row: Record<string, string>) => [
      row["R Score"],
      row["F Score"],
      row["M Score"],
      row["RFM Score"],
      row.Grade,
    ];
    expect(cells(pick("A001"))).toEqual(["5", "5", "5", "6.5", "A"]);
    expect(cells(pick("A002"))).toEqual(["1", "2", "1", "1.7", "C"]);
    expect(pick("A003")["备注说明"]).toBe("-5");
  });

  test("quantiles with the tie rule 'first' follow the rows' order across the threads' stretches", () => {
    const dir = tempDir();
    const profilePath = write(dir, "deciles.json", JSON.stringify(DECILES_FIRST));
    // Few distinct values: nearly every row ties with others, in every stretch.
    const lines = Array.from(
      { length: 5_000 },
      (_, i) => `K${i},East,2025-0${1 + (i % 6)}-1${i % 9},${1 + (i % 4)},${(i % 7) * 10},`,
    );
    const input = write(dir, "customers.csv", [HEADER, ...lines].join("\n") + "\n");
    const args = ["-p", profilePath, "--as-of", "2025-12-31", "--unit", "yuan"];
    const { full, quick } = both(dir, input, args, threads(3));
    expect(quick.output.equals(full.output)).toBe(true);
  });
});

describe("a file outside the plain forms is read by the full reader, which grades it alike", () => {
  const late = (line: string) => [HEADER, ...ROWS, ...FILLER, line].join("\n") + "\n";
  const variants: [string, string, string][] = [
    ["a quoted cell in the last row", late('A007,"East, far",2025-12-01,2,1,'), "the file has quoted cells"],
    ["a cell like a formula", late("A007,=SUM(A1),2025-12-01,2,1,"), "a cell starts like a formula (=, +, -, @)"],
    ["an empty line", [HEADER, ...ROWS, ...FILLER, "", "A007,East,2025-12-01,2,1,"].join("\n") + "\n", "empty lines"],
    ["a date written another way", late("A007,East,2025/12/01,2,1,"), "some cells are not in plain form"],
    ["an id met twice", late("F10,East,2025-12-01,2,1,"), "some cells are not in plain form"],
    ["a purchase after the analysis date", late("A007,East,2026-01-02,2,1,"), "some cells are not in plain form"],
    ["a row with a cell too many", late("A007,East,2025-12-01,2,1,,"), "more or fewer cells than the header"],
    [
      "a lone LF in a CRLF file",
      [HEADER, ...ROWS, ...FILLER].join("\r\n") + "\nA007,East,2025-12-01,2,1,\r\n",
      "the file's line breaks are not all LF or all CRLF",
    ],
  ];

  test.each(variants)("%s, in one thread and in three", (_label, text, reason) => {
    for (const env of [QUICK, threads(3)]) {
      const dir = tempDir();
      const input = write(dir, "c.csv", text);
      const { full, quick } = both(dir, input, SHAOXING, env);
      expect(quick.output.equals(full.output)).toBe(true);
      expect(rest(quick.summary)).toEqual(rest(full.summary));
      const line = quick.summary.find((l) => ENGINE_LINE.test(l));
      expect(line).toMatch(
        /^Engine: JavaScript, reading every form of every cell with the whole file in memory \(the quick reading of plain files not used: .*\)$/,
      );
      expect(line).toContain(reason);
    }
  });

  test("the problem reported is the first in the file, whichever thread met it", () => {
    const dir = tempDir();
    const lines = [...FILLER];
    lines[1_000] = "B1,=1+1,2025-12-01,2,1,"; // in the first stretch of three
    lines[5_000] = 'B2,"x",2025-12-01,2,1,'; // in the last
    const input = write(dir, "c.csv", [HEADER, ...lines].join("\n") + "\n");
    const r = rfm(["grade", input, ...SHAOXING, "-o", join(dir, "o.csv")], dir, threads(3));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("not used: a cell starts like a formula");
  });

  test("the reason in Simplified and Traditional Chinese", () => {
    const dir = tempDir();
    const input = write(dir, "c.csv", late('A007,"x",2025-12-01,2,1,'));
    const zh = rfm(["grade", input, ...SHAOXING, "--lang", "zh", "-o", join(dir, "zh.csv")], dir, QUICK);
    expect(zh.stderr).toContain(
      "计算引擎：JavaScript，逐格读取各种写法，整个文件读入内存（未用标准写法文件的快速读取：文件中有带引号的单元格）",
    );
    const tw = rfm(["grade", input, ...SHAOXING, "--lang", "zh-TW", "-o", join(dir, "tw.csv")], dir, QUICK);
    expect(tw.stderr).toContain(
      "計算引擎：JavaScript，逐格讀取各種寫法，整個檔案讀入記憶體（未用標準寫法檔案的快速讀取：檔案中有帶引號的儲存格）",
    );
  });

  test("below the notice's size a file not read quickly gets no line; sales records never do", () => {
    const dir = tempDir();
    const input = write(dir, "c.csv", late('A007,"x",2025-12-01,2,1,'));
    const r = rfm(["grade", input, ...SHAOXING, "-o", join(dir, "o.csv")], dir, { RFM_PLAIN_FROM_BYTES: "0" });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(ENGINE_LINE);
    const sales = write(dir, "s.csv", "客户,消费时间,消费金额\nA1,2025-06-01,10\nA2,2025-05-01,20\n");
    const s = rfm(["grade", sales, "-p", "wuhan", "-o", join(dir, "s-out.csv")], dir, QUICK);
    expect(s.status).toBe(0);
    expect(s.stderr).toContain("Graded 2 of 2 customers");
    expect(s.stderr).not.toMatch(ENGINE_LINE);
  });
});
