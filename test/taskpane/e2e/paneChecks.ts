/**
 * What the browser tests check on a page of the pane, beyond what a user sees: accessibility (axe-core), nothing cut
 * or scrolling sideways, where the keyboard focus is, what the live regions say; and the screenshots they leave in
 * test-artifacts/ for a person to look at.
 */
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { REPO } from "./harness";
import type { PageWatch } from "./harness";

export const ARTIFACTS = join(REPO, "test-artifacts");
const AXE = readFileSync(join(REPO, "node_modules/axe-core/axe.min.js"), "utf8");
// Office.js frames its telemetry page when it runs outside Office; the pane's CSP blocks it, as it should.
const OFFICE_TELEMETRY = "telemetryservice.firstpartyapps.oaspapps.com";

/** Office's themes as Excel for Windows reports them. */
export const THEMES = {
  light: {
    bodyBackgroundColor: "#E6E6E6",
    bodyForegroundColor: "#262626",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
    isDarkTheme: false,
  },
  darkGray: {
    bodyBackgroundColor: "#444444",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#6A6A6A",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
  black: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#6A6A6A",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
} as const;

export function shoot(page: Page, name: string, fullPage = false): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

export function expectCleanPage(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.problems.filter((p) => !p.includes(OFFICE_TELEMETRY))).toEqual([]);
  expect(watch.dialogs).toEqual([]);
}

/**
 * axe-core's violations on the whole page (dialogs included), leaving out those whose every node is one of Fluent
 * UI's own focus helpers (tabster's dummy inputs inside aria-hidden containers, rule "aria-hidden-focus").
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Colours are measured once what is fading in has arrived: a dialog's buttons half-way through their fade are a blend
  // of their colour and the page behind (endless animations, a busy bar, are left running).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Infinity),
  );
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

/** Every visible element that sticks out to the right of the pane, and the page's own sideways scroll. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > window.innerWidth) out.push(`page scrolls: ${root.scrollWidth} > ${window.innerWidth}`);
    for (const el of document.querySelectorAll("body *")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.position === "fixed") continue;
      if (el.hasAttribute("data-tabster-dummy") || (box.width <= 1 && box.height <= 1)) continue;
      if (box.right > window.innerWidth + 0.5)
        out.push(
          `${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? ""}] ends at ${Math.round(box.right)}`,
        );
    }
    return out;
  });
}

/**
 * Elements inside `selector` whose content is cut or scrolls sideways: each cell's (and each element's) scroll width
 * against its client width, and any element reaching past the container's right edge.
 */
export async function clippedInside(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((container) => {
    const out: string[] = [];
    const edge = container.getBoundingClientRect().right;
    for (const el of [container, ...container.querySelectorAll("*")]) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || (box.width <= 1 && box.height <= 1)) continue;
      const name = `${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? ""}] “${(el.textContent ?? "").trim().slice(0, 24)}”`;
      if (el.scrollWidth > el.clientWidth + 0.5 && el.clientWidth > 0)
        out.push(`${name} scrolls: ${el.scrollWidth} > ${el.clientWidth}`);
      if (box.right > edge + 0.5) out.push(`${name} ends at ${Math.round(box.right)} past ${Math.round(edge)}`);
    }
    return out;
  });
}

/**
 * The words (runs of text between spaces) inside the elements matched by `selector` that are broken across lines:
 * a heading that wraps "Custom-ers" or a figure cut after "9,876." shows here.
 */
export async function wordsBrokenAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => {
    const out: string[] = [];
    for (const element of elements) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? "").matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(match[0]);
        }
      }
    }
    return out;
  });
}

/** The element lies wholly inside the viewport, without scrolling. */
export async function inView(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
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

/** Where the keyboard focus is: the focused element's data-testid (or tag and text), "<body>" when it is lost. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "<body>";
    return (
      el.getAttribute("data-testid") ??
      el.id ??
      `${el.tagName.toLowerCase()} “${(el.textContent ?? "").trim().slice(0, 30)}”`
    );
  });
}

/** Waits (up to 5 s) for the focus to be on the element of `testId`; fails naming where it is instead. */
export async function expectFocusOn(page: Page, testId: string): Promise<void> {
  const deadline = Date.now() + 5000;
  let now = await focusedName(page);
  while (now !== testId && Date.now() < deadline) {
    await page.waitForTimeout(50);
    now = await focusedName(page);
  }
  expect(now).toBe(testId);
}

/**
 * Presses Tab (Shift+Tab with `back`) until the element of `testId` has the focus, checking after every press that
 * the focus is on something (never <body>); fails after `limit` presses.
 */
export async function tabTo(page: Page, testId: string, { back = false, limit = 60 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if ((await focusedName(page)) === testId) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    expect(await focusedName(page)).not.toBe("<body>");
  }
  throw new Error(`Tab never reached ${testId} (focus is on ${await focusedName(page)})`);
}

export function select(page: Page, address: string): Promise<void> {
  return page.evaluate(
    (a) => (window as unknown as { rfmFake: { select(a: string): void } }).rfmFake.select(a),
    address,
  );
}

export function read(page: Page, sheet: string, address?: string): Promise<unknown[][]> {
  return page.evaluate(
    ([s, a]) => (window as unknown as { rfmFake: { read(s: string, a?: string): unknown[][] } }).rfmFake.read(s, a),
    [sheet, address] as const,
  );
}

export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { rfmFake: { sheetNames(): string[] } }).rfmFake.sheetNames());
}

export async function waitForAddress(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector("[data-testid=source-address]")?.textContent ?? ""),
    pattern.source,
  );
}
