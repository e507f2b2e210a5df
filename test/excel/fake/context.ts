/**
 * Request context of the Excel test double: the load/sync protocol of Office.js.
 *
 * - Reading a property that was not loaded (and synced) throws, like Office's PropertyNotLoaded.
 * - `load()` without naming properties throws (the adapter must load only what it uses).
 * - Writes and loads are queued in order and run at `sync()`; each sync records a `SyncStats` entry with the
 *   estimated request and response payload (JSON bytes of the values/formulas/formats written or read).
 * - Requests or responses above `payloadLimit` fail like Excel on the web (5 MB); a values read of more than 5M
 *   cells returns null values, as Excel on the web may.
 * - `failAtSync` makes the Nth sync fail before anything of it is applied; `onSync` runs before each sync (tests
 *   use it to abort a signal part-way).
 * - A context syncs only while an `Excel.run` runs with it (the one that made it, or `Excel.run(context, batch)`).
 */
import type { Rect } from "./address";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface SyncStats {
  /** 1-based, counted over the whole fake's life. */
  index: number;
  operations: number;
  requestBytes: number;
  responseBytes: number;
  cellsRead: number;
  cellsWritten: number;
  /** `suspendApiCalculationUntilNextSync()` was called in this batch. */
  calculationSuspended: boolean;
}

export interface SyncControl {
  payloadLimit: number;
  failAtSync?: number;
  onSync?: (index: number) => void;
  stats: SyncStats[];
  syncCount: number;
}

export const FIVE_MB = 5 * 1024 * 1024;
export const READ_CELL_LIMIT = 5_000_000;

/** UTF-8 bytes of the JSON text of a value, as it would travel in a request or response. */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x800) bytes += c >= 0xd800 && c <= 0xdfff ? 1 : 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

interface Operation {
  requestBytes: number;
  cellsWritten?: number;
  suspendsCalculation?: boolean;
  /** Applies the operation; returns the response bytes and cells read. */
  apply(): { responseBytes?: number; cellsRead?: number } | void;
}

/** Base of every fake proxy object: loaded-property bookkeeping and null-object resolution. */
export abstract class FakeProxy {
  private readonly loaded = new Map<string, unknown>();
  private synced = false;
  private nullObject = false;

  constructor(protected readonly ctx: FakeContext) {
    ctx.register(this);
  }

  /** Resolves what the object refers to; false when it is a null object. Called at sync. */
  protected abstract resolve(): boolean;
  /** Current value of a loadable property (called at sync). */
  protected abstract read(name: string): unknown;
  protected abstract readonly loadable: readonly string[];

  /** Called by the context at each sync. */
  settle(): void {
    this.nullObject = !this.resolve();
    this.synced = true;
  }

  load(props?: string | string[] | { select?: string }): this {
    const names = parseLoad(props);
    for (const n of names) {
      if (!this.loadable.includes(n)) throw new Error(`fake: ${this.constructor.name} cannot load "${n}"`);
    }
    this.ctx.enqueue({
      requestBytes: 40 + jsonBytes(names),
      apply: () => {
        let responseBytes = 0;
        let cellsRead = 0;
        const exists = this.resolve();
        for (const n of names) {
          const v = exists ? this.read(n) : null;
          this.loaded.set(n, v);
          responseBytes += jsonBytes(v) + n.length + 4;
          if (Array.isArray(v)) cellsRead += v.length * (Array.isArray(v[0]) ? v[0].length : 1);
        }
        return { responseBytes, cellsRead };
      },
    });
    return this;
  }

  get isNullObject(): boolean {
    if (!this.synced) throw new FakeOfficeError("PropertyNotLoaded", "isNullObject read before context.sync()");
    return this.nullObject;
  }

  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  /** A queued write. */
  protected write(payload: unknown, apply: () => void, cellsWritten = 0): void {
    this.ctx.enqueue({ requestBytes: 40 + jsonBytes(payload), cellsWritten, apply });
  }

  /** The loaded cache is stale once the object is written to (Office keeps the value set, the fake just forgets). */
  protected forget(name: string): void {
    this.loaded.delete(name);
  }
}

function parseLoad(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined || props === null) {
    throw new Error("fake: load() without arguments loads every property; name the properties you use");
  }
  const text = typeof props === "string" ? props : Array.isArray(props) ? props.join(",") : (props.select ?? "");
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new Error("fake: load() with no property names");
  return names;
}

export class FakeContext {
  private queue: Operation[] = [];
  private readonly proxies = new Set<FakeProxy>();
  /** Set by FakeExcel: the workbook proxy of this context. */
  workbook!: unknown;
  /** Excel.run calls running with this context now: it syncs only inside one. */
  openRuns = 0;

  constructor(readonly control: SyncControl) {}

  register(p: FakeProxy): void {
    this.proxies.add(p);
  }

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  suspendCalculation(): void {
    this.queue.push({ requestBytes: 40, suspendsCalculation: true, apply: () => undefined });
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    if (this.openRuns === 0) {
      throw new FakeOfficeError(
        "InvalidRequestContext",
        "fake: context.sync() after its Excel.run ended: run it again in Excel.run(context, batch)",
      );
    }
    const ops = this.queue;
    this.queue = [];
    const control = this.control;
    const index = ++control.syncCount;
    const stats: SyncStats = {
      index,
      operations: ops.length,
      requestBytes: ops.reduce((s, o) => s + o.requestBytes, 0),
      responseBytes: 0,
      cellsRead: 0,
      cellsWritten: ops.reduce((s, o) => s + (o.cellsWritten ?? 0), 0),
      calculationSuspended: ops.some((o) => o.suspendsCalculation),
    };
    control.stats.push(stats);
    control.onSync?.(index);
    await Promise.resolve();
    if (control.failAtSync === index) {
      throw new FakeOfficeError("GeneralException", `fake: sync ${index} failed as the test asked`);
    }
    if (stats.requestBytes > control.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `request of ${stats.requestBytes} bytes`);
    }
    try {
      for (const op of ops) {
        const r = op.apply();
        if (r) {
          stats.responseBytes += r.responseBytes ?? 0;
          stats.cellsRead += r.cellsRead ?? 0;
        }
      }
    } finally {
      for (const p of this.proxies) p.settle();
    }
    if (stats.responseBytes > control.payloadLimit) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ${stats.responseBytes} bytes`);
    }
  }
}

export function rectCells(r: Rect): number {
  return r.rows * r.cols;
}
