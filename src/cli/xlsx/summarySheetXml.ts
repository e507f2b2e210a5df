/**
 * The summary sheet of `rfm grade … --out X.xlsx` as SpreadsheetML: the engine's summary layout (the one the add-in
 * writes with Office.js) turned into sheet XML. Bold rows and number formats become cell styles through `styleOf`,
 * the R × F map's area a colour-scale conditional format. The workbook writer adds it as a second sheet.
 */
import { columnLetters, type SheetArea, type SummaryLayout } from "../../engine";
import { inlineText, MAIN_NS, REL_NS } from "./sheetXml";

/** The cell style (an index into the workbook's cellXfs) for a number format (none = General) and weight. */
export type StyleOf = (format: string | undefined, bold: boolean) => number;

/** The colour scale of the add-in's summary: few customers white, many green. */
const SCALE_LOW = "FFFFFFFF";
const SCALE_HIGH = "FF63BE7B";

function inside(a: SheetArea, row: number, col: number): boolean {
  return row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols;
}

function ref(a: SheetArea): string {
  return `${columnLetters(a.col)}${a.row + 1}:${columnLetters(a.col + a.cols - 1)}${a.row + a.rows}`;
}

/** Column widths that fit the labels: the first column holds the longest ones; a Chinese character counts twice. */
function widths(layout: SummaryLayout): number[] {
  const w = new Array<number>(layout.width).fill(8);
  for (const row of layout.rows) {
    row.forEach((v, c) => {
      if (typeof v !== "string") return;
      let n = 0;
      for (const ch of v) n += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
      // Long single texts (rules, reasons, notes) run over the empty cells to their right instead of widening a column.
      if (row.slice(c + 1).every((x) => x === null)) return;
      w[c] = Math.max(w[c], Math.min(n + 2, 40));
    });
  }
  return w;
}

/** `drawing`: the relationship id of a drawing (a chart) shown on the sheet, if any. */
export function summarySheetXml(layout: SummaryLayout, styleOf: StyleOf, drawing?: string): string {
  const last = `${columnLetters(layout.width - 1)}${Math.max(1, layout.rows.length)}`;
  const cols = widths(layout)
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`,
  ];
  layout.rows.forEach((row, r) => {
    let xml = `<row r="${r + 1}">`;
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const bold = layout.bold.some((a) => inside(a, r, c));
      const format = layout.numberFormats.find((f) => inside(f.area, r, c))?.format;
      const style = styleOf(typeof v === "number" ? format : undefined, bold);
      const s = style === 0 ? "" : ` s="${style}"`;
      const at = `${columnLetters(c)}${r + 1}`;
      xml +=
        typeof v === "number"
          ? `<c r="${at}"${s}><v>${v}</v></c>`
          : `<c r="${at}"${s} t="inlineStr">${inlineText(v)}</c>`;
    });
    parts.push(xml + "</row>");
  });
  parts.push("</sheetData>");
  layout.colourScales.forEach((a, k) => {
    parts.push(
      `<conditionalFormatting sqref="${ref(a)}"><cfRule type="colorScale" priority="${k + 1}"><colorScale>` +
        `<cfvo type="min"/><cfvo type="max"/><color rgb="${SCALE_LOW}"/><color rgb="${SCALE_HIGH}"/></colorScale></cfRule>` +
        `</conditionalFormatting>`,
    );
  });
  parts.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  parts.push(drawing === undefined ? "</worksheet>" : `<drawing r:id="${drawing}"/></worksheet>`);
  return parts.join("");
}
