/**
 * What the end-to-end tests need around the page: the production build of the add-in, a build of the browser Excel
 * double, a tiny http server on 127.0.0.1, and Debian's Chromium driven by playwright-core with Office.js served offline.
 */
import { execFile } from "child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { createServer, type IncomingMessage, type ServerResponse } from "http";
import { createServer as createHttpsServer } from "https";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize, resolve, sep } from "path";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { productionBuild } from "../../build/productionBuild";
import { OFFICE_JS_CDNS } from "../../../src/build/officeJs";

export const REPO = resolve(__dirname, "../../..");
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS_DIR = join(REPO, "node_modules/@microsoft/office-js/dist");
/** The folders Office.js is served from on each of Microsoft's CDNs (the page may be built for any of them). */
const OFFICE_JS_FOLDERS = Object.values(OFFICE_JS_CDNS).map((cdn) => cdn.url.slice(0, cdn.url.lastIndexOf("/") + 1));

/** Fails (never skips) when Chromium is missing, saying how to get it. */
function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (as root).`);
  }
}

/**
 * A fresh temporary folder holding the add-in as shipped (a copy of the shared production build: the repo's webpack
 * config in production mode, the real shared-runtime page with its CSP, Office.js tag, minified and transpiled chunks)
 * plus `fake-excel.js`, the Excel double for the browser.
 */
async function buildBundles(): Promise<string> {
  const dist = await productionBuild();
  const outDir = mkdtempSync(join(tmpdir(), "rfm-taskpane-e2e-"));
  cpSync(dist, outDir, { recursive: true });
  await new Promise<void>((done, fail) => {
    execFile(
      process.execPath,
      [join(__dirname, "buildForBrowser.mjs"), outDir],
      { cwd: REPO },
      (err, _stdout, stderr) => {
        if (!err) return done();
        removeBuild(outDir);
        fail(new Error(`webpack build of the Excel double failed: ${stderr || err.message}`));
      },
    );
  });
  return outDir;
}

function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port: plain http, or https with the given key and certificate. */
export async function serve(dir: string, tls?: { key: string; cert: string }): Promise<StaticServer> {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)));
    if (!path.startsWith(dir + sep) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
    res.end(readFileSync(path));
  };
  const server = tls ? createHttpsServer(tls, handler) : createServer(handler);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Debian's Chromium, headless; `extraArgs` add flags (the HTTPS test trusts its self-signed certificate). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

/** Everything the page did that the tests forbid: requests elsewhere, CSP violations, script errors, alerts. */
export interface PageWatch {
  foreignRequests: string[];
  problems: string[];
  dialogs: string[];
}

/**
 * Opens a page that gets Office.js from the local package in place of Microsoft's CDNs, refuses every other request
 * that does not go to `origin`, and records what went wrong. `initScripts` run before any page script.
 */
export async function openPane(
  browser: Browser,
  origin: string,
  initScripts: string[],
  viewport: { width: number; height: number } = { width: 380, height: 1200 },
): Promise<{ page: Page; watch: PageWatch }> {
  const watch: PageWatch = { foreignRequests: [], problems: [], dialogs: [] };
  const page = await browser.newPage({ viewport });
  // Everything here answers within milliseconds; a short wait makes a broken page fail fast instead of at jest's limit.
  page.setDefaultTimeout(10_000);
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    const folder = OFFICE_JS_FOLDERS.find((f) => url.href.startsWith(f));
    if (folder) {
      const file = join(OFFICE_JS_DIR, url.href.slice(folder.length).split(/[?#]/)[0]);
      if (file.startsWith(OFFICE_JS_DIR + sep) && existsSync(file)) {
        return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file, "utf8") });
      }
      return route.fulfill({ status: 404, body: "" });
    }
    watch.foreignRequests.push(url.href);
    return route.abort();
  });
  page.on("pageerror", (err) => watch.problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") watch.problems.push(`console error: ${msg.text()}`);
  });
  page.on("dialog", (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const script of initScripts) await page.addInitScript({ content: script });
  await page.addInitScript({
    content: `document.addEventListener("securitypolicyviolation", (e) => console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI));`,
  });
  await page.goto(`${origin}/taskpane.html`);
  return { page, watch };
}

export interface PaneSession {
  /** Opens the task pane with the Excel double holding `setup`'s workbook; the page closes after the test. */
  open(setup: object, viewport?: { width: number; height: number }): Promise<{ page: Page; watch: PageWatch }>;
}

/**
 * Registers the hooks every end-to-end file needs (build once per file, serve, launch Chromium, close pages after
 * each test, clean up after all) and returns a way to open the pane.
 */
export function usePaneSession(): PaneSession {
  let buildDir = "";
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let fakeScript = "";
  const pages: Page[] = [];

  beforeAll(async () => {
    requireChromium();
    buildDir = await buildBundles();
    fakeScript = readFileSync(join(buildDir, "fake-excel.js"), "utf8");
    server = await serve(buildDir);
    browser = await launchChromium();
    // The shared production build takes a minute or more on a busy machine, once per change of the sources.
  }, 600_000);

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (buildDir) removeBuild(buildDir);
  });

  return {
    async open(setup, viewport) {
      if (!browser || !server) throw new Error("the end-to-end session did not start (see beforeAll)");
      const opened = await openPane(
        browser,
        server.origin,
        [`window.rfmE2eSetup = ${JSON.stringify(setup)};`, fakeScript],
        viewport,
      );
      pages.push(opened.page);
      return opened;
    },
  };
}
