/**
 * Fake Excel objects: only those the adapter uses, with Office's names. Navigation (getRange, getUsedRange, ...)
 * returns a proxy at once; what it refers to is worked out at the next sync, as in Office.
 */
import {
  contains,
  formatAddress,
  intersect,
  MAX_COLUMNS,
  MAX_ROWS,
  parseCells,
  splitSheet,
  type Rect,
} from "./address";
import { FakeContext, FakeOfficeError, FakeProxy, READ_CELL_LIMIT, rectCells } from "./context";
import type { SheetData, TableData } from "./sheetData";
import { FakeSettingCollection, queueCalculation, recordRangeCalculation } from "./settings";
import { FakeCustomXmlPartCollection } from "./customXmlParts";
import { FakeNamedItemCollection } from "./names";

/** The workbook's state shared by every context: sheets in tab order, selection, date system. */
export interface WorkbookState {
  sheets: SheetData[];
  selection: { sheet: SheetData; areas: Rect[] };
  activeSheet: SheetData;
  date1904: boolean;
  newSheet(name: string): SheetData;
  /** Handlers registered through `workbook.onSelectionChanged.add` (and synced), called after every selection change. */
  selectionHandlers: Set<SelectionHandler>;
  /** The workbook's structure is protected (Review > Protect Workbook): no sheet can be added, deleted or renamed. */
  structureProtected?: boolean;
}

/** What Excel says when it refuses to change a protected sheet (code AccessDenied). */
const PROTECTED_SHEET_MESSAGE = "The cell or chart you're trying to change is on a protected sheet.";
const PROTECTED_WORKBOOK_MESSAGE = "Workbook is protected and cannot be changed.";

function refuseIfStructureProtected(state: WorkbookState): void {
  if (state.structureProtected) throw new FakeOfficeError("AccessDenied", PROTECTED_WORKBOOK_MESSAGE);
}

export type SelectionHandler = (args: { type: "WorkbookSelectionChanged" }) => Promise<unknown> | unknown;

/**
 * Excel raises SelectionChanged after the selection moved, whether the user or an add-in moved it, and delivers it
 * later, never inside the call that changed it.
 */
export function notifySelectionChanged(state: WorkbookState): void {
  for (const handler of [...state.selectionHandlers]) {
    setTimeout(() => void handler({ type: "WorkbookSelectionChanged" }), 0);
  }
}

type Located = { sheet: SheetData; rect: Rect } | null;

/** Called while a sync applies a `Range.calculate()`. */
function queueRangeCalculation(ctx: FakeContext, state: WorkbookState, address: string): void {
  recordRangeCalculation(state, address, ctx.control.syncCount);
}

