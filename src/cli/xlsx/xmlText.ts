/**
 * Reading SpreadsheetML text: Excel's `_xHHHH_` escapes, and a small namespace-aware XML reader for the parts that
 * are small (package relationships, the workbook, styles). Elements are found by local name, so any prefix works,
 * and attributes that depend on their namespace (`r:id`, however prefixed) are read by namespace.
 */

import { decodeReferences } from "./xmlEscapes";

interface XmlAttribute {
  local: string;
  /** Namespace URI; "" for an attribute without prefix. */
  ns: string;
  value: string;
}

export interface XmlElement {
  local: string;
  ns: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own character data (CDATA included), children's left out. */
  text: string;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const TAG = /^<(\/?)([^\s/>]+)([^>]*?)(\/?)>$/s;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The document element of a small XML text (a part), or undefined when the text holds no element. */
export function parseXml(xml: string): XmlElement | undefined {
  const root: XmlElement = { local: "", ns: "", attributes: [], children: [], text: "" };
  const stack: Open[] = [{ element: root, scope: new Map([["xml", XML_NS]]), qname: "" }];
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    const top = stack[stack.length - 1];
    if (lt < 0 || lt > at) top.element.text += decodeReferences(xml.slice(at, lt < 0 ? xml.length : lt));
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      at = endOf(xml, "-->", lt);
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = endOf(xml, "]]>", lt);
      top.element.text += xml.slice(lt + 9, end - 3).replace(/\r\n?/g, "\n");
      at = end;
      continue;
    }
    if (xml.startsWith("<?", lt)) {
      at = endOf(xml, "?>", lt);
      continue;
    }
    if (xml.startsWith("<!", lt)) {
      at = declarationEnd(xml, lt);
      continue;
    }
    const gt = tagEnd(xml, lt);
    const m = TAG.exec(xml.slice(lt, gt + 1));
    at = gt + 1;
    if (!m) continue;
    const [, closing, qname, rest, selfClosing] = m;
    if (closing) {
      // Unbalanced end tags are passed over rather than closing the wrong element.
      const i = findOpen(stack, qname);
      if (i > 0) stack.length = i;
      continue;
    }
    const scope = new Map(top.scope);
    const raw: [string, string][] = [];
    for (const a of rest.matchAll(ATTRIBUTE)) {
      const value = decodeReferences(a[2] ?? a[3]).replace(/[\t\n]/g, " ");
      if (a[1] === "xmlns") scope.set("", value);
      else if (a[1].startsWith("xmlns:")) scope.set(a[1].slice(6), value);
      else raw.push([a[1], value]);
    }
    const [prefix, local] = split(qname);
    const element: XmlElement = {
      local,
      ns: scope.get(prefix) ?? "",
      attributes: raw.map(([name, value]) => {
        const [p, l] = split(name);
        return { local: l, ns: p === "" ? "" : (scope.get(p) ?? p), value };
      }),
      children: [],
      text: "",
    };
    top.element.children.push(element);
    if (!selfClosing) stack.push({ element, scope, qname });
  }
  return root.children[0];
}

/** An element not yet closed, with the namespace prefixes in force inside it. */
interface Open {
  element: XmlElement;
  scope: Map<string, string>;
  qname: string;
}

function findOpen(stack: Open[], qname: string): number {
  for (let i = stack.length - 1; i > 0; i--) if (stack[i].qname === qname) return i;
  return -1;
}

function split(qname: string): [string, string] {
  const colon = qname.indexOf(":");
  return colon < 0 ? ["", qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

function endOf(xml: string, what: string, from: number): number {
  const at = xml.indexOf(what, from);
  return at < 0 ? xml.length : at + what.length;
}

function declarationEnd(xml: string, lt: number): number {
  let depth = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const c = xml[i];
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === ">" && depth <= 0) return i + 1;
  }
  return xml.length;
}

function tagEnd(xml: string, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml[i];
    if (c === ">") return i;
    if (c === '"' || c === "'") {
      const close = xml.indexOf(c, i + 1);
      if (close < 0) return xml.length - 1;
      i = close;
    }
  }
  return xml.length - 1;
}

/** The attribute with this local name: without namespace, or in one of the namespaces given. */
export function attribute(element: XmlElement, local: string, namespaces?: readonly string[]): string | undefined {
  for (const a of element.attributes) {
    if (a.local !== local) continue;
    if (namespaces ? namespaces.includes(a.ns) : a.ns === "") return a.value;
  }
  return undefined;
}

export function childrenNamed(element: XmlElement | undefined, local: string): XmlElement[] {
  return element ? element.children.filter((c) => c.local === local) : [];
}

export function childNamed(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((c) => c.local === local);
}

/**
 * An xsd:boolean attribute ("1"/"true", "0"/"false", with white space around allowed), or the default when absent
 * or unreadable.
 */
export function booleanAttribute(element: XmlElement | undefined, local: string, byDefault: boolean): boolean {
  const v = element ? attribute(element, local)?.trim() : undefined;
  if (v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  return byDefault;
}
