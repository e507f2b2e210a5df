/**
 * What Excel's shared runtime provides to the custom functions, faked for jest: the `CustomFunctions` error class,
 * `Office.context.displayLanguage`, and an `Excel.run` whose workbook reports a date system (reading a property
 * before load + sync fails, as in Excel).
 */
import { forgetWorkbookSettings } from "../../src/functions/officeHost";

export class FakeFormulaError {
  constructor(
    readonly code?: string,
    readonly message?: string,
  ) {}
}

export interface RuntimeOptions {
  /** Office UI language, e.g. "en-US" or "zh-CN"; null for no Office at all. */
  language?: string | null;
  /** The workbook's date system; null for no Excel (outside a workbook). */
  date1904?: boolean | null;
  /** Make Excel.run fail, as an older host that does not know use1904DateSystem does. */
  excelFails?: boolean;
}

export interface InstalledRuntime {
  /** How many times the functions asked Excel for the date system. */
  excelRuns: () => number;
}

const globals = globalThis as Record<string, unknown>;

export function installRuntime(options: RuntimeOptions = {}): InstalledRuntime {
  const { language = "en-US", date1904 = false, excelFails = false } = options;
  globals.CustomFunctions = {
    Error: FakeFormulaError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  if (language === null) delete globals.Office;
  else globals.Office = { context: { displayLanguage: language } };

  let runs = 0;
  if (date1904 === null) delete globals.Excel;
  else {
    globals.Excel = {
      run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
        runs++;
        if (excelFails) throw new Error("PropertyNotLoaded: use1904DateSystem is not available");
        const loaded = new Set<string>();
        const requested = new Set<string>();
        const workbook = {
          load(props: string) {
            for (const p of props.split(",")) requested.add(p.trim());
          },
          get use1904DateSystem(): boolean {
            if (!loaded.has("use1904DateSystem")) throw new Error("PropertyNotLoaded: use1904DateSystem");
            return date1904;
          },
        };
        const context = {
          workbook,
          sync: async () => requested.forEach((p) => loaded.add(p)),
        };
        return batch(context);
      },
    };
  }
  forgetWorkbookSettings();
  return { excelRuns: () => runs };
}

export function removeRuntime(): void {
  delete globals.CustomFunctions;
  delete globals.Office;
  delete globals.Excel;
  forgetWorkbookSettings();
}

/** A column range as Excel passes it to a matrix parameter. */
export function column(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** A single cell as Excel passes it to a matrix parameter. */
export function cell(value: unknown): unknown[][] {
  return [[value]];
}

export function isFormulaError(v: unknown): v is FakeFormulaError {
  return v instanceof FakeFormulaError;
}

/** The #VALUE! a rejected call carries (fails the test when it resolved, or rejected with anything else). */
export async function rejection(call: Promise<unknown>): Promise<FakeFormulaError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof FakeFormulaError) return err;
    throw new Error(`rejected with something that is not a CustomFunctions.Error: ${String(err)}`);
  }
  throw new Error("expected the formula to fail with #VALUE!, but it returned a value");
}
