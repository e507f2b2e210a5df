/**
 * The profile editor in headless Chromium, opened from the real task pane page (the add-in's own build) and driven
 * as a user would, over the grid-backed Excel double: a field is checked when the user leaves it or saves, and its
 * problem is told with the form's label; the preview grades the selected rows before and after the edit; save,
 * export, import (good and bad files) and delete (with the formulas that still use the profile) change the
 * workbook's stored profiles (its custom XML parts) exactly as they should; at 320 and 500 px, in English and Chinese, nothing scrolls sideways
 * and Save and Preview stay in sight. Expected grades are worked by hand below.
 */
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { parseProfileJson } from "../../../src/engine";
import type { E2eSetup } from "../e2e/browserExcel";
import { REPO, usePaneSession } from "../e2e/harness";
import type { PageWatch } from "../e2e/harness";
import { eastRegionDocument } from "../../fixtures/eastRegionProfile";
import { PROFILE_XML_NAMESPACE, readProfilePart } from "../../../src/excel/profilePart";

jest.setTimeout(90_000);

const ARTIFACTS = join(REPO, "test-artifacts");
const HOSTILE = '<img src=x onerror="alert(1)">';

/**
 * The customers of the sheet, as-of 2025-07-01, graded by the east-region profile typed in the test:
 * R: D <= 7 → 5, <= 14 → 4, <= 30 → 3, <= 60 → 2, else 1. F: S <= 1 → 1, <= 3 → 2, <= 6 → 3, <= 12 → 4, else 5.
 * M (yuan): <= 1000 → 1, <= 5000 → 2, <= 20000 → 3, <= 50000 → 4, else 5. X = 0.25 r + 0.25 f + 0.5 m.
 * A if X >= 4.5; B if X > 3; C if X >= 2; D otherwise.
 *   K1 D 5 r5, S 8 f4, Z 30000 m4: 4.25 → B     K2 D 10 r4, S 13 f5, Z 60000 m5: 4.75 → A
 *   K3 D 45 r2, S 2 f2, Z 1000 m1: 1.5 → D      K4 D 45 r2, S 2 f2, Z 3000 m2: 2 → C
 */
const SHEET = [
  ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额", "RFM"],
  ["K1", 45834, 8, 30000, '=RFM.GRADE(B2,C2,D2,"east-region","2025-07-01")'],
  ["K2", 45829, 13, 60000, '=RFM.GRADE(B3,C3,D3,"east-region","2025-07-01")'],
  ["K3", 45794, 2, 1000, ""],
  ["K4", 45794, 2, 3000, ""],
];

function workbook(): E2eSetup["workbook"] {
  return { sheets: { Sales: SHEET.map((row) => [...row]) }, selection: "Sales!A1" };
}

const session = usePaneSession();

async function open(displayLanguage: string): Promise<{ page: Page; watch: PageWatch }> {
  const setup: E2eSetup = { workbook: workbook(), displayLanguage };
  const opened = await session.open(setup);
  // The editor sits behind "Manage profiles" under the pane's profile picker, shown once the selection is read.
  await opened.page.getByTestId("manage-profiles").click();
  await opened.page.getByTestId("profile-editor").waitFor();
  return opened;
}

/** The profiles stored in the workbook's custom XML parts, as [id, JSON text], read through the double's Excel API. */
async function stored(page: Page): Promise<[string, string][]> {
  const xml = await page.evaluate((namespace) => {
    const fake = (
      window as unknown as { rfmFake: { run<T>(b: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> } }
    ).rfmFake;
    return fake.run(async (ctx) => {
      const parts = ctx.workbook.customXmlParts.getByNamespace(namespace);
      parts.load("items/id");
      await ctx.sync();
      const texts = parts.items.map((p) => p.getXml());
      await ctx.sync();
      return texts.map((t) => t.value);
    });
  }, PROFILE_XML_NAMESPACE);
  return xml.map((text) => {
    const part = readProfilePart(text);
    if ("problem" in part) throw new Error(`a stored part cannot be read: ${part.problem.en}`);
    return [part.id, part.json];
  });
}

// Office.js frames its telemetry page when it runs outside Office; the pane's CSP blocks it, as it should.
const OFFICE_TELEMETRY = "telemetryservice.firstpartyapps.oaspapps.com";

function expectCleanPage(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.problems.filter((p) => !p.includes(OFFICE_TELEMETRY))).toEqual([]);
  expect(watch.dialogs).toEqual([]);
}

