/**
 * manifest.xml checked offline (office-addin-manifest validate needs the internet): well-formed, every resid
 * resolves to a resource of the right kind, the RFM namespace and the shared runtime, URLs that point at files the
 * build produces, en-US and zh-CN texts, and the production rewrite.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { addinUrlFrom, buildManifest, manifestVersion } from "../../src/build/addinManifest";
import { readPngHeader } from "./png";
import { child, descendants, parseXml, path, type XmlElement } from "./xml";

interface WebpackConfigModule {
  (
    env: Record<string, unknown>,
    argv: { mode: string },
  ): Promise<{
    entry: Record<string, string>;
    output: { filename: string };
    plugins: object[];
  }>;
  DEV_URL: string;
  FUNCTIONS_SOURCE: string;
  FUNCTIONS_METADATA: string;
  LOCALIZED_METADATA: Record<string, { file: string }>;
  TASKPANE_PAGE: string;
}

const root = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(join(root, "webpack.config.js")) as WebpackConfigModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version: packageVersion } = require(join(root, "package.json")) as { version: string };
const { DEV_URL } = webpackConfig;
const xml = readFileSync(join(root, "manifest.xml"), "utf8");
const manifest = parseXml(xml);

const resources = path(manifest, "VersionOverrides", "Resources");
const resourceKinds: Record<string, XmlElement[]> = {
  "bt:Image": descendants(path(resources, "bt:Images"), "bt:Image"),
  "bt:Url": descendants(path(resources, "bt:Urls"), "bt:Url"),
  "bt:String": [
    ...descendants(path(resources, "bt:ShortStrings"), "bt:String"),
    ...descendants(path(resources, "bt:LongStrings"), "bt:String"),
  ],
};
const resourceById = new Map<string, XmlElement>();
for (const list of Object.values(resourceKinds)) for (const r of list) resourceById.set(r.attributes.id, r);

function resource(resid: string): XmlElement {
  const r = resourceById.get(resid);
  if (!r) throw new Error(`resid ${resid} does not resolve`);
  return r;
}

/** Files `npm run build` writes into dist/, read from webpack's configuration rather than assumed. */
async function builtFiles(): Promise<{ files: Set<string>; pageChunks: string[]; functionsChunk: string }> {
  const config = await webpackConfig({ ADDIN_URL: "https://rfm.intranet.example/" }, { mode: "production" });
  const files = new Set<string>();
  for (const name of Object.keys(config.entry)) files.add(config.output.filename.replace("[name]", name));
  for (const plugin of config.plugins) {
    const p = plugin as {
      userOptions?: { filename?: string; chunks?: string[] };
      options?: { output?: string };
      patterns?: { from: string; to: string }[];
    };
    if (p.userOptions?.filename) files.add(p.userOptions.filename);
    if (p.options?.output) files.add(p.options.output);
    for (const pattern of p.patterns ?? []) {
      if (pattern.from === "assets") for (const f of readdirSync(join(root, "assets"))) files.add(`${pattern.to}/${f}`);
      else files.add(pattern.to);
    }
  }
  for (const { file } of Object.values(webpackConfig.LOCALIZED_METADATA)) files.add(file);
  const page = config.plugins.find(
    (p) => (p as { userOptions?: { filename?: string } }).userOptions?.filename === webpackConfig.TASKPANE_PAGE,
  ) as { userOptions: { chunks: string[] } } | undefined;
  const functionsChunk = Object.entries(config.entry).find(([, src]) => src === webpackConfig.FUNCTIONS_SOURCE)?.[0];
  if (!page || !functionsChunk) throw new Error("webpack config has no task pane page or functions entry");
  return { files, pageChunks: page.userOptions.chunks, functionsChunk };
}

function devPath(url: string): string {
  if (!url.startsWith(DEV_URL)) throw new Error(`${url} is not served by the add-in (${DEV_URL})`);
  return url.slice(DEV_URL.length);
}

