/**
 * Everything the custom functions need from Office, in one place so the rest is plain logic that jest can run:
 * the UI language, the workbook's date system, and Excel's error values. Each guards for Office being absent.
 */
import { langFromTag, type Lang } from "../engine";
import { isDate1904 } from "../excel/read";

/** The language of Office's UI (English outside Office). */
export function uiLanguage(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return langFromTag(office?.context?.displayLanguage);
}

// Recalculating a sheet calls the functions many times in a burst; they share one read of the date system.
const DATE_SYSTEM_TTL_MS = 2000;
let dateSystem: { read: Promise<boolean>; at: number } | null = null;

/**
 * Whether the workbook uses the 1904 date system, read through the shared runtime. Outside Excel, or where the host
 * cannot tell, Excel's default 1900 system is assumed.
 */
export function workbookUses1904(now: number = Date.now()): Promise<boolean> {
  if (dateSystem && now - dateSystem.at < DATE_SYSTEM_TTL_MS) return dateSystem.read;
  dateSystem = { read: readDateSystem(), at: now };
  return dateSystem.read;
}

/** Forget the cached date system (tests; or after the workbook's setting changed). */
export function forgetWorkbookSettings(): void {
  dateSystem = null;
}

async function readDateSystem(): Promise<boolean> {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== "function") return false;
  try {
    return await excel.run(isDate1904);
  } catch {
    // A host that cannot answer is on Excel's default system.
    return false;
  }
}

/** A #VALUE! error carrying `message`, as Excel shows it in the cell's error tip. */
export function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

export function isFormulaError(value: unknown): value is CustomFunctions.Error {
  return typeof CustomFunctions !== "undefined" && value instanceof CustomFunctions.Error;
}
