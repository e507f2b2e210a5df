/**
 * The pane in the field, in headless Chromium against the production build: finance data (twelve-digit amounts, six
 * grades with long Chinese names, sales records with names and phones), real habits (scrolled down when an error
 * comes, keyboard only), Office's Light, Dark Gray and Black themes, English and Chinese. Screenshots go to
 * test-artifacts/pane-<width>-<lang>-<state>.png.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import type { E2eSetup } from "./e2e/browserExcel";
import { usePaneSession } from "./e2e/harness";
import type { PageWatch } from "./e2e/harness";
import {
  ARTIFACTS,
  axeViolations,
  clippedInside,
  expectCleanPage,
  expectFocusOn,
  focusedName,
  horizontalOverflow,
  inView,
  read,
  select,
  sheetNames,
  shoot,
  tabTo,
  THEMES,
  waitForAddress,
  wordsBrokenAcrossLines,
} from "./e2e/paneChecks";
import {
  BIG_BY_GRADE,
  BIG_HEADERS,
  BIG_ROWS,
  NAMED_SALES,
  NAMED_SALES_HEADERS,
  SIX_GRADE_NAMES,
  SIX_GRADES,
} from "./financeFixtures";

jest.setTimeout(180_000);

const session = usePaneSession();

function open(setup: E2eSetup, width = 320, height = 720): Promise<{ page: Page; watch: PageWatch }> {
  return session.open(setup, { width, height });
}

const SETTINGS = { [`rfm.profile.${SIX_GRADES.id}`]: JSON.stringify(SIX_GRADES) };

async function gradeEnabled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (document.querySelector("[data-testid=grade]") as HTMLButtonElement | null)?.disabled === false,
  );
}

/** The card's grade table as [grade, customers, customer share, amount, amount share, exact amount] per row. */
function cardRows(page: Page): Promise<string[][]> {
  return page.locator("[data-testid=grade-counts] tr").evaluateAll((rows) =>
    rows.map((row) => {
      const text = (id: string) => (row.querySelector(`[data-testid=${id}]`)?.textContent ?? "").trim();
      return [
        (row.querySelector("th")?.textContent ?? "").trim(),
        text("grade-customers"),
        text("grade-customer-share"),
        text("grade-amount"),
        text("grade-amount-share"),
        row.querySelector("[data-testid=grade-amount]")?.getAttribute("title") ?? "",
      ];
    }),
  );
}

