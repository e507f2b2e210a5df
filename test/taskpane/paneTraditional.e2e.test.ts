/**
 * The task pane in Traditional Chinese Office (display language zh-TW), at the 320 px Office opens it: a customer table
 * with Taiwan's headers is recognised column by column, graded, and every text the clerk reads (pane, sheet headers,
 * cadences, editor) is Traditional Chinese in Taiwan's words. Screenshots: test-artifacts/pane-320-zh-TW-result.png
 * and pane-320-zh-TW-editor.png.
 */
import { mkdirSync } from "fs";
import { join } from "path";
import { REPO, usePaneSession } from "./e2e/harness";

jest.setTimeout(180_000);

const ARTIFACTS = join(REPO, "test-artifacts");
const SIMPLIFIED_ONLY = /[户级联额时间数据这个们为会说读写选项计认设页单区订销务资统图标题换错误载档录类无请输万]/;

/** Shaoxing's rules (RULES.md §6) on 2026-01-30: the same customers as the Simplified tests, Taiwan's headers. */
const SHEET: unknown[][] = [
  ["客戶編號", "下單時間", "歷史購買總次數", "歷史購買總金額（萬元）"],
  // 2026-01-30, 16, 9 -> 5/5/5, X = 6.5 -> A
  ["TW01", 46052, 16, 9],
  // 2025-12-31 (30 days), 3, 2 -> 3/2/2, X = 2.9 -> C
  ["TW02", 46022, 3, 2],
  // 2026-01-10 (20 days), 10, 5 -> 4/3/3, X = 4.2 -> B
  ["TW03", 46032, 10, 5],
];

const session = usePaneSession();

describe("the pane in Traditional Chinese (zh-TW) at 320 px", () => {
  it("recognises Taiwan's headers, grades, and speaks Taiwan's words in the pane, the sheet and the editor", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const { page } = await session.open(
      { workbook: { sheets: { 客戶: SHEET.map((r) => [...r]) }, selection: "客戶!A1" }, displayLanguage: "zh-TW" },
      { width: 320, height: 720 },
    );
    await page.getByTestId("columns-found").filter({ hasText: "已找到 4 / 4 欄" }).waitFor();
    await expect(page.getByTestId("input-kind").textContent()).resolves.toBe("客戶表（每列一個客戶）");
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();

    const sheet = await page.evaluate(() =>
      (window as unknown as { rfmFake: { read(s: string, a?: string): unknown[][] } }).rfmFake.read("客戶", "E1:K4"),
    );
    expect(sheet[0]).toEqual(
      expect.arrayContaining(["R分數", "F分數", "M分數", "RFM綜合分數", "客戶等級", "聯絡頻率"]),
    );
    const grade = (sheet[0] as string[]).indexOf("客戶等級");
    const cadence = (sheet[0] as string[]).indexOf("聯絡頻率");
    expect(sheet.slice(1).map((row) => [row[grade], row[cadence]])).toEqual([
      ["A", "每月聯絡1–2次"],
      ["C", "每半年聯絡1–2次"],
      ["B", "每季聯絡1–2次"],
    ]);
    const pane = await page.evaluate(() => document.body.innerText);
    expect(pane).toContain("分析日期");
    expect(pane).toContain("紹興·財務資料整合平台（固定門檻）");
    expect(pane).not.toMatch(SIMPLIFIED_ONLY);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("zh-TW");
    await page.screenshot({ path: join(ARTIFACTS, "pane-320-zh-TW-result.png"), fullPage: true });

    await page.getByTestId("manage-profiles").click();
    await page.getByTestId("start-copy-shaoxing").click();
    await page.getByTestId("profile-id").waitFor();
    // The Chinese name field shows and edits the profile's Traditional Chinese name.
    await expect(page.getByTestId("profile-name-zh").inputValue()).resolves.toBe(
      "紹興·財務資料整合平台（固定門檻）（副本）",
    );
    await page.mouse.move(0, 0);
    const editor = await page.evaluate(() => document.body.innerText);
    expect(editor).toContain("聯絡頻率");
    expect(editor).not.toMatch(SIMPLIFIED_ONLY);
    await page.screenshot({ path: join(ARTIFACTS, "pane-320-zh-TW-editor.png"), fullPage: true });
  });
});
