/**
 * Reading SpreadsheetML straight from its UTF-8 bytes, for the parts that can be hundreds of megabytes (worksheets,
 * shared strings). Elements are known by their local name whatever their prefix (`<x:c>` is `<c>`: the .NET Open XML
 * SDK writes every element with a prefix), and comments, processing instructions and CDATA sections are stepped over
 * as XML says, so that a `<` inside a CDATA section is never taken for a tag. Every function returns -1 when the
 * bytes end before the construct does: the caller keeps those bytes and tries again with the next piece.
 */

import { decodeReferences, LINE_ENDS, unescapeExcel } from "./xmlEscapes";

export const LT = 0x3c,
  SLASH = 0x2f;
const GT = 0x3e,
  BANG = 0x21,
  QUESTION = 0x3f,
  COLON = 0x3a,
  DQUOTE = 0x22,
  SQUOTE = 0x27,
  AMP = 0x26;

/** Next position of byte b at or after from (before `to`), or -1: a plain loop, as the distances here are short. */
export function find(buf: Buffer, b: number, from: number, to = buf.length): number {
  for (let i = from; i < to; i++) if (buf[i] === b) return i;
  return -1;
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === GT || code === SLASH || code === 9 || code === 10 || code === 13;
}

/** Where the markup opening at `lt` (a `<`) ends: the position after its `>`, quoted attribute values included. */
export function markupEnd(buf: Buffer, lt: number): number {
  const next = buf[lt + 1];
  if (next === BANG) {
    if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) return after(buf, lt + 4, COMMENT_END);
    if (buf[lt + 2] === 0x5b /* [ */) return after(buf, lt + 2, CDATA_END);
    return declarationEnd(buf, lt + 2);
  }
  if (next === QUESTION) return after(buf, lt + 2, PI_END);
  const gt = tagEnd(buf, lt);
  return gt < 0 ? -1 : gt + 1;
}

const COMMENT_END = Buffer.from("-->");
const CDATA_END = Buffer.from("]]>");
const PI_END = Buffer.from("?>");

/** The position after the first `what` at or after from, or -1. */
function after(buf: Buffer, from: number, what: Buffer): number {
  const at = buf.indexOf(what, from);
  return at < 0 ? -1 : at + what.length;
}

/** `<!DOCTYPE …>`, whose internal subset may hold `>` between brackets. */
function declarationEnd(buf: Buffer, from: number): number {
  let depth = 0;
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (c === GT && depth <= 0) return i + 1;
  }
  return -1;
}

