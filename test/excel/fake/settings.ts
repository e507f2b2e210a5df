/**
 * Workbook settings (`context.workbook.settings`, ExcelApi 1.4) and the recalculations asked for
 * (`application.calculate`, `Range.calculate`) for the Excel test double.
 * Settings belong to the workbook, so every context of one FakeExcel sees the same store; values go through JSON
 * as Office stores them. Plain TypeScript (no Node APIs): the browser tests bundle it too.
 */
import type { FakeExcel } from "./index";
import { FakeContext, FakeOfficeError, FakeProxy } from "./context";
import type { WorkbookState } from "./objects";

/**
 * What tests inspect: the stored settings, and every recalculation asked for (with the sync that ran it):
 * `application.calculate(type)` as that type, `Range.calculate()` as type "Range" with the range's address.
 */
export interface FakeSettingsStore {
  values: Map<string, unknown>;
  calculations: { type: string; sync: number; address?: string }[];
  /** Syncs that changed a setting. */
  changes: number[];
}

const stores = new WeakMap<WorkbookState, FakeSettingsStore>();

function settingsStoreOf(state: WorkbookState): FakeSettingsStore {
  let store = stores.get(state);
  if (!store) {
    store = { values: new Map(), calculations: [], changes: [] };
    stores.set(state, store);
  }
  return store;
}

/** The settings store of a fake workbook (runs an empty batch: no sync, no stats). */
export function fakeSettings(excel: FakeExcel): Promise<FakeSettingsStore> {
  return excel.run(async (ctx) => (ctx.workbook as unknown as { settings: FakeSettingCollection }).settings.store);
}

function stored(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export class FakeSetting extends FakeProxy {
  protected readonly loadable = ["key", "value"] as const;
  constructor(
    ctx: FakeContext,
    private readonly store: FakeSettingsStore,
    private readonly settingKey: string,
    private readonly mustExist: boolean,
  ) {
    super(ctx);
  }
  protected resolve(): boolean {
    const exists = this.store.values.has(this.settingKey);
    if (!exists && this.mustExist) throw new FakeOfficeError("ItemNotFound", `fake: no setting "${this.settingKey}"`);
    return exists;
  }
  protected read(name: string): unknown {
    return name === "key" ? this.settingKey : stored(this.store.values.get(this.settingKey));
  }
  get key(): string {
    return this.loadedValue("key");
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
  delete(): void {
    this.write({ deleteSetting: this.settingKey }, () => {
      if (this.store.values.delete(this.settingKey)) this.store.changes.push(this.ctx.control.syncCount);
    });
  }
}

interface LoadedSetting {
  key: string;
  value: unknown;
  delete(): void;
}

export class FakeSettingCollection extends FakeProxy {
  protected readonly loadable = ["items/key", "items/value"] as const;
  readonly store: FakeSettingsStore;
  private keys: string[] = [];
  constructor(ctx: FakeContext, state: WorkbookState) {
    super(ctx);
    this.store = settingsStoreOf(state);
  }
  protected resolve(): boolean {
    return true;
  }
  protected read(name: string): unknown {
    this.keys = [...this.store.values.keys()];
    return name === "items/key" ? this.keys : this.keys.map((k) => stored(this.store.values.get(k)));
  }
  get items(): LoadedSetting[] {
    const keys = this.loadedValue<string[]>("items/key");
    const values = this.loadedValue<unknown[]>("items/value");
    return keys.map((key, i) => ({ key, value: values[i], delete: () => this.getItem(key).delete() }));
  }
  add(key: string, value: unknown): FakeSetting {
    if (typeof key !== "string" || key === "")
      throw new FakeOfficeError("InvalidArgument", "fake: a setting needs a key");
    const copy = stored(value);
    this.write({ key, value: copy }, () => {
      this.store.values.set(key, copy);
      this.store.changes.push(this.ctx.control.syncCount);
    });
    return new FakeSetting(this.ctx, this.store, key, true);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, this.store, key, true);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, this.store, key, false);
  }
}

/** A `Range.calculate()` as it is applied (by the sync numbered `sync`). */
export function recordRangeCalculation(state: WorkbookState, address: string, sync: number): void {
  settingsStoreOf(state).calculations.push({ type: "Range", address, sync });
}

/** `application.calculate(type)`: recorded with the sync that runs it. */
export function queueCalculation(ctx: FakeContext, state: WorkbookState, type: string): void {
  const store = settingsStoreOf(state);
  ctx.enqueue({
    requestBytes: 40 + type.length,
    apply: () => void store.calculations.push({ type, sync: ctx.control.syncCount }),
  });
}
