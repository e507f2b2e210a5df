/**
 * Sales records read block by block (the path for files of any size) give exactly what the whole file read into one
 * table gives: the same CSV, byte for byte, and the same summary, on awkward files. RFM_SALES_BLOCKS_FROM_BYTES sends a
 * file one way or the other, RFM_BLOCK_BYTES cuts a small file into many blocks, so that records, quoted cells and
 * line breaks fall across block ends, and RFM_SALES_THREADS has several threads share the customers out. A file past
 * 2 GiB (the most fs.readFile reads) is graded too.
 */

import { spawnSync } from "child_process";
import { closeSync, openSync, writeSync } from "fs";
import { join } from "path";
import { buildCli, readText, records, RFM, tempDir, write } from "./helpers";
import { gbk, utf16le } from "./textEncodings";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
});

interface Output {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): Output {
  const r = spawnSync(process.execPath, [RFM, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const WHOLE = { RFM_SALES_BLOCKS_FROM_BYTES: String(2 ** 52) };
const blocksOf = (bytes: number, threads = 1) => ({
  RFM_SALES_BLOCKS_FROM_BYTES: "0",
  RFM_BLOCK_BYTES: String(bytes),
  RFM_SALES_THREADS: String(threads),
  RFM_SALES_THREADS_FROM_BYTES: "0",
});

/**
 * Grades `file` whole and in blocks of several sizes, by one thread and by several (each taking a share of the
 * customers); every run must print the same.
 */
function expectSameBothWays(file: string, args: string[]): Output {
  const whole = run(["grade", file, ...args], WHOLE);
  for (const [bytes, threads] of [
    [61, 1],
    [1000, 1],
    [1 << 20, 1],
    [61, 2],
    [1000, 3],
    [1 << 20, 2],
  ]) {
    const blocks = run(["grade", file, ...args], blocksOf(bytes, threads));
    expect({ ...blocks, bytes, threads }).toEqual({ ...whole, bytes, threads });
  }
  return whole;
}

/** A little generator with a seed, so that a failure can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const IDS = [
  "A1",
  " A1",
  "A1 ",
  "a1",
  '"A1"',
  '"Q""uote"',
  '"comma,id"',
  "王小明",
  "王小明 ",
  "\u3000C1",
  "C1\u00a0",
  "#N/A",
  "#1",
  "",
  "  ",
  "=cmd",
  "-5",
  "007",
  "7",
  "7.0",
  "\tT",
  '"multi\nline"',
  "Zoë",
  "E\u0301",
];
const DATES = [
  "2025-03-04",
  "2025/3/4",
  "2025年3月4日",
  "2025-02-30",
  "",
  "soon",
  "2021-09-01",
  "2025-07-01",
  "2025-07-02",
  "2021-08-31",
  "2025-03-04 10:22",
  '"2025-01-01"',
  "#VALUE!",
  "1899-12-31",
  "2200-01-01",
  "0999-01-01",
  "2024-02-29",
  "2023-02-29",
];
const AMOUNTS = [
  "100",
  "-20",
  "0",
  "0.1",
  "0.2",
  '"1,234.5"',
  "¥5",
  "abc",
  "",
  "1e308",
  "1e309",
  "0.0000001",
  "12.50",
  "+7",
  " 8 ",
  "#DIV/0!",
  "9007199254740993",
  "-0",
  "3000",
];

/** Sales rows drawn from the awkward cells above, with empty lines, short and long rows and mixed line breaks. */
function awkwardSales(seed: number, rows: number, header = "Customer,Order date,Amount,Note"): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  let text = header;
  for (let k = 0; k < rows; k++) {
    text += pick(["\n", "\r\n", "\r", "\n"]);
    const shape = next();
    if (shape < 0.03) continue; // an empty line
    const cells = [pick(IDS), pick(DATES), pick(AMOUNTS), pick(["", "note", '"a, b"', '"two\r\nlines"'])];
    if (shape < 0.06)
      cells.length = 2; // a short row
    else if (shape < 0.08) cells.push("extra");
    text += cells.join(",");
  }
  // Trailing empty lines are no rows at all.
  return text + pick(["", "\n", "\n\n", "\r\n\r\n"]);
}

test("awkward sales files: the same CSV and summary whole and in blocks, wuhan and shaoxing, en and zh", () => {
  for (let seed = 1; seed <= 6; seed++) {
    const file = write(dir, `awkward-${seed}.csv`, awkwardSales(seed, 400));
    const out = expectSameBothWays(
      file,
      seed % 2 === 0
        ? ["-p", "wuhan", "--lang", "zh"]
        : ["-p", "shaoxing", "--as-of", "2025-07-01", "--window-start", "2021-09-01"],
    );
    expect(out.status).toBe(0);
  }
});

test("carried columns: names that differ, a column without a header, rows wider than the header, --previous", () => {
  const next = random(11);
  const names = ["王小明", "王小明 ", "Wang", "", "#N/A"];
  const lines = ["客户编号,客户名称,下单时间,金额,电话,"];
  for (let k = 0; k < 600; k++) {
    const cells = [
      `C${Math.floor(next() * 40)}`,
      names[Math.floor(next() * names.length)],
      DATES[Math.floor(next() * DATES.length)],
      AMOUNTS[Math.floor(next() * AMOUNTS.length)],
      `1380000${k % 7}`,
      next() < 0.05 ? "x" : "",
    ];
    if (next() < 0.02) cells.push("wider");
    lines.push(cells.join(","));
  }
  const file = write(dir, "carried.csv", lines.join("\n"));
  const earlier = run(["grade", file, "-p", "wuhan", "-o", join(dir, "earlier.csv")], WHOLE);
  expect(earlier.status).toBe(0);
  for (const args of [
    ["-p", "wuhan"],
    ["-p", "wuhan", "--lang", "zh", "--previous", "earlier.csv"],
    ["-p", "shaoxing", "--as-of", "2025-07-01"],
  ]) {
    const out = expectSameBothWays(file, args);
    expect(out.status).toBe(0);
  }
  expect(run(["grade", file, "-p", "wuhan"], blocksOf(500)).stdout.split("\n")[0]).toMatch(
    /^Customer,客户名称,电话,Column F,Column G,/,
  );
});

test("decimal commas: a semicolon or tab file's amounts read with the separator decided from all of them", () => {
  const next = random(5);
  const file = (name: string, delimiter: string, amounts: string[]) => {
    const lines = [["Customer", "Order date", "Amount"].join(delimiter)];
    for (let k = 0; k < 400; k++) {
      lines.push(
        [
          `C${Math.floor(next() * 30)}`,
          DATES[Math.floor(next() * 8)],
          amounts[Math.floor(next() * amounts.length)],
        ].join(delimiter),
      );
    }
    return write(dir, name, lines.join("\r\n") + "\r\n");
  };
  // Commas only (decimals), both kinds (every amount with a separator doubtful), neither told (doubtful with
  // semicolons, points with tabs), and the one telling cell last in the file.
  const european = ["1.234,56", "0,75", "12", "1,234", "99,90", "abc", "", "-5,5"];
  const mixed = ["12.5", "0,75", "3", "1,234"];
  const unclear = ["1,234", "1.234", "7"];
  for (const [name, delimiter, amounts] of [
    ["eu.csv", ";", european],
    ["mixed.csv", ";", mixed],
    ["unclear.csv", ";", unclear],
    ["tab.txt", "\t", unclear],
  ] as const) {
    const out = expectSameBothWays(file(name, delimiter, [...amounts]), ["-p", "wuhan"]);
    expect(out.status).toBe(0);
  }
  const late = write(
    dir,
    "late.csv",
    [
      "Customer;Order date;Amount",
      ...Array.from({ length: 300 }, (_, k) => `C${k % 7};2024-03-0${(k % 9) + 1};1.234`),
      "C1;2024-03-01;0,5",
    ].join("\n"),
  );
  // 0,5 in the last row tells that the comma marks decimals: 1.234 is 1234 (C1 has 43 of them, and the 0,5).
  const out = expectSameBothWays(late, ["-p", "wuhan"]);
  expect(records(out.stdout).find((row) => row.Customer === "C1")?.Amount).toBe("53062.5");
});

test("many customers with ties, refunds and window edges: the same both ways, to a file with a byte-order mark", () => {
  const next = random(42);
  const lines = ["客户编号,下单时间,金额（元）"];
  for (let k = 0; k < 20_000; k++) {
    const id = `C${Math.floor(next() * 3000)}`;
    const day = new Date(Date.UTC(2021, 7, 25) + Math.floor(next() * 1420) * 86_400_000).toISOString().slice(0, 10);
    const amount = next() < 0.1 ? `-${Math.floor(next() * 50)}.5` : String(Math.floor(next() * 40) * 25);
    lines.push(`${id},${day},${amount}`);
  }
  const file = write(dir, "many.csv", lines.join("\n") + "\n");
  const ways = { whole: WHOLE, blocks: blocksOf(4096), threads: blocksOf(4096, 2) };
  for (const [way, env] of Object.entries(ways)) {
    const r = run(["grade", file, "-p", "wuhan", "-o", join(dir, `many-${way}.csv`)], env);
    expect(r.status).toBe(0);
  }
  for (const way of ["blocks", "threads"]) {
    expect(spawnSync("cmp", [join(dir, "many-whole.csv"), join(dir, `many-${way}.csv`)]).status).toBe(0);
  }
});

test("a title row above the header, GBK and UTF-16 files, a file not UTF-8 beyond its first megabyte", () => {
  const sales = awkwardSales(7, 300, "客户编号,下单时间,金额").replace(/[ë\u0301\u00a0\u3000¥]/g, "");
  const titled = write(dir, "titled.csv", "2025年销售明细\n\n" + awkwardSales(8, 200));
  expectSameBothWays(titled, ["-p", "wuhan"]);
  expectSameBothWays(write(dir, "gbk.csv", gbk(sales)), ["-p", "wuhan"]);
  expectSameBothWays(write(dir, "utf16.csv", utf16le(sales.replace(/,/g, "\t"))), ["-p", "wuhan"]);
  // ASCII for more than a megabyte, then GBK: the file is not UTF-8 after all, and its first bytes cannot tell which
  // legacy encoding it is in. Read whole or in blocks, it is refused alike, and read alike once named.
  let big = "Customer,Order date,Amount\n";
  while (big.length < 1_200_000) big += "A1,2025-03-04,100\n";
  const mixed = write(dir, "mixed.csv", Buffer.concat([Buffer.from(big), gbk("王小明,2025-03-05,200\n")]));
  const refused = expectSameBothWays(mixed, ["-p", "wuhan"]);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/--encoding gb18030/);
  const named = expectSameBothWays(mixed, ["-p", "wuhan", "--encoding", "gbk"]);
  expect(named.status).toBe(0);
  expect(records(named.stdout).map((row) => row.Customer)).toEqual(["A1", "王小明"]);
});

test("a sales file past 2 GiB is graded: each customer's totals as the sales give them", () => {
  // A sparse file: about 2,100 sales whose note is a quoted megabyte of zero bytes (holes the file system does not
  // store), after a few kilobytes of ordinary sales. fs.readFile refuses anything past 2 GiB.
  const path = join(dir, "huge.csv");
  const fd = openSync(path, "w");
  let at = 0;
  const put = (text: string) => (at += writeSync(fd, text, at));
  put("Customer,Order date,Amount,Remark\n");
  for (let k = 0; k < 200; k++) put(`A${k % 3},2025-03-0${(k % 9) + 1},10,plain\n`);
  const purchases = [0, 0];
  for (let k = 0; at < 2 ** 31 + (64 << 20); k++) {
    put(`B${k % 2},2025-06-0${(k % 9) + 1},1.5,"`);
    at += 1 << 20;
    put('"\n');
    purchases[k % 2]++;
  }
  closeSync(fd);
  // The remark is carried with each customer (a megabyte of zeros for B0 and B1): the output goes to a file.
  const r = run(["grade", path, "-p", "wuhan", "-o", "huge-graded.csv"], {});
  expect(r.stderr).not.toMatch(/rfm:/);
  expect(r.status).toBe(0);
  const rows = records(readText(join(dir, "huge-graded.csv")));
  expect(rows.map((row) => row.Remark.length)).toEqual([5, 5, 5, 1 << 20, 1 << 20]);
  expect(rows.map((row) => row.Customer)).toEqual(["A0", "A1", "A2", "B0", "B1"]);
  expect(rows.map((row) => [row["Last order date"], Number(row.Purchases), Number(row.Amount)])).toEqual([
    ["2025-03-07", 67, 670],
    ["2025-03-08", 67, 670],
    ["2025-03-09", 66, 660],
    ["2025-06-09", purchases[0], purchases[0] * 1.5],
    ["2025-06-09", purchases[1], purchases[1] * 1.5],
  ]);
  expect(r.stderr).toContain(`Sales: ${200 + purchases[0] + purchases[1]} read`);
}, 180_000);
