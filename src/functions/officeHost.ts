/**
 * Everything the custom functions need from Office, in one place so the rest is plain logic that jest can run:
 * the UI language, the host (Excel on the web or a desktop Excel), the workbook's date system, and Excel's error
 * values. Each guards for Office being absent.
 */
import { langFromTag, type Lang } from "../engine";
import { isDate1904 } from "../excel/read";
import { FORMULA_TEXTS, FormulaInputError } from "./formulaMessages";

/** The language of Office's UI (English outside Office). */
export function uiLanguage(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return langFromTag(office?.context?.displayLanguage);
}

/**
 * Whether the functions run in Excel on the web (`Office.context.diagnostics.platform` is "OfficeOnline"), where
 * what a formula passes and returns travels in size-limited messages (see webLimits.ts). False outside Office and
 * wherever Office does not say.
 */
export function runsOnTheWeb(): boolean {
  const office = (globalThis as { Office?: { context?: { diagnostics?: { platform?: unknown } } } }).Office;
  try {
    return office?.context?.diagnostics?.platform === "OfficeOnline";
  } catch {
    return false; // Office.js throws for diagnostics read before it is ready
  }
}

// Recalculating a sheet calls the functions many times in a burst; they share one read of the date system. A read
// that failed is not kept: the next formula asks Excel again.
const DATE_SYSTEM_TTL_MS = 2000;
let dateSystem: { read: Promise<boolean>; at: number } | null = null;

/**
 * Waits before each further attempt of a failed Excel.run. Excel.run fails while the user edits a cell
 * ("InvalidOperationInCellEditMode") or the host is busy; a short busy spell passes within these, an edit does not
 * (then the formula says so, and Excel calculates it again after the edit).
 */
export const EXCEL_RETRY_DELAYS_MS: readonly number[] = [50, 150, 400];
let retryDelaysMs = EXCEL_RETRY_DELAYS_MS;

/** Tests shorten the waits. */
export function setExcelRetryDelays(delaysMs: readonly number[]): void {
  retryDelaysMs = delaysMs;
}

/** Runs `attempt` (an Excel.run), again after each of the retry delays while it fails; rethrows the last failure. */
export async function withExcelRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (tries >= retryDelaysMs.length) throw err;
      await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[tries]));
    }
  }
}

/**
 * Whether the workbook uses the 1904 date system, read through the shared runtime. Never guessed: when Excel cannot
 * answer after the retries, this rejects with a FormulaInputError that the functions show as #VALUE! with its
 * message. Outside Excel (no `Excel` global: jest, a bare script) there is no workbook, and serials are read in
 * Excel's default 1900 system.
 */
export function workbookUses1904(now: number = Date.now()): Promise<boolean> {
  if (dateSystem && now - dateSystem.at < DATE_SYSTEM_TTL_MS) return dateSystem.read;
  const read = readDateSystem();
  const entry = { read, at: now };
  dateSystem = entry;
  read.catch(() => {
    if (dateSystem === entry) dateSystem = null;
  });
  return read;
}

/** Forget the cached date system (tests; or after the workbook's setting changed). */
export function forgetWorkbookSettings(): void {
  dateSystem = null;
}

async function readDateSystem(): Promise<boolean> {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== "function") return false;
  try {
    return await withExcelRetries(() => excel.run(isDate1904));
  } catch {
    throw new FormulaInputError(FORMULA_TEXTS.dateSystemUnreadable());
  }
}

/** A #VALUE! error carrying `message`, as Excel shows it in the cell's error tip. */
export function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

export function isFormulaError(value: unknown): value is CustomFunctions.Error {
  return typeof CustomFunctions !== "undefined" && value instanceof CustomFunctions.Error;
}