describe("the result card with twelve-digit amounts and six grades with long Chinese names, at 320 px", () => {
  // Compact money (engine): zh 358,024,679,135.79 元 = 3,580.25亿, 98,765,432.1 = 9,876.54万 …; en 358.02B, 98.77M ….
  // Below 10,000 yuan an amount is shown in full, with the column's two decimals.
  const SHOWN = {
    zh: ["3,580.25亿", "9,876.54万", "5,600.00万", "250.00万", "120.00万", "8,000.00"],
    en: ["358.02B", "98.77M", "56.00M", "2.50M", "1.20M", "8,000.00"],
  } as const;

  it.each(["zh-CN", "en-US"] as const)(
    "in %s: every figure whole, nothing cut or scrolling sideways, the exact sum on hover",
    async (displayLanguage) => {
      const lang = displayLanguage === "zh-CN" ? "zh" : "en";
      const { page, watch } = await open({
        workbook: { sheets: { 客户: [BIG_HEADERS, ...BIG_ROWS] }, selection: "客户!B2" },
        displayLanguage,
        settings: SETTINGS,
      });
      await waitForAddress(page, /A1:E8$/);
      await page.getByTestId("profile").selectOption(SIX_GRADES.id);
      await gradeEnabled(page);
      await page.getByTestId("grade").click();
      await page.getByTestId("result").waitFor();
      await expectFocusOn(page, "result-heading");

      const rows = await cardRows(page);
      expect(rows.map((r) => r[0])).toEqual(SIX_GRADE_NAMES);
      expect(rows.map((r) => r[1])).toEqual(BIG_BY_GRADE.map((g) => String(g.customers)));
      expect(rows.map((r) => r[3])).toEqual(SHOWN[lang]);
      expect(rows.map((r) => r[5])).toEqual(BIG_BY_GRADE.map((g) => `${g.exact} ${lang === "zh" ? "元" : "yuan"}`));
      // Every share is whole ("12.5%"), none cut to "13." as before.
      for (const row of rows) {
        expect(row[2]).toMatch(/^\d{1,3}\.\d%$/);
        expect(row[4]).toMatch(/^\d{1,3}\.\d%$/);
      }
      // The card says what produced it.
      await expect(page.getByTestId("result-basis").innerText()).resolves.toBe(
        lang === "zh"
          ? `分级方案：${SIX_GRADES.name.zh} · 统计日期 2026/3/15`
          : `Profile: ${SIX_GRADES.name.en} · analysis date 3/15/2026`,
      );

      // Nothing of the card is cut or scrolls sideways: each cell's scroll width against its client width.
      await expect(clippedInside(page, "[data-testid=result]")).resolves.toEqual([]);
      await expect(horizontalOverflow(page)).resolves.toEqual([]);
      // Headings wrap between words only ("Customers" / "% of customers", never "Custom-ers"), figures not at all.
      await expect(
        wordsBrokenAcrossLines(page, "[data-testid=result] thead th, [data-testid=grade-counts] td"),
      ).resolves.toEqual([]);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await shoot(page, `pane-320-${lang}-result-12digit`);
      // The whole card, six grades and all, as one picture.
      if (lang === "zh")
        await page.getByTestId("result").screenshot({ path: join(ARTIFACTS, "pane-320-zh-result-6grades.png") });
      expectCleanPage(watch);
    },
  );
});

describe("an error after Grade while the user has scrolled down", () => {
  it("comes into view, takes the focus and is read out, in Chinese", async () => {
    const { page, watch } = await open({
      // No sheet can be added: live formulas need their parameters sheet.
      workbook: { sheets: { 客户: [BIG_HEADERS, ...BIG_ROWS] }, selection: "客户!B2", protectedStructure: true },
      displayLanguage: "zh-CN",
      settings: SETTINGS,
    });
    await waitForAddress(page, /A1:E8$/);
    await page.getByTestId("profile").selectOption(SIX_GRADES.id);
    // The user scrolls down to the last option and ticks it; the message bars are far above, out of sight.
    await page.getByTestId("live-formulas").scrollIntoViewIfNeeded();
    await page.getByTestId("live-formulas").check();
    await expect(page.getByTestId("pane-body").evaluate((el) => el.scrollTop)).resolves.toBeGreaterThan(0);
    await page.getByTestId("grade").click();
    await page.getByTestId("error").waitFor();
    await expect(page.getByTestId("error").innerText()).resolves.toContain(
      "工作簿结构受保护，无法添加存放结果的工作表",
    );
    await expect(inView(page, "[data-testid=error]")).resolves.toBe(true);
    await expectFocusOn(page, "error");
    await expect(page.getByTestId("alert-announcer").textContent()).resolves.toContain("工作簿结构受保护");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, "pane-320-zh-error-after-scroll");
    expect(await sheetNames(page)).toEqual(["客户"]);
    expectCleanPage(watch);
  });
});