describe("well-formed add-in only manifest", () => {
  test("parses, and the parser rejects a broken copy", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(() => parseXml(xml.replace("</Resources>", ""))).toThrow();
  });

  test("identity: TaskPaneApp for Excel, GUID, version, provider, default locale, permission", () => {
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(manifest, "Version").text).toBe(manifestVersion(packageVersion));
    expect(child(manifest, "ProviderName").text).toBe("RFM Grader");
    expect(child(manifest, "DefaultLocale").text).toBe("en-US");
    expect(child(manifest, "Permissions").text).toBe("ReadWriteDocument");
    expect(descendants(child(manifest, "Hosts"), "Host").map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    expect(path(manifest, "VersionOverrides").attributes["xsi:type"]).toBe("VersionOverridesV1_0");
  });
});

describe("resource ids", () => {
  test("every resid resolves to a resource of the kind its element needs", () => {
    const urlElements = new Set(["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"]);
    const users = descendants(manifest).filter((e) => e.attributes.resid !== undefined);
    expect(users.length).toBeGreaterThan(10);
    for (const e of users) {
      const r = resource(e.attributes.resid);
      const kind = e.name === "bt:Image" ? "bt:Image" : urlElements.has(e.name) ? "bt:Url" : "bt:String";
      expect([e.name, e.attributes.resid, r.name]).toEqual([e.name, e.attributes.resid, kind]);
    }
  });

  test("resource ids are unique and each is used", () => {
    const ids = Object.values(resourceKinds)
      .flat()
      .map((r) => r.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(
      descendants(manifest)
        .map((e) => e.attributes.resid)
        .filter(Boolean),
    );
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });
});

describe("custom functions in a shared runtime", () => {
  const host = path(manifest, "VersionOverrides", "Hosts", "Host");
  const functions = descendants(host, "ExtensionPoint").find((e) => e.attributes["xsi:type"] === "CustomFunctions");

  test("namespace RFM, in every language", () => {
    expect(functions).toBeDefined();
    const namespace = resource(child(functions as XmlElement, "Namespace").attributes.resid);
    expect(namespace.attributes.DefaultValue).toBe("RFM");
    expect(descendants(namespace, "bt:Override").every((o) => o.attributes.Value === "RFM")).toBe(true);
  });

  test("SharedRuntime 1.1 required; one long-lived runtime that is also the functions' page and the function file", () => {
    const sets = descendants(path(manifest, "Requirements", "Sets"), "Set");
    expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toContainEqual(["SharedRuntime", "1.1"]);
    const runtimes = descendants(child(host, "Runtimes"), "Runtime");
    expect(runtimes.map((r) => [r.attributes.resid, r.attributes.lifetime])).toEqual([["Taskpane.Url", "long"]]);
    const page = path(functions as XmlElement, "Page", "SourceLocation").attributes.resid;
    expect(page).toBe("Taskpane.Url");
    expect(descendants(host, "FunctionFile")[0].attributes.resid).toBe("Taskpane.Url");
    const button = descendants(host, "Action").find((a) => a.attributes["xsi:type"] === "ShowTaskpane");
    expect(button && child(button, "SourceLocation").attributes.resid).toBe("Taskpane.Url");
  });

  test("no <Action> carries a <TaskpaneId> (the current shared-runtime doc)", () => {
    const actions = descendants(manifest, "Action");
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.flatMap((a) => descendants(a, "TaskpaneId"))).toEqual([]);
    expect(xml).not.toMatch(/TaskpaneId/);
  });

  test("script, page and metadata URLs name files the build produces, and the page loads both chunks", async () => {
    const { files, pageChunks, functionsChunk } = await builtFiles();
    const url = (el: XmlElement) => resource(el.attributes.resid).attributes.DefaultValue;
    const script = devPath(url(path(functions as XmlElement, "Script", "SourceLocation")));
    const page = devPath(url(path(functions as XmlElement, "Page", "SourceLocation")));
    const metadata = devPath(url(path(functions as XmlElement, "Metadata", "SourceLocation")));

    expect(script).toBe(`${functionsChunk}.js`);
    expect(page).toBe(webpackConfig.TASKPANE_PAGE);
    expect(metadata).toBe(webpackConfig.FUNCTIONS_METADATA);
    for (const f of [script, page, metadata]) expect(files).toContain(f);
    expect(pageChunks).toEqual(expect.arrayContaining([functionsChunk, "taskpane"]));
  });

  test("every localhost URL in the manifest is a file the build produces", async () => {
    const { files } = await builtFiles();
    const urls = [...xml.matchAll(/https:\/\/localhost:3000\/[^"]*/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(files).toContain(devPath(u));
  });

  test("Chinese Excel gets the Chinese functions metadata", () => {
    const metadata = resource("Functions.Metadata.Url");
    const zh = descendants(metadata, "bt:Override").find((o) => o.attributes.Locale === "zh-CN");
    expect(zh && devPath(zh.attributes.Value)).toBe(webpackConfig.LOCALIZED_METADATA["zh-CN"].file);
  });
});

describe("help", () => {
  interface HelpConfig {
    HELP_PAGES: Record<string, string>;
  }
  const { HELP_PAGES } = webpackConfig as unknown as HelpConfig;

  test("LearnMoreUrl and SupportUrl open the help page that ships with the add-in, in Office's language, not the pane", async () => {
    const { files } = await builtFiles();
    const learnMore = resource(descendants(manifest, "LearnMoreUrl")[0].attributes.resid);
    const support = child(manifest, "SupportUrl");
    for (const [what, element, overrideName] of [
      ["LearnMoreUrl", learnMore, "bt:Override"],
      ["SupportUrl", support, "Override"],
    ] as const) {
      const english = devPath(element.attributes.DefaultValue);
      const chinese = devPath(
        descendants(element, overrideName).find((o) => o.attributes.Locale === "zh-CN")?.attributes.Value ?? "",
      );
      expect([what, english, chinese]).toEqual([what, HELP_PAGES.en, HELP_PAGES["zh-CN"]]);
      expect(english).not.toBe(webpackConfig.TASKPANE_PAGE);
      for (const page of [english, chinese]) expect(files).toContain(page);
    }
  });

  test("SupportUrl sits where the schema puts it: after the icons, before Hosts", () => {
    const names = manifest.children.map((c) => c.name);
    expect(names.indexOf("SupportUrl")).toBe(names.indexOf("HighResolutionIconUrl") + 1);
    expect(names.indexOf("SupportUrl")).toBeLessThan(names.indexOf("Hosts"));
  });

  test("the help pages are in the repository, one per language, linking each other", () => {
    const en = readFileSync(join(root, "src/help", HELP_PAGES.en), "utf8");
    const zh = readFileSync(join(root, "src/help", HELP_PAGES["zh-CN"]), "utf8");
    expect(en).toContain(`href="${HELP_PAGES["zh-CN"]}"`);
    expect(zh).toContain(`href="${HELP_PAGES.en}"`);
    // Written in Chinese, not an English page with a Chinese title.
    expect((zh.match(/[\u4e00-\u9fff]/g) ?? []).length).toBeGreaterThan(800);
  });
});

describe("icons", () => {
  test("every image is a real PNG of the size it is declared as", () => {
    const declared: [string, number][] = [
      [child(manifest, "IconUrl").attributes.DefaultValue, 32],
      [child(manifest, "HighResolutionIconUrl").attributes.DefaultValue, 64],
      ...resourceKinds["bt:Image"].map((i): [string, number] => [
        i.attributes.DefaultValue,
        Number(/^Icon\.(\d+)x\1$/.exec(i.attributes.id)?.[1]),
      ]),
    ];
    expect(declared.map(([, size]) => size).sort((a, b) => a - b)).toEqual([16, 32, 32, 64, 80]);
    for (const [url, size] of declared) {
      const png = readPngHeader(readFileSync(join(root, devPath(url))));
      expect([url, png.width, png.height]).toEqual([url, size, size]);
    }
  });

  test("the ribbon button and group carry 16, 32 and 80 px icons", () => {
    for (const icon of descendants(manifest, "Icon")) {
      expect(descendants(icon, "bt:Image").map((i) => i.attributes.size)).toEqual(["16", "32", "80"]);
    }
  });
});

describe("English and Chinese texts", () => {
  const hasChinese = /[\u4e00-\u9fff]/;

  test("every string resource has a zh-CN override", () => {
    for (const s of resourceKinds["bt:String"]) {
      const zh = descendants(s, "bt:Override").find((o) => o.attributes.Locale === "zh-CN");
      expect([s.attributes.id, s.attributes.DefaultValue !== "", (zh?.attributes.Value ?? "") !== ""]).toEqual([
        s.attributes.id,
        true,
        true,
      ]);
      if (s.attributes.id !== "Functions.Namespace") expect(zh?.attributes.Value).toMatch(hasChinese);
    }
  });

  test("display name and description in en-US and zh-CN", () => {
    for (const name of ["DisplayName", "Description"]) {
      const el = child(manifest, name);
      expect(el.attributes.DefaultValue).toMatch(/RFM/);
      const zh = descendants(el, "Override").find((o) => o.attributes.Locale === "zh-CN");
      expect(zh?.attributes.Value).toMatch(hasChinese);
    }
  });
});

describe("production manifest", () => {
  const url = "https://intranet.example.cn/finance/rfm/";
  const production = buildManifest(xml, { version: "2.3.4.0", url });

  test("every localhost URL is rewritten to the hosting address, and the result is still well-formed", () => {
    expect(production).not.toMatch(/localhost/);
    const before = xml.split(DEV_URL).length - 1;
    expect(before).toBeGreaterThan(8);
    expect(production.split(url).length - 1).toBe(before);
    expect(parseXml(production).name).toBe("OfficeApp");
  });

  test("the version is stamped, once, and a development build keeps its URLs", () => {
    expect(child(parseXml(production), "Version").text).toBe("2.3.4.0");
    const dev = buildManifest(xml, { version: "0.9.0.0" });
    expect(child(parseXml(dev), "Version").text).toBe("0.9.0.0");
    expect(dev.split(DEV_URL).length).toBe(xml.split(DEV_URL).length);
    expect(() => buildManifest(xml.replace(/<Version>[^<]*<\/Version>/, ""), { version: "1.0.0.0" })).toThrow(
      /exactly one <Version>/,
    );
  });

  test("the rewrite is global and literal (several URLs on one line, dots are not wildcards)", () => {
    const line = `<Version>1</Version><a x="${DEV_URL}a.js" y="${DEV_URL}b.js"/><b z="https://localhostX3000/c.js"/>`;
    expect(buildManifest(line, { version: "1.0.0.0", url: "https://example.org/" })).toBe(
      `<Version>1.0.0.0</Version><a x="https://example.org/a.js" y="https://example.org/b.js"/><b z="https://localhostX3000/c.js"/>`,
    );
  });

  test("manifest versions have four parts, from package.json's major.minor.patch", () => {
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("12.0.65535")).toBe("12.0.65535.0");
    for (const bad of ["0.1", "1.0.0-beta.1", "1.0.0+build", "1.65536.0", "01.0.0", "v1.0.0"]) {
      expect(() => manifestVersion(bad)).toThrow(/cannot become a manifest version/);
    }
  });

  test("ADDIN_URL: an HTTPS folder, normalised to end with /", () => {
    expect(addinUrlFrom("https://intranet.example.com/rfm")).toBe("https://intranet.example.com/rfm/");
    expect(addinUrlFrom(" https://rfm.example.cn/ ")).toBe("https://rfm.example.cn/");
    expect(addinUrlFrom("https://10.0.0.8:8443/addins/rfm/")).toBe("https://10.0.0.8:8443/addins/rfm/");
    // An internationalised host name becomes its ASCII (punycode) form, which every webview and server accepts.
    expect(addinUrlFrom("https://财务.example.cn/rfm/")).toMatch(/^https:\/\/xn--[a-z0-9-]+\.example\.cn\/rfm\/$/);
  });

  test("ADDIN_URL: missing, http://, malformed or not a folder is refused with what to type", () => {
    const refusals: [string | undefined, RegExp][] = [
      [undefined, /ADDIN_URL is not set.*\n.*ADDIN_URL=https:\/\//s],
      ["", /is not set/],
      ["http://intranet.example.com/rfm/", /must start with https:\/\//],
      ["ftp://intranet.example.com/rfm/", /must start with https:\/\//],
      ["intranet.example.com/rfm/", /is not a web address/],
      ["https://", /is not a web address/],
      ["https://exa mple.com/", /is not a web address/],
      ["https://user:secret@example.com/", /no user name or password/],
      ["https://example.com/rfm/?v=2", /without "\?" or "#"/],
      ["https://example.com/rfm/#top", /without "\?" or "#"/],
      ["https://example.com/rfm/taskpane.html", /names a file.*https:\/\/example\.com\/rfm\//],
    ];
    for (const [value, message] of refusals) expect(() => addinUrlFrom(value)).toThrow(message);
  });
});
