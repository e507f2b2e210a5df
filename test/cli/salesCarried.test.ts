/**
 * Sales records keep their other columns (RULES.md §7): one row per customer carries the customer's name, contact,
 * phone and any other column from its most recent sale inside the window, right after the customer; where a customer's
 * sales disagree, its note says so once. The summary's lists show the customer's name.
 *
 * Worked by hand (wuhan: window 2021-09-01 – 2025-07-01):
 *   C1: O1 2025-03-01, O3 2025-06-01, O4 2025-06-01 (the same day: the later row, O4, wins) → 张记五金, 王五;
 *       its sales hold two names (张记五金, 张记五金(新)) and two contacts (张三, 王五); the phone is always the same.
 *   C2: one sale → 李氏建材, 李四, no note.
 *   C3: its only sale is after the analysis date (not graded) → it carries that sale: 赵家, 赵六, no phone.
 */
import { Workbook } from "exceljs";
import { join } from "path";
import { buildCli, csvFile, headerRow, records, rfm, saveWorkbookIn, tempDir, write } from "./helpers";

const SALES = [
  "订单号,客户编号,客户名称,联系人,电话,订单日期,订单金额（元）",
  "O1,C1,张记五金,张三,013800000001,2025-03-01,1200",
  "O2,C2,李氏建材,李四,13900000002,2025-04-01,800",
  "O3,C1,张记五金(新),张三,013800000001,2025-06-01,500",
  "O4,C1,张记五金,王五,013800000001,2025-06-01,300",
  "O5,C3,赵家,赵六,,2026-01-01,100",
];

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
  write(dir, "sales.csv", csvFile(SALES));
}, 180_000);

test("CSV: the carried columns follow the customer, with the most recent sale's values and one note on differing values", () => {
  const run = rfm(["grade", "sales.csv", "--profile", "wuhan", "--as-of", "2025-07-01"], dir);
  expect(run.status).toBe(0);
  expect(headerRow(run.stdout).slice(0, 8)).toEqual([
    "Customer",
    "订单号",
    "客户名称",
    "联系人",
    "电话",
    "Last order date",
    "Purchases",
    "Amount",
  ]);
  const rows = records(run.stdout);
  const pick = (r: Record<string, string>) => [
    r.Customer,
    r["订单号"],
    r["客户名称"],
    r["联系人"],
    r["电话"],
    r["Last order date"],
    r.Purchases,
    r.Amount,
  ];
  expect(rows.map(pick)).toEqual([
    ["C1", "O4", "张记五金", "王五", "013800000001", "2025-06-01", "3", "2000"],
    ["C2", "O2", "李氏建材", "李四", "13900000002", "2025-04-01", "1", "800"],
    ["C3", "O5", "赵家", "赵六", "", "", "0", "0"],
  ]);
  expect(rows[0].Note).toBe("Several values in “订单号”, “客户名称”, “联系人”: the most recent sale's are shown");
  expect(rows[1].Note).toBe("");
  const zh = records(
    rfm(["grade", "sales.csv", "--profile", "wuhan", "--as-of", "2025-07-01", "--lang", "zh"], dir).stdout,
  );
  expect(zh[0]["备注"]).toBe("“订单号”“客户名称”“联系人”列有多个不同的值，显示的是最近一笔销售的值");
});

test(".xlsx: the same columns, the phone kept as text (its leading zero), the summary's lists with the customer's name", async () => {
  // A previous grading in which C2 was A: it moves down to C now.
  write(dir, "previous.csv", csvFile(["Customer,Grade", "C1,A", "C2,A"]));
  const run = rfm(
    [
      "grade",
      "sales.csv",
      "--profile",
      "wuhan",
      "--as-of",
      "2025-07-01",
      "--previous",
      "previous.csv",
      "--out",
      "out.xlsx",
      "--lang",
      "zh",
    ],
    dir,
  );
  expect(run.status).toBe(0);
  expect(run.stderr).toContain("等级下降的客户（按金额从大到小）：C2 李氏建材 A→C (800)");
  const wb = new Workbook();
  await wb.xlsx.readFile(join(dir, "out.xlsx"));
  const sheet = wb.worksheets[0];
  expect((sheet.getRow(1).values as unknown[]).slice(1, 9)).toEqual([
    "客户",
    "订单号",
    "客户名称",
    "联系人",
    "电话",
    "最近下单时间",
    "购买次数",
    "总金额",
  ]);
  expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual(["C1", "O4", "张记五金", "王五", "013800000001"]);
  const summary: unknown[][] = [];
  wb.worksheets[1].eachRow((row, n) => (summary[n - 1] = (row.values as unknown[]).slice(1)));
  const at = (title: string) => summary.findIndex((r) => r?.[0] === title);
  const moved = at("等级下降的客户（按金额从大到小）");
  expect(summary[moved + 1]).toEqual(["客户编号", "客户名称", "上一次等级", "客户等级", "金额"]);
  expect(summary[moved + 2]).toEqual(["C2", "李氏建材", "A", "C", 800]);
  const notGraded = at("未分级的行");
  expect(summary[notGraded + 1]).toEqual(["行", "客户名称", "原因"]);
  expect(summary[notGraded + 2]).toEqual([
    "C3",
    "赵家",
    "“订单日期”列：统计期间 2021-09-01 – 2025-07-01 内没有销售记录",
  ]);
});

