import { constants } from "zlib";
import { CLI_TEXTS } from "../i18n/cli";
import { columnLetters, DATE_FORMAT, gradeFill, summaryLabels, type Lang, type SummaryLayout } from "../engine";
import type { OutputPlan } from "./outputPlan";
import type { Progress } from "./progress";
import { SUMMARY_TEXTS } from "./texts";
import { ByteWriter } from "./xlsx/byteWriter";
import {
  contentTypes,
  inlineText,
  MAIN_NS,
  PKG_REL_NS,
  REL_NS,
  ROOT_RELS,
  serialOfDate,
  XML_HEAD,
  xmlText,
} from "./xlsx/sheetXml";
import { displayWidth } from "./textWidth";
import { summarySheetXml } from "./xlsx/summarySheetXml";
import { ZipFile } from "./xlsx/zipFile";

/** The width of a column of long text (the note). */
const WIDE_WIDTH = 60;
/** Rows turned into sheet XML per piece handed to the compressor (about 1 MB). */
const ROWS_PER_PIECE = 4096;

/**
 * A real workbook, streamed to disk: bold header row frozen at the top, dates as date cells, scores as numbers, the
 * input's number formats kept, grade cells coloured by conditional formats. The sheet XML is written directly (one
 * shared style per column, not an object per cell) and compressed by zlib on the second core while the next rows are
 * built, so a million rows take seconds and memory stays flat.
 */
export async function writeXlsxFile(
  path: string,
  plan: OutputPlan,
  lang: Lang,
  progress: Progress,
  summary?: SummaryLayout,
): Promise<void> {
  const zip = new ZipFile(path, constants.Z_BEST_SPEED);
  try {
    const styles = new StyleTable(plan.formats);
    const sheetNames = [CLI_TEXTS[lang].sheets.grades];
    if (summary) sheetNames.push(summaryLabels(lang).title);
    await zip.addEntry("[Content_Types].xml", contentTypes(sheetNames.length));
    await zip.addEntry("_rels/.rels", ROOT_RELS);
    await zip.addEntry("xl/workbook.xml", workbookXml(sheetNames));
    await zip.addEntry("xl/_rels/workbook.xml.rels", workbookRels(sheetNames.length));
    zip.openEntry("xl/worksheets/sheet1.xml");
    await writeSheet(zip, plan, styles, progress);
    await zip.closeEntry();
    // The summary sheet: the same layout the add-in writes, rendered by its own module.
    if (summary)
      await zip.addEntry(
        "xl/worksheets/sheet2.xml",
        summarySheetXml(summary, (f, bold) => styles.styleOf(f, bold)),
      );
    await zip.addEntry("xl/styles.xml", styles.xml(gradeFills(plan.grades ?? [])));
    zip.finish();
  } catch (err) {
    zip.abandon();
    throw err;
  }
}

