import { isUtf8 } from "buffer";
import type { Cell } from "../engine";
import { rowsTable, type Table } from "./table";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";
import { DocumentTypeInPart, MissingPart, OpcPackage, utf8Chunks } from "./xlsx/opcPackage";
import { scanSheet, type SheetCells } from "./xlsx/scanSheet";
import { readSharedStrings } from "./xlsx/sharedStrings";
import { workbookParts, workbookPath, type SheetInfo, type WorkbookParts } from "./xlsx/workbookParts";
import { XLSX_TEXTS } from "./xlsx/xlsxTexts";
import { entryBytes, entryChunks, NotAZip, UnsupportedZip, zipEntries } from "./xlsx/zipEntries";

/**
 * Reads one worksheet of an .xlsx workbook (transitional or Strict Open XML): the one named, else the first visible
 * worksheet in tab order (a hidden first sheet is usually a lookup table, not the data; chart and dialog sheets hold
 * no cells). The sheet's XML is scanned as it is decompressed, so memory holds the cell values, not the file's text.
 * The header is the first row holding anything; every row below it is a data row, numbered as Excel shows it. A file
 * that cannot be read this way is refused in one line that says why.
 */
export async function readXlsx(path: string, bytes: Buffer, sheetName?: string): Promise<Table> {
  refuseWhatIsNotAZip(path, bytes);
  let parts: WorkbookParts;
  let cells: SheetCells;
  let sheet: SheetInfo;
  try {
    const pkg = new OpcPackage(bytes, zipEntries(bytes));
    const workbook = workbookPath(pkg);
    refuseOtherPackages(path, pkg, workbook);
    const root = pkg.xml(workbook!);
    if (!root) throw new MissingPart(workbook!);
    // Pre-release (beta) Excel 2007 wrote its own namespaces, which the released format replaced: not Office Open XML.
    if (root.ns.startsWith(PRE_RELEASE_NS)) throw new UsageError(XLSX_TEXTS.preRelease(path));
    parts = workbookParts(pkg, workbook!, root);
    sheet = pickSheet(parts.sheets, path, sheetName);
    const entry = sheet.path ? pkg.entry(sheet.path) : undefined;
    if (!entry) throw new MissingPart(sheet.path ?? `(${sheet.name})`);
    const sstEntry = parts.sharedStringsPath ? pkg.entry(parts.sharedStringsPath) : undefined;
    const sharedStrings = sstEntry ? await readSharedStrings(utf8Chunks(entryChunks(bytes, sstEntry))) : undefined;
    cells = await scanSheet(utf8Chunks(entryChunks(bytes, entry)), {
      sharedStrings,
      styleNumberFormats: parts.styleNumberFormats,
      styleFormats: parts.styleFormats,
      date1904: parts.date1904,
    });
  } catch (err) {
    throw whyUnreadable(path, err);
  }
  return sheetTable(path, sheet, parts, cells);
}

const PRE_RELEASE_NS = "http://schemas.microsoft.com/office/excel/2006/";

/** A failure inside the package, as the one line that names it (anything else is a bug and stays as it is). */
function whyUnreadable(path: string, err: unknown): unknown {
  if (err instanceof MissingPart) return new UsageError(XLSX_TEXTS.missingPart(path, err.part));
  if (err instanceof DocumentTypeInPart) return new UsageError(XLSX_TEXTS.documentType(path));
  if (err instanceof UnsupportedZip) {
    if (err.method === "encrypted" || err.method === 99) return new UsageError(XLSX_TEXTS.encryptedZip(path));
    return new UsageError(
      XLSX_TEXTS.compression(path, COMPRESSION_METHODS[err.method] ?? `compression method ${err.method}`),
    );
  }
  if (err instanceof NotAZip || err instanceof RangeError) return new UsageError(XLSX_TEXTS.damaged(path));
  return err;
}

const COMPRESSION_METHODS: Record<number, string> = {
  1: "Shrink",
  6: "Implode",
  9: "Deflate64",
  12: "bzip2",
  14: "LZMA",
  19: "IBM LZ77",
  93: "Zstandard",
  95: "XZ",
  96: "JPEG",
  97: "WavPack",
  98: "PPMd",
};

/** A CSV renamed .xlsx, an encrypted workbook, an old .xls, or something else entirely, each said in words. */
function refuseWhatIsNotAZip(path: string, bytes: Buffer): void {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return;
  // Encrypted .xlsx files and .xls workbooks are OLE compound files (D0 CF 11 E0 A1 B1 1A E1); their directory names
  // the streams inside: an encrypted package, or an Excel 97–2003 workbook.
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    if (bytes.includes(utf16("EncryptedPackage"))) throw new UsageError(XLSX_TEXTS.passwordProtected(path));
    if (bytes.includes(utf16("Workbook")) || bytes.includes(utf16("Book")))
      throw new UsageError(XLSX_TEXTS.oldXls(path));
    throw new UsageError(XLSX_TEXTS.encrypted(path));
  }
  const head = bytes.subarray(0, 4096);
  const utf16Text =
    head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  if (utf16Text || (head.indexOf(0) < 0 && isUtf8(trimPartial(head)))) {
    const start = head.toString(utf16Text ? "utf16le" : "utf8").replace(/^[\uFEFF\uFFFE\s\0]+/, "");
    throw new UsageError(start.startsWith("<") ? XLSX_TEXTS.markup(path) : XLSX_TEXTS.renamedText(path));
  }
  throw new UsageError(XLSX_TEXTS.damaged(path));
}

function utf16(name: string): Buffer {
  return Buffer.from(name, "utf16le");
}

/** A zip that is another kind of document: an OpenDocument spreadsheet, a binary workbook, no workbook at all. */
function refuseOtherPackages(path: string, pkg: OpcPackage, workbook: string | undefined): void {
  const mimetype = pkg.entry("mimetype");
  if (mimetype && entryBytes(pkg.bytes, mimetype).toString("latin1").startsWith("application/vnd.oasis.opendocument")) {
    throw new UsageError(XLSX_TEXTS.openDocument(path));
  }
  if (workbook && /\.bin$/i.test(workbook)) throw new UsageError(XLSX_TEXTS.binaryWorkbook(path));
  if (workbook === undefined) throw new UsageError(XLSX_TEXTS.notAWorkbook(path));
  if (!pkg.has(workbook)) throw new MissingPart(workbook);
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
    const worksheets = sheets.filter((s) => s.kind === "worksheet");
    if (worksheets.length === 0) throw new UsageError(XLSX_TEXTS.noWorksheet(path));
    const visible = worksheets.find((s) => s.state !== "hidden" && s.state !== "veryHidden");
    if (!visible) throw new UsageError(XLSX_TEXTS.noVisibleSheet(path));
    return visible;
  }
  const exact = sheets.find((s) => s.name === wanted);
  const loose = sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  const found = exact ?? loose;
  if (!found)
    throw new UsageError(
      USAGE_TEXTS.sheetNotFound(
        wanted,
        sheets.map((s) => s.name),
      ),
    );
  if (found.kind !== "worksheet") throw new UsageError(XLSX_TEXTS.notAWorksheet(path, found.name, found.kind));
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
