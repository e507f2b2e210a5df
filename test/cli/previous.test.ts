/**
 * `rfm grade … --previous EARLIER`: the earlier result is made by the command itself at an earlier --as-of, and the
 * later run compares with it. Expected grades worked out by hand from the Shaoxing bands (RULES.md §6):
 *
 *            as of 2025-12-21                 as of 2025-12-31
 *   C01  D 0  r5 f5 m5 → 6.5 A          D 10 r5 f5 m5 → 6.5 A    =
 *   C02  D 10 r5 f4 m4 → 5.5 B          D 20 r4 f4 m4 → 5.2 B    =
 *   C03  D 30 r3 f3 m2 → 3.3 B          D 40 r2 f3 m2 → 3   C    ↓ (amount 2)
 *   C04  D 5  r5 f3 m1 → 3.3 B          D 15 r4 f3 m1 → 3   C    ↓ (amount 1)
 *   C05  count 2.5: not graded          not graded                (no change)
 *   C06  D 41 r2 f1 m1 → 1.6 C          D 51 r1 f1 m1 → 1.3 C    =
 *   C07  D 20 r4 f2 m3 → 3.8 B          D 30 r3 f2 m3 → 3.5 B    =
 *   C08  D 1  r5 f5 m5 → 6.5 A          D 11 r4 f5 m5 → 6.2 A    =
 *   C09  dated 12-31: not graded        D 0  r5 f5 m4 → 5.9 B    new
 *   C10  D 20 r4 f2 m2 → 3.2 B          (not in the later file)  gone
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { csvSafeText } from "../../src/cli/cellText";
import { buildCli, csvFile, headerRow, readText, records, rfm, tempDir, write } from "./helpers";

const HEADERS = "Customer ID,Last order date,Order amount,Purchase count,Total amount";
const ROWS = [
  "C01,2025-12-21,1.5,16,8.01",
  "C02,2025-12-11,0.5,15,8",
  "C03,2025-11-21,0.2,6,2",
  "C04,2025-12-16,0.2,10,1",
  "C05,2025-12-30,0.3,2.5,4",
  "C06,2025-11-10,0.5,1,0.5",
  "C07,2025-12-01,1,5,5",
  "C08,2025-12-20,2,16,9",
  "C09,2025-12-31,1,20,6",
];
const C10 = "C10,2025-12-01,1,3,2";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
  write(dir, "december.csv", csvFile([HEADERS, ...ROWS, C10]));
  write(dir, "later.csv", csvFile([HEADERS, ...ROWS]));
}, 180_000);

function earlier(out: string): void {
  const run = rfm(["grade", "december.csv", "--profile", "shaoxing", "--as-of", "2025-12-21", "--out", out], dir);
  expect(run.status).toBe(0);
}

test("CSV: the later result gains Previous grade and Change, matched by customer id", () => {
  earlier("earlier.csv");
  const run = rfm(
    ["grade", "later.csv", "--profile", "shaoxing", "--as-of", "2025-12-31", "--previous", "earlier.csv"],
    dir,
  );
  expect(run.status).toBe(0);
  expect(headerRow(run.stdout).slice(-6)).toEqual([
    "Cadence",
    "Note",
    "Next contact by",
    "Previous grade",
    "Change",
    "Next grade with one order of",
  ]);
  // CSV output guards text starting with "=" against formula injection with an apostrophe (the .xlsx cell is "=").
  const same = "'=";
  const out = records(run.stdout);
  expect(out.map((r) => [r["Customer ID"], r.Grade, r["Previous grade"], r.Change])).toEqual([
    ["C01", "A", "A", same],
    ["C02", "B", "B", same],
    ["C03", "C", "B", "↓"],
    ["C04", "C", "B", "↓"],
    ["C05", "", "", ""],
    ["C06", "C", "C", same],
    ["C07", "B", "B", same],
    ["C08", "A", "A", same],
    ["C09", "B", "", "new"],
  ]);
  // The summary on stderr: the changes, the matrix (rows: previous grade; columns: grade now and gone).
  expect(run.stderr).toContain("Changes: Moved up 0, Moved down 2, Same grade 5, New 1, Gone 1");
  const matrix = run.stderr.split("\n").filter((l) => /^ {2}(A|B|C|New) +\d/.test(l));
  expect(matrix.slice(-4).map((l) => l.trim().split(/\s+/))).toEqual([
    ["A", "2", "0", "0", "0"],
    ["B", "0", "2", "2", "1"],
    ["C", "0", "0", "1", "0"],
    ["New", "0", "1", "0", "0"],
  ]);
  expect(run.stderr).toContain("Customers who moved down, largest amount first: C03 B→C (2), C04 B→C (1)");
});

test("Chinese: the columns and changes read 上一次等级 / 变化 and 新增", () => {
  earlier("earlier-zh.csv");
  const run = rfm(
    [
      "grade",
      "later.csv",
      "--profile",
      "shaoxing",
      "--as-of",
      "2025-12-31",
      "--previous",
      "earlier-zh.csv",
      "--lang",
      "zh",
    ],
    dir,
  );
  expect(run.status).toBe(0);
  expect(headerRow(run.stdout).slice(-4)).toEqual(["下次沟通日期", "上一次等级", "变化", "升级所需单笔订单"]);
  expect(records(run.stdout).map((r) => r["变化"])).toEqual(["'=", "'=", "↓", "↓", "", "'=", "'=", "'=", "新增"]);
  expect(run.stderr).toContain("变化：等级上升 0，等级下降 2，等级不变 5，新增 1，流失 1");
});

test("xlsx: an earlier .xlsx result; the later workbook has the columns, next contact dates and the summary sheet", async () => {
  earlier("earlier.xlsx");
  const run = rfm(
    [
      "grade",
      "later.csv",
      "--profile",
      "shaoxing",
      "--as-of",
      "2025-12-31",
      "--previous",
      "earlier.xlsx",
      "--out",
      "later.xlsx",
    ],
    dir,
  );
  expect(run.status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "later.xlsx"));
  expect(wb.worksheets.map((w) => w.name)).toEqual(["RFM grades", "RFM Summary"]);
  const grades = wb.worksheets[0];
  const header = (grades.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(-4)).toEqual(["Next contact by", "Previous grade", "Change", "Next grade with one order of"]);
  const col = (name: string) => header.indexOf(name) + 1;
  // C03 (row 4): C now, B before; next contact 2025-12-31 + 6 months = 2026-06-30, a date cell.
  expect(grades.getRow(4).getCell(col("Previous grade")).value).toBe("B");
  expect(grades.getRow(4).getCell(col("Change")).value).toBe("↓");
  expect(grades.getRow(2).getCell(col("Change")).value).toBe("=");
  const next = grades.getRow(4).getCell(col("Next contact by"));
  expect(next.value).toEqual(new Date(Date.UTC(2026, 5, 30)));
  expect(next.numFmt).toBe("yyyy-mm-dd");
  // C01 (A): + 1 month = 2026-01-31.
  expect(grades.getRow(2).getCell(col("Next contact by")).value).toEqual(new Date(Date.UTC(2026, 0, 31)));

  const summary = wb.worksheets[1];
  const rows: unknown[][] = [];
  summary.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  const find = (label: string) => rows.findIndex((r) => r?.[0] === label);
  // Grade table: A 2 (C01 8.01 + C08 9), B 3 (C02 8 + C07 5 + C09 6), C 3 (C03 2 + C04 1 + C06 0.5) of 8 customers,
  // amounts of 39.51. Customers 25 / 37.5 / 37.5 %; amounts 17.01 / 19 / 3.5 of 39.51:
  // tenths 430.52…, 480.89…, 88.58… → floors 430 + 480 + 88 = 998, + the two largest remainders (B, C) = 430, 481, 89.
  const table = find("Grade");
  expect(rows.slice(table, table + 5).map((r) => r.slice(0, 5))).toEqual([
    ["Grade", "Customers", "Share of customers", "Amount", "Share of amount"],
    ["A", 2, 0.25, 17.01, 0.43],
    ["B", 3, 0.375, 19, 0.481],
    ["C", 3, 0.375, 3.5, 0.089],
    ["Total", 8, 1, 39.51, 1],
  ]);
  expect(summary.getRow(table + 2).getCell(3).numFmt).toBe("0.0%");
  const matrix = find("Previous \\ now");
  expect(rows.slice(matrix, matrix + 5).map((r) => r.slice(0, 5))).toEqual([
    ["Previous \\ now", "A", "B", "C", "Gone"],
    ["A", 2, 0, 0, 0],
    ["B", 0, 2, 2, 1],
    ["C", 0, 0, 1, 0],
    ["New", 0, 1, 0, 0],
  ]);
  const moved = find("Customer id");
  expect(rows.slice(moved + 1, moved + 3).map((r) => r.slice(0, 4))).toEqual([
    ["C03", "B", "C", 2],
    ["C04", "B", "C", 1],
  ]);
  expect(rows[find("Compared with")][1]).toBe("earlier.xlsx");
});

test("grading the later result again compares with its own Grade column, not a second set of columns", () => {
  earlier("earlier2.csv");
  const first = rfm(
    [
      "grade",
      "later.csv",
      "--profile",
      "shaoxing",
      "--as-of",
      "2025-12-31",
      "--previous",
      "earlier2.csv",
      "--out",
      "round2.csv",
    ],
    dir,
  );
  expect(first.status).toBe(0);
  const again = rfm(
    ["grade", "round2.csv", "--profile", "shaoxing", "--as-of", "2025-12-31", "--previous", "round2.csv"],
    dir,
  );
  expect(again.status).toBe(0);
  const headers = headerRow(again.stdout);
  expect(headers.filter((h) => h === "Change")).toHaveLength(1);
  expect(headers).toHaveLength(5 + 11);
  expect(records(again.stdout).map((r) => r.Change)).toEqual(["'=", "'=", "'=", "'=", "", "'=", "'=", "'=", "'="]);
});

test("a previous file without a Grade column is refused, naming its headers", () => {
  const run = rfm(
    ["grade", "later.csv", "--profile", "shaoxing", "--as-of", "2025-12-31", "--previous", "december.csv"],
    dir,
  );
  expect(run.status).toBe(2);
  expect(run.stderr).toBe(
    'rfm: "december.csv" has no Grade column (Grade or 客户等级), so it is not an earlier result of rfm grade. ' +
      'Its headers are: "Customer ID", "Last order date", "Order amount", "Purchase count", "Total amount"\n',
  );
  const zh = rfm(
    [
      "grade",
      "later.csv",
      "--profile",
      "shaoxing",
      "--as-of",
      "2025-12-31",
      "--previous",
      "december.csv",
      "--lang",
      "zh",
    ],
    dir,
  );
  expect(zh.stderr).toMatch(/^rfm: “december.csv”没有客户等级列/);
});

test("--previous must be a .csv or .xlsx file, and the table needs customer ids to match", () => {
  const bad = rfm(
    ["grade", "later.csv", "--profile", "shaoxing", "--as-of", "2025-12-31", "--previous", "earlier.json"],
    dir,
  );
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("--previous");
  earlier("earlier3.csv");
  write(dir, "no-ids.csv", csvFile(["Last order date,Purchase count,Total amount", "2025-12-21,16,8.01"]));
  const noIds = rfm(
    ["grade", "no-ids.csv", "--profile", "shaoxing", "--as-of", "2025-12-31", "--previous", "earlier3.csv"],
    dir,
  );
  expect(noIds.status).toBe(2);
  expect(noIds.stderr).toContain("--map id=HEADER");
});

describe("ids written with the formula-injection guard are matched back", () => {
  // Ids a finance office has: phone numbers, codes with signs, a user's own leading apostrophe. Shaoxing as of
  // 2025-12-31: 10 days, 16 purchases, 9 万元 → A; 40 days, 3, 2 → C.
  const IDS = ["+86 138 0000 0001", "=A1", "-abc", "@x", "'=y", "'plain", "''-z", "007", "C1"];
  const customers = csvFile([
    "Customer ID,Last order date,Purchase count,Total amount",
    ...IDS.map((id, k) => `"${id.replace(/"/g, '""')}",${k % 2 ? "2025-11-21,3,2" : "2025-12-21,16,9"}`),
  ]);
  const args = ["--profile", "shaoxing", "--as-of", "2025-12-31"];

  test.each(["csv", "xlsx"])("an earlier .%s result: every customer is matched, none new or gone", (format) => {
    write(dir, "guarded.csv", customers);
    expect(rfm(["grade", "guarded.csv", ...args, "-o", `guarded-earlier.${format}`], dir).status).toBe(0);
    const run = rfm(["grade", "guarded.csv", ...args, "--previous", `guarded-earlier.${format}`], dir);
    expect(run.status).toBe(0);
    const out = records(run.stdout);
    expect(out.map((r) => r["Customer ID"])).toEqual(IDS.map(csvSafeText));
    expect(out.map((r) => r.Change)).toEqual(IDS.map(() => "'="));
    expect(run.stderr).toContain(`Same grade ${IDS.length}, New 0, Gone 0`);
  });

  test("sales records: customer ids in the earlier result are matched too", () => {
    const sales = csvFile([
      "客户,消费时间,消费金额",
      ...IDS.map((id, k) => `"${id}",2025-06-0${1 + (k % 8)},${100 * (k + 1)}`),
    ]);
    write(dir, "guarded-sales.csv", sales);
    expect(
      rfm(["grade", "guarded-sales.csv", "--profile", "wuhan", "-o", "guarded-sales-earlier.csv"], dir).status,
    ).toBe(0);
    const run = rfm(
      ["grade", "guarded-sales.csv", "--profile", "wuhan", "--previous", "guarded-sales-earlier.csv"],
      dir,
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`Same grade ${IDS.length}, New 0, Gone 0`);
  });

  test("the earlier CSV result graded again as the input: its ids are written as they were, and matched", () => {
    write(dir, "guarded.csv", customers);
    expect(rfm(["grade", "guarded.csv", ...args, "-o", "round1.csv"], dir).status).toBe(0);
    const again = rfm(["grade", "round1.csv", ...args, "--previous", "round1.csv"], dir);
    expect(again.status).toBe(0);
    expect(records(again.stdout).map((r) => r["Customer ID"])).toEqual(
      records(readText(join(dir, "round1.csv"))).map((r) => r["Customer ID"]),
    );
    expect(again.stderr).toContain(`Same grade ${IDS.length}, New 0, Gone 0`);
  });
});