describe("a profile's fixed analysis date and data that runs past it (wuhan on 2026 sales)", () => {
  const workbook = { sheets: { 销售: [NAMED_SALES_HEADERS, ...NAMED_SALES] }, selection: "销售!A1" };

  it("is shown before grading with what it leaves out; the data's latest date in one click grades everyone, names carried", async () => {
    const { page, watch } = await open({ workbook, displayLanguage: "zh-CN" });
    await waitForAddress(page, /A1:F7$/);
    await page.getByTestId("profile").selectOption("wuhan");
    const offer = page.getByTestId("fixed-date-offer");
    await offer.waitFor();
    await expect(offer.innerText()).resolves.toContain("分级方案的统计日期固定为 2025/7/1，而您的数据到 2026/3/15");
    // All six sales are after 2025-07-01.
    await expect(offer.innerText()).resolves.toContain("此后的 6 笔销售（共 6 笔）将不计入");
    await expect(page.getByTestId("grade").isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("grade-reason").innerText()).resolves.toBe(
      "请先在上方选择统计日期：分级方案的日期早于您的数据。",
    );
    await expect(horizontalOverflow(page)).resolves.toEqual([]);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await offer.scrollIntoViewIfNeeded();
    await shoot(page, "pane-320-zh-wuhan-current-data");

    await page.getByTestId("use-data-date").click();
    await expect(page.getByTestId("as-of").inputValue()).resolves.toBe("2026/3/15");
    await page.getByText("数据中最近的日期（您选用了它，而不是分级方案的 2025/7/1）。").waitFor();
    await expect(page.getByTestId("fixed-date-offer").count()).resolves.toBe(0);
    await gradeEnabled(page);
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();
    await expect(page.getByTestId("graded-count").innerText()).resolves.toBe("已分级 3 / 3");
    await expect(page.getByTestId("result-basis").innerText()).resolves.toContain("统计日期 2026/3/15");
    await expect(page.getByTestId("result-carried").innerText()).resolves.toBe(
      "每位客户旁写入了客户名称、联系人、电话，取自该客户最近一笔销售。",
    );
    // The customers' sheet: the id, then the carried columns from each customer's most recent sale.
    const written = await read(page, "RFM 客户", "A1:E4");
    expect(written).toEqual([
      ["客户", "客户名称", "联系人", "电话", "最近下单时间"],
      ["K001", "杭州西湖区明远贸易有限公司", "王建国", "13900000002", 46090],
      ["K002", "宁波北仑港通物流股份有限公司", "李晓梅", "0574-86880000", 46096],
      ["K003", "绍兴柯桥轻纺城布业商行", "陈志强", "13700000003", 46080],
    ]);
    await expect(clippedInside(page, "[data-testid=result]")).resolves.toEqual([]);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, "pane-320-zh-sales-with-names");
    expectCleanPage(watch);
  });

  it("keeps the profile's date when the user says so, and the card says who was left out and why", async () => {
    const { page } = await open({ workbook, displayLanguage: "en-US" });
    await waitForAddress(page, /A1:F7$/);
    await page.getByTestId("profile").selectOption("wuhan");
    await expect(page.getByTestId("fixed-date-offer").innerText()).resolves.toContain(
      "Graded on 7/1/2025, 6 sales (of 6) after it would not be counted, and customers who bought only later would not be graded.",
    );
    await page.getByTestId("keep-profile-date").click();
    await expect(page.getByTestId("as-of").inputValue()).resolves.toBe("7/1/2025");
    await page.getByText("The profile's date, kept: later orders (to 3/15/2026) are not counted.").waitFor();
    await gradeEnabled(page);
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();
    await expect(page.getByTestId("result-data-past").innerText()).resolves.toBe(
      "Your data runs to 3/15/2026, 257 days after the analysis date 7/1/2025: 6 sales after it not counted, 3 customers with only later sales not graded.",
    );
    await expect(clippedInside(page, "[data-testid=result]")).resolves.toEqual([]);
    await shoot(page, "pane-320-en-wuhan-kept-date-result");
  });
});

describe("a selection that is not a table", () => {
  it("a stray cell (合计) gets guidance, not three red column pickers", async () => {
    const sheet = [[...BIG_HEADERS], ...BIG_ROWS, [], ["", "", "", "合计"]];
    const { page, watch } = await open({
      workbook: { sheets: { 客户: sheet }, selection: "客户!D10" },
      displayLanguage: "zh-CN",
    });
    await page.getByTestId("not-a-table").waitFor();
    await expect(page.getByTestId("not-a-table").innerText()).resolves.toContain("“合计”周围没有其他数据");
    await expect(page.getByTestId("mapping").count()).resolves.toBe(0);
    await expect(page.getByTestId("missing-columns").count()).resolves.toBe(0);
    await expect(page.getByTestId("grade-reason").innerText()).resolves.toBe("请选择含标题行和数据行的表格。");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, "pane-320-zh-not-a-table");
    // Selecting the table brings the columns back.
    await select(page, "客户!A1");
    await page.getByTestId("mapping").waitFor();
    await expect(page.getByTestId("not-a-table").count()).resolves.toBe(0);
    expectCleanPage(watch);
  });
});

