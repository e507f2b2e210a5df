/**
 * The Office.js adapter: everything RFM Grader reads from or writes to a workbook goes through these functions.
 *
 * Every function takes an `Excel.RequestContext` (from `Excel.run`), so tests hand in the grid-backed fake of
 * `test/excel/fake/`. The adapter holds no scoring rules: the task pane reads with `readColumns`, calls the engine,
 * and hands the engine's result columns (`resultColumns`: headers, formats, values) back to a writer.
 *
 *   locateSource(ctx): Promise<SourceTable>
 *   readColumns(ctx, source, columns, { onProgress, signal }?): Promise<unknown[][]>
 *   isDate1904(ctx): Promise<boolean>
 *   planCustomerOutput(ctx, source): Promise<OutputPlan>                      // "empty" | "ownOutput" | "occupied"
 *   writeCustomerOutput(ctx, source, values, gradeColumn, { mode, lang, grades, columnFormats?, onProgress?, signal? })
 *   writeSalesOutput(ctx, baseSheetName, values, gradeColumn, { lang, grades, columnFormats?, onProgress?, signal? })
 *   writeSummarySheet(ctx, model: SummaryModel, lang): Promise<{ sheetName }>
 *   selectRows(ctx, sheetName, rowNumbers /* 1-based *\/): Promise<SelectResult>
 *   showSheet(ctx, sheetName): Promise<void>                                  // activate, select A1
 *   selectAddress(ctx, "Sheet!A1:G20"): Promise<void>
 *   watchSelection(ctx, onChange, runIn): Promise<SelectionWatch>             // onSelectionChanged; stop() removes it
 *   addSampleSheet(ctx, baseName, rows, columnFormats): Promise<{ sheetName, address }>
 *   isSheetProtected(ctx, sheetName) / isStructureProtected(ctx): Promise<boolean>   // asked before writing
 *
 * Limits respected everywhere: requests and responses aim at 1 MB (Excel on the web refuses 5 MB), no read touches
 * more than 200k cells (Excel may return null above 5M), `context.sync()` runs once per chunk of up to 20,000 rows,
 * never once per row; calculation is suspended while writing; values are written before formats.
 *
 * Errors the user can act on are `ExcelAdapterError` (code + en/zh text); a cancelled `signal` rejects with code
 * "cancelled". Writers are all-or-nothing from the user's point of view: see `writeCustomerOutput`.
 */
export * from "./types";
export { locateSource } from "./source";
export { readColumns, readColumnFormats, isDate1904 } from "./read";
export {
  planCustomerOutput,
  readOwnGrades,
  writeCustomerOutput,
  writeSalesOutput,
  defaultSalesSheetName,
  freeSheetName,
  newSheetBase,
} from "./output";
export { writeSummarySheet, SUMMARY_ROW_LIMIT } from "./summary";
export { writeHistorySheets, type HistorySheets } from "./historySheets";
export { selectAddress, selectRows, showSheet, SELECT_AREA_LIMIT } from "./select";
export { watchSelection, type RunInContext, type SelectionWatch } from "./selectionEvents";
export { addSampleSheet } from "./sampleSheet";
export { isSheetProtected, isStructureProtected } from "./protection";
export { gradeFill } from "./write";
export { MAX_CHUNK_ROWS } from "./chunks";
