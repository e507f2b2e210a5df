/**
 * A grade history (RULES.md §13) as an .xlsx workbook: the history sheet (one row per customer, one grade per period
 * end, coloured by grade), the transitions sheet, and the summary sheet with the customers per grade at each period end
 * and a native stacked column chart of them. Streamed to disk like the grading's workbook.
 */
import { constants } from "zlib";
import {
  columnLetters,
  gradeFill,
  localeOf,
  historyGrades,
  historyHeaders,
  historyLabels,
  historySummaryLayout,
  summaryLabels,
  transitionTable,
  type GradeHistory,
  type HistoryFacts,
  type HistorySummaryLayout,
} from "../../engine";
import { displayWidth } from "../textWidth";
import { BOLD_STYLE, gradeFills, StyleTable, workbookRels, workbookXml, writeCell } from "../writeXlsx";
import { ByteWriter } from "./byteWriter";
import {
  CHART_TYPE,
  chartDrawingXml,
  DRAWING_TYPE,
  singleRelationship,
  stackedColumnChartXml,
  type CellRange,
} from "./chartXml";
import { contentTypes, inlineText, MAIN_NS, REL_NS, ROOT_RELS, xmlText } from "./sheetXml";
import { summarySheetXml } from "./summarySheetXml";
import { ZipFile } from "./zipFile";

/** Rows turned into sheet XML per piece handed to the compressor. */
const ROWS_PER_PIECE = 4096;
const PAGE_MARGINS = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;

export async function writeHistoryXlsx(
  path: string,
  h: GradeHistory,
  listed: Int32Array,
  facts: HistoryFacts,
): Promise<void> {
  const { lang } = facts;
  const labels = historyLabels(lang);
  const sheetNames = [labels.historySheet, labels.transitionsSheet, summaryLabels(lang).title];
  const zip = new ZipFile(path, constants.Z_BEST_SPEED);
  try {
    const styles = new StyleTable([]);
    const grades = h.profile.grades.map((g) => g.grade);
    await zip.addEntry(
      "[Content_Types].xml",
      contentTypes(sheetNames.length, [
        { part: "/xl/drawings/drawing1.xml", type: DRAWING_TYPE },
        { part: "/xl/charts/chart1.xml", type: CHART_TYPE },
      ]),
    );
    await zip.addEntry("_rels/.rels", ROOT_RELS);
    await zip.addEntry("xl/workbook.xml", workbookXml(sheetNames));
    await zip.addEntry("xl/_rels/workbook.xml.rels", workbookRels(sheetNames.length));
    zip.openEntry("xl/worksheets/sheet1.xml");
    await writeHistorySheet(zip, h, listed, facts);
    await zip.closeEntry();
    await zip.addEntry("xl/worksheets/sheet2.xml", transitionsSheetXml(h, facts, styles));
    const summary = historySummaryLayout(h, facts);
    await zip.addEntry(
      "xl/worksheets/sheet3.xml",
      summarySheetXml(summary, (f, bold) => styles.styleOf(f, bold), "rId1"),
    );
    await zip.addEntry(
      "xl/worksheets/_rels/sheet3.xml.rels",
      singleRelationship("drawing", "../drawings/drawing1.xml"),
    );
    const chart = perPeriodChart(summary, h, sheetNames[2], labels.chartTitle, localeOf(lang));
    await zip.addEntry("xl/drawings/drawing1.xml", chartDrawingXml(chart.anchor, labels.chartTitle));
    await zip.addEntry("xl/drawings/_rels/drawing1.xml.rels", singleRelationship("chart", "../charts/chart1.xml"));
    await zip.addEntry("xl/charts/chart1.xml", stackedColumnChartXml(chart.chart));
    await zip.addEntry("xl/styles.xml", styles.xml(gradeFills(grades)));
    zip.finish();
  } catch (err) {
    zip.abandon();
    throw err;
  }
}

/** The chart of customers per grade at each period end, over the summary's table, placed to its right. */
function perPeriodChart(summary: HistorySummaryLayout, h: GradeHistory, sheet: string, title: string, lang: string) {
  const { categories, series, names } = summary.perPeriod;
  const range = (r: { row: number; col: number; rows: number; cols: number }): CellRange => ({ sheet, ...r });
  const cells = (row: number, col: number) => summary.rows[row][col];
  const periods = Array.from({ length: categories.rows }, (_, k) => String(cells(categories.row + k, 0)));
  const chart = {
    title,
    lang,
    categories: periods,
    categoryCells: range(categories),
    series: h.profile.grades.map((g, k) => ({
      nameCell: range({ row: names.row, col: names.col + k, rows: 1, cols: 1 }),
      name: g.grade,
      values: h.customersPerGrade.map((counts) => counts[k]),
      valueCells: range({ row: series.row, col: series.col + k, rows: series.rows, cols: 1 }),
      fill: gradeFill(k),
    })),
  };
  // Beside the table, wide enough for the period labels to stand side by side.
  const left = summary.width + 1;
  const top = Math.max(0, names.row - 1);
  const wide = Math.max(9, Math.min(24, Math.ceil(periods.length * 0.8) + 3));
  return { chart, anchor: { fromCol: left, fromRow: top, toCol: left + wide, toRow: top + 22 } };
}