describe("a protected sheet", () => {
  it("is explained in the user's language with a new sheet offered; the table stays untouched", async () => {
    const { page, watch } = await open({
      workbook: { sheets: { 客户: [BIG_HEADERS, ...BIG_ROWS] }, selection: "客户!A1", protectedSheets: ["客户"] },
      displayLanguage: "zh-CN",
      settings: SETTINGS,
    });
    await waitForAddress(page, /A1:E8$/);
    await page.getByTestId("profile").selectOption(SIX_GRADES.id);
    await page.getByTestId("grade").click();
    const dialog = page.getByTestId("overwrite-dialog");
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain("工作表受保护");
    await expect(dialog.innerText()).resolves.toContain("“客户”受保护，Excel 不允许在表格旁写入结果");
    await expect(page.getByTestId("answer-overwrite").count()).resolves.toBe(0);
    // The dialog speaks Chinese, like the pane: the page and the dialog say so.
    await expect(dialog.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).resolves.toBe("zh-CN");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, "pane-320-zh-protected-sheet");
    await page.getByTestId("answer-new-sheet").click();
    await page.getByTestId("result").waitFor();
    expect(await read(page, "客户")).toEqual([BIG_HEADERS, ...BIG_ROWS]);
    await expect(page.getByTestId("written").innerText()).resolves.toMatch(/^结果已写入 '?客户 RFM'?!/);
    expectCleanPage(watch);
  });
});

describe("the page's language", () => {
  it.each([
    ["zh-CN", "zh-CN", "RFM 客户分级"],
    ["en-US", "en-US", "RFM Grader"],
  ])("in %s Office: <html lang> is %s and the title %s", async (displayLanguage, htmlLang, title) => {
    const { page } = await open({
      workbook: { sheets: { 客户: [BIG_HEADERS, ...BIG_ROWS] }, selection: "客户!A1" },
      displayLanguage,
    });
    await waitForAddress(page, /A1:E8$/);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(htmlLang);
    await expect(page.title()).resolves.toBe(title);
  });
});

