/**
 * `rfm grade` on sales records with the Wuhan profile (RULES.md §6, §7): as-of 2025-07-01, window from 2021-09-01, both
 * days inclusive; quintiles with the `average` tie rule; X = 0.3r + 0.3f + 0.4m; A: X>=4, B: >=3, C: >=2, D: below.
 *
 * The population, worked by hand (N = 5 graded customers; with no ties a customer's position q gives the score
 * 5 - floor(5(2q+1)/10), i.e. 5, 4, 3, 2, 1 for q = 0..4):
 *   A: kept sales 2025-06-30, 2025-05-01, 2024-01-01 of 500 each → D=1,   S=3, Z=1500
 *   B: 2025-06-01 3000, 2021-09-01 1000 (first day of the window)  → D=30,  S=2, Z=4000
 *   C: 2025-07-01 200 (the as-of day); 2025-07-02 and 2021-08-31 fall outside → D=0, S=1, Z=200
 *   D: four sales of 1000 in July 2024 and a refund of -500 on 2024-07-05 → D=361, S=5, Z=3500
 *   E: 2023-01-01 10000; a sale with amount "abc" is skipped → D=912, S=1, Z=10000
 *   F: only 2021-08-01, before the window → not graded
 * R (D ascending): C 5, A 4, B 3, D 2, E 1.   M (Z descending): E 5, B 4, D 3, A 2, C 1.
 * F (S descending): D 5, A 4, B 3; C and E tie at S=1 with G=3 better, T=2: 5 - floor(5(2·3+2)/10) = 1 for both.
 * X: A 1.2+1.2+0.8 = 3.2 B;  B 0.9+0.9+1.6 = 3.4 B;  C 1.5+0.3+0.4 = 2.2 C;  D 0.6+1.5+1.2 = 3.3 B;  E 0.3+0.3+2 = 2.6 C.
 */

import { buildCli, csvFile, headerRow, readText, records, rfm, tempDir, write } from "./helpers";

const SALES = [
  "Customer,Date,Amount",
  "A,2025-06-30,500",
  "B,2025-06-01,3000",
  "A,2025-05-01,500",
  "C,2025-07-01,200",
  "C,2025-07-02,9999",
  "D,2024-07-01,1000",
  "D,2024-07-02,1000",
  "E,2023-01-01,10000",
  "D,2024-07-03,1000",
  "A,2024-01-01,500",
  "B,2021-09-01,1000",
  "E,2025-06-15,abc",
  "D,2024-07-04,1000",
  "C,2021-08-31,5000",
  "D,2024-07-05,-500",
  "F,2021-08-01,700",
];

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

test("one row per customer in first-appearance order, with last date, purchases, amount and the hand-worked grades", () => {
  const input = write(dir, "sales.csv", csvFile(SALES));
  const run = rfm(["grade", input, "--profile", "wuhan"], dir);
  expect(run.status).toBe(0);
  expect(headerRow(run.stdout)).toEqual([
    "Customer",
    "Last order date",
    "Purchases",
    "Amount",
    "R Score",
    "F Score",
    "M Score",
    "RFM Score",
    "Grade",
    "Cadence",
    "Note",
    "Next contact by",
    "Next grade with one order of",
  ]);
  const out = records(run.stdout).map((r) => [
    r.Customer,
    r["Last order date"],
    r.Purchases,
    r.Amount,
    r["R Score"],
    r["F Score"],
    r["M Score"],
    r["RFM Score"],
    r.Grade,
    r["Next grade with one order of"],
  ]);
  // The next-grade order (RULES.md §12), by hand: an order today ties A, B, D and E with C's D = 0 (r 4; C itself gets
  // 5).   A: S 4 has one above (f 4): 2.4 + 0.4m ≥ 4 needs m 4, at most one total above: past B's 4,000 → 2,500.01.
  //   B: S 3 ties A below D (f 3): 2.1 + 0.4m ≥ 4 needs m 5: past E's 10,000 → 6,000.01.
  //   C: r 5, S 2 ties B below D and A (f 2): 2.1 + 0.4m ≥ 3 needs m 3: past D's 3,500 → 3,300.01.
  //   D: S 6 is the most (f 5): 2.7 + 0.4m ≥ 4 needs m 4: past B's 4,000 → 500.01.
  //   E: f 2; 1.8 + 0.4·5 ≥ 3 with the m it has: one cent.
  expect(out).toEqual([
    ["A", "2025-06-30", "3", "1500", "4", "4", "2", "3.2", "B", "2500.01"],
    ["B", "2025-06-01", "2", "4000", "3", "3", "4", "3.4", "B", "6000.01"],
    ["C", "2025-07-01", "1", "200", "5", "1", "1", "2.2", "C", "3300.01"],
    ["D", "2024-07-05", "5", "3500", "2", "5", "3", "3.3", "B", "500.01"],
    ["E", "2023-01-01", "1", "10000", "1", "1", "5", "2.6", "C", "0.01"],
    ["F", "", "0", "0", "", "", "", "", "", ""],
  ]);
  const rows = records(run.stdout);
  expect(rows[0].Cadence).toBe("one revisit per quarter");
  expect(rows[2].Cadence).toBe("one revisit per half-year");
  expect(rows[5].Note).toBe("Column “Date”: no purchase inside the window 2021-09-01 – 2025-07-01");
});

