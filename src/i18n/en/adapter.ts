/**
 * The Excel adapter's words in English: what it says when the selection, the workbook or a stored profile stops it.
 * Every other language's adapter catalogue has this one's type (AdapterTexts).
 */
const en = {
  source: {
    multipleAreas: "Several separate ranges are selected. Select one range (or one cell in the table).",
    emptySource: "The selection is empty. Select the sales table, or one cell in it.",
  },
  output: {
    cancelled: "Cancelled. The sheet was left as it was.",
    targetOccupied: "The cells right of the table are no longer empty. Choose again: new sheet, overwrite, or cancel.",
    sizeMismatch: (rows: number, cols: number, expectedRows: number, expectedCols: number) =>
      `Internal error: ${rows} output rows of ${cols} columns for ${expectedRows} rows of ${expectedCols} columns.`,
    restoreFailed:
      "Writing the results failed, and putting back the previous contents failed too. Check the columns right of the table.",
    /** The sheet graded sales records' customers are written on. */
    salesSheetName: "RFM Customers",
  },
  storage: {
    builtinId: (id: string) =>
      `id "${id}" belongs to a built-in profile, which cannot be overwritten: choose another id`,
    idTaken: (id: string) =>
      `id "${id}" is already used by a profile saved in this workbook: choose another id, or update that profile`,
    notStoredAsText: "the stored profile is not JSON text",
    storedUnderOtherId: (key: string) =>
      `the stored profile's id does not match the setting "${key}" it is stored under`,
    partUnderOtherId: (id: string) => `the stored profile's id does not match the id "${id}" its part is saved under`,
    notProfileXml: "the stored profile is not in the form RFM Grader writes (the part's XML cannot be read)",
    newerFormat: (format: string) =>
      `the stored profile was written by a newer version of RFM Grader (format ${format}): update the add-in to use it`,
  },
};

export type AdapterTexts = typeof en;

export default en;
