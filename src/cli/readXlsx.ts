import { isUtf8 } from "buffer";
import type { Cell } from "../engine";
import { rowsTable, type Table } from "./table";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";
import { scanSheet, type SheetCells } from "./xlsx/scanSheet";
import { workbookParts, type SheetInfo, type WorkbookParts } from "./xlsx/workbookParts";
import { XLSX_TEXTS } from "./xlsx/xlsxTexts";
import { entryChunks, NotAZip, zipEntries } from "./xlsx/zipEntries";

/**
 * Reads one worksheet of an .xlsx workbook: the one named, else the first visible one (a hidden first sheet is
 * usually a lookup table, not the data). The sheet's XML is scanned as it is decompressed, so memory holds the cell
 * values, not the file's text. The header is the first row holding anything; every row below it is a data row,
 * numbered as Excel shows it.
 */
export async function readXlsx(path: string, bytes: Buffer, sheetName?: string): Promise<Table> {
  refuseWhatIsNotAZip(path, bytes);
  let parts: WorkbookParts;
  let cells: SheetCells;
  let sheet: SheetInfo;
  try {
    const entries = zipEntries(bytes);
    parts = workbookParts(bytes, entries);
    sheet = pickSheet(parts.sheets, path, sheetName);
    const entry = entries.get(sheet.path);
    if (!entry) throw new NotAZip(`no part ${sheet.path}`);
    cells = await scanSheet(entryChunks(bytes, entry), parts);
  } catch (err) {
    if (err instanceof NotAZip || err instanceof RangeError) throw new UsageError(XLSX_TEXTS.damaged(path));
    throw err;
  }
  return sheetTable(path, sheet, parts, cells);
}

/** A CSV renamed .xlsx, an encrypted workbook, or something else entirely, each said in words. */
function refuseWhatIsNotAZip(path: string, bytes: Buffer): void {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return;
  // Encrypted .xlsx files (and old .xls workbooks) are OLE compound files: D0 CF 11 E0 A1 B1 1A E1.
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) throw new UsageError(XLSX_TEXTS.encrypted(path));
  const head = bytes.subarray(0, 4096);
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  if (utf16 || (head.indexOf(0) < 0 && isUtf8(trimPartial(head)))) throw new UsageError(XLSX_TEXTS.renamedText(path));
  throw new UsageError(XLSX_TEXTS.damaged(path));
}

/** The head without a UTF-8 sequence cut at its end. */
function trimPartial(head: Buffer): Buffer {
  let end = head.length;
  for (let k = 0; k < 3 && end > 0 && (head[end - 1] & 0xc0) === 0x80; k++) end--;
  if (end > 0 && head[end - 1] >= 0xc0) end--;
  return head.length < 4096 ? head : head.subarray(0, end);
}

function pickSheet(sheets: SheetInfo[], path: string, wanted?: string): SheetInfo {
  if (sheets.length === 0) throw new UsageError(USAGE_TEXTS.noSheets(path));
  if (wanted === undefined) {
    const visible = sheets.find((s) => s.state === "visible");
    if (!visible) throw new UsageError(XLSX_TEXTS.noVisibleSheet(path));
    return visible;
  }
  const exact = sheets.find((s) => s.name === wanted);
  const loose = sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  const found = exact ?? loose;
  if (!found) throw new UsageError(USAGE_TEXTS.sheetNotFound(wanted, sheets.map((s) => s.name)));
  return found;
}

function sheetTable(path: string, sheet: SheetInfo, parts: WorkbookParts, cells: SheetCells): Table {
  const { rows: sparse, hidden, columnStyles } = cells;
  let headerIndex = 0;
  while (headerIndex < sparse.length && !hasValues(sparse[headerIndex])) headerIndex++;
  if (headerIndex >= sparse.length) throw new UsageError(USAGE_TEXTS.emptyFile(`${path} [${sheet.name}]`));
  let last = sparse.length - 1;
  while (last > headerIndex && !hasValues(sparse[last])) last--;

  // Columns with nothing in them (only formatted) are left out.
  let width = 1;
  for (let r = headerIndex; r <= last; r++) {
    const row = sparse[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= width; c--) {
      if (!isEmptyCell(row[c])) {
        width = c + 1;
        break;
      }
    }
  }
  const full = (row: Cell[] | undefined): Cell[] => {
    const out = new Array<Cell>(width);
    for (let c = 0; c < width; c++) out[c] = row?.[c] ?? null;
    return out;
  };
  const rows: Cell[][] = [];
  let hiddenRows = 0;
  for (let r = headerIndex + 1; r <= last; r++) {
    rows.push(full(sparse[r]));
    sparse[r] = undefined; // each sheet row is kept once
    if (hidden[r] === 1) hiddenRows++;
  }

  const formats = Array.from({ length: width }, (_, c) => parts.styleFormats[columnStyles[c] ?? 0] || undefined);

  return rowsTable(rows, {
    source: "xlsx",
    headers: full(sparse[headerIndex]),
    width,
    firstRowNumber: headerIndex + 2,
    date1904: parts.date1904,
    sheetName: sheet.name,
    columnFormats: formats,
    hiddenRows,
  });
}

function hasValues(row: Cell[] | undefined): boolean {
  return row !== undefined && row.some((cell) => !isEmptyCell(cell));
}

function isEmptyCell(cell: Cell): boolean {
  return cell === null || cell === undefined || cell === "";
}
