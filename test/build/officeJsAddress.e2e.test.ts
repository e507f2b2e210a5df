/**
 * The two builds IT can make: for worldwide Microsoft 365 (the default) and for Office 365 operated by 21Vianet
 * (OFFICE_JS_CDN=china). Each build's page loads Office.js from its cloud's CDN and its Content-Security-Policy
 * allows that CDN and no other; the help pages load no script at all; build-info.json and the package's INSTALL.txt
 * say which cloud the build is for. The China build is made once, into a folder of its own
 * (test/build/productionBuild.ts), and its page is opened in Chromium with the China CDN served from the local
 * Office.js package.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { unzipSync } from "fflate";
import type { Browser, Request } from "playwright-core";
import { packageAddin } from "../../src/build/packageAddin";
import { t } from "../../src/taskpane/i18n";
import { launchChromium, openPane, serve, type StaticServer } from "../taskpane/e2e/harness";
import { productionBuild, TEST_ADDIN_URL, type TestCdn } from "./productionBuild";

const WORLDWIDE = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHINA = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";
const ORIGIN: Record<TestCdn, string> = { global: new URL(WORLDWIDE).origin, china: new URL(CHINA).origin };
const OFFICE_JS: Record<TestCdn, string> = { global: WORLDWIDE, china: CHINA };

const dists: Partial<Record<TestCdn, string>> = {};
const work = mkdtempSync(join(tmpdir(), "rfm-officejs-"));

beforeAll(async () => {
  // One after the other: the machine is shared, and each build is cached for the other test files.
  dists.global = await productionBuild();
  dists.china = await productionBuild(TEST_ADDIN_URL, "china");
}, 1_200_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (cdn: TestCdn, file: string) => readFileSync(join(dists[cdn] as string, file), "utf8");

/** The page's policy as directive -> sources (from the built page, whose attributes the minifier may unquote). */
function pagePolicy(html: string): Map<string, string[]> {
  const content = /<meta http-equiv=["']?Content-Security-Policy["']? content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error("the page has no Content-Security-Policy meta element");
  return new Map(content.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
}

/** Every absolute script address the page loads. */
function scriptAddresses(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => /^https?:/.test(src));
}

describe.each(["global", "china"] as const)("the %s build", (cdn) => {
  const other: TestCdn = cdn === "global" ? "china" : "global";

  test("the task pane loads Office.js from its cloud's CDN, and only from there", () => {
    const html = read(cdn, "taskpane.html");
    expect(scriptAddresses(html)).toEqual([OFFICE_JS[cdn]]);
    expect(html).not.toContain(new URL(OFFICE_JS[other]).host);
  });

  test("its Content-Security-Policy allows that CDN for scripts, connections and frames, and nothing else outside", () => {
    const policy = pagePolicy(read(cdn, "taskpane.html"));
    for (const directive of ["script-src", "connect-src", "frame-src"]) {
      expect([directive, policy.get(directive)]).toEqual([directive, ["'self'", ORIGIN[cdn]]]);
    }
    const outside = [...policy.values()].flat().filter((source) => /^https?:/.test(source));
    expect(new Set(outside)).toEqual(new Set([ORIGIN[cdn]]));
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  test("the help pages (English and Chinese) ship, load no script and allow none", () => {
    for (const page of ["help.html", "help.zh-CN.html"]) {
      const html = read(cdn, page);
      expect([page, /<script\b/i.test(html)]).toEqual([page, false]);
      const policy = pagePolicy(html);
      expect(policy.get("default-src")).toEqual(["'none'"]);
      expect(policy.has("script-src")).toBe(false);
      expect(html).toMatch(/href=["']?help\.css/);
    }
    expect(read(cdn, "help.html")).toMatch(/<html lang=["']?en/);
    expect(read(cdn, "help.zh-CN.html")).toMatch(/<html lang=["']?zh-CN/);
    expect(read(cdn, "help.css").length).toBeGreaterThan(100);
  });

  test("build-info.json records the version, the hosting address and the Office.js it was built for", () => {
    const info = JSON.parse(read(cdn, "build-info.json")) as Record<string, unknown>;
    expect(info).toMatchObject({
      product: "RFM Grader",
      addinUrl: TEST_ADDIN_URL,
      officeJs: { cdn, url: OFFICE_JS[cdn], cloud: expect.stringMatching(cdn === "china" ? /21Vianet/ : /worldwide/) },
    });
  });

  test("INSTALL.txt says which cloud the package is for, in both languages", async () => {
    const result = await packageAddin(dists[cdn] as string, join(work, cdn), "1.2.3");
    const files = unzipSync(readFileSync(result.archive));
    const install = Buffer.from(files["rfm-grader-1.2.3/INSTALL.txt"]).toString("utf8");
    expect(install).toContain(`Office.js from ${OFFICE_JS[cdn]}`);
    expect(install).toContain(`Office.js 地址：${OFFICE_JS[cdn]}`);
    expect(install).toContain(cdn === "china" ? "用于世纪互联运营的 Office 365" : "用于全球版 Microsoft 365");
    expect(install).toContain(cdn === "china" ? "OFFICE_JS_CDN=global" : "OFFICE_JS_CDN=china");
    // The record travels with the hosted files, so a server can be asked which build it holds.
    expect(Object.keys(files)).toContain("rfm-grader-1.2.3/web/build-info.json");
  });

  test("the two builds differ only where Office.js is named", () => {
    for (const file of ["functions.json", "manifest.xml", "help.html", "runtime.js"]) {
      expect([file, read(cdn, file) === read(other, file)]).toEqual([file, true]);
    }
  });
});

describe("the China build in a browser", () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await serve(dists.china as string);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("loads Office.js from the China CDN, never from the worldwide one, with no CSP violation", async () => {
    if (!browser || !server) throw new Error("the browser session did not start");
    const requested: string[] = [];
    const { page, watch } = await openPane(browser, server.origin, []);
    page.on("request", (r: Request) => requested.push(r.url()));
    // Outside Office the pane shows its Office.js fallback message once Office.js has loaded and said so.
    await expect(page.getByRole("alert").textContent()).resolves.toBe(t("en", "notInExcel"));
    await page.waitForTimeout(300);
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect([...loaded, ...requested].filter((u) => u.startsWith(CHINA.slice(0, CHINA.lastIndexOf("/"))))).toContain(
      CHINA,
    );
    expect([...loaded, ...requested].filter((u) => u.includes("appsforoffice.microsoft.com"))).toEqual([]);
    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });
});
