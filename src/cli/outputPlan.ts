import {
  carriedValue,
  CUSTOMER_COLUMNS,
  DATE_FORMAT,
  type CustomerColumnId,
  formatDay,
  ownOutputBlock,
  parseDay,
  type Cell,
  type Lang,
  type Role,
} from "../engine";
import { cellText, csvField, dateOfDay, dateOfSerial, rawRowsAreSafe, workbookText } from "./cellText";
import type { GradedTable } from "./gradeTable";
import { writeNumberText } from "./csv/numberBytes";
import { rawCsvChunk } from "./rawCsvChunk";
import type { CsvIds } from "./sales/byteIds";
import { ByteWriter } from "./xlsx/byteWriter";
import { RESULT_CSV_ROOM, ResultCells } from "./resultCells";
import { OUTPUT_TEXTS } from "./texts";
import { numberOf } from "./table";

/** The rows the command writes, in both forms the writers need: CSV lines and workbook cell values. */
export interface OutputPlan {
  headers: string[];
  rowCount: number;
  /** Rows from..to-1 as CSV lines, each ending in a line break. */
  csvChunk(from: number, to: number): string | Buffer;
  /** Row i as workbook cell values: numbers, text, Dates, `{ error }`, or null for an empty cell. */
  values(i: number): unknown[];
  /** The same without the result columns (the workbook writer takes those from `results`, made once per scores). */
  inputValues(i: number): unknown[];
  results: ResultCells;
  /** Number format per output column, where one matters (dates, the input's own formats). */
  formats: (string | undefined)[];
  /** True when the input already ended in result columns of an earlier run and they were left out. */
  replacedResults: boolean;
  /** Text cells cut to fit a workbook cell so far (each also noted in its row's Note). */
  cutCells(): number;
  /** The profile's grade letters, best first, and the output column holding the grade (for grade colours). */
  grades?: string[];
  gradeColumn?: number;
}

export function outputPlan(graded: GradedTable, lang: Lang): OutputPlan {
  const plan = graded.kind === "customers" ? customerRowsPlan(graded, lang) : salesCustomersPlan(graded, lang);
  const gradeColumn = plan.headers.length - plan.results.width + plan.results.gradeColumn;
  return { ...plan, grades: graded.res.profile.grades.map((g) => g.grade), gradeColumn };
}

/** Customer-level input: every input row and column in order, then the result columns. */
function customerRowsPlan(graded: GradedTable, lang: Lang): OutputPlan {
  const { table, res, mapping } = graded;
  const results = new ResultCells(res, lang, graded);
  const earlier = ownOutputBlock(table.headers);
  // An earlier run's output ends in its result columns; grading it again replaces them.
  const replacedResults = earlier !== null && earlier.start + earlier.width === table.headers.length;
  const kept = Array.from({ length: replacedResults ? earlier.start : table.width }, (_, c) => c);
  // Rows are copied byte for byte only when no cell needs the formula-injection defence that csvField applies.
  const rawRows = replacedResults || !table.rawRows || !rawRowsAreSafe(table.rawRows) ? undefined : table.rawRows;
  const roleOf = columnRoles(mapping);
  // A number in the date column was graded as a serial of the workbook's date system; the output workbook counts from
  // 1900, so it is written as the date it was graded as (a 1904 serial copied as it is would show another day).
  const typed =
    table.source === "xlsx"
      ? (v: Cell, c: number) =>
          roleOf[c] === "date" && typeof v === "number" ? (dateOfSerial(v, table.date1904) ?? v) : v
      : (v: Cell, c: number) => typedCsvCell(v, roleOf[c], (x) => numberOf(table, c, x));
  const headers = [...kept.map((c) => cellText(table.headers[c])), ...results.headers()];
  const cut = cutCounter(results, lang, headers);

  return {
    headers,
    rowCount: table.rowCount,
    csvChunk(from, to) {
      if (rawRows) return rawCsvChunk(rawRows, results, from, to);
      const lines: string[] = [];
      for (let i = from; i < to; i++) {
        let line = "";
        for (let k = 0; k < kept.length; k++) line += (k === 0 ? "" : ",") + csvField(cellText(table.cell(i, kept[k])));
        lines.push(line + results.csvSuffix(i) + "\n");
      }
      return lines.join("");
    },
    values(i) {
      return this.inputValues(i).concat(results.values(i));
    },
    inputValues(i) {
      const cells = new Array<unknown>(kept.length);
      for (let k = 0; k < kept.length; k++) cells[k] = cut.fit(typed(table.cell(i, kept[k]) ?? null, kept[k]), i, k);
      return cells;
    },
    cutCells: () => cut.count,
    results,
    formats: [
      ...kept.map((c) => table.columnFormats?.[c] ?? (roleOf[c] === "date" ? DATE_FORMAT : undefined)),
      ...results.formats(),
    ],
    replacedResults,
  };
}