describe("keyboard only", () => {
  /**
   * A customer table whose total column has a header the engine does not know (the user maps it), and a note typed
   * right of the table (the results would overwrite it: the dialog asks).
   */
  const headers = ["客户编号", "客户名称", "最近下单时间", "历史购买总次数", "累计（元）"];
  const sheet = [headers, ...BIG_ROWS.map((row) => [...row])];
  // Column F stays empty (the table ends at E); the note in G3 is where the results would go.
  sheet[2].push("", "请勿覆盖：财务部备注");

  it("walks select, map, grade, the overwrite dialog, the editor and back; the focus is never on <body>", async () => {
    // The pane opens on an empty cell far from the table: it offers the sample data.
    const { page, watch } = await open({
      workbook: { sheets: { 客户: sheet }, selection: "客户!K20" },
      displayLanguage: "en-US",
      settings: SETTINGS,
    });
    await page.getByTestId("empty-state").waitFor();
    await page.getByTestId("pane-title").focus();

    // Select: the user selects the table in Excel and reads the selection again with the keyboard; the button keeps
    // the focus through its busy moment (it is disabled while the range is read).
    await tabTo(page, "refresh");
    await select(page, "客户!A1");
    await page.keyboard.press("Enter");
    await waitForAddress(page, /A1:E8$/);
    await page.getByTestId("missing-columns").waitFor();
    await page.waitForFunction(
      () => !(document.querySelector("[data-testid=refresh]") as HTMLButtonElement | null)?.disabled,
    );
    await expectFocusOn(page, "refresh");

    // Map the last missing column with the keyboard (typing E picks "E: 累计（元）"): the list stays open and the
    // select keeps the focus.
    await tabTo(page, "map-total");
    await page.keyboard.press("E");
    await expect(page.getByTestId("map-total").inputValue()).resolves.toBe("4");
    await expect(page.getByTestId("missing-columns").count()).resolves.toBe(0);
    await expectFocusOn(page, "map-total");

    // The six-grade profile, chosen with the keyboard.
    await tabTo(page, "profile");
    await page.keyboard.press("End");
    await expect(page.getByTestId("profile").inputValue()).resolves.toBe(SIX_GRADES.id);

    // Grade: the dialog asks (the note right of the table); Escape cancels; the notice that says so takes the focus.
    // A new profile is checked against the data before Grade is offered (a keyboard user waits for it too): until
    // then Grade is disabled and Tab passes over it to the end of the page.
    await page.waitForFunction(
      () => !(document.querySelector("[data-testid=grade]") as HTMLButtonElement | null)?.disabled,
    );
    await tabTo(page, "grade");
    await page.keyboard.press("Enter");
    await page.getByTestId("overwrite-dialog").waitFor();
    await expect(
      page.evaluate(() => !!document.activeElement?.closest("[data-testid=overwrite-dialog]")),
    ).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await page.getByTestId("notice").waitFor();
    await expectFocusOn(page, "notice");
    await expect(page.getByTestId("notice").innerText()).resolves.toBe("Cancelled. The sheet was left as it was.");

    // Grade again, and Cancel chosen with Tab and Enter: the same notice takes the focus.
    await tabTo(page, "grade");
    await page.keyboard.press("Enter");
    await page.getByTestId("overwrite-dialog").waitFor();
    await tabTo(page, "answer-cancel");
    await page.keyboard.press("Enter");
    await page.getByTestId("overwrite-dialog").waitFor({ state: "detached" });
    await expectFocusOn(page, "notice");
    expect(await read(page, "客户", "G3:G3")).toEqual([["请勿覆盖：财务部备注"]]);

    // Grade again: Enter on the dialog's first button writes to a new sheet; the result takes the focus.
    await tabTo(page, "grade");
    await page.keyboard.press("Enter");
    await page.getByTestId("overwrite-dialog").waitFor();
    await expectFocusOn(page, "answer-new-sheet");
    await page.keyboard.press("Enter");
    await page.getByTestId("result").waitFor();
    await expectFocusOn(page, "result-heading");
    expect(await focusedName(page)).not.toBe("<body>");

    // The editor: its title takes the focus; a blank form; back to grading, the focus returns to Manage profiles.
    await tabTo(page, "manage-profiles");
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "editor-title");
    await tabTo(page, "start-blank");
    await page.keyboard.press("Enter");
    await page.getByTestId("profile-id").waitFor();
    expect(await focusedName(page)).not.toBe("<body>");
    await tabTo(page, "profiles-back", { back: true });
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "manage-profiles");
    expectCleanPage(watch);
  });
});

describe("Office's Dark Gray theme", () => {
  it("shows the result card dark, its hints and links readable (axe-core's contrast rule), in Chinese", async () => {
    const { page, watch } = await open({
      workbook: { sheets: { 客户: [BIG_HEADERS, ...BIG_ROWS] }, selection: "客户!A1" },
      displayLanguage: "zh-CN",
      settings: SETTINGS,
      officeTheme: THEMES.darkGray,
    });
    await waitForAddress(page, /A1:E8$/);
    await page.getByTestId("profile").selectOption(SIX_GRADES.id);
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();
    const background = await page.getByTestId("theme-root").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe("rgb(68, 68, 68)");
    // Links were 3.46:1 on #444444 with Fluent's own colour; now at least 4.5:1.
    const link = await page.getByTestId("select-results").evaluate((el) => getComputedStyle(el).color);
    expect(contrastOf(link, background)).toBeGreaterThanOrEqual(4.5);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, "pane-320-zh-darkgray-result");
    expectCleanPage(watch);
  });
});