test("the summary counts sales read, kept, outside the window and skipped, and names the skipped sale's row", () => {
  const input = write(dir, "sales.csv", csvFile(SALES));
  const run = rfm(["grade", input, "--profile", "wuhan"], dir);
  expect(run.stderr).toContain("Sales window: 2021-09-01 – 2025-07-01");
  expect(run.stderr).toContain("Graded 5 of 6 customers");
  expect(run.stderr).toContain("Grades: A 0  B 3  C 2  D 0");
  // 16 sales: 3 outside the window (C's two, F's one), 1 unreadable, 12 kept (A 3, B 2, C 1, D 5, E 1).
  expect(run.stderr).toContain("Sales: 16 read, 12 inside the window, 3 outside it, 1 skipped as unreadable");
  // "E,2025-06-15,abc" is the 12th sale: sheet row 13.
  expect(run.stderr).toContain("Row 13, column “Amount”: order amount is not a number (abc)");
});

test("per-score counts show the tie: two customers share F score 1", () => {
  const input = write(dir, "sales.csv", csvFile(SALES));
  const run = rfm(["grade", input, "--profile", "wuhan"], dir);
  // Scores 5..1 per dimension: R one each; F 5:D 4:A 3:B 2:none 1:C,E; M one each.
  expect(run.stderr).toContain("R 1/1/1/1/1  F 1/1/1/0/2  M 1/1/1/1/1");
});

test("--window-start and --as-of move the window: B's 2021 sale drops out, the summary shows the new dates", () => {
  const input = write(dir, "sales.csv", csvFile(SALES));
  const run = rfm(["grade", input, "--profile", "wuhan", "--window-start", "2022-01-01", "--as-of", "2025-07-02"], dir);
  expect(run.status).toBe(0);
  const b = records(run.stdout).find((r) => r.Customer === "B")!;
  expect([b.Purchases, b.Amount]).toEqual(["1", "3000"]);
  const c = records(run.stdout).find((r) => r.Customer === "C")!;
  // C's 2025-07-02 sale is now on the as-of day: S=2, Z=10199.
  expect([c["Last order date"], c.Purchases, c.Amount]).toEqual(["2025-07-02", "2", "10199"]);
  expect(run.stderr).toContain("Sales window: 2022-01-01 – 2025-07-02");
});

test("Chinese sales headers (客户, 消费时间, 消费金额) with --lang zh give the Chinese customer columns", () => {
  const input = write(dir, "销售.csv", csvFile(["客户,消费时间,消费金额", ...SALES.slice(1)]));
  const run = rfm(["grade", input, "--profile", "wuhan", "--lang", "zh"], dir);
  expect(run.status).toBe(0);
  expect(headerRow(run.stdout)).toEqual([
    "客户",
    "最近下单时间",
    "购买次数",
    "总金额",
    "R评分",
    "F评分",
    "M评分",
    "RFM综合评分",
    "客户等级",
    "沟通频次",
    "备注",
    "下次沟通日期",
    "升级所需单笔订单",
  ]);
  const a = records(run.stdout)[0];
  expect([a["客户"], a["RFM综合评分"], a["客户等级"], a["沟通频次"]]).toEqual(["A", "3.2", "B", "每季度回访一次"]);
  expect(run.stderr).toContain("第 13 行，“消费金额”列：订单金额不是数字（abc）");
});

