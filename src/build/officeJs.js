/* global module */
// Plain CommonJS: webpack.config.js runs it at build time (no TypeScript loader there), and jest tests it.
const { BuildSettingError } = require("./addinManifest.js");

/**
 * Where the pages load Office.js from. Microsoft serves it from one CDN per cloud, and a tenant inside a national or
 * government cloud cannot reach the worldwide one: Office 365 operated by 21Vianet (China) loads it from the partner
 * CDN in China, the US government clouds from their own. One build serves one cloud; OFFICE_JS_CDN names it.
 */
const OFFICE_JS_CDN_VARIABLE = "OFFICE_JS_CDN";
/** An address of one's own (an air-gapped cloud's CDN, given by its administrators), instead of a named CDN. */
const OFFICE_JS_URL_VARIABLE = "OFFICE_JS_URL";

/** The CDNs Microsoft names for Office.js, by the name OFFICE_JS_CDN takes. */
const OFFICE_JS_CDNS = {
  global: { url: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", cloud: "Microsoft 365 (worldwide)" },
  china: {
    url: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
    cloud: "Office 365 operated by 21Vianet (China)",
  },
  gcc: {
    url: "https://appsforoffice.gcc.cdn.office.net/appsforoffice/lib/1/hosted/office.js",
    cloud: "US Government Community Cloud (GCC)",
  },
  gcch: { url: "https://appsforoffice.gcch.cdn.office.net/appsforoffice/lib/1/hosted/office.js", cloud: "US GCC High" },
  dod: {
    url: "https://appsforoffice.dod.cdn.office.net/appsforoffice/lib/1/hosted/office.js",
    cloud: "US Department of Defense (DoD)",
  },
};
const DEFAULT_CDN = "global";

const choices = () => Object.keys(OFFICE_JS_CDNS).join(", ");

function text(value) {
  return typeof value === "string" ? value.trim() : "";
}

/**
 * The Office.js a build loads: `{ cdn, url, origin, cloud }`. OFFICE_JS_CDN picks one of Microsoft's CDNs (worldwide
 * when neither variable is set); OFFICE_JS_URL gives an HTTPS address ending in /office.js instead (cdn "custom").
 * Both at once, an unknown name, or an address that is not HTTPS is refused with what to type.
 */
function officeJsFrom(cdnValue, urlValue) {
  const cdn = text(cdnValue).toLowerCase();
  const given = text(urlValue);
  if (cdn !== "" && given !== "") {
    throw new BuildSettingError(`Set ${OFFICE_JS_CDN_VARIABLE} or ${OFFICE_JS_URL_VARIABLE}, not both.`);
  }
  if (given !== "") {
    let url;
    try {
      url = new URL(given);
    } catch {
      throw new BuildSettingError(`${OFFICE_JS_URL_VARIABLE} "${given}" is not a web address.`);
    }
    if (
      url.protocol !== "https:" ||
      url.username ||
      url.password ||
      url.search ||
      url.hash ||
      !/\/office\.js$/.test(url.pathname)
    ) {
      throw new BuildSettingError(
        `${OFFICE_JS_URL_VARIABLE} "${given}" must be an https:// address of office.js, without "?" or "#" parts ` +
          `(for Microsoft's own CDNs use ${OFFICE_JS_CDN_VARIABLE}=${choices().split(", ").join("|")}).`,
      );
    }
    return { cdn: "custom", url: url.href, origin: url.origin, cloud: "an Office.js address given at build time" };
  }
  const name = cdn === "" ? DEFAULT_CDN : cdn;
  const known = OFFICE_JS_CDNS[name];
  if (!known) {
    throw new BuildSettingError(
      `${OFFICE_JS_CDN_VARIABLE} "${text(cdnValue)}" is not one of Microsoft's Office.js CDNs: use one of ${choices()} ` +
        `(china: Office 365 operated by 21Vianet).`,
    );
  }
  return { cdn: name, url: known.url, origin: new URL(known.url).origin, cloud: known.cloud };
}

/**
 * The task pane's Content-Security-Policy: scripts only from the add-in and the Office.js host (Office.js loads its
 * locale files from beside itself and talks to Office through postMessage and a frame of its host); no inline
 * script, no eval. Griffel (Fluent UI's CSS-in-JS) inserts <style> elements at run time, hence style-src
 * 'unsafe-inline'. `connect` adds sources for development (the dev server's websocket).
 */
function paneContentSecurityPolicy(officeJsOrigin, { connect = [] } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' ${officeJsOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connect, officeJsOrigin].join(" "),
    `frame-src 'self' ${officeJsOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = {
  OFFICE_JS_CDN_VARIABLE,
  OFFICE_JS_URL_VARIABLE,
  OFFICE_JS_CDNS,
  DEFAULT_CDN,
  officeJsFrom,
  paneContentSecurityPolicy,
};
