/**
 * The summary sheet written with Office.js: the engine lays it out (the same layout the command line writes to
 * .xlsx); this module puts the cells in, then bold rows, number formats, a colour scale over the R × F map and a
 * native column chart of the grade counts.
 */
import { summaryLayout, type SummaryLayout } from "../engine/summarySheet";
import type { Lang } from "../engine/types";
import { addSheet, deleteSheetQuietly, sheetNames } from "./sheets";
import { SUMMARY_TITLES, summaryLabels } from "./summaryText";
import type { SummaryModel } from "./types";
import { writeGrid } from "./write";

export { SUMMARY_ROW_LIMIT } from "../engine/summarySheet";

/** The R × F map's colour scale: few customers white, many a strong green (Excel's own white–green scale). */
const SCALE_LOW = "#FFFFFF";
const SCALE_HIGH = "#63BE7B";

/** Queues the formats of a layout: bold titles, number formats, the colour scale. */
export function queueSummaryFormats(sheet: Excel.Worksheet, layout: SummaryLayout): void {
  for (const a of layout.bold) sheet.getRangeByIndexes(a.row, a.col, a.rows, a.cols).format.font.bold = true;
  for (const { area, format } of layout.numberFormats) {
    const range = sheet.getRangeByIndexes(area.row, area.col, area.rows, area.cols);
    range.numberFormat = Array.from({ length: area.rows }, () => new Array<string>(area.cols).fill(format));
  }
  for (const a of layout.colourScales) {
    const cf = sheet.getRangeByIndexes(a.row, a.col, a.rows, a.cols).conditionalFormats.add("ColorScale");
    cf.colorScale.criteria = {
      minimum: { formula: undefined, type: "LowestValue", color: SCALE_LOW },
      maximum: { formula: undefined, type: "HighestValue", color: SCALE_HIGH },
    };
  }
}

/**
 * Writes the summary sheet "RFM Summary" / "RFM 汇总". A sheet of that name whose A1 holds the add-in's title (either
 * language) is the previous summary: it is deleted and the new one takes its name, but only once the new one is
 * complete. A sheet of that name that the user made is kept; the new one gets "(2)". On error or cancel the new
 * sheet is deleted and the old summary stays.
 */
export async function writeSummarySheet(
  ctx: Excel.RequestContext,
  model: SummaryModel,
  lang: Lang,
): Promise<{ sheetName: string }> {
  const title = summaryLabels(lang).title;
  const previous = await previousSummaries(ctx);
  const sheetName = await addSheet(ctx, title);
  try {
    const layout = summaryLayout(model, lang);
    await writeGrid(ctx, sheetName, 0, 0, layout.rows, { resetFormats: false });
    const sheet = ctx.workbook.worksheets.getItem(sheetName);
    queueSummaryFormats(sheet, layout);
    sheet.getRangeByIndexes(0, 0, layout.rows.length, layout.width).format.autofitColumns();
    const chartData = layout.gradeChart;
    const chart = sheet.charts.add(
      "ColumnClustered",
      sheet.getRangeByIndexes(chartData.row, chartData.col, chartData.rows, chartData.cols),
      "Columns",
    );
    chart.title.text = summaryLabels(lang).chartTitle;
    chart.legend.visible = false;
    chart.setPosition("H2", "O18");
    await ctx.sync();
  } catch (e) {
    await deleteSheetQuietly(ctx, sheetName);
    throw e;
  }
  return { sheetName: await replacePrevious(ctx, sheetName, previous, title) };
}

/** Names of sheets that are earlier summaries made by the add-in (named after a title, with the title in A1). */
async function previousSummaries(ctx: Excel.RequestContext): Promise<string[]> {
  const names = (await sheetNames(ctx)).filter((n) => SUMMARY_TITLES.some((t) => n.toLowerCase() === t.toLowerCase()));
  const firstCells = names.map((n) => ctx.workbook.worksheets.getItem(n).getRange("A1").load("values"));
  if (names.length > 0) await ctx.sync();
  return names.filter((_, i) => SUMMARY_TITLES.includes(String(firstCells[i].values[0][0])));
}

/** Deletes earlier summaries and gives the new sheet the title as its name (if the title is now free). */
async function replacePrevious(
  ctx: Excel.RequestContext,
  sheetName: string,
  previous: string[],
  title: string,
): Promise<string> {
  if (previous.length === 0 || sheetName === title) return sheetName;
  for (const name of previous) ctx.workbook.worksheets.getItem(name).delete();
  await ctx.sync();
  const free = !(await sheetNames(ctx)).some((n) => n.toLowerCase() === title.toLowerCase());
  if (!free) return sheetName;
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  sheet.name = title;
  sheet.activate();
  await ctx.sync();
  return title;
}