async function writeSheet(zip: ZipFile, plan: OutputPlan, styles: StyleTable, progress: Progress): Promise<void> {
  const width = plan.headers.length;
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  const lastRow = plan.rowCount + 1;
  const results = plan.results;
  const inputWidth = width - results.width;
  const cols = plan.headers
    .map((header, c) => {
      const wide = c >= inputWidth && results.columns[c - inputWidth].wide;
      const w = wide ? WIDE_WIDTH : Math.min(40, Math.max(10, displayWidth(header) + 2));
      return `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`;
    })
    .join("");
  await zip.write(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<dimension ref="A1:${letters[width - 1]}${lastRow}"/>` +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`,
  );
  let header = `<row r="1">`;
  for (let c = 0; c < width; c++)
    header += `<c r="${letters[c]}1" s="${BOLD_STYLE}" t="inlineStr">${inlineText(plan.headers[c])}</c>`;
  await zip.write(header + "</row>");

  const columnStyle = plan.formats.map((f) => (f ? styles.styleOf(f) : 0));
  const dateStyle = styles.styleOf(DATE_FORMAT);
  const refs = letters.map((l) => Buffer.from(`<c r="${l}`));
  // Result cells that depend only on the scores or the grade (and the comparison) are made once per combination.
  const segments = results.segments;
  const cached = segments.map((): ((Buffer | null)[] | undefined)[] => []);
  const w = new ByteWriter();
  const scratch = new ByteWriter(4096);
  const cellBody = (v: unknown, c: number): Buffer | null => {
    scratch.at = 0;
    return writeCellBody(scratch, v, columnStyle[c], dateStyle)
      ? Buffer.from(scratch.buf.subarray(0, scratch.at))
      : null;
  };
  for (let from = 0; from < plan.rowCount; from += ROWS_PER_PIECE) {
    const to = Math.min(from + ROWS_PER_PIECE, plan.rowCount);
    for (let i = from; i < to; i++) {
      const r = i + 2;
      const values = plan.inputValues(i);
      w.bytes(ROW_OPEN);
      w.uint(r);
      w.bytes(TAG_END_QUOTE);
      for (let c = 0; c < inputWidth; c++) writeCell(w, refs[c], r, values[c], columnStyle[c], dateStyle);
      for (let s = 0; s < segments.length; s++) {
        const segment = segments[s];
        const first = inputWidth + segment.start;
        if (segment.key === undefined) {
          const own = segment.columns;
          for (let k = 0; k < own.length; k++)
            writeCell(w, refs[first + k], r, results.cellValue(own[k], i), columnStyle[first + k], dateStyle);
          continue;
        }
        const key = segment.key(i);
        let bodies = cached[s][key];
        if (bodies === undefined) {
          bodies = results.segmentValues(segment, i).map((v, k) => cellBody(v, first + k));
          cached[s][key] = bodies;
        }
        for (let k = 0; k < bodies.length; k++) {
          const body = bodies[k];
          if (body === null) continue;
          w.bytes(refs[first + k]);
          w.uint(r);
          w.bytes(QUOTE);
          w.bytes(body);
          w.bytes(CELL_CLOSE);
        }
      }
      w.bytes(ROW_CLOSE);
    }
    await zip.write(w.take());
    progress.step(SUMMARY_TEXTS.writing, to, plan.rowCount);
  }
  await zip.write(
    `</sheetData>${gradeRules(plan, letters, lastRow)}` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
}

/** One cell (`ref` is `<c r="` and its column's letters); nothing for an empty value or one without a cell form. */
export function writeCell(w: ByteWriter, ref: Buffer, row: number, v: unknown, style: number, dateStyle: number): void {
  if (v === null || v === undefined || v === "") return;
  const mark = w.at;
  w.bytes(ref);
  w.uint(row);
  w.bytes(QUOTE);
  if (writeCellBody(w, v, style, dateStyle)) w.bytes(CELL_CLOSE);
  else w.at = mark;
}

const ascii = (s: string) => Buffer.from(s, "latin1");
const ROW_OPEN = ascii('<row r="');
const TAG_END_QUOTE = ascii('">');
const QUOTE = ascii('"');
const CELL_CLOSE = ascii("</c>");
const ROW_CLOSE = ascii("</row>");
const STYLE = ascii(' s="');
const NUMBER_OPEN = ascii("><v>");
const NUMBER_CLOSE = ascii("</v>");
const TEXT_OPEN = ascii(' t="inlineStr"><is><t>');
const TEXT_OPEN_SPACES = ascii(' t="inlineStr"><is><t xml:space="preserve">');
const TEXT_CLOSE = ascii("</t></is>");

/**
 * A cell's attributes and content after `<c r="A1"` (the caller closes it with `</c>`); false for a value that has no
 * cell form (nothing is written then).
 */
function writeCellBody(w: ByteWriter, value: unknown, style: number, dateStyle: number): boolean {
  switch (typeof value) {
    case "number":
      // Infinity and NaN have no cell form; such values are "not a number" to the engine and never written.
      if (!Number.isFinite(value)) return false;
      writeStyle(w, style);
      w.bytes(NUMBER_OPEN);
      if (Number.isInteger(value) && value >= 0 && value < 1e15) w.uint(value);
      else w.ascii(String(value));
      w.bytes(NUMBER_CLOSE);
      return true;
    case "string":
      writeStyle(w, style);
      writeText(w, value);
      return true;
    case "boolean":
      writeStyle(w, style);
      w.ascii(` t="b"><v>${value ? 1 : 0}</v>`);
      return true;
    default:
      break;
  }
  if (value === null || value === undefined) return false;
  if (value instanceof Date) {
    const serial = serialOfDate(value);
    if (serial === null) return false;
    writeStyle(w, style === 0 ? dateStyle : style);
    w.bytes(NUMBER_OPEN);
    w.ascii(String(serial));
    w.bytes(NUMBER_CLOSE);
    return true;
  }
  const error = (value as { error?: unknown }).error;
  writeStyle(w, style);
  if (typeof error === "string") w.utf8(` t="e"><v>${xmlText(error)}</v>`);
  else writeText(w, String(value));
  return true;
}

function writeStyle(w: ByteWriter, style: number): void {
  if (style === 0) return;
  w.bytes(STYLE);
  w.uint(style);
  w.bytes(QUOTE);
}

/** An inline string; plain ASCII text (ids, grade letters) is copied byte by byte without building a new string. */
function writeText(w: ByteWriter, text: string): void {
  const n = text.length;
  if (n > 0 && n < 256 && !isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(n - 1))) {
    w.bytes(TEXT_OPEN);
    w.ensure(n);
    const buf = w.buf;
    const start = w.at;
    let at = start,
      plain = true;
    for (let k = 0; k < n; k++) {
      const ch = text.charCodeAt(k);
      // Anything that may need escaping, and anything beyond ASCII, takes the general path.
      if (ch < 32 || ch > 126 || ch === 38 || ch === 60 || ch === 62 || ch === 95) {
        plain = false;
        break;
      }
      buf[at++] = ch;
    }
    if (plain) {
      w.at = at;
      w.bytes(TEXT_CLOSE);
      return;
    }
    w.at = start - TEXT_OPEN.length;
  }
  const edge = n > 0 && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(n - 1)));
  w.bytes(edge ? TEXT_OPEN_SPACES : TEXT_OPEN);
  w.utf8(xmlText(text));
  w.bytes(TEXT_CLOSE);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** One conditional format per grade on the grade column: colours follow the values when the user sorts or edits. */
