import ExcelJS from "exceljs";
import type { Lang } from "../engine";
import type { OutputPlan } from "./outputPlan";
import type { Progress } from "./progress";
import { SUMMARY_TEXTS } from "./texts";

const NOTE_WIDTH = 60;

/**
 * A real workbook, written as a stream so that large results do not have to fit in memory: bold header row frozen
 * at the top, dates as date cells, scores as numbers, the input's number formats kept.
 */
export async function writeXlsxFile(path: string, plan: OutputPlan, lang: Lang, progress: Progress): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(lang === "zh" ? "RFM分级" : "RFM grades", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = plan.headers.map((header, c) => ({
    width: c === plan.headers.length - 1 ? NOTE_WIDTH : Math.min(40, Math.max(10, displayWidth(header) + 2)),
  }));

  const header = sheet.addRow(plan.headers);
  header.font = { bold: true };
  header.commit();

  const formatted = plan.formats.flatMap((f, c) => (f ? [[c + 1, f] as const] : []));
  for (let i = 0; i < plan.rowCount; i++) {
    const row = sheet.addRow(plan.values(i));
    for (const [column, numFmt] of formatted) {
      const cell = row.getCell(column);
      if (cell.value !== null) cell.numFmt = numFmt;
    }
    row.commit();
    if ((i & 0x3fff) === 0) progress.step(SUMMARY_TEXTS.writing, i, plan.rowCount);
  }
  sheet.commit();
  await workbook.commit();
}

/** Columns wide enough for their header: a Chinese character takes two columns. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