test("a table without extra columns writes the four customer columns as before", () => {
  write(dir, "plain.csv", csvFile(["客户编号,订单日期,订单金额", "C1,2025-06-01,10"]));
  const run = rfm(["grade", "plain.csv", "--profile", "wuhan"], dir);
  expect(headerRow(run.stdout).slice(0, 5)).toEqual(["Customer", "Last order date", "Purchases", "Amount", "R Score"]);
});

test("a trailing delimiter's nameless, empty column is not carried; a nameless column with values is, named by its letter", () => {
  write(dir, "trailing.csv", csvFile(["客户编号,订单日期,订单金额,,", "C1,2025-06-01,10,x,", "C1,2025-06-02,10,x,"]));
  const run = rfm(["grade", "trailing.csv", "--profile", "wuhan"], dir);
  expect(run.status).toBe(0);
  expect(headerRow(run.stdout).slice(0, 3)).toEqual(["Customer", "Column D", "Last order date"]);
  expect(records(run.stdout)[0]["Column D"]).toBe("x");
});

test("CSV cells are compared by their bytes and then by their text: quoting and surrounding spaces make no second value", () => {
  write(
    dir,
    "quoted.csv",
    csvFile([
      "客户编号,订单日期,订单金额,客户名称,备注",
      'K1,2025-06-01,10,"张记五金","a ""b"""',
      'K1,2025-06-02,10,张记五金 ,"a ""b"""',
      "K1,2025-06-03,10, 张记五金,",
      "K2,2025-06-01,10,李氏,x",
      "K2,2025-06-02,10,李氏,",
    ]),
  );
  const rows = records(rfm(["grade", "quoted.csv", "--profile", "wuhan"], dir).stdout);
  // K1: one name written three ways; its note column is once 'a "b"' twice and once blank: several values there only.
  expect([rows[0]["客户名称"], rows[0]["备注"], rows[0].Note]).toEqual([
    " 张记五金",
    "",
    "Several values in “备注”: the most recent sale's are shown",
  ]);
  expect([rows[1]["客户名称"], rows[1]["备注"], rows[1].Note]).toEqual([
    "李氏",
    "",
    "Several values in “备注”: the most recent sale's are shown",
  ]);
});

test(".xlsx input: carried numbers and dates stay numbers and dates, with their column's number format", async () => {
  await saveWorkbookIn(dir, "typed.xlsx", (wb) => {
    const ws = wb.addWorksheet("Sales");
    ws.addRow(["客户编号", "订单日期", "订单金额", "信用额度", "开户日期"]);
    ws.addRow(["K1", new Date(Date.UTC(2025, 5, 1)), 100, 50000, new Date(Date.UTC(2020, 0, 15))]);
    ws.addRow(["K1", new Date(Date.UTC(2025, 5, 2)), 100, 80000, new Date(Date.UTC(2020, 0, 15))]);
    ws.getColumn(4).numFmt = "#,##0.00";
    ws.getColumn(5).numFmt = "yyyy/mm/dd";
    for (const r of [2, 3]) {
      ws.getCell(r, 4).numFmt = "#,##0.00";
      ws.getCell(r, 5).numFmt = "yyyy/mm/dd";
    }
  });
  const run = rfm(["grade", "typed.xlsx", "--profile", "wuhan", "--out", "typed-out.xlsx"], dir);
  expect(run.status).toBe(0);
  const wb = new Workbook();
  await wb.xlsx.readFile(join(dir, "typed-out.xlsx"));
  const row = wb.worksheets[0].getRow(2);
  expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1, 4)).toEqual(["Customer", "信用额度", "开户日期"]);
  expect(row.getCell(2).value).toBe(80000);
  expect(row.getCell(2).numFmt).toBe("#,##0.00");
  expect(row.getCell(3).value).toEqual(new Date(Date.UTC(2020, 0, 15)));
  expect(row.getCell(3).numFmt).toBe("yyyy/mm/dd");
});
