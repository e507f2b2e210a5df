/**
 * The task pane as a finance user meets it, at the widths Office opens it (320 px) and users drag it to (500 px), in
 * English and Chinese Office: nothing scrolls sideways, Grade and progress stay in sight, the analysis date is the
 * data's (with a warning when it is far off), the pane follows Excel's selection and grades only the range it shows,
 * the result comes into view with focus and an announcement, Office's dark themes are followed, and axe-core finds
 * no accessibility violation. Screenshots go to test-artifacts/pane-<width>-<lang>-<state>.png.
 */
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import type { E2eSetup } from "./e2e/browserExcel";
import { REPO, usePaneSession } from "./e2e/harness";
import type { PageWatch } from "./e2e/harness";
import { SHAOXING_HEADERS, SHAOXING_ROWS } from "./fixtures";

jest.setTimeout(120_000);

const ARTIFACTS = join(REPO, "test-artifacts");
const AXE = readFileSync(join(REPO, "node_modules/axe-core/axe.min.js"), "utf8");
const OFFICE_TELEMETRY = "telemetryservice.firstpartyapps.oaspapps.com";

/** 2026-01-30 as an Excel serial (1900 system): 46023 is 2026-01-01. */
const LATEST_SERIAL = 46052;

/** A saved profile whose name is 60 characters long in both languages (Shaoxing's rules). */
const LONG_NAME = {
  en: "Eastern region key accounts – quarterly review, fixed cut-offs",
  zh: "华东大区重点客户季度复核分级方案（固定阈值，金额按万元计，适用于二〇二六年度全部直营门店、线上商城渠道及各地经销商体系的全部客户）",
};
const LONG_PROFILE = {
  id: "east-key-accounts",
  name: LONG_NAME,
  method: "thresholds",
  monetaryUnit: "wan",
  thresholds: { recency: [10, 20, 30, 50], frequency: [2, 5, 10, 15], monetary: [1, 3, 5, 8] },
  weights: { recency: 0.3, frequency: 0.4, monetary: 0.6 },
  grades: [
    { grade: "A", above: 6, cadence: { en: "1–2 contacts per month", zh: "每月沟通1–2次" } },
    { grade: "B", above: 3, cadence: { en: "1–2 contacts per quarter", zh: "每季度沟通1–2次" } },
    { grade: "C", cadence: { en: "1–2 contacts per half-year", zh: "每半年沟通1–2次" } },
  ],
};

/** A customer table of `rows` customers whose latest order is 2026-01-30, every column recognised. */
function customerTable(rows: number): unknown[][] {
  const sheet: unknown[][] = [SHAOXING_HEADERS];
  for (let i = 0; i < rows; i++)
    sheet.push([`C${String(i + 1).padStart(5, "0")}`, LATEST_SERIAL - (i % 60), 1 + (i % 18), 0.5 + (i % 10)]);
  return sheet;
}

const session = usePaneSession();

type Lang = "en-US" | "zh-CN";
const short = (lang: Lang) => (lang === "zh-CN" ? "zh" : "en");

function open(setup: E2eSetup, width: number, height = 720): Promise<{ page: Page; watch: PageWatch }> {
  return session.open(setup, { width, height });
}

function shoot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

function expectCleanPage(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.problems.filter((p) => !p.includes(OFFICE_TELEMETRY))).toEqual([]);
  expect(watch.dialogs).toEqual([]);
}

