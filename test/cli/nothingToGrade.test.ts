/**
 * Nothing to grade is refused, never written as an empty result: a column read without one readable value (a date
 * column with no date), or a header with no rows below it. One `rfm:` line naming the column, exit 2, no output.
 */
import { buildCli, csvFile, filesIn, rfm, tempDir, write } from "./helpers";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

test("sales records whose date column holds no date", () => {
  write(dir, "nodates.csv", csvFile(["客户编号,日期,金额", "C1,合计,100", "C2,,200", "C3,2025 Q1,300"]));
  const run = rfm(["grade", "nodates.csv", "--profile", "wuhan", "--out", "out.csv"], dir);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toBe(
    "rfm: No row has a date in column “日期”: check that this is the order date column. Name the right column with --map date=HEADER\n",
  );
  expect(filesIn(dir)).not.toContain("out.csv");
  const zh = rfm(["grade", "nodates.csv", "--profile", "wuhan", "--lang", "zh"], dir);
  expect(zh.stderr).toBe(
    "rfm: “日期”列中没有一行是日期：请检查下单时间是否选对了列。可用 --map date=列标题 指定正确的列\n",
  );
});

test("a customer table whose total column holds no number", () => {
  write(
    dir,
    "nototals.csv",
    csvFile(["客户编号,最近下单时间,购买次数,总金额", "C1,2025-06-01,3,n/a", "C2,2025-06-02,1,"]),
  );
  const run = rfm(["grade", "nototals.csv", "--profile", "shaoxing", "--as-of", "2025-07-01"], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toBe(
    "rfm: No row has a number in column “总金额”: check that this is the total amount column. Name the right column with --map total=HEADER\n",
  );
});

test("a header with no rows below it, or only blank ones", () => {
  write(dir, "header.csv", csvFile(["客户编号,订单日期,订单金额"]));
  write(dir, "blank.csv", csvFile(["客户编号,订单日期,订单金额", ",,", ",,"]));
  for (const file of ["header.csv", "blank.csv"]) {
    const run = rfm(["grade", file, "--profile", "wuhan"], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("rfm: There are no rows to grade below the header.\n");
  }
  expect(rfm(["grade", "header.csv", "--profile", "wuhan", "--lang", "zh"], dir).stderr).toBe(
    "rfm: 标题行下方没有可分级的数据行。\n",
  );
});

test("one readable date is enough: the grading runs and the bad rows are noted", () => {
  write(dir, "onedate.csv", csvFile(["客户编号,日期,金额", "C1,合计,100", "C2,2025-06-01,200"]));
  const run = rfm(["grade", "onedate.csv", "--profile", "wuhan"], dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain("Graded 1 of 1 customers");
});
