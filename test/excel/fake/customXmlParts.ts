/**
 * Custom XML parts of the workbook (`context.workbook.customXmlParts`, ExcelApi 1.5) for the Excel test double. They
 * belong to the workbook, not to an add-in: every context of one FakeExcel sees the same parts, whatever add-in asks.
 * Load/sync semantics as in Office: ids and namespaces are read after `load` + `sync`, `getXml()` gives its value
 * after the sync, writes and deletes take effect at the sync. Excel refuses XML that is not well formed, and takes a
 * part's namespace from its root element. Plain TypeScript (no Node APIs): the browser tests bundle it too.
 */
import type { FakeExcel } from "./index";
import { FakeContext, FakeOfficeError, FakeProxy } from "./context";
import type { WorkbookState } from "./objects";

export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

/** What tests inspect or prepare: the parts in the order they were added, and the syncs that changed one. */
export interface FakeXmlPartStore {
  parts: FakeXmlPart[];
  changes: number[];
  /** Adds a part as another program (or a damaged file) left it: no check of the XML. */
  addRaw(xml: string, namespaceUri: string): FakeXmlPart;
}

const stores = new WeakMap<WorkbookState, FakeXmlPartStore>();
let nextId = 1;

function newPartId(): string {
  const n = String(nextId++).padStart(12, "0");
  return `{5A0C3F1E-0000-4000-8000-${n}}`;
}

function xmlPartStoreOf(state: WorkbookState): FakeXmlPartStore {
  let store = stores.get(state);
  if (!store) {
    const made: FakeXmlPartStore = {
      parts: [],
      changes: [],
      addRaw(xml, namespaceUri) {
        const part = { id: newPartId(), namespaceUri, xml };
        made.parts.push(part);
        return part;
      },
    };
    store = made;
    stores.set(state, store);
  }
  return store;
}

/** The custom XML parts of a fake workbook (runs an empty batch: no sync, no stats). */
export function fakeXmlParts(excel: FakeExcel): Promise<FakeXmlPartStore> {
  return excel.run(async (ctx) =>
    xmlPartStoreOf((ctx.workbook as unknown as { customXmlParts: FakeCustomXmlPartCollection }).customXmlParts.state),
  );
}

/**
 * The namespace of a well-formed document's root element, as Excel takes it ("" for none); throws InvalidArgument
 * for text that is not a well-formed document (checked as far as a test needs: one root element, closed, and tags
 * that nest).
 */
function rootNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^?]*\?>)?\s*/, "");
  const root =
    /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(body);
  if (!root || !wellFormed(body)) throw new FakeOfficeError("InvalidArgument", "fake: the XML is not well formed");
  const [, first, second, attributes] = root;
  const prefix = second === undefined ? undefined : first;
  const wanted = prefix === undefined ? "xmlns" : `xmlns:${prefix}`;
  for (const m of attributes.matchAll(/\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (m[1] === wanted) return m[2] ?? m[3] ?? "";
  }
  return "";
}

/** Tags nest and close, text holds no bare "<" or unknown "&" entity. */
function wellFormed(body: string): boolean {
  const stack: string[] = [];
  const tokens = body.replace(/<!--[\s\S]*?-->/g, "").replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  let rest = tokens;
  let seenRoot = false;
  while (rest.length > 0) {
    const lt = rest.indexOf("<");
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) return false;
    if (stack.length === 0 && text.trim() !== "") return false;
    if (lt < 0) break;
    const gt = rest.indexOf(">", lt);
    if (gt < 0) return false;
    const tag = rest.slice(lt + 1, gt);
    rest = rest.slice(gt + 1);
    if (tag.startsWith("/")) {
      if (stack.pop() !== tag.slice(1).trim()) return false;
    } else {
      const name = /^([A-Za-z_][\w.:-]*)/.exec(tag)?.[1];
      if (!name || (stack.length === 0 && seenRoot)) return false;
      seenRoot = true;
      if (!tag.endsWith("/")) stack.push(name);
    }
  }
  return seenRoot && stack.length === 0;
}

/** `getXml()`'s ClientResult: its value exists after the sync that ran it. */
class FakeClientResult<T> {
  private settled = false;
  private result: T | undefined;
  constructor(ctx: FakeContext, compute: () => T) {
    ctx.enqueue({
      requestBytes: 40,
      apply: () => {
        this.result = compute();
        this.settled = true;
        return { responseBytes: JSON.stringify(this.result ?? null).length };
      },
    });
  }
  get value(): T {
    if (!this.settled) throw new FakeOfficeError("PropertyNotLoaded", "ClientResult.value read before context.sync()");
    return this.result as T;
  }
}

