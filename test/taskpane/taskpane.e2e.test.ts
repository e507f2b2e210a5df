/**
 * The task pane in real headless Chromium, driven as a user would: built with webpack, served on 127.0.0.1, Office.js
 * from the local package in place of the CDN, and the grid-backed Excel double as the page's `Excel`. The sheet's
 * contents afterwards are checked against grades worked out by hand (test/taskpane/fixtures.ts).
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import type { E2eSetup } from "./e2e/browserExcel";
import { REPO, usePaneSession } from "./e2e/harness";
import type { PageWatch } from "./e2e/harness";
import {
  HOSTILE_TEXT,
  SALES_HEADERS,
  SALES_ROWS,
  SHAOXING_AS_OF,
  SHAOXING_HEADERS,
  SHAOXING_OUTPUT_EN,
  SHAOXING_OUTPUT_ZH,
  SHAOXING_ROWS,
} from "./fixtures";

jest.setTimeout(60_000);

const ARTIFACTS = join(REPO, "test-artifacts");

/** The Shaoxing customer table (RULES.md §6), with the total column under a name the engine does not know, and a hostile header. */
const HEADERS = ["客户编号", "最近下单时间", "历史购买总次数", "累计金额（万元）", HOSTILE_TEXT];
const CUSTOMER_SHEET = [HEADERS, ...SHAOXING_ROWS.map((row, i) => [...row, i === 0 ? HOSTILE_TEXT : `memo ${i}`])];
/** A note the user typed where the output columns would go (H4), not touching the table. */
const MEMO = { row: 3, column: 7, text: "keep me" };

function customerWorkbook(): E2eSetup["workbook"] {
  const sheet: unknown[][] = CUSTOMER_SHEET.map((row) => [...row]);
  sheet[MEMO.row].push("", "", MEMO.text);
  return { sheets: { Sales: sheet }, selection: "Sales!B3" };
}

const session = usePaneSession();

function open(setup: E2eSetup): Promise<{ page: Page; watch: PageWatch }> {
  return session.open(setup);
}

/** The sheet as the Excel double holds it. */
function read(page: Page, sheet: string, address?: string): Promise<unknown[][]> {
  return page.evaluate(
    ([s, a]) => (window as unknown as { rfmFake: { read(s: string, a?: string): unknown[][] } }).rfmFake.read(s, a),
    [sheet, address] as const,
  );
}

function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { rfmFake: { sheetNames(): string[] } }).rfmFake.sheetNames());
}

// Office.js frames its telemetry page when it runs outside Office; the pane's CSP blocks it, as it should.
const OFFICE_TELEMETRY = "telemetryservice.firstpartyapps.oaspapps.com";

function expectCleanPage(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.problems.filter((p) => !p.includes(OFFICE_TELEMETRY))).toEqual([]);
  expect(watch.dialogs).toEqual([]);
}

async function optionTexts(page: Page, testId: string): Promise<string[]> {
  return page.locator(`[data-testid=${testId}] option`).allTextContents();
}

