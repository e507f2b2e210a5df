/**
 * Office API requirement sets above the manifest's baseline (`<Requirements>` in manifest.xml) are used only behind
 * a run-time check: Excel 2021/2024 LTSC and older Windows and Mac builds lack the newest sets. test/excel/apiSets.test.ts
 * maps every Office API the add-in calls to its set and fails on an unguarded call above the baseline.
 */

/** ExcelApi version that added `RangeAreas.select()` (one selection of several row blocks). */
export const EXCEL_API_SELECT_AREAS = "1.18";

/**
 * True when the running Excel supports ExcelApi `version`. False outside Office or before Office is ready: an
 * unknown host takes the path every host supports.
 */
export function supportsExcelApi(version: string): boolean {
  try {
    if (typeof Office === "undefined" || !Office.context?.requirements) return false;
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false; // Office.js outside Office may refuse the question: treat the set as missing
  }
}