/** Waits (up to 5 s) for `read` to give `expected`; fails with the last value otherwise. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** The input is marked invalid (Fluent's Field sets aria-invalid), or not; React may render a moment later. */
async function expectInvalid(page: Page, testId: string, marked: boolean): Promise<void> {
  await eventually(async () => (await page.getByTestId(testId).getAttribute("aria-invalid")) === "true", marked);
}

async function type(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
}

/** Types into a field and leaves it (Tab), as a user moving on does: that is when the field is checked. */
async function typeAndLeave(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).press("Tab");
}

/** How many inputs of the editor are marked invalid. */
function markedCount(page: Page): Promise<number> {
  return page.locator('[data-testid=profile-editor] [aria-invalid="true"]').count();
}

/** The preview's table as [grade, before, after, change] rows. */
function previewRows(page: Page): Promise<string[][]> {
  return page
    .getByTestId("preview-grades")
    .evaluate((table) =>
      [...(table as HTMLTableElement).tBodies[0].rows].map((row) =>
        [...row.cells].map((cell) => (cell.textContent ?? "").trim()),
      ),
    );
}

/** True when the element lies entirely inside the visible part of the page (no scrolling needed to see it). */
async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const viewport = page.viewportSize();
  return (
    box !== null &&
    viewport !== null &&
    box.y >= 0 &&
    box.y + box.height <= viewport.height &&
    box.x >= 0 &&
    box.x + box.width <= viewport.width
  );
}

/** Types the east-region profile into a blank form, checking the marks as it goes. */
async function typeEastRegion(page: Page): Promise<void> {
  await type(page, "profile-id", "east-region");
  await type(page, "profile-name-en", `East region ${HOSTILE}`);
  await type(page, "profile-name-zh", "华东区");
  await page.getByTestId("profile-unit").selectOption("yuan");
  const bounds: Record<string, string[]> = {
    recency: ["7", "14", "30", "60"],
    frequency: ["1", "3", "6", "12"],
    monetary: ["1000", "5000", "20000", "50000"],
  };
  for (const [dim, values] of Object.entries(bounds)) {
    for (let i = 0; i < 4; i++) await type(page, `bound-${dim}-${i}`, values[i]);
  }
  await type(page, "weight-recency", "0.25");
  await type(page, "weight-frequency", "0.25");
  await type(page, "weight-monetary", "0.5");
  await page.getByTestId("add-grade").click();
  await page.getByTestId("add-grade").click();
  const grades = [
    ["A", "atLeast", "4.5", "weekly call", "每周电话"],
    ["B", "above", "3", "monthly call", "每月电话"],
    ["C", "atLeast", "2", "quarterly mail", "每季度邮件"],
    ["D", "", "", "yearly mail", "每年邮件"],
  ];
  for (const [i, [letter, kind, cut, en, zh]] of grades.entries()) {
    await type(page, `grade-${i}-letter`, letter);
    if (kind) {
      await page.getByTestId(`grade-${i}-cut-kind`).selectOption(kind);
      await type(page, `grade-${i}-cut`, cut);
    }
    await type(page, `grade-${i}-cadence-en`, en);
    await type(page, `grade-${i}-cadence-zh`, zh);
  }
  await type(page, "profile-as-of", "2025-07-01");
}

