/** The summary sheet: what was graded, how, and the counts, with a native column chart of the grade counts. */
import type { Dimension, Lang } from "../engine/types";
import type { Area } from "./address";
import { addSheet, deleteSheetQuietly, sheetNames } from "./sheets";
import { SUMMARY_TITLES, summaryLabels, unitLabel } from "./summaryText";
import type { OutputCell, SummaryModel } from "./types";
import { writeGrid } from "./write";

/** The summary lists at most this many rows not graded (the rest is counted in one line). */
export const SUMMARY_ROW_LIMIT = 10_000;
const WIDTH = 4;
const DIMENSIONS: Dimension[] = ["recency", "frequency", "monetary"];

interface Layout {
  rows: OutputCell[][];
  /** Rows (0-based) of the grade table: its header and its last line; they are the chart's data. */
  gradeTable: { first: number; last: number };
  boldRows: number[];
}

function pad(cells: OutputCell[]): OutputCell[] {
  return [...cells, ...new Array<OutputCell>(WIDTH - cells.length).fill(null)].slice(0, WIDTH);
}

/** The sheet's content as rows of 4 cells: facts, grade table, score table, the list of rows not graded. */
export function summaryLayout(model: SummaryModel, lang: Lang): Layout {
  const t = summaryLabels(lang);
  const s = model.summary;
  const rows: OutputCell[][] = [];
  const boldRows: number[] = [];
  const line = (...cells: OutputCell[]): number => rows.push(pad(cells)) - 1;
  boldRows.push(line(t.title));
  line(t.profile, model.profileName);
  line(t.method, t.methods[s.method]);
  model.rules.forEach((rule, i) => line(i === 0 ? t.rules : null, rule));
  line(t.asOf, s.asOf);
  if (s.windowStart) line(t.window, `${s.windowStart} – ${s.asOf}`);
  line(t.unit, unitLabel(s.unit, lang));
  line(t.source, model.source);
  line(t.output, model.output);
  line(t.version, model.version);
  line(t.generatedAt, model.generatedAt);
  line(t.rows, s.rows);
  line(t.graded, s.graded);
  line(t.notGraded, s.notGraded);
  if (s.sales) {
    line(t.salesRead, s.sales.read);
    line(t.salesKept, s.sales.kept);
    line(t.salesOutside, s.sales.outsideWindow);
    line(t.salesSkipped, s.sales.skipped);
  }
  line();
  const first = line(t.grade, t.customers);
  boldRows.push(first);
  for (const g of s.gradeCounts) line(g.grade, g.count);
  const gradeTable = { first, last: rows.length - 1 };
  line();
  boldRows.push(line(t.score, ...DIMENSIONS.map((d) => t.dims[d])));
  const top = Math.max(...DIMENSIONS.map((d) => s.scoreCounts[d].length - 1));
  for (let score = top; score >= 1; score--) line(score, ...DIMENSIONS.map((d) => s.scoreCounts[d][score] ?? 0));
  if (model.notGraded.length > 0) {
    line();
    boldRows.push(line(t.notGradedList));
    boldRows.push(line(t.row, t.reason));
    for (const r of model.notGraded.slice(0, SUMMARY_ROW_LIMIT)) line(r.row, r.reason);
    if (model.notGraded.length > SUMMARY_ROW_LIMIT) line(t.more(model.notGraded.length - SUMMARY_ROW_LIMIT));
  }
  return { rows, gradeTable, boldRows };
}

/**
 * Writes the summary sheet "RFM Summary" / "RFM 汇总". A sheet of that name whose A1 holds the add-in's title (either
 * language) is the previous summary: it is deleted and the new one takes its name, but only once the new one is
 * complete. A sheet of that name that the user made is kept; the new one gets "(2)". On error or cancel the new
 * sheet is deleted and the old summary stays.
 */
export async function writeSummarySheet(ctx: Excel.RequestContext, model: SummaryModel, lang: Lang): Promise<{ sheetName: string }> {
  const title = summaryLabels(lang).title;
  const previous = await previousSummaries(ctx);
  const sheetName = await addSheet(ctx, title);
  try {
    const layout = summaryLayout(model, lang);
    await writeGrid(ctx, sheetName, 0, 0, layout.rows, { resetFormats: false });
    const sheet = ctx.workbook.worksheets.getItem(sheetName);
    for (const r of layout.boldRows) sheet.getRangeByIndexes(r, 0, 1, WIDTH).format.font.bold = true;
    sheet.getRangeByIndexes(0, 0, layout.rows.length, WIDTH).format.autofitColumns();
    const { first, last } = layout.gradeTable;
    const chartData: Area = { row: first, col: 0, rows: last - first + 1, cols: 2 };
    const chart = sheet.charts.add("ColumnClustered", sheet.getRangeByIndexes(chartData.row, 0, chartData.rows, 2), "Columns");
    chart.title.text = summaryLabels(lang).chartTitle;
    chart.legend.visible = false;
    chart.setPosition("F2", "M18");
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
async function replacePrevious(ctx: Excel.RequestContext, sheetName: string, previous: string[], title: string): Promise<string> {
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