export class FakeCustomXmlPart extends FakeProxy {
  protected readonly loadable = ["id", "namespaceUri"] as const;
  /** Once found, a part that is deleted later is a null object, as in Office (not an error at every later sync). */
  private found = false;
  constructor(
    ctx: FakeContext,
    private readonly store: FakeXmlPartStore,
    private readonly locate: () => FakeXmlPart | null,
    private readonly mustExist: boolean,
  ) {
    super(ctx);
  }
  private part(): FakeXmlPart | null {
    const p = this.locate();
    return p && this.store.parts.includes(p) ? p : null;
  }
  private need(): FakeXmlPart {
    const p = this.part();
    if (!p) throw new FakeOfficeError("ItemNotFound", "fake: the custom XML part does not exist");
    return p;
  }
  protected resolve(): boolean {
    const exists = this.part() !== null;
    if (!exists && this.mustExist && !this.found)
      throw new FakeOfficeError("ItemNotFound", "fake: the custom XML part does not exist");
    this.found ||= exists;
    return exists;
  }
  protected read(name: string): unknown {
    const p = this.need();
    return name === "id" ? p.id : p.namespaceUri;
  }
  get id(): string {
    return this.loadedValue("id");
  }
  get namespaceUri(): string {
    return this.loadedValue("namespaceUri");
  }
  getXml(): FakeClientResult<string> {
    return new FakeClientResult(this.ctx, () => this.need().xml);
  }
  setXml(xml: string): void {
    this.write({ setXml: xml }, () => {
      const p = this.need();
      p.namespaceUri = rootNamespace(xml);
      p.xml = xml;
      this.store.changes.push(this.ctx.control.syncCount);
    });
  }
  delete(): void {
    this.write({ deleteXmlPart: true }, () => {
      const p = this.need();
      this.store.parts.splice(this.store.parts.indexOf(p), 1);
      this.store.changes.push(this.ctx.control.syncCount);
    });
  }
}

/** The parts a collection holds at a sync: all of them, or those of one namespace. */
type Select = () => FakeXmlPart[];

class FakePartList extends FakeProxy {
  protected readonly loadable = ["items/id", "items/namespaceUri"] as const;
  private loadedParts: FakeXmlPart[] = [];
  constructor(
    ctx: FakeContext,
    protected readonly store: FakeXmlPartStore,
    protected readonly select: Select,
  ) {
    super(ctx);
  }
  protected resolve(): boolean {
    return true;
  }
  protected read(name: string): unknown {
    this.loadedParts = this.select();
    return this.loadedParts.map((p) => (name === "items/id" ? p.id : p.namespaceUri));
  }
  /** Parts as loaded: each a proxy of its own, with what was loaded readable. */
  get items(): {
    id: string;
    namespaceUri: string;
    getXml(): FakeClientResult<string>;
    setXml(xml: string): void;
    delete(): void;
  }[] {
    const ids = this.loadedValue<string[]>("items/id");
    return ids.map((id, i) => {
      const part = this.loadedParts[i];
      const proxy = new FakeCustomXmlPart(this.ctx, this.store, () => part, true);
      return {
        id,
        get namespaceUri() {
          return part.namespaceUri;
        },
        getXml: () => proxy.getXml(),
        setXml: (xml: string) => proxy.setXml(xml),
        delete: () => proxy.delete(),
      };
    });
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.ctx, () => this.select().length);
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, this.store, () => this.select().find((p) => p.id === id) ?? null, true);
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, this.store, () => this.select().find((p) => p.id === id) ?? null, false);
  }
}

export class FakeCustomXmlPartScopedCollection extends FakePartList {
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, this.store, () => this.onlyOne(), false);
  }
  private onlyOne(): FakeXmlPart | null {
    const parts = this.select();
    return parts.length === 1 ? parts[0] : null;
  }
}

export class FakeCustomXmlPartCollection extends FakePartList {
  constructor(
    ctx: FakeContext,
    readonly state: WorkbookState,
  ) {
    const store = xmlPartStoreOf(state);
    super(ctx, store, () => [...store.parts]);
  }
  add(xml: string): FakeCustomXmlPart {
    let created: FakeXmlPart | null = null;
    this.ctx.enqueue({
      requestBytes: 40 + xml.length,
      apply: () => {
        const namespaceUri = rootNamespace(xml);
        created = this.store.addRaw(xml, namespaceUri);
        this.store.changes.push(this.ctx.control.syncCount);
      },
    });
    return new FakeCustomXmlPart(this.ctx, this.store, () => created, true);
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.ctx, this.store, () =>
      this.store.parts.filter((p) => p.namespaceUri === namespaceUri),
    );
  }
}