/** One conditional format per grade over a block of grade cells: colours follow the values when the user edits. */
function gradeColours(grades: readonly string[], sqref: string): string {
  const rules = grades
    .map(
      (g, i) =>
        `<cfRule type="cellIs" dxfId="${i}" priority="${i + 1}" operator="equal"><formula>${xmlText(`"${g.replace(/"/g, '""')}"`)}</formula></cfRule>`,
    )
    .join("");
  return `<conditionalFormatting sqref="${sqref}">${rules}</conditionalFormatting>`;
}

function sheetStart(lastCell: string, cols: string, freezeColumn: boolean): string {
  const pane = freezeColumn
    ? `<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="B2" sqref="B2"/>`
    : `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${lastCell}"/><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

function headerRow(headers: readonly string[]): string {
  return (
    `<row r="1">` +
    headers.map((t, c) => `<c r="${columnLetters(c)}1" s="${BOLD_STYLE}" t="inlineStr">${inlineText(t)}</c>`).join("") +
    `</row>`
  );
}

/** The history sheet: customer id, then the grade at each period end; the id column and the header stay in view. */
async function writeHistorySheet(
  zip: ZipFile,
  h: GradeHistory,
  listed: Int32Array,
  facts: HistoryFacts,
): Promise<void> {
  const headers = historyHeaders(h, facts.step, facts.lang);
  const width = headers.length;
  const lastRow = listed.length + 1;
  let idWidth = displayWidth(headers[0]);
  for (let i = 0; i < listed.length && i < 10_000; i++)
    idWidth = Math.max(idWidth, displayWidth(h.ids.at(listed[i]) ?? ""));
  const cols = headers
    .map((header, c) => {
      const w = c === 0 ? Math.min(40, idWidth + 2) : Math.max(9, displayWidth(header) + 2);
      return `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`;
    })
    .join("");
  await zip.write(sheetStart(`${columnLetters(width - 1)}${lastRow}`, cols, true) + headerRow(headers));
  const refs = headers.map((_, c) => Buffer.from(`<c r="${columnLetters(c)}`));
  const w = new ByteWriter();
  for (let from = 0; from < listed.length; from += ROWS_PER_PIECE) {
    const to = Math.min(from + ROWS_PER_PIECE, listed.length);
    for (let i = from; i < to; i++) {
      const r = i + 2,
        c = listed[i];
      w.ascii(`<row r="${r}">`);
      writeCell(w, refs[0], r, h.ids.at(c) ?? "", 0, 0);
      historyGrades(h, c).forEach((g, k) => writeCell(w, refs[k + 1], r, g, 0, 0));
      w.ascii("</row>");
    }
    await zip.write(w.take());
  }
  const grades = h.profile.grades.map((g) => g.grade);
  const colours = lastRow >= 2 && width > 1 ? gradeColours(grades, `B2:${columnLetters(width - 1)}${lastRow}`) : "";
  await zip.write(`</sheetData>${colours}${PAGE_MARGINS}</worksheet>`);
}

/** The transitions sheet: one row per (period, grade before, grade after), amounts in the input's unit. */
function transitionsSheetXml(h: GradeHistory, facts: HistoryFacts, styles: StyleTable): string {
  const table = transitionTable(h, facts.step, facts.lang);
  const width = table.headers.length;
  const lastRow = table.rows.length + 1;
  const cols = table.headers
    .map(
      (header, c) =>
        `<col min="${c + 1}" max="${c + 1}" width="${Math.min(40, Math.max(10, displayWidth(header) + 2))}" customWidth="1"/>`,
    )
    .join("");
  const amountStyle = styles.styleOf(table.amountFormat);
  const countStyle = styles.styleOf("#,##0");
  const refs = table.headers.map((_, c) => Buffer.from(`<c r="${columnLetters(c)}`));
  const w = new ByteWriter(1 << 16);
  table.rows.forEach((row, i) => {
    const r = i + 2;
    w.ascii(`<row r="${r}">`);
    row.forEach((v, c) =>
      writeCell(w, refs[c], r, v, c === width - 1 ? amountStyle : c === width - 2 ? countStyle : 0, 0),
    );
    w.ascii("</row>");
  });
  const grades = h.profile.grades.map((g) => g.grade);
  const colours = lastRow >= 2 ? gradeColours(grades, `C2:D${lastRow}`) : "";
  return (
    sheetStart(`${columnLetters(width - 1)}${lastRow}`, cols, false) +
    headerRow(table.headers) +
    w.take().toString("utf8") +
    `</sheetData>${colours}${PAGE_MARGINS}</worksheet>`
  );
}
