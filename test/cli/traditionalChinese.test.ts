/**
 * The command line in Traditional Chinese (`--lang zh-TW`), end to end on a Big5 file as Traditional-Chinese Excel
 * saves it: Taiwan's headers are recognised, the output's headers, grades' cadences, summary and messages are in
 * Traditional Chinese, and so is `--help`.
 */
import { buildCli, records, rfm, tempDir, write } from "./helpers";
import { big5 } from "./textEncodings";

/** A few characters that exist only in Simplified Chinese: none may reach a zh-TW user. */
const SIMPLIFIED_ONLY = /[户级联额时间数据这个们为会说读写选项计认设页单区订销务资统图标题换错误载档录类无请输万]/;

beforeAll(() => {
  buildCli();
}, 180_000);

describe("rfm --lang zh-TW", () => {
  // Shaoxing's rules (RULES.md §6): R bounds 10/20/30/50 days, F 2/5/10/15 purchases, M 1/3/5/8 万元, X = 0.3R + 0.4F +
  // 0.6M; A above 6, B above 3, C the rest. TW01: 1 day, 16 purchases, 9 萬元 -> 5/5/5, X 6.5, A. TW02: 25 days,
  // 6 purchases, 4 萬元 -> R 3 (≤30), F 3 (≤10), M 3 (≤5), X 3.9, B. TW03: 200 days, 1 purchase, 0.5 萬元 -> 1/1/1, X 1.3, C.
  const table = [
    "客戶編號,下單時間,歷史購買總次數,歷史購買總金額（萬元）",
    "TW01,2026/1/30,16,9",
    "TW02,2026/1/6,6,4",
    "TW03,2025/7/15,1,0.5",
  ].join("\r\n");

  it("grades a Big5 customer table with Taiwan's headers and writes Traditional Chinese", () => {
    const dir = tempDir();
    write(dir, "客戶.csv", big5(table + "\r\n"));
    const run = rfm(["grade", "客戶.csv", "--profile", "shaoxing", "--as-of", "2026-01-31", "--lang", "zh-TW"], dir);
    expect(run.stderr).not.toMatch(/^rfm:/m);
    expect(run.status).toBe(0);
    const rows = records(run.stdout);
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining(["R分數", "F分數", "M分數", "RFM綜合分數", "客戶等級", "聯絡頻率"]),
    );
    expect(rows.map((r) => [r["客戶編號"], r["R分數"], r["F分數"], r["M分數"], r["客戶等級"], r["聯絡頻率"]])).toEqual([
      ["TW01", "5", "5", "5", "A", "每月聯絡1–2次"],
      ["TW02", "3", "3", "3", "B", "每季聯絡1–2次"],
      ["TW03", "1", "1", "1", "C", "每半年聯絡1–2次"],
    ]);
    // The summary names the file's encoding and the analysis date in Taiwan's words.
    expect(run.stderr).toContain("分析日期");
    expect(run.stderr).toContain("Big5");
    expect(run.stderr).toContain("萬元");
    expect(run.stdout + run.stderr).not.toMatch(SIMPLIFIED_ONLY);
  });

  it("says what is wrong in Traditional Chinese", () => {
    const dir = tempDir();
    const run = rfm(["grade", "沒有.csv", "--profile", "wuhan", "--lang", "zh-TW"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("無法讀取「沒有.csv」：檔案不存在");
    expect(run.stderr).not.toMatch(SIMPLIFIED_ONLY);
  });

  it("prints its help in Traditional Chinese", () => {
    const run = rfm(["grade", "--help", "--lang", "zh-TW"], tempDir());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^用法：/m);
    expect(run.stdout).toContain("分析日期");
    expect(run.stdout).toContain("選項：");
    expect(run.stdout).not.toMatch(SIMPLIFIED_ONLY);
  });
});