describe("the task pane in Chromium", () => {
  it("in English: the user corrects a column, grades, and chooses a new sheet over the cell they typed", async () => {
    const { page, watch } = await open({ workbook: customerWorkbook(), displayLanguage: "en-US" });
    await expect(page.getByTestId("source-address").textContent()).resolves.toBe("Sales!A1:E6");
    await expect(page.getByTestId("header-row").textContent()).resolves.toBe("1");
    await expect(page.getByTestId("input-kind").textContent()).resolves.toBe("Customer table (one row per customer)");
    await expect(page.getByTestId("missing-columns").textContent()).resolves.toBe("Choose a column for: Total amount");
    await expect(page.getByTestId("grade").isDisabled()).resolves.toBe(true);

    // Cell text is shown as text: the hostile header is an option label, never markup.
    expect(await optionTexts(page, "map-total")).toContain(`E: ${HOSTILE_TEXT}`);
    expect(await page.locator("img").count()).toBe(0);

    await page.getByTestId("map-total").selectOption("3");
    await expect(page.getByTestId("missing-columns").count()).resolves.toBe(0);
    await page.getByTestId("profile").selectOption("shaoxing");
    await page.getByTestId("as-of").fill(SHAOXING_AS_OF);
    await expect(page.getByText("Latest date in your data: 1/30/2026.").count()).resolves.toBe(1);
    await page.getByTestId("grade").click();

    const dialog = page.getByTestId("overwrite-dialog");
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("Sales!F1:N6");
    await page.getByTestId("answer-new-sheet").click();
    await page.getByTestId("result").waitFor();
    await dialog.waitFor({ state: "detached" });

    expect(await read(page, "Sales")).toEqual(customerWorkbook().sheets?.Sales.map(padTo(8)));
    const written = /^Results written to (.+)!([A-Z]+\d+:[A-Z]+\d+)\.$/.exec(
      await page.getByTestId("written").innerText(),
    );
    const outputSheet = (written?.[1] ?? "").replace(/^'(.*)'$/, "$1");
    expect(outputSheet).not.toBe("Sales");
    expect(await read(page, outputSheet, written?.[2])).toEqual(SHAOXING_OUTPUT_EN);
    // Customers and amounts (万元) per grade: A = C001 (9), B = C003 (5), C = C002 + C004 (2 + 2.5); 18.5 in all.
    // Amount shares 48.648…, 27.027…, 24.324… % round down to 48.6 + 27.0 + 24.3 = 99.9; the missing tenth goes to
    // the largest remainder (A), so the column shows 100.0 %. Amounts in yuan, compact, two decimals for the whole
    // column: 9 万元 = 90,000 yuan = 90.00K; the exact figure in the tooltip.
    expect(await gradeTable(page)).toEqual([
      ["A", "1", "25.0%", "90.00K", "48.7%"],
      ["B", "1", "25.0%", "50.00K", "27.0%"],
      ["C", "2", "50.0%", "45.00K", "24.3%"],
    ]);
    await expect(page.getByTestId("grade-amount").first().getAttribute("title")).resolves.toBe("90,000 yuan");
    await expect(page.getByTestId("not-graded-reason").allInnerTexts()).resolves.toEqual([
      "1 × Column “历史购买总次数”: purchase count is not a whole number (2.5)",
    ]);
    expectCleanPage(watch);

    // The page's policy allows scripts only from itself and the Office.js host, and the browser enforces it.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    const injected = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injectedRan = true;";
      document.body.appendChild(script);
      return (window as unknown as { injectedRan?: boolean }).injectedRan ?? false;
    });
    expect(injected).toBe(false);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "taskpane.png"), fullPage: true });
  });

  it("in Chinese: texts, output headers and notes are Chinese; overwrite replaces the typed cell; 未分级 rows can be selected", async () => {
    const { page, watch } = await open({ workbook: customerWorkbook(), displayLanguage: "zh-CN" });
    await expect(page.getByTestId("input-kind").textContent()).resolves.toBe("客户表（每行一个客户）");
    await expect(page.getByTestId("missing-columns").textContent()).resolves.toBe("请为以下项目选择列：总金额");
    await page.getByTestId("map-total").selectOption("3");
    expect(await optionTexts(page, "profile")).toEqual([
      "绍兴·财务数据集成平台（固定阈值）",
      "武汉·智能窗帘（五分位）",
    ]);
    await page.getByTestId("as-of").fill(SHAOXING_AS_OF);
    await page.getByRole("button", { name: "分级", exact: true }).click();

    await page.getByTestId("overwrite-dialog").waitFor();
    await page.getByRole("button", { name: "覆盖" }).click();
    await page.getByTestId("result").waitFor();
    await page.getByTestId("overwrite-dialog").waitFor({ state: "detached" });

    expect(await read(page, "Sales", "F1:N6")).toEqual(SHAOXING_OUTPUT_ZH);
    expect(await read(page, "Sales", "A1:E6")).toEqual(CUSTOMER_SHEET);
    // 9 万元 is shown 9.00万, the same two decimals for every amount of the column.
    expect(await gradeTable(page)).toEqual([
      ["A", "1", "25.0%", "9.00万", "48.7%"],
      ["B", "1", "25.0%", "5.00万", "27.0%"],
      ["C", "2", "50.0%", "4.50万", "24.3%"],
    ]);

    await page.getByTestId("select-not-graded").click();
    await page.waitForFunction(
      () => (window as unknown as { rfmFake: { selection(): string } }).rfmFake.selection() !== "Sales!B3",
    );
    expect(
      await page.evaluate(() => (window as unknown as { rfmFake: { selection(): string } }).rfmFake.selection()),
    ).toMatch(/^Sales!A?6:(XFD)?6$/);
    expectCleanPage(watch);
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-zh.png"), fullPage: true });
  });

  it("in Chinese with sales records: an empty selection explained, reselect and refresh, the Wuhan profile's dates, a customer sheet", async () => {
    const { page, watch } = await open({
      workbook: { sheets: { 订单: [SALES_HEADERS, ...SALES_ROWS] }, selection: "订单!F20" },
      displayLanguage: "zh-CN",
    });
    // An empty cell is selected first: guidance (not an error), Grade disabled with the reason beside it.
    await expect(page.getByTestId("empty-state").innerText()).resolves.toContain("请选择数据");
    await expect(page.getByTestId("error").count()).resolves.toBe(0);
    await expect(page.getByTestId("grade").isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("grade-reason").innerText()).resolves.toBe("请先选择要分级的数据。");
    // The user selects the table in Excel: the pane follows without being asked.
    await page.evaluate(() =>
      (window as unknown as { rfmFake: { select(a: string): void } }).rfmFake.select("订单!A1:C12"),
    );
    await page.waitForFunction(() =>
      /^'?订单'?!A1:C12$/.test(document.querySelector("[data-testid=source-address]")?.textContent ?? ""),
    );
    await expect(page.getByTestId("error").count()).resolves.toBe(0);
    await expect(page.getByTestId("input-kind").textContent()).resolves.toBe("销售记录（每行一笔销售）");
    await page.getByTestId("profile").selectOption("wuhan");
    // Dates in Chinese Office's form.
    await expect(page.getByTestId("as-of").inputValue()).resolves.toBe("2025/7/1");
    await expect(page.getByTestId("window-start").inputValue()).resolves.toBe("2021/9/1");
    await expect(page.getByTestId("unit").inputValue()).resolves.toBe("yuan");
    // Row 12 (2025-07-02) is after the profile's fixed date: shown before grading, and the user keeps the profile's date.
    await expect(page.getByTestId("fixed-date-offer").innerText()).resolves.toContain(
      "此后的 1 笔销售（共 10 笔）将不计入，只在此后下单的客户不会分级。",
    );
    await expect(page.getByTestId("grade").isDisabled()).resolves.toBe(true);
    await page.getByTestId("keep-profile-date").click();
    await expect(page.getByTestId("as-of").inputValue()).resolves.toBe("2025/7/1");
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();

    expect(await sheetNames(page)).toContain("RFM 客户");
    const written = await read(page, "RFM 客户", "A1:N6");
    expect(written[0]).toEqual([
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
      "",
    ]);
    // Next contact from 2025-07-01 (45839): B + 3 months = 2025-10-01 = 45931, C + 6 = 2026-01-01 = 46023,
    // D + 12 = 2026-07-01 = 46204. The next-grade orders are the fixtures' (SALES_OUTPUT_EN, worked out there).
    expect(written.slice(1).map((row) => [row[0], row[7], row[8], row[9], row[11], row[12], row[13]])).toEqual([
      ["A", 3.9, "B", "每季度回访一次", 45931, 200.01, ""],
      ["B", 1.6, "D", "每年回访一次", 46204, 0.01, ""],
      ["C", 2.9, "C", "每半年回访一次", 46023, 0.01, ""],
      ["D", 3.5, "B", "每季度回访一次", 45931, 60.01, ""],
      ["E", 3.1, "B", "每季度回访一次", 45931, 0.01, ""],
    ]);
    // The unreadable sale (row 5, "not a date") is grouped by its reason and can be selected.
    const reasons = await page.getByTestId("not-graded-reason").allInnerTexts();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^1 条 · .*not a date/);
    expectCleanPage(watch);
  });
});