describe("the profile editor in Chromium", () => {
  it("checks a field when the user leaves it or saves, names it as the form does, previews, saves, exports", async () => {
    const { page, watch } = await open("en-US");
    await page.getByTestId("no-stored").waitFor();
    await page.getByTestId("start-blank").click();

    // A blank form is not a page of red: nothing is marked before the user leaves a field or saves.
    await page.getByTestId("profile-id").waitFor();
    expect(await markedCount(page)).toBe(0);
    await expect(page.getByTestId("profile-export").isDisabled()).resolves.toBe(true);
    // Leaving the id empty marks the id, and only the id, with the form's label.
    await page.getByTestId("profile-id").focus();
    await page.getByTestId("profile-id").press("Tab");
    await expectInvalid(page, "profile-id", true);
    await page.getByText("Id: use 1 to 64 letters, digits, hyphens (-), underscores (_) or dots (.)").waitFor();
    expect(await markedCount(page)).toBe(1);

    // Save with problems: every problem shows, the reason is said beside Save, and the first problem takes focus.
    await page.getByTestId("profile-save").click();
    await expect(page.getByTestId("profile-blocked").innerText()).resolves.toMatch(
      /^Fix the marked fields before saving \(\d+\)\.$/,
    );
    expect(await markedCount(page)).toBeGreaterThan(20);
    await eventually(
      () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null),
      "profile-id",
    );
    expect(await stored(page)).toEqual([]);

    await typeEastRegion(page);
    await eventually(() => page.getByTestId("profile-blocked").count(), 0);

    // Bounds out of order: the third recency bound is marked, the message names the row as the form labels it.
    await type(page, "bound-recency-2", "10");
    await expectInvalid(page, "bound-recency-2", true);
    await expect(page.getByTestId("bound-recency-2-message").innerText()).resolves.toBe(
      "R bounds (days since the last order): each must be greater than the one before",
    );
    await type(page, "bound-recency-2", "30");
    await expectInvalid(page, "bound-recency-2", false);

    // A weight that is not a number; a cut-off above the grade before.
    await type(page, "weight-monetary", "0.5x");
    await expectInvalid(page, "weight-monetary", true);
    await page.getByText("M weight: must be a number").waitFor();
    await type(page, "weight-monetary", "0.5");
    await type(page, "grade-1-cut", "5");
    await expectInvalid(page, "grade-1-cut", true);
    await page.getByText("Grade 2, cut-off: must be lower than the cut-off of Grade 1").waitFor();
    await type(page, "grade-1-cut", "3");

    // Valid now: the preview grades the selected customers (worked by hand above); a new profile has nothing to
    // compare with, so "before" is empty.
    await expectInvalid(page, "profile-id", false);
    expect(await markedCount(page)).toBe(0);
    await page.getByTestId("preview-run").click();
    await page.getByTestId("preview-grades").waitFor();
    const fresh = [
      ["A", "–", "1", ""],
      ["B", "–", "1", ""],
      ["C", "–", "1", ""],
      ["D", "–", "1", ""],
      ["Not graded", "–", "0", ""],
    ];
    await eventually(() => previewRows(page), fresh);
    await expect(page.getByTestId("preview-graded").innerText()).resolves.toBe(
      "4 of 4 graded · Analysis date 7/1/2025",
    );
    // The preview the user asked for is announced through the footer's live region.
    await expect(page.getByTestId("preview-spoken").textContent()).resolves.toBe(
      "Preview: 4 of 4 graded. A 1, B 1, C 1, D 1",
    );

    // The preview follows the form: a lower A cut-off makes K1 (4.25) an A.
    await type(page, "grade-0-cut", "4.25");
    await eventually(
      () => previewRows(page),
      [
        ["A", "–", "2", ""],
        ["B", "–", "0", ""],
        ["C", "–", "1", ""],
        ["D", "–", "1", ""],
        ["Not graded", "–", "0", ""],
      ],
    );
    await type(page, "grade-0-cut", "4.5");
    await eventually(() => previewRows(page), fresh);

    // Saved: the confirmation is in sight (in the footer, beside Save) and in the live region that announces it.
    await page.getByTestId("profile-save").click();
    await expect(page.getByTestId("profile-notice").innerText()).resolves.toContain(
      "Saved “east-region” in this workbook.",
    );
    await expect(inView(page, "profile-notice")).resolves.toBe(true);
    await expect(page.getByTestId("editor-status").getAttribute("aria-live")).resolves.toBe("polite");
    await expect(page.getByTestId("editor-status").innerText()).resolves.toContain(
      "Saved “east-region” in this workbook.",
    );
    await page.getByTestId("stored-east-region").waitFor();
    const storedNow = await stored(page);
    expect(storedNow.map(([id]) => id)).toEqual(["east-region"]);
    const savedDoc = JSON.parse(storedNow[0][1]);
    expect(savedDoc.name.en).toBe(`East region ${HOSTILE}`);
    expect(
      savedDoc.grades.map((g: { grade: string; above?: number; atLeast?: number }) => [
        g.grade,
        g.above ?? g.atLeast ?? null,
      ]),
    ).toEqual([
      ["A", 4.5],
      ["B", 3],
      ["C", 2],
      ["D", null],
    ]);

    // The user's text is shown as text, never markup.
    await expect(page.getByTestId("stored-east-region").innerText()).resolves.toContain(HOSTILE);
    expect(await page.locator("img").count()).toBe(0);

    // Export downloads the RULES.md §11 document of what was saved.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("profile-export").click()]);
    expect(download.suggestedFilename()).toBe("east-region.json");
    const exported = readFileSync(await download.path(), "utf8");
    const parsed = parseProfileJson(exported);
    expect("profile" in parsed && parsed.profile).toEqual(savedDoc);

    // Edited after saving: the preview compares the saved profile (before) with the edit (after), K1 moves B → A.
    await type(page, "grade-0-cut", "4.25");
    await eventually(
      () => previewRows(page),
      [
        ["A", "1", "2", "+1"],
        ["B", "1", "0", "−1"],
        ["C", "1", "1", "0"],
        ["D", "1", "1", "0"],
        ["Not graded", "0", "0", "0"],
      ],
    );
    await expect(page.getByTestId("preview-baseline").innerText()).resolves.toBe(
      `Before: East region ${HOSTILE}, as it was opened. After: with your changes.`,
    );
    expectCleanPage(watch);
  });

  it("imports: a malformed file, an invalid profile and a built-in id change nothing; a good one is saved; a taken id asks", async () => {
    const { page, watch } = await open("en-US");
    await page.getByTestId("no-stored").waitFor();
    const importFile = async (name: string, text: string) =>
      page.getByTestId("import-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

    await importFile("broken.json", '{ "id": "west",\n  "method" "thresholds" }');
    const problem = page.getByTestId("import-problem");
    await problem.waitFor();
    await eventually(
      async () =>
        (await problem.innerText()).includes("“broken.json” was not imported and the workbook was not changed:"),
      true,
    );
    await eventually(
      async () => (await problem.innerText()).includes('line 2, column 12: expected ":" after the field name'),
      true,
    );
    expect(await stored(page)).toEqual([]);

    const good = JSON.parse(JSON.stringify(readProfileFixture()));
    await importFile("no-grades.json", JSON.stringify({ ...good, grades: [] }));
    await eventually(async () => (await problem.innerText()).includes("Grades: add at least one grade"), true);
    await importFile("wuhan.json", JSON.stringify({ ...good, id: "wuhan" }));
    await eventually(
      async () => (await problem.innerText()).includes("built-in profile, which cannot be overwritten"),
      true,
    );
    expect(await stored(page)).toEqual([]);

    await importFile("west.json", JSON.stringify(good, null, 2));
    await expect(page.getByTestId("profile-notice").innerText()).resolves.toBe("Imported “west” into this workbook.");
    await expect(page.getByTestId("profile-id").inputValue()).resolves.toBe("west");
    expect((await stored(page)).map(([id]) => id)).toEqual(["west"]);

    // The same id again: the user is asked; Cancel keeps the stored one, Replace stores the new rules.
    await importFile("west-2.json", JSON.stringify({ ...good, name: { en: "West (v2)", zh: "华西（二）" } }));
    await page.getByTestId("replace-dialog").waitFor();
    await page.getByTestId("replace-dialog-cancel").click();
    expect(JSON.parse((await stored(page))[0][1]).name.en).toBe("West");
    await importFile("west-2.json", JSON.stringify({ ...good, name: { en: "West (v2)", zh: "华西（二）" } }));
    await page.getByTestId("replace-dialog-confirm").click();
    await expect(page.getByTestId("profile-notice").innerText()).resolves.toBe("Imported “west” into this workbook.");
    expect(JSON.parse((await stored(page))[0][1]).name.en).toBe("West (v2)");
    expectCleanPage(watch);
  });

  it("delete warns with the formulas that still name the profile", async () => {
    const { page, watch } = await open("en-US");
    const good = readProfileFixture();
    await page.getByTestId("import-file").setInputFiles({
      name: "east.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ ...good, id: "east-region" })),
    });
    await page.getByTestId("stored-east-region").waitFor();
    await page.getByTestId("edit-east-region").click();
    await page.getByTestId("profile-delete").click();
    const dialog = page.getByTestId("delete-dialog");
    await page.getByTestId("delete-uses").waitFor();
    await expect(dialog.innerText()).resolves.toContain(
      "2 formula cells name this profile. After deleting it they will show #VALUE!:",
    );
    await expect(dialog.innerText()).resolves.toContain("Sales!E2:E3");

    await page.getByTestId("delete-dialog-cancel").click();
    expect((await stored(page)).map(([id]) => id)).toEqual(["east-region"]);

    await page.getByTestId("profile-delete").click();
    await page.getByTestId("delete-uses").waitFor();
    await page.getByTestId("delete-dialog-confirm").click();
    await expect(page.getByTestId("profile-notice").innerText()).resolves.toBe(
      "Deleted “east-region” from this workbook.",
    );
    expect(await stored(page)).toEqual([]);
    await page.getByTestId("no-stored").waitFor();
    expectCleanPage(watch);
  });

  it("on Excel for Mac, Export shows the JSON to copy (no download there): the clipboard, else the text selected", async () => {
    const { page, watch } = await session.open({ workbook: workbook(), displayLanguage: "en-US", platform: "Mac" });
    await page.getByTestId("manage-profiles").click();
    await page.getByTestId("profile-editor").waitFor();
    const good = readProfileFixture();
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "west.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)) });
    await page.getByTestId("stored-west").waitFor();
    const [savedJson] = (await stored(page)).map(([, json]) => json);

    // The clipboard as the page sees it: writes recorded (a webview may refuse them: see below).
    await page.evaluate(() => {
      const w = window as unknown as { copied: string[]; refuseClipboard: boolean };
      w.copied = [];
      w.refuseClipboard = false;
      Object.defineProperty(navigator, "clipboard", {
        configurable: true,
        value: {
          writeText: async (text: string) =>
            w.refuseClipboard ? Promise.reject(new Error("NotAllowedError")) : void w.copied.push(text),
        },
      });
    });
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.getByTestId("profile-export").click();
    const dialog = page.getByTestId("export-dialog");
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain("Excel for Mac cannot save a file from the pane");
    await expect(dialog.innerText()).resolves.toContain("west.json");
    const text = await page.getByTestId("export-text").inputValue();
    expect(text).toBe(savedJson);
    expect(parseProfileJson(text)).toEqual({ profile: expect.objectContaining({ id: "west" }) });
    // Selected from the start, so ⌘C copies it at once.
    await eventually(
      () => page.getByTestId("export-text").evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd]),
      [0, text.length],
    );

    await page.getByTestId("export-copy").click();
    await expect(page.getByTestId("export-outcome").innerText()).resolves.toBe(
      "Copied. Paste it into a text file named west.json.",
    );
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([text]);

    // A webview that refuses both the clipboard API and the copy command: the text stays selected, and the user is told.
    await page.evaluate(() => {
      (window as unknown as { refuseClipboard: boolean }).refuseClipboard = true;
      document.execCommand = () => false;
    });
    await page.getByTestId("export-text").evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
    await page.getByTestId("export-copy").click();
    await expect(page.getByTestId("export-outcome").innerText()).resolves.toBe(
      "The text is selected: press ⌘C (Ctrl+C) to copy it.",
    );
    await eventually(
      () => page.getByTestId("export-text").evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd]),
      [0, text.length],
    );

    await page.getByTestId("export-close").click();
    await dialog.waitFor({ state: "detached" });
    expect(downloads).toBe(0);
    expectCleanPage(watch);
  });

  it("the preview reads the data as the pane does: a column mapped by hand and the pane's analysis date count", async () => {
    // The total column's header is one the engine does not recognise: the user maps it in the pane, and sets the
    // analysis date there; the imported profile has no default date of its own.
    const sheet = SHEET.map((row) => row.slice(0, 4));
    sheet[0][3] = "累计";
    const { page, watch } = await session.open({
      workbook: { sheets: { Sales: sheet }, selection: "Sales!A1" },
      displayLanguage: "en-US",
    });
    await page.getByTestId("map-total").selectOption("3");
    await page.getByTestId("as-of").fill("2025-07-01");
    await page.getByTestId("manage-profiles").click();
    await page.getByTestId("import-file").setInputFiles({
      name: "east.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(eastRegionDocument())),
    });
    await expect(page.getByTestId("profile-notice").innerText()).resolves.toBe(
      "Imported “east-region” into this workbook.",
    );
    await page.getByTestId("preview-run").click();
    await page.getByTestId("preview-grades").waitFor();
    // The imported profile is the one opened: before and after are the same until the user edits it.
    await eventually(
      () => previewRows(page),
      [
        ["A", "1", "1", "0"],
        ["B", "1", "1", "0"],
        ["C", "1", "1", "0"],
        ["D", "1", "1", "0"],
        ["Not graded", "0", "0", "0"],
      ],
    );
    await expect(page.getByTestId("preview-graded").innerText()).resolves.toBe(
      "4 of 4 graded · Analysis date 7/1/2025",
    );
    expectCleanPage(watch);
  });

  it("in Chinese: labels, the engine's field messages and the storage's refusals are Chinese", async () => {
    const { page, watch } = await open("zh-CN");
    // The editor opens on its list, not on an unsaved form: Save comes with the form the user opens.
    await page.getByTestId("choose-to-edit").waitFor();
    await expect(page.getByTestId("profile-save").count()).resolves.toBe(0);
    await page.getByTestId("start-blank").click();
    await expect(page.getByTestId("profile-save").innerText()).resolves.toBe("保存到工作簿");
    await page.getByTestId("profile-save").click();
    await page.getByText("编号：只能使用 1–64 个字母、数字、连字符（-）、下划线（_）或点（.）").waitFor();
    await expect(page.getByTestId("profile-blocked").innerText()).resolves.toMatch(
      /^请先修正标出的字段再保存（\d+ 处）。$/,
    );
    await page.getByTestId("start-copy-shaoxing").click();
    await type(page, "profile-id", "shaoxing");
    await page.getByTestId("profile-save").click();
    await page.getByText('id "shaoxing" 是内置分级方案的编号，内置方案不能被覆盖：请换一个 id').waitFor();
    await expectInvalid(page, "profile-id", true);
    expect(await stored(page)).toEqual([]);
    await page.getByTestId("start-copy-wuhan").click();
    // Dates as Chinese Office writes them; one typed in another form is refused with the field's label.
    await expect(page.getByTestId("profile-window-start").inputValue()).resolves.toBe("2021/9/1");
    await typeAndLeave(page, "profile-as-of", "7/1/2025");
    await page.getByText("统计日期：必须是有效日期").waitFor();
    await typeAndLeave(page, "profile-as-of", "2025/7/1");
    await expectInvalid(page, "profile-as-of", false);
    await page.getByTestId("start-copy-shaoxing").click();
    await typeAndLeave(page, "bound-frequency-1", "１");
    await expect(page.getByTestId("bound-frequency-1-message").innerText()).resolves.toBe(
      "F 的界值（购买次数）：每个界值都必须大于前一个",
    );
    await expect(page.getByTestId("bound-frequency-2-message").count()).resolves.toBe(0);
    await typeAndLeave(page, "weight-monetary", "0.6x");
    await page.getByText("M 的权重：必须是数字").waitFor();
    expectCleanPage(watch);
  });
});

