/**
 * The profiles a formula may name: the built-ins, then those stored in the workbook (src/excel/workbookProfiles),
 * read through the shared runtime's `Excel.run`.
 *
 * A recalculation calls the functions in a burst, so one read of the stored profiles serves them all: it is kept
 * for a moment (CACHE_TTL_MS, so a colleague's change in a co-authored workbook is seen soon), and dropped at once
 * when this page saves or deletes a profile (the storage's revision), before the recalculation it asks for.
 */
import { BUILTIN_PROFILES, builtinProfile } from "../engine";
import type { Profile } from "../engine";
import { listWorkbookProfiles, workbookProfilesRevision } from "../excel/workbookProfiles";
import { FORMULA_TEXTS, FormulaInputError } from "./formulaMessages";
import { withExcelRetries } from "./officeHost";
import type { ProfileSource } from "./profileSourceContract";

const CACHE_TTL_MS = 2000;

type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

interface Cached {
  read: Promise<readonly Profile[]>;
  at: number;
  revision: number;
}

export interface WorkbookProfileSource extends ProfileSource {
  /** Forget the cached read (tests; the storage's revision does this for saves and deletes). */
  forget(): void;
}

/** `run` defaults to the page's `Excel.run`; outside Excel there are no stored profiles. */
export function createWorkbookProfileSource(run?: ExcelRun, now: () => number = Date.now): WorkbookProfileSource {
  let cached: Cached | null = null;

  const stored = (): Promise<readonly Profile[]> => {
    const revision = workbookProfilesRevision();
    const time = now();
    if (cached && cached.revision === revision && time - cached.at < CACHE_TTL_MS) return cached.read;
    const read = readStored(run);
    // A failed read is not kept: the next formula tries again.
    read.catch(() => {
      if (cached?.read === read) cached = null;
    });
    cached = { read, at: time, revision };
    return read;
  };

  return {
    // Built-ins first and without touching the workbook: their ids cannot be stored (the storage refuses them).
    resolve: async (id) => builtinProfile(id) ?? (await stored()).find((p) => p.id === id),
    list: async () => [...BUILTIN_PROFILES, ...(await stored())],
    forget: () => {
      cached = null;
    },
  };
}

async function readStored(run: ExcelRun | undefined): Promise<readonly Profile[]> {
  const excelRun = run ?? pageExcelRun();
  if (!excelRun) return [];
  try {
    // Excel.run fails while a cell is being edited or the host is busy: a short spell passes within the retries.
    return await withExcelRetries(() =>
      excelRun(async (ctx) => {
        // A host without the workbook's custom XML parts (ExcelApi 1.5) or settings (1.4) has no stored profiles.
        if (!ctx.workbook.customXmlParts || !ctx.workbook.settings) return [];
        return (await listWorkbookProfiles(ctx)).profiles;
      }),
    );
  } catch (err) {
    throw new FormulaInputError(
      FORMULA_TEXTS.savedProfilesUnreadable(err instanceof Error ? err.message : String(err)),
    );
  }
}

function pageExcelRun(): ExcelRun | undefined {
  const excel = (globalThis as { Excel?: { run?: ExcelRun } }).Excel;
  return excel && typeof excel.run === "function" ? (batch) => (excel.run as ExcelRun)(batch) : undefined;
}

/** The source the custom functions use (installed as the default in profileSource.ts). */
export const workbookProfileSource = createWorkbookProfileSource();