/** The `>` closing the start or end tag opening at lt (a `>` inside a quoted attribute value does not count). */
export function tagEnd(buf: Buffer, lt: number): number {
  for (let i = lt + 1, n = buf.length; i < n; i++) {
    const c = buf[i];
    if (c === GT) return i;
    if (c === DQUOTE || c === SQUOTE) {
      const close = find(buf, c, i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** True for a markup that is not an element tag: comment, CDATA, processing instruction, declaration. */
export function isSpecialMarkup(buf: Buffer, lt: number): boolean {
  const next = buf[lt + 1];
  return next === BANG || next === QUESTION;
}

/** Where the element name of the tag at lt starts, after `<` or `</`. */
function nameStart(buf: Buffer, lt: number): number {
  return buf[lt + 1] === SLASH ? lt + 2 : lt + 1;
}

/** The end of the name starting at from. */
export function nameEnd(buf: Buffer, from: number): number {
  let i = from;
  while (i < buf.length && !isNameEnd(buf[i])) i++;
  return i;
}

/** Where the local part of the name [from, end) starts: after its prefix and colon, if it has one. */
export function localStart(buf: Buffer, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buf[i] === COLON) return i + 1;
  return from;
}

/** True when the tag at lt (start or end tag) has the local name given (as bytes). */
function hasLocalName(buf: Buffer, lt: number, local: Uint8Array): boolean {
  const start = nameStart(buf, lt);
  const end = nameEnd(buf, start);
  return sameBytes(buf, localStart(buf, start, end), end, local);
}

export function sameBytes(buf: Buffer, from: number, to: number, what: Uint8Array): boolean {
  if (to - from !== what.length) return false;
  for (let k = 0; k < what.length; k++) if (buf[from + k] !== what[k]) return false;
  return true;
}

/**
 * The `<` of the end tag `</…local>` closing an element whose content starts at from (elements of that name do not
 * nest inside themselves here: `<v>`, `<t>`, `<is>`, `<si>`, `<rPh>`, `<f>`), or -1.
 */
export function closingTag(buf: Buffer, from: number, local: Uint8Array, to = buf.length): number {
  for (let i = find(buf, LT, from, to); i >= 0; i = find(buf, LT, i + 1, to)) {
    if (isSpecialMarkup(buf, i)) {
      const end = markupEnd(buf, i);
      if (end < 0 || end > to) return -1;
      i = end - 1;
      continue;
    }
    if (buf[i + 1] === SLASH && hasLocalName(buf, i, local)) return i;
  }
  return -1;
}

/**
 * The value of the attribute with this local name in the start tag [lt, gt), whatever its prefix, as written (the
 * attributes read here hold no entity references: references, styles, types, flags); undefined when absent.
 */
export function attributeBytes(buf: Buffer, lt: number, gt: number, local: Uint8Array): string | undefined {
  let i = nameEnd(buf, lt + 1);
  while (i < gt) {
    while (i < gt && (buf[i] === 32 || buf[i] === 9 || buf[i] === 10 || buf[i] === 13)) i++;
    const nameFrom = i;
    while (i < gt && buf[i] !== 0x3d /* = */ && buf[i] !== 32 && buf[i] !== 9 && buf[i] !== 10 && buf[i] !== 13) i++;
    const nameTo = i;
    while (i < gt && buf[i] !== DQUOTE && buf[i] !== SQUOTE) i++;
    if (i >= gt) return undefined;
    const quote = buf[i];
    const close = find(buf, quote, i + 1, gt);
    if (close < 0) return undefined;
    if (nameTo > nameFrom && sameBytes(buf, localStart(buf, nameFrom, nameTo), nameTo, local))
      return buf.latin1Slice(i + 1, close);
    i = close + 1;
  }
  return undefined;
}

/**
 * The character data of an element's content [from, to): CDATA sections taken as they stand, entity and character
 * references replaced, line ends normalised to LF (as every XML parser does), comments left out.
 */
export function characterData(buf: Buffer, from: number, to: number): string {
  let plain = true;
  for (let i = from; i < to; i++) {
    const c = buf[i];
    if (c === LT || c === AMP || c === 13) {
      plain = false;
      break;
    }
  }
  if (plain) return buf.utf8Slice(from, to);
  let out = "";
  let at = from;
  while (at < to) {
    const lt = find(buf, LT, at, to);
    const textEnd = lt < 0 ? to : lt;
    if (textEnd > at) out += decodeReferences(buf.utf8Slice(at, textEnd));
    if (lt < 0) break;
    const end = markupEnd(buf, lt);
    if (end < 0 || end > to) break;
    if (buf[lt + 1] === BANG && buf[lt + 2] === 0x5b) out += buf.utf8Slice(lt + 9, end - 3).replace(LINE_ENDS, "\n");
    at = end;
  }
  return out;
}

const T = Buffer.from("t"),
  R_PH = Buffer.from("rPh"),
  SPACE = Buffer.from("space");

/**
 * The text of a string item (`<si>`) or inline string (`<is>`) whose content is [from, to): its `<t>` elements in
 * order, rich-text runs joined, phonetic guides (`<rPh>`, furigana) left out, as Excel shows the cell. A `<t>`
 * without `xml:space="preserve"` (on itself or on the item) loses its leading and trailing white space, as in Excel;
 * `_xHHHH_` escapes are decoded last.
 */
export function richText(buf: Buffer, from: number, to: number, preserve: boolean): string {
  let out = "";
  for (let lt = find(buf, LT, from, to); lt >= 0 && lt < to; lt = find(buf, LT, lt + 1, to)) {
    if (isSpecialMarkup(buf, lt)) {
      const end = markupEnd(buf, lt);
      if (end < 0) break;
      lt = end - 1;
      continue;
    }
    if (buf[lt + 1] === SLASH) continue;
    const gt = tagEnd(buf, lt);
    if (gt < 0 || gt >= to) break;
    const start = lt + 1;
    const end = nameEnd(buf, start);
    const local = localStart(buf, start, end);
    const selfClosing = buf[gt - 1] === SLASH;
    if (sameBytes(buf, local, end, R_PH)) {
      if (selfClosing) continue;
      const close = closingTag(buf, gt + 1, R_PH, to);
      if (close < 0) break;
      lt = close;
      continue;
    }
    if (!sameBytes(buf, local, end, T) || selfClosing) {
      lt = gt;
      continue;
    }
    const close = closingTag(buf, gt + 1, T, to);
    if (close < 0) break;
    const text = characterData(buf, gt + 1, close);
    const space = attributeBytes(buf, lt, gt, SPACE);
    out += space === "preserve" || (space === undefined && preserve) ? text : trimXmlSpace(text);
    lt = close;
  }
  return unescapeExcel(out);
}

/** XML white space (space, tab, line feed, carriage return) off both ends; other spaces (U+3000) stay. */
function trimXmlSpace(s: string): string {
  let a = 0,
    b = s.length;
  while (a < b && isXmlSpace(s.charCodeAt(a))) a++;
  while (b > a && isXmlSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