describe("the contact period of a grade", () => {
  it("is shown, edited as a number and months or days, checked as the engine says, and saved", async () => {
    const { page, watch } = await open("en-US");
    await page.getByTestId("start-copy-wuhan").click();
    // Dates as US English Office writes them.
    await expect(page.getByTestId("profile-as-of").inputValue()).resolves.toBe("7/1/2025");
    // Wuhan's grades carry the periods of RULES.md §6: A 1, B 3, C 6, D 12 months.
    for (const [i, n] of ["1", "3", "6", "12"].entries()) {
      await expect(page.getByTestId(`grade-${i}-every`).inputValue()).resolves.toBe(n);
      await expect(page.getByTestId(`grade-${i}-every-unit`).inputValue()).resolves.toBe("months");
    }
    await typeAndLeave(page, "grade-1-every", "0");
    await expectInvalid(page, "grade-1-every", true);
    await expect(page.getByTestId("grade-1-every-message").innerText()).resolves.toBe(
      "Grade 2, next contact after: must be a whole number from 1 to 1200",
    );
    await page.getByTestId("grade-1-every-unit").selectOption("days");
    await typeAndLeave(page, "grade-1-every", "14");
    await expectInvalid(page, "grade-1-every", false);
    // No period for D: choosing "(no date)" takes it out of the profile.
    await page.getByTestId("grade-3-every-unit").selectOption("");
    await expect(page.getByTestId("grade-3-every").isDisabled()).resolves.toBe(true);
    await page.getByTestId("profile-save").click();
    await page.getByTestId("stored-wuhan-copy").waitFor();
    const doc = JSON.parse((await stored(page))[0][1]);
    expect(doc.grades.map((g: { cadence: { every?: unknown } }) => g.cadence.every ?? null)).toEqual([
      { months: 1 },
      { days: 14 },
      { months: 6 },
      null,
    ]);
    expectCleanPage(watch);
  });
});

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's accessibility violations inside the editor, as "rule: target" lines. Run through the debugging protocol
 * (page.evaluate), which the page's Content-Security-Policy does not govern, so the pane's policy stays as shipped.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run({ include: [["[data-testid=profile-editor]"]] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

/** A stored profile with a 60-character name, as a finance team might call one. */
const LONG_NAME = "East China key accounts – wholesale and retail, quarterly 26";

/** Elements of the editor reaching past the right edge of the page, and the page's own scroll width. */
function overflow(page: Page): Promise<{ scrollWidth: number; width: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll("[data-testid=profile-editor] *")]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > width + 0.5;
      })
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.getAttribute("data-testid") ? `[${e.getAttribute("data-testid")}]` : ""} right ${Math.round(e.getBoundingClientRect().right)}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width, outside };
  });
}