/**
 * Everything that sticks out to the right of the pane: the page's own horizontal scroll, and any visible element
 * whose box ends beyond the viewport (content clipped by an overflow-hidden parent counts: the user cannot see it).
 */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > window.innerWidth) out.push(`page scrolls: ${root.scrollWidth} > ${window.innerWidth}`);
    const body = document.querySelector("[data-testid=pane-body]");
    if (body && body.scrollWidth > body.clientWidth)
      out.push(`pane body scrolls: ${body.scrollWidth} > ${body.clientWidth}`);
    for (const el of document.querySelectorAll("body *")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.position === "fixed") continue;
      // Fluent's focus helpers (tabster dummy inputs) and visually hidden texts are 1 px boxes placed off to the side.
      if (el.hasAttribute("data-tabster-dummy") || (box.width <= 1 && box.height <= 1)) continue;
      if (box.right > window.innerWidth + 0.5) {
        out.push(
          `${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? el.className.toString().slice(0, 30)}] ends at ${Math.round(box.right)}`,
        );
      }
    }
    return out;
  });
}

/** The element lies wholly inside the viewport, without scrolling. */
async function inView(page: Page, testId: string): Promise<boolean> {
  return page.locator(testId.startsWith("#") ? testId : `[data-testid=${testId}]`).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return (
      box.top >= 0 &&
      box.left >= 0 &&
      box.bottom <= window.innerHeight &&
      box.right <= window.innerWidth &&
      box.height > 0
    );
  });
}

/**
 * axe-core's violations on the page, leaving out those whose every node is one of Fluent UI's own focus helpers:
 * tabster's dummy inputs (`[data-tabster-dummy]`), which Fluent places around dialogs and focus traps as focusable
 * elements inside `aria-hidden` containers (axe rule "aria-hidden-focus").
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: string[]; html: string }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html })),
    }));
  });
  return violations
    .filter((v) => !v.nodes.every((n) => /data-tabster-dummy/.test(n.html)))
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

function select(page: Page, address: string): Promise<void> {
  return page.evaluate(
    (a) => (window as unknown as { rfmFake: { select(a: string): void } }).rfmFake.select(a),
    address,
  );
}

function read(page: Page, sheet: string, address?: string): Promise<unknown[][]> {
  return page.evaluate(
    ([s, a]) => (window as unknown as { rfmFake: { read(s: string, a?: string): unknown[][] } }).rfmFake.read(s, a),
    [sheet, address] as const,
  );
}

async function waitForAddress(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector("[data-testid=source-address]")?.textContent ?? ""),
    pattern.source,
  );
}

async function asOfIs(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (value) => (document.querySelector("[data-testid=as-of]") as HTMLInputElement | null)?.value === value,
    text,
  );
}

async function gradeEnabled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (document.querySelector("[data-testid=grade]") as HTMLButtonElement | null)?.disabled === false,
  );
}

/** Texts in live regions (Fluent's announcer writes its messages into one). */
function announcements(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll("[aria-live]")].map((el) => el.textContent ?? "").join(" | "),
  );
}

const TEXT = {
  "en-US": {
    latest: "1/30/2026",
    later: "3/15/2026",
    fromData: "The latest date in your data.",
    announced: "Grading finished: 400 of 400 graded.",
  },
  "zh-CN": {
    latest: "2026/1/30",
    later: "2026/3/15",
    fromData: "数据中最近的日期。",
    announced: "分级完成：已分级 400 / 400。",
  },
} as const;

