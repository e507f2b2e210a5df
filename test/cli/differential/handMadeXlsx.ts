/**
 * Workbooks written by hand, part by part, for the shapes other writers produce and ours never does: namespace
 * prefixes, CDATA, empty values, ISO dates, the 1904 system, Strict namespaces, chart sheets, odd part names. Each
 * part is plain XML text given by the test; this file only supplies the parts every package needs and zips them.
 */

import { strToU8, zipSync, type Zippable } from "fflate";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface HandSheet {
  name: string;
  /** The sheet part's XML, whole (its root element as the test wants it). */
  xml: string;
  kind?: "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";
  state?: "hidden" | "veryHidden";
  /** Part name (default xl/worksheets/sheetN.xml, or xl/chartsheets/… for a chart sheet). */
  path?: string;
}

export interface HandWorkbook {
  sheets: HandSheet[];
  /** The `<si>` items of the shared strings table (omit for none). */
  sharedStrings?: string[];
  /** The styles part's XML, whole. */
  styles?: string;
  /** Extra XML inside `<workbook>` before `<sheets>` (e.g. `<workbookPr date1904="1"/>`). */
  workbookPr?: string;
  strict?: boolean;
  /** Rewrites of the finished parts (part name → new name or content), for odd packages. */
  tweak?: (files: Record<string, string>) => Record<string, string>;
}

/** A date-formats-and-more styles part: cellXfs index k uses numFmtIds[k] (custom codes from 164 on). */
export function stylesXml(numFmts: { id: number; code: string }[], numFmtIds: number[], ns = MAIN): string {
  const fmts = numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`).join("");
  const xfs = numFmtIds
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
    .join("");
  return (
    `${HEAD}<styleSheet xmlns="${ns}">` +
    (fmts ? `<numFmts count="${numFmts.length}">${fmts}</numFmts>` : "") +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${numFmtIds.length}">${xfs}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** A worksheet part with these rows (each row's inner XML), in the main namespace, no prefix. */
export function sheetXml(rows: string[], ns = MAIN): string {
  return `${HEAD}<worksheet xmlns="${ns}" xmlns:r="${REL}"><sheetData>${rows.map((r, k) => `<row r="${k + 1}">${r}</row>`).join("")}</sheetData></worksheet>`;
}

/** The parts of the workbook, by part name. */
export function workbookParts(wb: HandWorkbook): Record<string, string> {
  const strict = wb.strict === true;
  const main = strict ? STRICT_MAIN : MAIN;
  const rel = strict ? STRICT_REL : REL;
  const relType = (t: string) =>
    strict ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${t}` : `${REL}/${t}`;
  const files: Record<string, string> = {};
  const overrides: string[] = [];
  const rels: string[] = [];
  const sheetTags: string[] = [];
  wb.sheets.forEach((s, k) => {
    const kind = s.kind ?? "worksheet";
    const path = s.path ?? `xl/${kind}s/sheet${k + 1}.xml`;
    files[path] = s.xml;
    // Excel 4 macro sheets have a Microsoft relationship type and content type of their own.
    const contentType =
      kind === "macrosheet"
        ? "application/vnd.ms-excel.macrosheet+xml"
        : `application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml`;
    const type =
      kind === "macrosheet" ? "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" : relType(kind);
    overrides.push(`<Override PartName="/${path}" ContentType="${contentType}"/>`);
    rels.push(`<Relationship Id="rId${k + 1}" Type="${type}" Target="${path.replace(/^xl\//, "")}"/>`);
    sheetTags.push(
      `<sheet name="${escapeAttr(s.name)}" sheetId="${k + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${k + 1}"/>`,
    );
  });
  if (wb.sharedStrings) {
    files["xl/sharedStrings.xml"] =
      `${HEAD}<sst xmlns="${main}" count="${wb.sharedStrings.length}" uniqueCount="${wb.sharedStrings.length}">${wb.sharedStrings.map((si) => `<si>${si}</si>`).join("")}</sst>`;
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
    rels.push(`<Relationship Id="rIdS" Type="${relType("sharedStrings")}" Target="sharedStrings.xml"/>`);
  }
  if (wb.styles) {
    files["xl/styles.xml"] = wb.styles;
    overrides.push(
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    );
    rels.push(`<Relationship Id="rIdT" Type="${relType("styles")}" Target="styles.xml"/>`);
  }
  files["xl/workbook.xml"] =
    `${HEAD}<workbook xmlns="${main}" xmlns:r="${rel}">${wb.workbookPr ?? ""}<sheets>${sheetTags.join("")}</sheets></workbook>`;
  files["xl/_rels/workbook.xml.rels"] = `${HEAD}<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`;
  files["_rels/.rels"] =
    `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${relType("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`;
  files["[Content_Types].xml"] =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `${overrides.join("")}</Types>`;
  return wb.tweak ? wb.tweak(files) : files;
}

/** The workbook as .xlsx bytes. */
export function handMadeXlsx(wb: HandWorkbook): Buffer {
  return zipParts(workbookParts(wb));
}

export function zipParts(files: Record<string, string | Uint8Array>): Buffer {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files))
    zippable[name] = typeof content === "string" ? strToU8(content) : content;
  return Buffer.from(zipSync(zippable, { level: 6 }));
}
