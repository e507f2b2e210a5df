/**
 * The custom functions' words in English: problems with a formula's arguments as a whole (a row's own reasons come
 * from the engine). Parameter names arrive already in this language (the functions' localized metadata names them).
 * Every other language's catalogue has this one's type (FunctionTexts).
 */
const en = {
  /** "a, b and c". */
  listNames: (names: readonly string[]) =>
    names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`,
  notOneColumn: (parameter: string, columns: number) =>
    `“${parameter}” must be one cell or one column (it has ${columns} columns).`,
  heightsDiffer: (names: string, heights: readonly number[]) =>
    `${names} must have the same number of rows (now ${heights.join(", ")}).`,
  noRows: (names: string) => `${names} are empty ranges.`,
  argumentIsError: (parameter: string, error: string) => `“${parameter}” holds the Excel error ${error}.`,
  unknownProfile: (id: string, available: readonly string[]) =>
    `Unknown profile “${id}”. Available profiles: ${available.join(", ")}.`,
  badUnit: (value: string) => `unit must be "yuan" or "wan" (10,000 yuan), not “${value}”.`,
  badProfileDocument: (details: string) => `This profile cannot be used: ${details}`,
  dateSystemUnreadable: () =>
    "Excel did not say whether this workbook uses the 1900 or the 1904 date system (it was busy, for example while " +
    "a cell was being edited), so no dates were read. The formula calculates again when Excel recalculates; " +
    "press Ctrl+Alt+F9 to recalculate now.",
  savedProfilesUnreadable: (excelSaid: string) =>
    `Excel did not let RFM read the profiles saved in this workbook (Excel said: ${excelSaid}; it may be busy, for ` +
    "example while a cell is being edited). The formula calculates again when Excel recalculates; press Ctrl+Alt+F9 " +
    "to recalculate now.",
  skippedSale: (reason: string) => `${reason} — this sale is not counted`,
  moreSkippedSales: (count: string, firstRow: string | number) =>
    `${count} more sales cannot be read and are not counted (the first of them in row ${firstRow}).`,
  webRangesTooLarge: (cells: string, ranges: number, rows: string, budget: string) =>
    `Excel on the web passes at most about 5 MB to a formula, so RFM formulas there take at most ` +
    `${budget} cells in their ranges; these hold ${cells} ` +
    `(${ranges} ranges of ${rows} rows). Give a table column such as Sales[Amount] ` +
    `or a bounded range such as B2:B40000 instead of a whole column, or grade large sales records in the ` +
    `RFM Grader pane (Home > Grade customers). Excel for Windows and Mac take whole columns.`,
  webResultTooLarge: (rows: string, columns: number, budget: string, salesRecords: boolean) =>
    `This result would have ${rows} rows of ${columns} column${columns === 1 ? "" : "s"}, more ` +
    `than Excel on the web ` +
    `can take back from a formula (at most ${budget} cells, about 4 MB). Grade ` +
    `${salesRecords ? "these sales records" : "this customer table"} in the RFM Grader pane (Home > Grade ` +
    `customers), which writes the results to a sheet, or open the workbook in Excel for Windows or Mac.`,
  unexpected: (details: string) => `RFM could not compute this formula: ${details}`,
};

export type FunctionTexts = typeof en;

export default en;
