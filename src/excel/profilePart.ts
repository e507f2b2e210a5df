/**
 * One stored profile as the XML of a custom XML part of the workbook:
 *
 *   <profile xmlns="urn:rfm-grader:workbook-profile" format="1" id="east-region" saved="2026-12-03T08:00:00.000Z">
 *     {"id":"east-region", … the profile's JSON text (RULES.md §11), XML-escaped …}
 *   </profile>
 *
 * The JSON text is the one `--profile FILE.json` reads; the XML around it says whose it is (the namespace), in which
 * layout (`format`, so a newer layout is recognised as such rather than misread), for which id (found without
 * parsing the JSON) and when it was saved (two parts of one id, saved at once by two people, resolve to the later).
 * Pure text functions: no Office, so the reader is tested on XML as other programs write it.
 */
import type { Localized } from "../engine";
import { ADAPTER } from "../i18n/adapter";

export const PROFILE_XML_NAMESPACE = "urn:rfm-grader:workbook-profile";
const PROFILE_XML_FORMAT = "1";

export interface ProfilePartContent {
  /** The id attribute (the stored profile's id, as saved). */
  id: string;
  /** When it was saved (ISO 8601), "" when the part does not say. */
  saved: string;
  /** The profile's JSON text. */
  json: string;
}

const PART_TEXTS = {
  notProfileXml: ADAPTER.storage.notProfileXml,
  newerFormat: ADAPTER.storage.newerFormat,
};

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

/** The part's XML for a profile's JSON text. */
export function profilePartXml(id: string, json: string, saved: Date): string {
  // No XML declaration: the text is handed to Excel as a string, and Excel writes the file's own declaration.
  return (
    `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="${PROFILE_XML_FORMAT}" id="${escapeAttribute(id)}" ` +
    `saved="${saved.toISOString()}">${escapeText(json)}</profile>`
  );
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Text with XML's entity and character references resolved; undefined for a reference XML does not define. */
function unescape(text: string): string | undefined {
  let bad = false;
  const out = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) {
      bad = true;
      return whole;
    }
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) {
        bad = true;
        return whole;
      }
      return String.fromCodePoint(code);
    }
    if (!(ref in ENTITIES)) bad = true;
    return ENTITIES[ref] ?? whole;
  });
  return bad ? undefined : out;
}

/** The element's text: character data and CDATA sections (an editor may write either), nothing else. */
function elementText(content: string): string | undefined {
  let text = "";
  let rest = content;
  while (rest.length > 0) {
    const cdata = rest.indexOf("<![CDATA[");
    const chunk = cdata < 0 ? rest : rest.slice(0, cdata);
    if (chunk.includes("<")) return undefined; // a child element: not our layout
    const plain = unescape(chunk);
    if (plain === undefined) return undefined;
    text += plain;
    if (cdata < 0) break;
    const end = rest.indexOf("]]>", cdata);
    if (end < 0) return undefined;
    text += rest.slice(cdata + 9, end);
    rest = rest.slice(end + 3);
  }
  return text;
}

function attributesOf(text: string): Map<string, string> | undefined {
  const attributes = new Map<string, string>();
  const pattern = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*\/?$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) return undefined;
    const value = unescape(m[2] ?? m[3] ?? "");
    if (value === undefined) return undefined;
    attributes.set(m[1], value);
    at = pattern.lastIndex;
  }
  return attributes;
}

/**
 * Reads a part's XML: the profile's id, when it was saved, and its JSON text; or why it cannot be read (damaged XML,
 * another layout, a newer format). The root may carry a namespace prefix and the text CDATA sections, as a program
 * that rewrote the part may leave them.
 */
export function readProfilePart(xml: string): ProfilePartContent | { problem: Localized } {
  const body = xml
    .replace(/^\uFEFF/, "")
    .replace(/^\s*<\?xml[^?]*\?>/, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim();
  const root =
    /^<(?:([A-Za-z_][\w.-]*):)?profile((?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*>([\s\S]*)<\/(?:([A-Za-z_][\w.-]*):)?profile\s*>$/.exec(
      body,
    );
  if (!root || root[1] !== root[4]) return { problem: PART_TEXTS.notProfileXml };
  const attributes = attributesOf(root[2]);
  const namespace = attributes?.get(root[1] === undefined ? "xmlns" : `xmlns:${root[1]}`);
  if (!attributes || namespace !== PROFILE_XML_NAMESPACE) return { problem: PART_TEXTS.notProfileXml };
  const format = attributes.get("format") ?? "";
  if (format !== PROFILE_XML_FORMAT) {
    return {
      problem:
        /^\d+$/.test(format) && Number(format) > Number(PROFILE_XML_FORMAT)
          ? PART_TEXTS.newerFormat(format)
          : PART_TEXTS.notProfileXml,
    };
  }
  const id = attributes.get("id");
  const json = elementText(root[3]);
  if (id === undefined || json === undefined) return { problem: PART_TEXTS.notProfileXml };
  return { id, saved: attributes.get("saved") ?? "", json };
}