/**
 * Sales records: one row per customer (first-appearance order): the customer, the columns carried with its sales
 * (RULES.md §7: its most recent sale's name, contact …), its last order date, purchases and amount, then the result
 * columns.
 */
function salesCustomersPlan(graded: GradedTable, lang: Lang): OutputPlan {
  const { res, table } = graded;
  const customers = res.customers!;
  const carried = customers.carried;
  const results = new ResultCells(res, lang, graded);
  // A few thousand distinct days among a million customers: each written once, found by its number (days since
  // 1970, counted from 1900 so that every day Excel knows is a place in the array).
  const days: Buffer[] = [];
  const dayBytes = (day: number) =>
    days[day + DAYS_BEFORE_1970] ?? (days[day + DAYS_BEFORE_1970] = Buffer.from(formatDay(day)));
  // Ids a reader kept as bytes are copied from them wherever csvField would leave them as they are.
  const ids = customers.ids as Partial<CsvIds>;
  const idBytes = typeof ids.writeCsv === "function" ? (ids as CsvIds) : undefined;
  // Each customer column written as bytes: a line per customer built as strings and encoded again costs more than
  // the grading.
  const csvWriters: Record<CustomerColumnId, (out: ByteWriter, j: number) => void> = {
    customer: (out, j) => {
      if (idBytes === undefined || !idBytes.writeCsv(j, out)) text(out, csvField(customers.ids.at(j) ?? ""));
    },
    lastOrder: (out, j) => {
      if (customers.count[j] > 0) out.bytes(dayBytes(customers.lastDay[j]));
    },
    purchases: (out, j) => out.uint(customers.count[j]),
    amount: (out, j) => {
      const total = customers.total.at(j) ?? null;
      if (total !== null) writeNumberText(out, total);
    },
  };
  const own: LeadingColumn[] = CUSTOMER_COLUMNS.map((column) => ({
    header: column.header[lang],
    format: column.format,
    csv: csvWriters[column.id],
    value: (j) => {
      const v = column.value(customers, j);
      return column.kind === "date" && v !== null ? dateOfDay(v as number) : v;
    },
  }));
  const carriedColumns: LeadingColumn[] = (carried?.headers ?? []).map((header, k) => {
    const typed = table.source === "xlsx" ? (v: Cell) => v : (v: Cell) => (v === "" ? null : v);
    return {
      header,
      format: table.columnFormats?.[graded.carriedColumns[k]],
      csv: (out, j) => text(out, csvField(cellText(carriedValue(carried!, j, k)))),
      value: (j) => typed(carriedValue(carried!, j, k) ?? null),
    };
  });
  // The carried columns follow the customer they describe.
  const leading = [own[0], ...carriedColumns, ...own.slice(1)];
  const headers = [...leading.map((c) => c.header), ...results.headers()];
  const cut = cutCounter(results, lang, headers);
  return {
    headers,
    rowCount: res.n,
    csvChunk(from, to) {
      // A customer's own cells (id, last order, purchases, amount) take about 30 bytes.
      const out = new ByteWriter((32 + RESULT_CSV_ROOM) * (to - from) + 1024);
      if (leading.length === 4) {
        // No carried columns (the usual case): each column's writer called from a place of its own, where the
        // compiler can inline it, instead of all four from one place in a loop (millions of customers).
        const [a, b, c, d] = leading.map((column) => column.csv);
        for (let j = from; j < to; j++) {
          a(out, j);
          out.bytes(COMMA);
          b(out, j);
          out.bytes(COMMA);
          c(out, j);
          out.bytes(COMMA);
          d(out, j);
          results.writeCsv(out, j);
          out.bytes(LINE_FEED);
        }
      } else
        for (let j = from; j < to; j++) {
          for (let k = 0; k < leading.length; k++) {
            if (k > 0) out.bytes(COMMA);
            leading[k].csv(out, j);
          }
          results.writeCsv(out, j);
          out.bytes(LINE_FEED);
        }
      return out.buf.subarray(0, out.at); // a fresh writer per chunk: nothing to start again
    },
    values(j) {
      return this.inputValues(j).concat(results.values(j));
    },
    inputValues(j) {
      return leading.map((column, k) => cut.fit(column.value(j), j, k));
    },
    cutCells: () => cut.count,
    results,
    formats: [...leading.map((c) => c.format), ...results.formats()],
    replacedResults: false,
  };
}

