/**
 * What `npm run build` ships, checked file by file (test/build/productionBuild.ts makes the build): every script
 * parses at the ECMAScript version Office's oldest supported webviews read, no source maps, the engine once, the
 * profile editor on demand, and a manifest pointing only at the hosting address with the package's version.
 */
import { parse, tokenizer, type Options } from "acorn";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { pageScripts, productionBuild, REPO, TEST_ADDIN_URL } from "./productionBuild";
import { BUILTIN_PROFILES } from "../../src/engine";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WEBVIEW_ECMA_VERSION } = require(join(REPO, "webpack.config.js")) as { WEBVIEW_ECMA_VERSION: number };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version: packageVersion } = require(join(REPO, "package.json")) as { version: string };

let dist: string;
let files: string[];
const js = () => files.filter((f) => /\.[cm]?js$/.test(f));
const read = (f: string) => readFileSync(join(dist, f), "utf8");

beforeAll(async () => {
  dist = await productionBuild();
  files = readdirSync(dist, { recursive: true, withFileTypes: false }) as string[];
}, 600_000);

/**
 * Problems a webview of `ecmaVersion` would have with `code`: syntax newer than that version (acorn refuses it), and
 * regular-expression lookbehind, which acorn accepts from ES2018 but Safari parses only from 16.4.
 */
function webviewSyntaxProblems(code: string, ecmaVersion: number): string[] {
  const options: Options = { ecmaVersion: ecmaVersion as Options["ecmaVersion"], sourceType: "script" };
  try {
    parse(code, options);
  } catch (err) {
    return [(err as Error).message];
  }
  const problems: string[] = [];
  for (const token of tokenizer(code, options)) {
    const regex = (token as { value?: unknown }).value as { pattern?: string } | undefined;
    if (token.type.label === "regexp" && regex?.pattern && /\(\?<[=!]/.test(regex.pattern)) {
      problems.push(`regular-expression lookbehind /${regex.pattern}/ at ${token.start}`);
    }
  }
  return problems;
}

describe(`every shipped script parses as ES${WEBVIEW_ECMA_VERSION}`, () => {
  test("the check itself refuses what old webviews cannot parse", () => {
    expect(webviewSyntaxProblems("class A { static { this.x = 1; } }", WEBVIEW_ECMA_VERSION)).not.toEqual([]);
    expect(webviewSyntaxProblems("class A { x = 1 }", WEBVIEW_ECMA_VERSION)).not.toEqual([]);
    expect(webviewSyntaxProblems("a ||= b", WEBVIEW_ECMA_VERSION)).not.toEqual([]);
    expect(webviewSyntaxProblems("var r = /(?<!\\d)x/;", WEBVIEW_ECMA_VERSION)).toEqual([
      expect.stringMatching(/lookbehind/),
    ]);
    expect(webviewSyntaxProblems("var x = a?.b ?? 10n; var r = /\\p{L}/u;", WEBVIEW_ECMA_VERSION)).toEqual([]);
  });

  test("the target is the one webpack.config.js documents: ES2020 (Safari 14, Edge WebView2)", () => {
    expect(WEBVIEW_ECMA_VERSION).toBe(2020);
  });

  test("runtime, shared, functions, task pane and the chunks loaded on demand", () => {
    expect(js().length).toBeGreaterThanOrEqual(5);
    for (const f of js()) expect([f, webviewSyntaxProblems(read(f), WEBVIEW_ECMA_VERSION)]).toEqual([f, []]);
  });
});

test("production dist/ has no source maps, and no script points at one", () => {
  expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  for (const f of js()) expect([f, /sourceMappingURL/.test(read(f))]).toEqual([f, false]);
});

test("the engine ships once, in a chunk the page loads before both the functions and the task pane", () => {
  const marker = BUILTIN_PROFILES.find((p) => p.id === "shaoxing")?.name.zh ?? "";
  expect(marker).toMatch(/绍兴/);
  const holders = js().filter((f) => read(f).includes(marker));
  expect(holders).toHaveLength(1);
  const scripts = pageScripts(dist);
  const at = scripts.indexOf(holders[0]);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(at).toBeLessThan(scripts.indexOf("functions.js"));
  expect(at).toBeLessThan(scripts.indexOf("taskpane.js"));
});

test("the profile editor is a chunk of its own that the page does not load up front", () => {
  const editor = js().filter((f) => /^profile-editor\.[0-9a-f]{8}\.js$/.test(f));
  expect(editor).toHaveLength(1);
  expect(pageScripts(dist)).not.toContain(editor[0]);
  expect(read(editor[0])).toContain('"no-stored"');
  expect(read("taskpane.js")).not.toContain('"no-stored"');
});

test("the page shows a loading state in both languages before any script runs", () => {
  const html = read("taskpane.html");
  const container = /<div id="?container"?>([\s\S]*?)<\/body>/.exec(html)?.[1] ?? "";
  expect(container).toMatch(/role="?status"?/);
  expect(container).toMatch(/Loading RFM Grader/);
  expect(container).toMatch(/正在加载/);
});

test("the manifest points only at the hosting address and carries the package's version", () => {
  const manifest = read("manifest.xml");
  expect(manifest).not.toMatch(/localhost|example\.com|127\.0\.0\.1/);
  // Every address except the XML namespace names, which identify schemas and are never fetched.
  const addresses = manifest.replace(/\sxmlns(:[\w-]+)?="[^"]*"/g, "");
  const urls = [...addresses.matchAll(/[a-z][\w+.-]*:\/\/[^"<\s]+/gi)].map((m) => m[0]);
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) expect(u.startsWith(TEST_ADDIN_URL)).toBe(true);
  for (const u of urls) expect(files).toContain(u.slice(TEST_ADDIN_URL.length));
  expect(/<Version>([^<]*)<\/Version>/.exec(manifest)?.[1]).toBe(`${packageVersion}.0`);
});