describe.each([
  ["en-US", "en", 320],
  ["zh-CN", "zh", 320],
  ["en-US", "en", 500],
  ["zh-CN", "zh", 500],
])("the editor in %s (%s) at %i px", (displayLanguage, lang, width) => {
  it("never scrolls sideways, shows long names whole, keeps Save and Preview in sight", async () => {
    const { page, watch } = await open(displayLanguage);
    await page.setViewportSize({ width, height: 800 });
    const doc = {
      ...readProfileFixture(),
      id: "east-china-key-accounts",
      name: { en: LONG_NAME, zh: "华东区重点客户（批发与零售）季度分级方案二〇二六年第一版测试用的很长很长的名称" },
    };
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "east.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
    await page.getByTestId("stored-east-china-key-accounts").waitFor();
    const expectNoOverflow = async (state: string) => {
      const o = await overflow(page);
      expect([state, o.scrollWidth <= o.width, o.outside]).toEqual([state, true, []]);
    };
    await expectNoOverflow("imported");

    // The long name wraps and is shown whole: nothing cut, no ellipsis; the buttons that start a copy of a built-in
    // profile show their whole names too.
    const name = page.getByTestId("stored-east-china-key-accounts-name");
    const full = lang === "en" ? LONG_NAME : doc.name.zh;
    await expect(name.innerText()).resolves.toBe(`${full} (east-china-key-accounts)`);
    for (const id of ["stored-east-china-key-accounts-name", "start-copy-shaoxing", "start-copy-wuhan"]) {
      const cut = await page
        .getByTestId(id)
        .evaluate((e) => ({ overflowing: e.scrollWidth > e.clientWidth, ellipsis: getComputedStyle(e).textOverflow }));
      expect([id, cut]).toEqual([id, { overflowing: false, ellipsis: "clip" }]);
    }

    // Both methods (the long quantile option, the tie rule) and the weights row fit.
    await page.getByTestId("start-copy-shaoxing").click();
    await expectNoOverflow("thresholds");
    await page.getByTestId("profile-method").selectOption("quantiles");
    await expectNoOverflow("quantiles");
    await page.getByTestId("profile-method").selectOption("thresholds");

    // Save and Preview are in sight at the top of the editor and in the middle of the long form.
    await expect(inView(page, "profile-save")).resolves.toBe(true);
    await expect(inView(page, "preview-run")).resolves.toBe(true);
    await page.getByTestId("grade-1-letter").scrollIntoViewIfNeeded();
    await expect(inView(page, "profile-save")).resolves.toBe(true);
    await expect(inView(page, "preview-run")).resolves.toBe(true);

    // A blank form, saved too early: the problems show, the first takes focus, the reason sits beside Save.
    await page.getByTestId("start-blank").click();
    expect(await markedCount(page)).toBe(0);
    await page.getByTestId("profile-save").click();
    await page.getByTestId("profile-blocked").waitFor();
    await expect(inView(page, "profile-blocked")).resolves.toBe(true);
    await eventually(
      () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null),
      "profile-id",
    );
    await expectNoOverflow("blank, saved");
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `pane-${width}-${lang}-editor.png`) });

    // A copy saved: the confirmation is in sight.
    await page.getByTestId("start-copy-wuhan").click();
    await page.getByTestId("grade-3-letter").scrollIntoViewIfNeeded();
    await page.getByTestId("profile-save").click();
    await page.getByTestId("profile-notice").waitFor();
    await expect(inView(page, "profile-notice")).resolves.toBe(true);
    await expectNoOverflow("saved");

    // The preview's before/after table fits too; the whole editor is saved as a picture of that state.
    await page.getByTestId("preview-run").click();
    await page.getByTestId("preview-grades").waitFor();
    await expectNoOverflow("preview");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `pane-${width}-${lang}-editor-preview.png`), fullPage: true });
    expectCleanPage(watch);
  });
});