describe("the unit written in the money column's header", () => {
  // Shaoxing's bounds are in 万元; the header says 元. As-of 2026-01-31; 46047 = 2026-01-25: D = 6 → r 5; S = 16 → f 5.
  // 5,000 yuan = 0.5 万元 ≤ 1 → m 1, X = 1.5 + 2 + 0.6 = 4.1 → B. 90,000 yuan = 9 万元 > 8 → m 5, X = 6.5 → A.
  const headers = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额（元）"];
  const rows = [
    ["C010", 46047, 16, 5000],
    ["C011", 46047, 16, 90000],
  ];

  it("in Chinese: the field defaults to 元 and says why, a disagreeing pick is warned about, 5,000 元 gets M 1", async () => {
    const { page, watch } = await open({
      workbook: { sheets: { Sales: [headers, ...rows] }, selection: "Sales!A1" },
      displayLanguage: "zh-CN",
    });
    await expect(page.getByTestId("profile").inputValue()).resolves.toBe("shaoxing");
    await expect(page.getByTestId("unit").inputValue()).resolves.toBe("yuan");
    await expect(page.getByTestId("unit-hint").innerText()).resolves.toBe("依据列标题“历史购买总金额（元）”。");
    await expect(page.getByTestId("unit-warning").count()).resolves.toBe(0);

    // Picking 万元 against the header: a warning beside the field, grading still allowed; its button goes back.
    await page.getByTestId("unit").selectOption("wan");
    await expect(page.getByTestId("unit-warning").innerText()).resolves.toContain(
      "列标题“历史购买总金额（元）”注明的单位是元，但金额将按万元读取。",
    );
    await expect(page.getByTestId("grade").isDisabled()).resolves.toBe(false);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page
      .locator("section[aria-labelledby=options-heading]")
      .screenshot({ path: join(ARTIFACTS, "taskpane-unit-warning-zh.png") });
    await page.getByTestId("use-header-unit").click();
    await expect(page.getByTestId("unit").inputValue()).resolves.toBe("yuan");
    await expect(page.getByTestId("unit-warning").count()).resolves.toBe(0);

    await page.getByTestId("as-of").fill(SHAOXING_AS_OF);
    await page.getByRole("button", { name: "分级", exact: true }).click();
    await page.getByTestId("result").waitFor();
    // M score (G) and grade (I) beside the table.
    expect((await read(page, "Sales", "G2:I3")).map((r) => [r[0], r[2]])).toEqual([
      [1, "B"],
      [5, "A"],
    ]);
    const unitRow = (await read(page, "RFM 汇总")).find((r) => r[0] === "金额单位");
    expect(unitRow?.slice(1, 3)).toEqual(["元", "依据列标题“历史购买总金额（元）”"]);
    expectCleanPage(watch);
  });

  it("in English: two columns headed Amount are both named and the choice is left to the user", async () => {
    const sales = [
      ["Customer", "Order date", "Amount", "Region", "Note", "Amount"],
      ["C1", 46047, 10, "East", "", 12],
    ];
    const { page, watch } = await open({
      workbook: { sheets: { Sales: sales }, selection: "Sales!A1" },
      displayLanguage: "en-US",
    });
    await expect(page.getByTestId("ambiguous-amount").innerText()).resolves.toBe(
      "Two columns are headed “Amount” (C and F): choose one.",
    );
    await expect(page.getByTestId("grade").isDisabled()).resolves.toBe(true);
    await page.getByTestId("map-amount").selectOption("5");
    await expect(page.getByTestId("ambiguous-amount").count()).resolves.toBe(0);
    await expect(page.getByTestId("grade").isDisabled()).resolves.toBe(false);
    expectCleanPage(watch);
  });
});

