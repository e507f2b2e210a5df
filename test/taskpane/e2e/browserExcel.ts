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
}

interface E2eWindow {
  rfmE2eSetup: E2eSetup;
  rfmFake: FakeExcel;
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
w.Excel = { run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => fake.run(batch) };

// Outside Office, Office.js gives `Office.context` no display language (and defines `context` as its own getter);
// the double reports the language the test chose by handing the page a view of `Office` that adds it.
reportDisplayLanguage(w.rfmE2eSetup.displayLanguage);

function reportDisplayLanguage(displayLanguage: string): void {
  const addLanguage = (context: object) =>
    new Proxy(context, {
      get: (target, name) => (name === "displayLanguage" ? (Reflect.get(target, name) ?? displayLanguage) : Reflect.get(target, name)),
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
                return name === "context" && found && typeof found === "object" ? addLanguage(found) : found;
              },
            })
          : value;
    },
  });
}
