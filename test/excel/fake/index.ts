/**
 * A grid-backed test double of the Excel objects the adapter uses. Plain TypeScript (no Node APIs): the task pane's
 * end-to-end tests bundle it into a browser page.
 *
 *   const excel = new FakeExcel({ sheets: { Sales: [["Customer", "Date"], ["c1", 45000]] }, selection: "Sales!A1" });
 *   const result = await excel.run((ctx) => locateSource(ctx));
 *   excel.read("Sales")            // the sheet's values as a 2-D array, from A1 to the used range's end
 *   excel.stats                    // one SyncStats per context.sync(): payload bytes, cells read/written
 */
import { formatAddress, parseCells, splitSheet, type Rect } from "./address";
import { FakeContext, FakeOfficeError, FIVE_MB, type SyncControl, type SyncStats } from "./context";
import { FakeWorkbook, notifySelectionChanged, type WorkbookState } from "./objects";
import { SheetData, type CellValue, type ChartData } from "./sheetData";
import { nameFormula, namesOf } from "./names";

export { FakeOfficeError, FIVE_MB, READ_CELL_LIMIT, type SyncStats } from "./context";
export type { CellValue, ChartData } from "./sheetData";
export { MAX_ROWS } from "./address";

type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;
/** What `Excel.run(context, batch)` takes: a request context, or an object (an event registration) holding one. */
type RunContext = OfficeExtension.ClientRequestContext | { context: OfficeExtension.ClientRequestContext };

export interface FakeExcelOptions {
  /** Sheets in tab order; each a 2-D array from A1 (null/undefined/"" = empty cell). Values are stored as given. */
  sheets?: Record<string, unknown[][]>;
  /** Excel tables: name, sheet, address including the header row. */
  tables?: { name: string; sheet: string; address: string }[];
  /** The selected range, e.g. "Sales!B3" or "Sales!A:D" (default: A1 of the first sheet). */
  selection?: string;
  date1904?: boolean;
  /** Request/response size limit in bytes (default 5 MB, as Excel on the web). */
  payloadLimit?: number;
  /** Sheets protected as by Review > Protect Sheet: Excel refuses every change of their cells. */
  protectedSheets?: string[];
  /** The workbook's structure protected (Review > Protect Workbook): no sheet can be added, deleted or renamed. */
  protectedStructure?: boolean;
}

export class FakeExcel {
  private readonly state: WorkbookState;
  private readonly control: SyncControl;

  constructor(options: FakeExcelOptions = {}) {
    const sheets: SheetData[] = [];
    for (const [name, rows] of Object.entries(options.sheets ?? { Sheet1: [] })) {
      const s = new SheetData(name);
      rows.forEach((row, r) => row.forEach((v, c) => storeAsIs(s, r, c, v)));
      sheets.push(s);
    }
    this.state = {
      sheets,
      activeSheet: sheets[0],
      selection: { sheet: sheets[0], areas: [{ row: 0, col: 0, rows: 1, cols: 1 }] },
      date1904: !!options.date1904,
      selectionHandlers: new Set(),
      newSheet: (name) => {
        const s = new SheetData(name);
        this.state.sheets.push(s);
        return s;
      },
    };
    for (const t of options.tables ?? [])
      this.sheet(t.sheet).tables.push({ name: t.name, rect: parseCells(t.address) });
    for (const name of options.protectedSheets ?? []) this.sheet(name).protected = true;
    this.state.structureProtected = options.protectedStructure === true;
    this.control = { payloadLimit: options.payloadLimit ?? FIVE_MB, stats: [], syncCount: 0 };
    if (options.selection) this.select(options.selection);
  }

  /** Selection-changed handlers the add-in has registered and not removed. */
  get selectionHandlerCount(): number {
    return this.state.selectionHandlers.size;
  }

