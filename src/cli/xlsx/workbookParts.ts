import { posix } from "path";
import { numberFormat, type NumberFormat } from "./numberFormat";
import type { OpcPackage, Relationship } from "./opcPackage";
import { attribute, booleanAttribute, childNamed, childrenNamed, type XmlElement } from "./xmlText";

/** What a tab of the workbook holds: cells (a worksheet), or a chart, a dialog or Excel 4 macros. */
type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";

export interface SheetInfo {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  kind: SheetKind;
  /** Name of its part inside the package; undefined when the workbook points at none. */
  path: string | undefined;
}

export interface WorkbookParts {
  /** The workbook part's name ("xl/workbook.xml" as most writers name it). */
  workbookPath: string;
  sheets: SheetInfo[];
  date1904: boolean;
  /** The shared strings part, when the workbook has one. */
  sharedStringsPath: string | undefined;
  /** Per cell style index: its number format code ("" for General), as the output workbook keeps it. */
  styleFormats: string[];
  /** Per cell style index: the format, read (what a number in such a cell shows as). */
  styleNumberFormats: NumberFormat[];
}

// Transitional and Strict namespaces of the relationship id on <sheet r:id="…">.
const RELATIONSHIP_NS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

const SHEET_KINDS: Record<string, SheetKind> = {
  worksheet: "worksheet",
  chartsheet: "chartsheet",
  dialogsheet: "dialogsheet",
  xlmacrosheet: "macrosheet",
  xlintlmacrosheet: "macrosheet",
};

/** The workbook part named by the package's officeDocument relationship (or where most writers put it). */
export function workbookPath(pkg: OpcPackage): string | undefined {
  const rel = pkg.relationships("").find((r) => r.type === "officedocument" && r.target !== undefined);
  if (rel?.target && pkg.has(rel.target)) return rel.target;
  return pkg.has("xl/workbook.xml") ? "xl/workbook.xml" : rel?.target;
}

/** The workbook's sheets (in tab order), date system, shared strings part and number formats. */
export function workbookParts(pkg: OpcPackage, path: string, workbook: XmlElement): WorkbookParts {
  const rels = pkg.relationships(path);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = childrenNamed(childNamed(workbook, "sheets"), "sheet").map((sheet): SheetInfo => {
    const rel = byId.get(relationshipId(sheet) ?? "");
    return {
      name: attribute(sheet, "name") ?? "",
      state: attribute(sheet, "state") ?? "visible",
      kind: sheetKind(pkg, rel),
      path: rel?.target,
    };
  });
  const { formats, read } = styles(pkg, partOfType(pkg, rels, "styles", path));
  return {
    workbookPath: path,
    sheets,
    date1904: booleanAttribute(childNamed(workbook, "workbookPr"), "date1904", false),
    sharedStringsPath: partOfType(pkg, rels, "sharedstrings", path),
    styleFormats: formats,
    styleNumberFormats: read,
  };
}

/** `r:id`, whatever the prefix: by namespace, else any prefixed `id` (a writer's own prefix for the same URI). */
function relationshipId(sheet: XmlElement): string | undefined {
  return (
    attribute(sheet, "id", RELATIONSHIP_NS) ?? sheet.attributes.find((a) => a.local === "id" && a.ns !== "")?.value
  );
}

/** The kind the relationship names; without one, the kind the part's root element says. */
function sheetKind(pkg: OpcPackage, rel: Relationship | undefined): SheetKind {
  const byType = rel ? SHEET_KINDS[rel.type] : undefined;
  if (byType) return byType;
  const root = rel?.target ? pkg.xml(rel.target) : undefined;
  if (root?.local === "chartsheet" || root?.local === "dialogsheet") return root.local;
  if (root?.local === "macrosheet") return "macrosheet";
  return "worksheet";
}

/** The workbook's part of a type (shared strings, styles); a part of the usual name when no relationship says. */
function partOfType(pkg: OpcPackage, rels: Relationship[], type: string, workbook: string): string | undefined {
  const rel = rels.find((r) => r.type === type && r.target !== undefined && pkg.has(r.target));
  if (rel) return rel.target;
  const usual = posix.join(posix.dirname(workbook), type === "styles" ? "styles.xml" : "sharedStrings.xml");
  return pkg.has(usual) ? usual : undefined;
}

/**
 * Built-in number formats (ECMA-376 §18.8.30) that styles refer to by id alone. Ids 27–36 and 50–58 are East Asian
 * and depend on the locale; the codes here are Simplified Chinese Excel's.
 */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Number format code and reading per cell style (`cellXfs`; the formats of conditional formats are not cells'). */
function styles(pkg: OpcPackage, path: string | undefined): { formats: string[]; read: NumberFormat[] } {
  const root = path ? pkg.xml(path) : undefined;
  const custom = new Map<number, string>();
  for (const f of childrenNamed(childNamed(root, "numFmts"), "numFmt")) {
    custom.set(Number(attribute(f, "numFmtId")), attribute(f, "formatCode") ?? "");
  }
  const formats: string[] = [];
  const read: NumberFormat[] = [];
  const cache = new Map<string, NumberFormat>();
  for (const xf of childrenNamed(childNamed(root, "cellXfs"), "xf")) {
    const id = Number(attribute(xf, "numFmtId") ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? "";
    let format = cache.get(code);
    if (!format) cache.set(code, (format = numberFormat(code)));
    formats.push(code);
    read.push(format);
  }
  return { formats, read };
}
