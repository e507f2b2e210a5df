/**
 * Which Office.js a build loads (src/build/officeJs.js): Microsoft's CDN for each cloud by name, an address of one's
 * own, and the task pane's Content-Security-Policy written from it.
 */
import { OFFICE_JS_CDNS, officeJsFrom, paneContentSecurityPolicy } from "../../src/build/officeJs";

const WORLDWIDE = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Microsoft's government-cloud guidance: "Office 365 operated by 21Vianet ... should use corresponding CDN".
const CHINA = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";

describe("OFFICE_JS_CDN and OFFICE_JS_URL", () => {
  test("nothing set: Microsoft's worldwide CDN", () => {
    for (const unset of [undefined, "", "  "]) {
      expect(officeJsFrom(unset, undefined)).toEqual({
        cdn: "global",
        url: WORLDWIDE,
        origin: "https://appsforoffice.microsoft.com",
        cloud: "Microsoft 365 (worldwide)",
      });
    }
  });

  test("china: the partner CDN in China that 21Vianet's tenants load Office.js from", () => {
    const china = officeJsFrom("china", "");
    expect(china.url).toBe(CHINA);
    expect(china.origin).toBe("https://appsforoffice.cdn.partner.office365.cn");
    expect(china.cloud).toMatch(/21Vianet/);
    // Names are not case-sensitive and may carry spaces from a .env file.
    expect(officeJsFrom(" China ", undefined).url).toBe(CHINA);
  });

  test("every named CDN is an https address of office.js in Microsoft's lib/1/hosted folder", () => {
    expect(Object.keys(OFFICE_JS_CDNS).sort()).toEqual(["china", "dod", "gcc", "gcch", "global"]);
    for (const [name, { url }] of Object.entries(OFFICE_JS_CDNS)) {
      expect([name, url]).toEqual([
        name,
        expect.stringMatching(/^https:\/\/appsforoffice\.[a-z0-9.]+\/(appsforoffice\/)?lib\/1\/hosted\/office\.js$/),
      ]);
      expect(officeJsFrom(name, undefined).cdn).toBe(name);
    }
  });

  test("an address of one's own (an air-gapped cloud's CDN)", () => {
    const own = officeJsFrom(undefined, "https://cdn.cloud.example/appsforoffice/lib/1/hosted/office.js");
    expect(own).toEqual({
      cdn: "custom",
      url: "https://cdn.cloud.example/appsforoffice/lib/1/hosted/office.js",
      origin: "https://cdn.cloud.example",
      cloud: expect.any(String),
    });
  });

  test("refused with what to type: an unknown name, both at once, or an address that is not https office.js", () => {
    expect(() => officeJsFrom("21vianet", undefined)).toThrow(
      /not one of Microsoft's Office\.js CDNs: use one of global, china/,
    );
    expect(() => officeJsFrom("china", CHINA)).toThrow(/not both/);
    for (const bad of [
      "http://cdn.example/lib/1/hosted/office.js",
      "https://cdn.example/lib/1/hosted/",
      "https://cdn.example/office.js?v=1",
      "https://user:pw@cdn.example/office.js",
      "cdn.example/office.js",
    ]) {
      expect(() => officeJsFrom(undefined, bad)).toThrow(/OFFICE_JS_URL/);
    }
  });
});

describe("the task pane's Content-Security-Policy", () => {
  const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

  test("scripts, connections and frames from the page's origin and the chosen Office.js origin only", () => {
    for (const origin of ["https://appsforoffice.microsoft.com", "https://appsforoffice.cdn.partner.office365.cn"]) {
      const csp = directives(paneContentSecurityPolicy(origin));
      expect(csp.get("script-src")).toEqual(["'self'", origin]);
      expect(csp.get("connect-src")).toEqual(["'self'", origin]);
      expect(csp.get("frame-src")).toEqual(["'self'", origin]);
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("form-action")).toEqual(["'none'"]);
      // No inline script and no eval, for any cloud.
      expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
      expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    }
  });

  test("the development server adds its websocket to connect-src only", () => {
    const csp = directives(
      paneContentSecurityPolicy("https://appsforoffice.microsoft.com", { connect: ["wss://localhost:3000"] }),
    );
    expect(csp.get("connect-src")).toEqual(["'self'", "wss://localhost:3000", "https://appsforoffice.microsoft.com"]);
    expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  });
});