  /**
   * Mirrors `Excel.run`: runs the batch in a new request context, then syncs whatever is still queued. Given a
   * context an earlier run made (`run(context, batch)`, or an object whose `context` it is), runs the batch in that
   * one, as Office asks for removing an event handler with the context that added it. A context syncs only inside
   * a run: once its run has ended, `sync()` fails.
   */
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(context: RunContext, batch: Batch<T>): Promise<T>;
  async run<T>(first: Batch<T> | RunContext, second?: Batch<T>): Promise<T> {
    let ctx: FakeContext;
    let batch: Batch<T>;
    if (typeof first === "function") {
      ctx = new FakeContext(this.control);
      ctx.workbook = new FakeWorkbook(ctx, this.state);
      batch = first;
    } else {
      const given = (first instanceof FakeContext ? first : (first as { context: unknown }).context) as unknown;
      if (!(given instanceof FakeContext) || given.control !== this.control) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "fake: Excel.run(context, batch) needs a context of this workbook",
        );
      }
      ctx = given;
      batch = second as Batch<T>;
    }
    ctx.openRuns++;
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.pendingOperations > 0) await ctx.sync();
      return result;
    } finally {
      ctx.openRuns--;
    }
  }

  /** Statistics of every sync so far. */
  get stats(): SyncStats[] {
    return this.control.stats;
  }
  resetStats(): void {
    this.control.stats.length = 0;
  }
  /** The Nth sync from now (1 = the next one) fails before applying anything. */
  failAtSync(n: number | undefined): void {
    this.control.failAtSync = n === undefined ? undefined : this.control.syncCount + n;
  }
  /** Runs before every sync with the number of syncs since this call (1 = the first). */
  onSync(hook: ((n: number) => void) | undefined): void {
    const base = this.control.syncCount;
    this.control.onSync = hook && ((index) => hook(index - base));
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }
  hasSheet(name: string): boolean {
    return this.state.sheets.some((s) => s.name === name);
  }
  private sheet(name: string): SheetData {
    const s = this.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake: no sheet "${name}" (have ${this.sheetNames().join(", ")})`);
    return s;
  }
  addSheet(name: string, rows: unknown[][] = []): void {
    const s = this.state.newSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => storeAsIs(s, r, c, v)));
  }

  /** Fills one column from `startRow` (0-based) quickly, for very tall test sheets. */
  setColumn(sheet: string, col: number, startRow: number, values: ArrayLike<unknown>): void {
    const s = this.sheet(sheet);
    for (let i = 0; i < values.length; i++) storeAsIs(s, startRow + i, col, values[i]);
  }
  setFormula(sheet: string, address: string, formula: string, value: CellValue): void {
    const r = parseCells(address);
    this.sheet(sheet).setFormula(r.row, r.col, formula, value);
  }
  setNumberFormat(sheet: string, address: string, format: string): void {
    const r = parseCells(address);
    this.eachCell(r, (row, col) => this.sheet(sheet).setNumberFormat(row, col, format));
  }
  setFill(sheet: string, address: string, color: string): void {
    this.sheet(sheet).fills.push({ rect: parseCells(address), color });
  }

  /** Selects a range like a user would: "Sales!B3", "Sales!A:D", or several areas "Sales!A2:A3,Sales!A7". */
  select(address: string): void {
    const parts = address.split(",");
    const sheet = this.sheet(splitSheet(parts[0]).sheet ?? this.state.activeSheet.name);
    this.state.selection = { sheet, areas: parts.map((p) => parseCells(splitSheet(p).cells)) };
    this.state.activeSheet = sheet;
    notifySelectionChanged(this.state);
  }
  /** The current selection as an address list, e.g. "Sales!A5:XFD5,Sales!A9:XFD10". */
  selection(): string {
    const { sheet, areas } = this.state.selection;
    return areas.map((a) => formatAddress(sheet.name, a)).join(",");
  }
  activeSheet(): string {
    return this.state.activeSheet.name;
  }

  /** Values of a sheet as a 2-D array: the given address, or A1 to the end of the used range ("" = empty). */
  read(sheet: string, address?: string): CellValue[][] {
    return this.grid(sheet, address, (s, r, c) => s.value(r, c));
  }
  /** Formulas (constants for non-formula cells). */
  readFormulas(sheet: string, address?: string): CellValue[][] {
    return this.grid(sheet, address, (s, r, c) => s.formula(r, c));
  }
  numberFormats(sheet: string, address?: string): string[][] {
    return this.grid(sheet, address, (s, r, c) => s.numberFormat(r, c));
  }
  /** The fill colour Excel would show (conditional formats applied), null for none. */
  fills(sheet: string, address?: string): (string | null)[][] {
    return this.grid(sheet, address, (s, r, c) => s.fillAt(r, c));
  }
  bold(sheet: string, address?: string): boolean[][] {
    return this.grid(sheet, address, (s, r, c) => s.boldAt(r, c));
  }
  charts(sheet: string): ChartData[] {
    return this.sheet(sheet).charts;
  }
  mergedAreas(sheet: string): Rect[] {
    return this.sheet(sheet).merged;
  }
  /** Colour-scale conditional formats of a sheet: where, and the criteria set. */
  colourScales(sheet: string): import("./sheetData").ColourScale[] {
    return this.sheet(sheet).colourScales;
  }
  conditionalFormatCount(sheet: string): number {
    return this.sheet(sheet).conditionalFills.length;
  }
  /** The workbook's names and what they refer to, e.g. { RFM_AsOf: "='RFM parameters'!$B$2" }. */
  names(): Record<string, string> {
    return Object.fromEntries([...namesOf(this.state).values()].map((n) => [n.name, nameFormula(n)]));
  }
  /** "Visible", "Hidden" or "VeryHidden". */
  visibility(sheet: string): string {
    return this.sheet(sheet).visibility;
  }

  /** Address of the used range (values only), e.g. "Sales!A1:F201", or null when the sheet is empty. */
  usedAddress(sheet: string): string | null {
    const r = this.sheet(sheet).usedRect(true);
    return r && formatAddress(sheet, r);
  }

  private grid<T>(sheet: string, address: string | undefined, cell: (s: SheetData, r: number, c: number) => T): T[][] {
    const s = this.sheet(sheet);
    let rect: Rect;
    if (address) rect = parseCells(address);
    else {
      const used = s.usedRect(true);
      if (!used) return [];
      rect = { row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols };
    }
    const out: T[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < rect.cols; c++) row.push(cell(s, rect.row + r, rect.col + c));
      out.push(row);
    }
    return out;
  }
  private eachCell(r: Rect, f: (row: number, col: number) => void): void {
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) f(r.row + i, r.col + j);
  }
}

/** Setup data is stored exactly as given (a text "00123" stays text), unlike input through `range.values`. */
function storeAsIs(s: SheetData, row: number, col: number, v: unknown): void {
  if (v === null || v === undefined || v === "") return;
  if (typeof v === "string") {
    if (v.startsWith("=")) s.setFormula(row, col, v, 0);
    else s.enter(row, col, `'${v}`);
  } else s.enter(row, col, v);
}
