/**
 * The production build as a user's Excel loads it: dist/ served over HTTPS from 127.0.0.1 with a self-signed
 * certificate made here (openssl), taskpane.html opened in headless Chromium that trusts it
 * (--ignore-certificate-errors). Outside Office the page must load every file from that origin, show the Office.js
 * fallback message, register every function of functions.json with CustomFunctions.associate (a stand-in records
 * them, as Excel's would) and run them, all with no CSP violation, script error or request elsewhere.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { t } from "../../src/taskpane/i18n";
import { launchChromium, openPane, serve, type PageWatch, type StaticServer } from "../taskpane/e2e/harness";
import { productionBuild } from "./productionBuild";

const OPENSSL = "/usr/bin/openssl";

/** A key and a certificate for 127.0.0.1, valid for a day, made for this run only. */
function selfSignedCertificate(dir: string): { key: string; cert: string } {
  if (!existsSync(OPENSSL))
    throw new Error(
      `${OPENSSL} not found: install it with "apt-get install -y openssl" (npm test's pretest does, as root).`,
    );
  const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
  execFileSync(
    OPENSSL,
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-sha256",
      "-days",
      "1",
      "-keyout",
      key,
      "-out",
      cert,
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "pipe" },
  );
  return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
}

/**
 * CustomFunctions as the page sees it before Office.js loads: Office.js keeps an existing object and installs its
 * own `associate` on it; this stand-in records every registration (both call forms) and passes it on.
 */
const RECORD_REGISTRATIONS = `(() => {
  const registered = {};
  let officeAssociate;
  const record = (id, fn) => { registered[String(id).toUpperCase()] = fn; };
  const standIn = {};
  Object.defineProperty(standIn, "associate", {
    configurable: true,
    get: () => (idOrMap, fn) => {
      if (typeof idOrMap === "string") record(idOrMap, fn);
      else for (const [id, f] of Object.entries(idOrMap || {})) record(id, f);
      return officeAssociate ? officeAssociate(idOrMap, fn) : undefined;
    },
    set: (f) => { officeAssociate = f; },
  });
  window.CustomFunctions = standIn;
  window.rfmRegistered = registered;
})();`;

const work = mkdtempSync(join(tmpdir(), "rfm-https-"));
let dist: string;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  dist = await productionBuild();
  server = await serve(dist, selfSignedCertificate(work));
  browser = await launchChromium(["--ignore-certificate-errors"]);
  ({ page, watch } = await openPane(browser, server.origin, [RECORD_REGISTRATIONS]));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

test("the page comes from the HTTPS origin, as a secure context", async () => {
  expect(server?.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  expect(await page.evaluate(() => [location.protocol, window.isSecureContext])).toEqual(["https:", true]);
});

test("outside Office the pane replaces its loading state with the Office.js fallback message", async () => {
  await expect(page.getByRole("alert").textContent()).resolves.toBe(t("en", "notInExcel"));
  await expect(page.getByTestId("page-loading").count()).resolves.toBe(0);
});

test("every function of functions.json is registered with CustomFunctions.associate, and computes", async () => {
  const ids = (
    JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as { functions: { id: string }[] }
  ).functions.map((f) => f.id);
  await page.waitForFunction(
    (n) => Object.keys((window as unknown as { rfmRegistered: object }).rfmRegistered).length >= n,
    ids.length,
  );
  const registered = await page.evaluate(() =>
    Object.keys((window as unknown as { rfmRegistered: object }).rfmRegistered),
  );
  expect(registered.sort()).toEqual([...ids].sort());
  // Shaoxing, D = 6 days, S = 20, Z = 10 万元: X = 0.3×5 + 0.4×5 + 0.6×5 = 6.5 > 6 -> A (serials 45833, 45839: 2025-06-25, 2025-07-01)
  const grade = await page.evaluate(() =>
    (window as unknown as { rfmRegistered: Record<string, (...a: unknown[]) => unknown> }).rfmRegistered.GRADE(
      [[45833]],
      [[20]],
      [[10]],
      null,
      45839,
      null,
    ),
  );
  expect(grade).toEqual([["A"]]);
});

test("no CSP violation, script error, alert or request outside the origin and the Office.js CDN", async () => {
  // Give late work (the lazy parts, Office.js's own loading) a moment to report.
  await page.waitForTimeout(500);
  expect(watch.problems).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.dialogs).toEqual([]);
});