describe.each([320, 500])("the pane at %i px", (width) => {
  it.each(["en-US", "zh-CN"] as const)(
    "in %s: fits, keeps Grade in sight, proposes the data's date, shows progress and the result",
    async (lang) => {
      const { page, watch } = await open(
        {
          workbook: { sheets: { Sales: customerTable(400) }, selection: "Sales!B2" },
          displayLanguage: lang,
          settings: { "rfm.profile.east-key-accounts": JSON.stringify(LONG_PROFILE) },
          syncDelayMs: 120,
        },
        width,
      );
      const name = (state: string) => `pane-${width}-${short(lang)}-${state}`;
      await waitForAddress(page, /^Sales!A1:D401$/);
      await page.getByTestId("profile").selectOption("east-key-accounts");
      expect(LONG_NAME[short(lang)].length).toBeGreaterThanOrEqual(60);

      // The analysis date is the latest date in the data, in Office's form, and says where it came from.
      await asOfIs(page, TEXT[lang].latest);
      await page.getByText(TEXT[lang].fromData).waitFor();
      await expect(page.getByTestId("as-of-warning").count()).resolves.toBe(0);
      // The long profile name is cut with an ellipsis inside the pane, not widening it.
      const profileBox = await page.getByTestId("profile").evaluate((el) => {
        const select = el instanceof HTMLSelectElement ? el : el.querySelector("select");
        return {
          right: select?.getBoundingClientRect().right ?? 0,
          overflow: getComputedStyle(select as Element).textOverflow,
        };
      });
      expect(profileBox.right).toBeLessThanOrEqual(width);
      expect(profileBox.overflow).toBe("ellipsis");

      await expect(horizontalOverflow(page)).resolves.toEqual([]);
      await expect(inView(page, "grade")).resolves.toBe(true);
      await expect(page.getByTestId("grade-target").innerText()).resolves.toContain("Sales!A1:D401");
      await expect(page.getByTestId("columns-found").innerText()).resolves.toBe(
        lang === "zh-CN" ? "已找到 4 / 4 列" : "4 of 4 columns found",
      );
      await expect(axeViolations(page)).resolves.toEqual([]);
      await shoot(page, name("start"));

      // A date far after the data is warned about before grading.
      await page.getByTestId("as-of").fill(TEXT[lang].later);
      await page.getByTestId("as-of-warning").waitFor();
      await expect(page.getByTestId("as-of-warning").innerText()).resolves.toContain(
        lang === "zh-CN" ? "晚 44 天" : "44 days after",
      );

      await page.getByTestId("columns-toggle").click();
      await page.getByTestId("map-total").waitFor();
      await expect(horizontalOverflow(page)).resolves.toEqual([]);
      await expect(inView(page, "grade")).resolves.toBe(true);
      await shoot(page, name("mapping"));

      await page.getByTestId("grade").click();
      await page.getByTestId("progress").waitFor();
      await expect(inView(page, "progress")).resolves.toBe(true);
      await expect(inView(page, "cancel")).resolves.toBe(true);
      await expect(horizontalOverflow(page)).resolves.toEqual([]);
      await shoot(page, name("progress"));

      await page.getByTestId("result").waitFor();
      // The result is in sight, holds the focus, is announced, and repeats the date warning.
      await page.waitForFunction(() => document.activeElement?.id === "result-heading");
      await expect(inView(page, "#result-heading")).resolves.toBe(true);
      // The card itself is in sight, not just its heading: the distribution and the figures per grade.
      await expect(inView(page, "distribution-bar")).resolves.toBe(true);
      await expect(inView(page, "grade-table")).resolves.toBe(true);
      await page.waitForFunction(
        (text) => [...document.querySelectorAll("[aria-live]")].some((el) => (el.textContent ?? "").includes(text)),
        TEXT[lang].announced,
      );
      await expect(announcements(page)).resolves.toContain(TEXT[lang].announced);
      await page.getByTestId("result-as-of-warning").waitFor();
      await expect(horizontalOverflow(page)).resolves.toEqual([]);
      await expect(inView(page, "grade")).resolves.toBe(true);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await shoot(page, name("result"));

      await page.getByTestId("manage-profiles").click();
      await page.getByTestId("stored-east-key-accounts").waitFor();
      await shoot(page, name("editor"));
      expectCleanPage(watch);
    },
  );
});

