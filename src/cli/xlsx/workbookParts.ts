import { posix } from "path";
import { entryBytes, NotAZip, type ZipEntry } from "./zipEntries";
import { attribute, tagsNamed, unescapeXml } from "./xmlText";

export interface SheetInfo {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** Path of its XML inside the zip. */
  path: string;
}

export interface WorkbookParts {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings: string[];
  /** Per cell style index: its number format code ("" for General) and whether that format shows a date. */
  styleFormats: string[];
  styleIsDate: boolean[];
}

type Entries = Map<string, ZipEntry>;

const text = (bytes: Buffer, entries: Entries, name: string): string | undefined => {
  const entry = entries.get(name);
  return entry ? entryBytes(bytes, entry).toString("utf8") : undefined;
};

/** The workbook's sheets (in tab order), date system, shared strings and number formats. */
export function workbookParts(bytes: Buffer, entries: Entries): WorkbookParts {
  const workbookPath = officeDocumentPath(bytes, entries);
  const workbook = text(bytes, entries, workbookPath);
  if (workbook === undefined) throw new NotAZip("no workbook part");
  const rels = relationships(text(bytes, entries, relsPathOf(workbookPath)) ?? "", posix.dirname(workbookPath));
  const pr = tagsNamed(workbook, "workbookPr")[0];
  const date1904Attr = pr ? attribute(pr, "date1904") : undefined;
  const sheets = tagsNamed(workbook, "sheet").map((tag) => ({
    name: attribute(tag, "name") ?? "",
    state: attribute(tag, "state") ?? "visible",
    path: rels.get(attribute(tag, "r:id") ?? "") ?? "",
  }));
  const sstPath = [...rels.values()].find((p) => /sharedStrings\d*\.xml$/i.test(p));
  const stylesPath = [...rels.values()].find((p) => /styles\d*\.xml$/i.test(p));
  const { formats, isDate } = styles(stylesPath ? text(bytes, entries, stylesPath) : undefined);
  return {
    sheets,
    date1904: date1904Attr === "1" || date1904Attr === "true",
    sharedStrings: sharedStrings(sstPath ? text(bytes, entries, sstPath) : undefined),
    styleFormats: formats,
    styleIsDate: isDate,
  };
}

function officeDocumentPath(bytes: Buffer, entries: Entries): string {
  const root = text(bytes, entries, "_rels/.rels");
  if (root) {
    for (const tag of tagsNamed(root, "Relationship")) {
      if ((attribute(tag, "Type") ?? "").endsWith("/officeDocument")) return (attribute(tag, "Target") ?? "").replace(/^\//, "");
    }
  }
  return "xl/workbook.xml";
}

function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), "_rels", posix.basename(part) + ".rels");
}

/** Relationship id → part path (targets are relative to the part's folder, or absolute from the zip's root). */
function relationships(xml: string, base: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const tag of tagsNamed(xml, "Relationship")) {
    const target = attribute(tag, "Target") ?? "";
    map.set(attribute(tag, "Id") ?? "", target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(base, target)));
  }
  return map;
}

const SI = /<(?:\w+:)?si(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si(?:\s[^>]*)?\/>/g;

/** The shared strings table: each item's text runs joined, phonetic (furigana) runs left out. */
function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(SI)) out.push(m[1] === undefined ? "" : runsText(m[1]));
  return out;
}

const RPH = /<(?:\w+:)?rPh[\s>][\s\S]*?<\/(?:\w+:)?rPh>/g;
const T = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;

/** The text of a string item or inline string (`<t>` elements, rich-text runs). */
export function runsText(inner: string): string {
  // One plain <t> element, as most writers store a cell's text.
  if (inner.startsWith("<t") && inner.endsWith("</t>")) {
    const gt = inner.indexOf(">");
    const text = inner.substring(gt + 1, inner.length - 4);
    if (gt > 0 && text.indexOf("<") < 0) return unescapeXml(text);
  }
  const body = inner.indexOf("rPh") >= 0 ? inner.replace(RPH, "") : inner;
  let s = "";
  for (const m of body.matchAll(T)) s += m[1];
  return unescapeXml(s);
}

// Built-in number formats that carry meaning for the output workbook (ECMA-376 §18.8.30); ids 27–36 and 50–58 are
// the East Asian date formats, whose codes depend on the locale.
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
  21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};
const EAST_ASIAN_DATE_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function styles(xml: string | undefined): { formats: string[]; isDate: boolean[] } {
  if (!xml) return { formats: [], isDate: [] };
  const custom = new Map<number, string>();
  for (const tag of tagsNamed(xml, "numFmt")) custom.set(Number(attribute(tag, "numFmtId")), attribute(tag, "formatCode") ?? "");
  const cellXfs = /<(?:\w+:)?cellXfs[\s>][\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml)?.[0] ?? "";
  const formats: string[] = [], isDate: boolean[] = [];
  for (const tag of tagsNamed(cellXfs, "xf")) {
    const id = Number(attribute(tag, "numFmtId") ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? (EAST_ASIAN_DATE_IDS.has(id) ? "yyyy-mm-dd" : "");
    formats.push(code);
    isDate.push(EAST_ASIAN_DATE_IDS.has(id) || (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || isDateFormat(code));
  }
  return { formats, isDate };
}

/** A format that shows a date or time: date letters outside quoted text and [bracketed] parts (as ExcelJS decides). */
function isDateFormat(code: string): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}
