/** Reading SpreadsheetML text back: XML entities and Excel's `_xHHHH_` escapes. */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const EXCEL_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/** The text an element or attribute holds. */
export function unescapeXml(raw: string): string {
  let s = raw.indexOf("&") < 0 ? raw : raw.replace(ENTITY, (_, hex, dec, name) =>
    name ? NAMED[name] : String.fromCodePoint(hex ? parseInt(hex, 16) : parseInt(dec, 10)));
  if (s.indexOf("_x") >= 0) s = s.replace(EXCEL_ESCAPE, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** The value of attribute `name` in a start tag's text, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** Every start tag `<name …>` (or `<prefix:name …>`) in a small XML document, as the tag's text. */
export function tagsNamed(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])[^>]*>`, "g");
  return xml.match(re) ?? [];
}