function gradeRules(plan: OutputPlan, letters: string[], lastRow: number): string {
  const grades = plan.grades ?? [];
  const column = plan.gradeColumn;
  if (grades.length === 0 || column === undefined || lastRow < 2) return "";
  const rules = grades
    .map(
      (g, i) =>
        `<cfRule type="cellIs" dxfId="${i}" priority="${i + 1}" operator="equal"><formula>${xmlText(`"${g.replace(/"/g, '""')}"`)}</formula></cfRule>`,
    )
    .join("");
  return `<conditionalFormatting sqref="${letters[column]}2:${letters[column]}${lastRow}">${rules}</conditionalFormatting>`;
}

export function gradeFills(grades: readonly string[]): string[] {
  return grades.map((_, i) => gradeFill(i));
}

export const BOLD_STYLE = 1;

/** Cell styles: 0 plain, 1 bold (the header), then one per number format (and weight) in use. */
export class StyleTable {
  private readonly formats: string[] = [];
  private readonly styles: { format: number; bold: boolean }[] = [];

  constructor(columnFormats: readonly (string | undefined)[]) {
    for (const f of columnFormats) if (f) this.styleOf(f);
  }

  styleOf(format: string | undefined, bold = false): number {
    // General is every cell's format without a style.
    if (!format || format === "General") return bold ? BOLD_STYLE : 0;
    let f = this.formats.indexOf(format);
    if (f < 0) f = this.formats.push(format) - 1;
    let k = this.styles.findIndex((s) => s.format === f && s.bold === bold);
    if (k < 0) k = this.styles.push({ format: f, bold }) - 1;
    return 2 + k;
  }

  xml(fills: readonly string[]): string {
    const numFmts = this.formats.map((f, k) => `<numFmt numFmtId="${164 + k}" formatCode="${xmlText(f)}"/>`).join("");
    const xfs = this.styles
      .map(
        (s) =>
          `<xf numFmtId="${164 + s.format}" fontId="${s.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${s.bold ? ' applyFont="1"' : ""}/>`,
      )
      .join("");
    const dxfs = fills
      .map((rgb) => `<dxf><fill><patternFill><bgColor rgb="FF${rgb}"/></patternFill></fill></dxf>`)
      .join("");
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
      (this.formats.length ? `<numFmts count="${this.formats.length}">${numFmts}</numFmts>` : "") +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
      `<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${2 + this.styles.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
      `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="${fills.length}">${dxfs}</dxfs></styleSheet>`
    );
  }
}

const sheetNumbers = (count: number) => Array.from({ length: count }, (_, k) => k + 1);

/** Sheet n is relationship rIdn; the styles come after them. */
export function workbookRels(sheets: number): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    sheetNumbers(sheets)
      .map((n) => `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`)
      .join("") +
    `<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
  );
}

export function workbookXml(sheetNames: readonly string[]): string {
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
    sheetNames.map((name, k) => `<sheet name="${xmlText(name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join("") +
    `</sheets></workbook>`
  );
}
