/**
 * The task pane's weight and start-up: raw and gzip size of every file of the production build, and the time to
 * interactive of taskpane.html in headless Chromium at 1× and 4× CPU throttling (CDP Emulation.setCPUThrottlingRate),
 * over the browser Excel double holding a small customer table (the pane reads the selection as it does in Excel).
 *
 *   npm run bench -- pane                                  the current sources (shared production build)
 *   PANE_BENCH_COMPARE=/old/dist[,/other/dist] npm run bench -- pane   also measures other builds, side by side
 *
 * Times, per page load in a fresh browser context (no cache), from navigation start: `dom` DOMContentLoaded,
 * `mounted` React replaced the loading state, `interactive` the Grade button is on screen and enabled (the pane has
 * read the selection and waits for the user). Median and range of RUNS loads.
 */
import { execFile } from "child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join, relative, sep } from "path";
import { gzipSync } from "zlib";
import type { Browser } from "playwright-core";
import { productionBuild, REPO } from "../build/productionBuild";
import { launchChromium, serve } from "../taskpane/e2e/harness";
import { SHAOXING_HEADERS, SHAOXING_ROWS } from "../taskpane/fixtures";

const RUNS = Number(process.env.PANE_BENCH_RUNS) || 5;
const RATES = [1, 4];
const OFFICE_JS_DIR = join(REPO, "node_modules/@microsoft/office-js/dist");

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === "node" ? [] : files(p);
      return [p];
    });
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function sizeTable(label: string, dist: string): void {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const loaded = new Set([
    "taskpane.html",
    ...[...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]),
  ]);
  console.log(`\n${label}: ${dist}`);
  console.log(`${"file".padEnd(34)} ${"raw".padStart(11)} ${"gzip".padStart(11)}  loaded by the page`);
  let [raw, gz, pageRaw, pageGz] = [0, 0, 0, 0];
  for (const f of files(dist)) {
    const name = relative(dist, f).split(sep).join("/");
    if (name.startsWith("assets/")) continue;
    const data = readFileSync(f);
    const g = gzipSync(data).length;
    raw += data.length;
    gz += g;
    const onPage = loaded.has(name);
    if (onPage) [pageRaw, pageGz] = [pageRaw + data.length, pageGz + g];
    console.log(`${name.padEnd(34)} ${kib(data.length).padStart(11)} ${kib(g).padStart(11)}  ${onPage ? "yes" : ""}`);
  }
  console.log(`${"all files (without assets/)".padEnd(34)} ${kib(raw).padStart(11)} ${kib(gz).padStart(11)}`);
  console.log(
    `${"loaded at start (html + scripts)".padEnd(34)} ${kib(pageRaw).padStart(11)} ${kib(pageGz).padStart(11)}`,
  );
}

/** A copy of `dist` plus the browser Excel double, ready to serve. */
async function withExcelDouble(dist: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "rfm-pane-bench-"));
  cpSync(dist, dir, { recursive: true });
  await new Promise<void>((done, fail) =>
    execFile(
      process.execPath,
      [join(REPO, "test/taskpane/e2e/buildForBrowser.mjs"), dir],
      { cwd: REPO },
      (err, _o, stderr) => (err ? fail(new Error(stderr || err.message)) : done()),
    ),
  );
  return dir;
}

const MARKS = `(() => {
  const marks = (window.rfmBench = {});
  const check = () => {
    const container = document.getElementById("container");
    if (!marks.mounted && container && !container.querySelector(".rfm-loading") && container.childElementCount > 0) marks.mounted = performance.now();
    const grade = document.querySelector('[data-testid="grade"]');
    if (!marks.interactive && grade && !grade.disabled && grade.getAttribute("aria-disabled") !== "true") marks.interactive = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener("DOMContentLoaded", () => { marks.dom = performance.now(); check(); });
})();`;

interface Times {
  dom: number;
  mounted: number;
  interactive: number;
}

async function loadOnce(browser: Browser, origin: string, fake: string, rate: number): Promise<Times> {
  const context = await browser.newContext({ viewport: { width: 380, height: 800 } });
  const page = await context.newPage();
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    if (url.host === "appsforoffice.microsoft.com") {
      const file = join(OFFICE_JS_DIR, url.pathname.replace(/^\/lib\/1\/hosted\//, ""));
      if (file.startsWith(OFFICE_JS_DIR + sep) && existsSync(file))
        return route.fulfill({ contentType: "text/javascript", body: readFileSync(file) });
    }
    return route.abort();
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const setup = {
    workbook: { sheets: { Sales: [SHAOXING_HEADERS, ...SHAOXING_ROWS] }, selection: "Sales!B3" },
    displayLanguage: "en-US",
  };
  await page.addInitScript({ content: `window.rfmE2eSetup = ${JSON.stringify(setup)};` });
  await page.addInitScript({ content: fake });
  await page.addInitScript({ content: MARKS });
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForFunction(
    () => (window as unknown as { rfmBench: { interactive?: number } }).rfmBench.interactive,
    undefined,
    { timeout: 60_000 },
  );
  const times = (await page.evaluate(() => (window as unknown as { rfmBench: Times }).rfmBench)) as Times;
  await context.close();
  return times;
}

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `${median.toFixed(0).padStart(5)} ms (${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)})`;
}

async function timeToInteractive(label: string, dist: string, browser: Browser): Promise<void> {
  const dir = await withExcelDouble(dist);
  const server = await serve(dir);
  try {
    const fake = readFileSync(join(dir, "fake-excel.js"), "utf8");
    for (const rate of RATES) {
      const runs: Times[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, server.origin, fake, rate));
      console.log(
        `${label.padEnd(8)} CPU ${rate}×  dom ${stats(runs.map((r) => r.dom))}  mounted ${stats(runs.map((r) => r.mounted))}  interactive ${stats(runs.map((r) => r.interactive))}`,
      );
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const builds: [string, string][] = [];
  const compare = (process.env.PANE_BENCH_COMPARE ?? "").split(",").filter(Boolean);
  compare.forEach((dir, i) => builds.push([compare.length > 1 ? `other ${i + 1}` : "other", dir]));
  builds.push(["current", await productionBuild()]);
  for (const [label, dist] of builds) sizeTable(label, dist);
  console.log(`\nTime to interactive, ${RUNS} loads each, median (min–max):`);
  const browser = await launchChromium();
  try {
    for (const [label, dist] of builds) await timeToInteractive(label, dist, browser);
  } finally {
    await browser.close();
  }
}