describe("a profile saved in the workbook", () => {
  // Shaoxing's cut-offs with grade A from X > 4: C003 (X = 4.2) moves from B to A.
  const north = {
    id: "north",
    name: { en: "North region (A above 4)", zh: "北区（A 级高于 4）" },
    method: "thresholds",
    monetaryUnit: "wan",
    thresholds: { recency: [10, 20, 30, 50], frequency: [2, 5, 10, 15], monetary: [1, 3, 5, 8] },
    weights: { recency: 0.3, frequency: 0.4, monetary: 0.6 },
    grades: [
      { grade: "A", above: 4, cadence: { en: "weekly call", zh: "每周通话" } },
      { grade: "B", above: 3, cadence: { en: "monthly call", zh: "每月通话" } },
      { grade: "C", cadence: { en: "quarterly call", zh: "每季度通话" } },
    ],
  };

  it("is offered under its own heading, listed by the editor behind Manage profiles, and grades by its own rules", async () => {
    const workbook = {
      sheets: { Sales: [HEADERS.slice(0, 3).concat("历史购买总金额"), ...SHAOXING_ROWS] },
      selection: "Sales!A1",
    };
    const { page, watch } = await open({
      workbook,
      displayLanguage: "en-US",
      settings: { "rfm.profile.north": JSON.stringify(north) },
    });
    await expect(
      page
        .locator("[data-testid=profile] optgroup")
        .evaluateAll((groups) => groups.map((g) => g.getAttribute("label"))),
    ).resolves.toEqual(["Built-in", "Saved in this workbook"]);
    // The editor opens in place of the grading view and lists the stored profile; Back returns to where the user was.
    await page.getByTestId("manage-profiles").click();
    await page.getByTestId("stored-north").waitFor();
    await expect(page.getByTestId("grade").count()).resolves.toBe(0);
    await page.getByTestId("profiles-back").click();
    await expect(page.getByTestId("source-address").textContent()).resolves.toBe("Sales!A1:D6");
    await page.getByTestId("profile").selectOption("north");
    await page.getByTestId("as-of").fill(SHAOXING_AS_OF);
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();
    // A profile without contact periods writes no Next contact by: the seven, then the next-grade order. With an order
    // today C002 (S 4: f 2, 1.5 + 0.8 + 1.2 = 3.5) and C004 (S 7: f 3, 3.9) pass B's X > 3 with one cent.
    expect(await read(page, "Sales", "E1:M6")).toEqual([
      [...SHAOXING_OUTPUT_EN[0].slice(0, 7), "Next grade with one order of", ""],
      [5, 5, 5, 6.5, "A", "weekly call", "", "", ""],
      [3, 2, 2, 2.9, "C", "quarterly call", "", 0.000001, ""],
      [4, 3, 3, 4.2, "A", "weekly call", "", "", ""],
      [2, 3, 2, 3, "C", "quarterly call", "", 0.000001, ""],
      [...SHAOXING_OUTPUT_EN[5].slice(0, 7), "", ""],
    ]);
    // A = C001 + C003 (9 + 5 = 14 of 18.5: 75.675… → 75.7 % after the largest remainder), C = 4.5 (24.3 %).
    expect(await gradeTable(page)).toEqual([
      ["A", "2", "50.0%", "140.00K", "75.7%"],
      ["B", "0", "0.0%", "0.00", "0.0%"],
      ["C", "2", "50.0%", "45.00K", "24.3%"],
    ]);
    expectCleanPage(watch);
  });
});