function findSheet(state: WorkbookState, name: string): SheetData | undefined {
  return state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

function check2d(value: unknown, rect: Rect, what: string): unknown[][] {
  if (
    !Array.isArray(value) ||
    value.length !== rect.rows ||
    value.some((r) => !Array.isArray(r) || r.length !== rect.cols)
  ) {
    throw new FakeOfficeError("InvalidArgument", `fake: ${what} must be a ${rect.rows}x${rect.cols} array`);
  }
  return value as unknown[][];
}

export class FakeRange extends FakeProxy {
  protected readonly loadable = [
    "address",
    "values",
    "formulas",
    "numberFormat",
    "text",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
  ] as const;
  private located: Located | undefined;

  constructor(
    ctx: FakeContext,
    readonly state: WorkbookState,
    private readonly locate: () => Located,
  ) {
    super(ctx);
  }

  /** Where this range is, worked out once (at the first sync that needs it). */
  where(): Located {
    if (this.located === undefined) this.located = this.locate();
    return this.located;
  }

  private need(): { sheet: SheetData; rect: Rect } {
    const w = this.where();
    if (!w) throw new FakeOfficeError("ItemNotFound", "fake: operation on a null range");
    return w;
  }

  protected resolve(): boolean {
    return this.where() !== null;
  }

  protected read(name: string): unknown {
    const { sheet, rect } = this.need();
    const grid = (cell: (r: number, c: number) => unknown): unknown[][] | null => {
      if (rectCells(rect) > READ_CELL_LIMIT) return null;
      const out: unknown[][] = new Array(rect.rows);
      for (let i = 0; i < rect.rows; i++) {
        const row = new Array(rect.cols);
        for (let j = 0; j < rect.cols; j++) row[j] = cell(rect.row + i, rect.col + j);
        out[i] = row;
      }
      return out;
    };
    switch (name) {
      case "address":
        return formatAddress(sheet.name, rect);
      case "values":
        return grid((r, c) => sheet.value(r, c));
      case "formulas":
        return grid((r, c) => sheet.formula(r, c));
      case "numberFormat":
        return grid((r, c) => sheet.numberFormat(r, c));
      case "text":
        return grid((r, c) => String(sheet.value(r, c)));
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
    }
    throw new Error(name);
  }

  /** Every change of the range's cells or formats is refused on a protected sheet; selecting it is not a change. */
  protected override write(payload: unknown, apply: () => void, cellsWritten = 0): void {
    const selecting = (payload as { select?: boolean } | null)?.select === true;
    super.write(
      payload,
      () => {
        if (!selecting && this.where()?.sheet.protected)
          throw new FakeOfficeError("AccessDenied", PROTECTED_SHEET_MESSAGE);
        apply();
      },
      cellsWritten,
    );
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(v: unknown[][]) {
    this.enter(v, "values");
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  set formulas(v: unknown[][]) {
    this.enter(v, "formulas");
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.forget("numberFormat");
    this.write(v, () => {
      const { sheet, rect } = this.need();
      const grid = check2d(v, rect, "numberFormat");
      for (let i = 0; i < rect.rows; i++)
        for (let j = 0; j < rect.cols; j++) sheet.setNumberFormat(rect.row + i, rect.col + j, grid[i][j]);
    });
  }
  get text(): string[][] {
    return this.loadedValue("text");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }

  private enter(v: unknown[][], what: string): void {
    this.forget("values");
    this.forget("formulas");
    this.forget("text");
    const cells = Array.isArray(v) ? v.length * (Array.isArray(v[0]) ? v[0].length : 0) : 0;
    this.write(
      v,
      () => {
        const { sheet, rect } = this.need();
        const grid = check2d(v, rect, what);
        for (let i = 0; i < rect.rows; i++)
          for (let j = 0; j < rect.cols; j++) sheet.enter(rect.row + i, rect.col + j, grid[i][j]);
      },
      cells,
    );
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.state, () => this.where()?.sheet ?? null);
  }

  private derived(f: (w: { sheet: SheetData; rect: Rect }) => Located): FakeRange {
    return new FakeRange(this.ctx, this.state, () => {
      const w = this.where();
      return w ? f(w) : null;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived(({ sheet, rect }) => ({
      sheet,
      rect: { row: rect.row + row, col: rect.col + column, rows: 1, cols: 1 },
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(({ sheet, rect }) => ({
      sheet,
      rect: { ...rect, row: rect.row + rowOffset, col: rect.col + columnOffset },
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(({ sheet, rect }) => ({
      sheet,
      rect: { ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaColumns },
    }));
  }

  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return this.derived(({ sheet, rect }) => {
      const o = typeof other === "string" ? { sheet, rect: parseCells(splitSheet(other).cells) } : other.where();
      if (!o || o.sheet !== sheet) return null;
      const r = intersect(rect, o.rect);
      return r ? { sheet, rect: r } : null;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.derived(({ sheet, rect }) => {
      const used = sheet.usedRect(!!valuesOnly, rect);
      return used ? { sheet, rect: used } : null;
    });
  }

  getSurroundingRegion(): FakeRange {
    return this.derived(({ sheet, rect }) => ({ sheet, rect: sheet.surroundingRegion(rect.row, rect.col) }));
  }

  getTables(fullyContained?: boolean): FakeTableScopedCollection {
    return new FakeTableScopedCollection(this.ctx, () => {
      const w = this.where();
      if (!w) return [];
      return w.sheet.tables.filter((t) =>
        fullyContained ? contains(w.rect, t.rect) : intersect(w.rect, t.rect) !== null,
      );
    });
  }

  /** `Range.calculate()` (ExcelApi 1.6): recorded, with its address and the sync that ran it, for tests to inspect. */
  calculate(): void {
    this.write({ calculate: true }, () => {
      const { sheet, rect } = this.need();
      queueRangeCalculation(this.ctx, this.state, formatAddress(sheet.name, rect));
    });
  }

  select(): void {
    this.write({ select: true }, () => {
      const { sheet, rect } = this.need();
      this.state.selection = { sheet, areas: [rect] };
      this.state.activeSheet = sheet;
      notifySelectionChanged(this.state);
    });
  }

  clear(applyTo?: string): void {
    this.write({ clear: applyTo ?? "All" }, () => {
      const { sheet, rect } = this.need();
      if (applyTo !== "Formats") sheet.clearContents(rect);
      if (applyTo !== "Contents") sheet.clearFormats(rect);
    });
  }

  merge(): void {
    this.write({ merge: true }, () => {
      const { sheet, rect } = this.need();
      sheet.merged.push(rect);
    });
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this);
  }

  /** For the format helpers: queue a write against this range. */
  queueWrite(payload: unknown, apply: (w: { sheet: SheetData; rect: Rect }) => void): void {
    this.write(payload, () => apply(this.need()));
  }
}

export class FakeRangeFormat {
  constructor(private readonly range: FakeRange) {}
  get font(): { bold: boolean; color: string } {
    const range = this.range;
    return {
      set bold(v: boolean) {
        range.queueWrite({ bold: v }, ({ sheet, rect }) => sheet.bold.push({ rect, value: v }));
      },
      get bold(): boolean {
        throw new FakeOfficeError("PropertyNotLoaded", "fake: format.font.bold is write-only here");
      },
      set color(_v: string) {
        range.queueWrite({ color: _v }, () => undefined);
      },
      get color(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "fake: format.font.color is write-only here");
      },
    };
  }
  get fill(): { color: string; clear(): void } {
    const range = this.range;
    return {
      set color(v: string) {
        range.queueWrite({ fill: v }, ({ sheet, rect }) => sheet.fills.push({ rect, color: v }));
      },
      get color(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "fake: format.fill.color is write-only here");
      },
      clear(): void {
        range.queueWrite({ fill: null }, ({ sheet, rect }) => sheet.fills.push({ rect, color: null }));
      },
    };
  }
  autofitColumns(): void {
    this.range.queueWrite({ autofit: true }, () => undefined);
  }
  set columnWidth(v: number) {
    this.range.queueWrite({ columnWidth: v }, () => undefined);
  }
}

export class FakeConditionalFormatCollection {
  constructor(private readonly range: FakeRange) {}
  add(type: string): FakeConditionalFormat {
    if (type === "ColorScale") return new FakeColorScaleFormat(this.range) as unknown as FakeConditionalFormat;
    if (type !== "CellValue") throw new Error(`fake: conditional format type ${type} not modelled`);
    const cf = {
      rect: { row: 0, col: 0, rows: 0, cols: 0 },
      operator: "",
      formula1: "",
    } as import("./sheetData").ConditionalFill;
    this.range.queueWrite({ cf: type }, ({ sheet, rect }) => {
      cf.rect = rect;
      sheet.conditionalFills.push(cf);
    });
    return new FakeConditionalFormat(this.range, cf);
  }
  clearAll(): void {
    this.range.queueWrite({ cfClear: true }, ({ sheet, rect }) => sheet.removeConditionalFormats(rect));
  }
}

/** A colour scale: kept as its rectangle and criteria (the fake does not colour cells by it). */
class FakeColorScaleFormat {
  constructor(private readonly range: FakeRange) {}
  get colorScale(): { criteria: unknown } {
    const range = this.range;
    return {
      set criteria(v: unknown) {
        range.queueWrite({ colorScale: v }, ({ sheet, rect }) => {
          sheet.colourScales.push({ rect, criteria: v as import("./sheetData").ColourScale["criteria"] });
        });
      },
      get criteria(): unknown {
        throw new Error("fake: reading colour scale criteria is not modelled");
      },
    };
  }
}

export class FakeConditionalFormat {
  constructor(
    private readonly range: FakeRange,
    private readonly cf: import("./sheetData").ConditionalFill,
  ) {}
  get cellValue(): {
    format: { fill: { color: string }; font: { color: string } };
    rule: { formula1: string; operator: string };
  } {
    const { range, cf } = this;
    return {
      format: {
        fill: {
          set color(v: string) {
            range.queueWrite({ cfFill: v }, () => (cf.fill = v));
          },
          get color(): string {
            return cf.fill ?? "";
          },
        },
        font: {
          set color(v: string) {
            range.queueWrite({ cfFont: v }, () => (cf.fontColor = v));
          },
          get color(): string {
            return cf.fontColor ?? "";
          },
        },
      },
      set rule(v: { formula1: string; operator: string }) {
        range.queueWrite(v, () => {
          cf.formula1 = v.formula1;
          cf.operator = v.operator;
        });
      },
      get rule(): { formula1: string; operator: string } {
        return { formula1: cf.formula1, operator: cf.operator };
      },
    };
  }
}

export class FakeTableScopedCollection extends FakeProxy {
  protected readonly loadable = ["items/name"] as const;
  constructor(
    ctx: FakeContext,
    private readonly find: () => TableData[],
  ) {
    super(ctx);
  }
  protected resolve(): boolean {
    return true;
  }
  protected read(): unknown {
    return this.find().map((t) => t.name);
  }
  get items(): { name: string }[] {
    return this.loadedValue<string[]>("items/name").map((name) => ({ name }));
  }
}

/** `workbook.tables`: tables of every sheet, by name. */
export class FakeTableCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: WorkbookState,
  ) {}
  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, this.state, () => {
      for (const sheet of this.state.sheets) {
        const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
        if (table) return { sheet, table };
      }
      throw new FakeOfficeError("ItemNotFound", `fake: no table "${name}"`);
    });
  }
}

export class FakeTable extends FakeProxy {
  protected readonly loadable = ["name"] as const;
  private found: { sheet: SheetData; table: TableData } | null | undefined;
  constructor(
    ctx: FakeContext,
    private readonly state: WorkbookState,
    private readonly locate: () => { sheet: SheetData; table: TableData } | null,
  ) {
    super(ctx);
  }
  private where(): { sheet: SheetData; table: TableData } | null {
    if (this.found === undefined) this.found = this.locate();
    return this.found;
  }
  protected resolve(): boolean {
    return this.where() !== null;
  }
  protected read(name: string): unknown {
    return name === "name" ? this.where()?.table.name : null;
  }
  get name(): string {
    return this.loadedValue("name");
  }
  private part(f: (r: Rect) => Rect | null): FakeRange {
    return new FakeRange(this.ctx, this.state, () => {
      const w = this.where();
      const r = w && f(w.table.rect);
      return w && r ? { sheet: w.sheet, rect: r } : null;
    });
  }
  getRange(): FakeRange {
    return this.part((r) => r);
  }
  getHeaderRowRange(): FakeRange {
    return this.part((r) => ({ ...r, rows: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.part((r) => (r.rows > 1 ? { ...r, row: r.row + 1, rows: r.rows - 1 } : null));
  }
}

export class FakeRangeAreas extends FakeProxy {
  protected readonly loadable = ["address", "areaCount"] as const;
  constructor(
    ctx: FakeContext,
    private readonly state: WorkbookState,
    private readonly locate: () => { sheet: SheetData; areas: Rect[] } | null,
  ) {
    super(ctx);
  }
  private cached: { sheet: SheetData; areas: Rect[] } | null | undefined;
  private where(): { sheet: SheetData; areas: Rect[] } | null {
    if (this.cached === undefined) this.cached = this.locate();
    return this.cached;
  }
  protected resolve(): boolean {
    return this.where() !== null;
  }
  protected read(name: string): unknown {
    const w = this.where();
    if (!w) return null;
    if (name === "areaCount") return w.areas.length;
    return w.areas.map((a) => formatAddress(w.sheet.name, a)).join(",");
  }
  get address(): string {
    return this.loadedValue("address");
  }
  get areaCount(): number {
    return this.loadedValue("areaCount");
  }
  select(): void {
    this.write({ select: true }, () => {
      const w = this.where();
      if (!w) throw new FakeOfficeError("ItemNotFound", "fake: select on null areas");
      this.state.selection = { sheet: w.sheet, areas: w.areas };
      this.state.activeSheet = w.sheet;
      notifySelectionChanged(this.state);
    });
  }
}

export class FakeChart {
  constructor(
    private readonly sheetProxy: FakeWorksheet,
    private readonly data: import("./sheetData").ChartData,
  ) {}
  get title(): { text: string } {
    const { sheetProxy, data } = this;
    return {
      set text(v: string) {
        sheetProxy.queue({ chartTitle: v }, () => (data.title = v));
      },
      get text(): string {
        return data.title;
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.sheetProxy.queue({ start, end }, () => (this.data.position = { start, end }));
  }
  get legend(): { visible: boolean } {
    const sheetProxy = this.sheetProxy;
    return {
      set visible(v: boolean) {
        sheetProxy.queue({ legend: v }, () => undefined);
      },
      get visible(): boolean {
        return false;
      },
    };
  }
}

export class FakeWorksheet extends FakeProxy {
  protected readonly loadable = ["name", "position", "visibility"] as const;
  private cached: SheetData | null | undefined;
  constructor(
    ctx: FakeContext,
    readonly state: WorkbookState,
    private readonly locate: () => SheetData | null,
  ) {
    super(ctx);
  }
  where(): SheetData | null {
    if (this.cached === undefined) this.cached = this.locate();
    return this.cached;
  }
  private need(): SheetData {
    const s = this.where();
    if (!s || !this.state.sheets.includes(s))
      throw new FakeOfficeError("ItemNotFound", "fake: worksheet does not exist");
    return s;
  }
  protected resolve(): boolean {
    return this.where() !== null;
  }
  protected read(name: string): unknown {
    const s = this.need();
    return name === "name" ? s.name : name === "visibility" ? s.visibility : this.state.sheets.indexOf(s);
  }
  get visibility(): string {
    return this.loadedValue("visibility");
  }
  /** `worksheet.protection` (ExcelApi 1.2): only whether the sheet is protected. */
  get protection(): FakeProtection {
    return new FakeProtection(this.ctx, () => this.need().protected);
  }
  /** "Visible", "Hidden" or "VeryHidden"; Excel refuses to hide the last visible sheet. */
  set visibility(v: string) {
    this.forget("visibility");
    this.write({ visibility: v }, () => {
      const s = this.need();
      if (!["Visible", "Hidden", "VeryHidden"].includes(v))
        throw new FakeOfficeError("InvalidArgument", `fake: visibility "${v}"`);
      if (v !== "Visible" && !this.state.sheets.some((x) => x !== s && x.visibility === "Visible")) {
        throw new FakeOfficeError("InvalidOperation", "fake: a workbook must keep at least one visible sheet");
      }
      s.visibility = v;
    });
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(v: string) {
    this.forget("name");
    this.write({ name: v }, () => {
      const s = this.need();
      refuseIfStructureProtected(this.state);
      const other = findSheet(this.state, v);
      if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `fake: sheet "${v}" exists`);
      s.name = v;
    });
  }
  queue(payload: unknown, apply: () => void): void {
    this.write(payload, apply);
  }
  private range(f: (s: SheetData) => Rect | null): FakeRange {
    return new FakeRange(this.ctx, this.state, () => {
      const s = this.where();
      const r = s && f(s);
      return s && r ? { sheet: s, rect: r } : null;
    });
  }
  getRange(address?: string): FakeRange {
    return this.range(() =>
      address ? parseCells(splitSheet(address).cells) : { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS },
    );
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError("InvalidArgument", "fake: empty range");
    return this.range(() => ({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }));
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.range((s) => s.usedRect(!!valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.range((s) => s.usedRect(!!valuesOnly));
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.state, () => {
      const s = this.where();
      if (!s) return null;
      return { sheet: s, areas: address.split(",").map((a) => parseCells(splitSheet(a).cells)) };
    });
  }
  activate(): void {
    this.write({ activate: true }, () => (this.state.activeSheet = this.need()));
  }
  delete(): void {
    this.write({ delete: true }, () => {
      const s = this.need();
      refuseIfStructureProtected(this.state);
      if (this.state.sheets.length === 1)
        throw new FakeOfficeError("InvalidOperation", "fake: cannot delete the only sheet");
      this.state.sheets.splice(this.state.sheets.indexOf(s), 1);
      if (this.state.activeSheet === s) this.state.activeSheet = this.state.sheets[0];
      if (this.state.selection.sheet === s)
        this.state.selection = { sheet: this.state.sheets[0], areas: [{ row: 0, col: 0, rows: 1, cols: 1 }] };
    });
  }
  get charts(): { add(type: string, source: FakeRange, seriesBy?: string): FakeChart } {
    return {
      add: (type: string, source: FakeRange): FakeChart => {
        const data = { type, source: { row: 0, col: 0, rows: 0, cols: 0 }, title: "" };
        this.write({ chart: type }, () => {
          const w = source.where();
          if (!w) throw new FakeOfficeError("InvalidArgument", "fake: chart source is null");
          data.source = w.rect;
          this.need().charts.push(data);
        });
        return new FakeChart(this, data);
      },
    };
  }
  get tables(): { add(address: string, hasHeaders: boolean): FakeTable } {
    return {
      add: (address: string): FakeTable => {
        const table: TableData = { name: "", rect: parseCells(splitSheet(address).cells) };
        this.write({ table: address }, () => {
          const s = this.need();
          table.name = `Table${this.state.sheets.reduce((n, x) => n + x.tables.length, 0) + 1}`;
          s.tables.push(table);
        });
        return new FakeTable(this.ctx, this.state, () => ({ sheet: this.need(), table }));
      },
    };
  }
}

/** `worksheet.protection` / `workbook.protection`: the `protected` property, read at sync. */
export class FakeProtection extends FakeProxy {
  protected readonly loadable = ["protected"] as const;
  constructor(
    ctx: FakeContext,
    private readonly isProtected: () => boolean,
  ) {
    super(ctx);
  }
  protected resolve(): boolean {
    return true;
  }
  protected read(): unknown {
    return this.isProtected();
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

export class FakeWorksheetCollection extends FakeProxy {
  protected readonly loadable = ["items/name"] as const;
  private itemNames: string[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly state: WorkbookState,
  ) {
    super(ctx);
  }
  protected resolve(): boolean {
    return true;
  }
  protected read(): unknown {
    this.itemNames = this.state.sheets.map((s) => s.name);
    return this.itemNames;
  }
  get items(): { name: string }[] {
    return this.loadedValue<string[]>("items/name").map((name) => ({ name }));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.state, () => {
      const s = findSheet(this.state, name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `fake: no sheet "${name}"`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.state, () => findSheet(this.state, name) ?? null);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.state, () => this.state.activeSheet);
  }
  add(name: string): FakeWorksheet {
    let created: SheetData | undefined;
    const sheet = new FakeWorksheet(this.ctx, this.state, () => created ?? null);
    this.ctx.enqueue({
      requestBytes: 40 + name.length,
      apply: () => {
        refuseIfStructureProtected(this.state);
        if (findSheet(this.state, name)) throw new FakeOfficeError("ItemAlreadyExists", `fake: sheet "${name}" exists`);
        if (name.length > 31 || /[[\]:*?/\\]/.test(name))
          throw new FakeOfficeError("InvalidArgument", `fake: bad sheet name "${name}"`);
        created = this.state.newSheet(name);
      },
    });
    return sheet;
  }
}

export class FakeFunctionResult extends FakeProxy {
  protected readonly loadable = ["value"] as const;
  constructor(
    ctx: FakeContext,
    private readonly compute: () => unknown,
  ) {
    super(ctx);
  }
  protected resolve(): boolean {
    return true;
  }
  protected read(): unknown {
    return this.compute();
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: { suspendApiCalculationUntilNextSync(): void; calculate(type: string): void };
  readonly settings: FakeSettingCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly names: FakeNamedItemCollection;
  readonly functions: { date(year: number, month: number, day: number): FakeFunctionResult };
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: WorkbookState,
  ) {
    this.worksheets = new FakeWorksheetCollection(ctx, state);
    this.tables = new FakeTableCollection(ctx, state);
    this.application = {
      suspendApiCalculationUntilNextSync: () => ctx.suspendCalculation(),
      calculate: (type: string) => queueCalculation(ctx, state, type),
    };
    this.settings = new FakeSettingCollection(ctx, state);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx, state);
    this.names = new FakeNamedItemCollection(ctx, state);
    this.functions = {
      date: (year: number, month: number, day: number) =>
        new FakeFunctionResult(ctx, () => {
          const days = Date.UTC(year, month - 1, day) / 86400000;
          return state.date1904 ? days - Date.UTC(1904, 0, 1) / 86400000 : days + 25569;
        }),
    };
  }
  /** `workbook.onSelectionChanged`: a handler takes effect at the next sync, as does its removal. */
  get onSelectionChanged(): { add(handler: SelectionHandler): { context: FakeContext; remove(): void } } {
    const { ctx, state } = this;
    return {
      add(handler) {
        ctx.enqueue({ requestBytes: 60, apply: () => void state.selectionHandlers.add(handler) });
        return {
          context: ctx,
          remove: () => ctx.enqueue({ requestBytes: 60, apply: () => void state.selectionHandlers.delete(handler) }),
        };
      },
    };
  }
  /** `workbook.protection` (ExcelApi 1.7): whether the structure is protected. */
  get protection(): FakeProtection {
    return new FakeProtection(this.ctx, () => this.state.structureProtected === true);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, this.state, () => {
      const { sheet, areas } = this.state.selection;
      if (areas.length > 1) throw new FakeOfficeError("InvalidSelection", "fake: the selection has several areas");
      return { sheet, rect: areas[0] };
    });
  }
  getSelectedRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.state, () => ({ ...this.state.selection }));
  }
}