test("amounts keep their exact decimals when summed (0.1 + 0.2 is 0.3)", () => {
  const input = write(dir, "cents.csv", csvFile(["Customer,Date,Amount", "P,2025-06-01,0.1", "P,2025-06-02,0.2"]));
  const run = rfm(["grade", input, "--profile", "wuhan"], dir);
  expect(records(run.stdout)[0].Amount).toBe("0.3");
});

test("--input customers on sales records is refused: the purchase-count column is missing", () => {
  const input = write(dir, "sales.csv", csvFile(SALES));
  const run = rfm(["grade", input, "--profile", "wuhan", "--input", "customers"], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/count \(purchase count\)/);
});

test("--input transactions grades a sales table whose extra count column would make it look customer-level", () => {
  // "Count" here is the number of items in one sale; without --input the table reads as a customer table and lacks
  // a total column. As sales records it is the population above with an extra column.
  const withCount = SALES.map((line, i) => line + (i === 0 ? ",Count" : ",1"));
  const input = write(dir, "sales-with-count.csv", csvFile(withCount));
  expect(rfm(["grade", input, "--profile", "wuhan"], dir).status).toBe(2);
  const run = rfm(["grade", input, "--profile", "wuhan", "--input", "transactions"], dir);
  expect(run.status).toBe(0);
  expect(records(run.stdout).map((r) => [r.Customer, r["RFM Score"], r.Grade])).toEqual([
    ["A", "3.2", "B"],
    ["B", "3.4", "B"],
    ["C", "2.2", "C"],
    ["D", "3.3", "B"],
    ["E", "2.6", "C"],
    ["F", "", ""],
  ]);
});

test("customer lines are written exactly: quoted ids, the formula defence, Chinese ids, exact sums, empty totals", () => {
  const input = write(
    dir,
    "awkward-sales.csv",
    csvFile([
      "Customer,Date,Amount",
      '"Zhang, Li",2025-06-30,100.5',
      "=SUM(A1),2025-06-01,-20",
      "王小明,2025-05-01,0.1",
      "王小明 ,2025-05-02 09:30,0.2",
      '"He said ""hi""",2020-01-01,5',
      "Big,2025-01-01,1e308",
      "Big,2025-01-02,1e308",
    ]),
  );
  for (const out of [undefined, "awkward-graded.csv"]) {
    const run = rfm(["grade", input, "--profile", "wuhan", ...(out ? ["-o", out] : [])], dir);
    expect(run.status).toBe(0);
    const text = out ? readText(`${dir}/${out}`) : run.stdout;
    expect(text.startsWith("\uFEFF")).toBe(out !== undefined); // a byte-order mark in a file only
    const lines = text.replace(/^\uFEFF/, "").split("\n");
    expect(lines).toHaveLength(7); // header, five customers, and the last line break
    expect(lines[6]).toBe("");
    // A comma or a quote makes the id quoted; an id Excel would run as a formula gets an apostrophe; "王小明 " is
    // the same customer as "王小明" (ids are trimmed) and its sums are exact (0.1 + 0.2 = 0.3).
    expect(lines[1].startsWith('"Zhang, Li",2025-06-30,1,100.5,')).toBe(true);
    expect(lines[2].startsWith("'=SUM(A1),2025-06-01,1,-20,")).toBe(true);
    expect(lines[3].startsWith("王小明,2025-05-02,2,0.3,")).toBe(true);
    // Outside the window: no last date, no purchases, no scores, and the reason in the Note column.
    expect(lines[4]).toBe(
      '"He said ""hi""",,0,0,,,,,,,Column “Date”: no purchase inside the window 2021-09-01 – 2025-07-01,,',
    );
    // Two sales of 1e308 add up to no number: the amount stays empty and the note says why.
    expect(lines[5]).toBe(
      "Big,2025-01-02,2,,,,,,,,Column “Amount”: the amounts add up to more than any number can hold (beyond 1.8 × 10^308),,",
    );
  }
});
