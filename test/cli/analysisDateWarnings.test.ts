/**
 * The analysis date against the data (RULES.md §9). The wuhan profile fixes 2025-07-01: on data of 2026, every row
 * of a customer table is dated after it and nobody is graded. Without --as-of the command says so plainly before the
 * summary, with the exact option that grades as of the data's latest date; the rules themselves do not change.
 */
import { buildCli, csvFile, records, rfm, tempDir, write } from "./helpers";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
  write(
    dir,
    "customers2026.csv",
    csvFile([
      "客户编号,最近下单时间,历史购买总次数,历史购买总金额（元）",
      "K1,2026-01-10,3,12000",
      "K2,2026-02-01,5,90000",
      "K3,2026-01-20,1,500",
    ]),
  );
  write(
    dir,
    "sales2026.csv",
    csvFile([
      "客户编号,订单日期,订单金额",
      "A,2025-06-01,100",
      "A,2026-01-05,200",
      "B,2026-02-01,300",
      "C,2025-05-01,50",
    ]),
  );
}, 180_000);

test("wuhan on a 2026 customer table: nobody is graded, and the warning says so in English", () => {
  const run = rfm(["grade", "customers2026.csv", "--profile", "wuhan"], dir);
  expect(run.status).toBe(0);
  expect(records(run.stdout).every((r) => r.Grade === "")).toBe(true);
  const lines = run.stderr.split("\n");
  expect(lines[0]).toBe(
    'Warning: the data runs to 2026-02-01, past the analysis date fixed by the profile "wuhan" (2025-07-01): all 3 rows are dated after it: no customer is graded. To grade as of the latest date in the data, add --as-of 2026-02-01',
  );
  expect(lines.findIndex((l) => l.startsWith("Profile:"))).toBeGreaterThan(0);
});

test("… and in Chinese", () => {
  const run = rfm(["grade", "customers2026.csv", "--profile", "wuhan", "--lang", "zh"], dir);
  expect(run.stderr.split("\n")[0]).toBe(
    "警告：数据中最晚的日期是 2026-02-01，晚于分级方案“wuhan”固定的统计日期 2025-07-01：全部 3 行的日期都在此之后，没有任何客户被分级。如需以数据中最晚的日期为统计日期，请加上 --as-of 2026-02-01",
  );
});

test("the option offered grades everyone, without a warning", () => {
  const run = rfm(["grade", "customers2026.csv", "--profile", "wuhan", "--as-of", "2026-02-01"], dir);
  expect(records(run.stdout).every((r) => r.Grade !== "")).toBe(true);
  expect(run.stderr).not.toContain("Warning");
});

test("sales records: the sales left out, their customers, and those left ungraded", () => {
  // A: one sale inside, one after (graded); B: only a sale after (not graded); C: inside only.
  const run = rfm(["grade", "sales2026.csv", "--profile", "wuhan"], dir);
  expect(run.stderr.split("\n")[0]).toBe(
    'Warning: the data runs to 2026-02-01, past the analysis date fixed by the profile "wuhan" (2025-07-01): 2 of 4 sales are dated after it and left out, from 2 customers; 1 of these has no sale inside the window and is not graded. To grade as of the latest date in the data, add --as-of 2026-02-01',
  );
  const zh = rfm(["grade", "sales2026.csv", "--profile", "wuhan", "--lang", "zh"], dir);
  expect(zh.stderr.split("\n")[0]).toBe(
    "警告：数据中最晚的日期是 2026-02-01，晚于分级方案“wuhan”固定的统计日期 2025-07-01：4 笔销售中有 2 笔在此之后，不计入统计（涉及 2 位客户，其中 1 位在统计期间内没有销售记录，因此未分级）。如需以数据中最晚的日期为统计日期，请加上 --as-of 2026-02-01",
  );
});

test("the user's own earlier date is reported as a note, not a warning", () => {
  const run = rfm(["grade", "sales2026.csv", "--profile", "wuhan", "--as-of", "2026-01-31"], dir);
  expect(run.stderr.split("\n")[0]).toBe(
    "Note: the data runs to 2026-02-01, past the analysis date 2026-01-31 (--as-of): 1 of 4 sales is dated after it and left out, from 1 customer; 1 of these has no sale inside the window and is not graded. To grade as of the latest date in the data, add --as-of 2026-02-01",
  );
});

test("an analysis date more than 31 days after the data is warned about (every customer looks inactive)", () => {
  const run = rfm(["grade", "sales2026.csv", "--profile", "wuhan", "--as-of", "2026-03-05"], dir);
  expect(run.stderr.split("\n")[0]).toBe(
    "Warning: the analysis date 2026-03-05 is 32 days after the latest date in the data (2026-02-01): every customer will look inactive (low R)",
  );
  const quiet = rfm(["grade", "sales2026.csv", "--profile", "wuhan", "--as-of", "2026-03-04"], dir);
  expect(quiet.stderr).not.toContain("Warning");
});