describe("following Excel's selection", () => {
  // Two customer tables on one sheet, side by side: A1:D6 and G1:J3.
  const TWO_TABLES = (() => {
    const sheet: unknown[][] = [[...SHAOXING_HEADERS, "", "", ...SHAOXING_HEADERS]];
    SHAOXING_ROWS.forEach((row, i) =>
      sheet.push([...row, "", "", ...(i < 2 ? [`X${i}`, LATEST_SERIAL - i, 3, 2] : [])]),
    );
    return sheet;
  })();

  it("grades the range selected last, even when Grade is clicked before the pane has caught up", async () => {
    const { page, watch } = await open(
      { workbook: { sheets: { Sales: TWO_TABLES }, selection: "Sales!A1" }, displayLanguage: "en-US" },
      320,
    );
    await waitForAddress(page, /^Sales!A1:D6$/);
    await gradeEnabled(page);

    // The user selects the other table and clicks Grade at once: the pane checks the selection first, shows the new
    // range and grades nothing.
    await select(page, "Sales!G1");
    await page.getByTestId("grade").click();
    await page.getByTestId("notice").waitFor();
    await expect(page.getByTestId("notice").innerText()).resolves.toContain("The selection changed to Sales!G1:J3");
    await waitForAddress(page, /^Sales!G1:J3$/);
    expect((await read(page, "Sales", "E1:E6")).flat().every((v) => v === "")).toBe(true);
    expect((await read(page, "Sales", "K1:K3")).flat().every((v) => v === "")).toBe(true);

    // Grade now grades the range shown, and only it.
    await page.getByTestId("grade-target").filter({ hasText: "Sales!G1:J3" }).waitFor();
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();
    await expect(page.getByTestId("written").innerText()).resolves.toBe("Results written to Sales!K1:S3.");
    expect((await read(page, "Sales", "K1:K1"))[0][0]).toBe("R Score");
    expect((await read(page, "Sales", "E1:E6")).flat().every((v) => v === "")).toBe(true);

    // The card's links go to the results and the summary sheet; the pane does not take what it selected itself for a
    // new range to grade.
    await page.getByTestId("select-results").click();
    await page.waitForFunction(
      () => (window as unknown as { rfmFake: { selection(): string } }).rfmFake.selection() === "Sales!K1:S3",
    );
    await page.getByTestId("open-summary").click();
    await page.waitForFunction(
      () => (window as unknown as { rfmFake: { activeSheet(): string } }).rfmFake.activeSheet() !== "Sales",
    );
    await page.waitForTimeout(600);
    // Still the table selected by the user (now with its result columns beside it, which grading again updates in
    // place), not the results (K1:S3) or the summary sheet the pane selected for the user to look at.
    await expect(page.getByTestId("source-address").innerText()).resolves.toMatch(/^Sales!G1:[JS]3$/);
    await expect(page.getByTestId("result").count()).resolves.toBe(1);
    expectCleanPage(watch);
  });

  it("looks at the selection a few times, not once per event, while the user drags across cells", async () => {
    const { page } = await open(
      { workbook: { sheets: { Sales: customerTable(20) }, selection: "Sales!A1" }, displayLanguage: "en-US" },
      320,
    );
    await waitForAddress(page, /^Sales!A1:D21$/);
    await gradeEnabled(page);
    await page.waitForTimeout(400);
    const syncsBefore = await page.evaluate(
      () => (window as unknown as { rfmFake: { stats: unknown[] } }).rfmFake.stats.length,
    );
    await page.evaluate(() => {
      const fake = (window as unknown as { rfmFake: { select(a: string): void } }).rfmFake;
      for (let i = 0; i < 40; i++) fake.select(`Sales!A${1 + (i % 20)}:D${2 + (i % 20)}`);
      fake.select("Sales!B5");
    });
    await page.waitForTimeout(1500);
    await waitForAddress(page, /^Sales!A1:D21$/);
    const syncs =
      (await page.evaluate(() => (window as unknown as { rfmFake: { stats: unknown[] } }).rfmFake.stats.length)) -
      syncsBefore;
    // One look at the selection is 4 syncs (plus 1 to read the dates when the range changed); 41 events looked at one
    // by one would be over 160.
    expect(syncs).toBeLessThanOrEqual(15);
  });

  it("guides from an empty cell to sample data, and from a header-only range to data rows", async () => {
    const { page, watch } = await open(
      {
        workbook: { sheets: { Sales: [SHAOXING_HEADERS, ...SHAOXING_ROWS] }, selection: "Sales!H20" },
        displayLanguage: "en-US",
      },
      320,
    );
    await page.getByTestId("empty-state").waitFor();
    await expect(page.getByTestId("error").count()).resolves.toBe(0);
    await expect(page.getByTestId("grade").isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("grade-reason").innerText()).resolves.toBe("Select the data to grade first.");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, "pane-320-en-empty");

    // A header row alone: shown, with Grade disabled and the reason beside it.
    await select(page, "Sales!A1:D1");
    await waitForAddress(page, /^Sales!A1:D1$/);
    await expect(page.getByTestId("grade").isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("grade-reason").innerText()).resolves.toBe(
      "The range has a header row but no data rows: select a table with data.",
    );

    await select(page, "Sales!H20");
    await page.getByTestId("try-sample").click();
    await waitForAddress(page, /^'RFM sample'!A1:D25$/);
    await asOfIs(page, "1/30/2026");
    await expect(page.getByTestId("grade").isEnabled()).resolves.toBe(true);
    expect((await read(page, "Sales", "A1:D1"))[0]).toEqual(SHAOXING_HEADERS);
    expectCleanPage(watch);
  });
});

