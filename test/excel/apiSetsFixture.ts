/**
 * Code the requirement-set test scans to prove it catches what it must (never run): an ExcelApi 1.18 call without a
 * guard, with a guard for its version, and with a guard for a lower version.
 */
import { supportsExcelApi } from "../../src/excel/requirements";

export function unguarded(sheet: Excel.Worksheet): void {
  sheet.getRanges("1:1, 3:3").select();
}

export function guarded(sheet: Excel.Worksheet): void {
  if (supportsExcelApi("1.18")) sheet.getRanges("1:1, 3:3").select();
}

export function guardedByOfficeJs(sheet: Excel.Worksheet): void {
  const areas = sheet.getRanges("1:1, 3:3");
  return Office.context.requirements.isSetSupported("ExcelApi", "1.18") ? areas.select() : undefined;
}

export function guardTooLow(sheet: Excel.Worksheet): void {
  if (supportsExcelApi("1.12")) sheet.getRanges("1:1, 3:3").select();
}
