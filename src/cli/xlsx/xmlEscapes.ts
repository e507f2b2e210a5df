/**
 * The two ways SpreadsheetML text is escaped, decoded: XML's entity and character references, and Excel's own
 * `_xHHHH_` escapes for characters XML cannot hold. Both the byte-level reader (large parts) and the small-part XML
 * reader decode text through these, so a cell's text reads the same whichever part holds it.
 */

const EXCEL_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/**
 * Excel's escapes for characters XML cannot hold (`_x000D_` is a carriage return; `_x005F_` an underscore, so that
 * `_x005F_x000D_` reads as the text "_x000D_"), decoded as Excel decodes them in cell text.
 */
export function unescapeExcel(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(EXCEL_ESCAPE, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

export const LINE_ENDS = /\r\n?/g;
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Entity and character references (a reference to no character stays as written), and line ends. */
export function decodeReferences(raw: string): string {
  const s = raw.indexOf("\r") < 0 ? raw : raw.replace(LINE_ENDS, "\n");
  if (s.indexOf("&") < 0) return s;
  return s.replace(REFERENCE, (whole, hex, dec, name) => {
    if (name) return NAMED[name];
    const code = hex ? parseInt(hex, 16) : parseInt(dec, 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
