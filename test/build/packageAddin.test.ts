/**
 * `npm run package` (src/build/packageAddin.ts) on the production build: one zip with the files to host, the manifest
 * and SHA-256 sums that match; the archive's own sum beside it; a development build refused.
 */
import { createHash } from "crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { unzipSync } from "fflate";
import { packageAddin } from "../../src/build/packageAddin";
import { productionBuild, TEST_ADDIN_URL } from "./productionBuild";

const work = mkdtempSync(join(tmpdir(), "rfm-package-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

let dist: string;
beforeAll(async () => {
  dist = await productionBuild();
}, 600_000);

test("one archive: web/ (every file to host), manifest.xml, INSTALL.txt and SHA256SUMS that match the files", async () => {
  const result = await packageAddin(dist, join(work, "out"), "1.4.2");
  expect(result.archive).toBe(join(work, "out", "rfm-grader-1.4.2.zip"));
  const zip = readFileSync(result.archive);
  const files = unzipSync(zip);
  const names = Object.keys(files).sort();
  expect(names).toEqual(result.entries);
  const top = "rfm-grader-1.4.2/";
  expect(names.every((n) => n.startsWith(top))).toBe(true);
  for (const f of [
    "taskpane.html",
    "runtime.js",
    "shared.js",
    "functions.js",
    "taskpane.js",
    "functions.json",
    "functions.zh-CN.json",
    "assets/icon-32.png",
  ]) {
    expect(names).toContain(`${top}web/${f}`);
    expect(Buffer.from(files[`${top}web/${f}`]).equals(readFileSync(join(dist, f)))).toBe(true);
  }
  // Static files only: no server code, no source maps, no development manifest among the hosted files.
  expect(names.filter((n) => /\.(map|php|aspx?|cgi|py|sh)$/.test(n) || n.startsWith(`${top}web/node/`))).toEqual([]);
  expect(names).not.toContain(`${top}web/manifest.xml`);
  const manifest = Buffer.from(files[`${top}manifest.xml`]).toString("utf8");
  expect(manifest).toBe(readFileSync(join(dist, "manifest.xml"), "utf8"));
  expect(manifest).toContain(`${TEST_ADDIN_URL}taskpane.html`);
  expect(Buffer.from(files[`${top}INSTALL.txt`]).toString("utf8")).toContain(TEST_ADDIN_URL);

  // SHA256SUMS: one line per other file, in `sha256sum -c` form, each sum computed here from the unzipped bytes.
  const lines = Buffer.from(files[`${top}SHA256SUMS`]).toString("utf8").trimEnd().split("\n");
  const listed = lines.map((l) => /^([0-9a-f]{64}) {2}(.+)$/.exec(l));
  expect(listed.every(Boolean)).toBe(true);
  expect(listed.map((m) => `${top}${m?.[2]}`).sort()).toEqual(names.filter((n) => n !== `${top}SHA256SUMS`));
  for (const m of listed) expect([m?.[2], m?.[1]]).toEqual([m?.[2], sha256(files[`${top}${m?.[2]}`])]);

  expect(result.sha256).toBe(sha256(zip));
  expect(readFileSync(`${result.archive}.sha256`, "utf8")).toBe(`${sha256(zip)}  rfm-grader-1.4.2.zip\n`);
});

test("a development build (manifest at localhost) is refused, and no archive is written", async () => {
  const devDist = join(work, "dev-dist");
  cpSync(dist, devDist, { recursive: true });
  const manifest = readFileSync(join(devDist, "manifest.xml"), "utf8");
  writeFileSync(join(devDist, "manifest.xml"), manifest.split(TEST_ADDIN_URL).join("https://localhost:3000/"));
  await expect(packageAddin(devDist, join(work, "dev-out"), "1.0.0")).rejects.toThrow(/production build first/);
  expect(() => readFileSync(join(work, "dev-out", "rfm-grader-1.0.0.zip"))).toThrow();
});
