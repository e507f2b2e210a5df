import { readFileSync } from "fs";
import { extname } from "path";
import type { Localized } from "../engine";
import type { InputEncoding } from "./decodeInput";
import { readCsv } from "./readCsv";
import type { Table } from "./table";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

export type FileFormat = "csv" | "xlsx";

/** The format a file name announces, or null for anything else. */
export function formatOfPath(path: string): FileFormat | null {
  const ext = extname(path).toLowerCase();
  // Excel's "Unicode text" and "Text (tab delimited)" are .txt; they are read as delimited text like CSV.
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return "csv";
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  return null;
}

export interface TableRead {
  table: Table;
  warnings: Localized[];
}

/** Reads INPUT (.csv or .xlsx); any problem with the file itself is a UsageError naming it. */
export async function readTable(path: string, sheetName?: string, encoding?: InputEncoding): Promise<TableRead> {
  const format = formatOfPath(path);
  if (format === null) throw new UsageError(USAGE_TEXTS.unknownFileType(path));
  if (format === "csv" && sheetName !== undefined) throw new UsageError(USAGE_TEXTS.sheetOnlyForXlsx());
  const bytes = readBytes(path);
  if (bytes.length === 0) throw new UsageError(USAGE_TEXTS.emptyFile(path));
  if (format === "csv") return readCsv(path, bytes, encoding);
  // ExcelJS takes a quarter of a second to load: only when a workbook is read.
  const { readXlsx } = await import("./readXlsx");
  return { table: await readXlsx(path, bytes, sheetName), warnings: [] };
}

export function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(USAGE_TEXTS.fileNotFound(path));
    throw new UsageError(USAGE_TEXTS.fileUnreadable(path, err instanceof Error ? err.message : String(err)));
  }
}