describe("live formulas", () => {
  it.each([
    [
      "en-US",
      "en",
      "RFM parameters",
      "The results are live Excel formulas: change the analysis date on the “RFM parameters” sheet to regrade.",
    ],
    ["zh-CN", "zh", "RFM参数", "结果为实时 Excel 公式：在“RFM参数”工作表中修改统计日期即可重新分级。"],
  ] as const)(
    "in %s the card says the results are formulas and where the analysis date is changed",
    async (displayLanguage, lang, sheet, text) => {
      const { page, watch } = await open({
        workbook: { sheets: { 客户: [BIG_HEADERS, ...BIG_ROWS] }, selection: "客户!A1" },
        displayLanguage,
        settings: SETTINGS,
      });
      await waitForAddress(page, /A1:E8$/);
      await page.getByTestId("profile").selectOption(SIX_GRADES.id);
      await page.getByTestId("live-formulas").check();
      await page.getByTestId("grade").click();
      await page.getByTestId("result").waitFor();
      await expect(page.getByTestId("result-live").innerText()).resolves.toBe(text);
      expect(await sheetNames(page)).toContain(sheet);
      await expect(clippedInside(page, "[data-testid=result]")).resolves.toEqual([]);
      await page.getByTestId("result-live").scrollIntoViewIfNeeded();
      await shoot(page, `pane-320-${lang}-result-live-formulas`);
      expectCleanPage(watch);
    },
  );
});

