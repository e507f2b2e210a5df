/**
 * Workbook names (`context.workbook.names`, ExcelApi 1.4) for the Excel test double: `add(name, range)`,
 * `getItem` / `getItemOrNullObject`, and a named item's `name`, `formula` and `delete()`. Names belong to the
 * workbook, so every context of one FakeExcel sees the same ones; Excel compares names ignoring case and refuses to
 * add a name that exists. Plain TypeScript (no Node APIs): the browser tests bundle it too.
 */
import { formatAddress, type Rect } from "./address";
import { FakeContext, FakeOfficeError, FakeProxy } from "./context";
import type { FakeRange, WorkbookState } from "./objects";
import type { SheetData } from "./sheetData";

export interface NameData {
  name: string;
  sheet: SheetData;
  rect: Rect;
}

const stores = new WeakMap<WorkbookState, Map<string, NameData>>();

/** The workbook's names, by lower-case name. */
export function namesOf(state: WorkbookState): Map<string, NameData> {
  let names = stores.get(state);
  if (!names) {
    names = new Map();
    stores.set(state, names);
  }
  return names;
}

/** "=Params!$B$2" as Excel shows a name's formula (the sheet quoted when its name needs it). */
export function nameFormula(n: NameData): string {
  const absolute = formatAddress(n.sheet.name, n.rect).replace(
    /!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/,
    (_, c1, r1, c2, r2) => `!$${c1}$${r1}${c2 ? `:$${c2}$${r2}` : ""}`,
  );
  return `=${absolute}`;
}

export class FakeNamedItem extends FakeProxy {
  protected readonly loadable = ["name", "formula", "type"] as const;
  constructor(
    ctx: FakeContext,
    private readonly state: WorkbookState,
    private readonly itemName: string,
    private readonly mustExist: boolean,
  ) {
    super(ctx);
  }
  private find(): NameData | undefined {
    return namesOf(this.state).get(this.itemName.toLowerCase());
  }
  protected resolve(): boolean {
    const found = this.find();
    if (!found && this.mustExist) throw new FakeOfficeError("ItemNotFound", `fake: no name "${this.itemName}"`);
    return found !== undefined;
  }
  protected read(prop: string): unknown {
    const n = this.find()!;
    return prop === "name" ? n.name : prop === "formula" ? nameFormula(n) : "Range";
  }
  get name(): string {
    return this.loadedValue("name");
  }
  get formula(): string {
    return this.loadedValue("formula");
  }
  get type(): string {
    return this.loadedValue("type");
  }
  delete(): void {
    this.write({ deleteName: this.itemName }, () => {
      if (!this.find()) throw new FakeOfficeError("ItemNotFound", `fake: no name "${this.itemName}"`);
      namesOf(this.state).delete(this.itemName.toLowerCase());
    });
  }
}

export class FakeNamedItemCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: WorkbookState,
  ) {}
  /** Excel names refer to a range here; a name that exists (any case) is refused, as Excel refuses it. */
  add(name: string, reference: FakeRange, _comment?: string): FakeNamedItem {
    this.ctx.enqueue({
      requestBytes: 60 + name.length,
      apply: () => {
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name))
          throw new FakeOfficeError("InvalidArgument", `fake: bad name "${name}"`);
        const names = namesOf(this.state);
        if (names.has(name.toLowerCase()))
          throw new FakeOfficeError("InvalidArgument", `fake: the name "${name}" exists`);
        const where = reference.where();
        if (!where) throw new FakeOfficeError("InvalidArgument", "fake: a name must refer to a range");
        names.set(name.toLowerCase(), { name, sheet: where.sheet, rect: where.rect });
      },
    });
    return new FakeNamedItem(this.ctx, this.state, name, false);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, this.state, name, true);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, this.state, name, false);
  }
}
