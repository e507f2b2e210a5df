/* global module */
// Plain CommonJS: webpack.config.js runs it at build time (no TypeScript loader there), and jest tests it.

/** Where the add-in is served in development; every URL in manifest.xml points here. */
const DEV_URL = "https://localhost:3000/";

/** Where the production build is hosted comes from this environment variable (or `webpack --env ADDIN_URL=…`). */
const ADDIN_URL_VARIABLE = "ADDIN_URL";

/** A build problem the user can fix; its message is the whole story (no stack trace needed). */
class BuildSettingError extends Error {
  constructor(message) {
    super(message);
    this.name = "BuildSettingError";
    // Printed as is by webpack-cli: the message, without a stack trace that would bury it.
    this.stack = `${this.name}: ${message}`;
  }
}

const EXAMPLE = `${ADDIN_URL_VARIABLE}=https://intranet.example.com/rfm/ npm run build`;

/**
 * The production address, checked and normalised to end with "/" (the folder holding taskpane.html). Office loads
 * add-ins only over HTTPS, and every file is found relative to this folder, so anything else is refused with a message
 * that says what to type: a missing value, http://, a relative or malformed address, credentials, a query or fragment.
 */
function addinUrlFrom(value) {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") {
    throw new BuildSettingError(
      `${ADDIN_URL_VARIABLE} is not set. A production build needs the HTTPS address where you will host the add-in's ` +
        `files, for example:\n  ${EXAMPLE}\n(For a development build that points at https://localhost:3000/: npm run build:dev)`,
    );
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new BuildSettingError(
      `${ADDIN_URL_VARIABLE} "${text}" is not a web address. Give the full address, for example:\n  ${EXAMPLE}`,
    );
  }
  if (url.protocol !== "https:") {
    throw new BuildSettingError(
      `${ADDIN_URL_VARIABLE} "${text}" must start with https:// — Office loads add-ins only over HTTPS. For example:\n  ${EXAMPLE}`,
    );
  }
  if (!url.hostname || url.username || url.password) {
    throw new BuildSettingError(`${ADDIN_URL_VARIABLE} "${text}" must name a host and carry no user name or password.`);
  }
  if (url.search || url.hash || /[?#]/.test(text)) {
    throw new BuildSettingError(
      `${ADDIN_URL_VARIABLE} "${text}" must be the folder that holds taskpane.html, without "?" or "#" parts.`,
    );
  }
  if (/\.(html?|js|json|xml)$/i.test(url.pathname)) {
    throw new BuildSettingError(
      `${ADDIN_URL_VARIABLE} "${text}" names a file; give the folder that holds taskpane.html (for example ` +
        `${url.origin}${url.pathname.replace(/[^/]*$/, "")}).`,
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * The manifest's four-part version (major.minor.build.revision) from package.json's semantic version: 0.1.0 -> 0.1.0.0.
 * Pre-release or build suffixes have no place in a manifest version and are refused, as are parts above 65535.
 */
function manifestVersion(packageVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(packageVersion));
  if (!m || m.slice(1).some((part) => Number(part) > 65535 || (part.length > 1 && part.startsWith("0")))) {
    throw new BuildSettingError(
      `package.json version "${packageVersion}" cannot become a manifest version: use major.minor.patch with numbers up to 65535 (e.g. 1.2.0).`,
    );
  }
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * The manifest as built: `<Version>` stamped, and, given `url`, every development URL rewritten to it (a global,
 * literal replacement: the manifest holds many URLs, sometimes several on a line). Refuses a manifest without exactly
 * one `<Version>` rather than shipping an unstamped one.
 */
function buildManifest(xml, { version, url }) {
  const versions = xml.match(/<Version>[^<]*<\/Version>/g) || [];
  if (versions.length !== 1)
    throw new BuildSettingError(`manifest.xml must hold exactly one <Version> (found ${versions.length}).`);
  let out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  if (url !== undefined) out = out.replace(new RegExp(escapeRegExp(DEV_URL), "g"), url);
  return out;
}

module.exports = { DEV_URL, ADDIN_URL_VARIABLE, BuildSettingError, addinUrlFrom, manifestVersion, buildManifest };