describe("a large range in Chromium", () => {
  it("shows progress while reading and, on Cancel, stops and leaves the workbook as it was", async () => {
    const rows = 30_000;
    const sheet: unknown[][] = [["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额"]];
    for (let i = 0; i < rows; i++) sheet.push([`C${i}`, 46000 + (i % 30), 1 + (i % 20), 1 + (i % 9)]);
    const { page, watch } = await open({
      workbook: { sheets: { Sales: sheet }, selection: "Sales!A1" },
      displayLanguage: "en-US",
      syncDelayMs: 400,
    });
    await expect(page.getByTestId("source-address").textContent()).resolves.toBe(`Sales!A1:D${rows + 1}`);
    await page.getByTestId("grade").click();
    const progress = page.getByTestId("progress");
    await progress.waitFor();
    await expect(progress.innerText()).resolves.toMatch(/Reading rows… [\d,]+ of 30,000/);
    await page.getByTestId("cancel").click();
    await expect(page.getByTestId("notice").innerText()).resolves.toBe("Cancelled. The sheet was left as it was.");
    await expect(progress.count()).resolves.toBe(0);
    expect(await sheetNames(page)).toEqual(["Sales"]);
    const used = await page.evaluate(() =>
      (window as unknown as { rfmFake: { usedAddress(s: string): string } }).rfmFake.usedAddress("Sales"),
    );
    expect(used).toBe(`Sales!A1:D${rows + 1}`);
    await expect(page.getByTestId("grade").isEnabled()).resolves.toBe(true);
    expectCleanPage(watch);
  });
});

