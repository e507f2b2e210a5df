/**
 * Columns as the headers name them: the unit written in the money column's header (RULES.md §10), two columns headed
 * alike, and a column headed "total".
 */

import { buildCli, csvFile, records, rfm, tempDir, write } from "./helpers";

const SHAOXING = ["--profile", "shaoxing", "--as-of", "2025-12-31"];
let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
  // 40 days before the as-of date: R 2; 3 purchases: F 2. 5000 yuan = 0.5 wan: M 1 → X = 0.6 + 0.8 + 0.6 = 2, grade C.
  // Read as 5000 wan it would be M 5 → X = 4.4, grade B.
  write(
    dir,
    "yuan.csv",
    csvFile(["客户编号,最近下单时间,历史购买总次数,历史购买总金额（元）", "K1,2025-11-21,3,5000"]),
  );
  write(dir, "plain.csv", csvFile(["客户编号,最近下单时间,历史购买总次数,历史购买总金额", "K1,2025-11-21,3,5000"]));
}, 180_000);

test("历史购买总金额（元） under shaoxing (a 万元 profile) is read in yuan, and the summary says why", () => {
  const run = rfm(["grade", "yuan.csv", ...SHAOXING], dir);
  expect(run.status).toBe(0);
  const [row] = records(run.stdout);
  expect([row["M Score"], row["RFM Score"], row.Grade]).toEqual(["1", "2", "C"]);
  expect(run.stderr).toContain('Amounts read in: yuan (元) (from the header "历史购买总金额（元）")');
  const zh = rfm(["grade", "yuan.csv", ...SHAOXING, "--lang", "zh"], dir);
  expect(zh.stderr).toContain("金额单位：元（依据列标题“历史购买总金额（元）”）");
});

test("no unit in the header: the profile's unit, and the summary says so", () => {
  const run = rfm(["grade", "plain.csv", ...SHAOXING], dir);
  expect(records(run.stdout)[0]["M Score"]).toBe("5");
  expect(run.stderr).toContain("Amounts read in: 10,000 yuan (万元) (the profile's unit)");
});

test("--unit wins over the header, with a warning when they disagree", () => {
  const run = rfm(["grade", "yuan.csv", ...SHAOXING, "--unit", "wan"], dir);
  expect(run.status).toBe(0);
  expect(records(run.stdout)[0]["M Score"]).toBe("5");
  expect(run.stderr).toContain(
    'Warning: the header "历史购买总金额（元）" says yuan (元), but --unit says 10,000 yuan (万元): amounts are read in 10,000 yuan (万元) as --unit asks',
  );
  expect(run.stderr).toContain("Amounts read in: 10,000 yuan (万元) (--unit)");
  const agreeing = rfm(["grade", "yuan.csv", ...SHAOXING, "--unit", "yuan"], dir);
  expect(agreeing.stderr).not.toContain("Warning: the header");
});