/** WCAG contrast of two CSS rgb() colours. */
function contrastOf(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/\d+/g) ?? []).slice(0, 3).map((x) => {
      const c = Number(x) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe.each([
  ["light", THEMES.light],
  ["darkGray", THEMES.darkGray],
  ["black", THEMES.black],
] as const)("axe-core in Office's %s theme", (_themeName, theme) => {
  it.each(["zh-CN", "en-US"] as const)("%s: no violation in any state of the pane", async (displayLanguage) => {
    // 备注: a table whose total column the user maps by hand, and a note right of it the results would overwrite.
    const noted: unknown[][] = [
      ["客户编号", "客户名称", "最近下单时间", "历史购买总次数", "累计（元）"],
      ...BIG_ROWS.map((row) => [...row]),
    ];
    noted[2].push("", "请勿覆盖：财务部备注");
    const workbook = {
      sheets: {
        客户: [BIG_HEADERS, ...BIG_ROWS, [], ["", "", "", "合计"]],
        销售: [NAMED_SALES_HEADERS, ...NAMED_SALES],
        备注: noted,
        空白: [[""]],
      },
      selection: "空白!A1",
      protectedStructure: true,
    };
    const { page, watch } = await open({ workbook, displayLanguage, settings: SETTINGS, officeTheme: theme });
    const check = async (state: string) => expect([state, await axeViolations(page)]).toEqual([state, []]);
    await page.getByTestId("empty-state").waitFor();
    await check("empty cell, sample offered");
    await select(page, "客户!D10");
    await page.getByTestId("not-a-table").waitFor();
    await check("not a table");
    await select(page, "备注!A1");
    await waitForAddress(page, /A1:E8$/);
    await page.getByTestId("missing-columns").waitFor();
    await check("a column to map");
    await page.getByTestId("map-total").selectOption("4");
    await page.getByTestId("profile").selectOption(SIX_GRADES.id);
    await page.getByTestId("grade").click();
    await page.getByTestId("overwrite-dialog").waitFor();
    await check("overwrite dialog");
    await page.keyboard.press("Escape");
    await page.getByTestId("notice").waitFor();
    await check("cancelled notice");
    await select(page, "销售!A1");
    await waitForAddress(page, /A1:F7$/);
    await page.getByTestId("profile").selectOption("wuhan");
    await page.getByTestId("fixed-date-offer").waitFor();
    await check("fixed date offer");
    await select(page, "客户!A1");
    await waitForAddress(page, /A1:E8$/);
    await page.getByTestId("profile").selectOption(SIX_GRADES.id);
    await check("start");
    await page.getByTestId("live-formulas").check();
    await page.getByTestId("grade").click();
    await page.getByTestId("error").waitFor();
    await check("error");
    await page.getByTestId("live-formulas").uncheck();
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();
    await check("result");
    await page.getByTestId("manage-profiles").click();
    await page.getByTestId("choose-to-edit").waitFor();
    await check("editor's list");
    await page.getByTestId("start-blank").click();
    await page.getByTestId("profile-save").click();
    await page.getByTestId("profile-blocked").waitFor();
    await check("editor with problems");
    await page.getByTestId("profiles-back").click();
    await page
      .getByTestId("result")
      .waitFor({ state: "detached" })
      .catch(() => undefined);
    expectCleanPage(watch);
  });
});

describe("the profile editor for a clerk who writes Chinese only", () => {
  it("opens on its list (no unsaved copy), uses the pane's words, asks for empty fields, saves without English", async () => {
    const { page, watch } = await open(
      { workbook: { sheets: { 客户: [BIG_HEADERS, ...BIG_ROWS] }, selection: "客户!A1" }, displayLanguage: "zh-CN" },
      320,
      800,
    );
    await waitForAddress(page, /A1:E8$/);
    await page.getByTestId("manage-profiles").click();
    await page.getByTestId("choose-to-edit").waitFor();
    await expect(page.getByTestId("profile-id").count()).resolves.toBe(0);
    await page.getByTestId("start-blank").click();
    await page.getByTestId("profile-id").fill("hangzhou-2026");
    await page.getByTestId("profile-name-zh").fill("杭州分公司二〇二六年客户分级");
    // The pane's words: R, F, M and their bounds as the pane names them; no wR / 最近消费.
    const form = await page.getByTestId("profile-editor").innerText();
    expect(form).toContain("R 的界值（距最近下单天数）");
    expect(form).toContain("M 的权重");
    expect(form).not.toMatch(/最近消费|消费频次|wR/);
    // A bound left empty asks to be filled.
    await page.getByTestId("bound-recency-0").focus();
    await page.getByTestId("bound-recency-0").press("Tab");
    await expect(page.getByTestId("bound-recency-0-message").innerText()).resolves.toBe(
      "R 的界值（距最近下单天数）第 1 个：请填写",
    );
    const bounds: Record<string, string[]> = {
      recency: ["30", "90", "180", "365"],
      frequency: ["1", "3", "6", "12"],
      monetary: ["1", "10", "100", "1000"],
    };
    for (const [dim, values] of Object.entries(bounds))
      for (let i = 0; i < 4; i++) await page.getByTestId(`bound-${dim}-${i}`).fill(values[i]);
    await page.getByTestId("weight-recency").fill("0.3");
    await page.getByTestId("weight-frequency").fill("0.3");
    await page.getByTestId("weight-monetary").fill("0.4");
    await page.getByTestId("grade-0-letter").fill("A 重点维护客户（年采购额百万元以上）");
    await page.getByTestId("grade-0-cut").fill("3");
    await page.getByTestId("grade-0-cadence-zh").fill("每月电话回访");
    await page.getByTestId("grade-1-letter").fill("B 一般往来客户");
    await page.getByTestId("grade-1-cadence-zh").fill("每季度电话回访");
    // The grade's name has the card's whole width, not a 75 px box.
    const width = await page.getByTestId("grade-0-letter").evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(200);
    await expect(horizontalOverflow(page)).resolves.toEqual([]);
    await page.getByTestId("profile-save").click();
    await expect(page.getByTestId("profile-notice").innerText()).resolves.toContain(
      "已将“hangzhou-2026”保存到本工作簿",
    );
    await page.getByTestId("stored-hangzhou-2026").waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.getByTestId("grade-0-letter").scrollIntoViewIfNeeded();
    await shoot(page, "pane-320-zh-editor-chinese-only");
    expectCleanPage(watch);
  });
});