describe("grading again over the add-in's own results", () => {
  /*
   * The four gradable customers of SHAOXING_ROWS (fixtures.ts), graded at 2026-01-31 (A, C, B, C, worked there), then
   * again 20 days later at 2026-02-20 (= 46023 + 31 + 19 = 46073). Only recency moves (f and m are unchanged):
   *   C001  last 2026-01-25: D = 26 → r 3; X = 0.9 + 2.0 + 3.0 = 5.9 → B (was A: ↓)
   *   C002  last 2026-01-01: D = 50 → r 2; X = 0.6 + 0.8 + 1.2 = 2.6 → C (=)
   *   C003  last 2026-01-11: D = 40 → r 2; X = 0.6 + 1.2 + 1.8 = 3.6 → B (=)
   *   C004  last 2025-12-22: D = 60 → r 1; X = 0.3 + 1.2 + 1.2 = 2.7 → C (=)
   * Next contact by from 2026-02-20: B + 3 months = 2026-05-20 = 46073 + 28 + 31 + 30 = 46162; C + 6 months =
   * 2026-08-20 = 46162 + 31 + 30 + 31 = 46254. So "1 moved down, 0 moved up", and the one who moved down is C001 on
   * sheet row 2.
   */
  const table = [SHAOXING_HEADERS, ...SHAOXING_ROWS.slice(0, 4)];

  it("in English: updates the result block in place with Previous grade and Change, and selects who moved down", async () => {
    const { page, watch } = await session.open(
      {
        workbook: { sheets: { Sales: table.map((row) => [...row]) }, selection: "Sales!A1" },
        displayLanguage: "en-US",
      },
      { width: 320, height: 1200 },
    );
    await page.getByTestId("profile").selectOption("shaoxing");
    await page.getByTestId("as-of").fill(SHAOXING_AS_OF);
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();
    expect(await read(page, "Sales", "E1:M5")).toEqual(SHAOXING_OUTPUT_EN.slice(0, 5));
    // A first grading has nothing to compare with.
    await expect(page.getByTestId("movement").count()).resolves.toBe(0);

    await page.getByTestId("as-of").fill("2026-02-20");
    await page.getByTestId("grade").click();
    // The region under the selection now reaches over the written block (A1:L5). That block is the add-in's own, so
    // it is the same table: one click grades it again and the block is updated where it stands, without asking.
    await page.getByTestId("movement").waitFor();
    await expect(page.getByText(/The selection changed/).count()).resolves.toBe(0);
    await expect(page.getByTestId("as-of").inputValue()).resolves.toBe("2026-02-20");
    await expect(page.getByTestId("overwrite-dialog").count()).resolves.toBe(0);
    await expect(page.getByTestId("written").innerText()).resolves.toBe("Results written to Sales!E1:O5.");
    expect(await read(page, "Sales", "A1:D5")).toEqual(table);
    // Next grade with one order at 2026-02-20 (r 5, S + 1): C001 S 17 (f 5) 6.5 > 6, C002 S 4 (f 2) 3.5 > 3, C004 S 7
    // (f 3) 3.9 > 3, each with one cent; C003 S 11 (f 4) needs m 5, Z above 8: 3.000001.
    expect(await read(page, "Sales")).toEqual([
      [...SHAOXING_HEADERS, ...SHAOXING_OUTPUT_EN[0].slice(0, 8), "Previous grade", "Change", SHAOXING_OUTPUT_EN[0][8]],
      [...table[1], 3, 5, 5, 5.9, "B", "1–2 contacts per quarter", "", 46162, "A", "↓", 0.000001],
      [...table[2], 2, 2, 2, 2.6, "C", "1–2 contacts per half-year", "", 46254, "C", "=", 0.000001],
      [...table[3], 2, 3, 3, 3.6, "B", "1–2 contacts per quarter", "", 46162, "B", "=", 3.000001],
      [...table[4], 1, 3, 2, 2.7, "C", "1–2 contacts per half-year", "", 46254, "C", "=", 0.000001],
    ]);
    await expect(page.getByTestId("movement").innerText()).resolves.toBe(
      "1 moved down, 0 moved up · Select those who moved down",
    );
    // B = C001 + C003 (9 + 5 = 14 of 18.5 万元: 75.675… → 75.7 %), C = C002 + C004 (4.5: 24.324… → 24.3 %).
    expect(await gradeTable(page)).toEqual([
      ["A", "0", "0.0%", "0.00", "0.0%"],
      ["B", "2", "50.0%", "140.00K", "75.7%"],
      ["C", "2", "50.0%", "45.00K", "24.3%"],
    ]);

    const selection = () =>
      page.evaluate(() => (window as unknown as { rfmFake: { selection(): string } }).rfmFake.selection());
    const before = await selection();
    await page.getByTestId("select-moved-down").click();
    await page.waitForFunction(
      (was) => (window as unknown as { rfmFake: { selection(): string } }).rfmFake.selection() !== was,
      before,
    );
    expect(await selection()).toMatch(/^Sales!A?2:(XFD)?2$/);
    expectCleanPage(watch);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.getByTestId("result").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "pane-320-en-regrade-result.png"), fullPage: true });
  });
});

