/**
 * Cell storage of one fake worksheet: sparse by column (a column that was never touched costs nothing), dense
 * arrays within a column, so a full-height sheet of 1,048,576 rows costs one array entry per used cell.
 * Formats that Office sets on whole ranges (bold, fill, conditional formats) are kept as rectangles, latest last.
 */
import { contains, intersect, type Rect } from "./address";

export type CellValue = string | number | boolean;

interface Column {
  values: (CellValue | undefined)[];
  formulas: (string | undefined)[];
  numberFormats: (string | undefined)[];
}

export interface ConditionalFill {
  rect: Rect;
  operator: string;
  formula1: string;
  fill?: string;
  fontColor?: string;
}

export interface ColourScale {
  rect: Rect;
  criteria: Record<string, { type: string; color: string; formula?: string | null } | undefined>;
}

export interface ChartData {
  type: string;
  source: Rect;
  title: string;
  position?: { start: string; end?: string };
}

export interface TableData {
  name: string;
  rect: Rect;
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class SheetData {
  private readonly columns = new Map<number, Column>();
  readonly bold: { rect: Rect; value: boolean }[] = [];
  readonly fills: { rect: Rect; color: string | null }[] = [];
  readonly conditionalFills: ConditionalFill[] = [];
  readonly colourScales: ColourScale[] = [];
  readonly charts: ChartData[] = [];
  readonly tables: TableData[] = [];
  readonly merged: Rect[] = [];
  /** "Visible", "Hidden" or "VeryHidden", as `worksheet.visibility`. */
  visibility = "Visible";
  /** Protected (Review > Protect Sheet): Excel refuses to change its cells, formats included. */
  protected = false;
  /** Results of formulas set up by tests: a formula entered again gets its result back (the fake does not calculate). */
  private readonly knownResults = new Map<string, CellValue>();
  constructor(public name: string) {}

  private column(col: number): Column {
    let c = this.columns.get(col);
    if (!c) {
      c = { values: [], formulas: [], numberFormats: [] };
      this.columns.set(col, c);
    }
    return c;
  }

  value(row: number, col: number): CellValue {
    return this.columns.get(col)?.values[row] ?? "";
  }

  formula(row: number, col: number): CellValue {
    const c = this.columns.get(col);
    return c?.formulas[row] ?? c?.values[row] ?? "";
  }

  numberFormat(row: number, col: number): string {
    return this.columns.get(col)?.numberFormats[row] ?? "General";
  }

  isEmpty(row: number, col: number): boolean {
    const c = this.columns.get(col);
    if (!c) return true;
    return c.formulas[row] === undefined && (c.values[row] === undefined || c.values[row] === "");
  }

  /**
   * Stores what a user (or `range.values`/`range.formulas`) enters, the way Excel interprets input: `null` leaves the
   * cell unchanged, a leading apostrophe forces text, "=..." is a formula (not calculated: its value reads as 0, or as the result a test gave that formula),
   * number-looking text becomes a number, TRUE/FALSE become booleans, "" clears.
   */
  enter(row: number, col: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const c = this.column(col);
    c.formulas[row] = undefined;
    if (typeof input === "number" || typeof input === "boolean") {
      c.values[row] = input;
      return;
    }
    const text = String(input);
    if (text === "") {
      c.values[row] = undefined;
    } else if (text.startsWith("'")) {
      c.values[row] = text.slice(1);
    } else if (text.startsWith("=") && text.length > 1) {
      c.formulas[row] = text;
      c.values[row] = this.knownResults.get(text) ?? 0;
    } else if (NUMERIC_TEXT.test(text.trim())) {
      c.values[row] = Number(text.trim());
    } else if (/^(true|false)$/i.test(text)) {
      c.values[row] = text.toLowerCase() === "true";
    } else {
      c.values[row] = text;
    }
  }

  /** Test setup: a formula with a known (pretend-calculated) value. */
  setFormula(row: number, col: number, formula: string, value: CellValue): void {
    const c = this.column(col);
    c.formulas[row] = formula;
    c.values[row] = value;
    this.knownResults.set(formula, value);
  }

  setNumberFormat(row: number, col: number, format: unknown): void {
    if (format === null || format === undefined) return;
    this.column(col).numberFormats[row] = String(format) === "General" ? undefined : String(format);
  }

  clearContents(rect: Rect): void {
    for (let col = rect.col; col < rect.col + rect.cols; col++) {
      const c = this.columns.get(col);
      if (!c) continue;
      const end = Math.min(rect.row + rect.rows, Math.max(c.values.length, c.formulas.length));
      for (let row = rect.row; row < end; row++) {
        c.values[row] = undefined;
        c.formulas[row] = undefined;
      }
    }
  }

  clearFormats(rect: Rect): void {
    for (let col = rect.col; col < rect.col + rect.cols; col++) {
      const c = this.columns.get(col);
      if (!c) continue;
      const end = Math.min(rect.row + rect.rows, c.numberFormats.length);
      for (let row = rect.row; row < end; row++) c.numberFormats[row] = undefined;
    }
    this.bold.push({ rect, value: false });
    this.fills.push({ rect, color: null });
  }

  /**
   * Smallest rectangle holding every non-empty cell (and, unless valuesOnly, every cell with a number format, fill
   * or bold), within `inside` when given (a range's own used range) or on the whole sheet.
   */
  usedRect(valuesOnly: boolean, inside?: Rect): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const rowFrom = inside?.row ?? 0;
    const rowTo = inside ? inside.row + inside.rows - 1 : Infinity;
    for (const [col, c] of this.columns) {
      if (inside && (col < inside.col || col >= inside.col + inside.cols)) continue;
      const arrays: unknown[][] = valuesOnly ? [c.values, c.formulas] : [c.values, c.formulas, c.numberFormats];
      for (const arr of arrays) {
        const end = Math.min(arr.length - 1, rowTo);
        let first = -1;
        for (let i = rowFrom; i <= end; i++) {
          if (arr[i] !== undefined && arr[i] !== "") {
            first = i;
            break;
          }
        }
        if (first < 0) continue;
        let last = end;
        while (arr[last] === undefined || arr[last] === "") last--;
        r0 = Math.min(r0, first);
        r1 = Math.max(r1, last);
        c0 = Math.min(c0, col);
        c1 = Math.max(c1, col);
      }
    }
    if (!valuesOnly) {
      for (const f of [...this.fills.filter((x) => x.color !== null), ...this.bold.filter((x) => x.value)]) {
        const r = inside ? intersect(f.rect, inside) : f.rect;
        if (!r) continue;
        r0 = Math.min(r0, r.row);
        r1 = Math.max(r1, r.row + r.rows - 1);
        c0 = Math.min(c0, r.col);
        c1 = Math.max(c1, r.col + r.cols - 1);
      }
    }
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Excel's "current region": grows from the cell while any neighbouring row or column holds a value. */
  surroundingRegion(row: number, col: number): Rect {
    let r0 = row;
    let r1 = row;
    let c0 = col;
    let c1 = col;
    const anyInRow = (r: number, from: number, to: number): boolean => {
      for (let c = Math.max(0, from); c <= to; c++) if (!this.isEmpty(r, c)) return true;
      return false;
    };
    const anyInCol = (c: number, from: number, to: number): boolean => {
      for (let r = Math.max(0, from); r <= to; r++) if (!this.isEmpty(r, c)) return true;
      return false;
    };
    let grew = true;
    while (grew) {
      grew = false;
      if (r0 > 0 && anyInRow(r0 - 1, c0 - 1, c1 + 1)) {
        r0--;
        grew = true;
      }
      while (anyInRow(r1 + 1, c0 - 1, c1 + 1)) {
        r1++;
        grew = true;
      }
      if (c0 > 0 && anyInCol(c0 - 1, r0 - 1, r1 + 1)) {
        c0--;
        grew = true;
      }
      if (anyInCol(c1 + 1, r0 - 1, r1 + 1)) {
        c1++;
        grew = true;
      }
    }
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  boldAt(row: number, col: number): boolean {
    const cell = { row, col, rows: 1, cols: 1 };
    for (let i = this.bold.length - 1; i >= 0; i--) if (contains(this.bold[i].rect, cell)) return this.bold[i].value;
    return false;
  }

  /** The fill Excel would show: a matching conditional format wins over the cell's own fill. */
  fillAt(row: number, col: number): string | null {
    const cell = { row, col, rows: 1, cols: 1 };
    const value = this.value(row, col);
    for (const cf of this.conditionalFills) {
      if (cf.fill && contains(cf.rect, cell) && conditionMatches(cf, value)) return cf.fill;
    }
    for (let i = this.fills.length - 1; i >= 0; i--) if (contains(this.fills[i].rect, cell)) return this.fills[i].color;
    return null;
  }

  removeConditionalFormats(rect: Rect): void {
    for (let i = this.conditionalFills.length - 1; i >= 0; i--) {
      if (intersect(this.conditionalFills[i].rect, rect)) this.conditionalFills.splice(i, 1);
    }
  }
}

/** Only the rule shape the adapter uses: cell value equal to a quoted text, `="A"`. */
function conditionMatches(cf: ConditionalFill, value: CellValue): boolean {
  const m = /^="(.*)"$/.exec(cf.formula1);
  if (cf.operator !== "EqualTo" || !m)
    throw new Error(`fake: unsupported conditional format ${cf.operator} ${cf.formula1}`);
  return String(value).toLowerCase() === m[1].replace(/""/g, '"').toLowerCase();
}