/** A column of the sales output before the result columns: its header, number format, CSV bytes and cell value. */
interface LeadingColumn {
  header: string;
  format?: string;
  csv(out: ByteWriter, j: number): void;
  value(j: number): unknown;
}

const COMMA = Uint8Array.of(44);
/** Days from 1900-01-01 to 1970-01-01. */
const DAYS_BEFORE_1970 = 25567;
const LINE_FEED = Uint8Array.of(10);

/** Text as UTF-8, byte by byte while it is ASCII (ids mostly are: cheaper than a call into Node per cell). */
function text(out: ByteWriter, s: string): void {
  out.ensure(s.length);
  const buf = out.buf,
    start = out.at;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128) {
      out.at = start;
      out.utf8(s);
      return;
    }
    buf[start + k] = c;
  }
  out.at = start + s.length;
}

/**
 * Text longer than a workbook cell holds is cut to Excel's limit, and the row's note says which column was cut (the
 * CSV output, which has no limit, keeps it whole).
 */
function cutCounter(results: ResultCells, lang: Lang, headers: readonly string[]) {
  const counter = {
    count: 0,
    fit(v: unknown, row: number, column: number): unknown {
      if (typeof v !== "string") return v;
      const fitted = workbookText(v);
      if (fitted !== v) {
        counter.count++;
        results.addNote(row, OUTPUT_TEXTS.cut(headers[column])[lang]);
      }
      return fitted;
    },
  };
  return counter;
}

/** The role of each table column (by 0-based index), from a role → column mapping; undefined for other columns. */
export function columnRoles(mapping: Partial<Record<Role, number>>): (Role | undefined)[] {
  const roles: (Role | undefined)[] = [];
  for (const [role, index] of Object.entries(mapping) as [Role, number][]) roles[index] = role;
  return roles;
}

/**
 * A CSV cell as it should stand in a workbook: the date column as a real date and the numeric columns as numbers,
 * where the engine reads them so; every other cell stays the text it was (ids such as "007" keep their zeros).
 */
function typedCsvCell(v: Cell, role: Role | undefined, number: (v: Cell) => number): unknown {
  if (typeof v !== "string" || v === "") return v === "" ? null : v;
  if (role === "date") {
    const day = parseDay(v);
    return day === null ? v : dateOfDay(day);
  }
  if (role === "count" || role === "total" || role === "amount") {
    const n = number(v);
    return Number.isNaN(n) ? v : n;
  }
  return v;
}
