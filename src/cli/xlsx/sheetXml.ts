/** Pieces of SpreadsheetML (ECMA-376) text: escaping, cell references, serial dates. */

import { dayToSerial } from "../../engine";

const MS_PER_DAY = 86_400_000;

/** The namespaces and declaration every part of a workbook package starts with. */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

// Characters XML 1.0 cannot hold (controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF), the three
// markup characters, and text that already looks like one of Excel's own `_xHHHH_` escapes.
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
const ESCAPED =
  /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|_(?=x[0-9a-fA-F]{4}_)/g;

/**
 * Text for an element or attribute. Control characters become Excel's `_xHHHH_` escapes (Excel shows them as the
 * characters they were); a lone surrogate, which UTF-8 cannot carry, becomes U+FFFD.
 */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text) && text.indexOf('"') < 0) return text;
  return text.replace(ESCAPED, (ch) => {
    if (ch === "&") return "&amp;";
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    if (ch === '"') return "&quot;";
    if (ch === "_") return "_x005F_";
    if (ch.length === 2) return ch; // a valid surrogate pair
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return "\ufffd";
    return `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;
  });
}

/** An inline-string cell's text element; spaces at either end are kept only when asked to. */
export function inlineText(text: string): string {
  const edge = text.length > 0 && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)));
  return edge ? `<is><t xml:space="preserve">${xmlText(text)}</t></is>` : `<is><t>${xmlText(text)}</t></is>`;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** The serial (1900 date system) of a JS Date read by its UTC fields, time of day as the fraction. */
export function serialOfDate(date: Date): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const day = Math.floor(ms / MS_PER_DAY);
  const serial = dayToSerial(day);
  if (serial < 1 || serial > LAST_SERIAL) return null;
  return serial + (ms - day * MS_PER_DAY) / MS_PER_DAY;
}

/** 9999-12-31, the last day Excel has. */
const LAST_SERIAL = 2958465;

const SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** Content types of a workbook with `sheets` worksheets (sheet1.xml …), and of any other parts it holds (charts…). */
export function contentTypes(sheets: number, others: readonly { part: string; type: string }[] = []): string {
  const parts = Array.from(
    { length: sheets },
    (_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="${SHEET_TYPE}"/>`,
  );
  return (
    XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    parts.join("") +
    others.map((o) => `<Override PartName="${o.part}" ContentType="${o.type}"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `</Types>`
  );
}

export const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
