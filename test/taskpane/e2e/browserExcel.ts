/**
 * The Excel double as the task pane page sees it, bundled into `fake-excel.js` and injected before any page script:
 * a global `Excel` whose `run` works on a grid-backed fake workbook, and `window.rfmFake` for the test to select
 * ranges and read cells. The workbook comes from `window.rfmE2eSetup`, set by an earlier init script.
 */
import { FakeExcel } from "../../excel/fake";
import type { FakeExcelOptions } from "../../excel/fake";
import { FakeContext } from "../../excel/fake/context";
import { fakeSettings } from "../../excel/fake/settings";

export interface E2eSetup {
  workbook: FakeExcelOptions;
  /** What Office reports as its display language ("en-US", "zh-CN"). */
  displayLanguage: string;
  /** Every context.sync() takes this long, as a slow workbook would (to see progress and cancel). */
  syncDelayMs?: number;
  /** Workbook settings (add-in settings saved with the file), e.g. stored profiles. */
  settings?: Record<string, unknown>;
  /** What Office reports as `Office.context.officeTheme` (absent: no theme, as outside Office). */
  officeTheme?: Record<string, unknown>;
  /** What Office reports as `Office.context.diagnostics.platform` ("PC", "Mac", "OfficeOnline"; absent: nothing). */
  platform?: string;
}

/** The test's handle on the Office host around the pane: switch Office's theme as a user would in File > Account. */
interface FakeOfficeHost {
  setTheme(theme: Record<string, unknown>): void;
  /** OfficeThemeChanged handlers the pane registered through `Office.context.document.addHandlerAsync`. */
  themeHandlerCount(): number;
  /** The user closes ("Hidden") or opens again ("Taskpane") the pane: Office.addin's VisibilityModeChanged. */
  setVisibility(mode: "Hidden" | "Taskpane"): void;
  /** VisibilityModeChanged handlers the pane registered through `Office.addin.onVisibilityModeChanged`. */
  visibilityHandlerCount(): number;
}

interface E2eWindow {
  rfmE2eSetup: E2eSetup;
  rfmFake: FakeExcel;
  rfmOffice: FakeOfficeHost;
  Excel: unknown;
}

const w = window as unknown as E2eWindow;
const delay = w.rfmE2eSetup.syncDelayMs ?? 0;
if (delay > 0) {
  const sync = FakeContext.prototype.sync;
  FakeContext.prototype.sync = async function slowSync(this: FakeContext) {
    await new Promise((wake) => setTimeout(wake, delay));
    return sync.call(this);
  };
}
const fake = new FakeExcel(w.rfmE2eSetup.workbook);
w.rfmFake = fake;
const settings = w.rfmE2eSetup.settings ?? {};
void fakeSettings(fake).then((store) => {
  for (const [key, value] of Object.entries(settings)) store.values.set(key, value);
});
// Both forms of Excel.run: a batch in a new context, and `Excel.run(context, batch)` in one an earlier run made.
w.Excel = { run: (...args: unknown[]) => (fake.run as (...a: unknown[]) => Promise<unknown>)(...args) };

// The Office theme and its change event, as Excel raises it (OfficeThemeChanged through the document's handlers);
// a theme change also refocuses the pane, as it does in Office.
let officeTheme = w.rfmE2eSetup.officeTheme;
const themeHandlers: ((args: unknown) => void)[] = [];
const fakeDocument = {
  addHandlerAsync(type: string, handler: (args: unknown) => void, callback?: (result: unknown) => void) {
    if (type === "officeThemeChanged") themeHandlers.push(handler);
    callback?.({ status: "succeeded" });
  },
};
// Office.addin's visibility event (SharedRuntime 1.1), as a shared runtime raises it when the pane is closed or opened.
const visibilityHandlers = new Set<(message: { visibilityMode: string }) => void>();
const fakeAddin = {
  onVisibilityModeChanged(handler: (message: { visibilityMode: string }) => void) {
    visibilityHandlers.add(handler);
    return Promise.resolve(async () => void visibilityHandlers.delete(handler));
  },
};
w.rfmOffice = {
  setVisibility(mode) {
    for (const handler of [...visibilityHandlers]) handler({ visibilityMode: mode });
  },
  visibilityHandlerCount: () => visibilityHandlers.size,
  setTheme(theme) {
    officeTheme = theme;
    for (const handler of themeHandlers) handler({ type: "officeThemeChanged", officeTheme: theme });
    window.dispatchEvent(new Event("focus"));
  },
  themeHandlerCount: () => themeHandlers.length,
};

// Outside Office, Office.js gives `Office.context` no display language, theme or document (and defines `context` as
// its own getter); the double reports what the test chose by handing the page a view of `Office` that adds them.
reportDisplayLanguage(w.rfmE2eSetup.displayLanguage);

function reportDisplayLanguage(displayLanguage: string): void {
  const addLanguage = (context: object) =>
    new Proxy(context, {
      get: (target, name) => {
        if (name === "displayLanguage") return Reflect.get(target, name) ?? displayLanguage;
        if (name === "officeTheme") return officeTheme;
        if (name === "diagnostics" && w.rfmE2eSetup.platform)
          return { platform: w.rfmE2eSetup.platform, version: "16.0" };
        if (name === "document") return Reflect.get(target, name) ?? fakeDocument;
        return Reflect.get(target, name);
      },
    });
  let view: unknown;
  Object.defineProperty(window, "Office", {
    configurable: true,
    get: () => view,
    set: (value: unknown) => {
      view =
        value && typeof value === "object"
          ? new Proxy(value, {
              get: (target, name) => {
                const found: unknown = Reflect.get(target, name);
                if (name === "EventType" && found && typeof found === "object" && !("OfficeThemeChanged" in found)) {
                  return { ...found, OfficeThemeChanged: "officeThemeChanged" };
                }
                if (name === "addin") return fakeAddin;
                return name === "context" && found && typeof found === "object" ? addLanguage(found) : found;
              },
            })
          : value;
    },
  });
}