describe("Office's theme", () => {
  const BLACK = {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#6A6A6A",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  };
  const COLORFUL = {
    bodyBackgroundColor: "#E6E6E6",
    bodyForegroundColor: "#262626",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
    isDarkTheme: false,
  };
  const DARK_GRAY = {
    bodyBackgroundColor: "#444444",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#6A6A6A",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  };

  const colours = (page: Page) =>
    page.getByTestId("pane-body").evaluate((el) => {
      const provider = el.closest("[data-testid=theme-root]") as HTMLElement;
      return {
        background: getComputedStyle(provider).backgroundColor,
        text: getComputedStyle(el.querySelector("h1") as Element).color,
      };
    });

  it("is dark in Office's Black theme, result included, with no contrast violation", async () => {
    const { page, watch } = await open(
      {
        workbook: { sheets: { Sales: customerTable(30) }, selection: "Sales!A1" },
        displayLanguage: "en-US",
        officeTheme: BLACK,
      },
      320,
    );
    await waitForAddress(page, /^Sales!A1:D31$/);
    await expect(colours(page)).resolves.toEqual({ background: "rgb(38, 38, 38)", text: "rgb(255, 255, 255)" });
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();
    await expect(inView(page, "grade-table")).resolves.toBe(true);
    const card = await page.getByTestId("result").evaluate((el) => getComputedStyle(el).backgroundColor);
    // Fluent's dark card surface, not white.
    expect(card).not.toBe("rgb(255, 255, 255)");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, "pane-320-en-dark-result");
    expectCleanPage(watch);
  });

  it("follows a change of Office's theme while the pane is open", async () => {
    const { page } = await open(
      {
        workbook: { sheets: { Sales: customerTable(5) }, selection: "Sales!A1" },
        displayLanguage: "zh-CN",
        officeTheme: COLORFUL,
      },
      320,
    );
    await waitForAddress(page, /^Sales!A1:D6$/);
    await expect(colours(page)).resolves.toEqual({ background: "rgb(230, 230, 230)", text: "rgb(38, 38, 38)" });
    await page.evaluate(
      (theme) => (window as unknown as { rfmOffice: { setTheme(t: unknown): void } }).rfmOffice.setTheme(theme),
      DARK_GRAY,
    );
    await page.waitForFunction(
      () =>
        getComputedStyle(document.querySelector("[data-testid=theme-root]") as Element).backgroundColor ===
        "rgb(68, 68, 68)",
    );
    await expect(colours(page)).resolves.toEqual({ background: "rgb(68, 68, 68)", text: "rgb(255, 255, 255)" });
  });
});