test("sales records: an order amount headed 金额（万元） under wuhan (a yuan profile) is read in 万元", () => {
  write(dir, "wan-sales.csv", csvFile(["客户编号,订单日期,订单金额（万元）", "A,2025-06-01,1.5", "B,2025-06-01,2"]));
  const run = rfm(["grade", "wan-sales.csv", "--profile", "wuhan"], dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain('Amounts read in: 10,000 yuan (万元) (from the header "订单金额（万元）")');
});

test("two columns headed alike are refused for the role they would play, naming both columns", () => {
  write(dir, "twice.csv", csvFile(["客户编号,订单日期,金额,备注,金额", "A,2025-06-01,100,x,200"]));
  const run = rfm(["grade", "twice.csv", "--profile", "wuhan"], dir);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toBe(
    'rfm: 2 columns are headed "金额" (columns C and E), so which one is the order amount cannot be told: rename all but one of them in the file\n',
  );
  const zh = rfm(["grade", "twice.csv", "--profile", "wuhan", "--lang", "zh"], dir);
  expect(zh.stderr).toBe(
    "rfm: 有 2 列的列标题都是“金额”（第 C、E 列），无法确定哪一列是订单金额：请在文件中修改列标题，只让其中一列使用此名称\n",
  );
});

test("two columns headed alike that play no role are no problem", () => {
  write(dir, "notes.csv", csvFile(["Customer,Note,Date,Note,Amount", "A,x,2025-06-01,y,100"]));
  expect(rfm(["grade", "notes.csv", "--profile", "wuhan"], dir).status).toBe(0);
});

test('a column headed "total" is the total amount', () => {
  write(dir, "total.csv", csvFile(["id,date,count,total", "T1,2025-12-31,16,9"]));
  const run = rfm(["grade", "total.csv", ...SHAOXING], dir);
  expect(run.status).toBe(0);
  expect(records(run.stdout)[0].Grade).toBe("A");
});

test("a unit inside the header (历史购买总金额（元）含税) is found, and the column is recognised", () => {
  write(
    dir,
    "inside.csv",
    csvFile(["客户编号,最近下单时间,历史购买总次数,历史购买总金额（元）含税", "K1,2025-11-21,3,5000"]),
  );
  const run = rfm(["grade", "inside.csv", ...SHAOXING], dir);
  expect(run.status).toBe(0);
  // 5000 yuan = 0.5 万元: M 1 and grade C, as for 历史购买总金额（元）.
  expect([records(run.stdout)[0]["M Score"], records(run.stdout)[0].Grade]).toEqual(["1", "C"]);
  expect(run.stderr).toContain('Amounts read in: yuan (元) (from the header "历史购买总金额（元）含税")');
});

test("--map by the exact header picks one of two columns that differ only in their unit", () => {
  write(dir, "two-units.csv", csvFile(["客户编号,订单日期,金额（元）,金额（万元）", "A,2025-06-01,15000,1.5"]));
  const refused = rfm(["grade", "two-units.csv", "--profile", "wuhan"], dir);
  expect(refused.status).toBe(2);
  const run = rfm(["grade", "two-units.csv", "--profile", "wuhan", "--map", "amount=金额（万元）"], dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain('Amounts read in: 10,000 yuan (万元) (from the header "金额（万元）")');
  expect(records(run.stdout)[0].Amount).toBe("1.5");
});

test("Traditional Chinese headers with a unit in NTD: read in their own scale, the currency named, nothing converted", () => {
  write(dir, "tw.csv", csvFile(["客戶編號,最近下單時間,歷史購買總次數,歷史購買總金額（NTD）", "K1,2025-11-21,3,5000"]));
  const run = rfm(["grade", "tw.csv", ...SHAOXING], dir);
  expect(run.status).toBe(0);
  expect(records(run.stdout)[0]["M Score"]).toBe("1"); // 5,000 NTD is 0.5 万 of the profile's bounds
  expect(run.stderr).toContain(
    `Amounts read in: yuan (元) (from the header "歷史購買總金額（NTD）"); amounts in TWD, compared with the profile's bounds as they are (no currency conversion)`,
  );
  const zh = rfm(["grade", "tw.csv", ...SHAOXING, "--lang", "zh"], dir);
  expect(zh.stderr).toContain(
    "金额单位：元（依据列标题“歷史購買總金額（NTD）”）；金额为 TWD，按原数值与分级方案的界值比较（不做币种换算）",
  );
});

test("a unit that cannot be read (千元) is warned about, not taken for another", () => {
  write(
    dir,
    "thousands.csv",
    csvFile(["客户编号,最近下单时间,历史购买总次数,历史购买总金额（千元）", "K1,2025-11-21,3,5"]),
  );
  const run = rfm(["grade", "thousands.csv", ...SHAOXING, "--lang", "zh"], dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain(
    "警告：列标题“历史购买总金额（千元）”注明的单位“千元”无法识别（只支持元和万元）：金额按万元读取（分级方案的单位）",
  );
});