describe("the editor in Office's Black theme", () => {
  it("is dark, its messages and footer readable (axe-core's contrast rule included)", async () => {
    const BLACK = {
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#6A6A6A",
      controlForegroundColor: "#FFFFFF",
      isDarkTheme: true,
    };
    const { page, watch } = await session.open({ workbook: workbook(), displayLanguage: "en-US", officeTheme: BLACK });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByTestId("manage-profiles").click();
    await page.getByTestId("start-blank").click();
    await page.getByTestId("profile-save").click();
    await page.getByTestId("profile-blocked").waitFor();
    const background = await page.getByTestId("editor-footer").evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    // A dark surface, not Fluent's light default.
    expect(r + g + b).toBeLessThan(3 * 100);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "pane-320-en-dark-editor.png") });
    expectCleanPage(watch);
  });
});

/** A valid profile document ("west"), written out here (not produced by the code under test). */
function readProfileFixture(): Record<string, unknown> {
  return {
    id: "west",
    name: { en: "West", zh: "华西" },
    method: "quantiles",
    monetaryUnit: "yuan",
    bins: 5,
    ties: "best",
    weights: { recency: 0.2, frequency: 0.3, monetary: 0.5 },
    grades: [
      { grade: "A", atLeast: 4, cadence: { en: "monthly", zh: "每月" } },
      { grade: "B", cadence: { en: "yearly", zh: "每年" } },
    ],
  };
}
