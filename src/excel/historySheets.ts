/**
 * A grade history (RULES.md §13) written with Office.js as three new sheets, the same content as the command line's
 * .xlsx: the history (one row per customer, one grade per period end, coloured by grade), the transitions between
 * consecutive period ends, and the summary with the customers per grade at each period end and a stacked column chart
 * of them. The engine lays every sheet out; this module puts the cells in and formats them. New sheets only: nothing
 * already in the workbook is touched, and on error or cancel the sheets made so far are deleted.
 */
import type { GradeHistory } from "../engine/gradeHistory";
import {
  historyCustomers,
  historyGrades,
  historyHeaders,
  historySummaryLayout,
  transitionTable,
  type HistoryFacts,
} from "../engine/historySheets";
import { historyLabels } from "../engine/summaryText";
import { cellsAddress } from "./address";
import { addSheet, deleteSheetQuietly } from "./sheets";
import { queueSummaryFormats } from "./summary";
import type { OutputCell, ProgressOptions } from "./types";
import { gradeFill, writeGrid } from "./write";

export interface HistorySheets {
  /** The sheets' names, in order: history, transitions, summary. */
  history: string;
  transitions: string;
  summary: string;
  /** Customers listed on the history sheet (graded at one period end at least). */
  customers: number;
}

/** The transitions table's grade columns (grade before, grade after), 0-based. */
const TRANSITION_GRADE_COLUMNS = { col: 2, cols: 2 };

/**
 * Writes the three sheets under free names ("Grade history", "Grade transitions", "Grade history summary"; "(2)" …
 * when taken) and shows the history sheet. `facts.output` is filled in here (the sheets' names).
 */
export async function writeHistorySheets(
  ctx: Excel.RequestContext,
  h: GradeHistory,
  facts: Omit<HistoryFacts, "output">,
  opts: ProgressOptions = {},
): Promise<HistorySheets> {
  const labels = historyLabels(facts.lang);
  const grades = h.profile.grades.map((g) => g.grade);
  const made: string[] = [];
  try {
    const history = await addSheet(ctx, labels.historySheet);
    made.push(history);
    const transitions = await addSheet(ctx, labels.transitionsSheet);
    made.push(transitions);
    const summary = await addSheet(ctx, labels.summarySheet);
    made.push(summary);

    // The history: id, then one grade per period end; empty where the customer had no grade.
    const listed = historyCustomers(h);
    const rows: OutputCell[][] = [historyHeaders(h, facts.step, facts.lang)];
    for (const c of listed) rows.push([h.ids.at(c) ?? "", ...historyGrades(h, c)]);
    const width = rows[0].length;
    // Progress counts the history's rows (nearly all the cells written).
    await writeGrid(ctx, history, 0, 0, rows, { ...opts, resetFormats: false });
    const historySheet = ctx.workbook.worksheets.getItem(history);
    headerFormats(historySheet, width);
    if (listed.length > 0 && width > 1)
      colourGrades(historySheet.getRangeByIndexes(1, 1, listed.length, width - 1), grades);

    // The transitions: periods, grades before and after, the change, customers and their amount at the later end.
    const table = transitionTable(h, facts.step, facts.lang);
    const formats = table.headers.map((_, c) => (c === table.headers.length - 1 ? table.amountFormat : null));
    await writeGrid(ctx, transitions, 0, 0, [table.headers, ...table.rows], {
      signal: opts.signal,
      columnFormats: formats,
      resetFormats: false,
    });
    const transitionsSheet = ctx.workbook.worksheets.getItem(transitions);
    headerFormats(transitionsSheet, table.headers.length);
    if (table.rows.length > 0) {
      const { col, cols } = TRANSITION_GRADE_COLUMNS;
      colourGrades(transitionsSheet.getRangeByIndexes(1, col, table.rows.length, cols), grades);
    }

    // The summary, and the chart of customers per grade at each period end beside it.
    const layout = historySummaryLayout(h, { ...facts, output: `${history}, ${transitions}, ${summary}` });
    await writeGrid(ctx, summary, 0, 0, layout.rows, { signal: opts.signal, resetFormats: false });
    const summarySheet = ctx.workbook.worksheets.getItem(summary);
    queueSummaryFormats(summarySheet, layout);
    summarySheet.getRangeByIndexes(0, 0, layout.rows.length, layout.width).format.autofitColumns();
    const { categories, names } = layout.perPeriod;
    if (categories.rows > 0) {
      // Period labels down the first column, one series per grade named by the header row (the "Graded" total is left out).
      const data = summarySheet.getRangeByIndexes(names.row, categories.col, categories.rows + 1, names.cols + 1);
      const chart = summarySheet.charts.add("ColumnStacked", data, "Columns");
      chart.title.text = labels.chartTitle;
      chart.setPosition(
        cellsAddress({ row: 1, col: layout.width + 1, rows: 1, cols: 1 }),
        cellsAddress({ row: 20, col: layout.width + 9, rows: 1, cols: 1 }),
      );
    }
    historySheet.activate();
    await ctx.sync();
    return { history, transitions, summary, customers: listed.length };
  } catch (e) {
    for (const name of made.reverse()) await deleteSheetQuietly(ctx, name);
    throw e;
  }
}

/** A bold header row and columns wide enough for it. */
function headerFormats(sheet: Excel.Worksheet, width: number): void {
  const header = sheet.getRangeByIndexes(0, 0, 1, width);
  header.format.font.bold = true;
  header.format.autofitColumns();
}

/** One conditional format per grade over a block of grade cells (a few operations whatever its size; colours follow edits). */
function colourGrades(cells: Excel.Range, grades: readonly string[]): void {
  grades.forEach((grade, i) => {
    const cf = cells.conditionalFormats.add("CellValue");
    cf.cellValue.format.fill.color = gradeFill(i);
    cf.cellValue.rule = { formula1: `="${grade.replace(/"/g, '""')}"`, operator: "EqualTo" };
  });
}