/** The result card's table: grade, customers, share, amount (as shown), share of amount per row. */
function gradeTable(page: Page): Promise<string[][]> {
  return page.locator("[data-testid=grade-counts] tr").evaluateAll((rows) =>
    rows.map((row) => {
      const text = (id: string) => (row.querySelector(`[data-testid=${id}]`)?.textContent ?? "").trim();
      return [
        (row.querySelector("th")?.textContent ?? "").trim(),
        ...["grade-customers", "grade-customer-share", "grade-amount", "grade-amount-share"].map(text),
      ];
    }),
  );
}

/** Rows as the double reads a sheet back: every row as wide as the used range, empty cells "". */
function padTo(width: number) {
  return (row: unknown[]) => [...row, ...Array<string>(Math.max(0, width - row.length)).fill("")];
}

describe("the help page", () => {
  it.each([
    ["en-US", "help.html", "Help", /<html lang=["']?en/],
    ["zh-CN", "help.zh-CN.html", "帮助", /<html lang=["']?zh-CN/],
  ])(
    "in %s the footer links the help page shipped beside the pane, opened in a new window",
    async (displayLanguage, page_, label, lang) => {
      const { page, watch } = await open({ workbook: customerWorkbook(), displayLanguage });
      const link = page.getByTestId("help-link");
      await expect(link.innerText()).resolves.toBe(label);
      await expect(link.getAttribute("href")).resolves.toBe(page_);
      await expect(link.getAttribute("target")).resolves.toBe("_blank");
      const served = await page.evaluate(async (href) => {
        const response = await fetch(href);
        return [response.status, await response.text()] as const;
      }, page_);
      expect(served[0]).toBe(200);
      expect(served[1]).toMatch(lang);
      expectCleanPage(watch);
    },
  );
});

describe("a pane the user closes (the shared runtime lives on)", () => {
  type Host = {
    rfmFake: { selectionHandlerCount: number; stats: unknown[]; resetStats(): void; select(a: string): void };
    rfmOffice: { setVisibility(m: string): void; visibilityHandlerCount(): number };
  };

  it("stops following the selection while hidden (no handler, no sync) and reads it once when shown again", async () => {
    const workbook = {
      ...customerWorkbook(),
      sheets: {
        ...customerWorkbook().sheets,
        Other: [
          ["Region", "Total"],
          ["East", 2],
        ],
      },
    };
    const { page, watch } = await open({ workbook, displayLanguage: "en-US" });
    await expect(page.getByTestId("source-address").textContent()).resolves.toBe("Sales!A1:E6");
    await page.waitForFunction(() => {
      const w = window as unknown as Host;
      return w.rfmFake.selectionHandlerCount === 1 && w.rfmOffice.visibilityHandlerCount() === 1;
    });

    await page.evaluate(() => (window as unknown as Host).rfmOffice.setVisibility("Hidden"));
    await page.waitForFunction(() => (window as unknown as Host).rfmFake.selectionHandlerCount === 0);
    await page.evaluate(() => {
      const w = window as unknown as Host;
      w.rfmFake.resetStats();
      w.rfmFake.select("Other!A1");
      w.rfmFake.select("Other!B2");
    });
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as Host).rfmFake.stats.length)).toBe(0);
    await expect(page.getByTestId("source-address").textContent()).resolves.toBe("Sales!A1:E6");

    await page.evaluate(() => (window as unknown as Host).rfmOffice.setVisibility("Taskpane"));
    await page.waitForFunction(
      () => document.querySelector("[data-testid=source-address]")?.textContent === "Other!A1:B2",
    );
    expect(await page.evaluate(() => (window as unknown as Host).rfmFake.selectionHandlerCount)).toBe(1);
    expectCleanPage(watch);
  });
});
