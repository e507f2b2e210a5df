import ExcelJS from "exceljs";
import type { Cell } from "../engine";
import { plainCellValue } from "./cellValue";
import { rowsTable, type Table } from "./table";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

/**
 * Reads one worksheet (the first, or the one named) of an .xlsx workbook. The header is the first row holding
 * anything; every row below it is a data row, numbered as Excel shows it.
 */
export async function readXlsx(path: string, bytes: Buffer, sheetName?: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new UsageError(USAGE_TEXTS.notAWorkbook(path, err instanceof Error ? err.message : String(err)));
  }
  const sheet = pickSheet(workbook, path, sheetName);
  const date1904 = Boolean(workbook.properties?.date1904);

  const lastRow = sheet.rowCount;
  let headerRow = 1;
  while (headerRow < lastRow && !sheet.getRow(headerRow).hasValues) headerRow++;
  if (!sheet.getRow(headerRow).hasValues) throw new UsageError(USAGE_TEXTS.emptyFile(`${path} [${sheet.name}]`));
  const width = Math.max(sheet.columnCount, 1);

  let headers = rowCells(sheet.getRow(headerRow), width);
  let rows: Cell[][] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) rows.push(rowCells(sheet.getRow(r), width));
  while (rows.length > 0 && rows[rows.length - 1].every(isEmptyCell)) rows.pop();
  // A sheet's column count includes columns that are only formatted; columns with nothing in them are left out.
  const used = usedWidth(headers, rows);
  if (used < width) {
    headers = headers.slice(0, used);
    rows = rows.map((row) => row.slice(0, used));
  }

  return rowsTable(rows, {
    source: "xlsx",
    headers,
    width: used,
    firstRowNumber: headerRow + 1,
    date1904,
    sheetName: sheet.name,
    columnFormats: columnFormats(sheet, headerRow + 1, headerRow + rows.length, used),
  });
}

function pickSheet(workbook: ExcelJS.Workbook, path: string, wanted?: string): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new UsageError(USAGE_TEXTS.noSheets(path));
  if (wanted === undefined) return sheets[0];
  const exact = sheets.find((s) => s.name === wanted);
  const loose = sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  const found = exact ?? loose;
  if (!found) throw new UsageError(USAGE_TEXTS.sheetNotFound(wanted, sheets.map((s) => s.name)));
  return found;
}

function rowCells(row: ExcelJS.Row, width: number): Cell[] {
  const values = row.values as ExcelJS.CellValue[];
  const cells = new Array<Cell>(width);
  for (let c = 0; c < width; c++) cells[c] = plainCellValue(values[c + 1]);
  return cells;
}

function usedWidth(headers: Cell[], rows: Cell[][]): number {
  let used = 0;
  for (const row of [headers, ...rows]) {
    for (let c = row.length - 1; c >= used; c--) {
      if (!isEmptyCell(row[c])) {
        used = c + 1;
        break;
      }
    }
  }
  return Math.max(used, 1);
}

function isEmptyCell(cell: Cell): boolean {
  return cell === null || cell === undefined || cell === "";
}

/** The first number format found in each column's data, so dates and amounts look the same in the output. */
function columnFormats(sheet: ExcelJS.Worksheet, firstRow: number, lastRow: number, width: number): (string | undefined)[] {
  const formats = new Array<string | undefined>(width).fill(undefined);
  let open = width;
  for (let r = firstRow; r <= lastRow && open > 0; r++) {
    const row = sheet.getRow(r);
    for (let c = 0; c < width; c++) {
      if (formats[c] !== undefined) continue;
      const cell = row.getCell(c + 1);
      if (cell.value !== null && cell.value !== undefined && cell.numFmt) {
        formats[c] = cell.numFmt;
        open--;
      }
    }
  }
  return formats;
}
