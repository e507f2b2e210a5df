/**
 * What Excel's shared runtime provides to the custom functions, faked for jest: the `CustomFunctions` error class,
 * `Office.context.displayLanguage` and `.diagnostics.platform` (Excel on the web is "OfficeOnline"), and an
 * `Excel.run` whose workbook reports a date system (reading a property before load + sync fails, as in Excel).
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
  /** What `Office.context.diagnostics.platform` says: "OfficeOnline" (Excel on the web), "PC", "Mac"; absent by default. */
  platform?: string;
  /** The workbook's date system; null for no Excel (outside a workbook). */
  date1904?: boolean | null;
  /** Whether the fake host answers the worksheet DATE function through `workbook.functions` (ExcelApi 1.2). */
  hostAnswers?: "dateFunction" | "none";
  /**
   * How many Excel.run batches fail before the host answers, as Excel.run fails while the user edits a cell
   * (Infinity: the edit never ends).
   */
  busyRuns?: number;
  /** Milliseconds each Excel.run takes (a round trip to Excel); 0 by default. */
  runLatencyMs?: number;
}

export interface InstalledRuntime {
  /** How many Excel.run batches the functions started. */
  excelRuns: () => number;
}

const globals = globalThis as Record<string, unknown>;

/** A loadable proxy object: reading a property before load + sync fails, as in Excel; unknown ones are undefined. */
function loadable<T extends object>(values: T, requested: Set<string>, loaded: Set<string>, prefix: string) {
  return new Proxy(
    {
      load(props: string) {
        for (const p of props.split(",")) requested.add(prefix + p.trim());
        return this; // as in Office.js, so `x.load("value")` can be chained
      },
    },
    {
      get(target, prop: string) {
        if (prop === "load") return target.load;
        if (!(prop in values)) return undefined; // not part of this host's API
        if (!loaded.has(prefix + prop)) throw new Error(`PropertyNotLoaded: ${prop}`);
        return (values as Record<string, unknown>)[prop];
      },
    },
  );
}

export function installRuntime(options: RuntimeOptions = {}): InstalledRuntime {
  const {
    language = "en-US",
    platform,
    date1904 = false,
    hostAnswers = "dateFunction",
    busyRuns = 0,
    runLatencyMs = 0,
  } = options;
  globals.CustomFunctions = {
    Error: FakeFormulaError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  if (language === null) delete globals.Office;
  else globals.Office = { context: { displayLanguage: language, ...(platform ? { diagnostics: { platform } } : {}) } };

  let runs = 0;
  if (date1904 === null) delete globals.Excel;
  else {
    const dateFunction = hostAnswers === "dateFunction";
    globals.Excel = {
      run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
        runs++;
        if (runLatencyMs > 0) await new Promise((resolve) => setTimeout(resolve, runLatencyMs));
        if (runs <= busyRuns) {
          throw Object.assign(new Error("The operation is not allowed while a cell is being edited."), {
            code: "InvalidOperationInCellEditMode",
          });
        }
        const requested = new Set<string>();
        const loaded = new Set<string>();
        const workbook = loadable({}, requested, loaded, "workbook.");
        const functions = {
          date(year: number, month: number, day: number) {
            if (!dateFunction) throw new Error("ApiNotFound: functions");
            if (year !== 1904 || month !== 1 || day !== 1) throw new Error("the fake knows DATE(1904,1,1) only");
            return loadable({ value: date1904 ? 0 : 1462 }, requested, loaded, "date.");
          },
        };
        const context = {
          workbook: new Proxy(workbook, { get: (t, p) => (p === "functions" ? functions : Reflect.get(t, p)) }),
          sync: async () => {
            for (const p of requested) loaded.add(p);
          },
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
