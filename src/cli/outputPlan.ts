import {
  cadenceText, cellNumber, customerHeaders, gradeLetter, isOwnOutputHeader, noteText, outputHeaders, parseDay,
  scoreNumber, scoreText, type Cell, type GradeResult, type Lang, type Role,
} from "../engine";
import { cellText, csvField, dateOfDay } from "./cellText";
import type { GradedTable } from "./gradeTable";

/** The rows the command writes, in both forms the writers need: CSV lines and workbook cell values. */
export interface OutputPlan {
  headers: string[];
  rowCount: number;
  /** Row i as one CSV line (no line break). */
  csvLine(i: number): string;
  /** Row i as workbook cell values: numbers, text, Dates, `{ error }`, or null for an empty cell. */
  values(i: number): unknown[];
  /** Number format per output column, where one matters (dates, the input's own formats). */
  formats: (string | undefined)[];
  /** True when the input already ended in result columns of an earlier run and they were left out. */
  replacedResults: boolean;
}

export const DATE_FORMAT = "yyyy-mm-dd";
const RESULT_COLUMNS = 7;

export function outputPlan(graded: GradedTable, lang: Lang): OutputPlan {
  return graded.kind === "customers" ? customerRowsPlan(graded, lang) : salesCustomersPlan(graded, lang);
}

/**
 * The appended result cells of row i. Everything but the note depends only on the three sub-scores, so the CSV text
 * of those six cells is made once per (r, f, m) and reused: a million rows share at most 125 of them.
 */
class ResultCells {
  private readonly csvCache = new Map<number, string>();

  constructor(
    private readonly res: GradeResult,
    private readonly lang: Lang,
    private readonly graded: GradedTable,
  ) {}

  /** ",r,f,m,score,grade,cadence,note" */
  csvSuffix(i: number): string {
    const { res } = this;
    const key = (res.r[i] << 16) | (res.f[i] << 8) | res.m[i];
    let fixed = this.csvCache.get(key);
    if (fixed === undefined) {
      fixed = res.gradeIndex[i] < 0
        ? ",,,,,,"
        : [res.r[i], res.f[i], res.m[i], scoreText(res, i), gradeLetter(res, i)!, cadenceText(res, i, this.lang)!]
            .map((v) => "," + csvField(String(v)))
            .join("");
      this.csvCache.set(key, fixed);
    }
    return fixed + "," + csvField(this.note(i));
  }

  values(i: number): unknown[] {
    const { res } = this;
    const graded = res.gradeIndex[i] >= 0;
    return [
      graded ? res.r[i] : null,
      graded ? res.f[i] : null,
      graded ? res.m[i] : null,
      scoreNumber(res, i),
      gradeLetter(res, i),
      cadenceText(res, i, this.lang),
      this.note(i) || null,
    ];
  }

  private note(i: number): string {
    return noteText(this.res, i, this.lang, this.graded.noteContext);
  }
}

/** Customer-level input: every input row and column in order, then the result columns. */
function customerRowsPlan(graded: GradedTable, lang: Lang): OutputPlan {
  const { table, res, mapping } = graded;
  const results = new ResultCells(res, lang, graded);
  const replacedResults = endsWithResultColumns(table.headers);
  const kept = Array.from({ length: table.width - (replacedResults ? RESULT_COLUMNS : 0) }, (_, c) => c);
  const rawLines = replacedResults ? undefined : table.rawLines;
  const roleOf = columnRoles(mapping);
  const workbookCell = table.source === "xlsx" ? (v: Cell) => v : (v: Cell, c: number) => typedCsvCell(v, roleOf[c]);

  return {
    headers: [...kept.map((c) => cellText(table.headers[c])), ...outputHeaders(lang)],
    rowCount: table.rows.length,
    csvLine(i) {
      const row = table.rows[i];
      if (rawLines) return rawLines[i] + ",".repeat(table.width - row.length) + results.csvSuffix(i);
      let line = "";
      for (let k = 0; k < kept.length; k++) line += (k === 0 ? "" : ",") + csvField(cellText(row[kept[k]]));
      return line + results.csvSuffix(i);
    },
    values(i) {
      const row = table.rows[i];
      const cells: unknown[] = kept.map((c) => workbookCell(row[c] ?? null, c));
      return cells.concat(results.values(i));
    },
    formats: [
      ...kept.map((c) => table.columnFormats?.[c] ?? (roleOf[c] === "date" ? DATE_FORMAT : undefined)),
      ...new Array<undefined>(RESULT_COLUMNS).fill(undefined),
    ],
    replacedResults,
  };
}

/** Sales records: one row per customer (first-appearance order), then the result columns. */
function salesCustomersPlan(graded: GradedTable, lang: Lang): OutputPlan {
  const { res } = graded;
  const customers = res.customers!;
  const results = new ResultCells(res, lang, graded);
  const bought = (j: number) => customers.count[j] > 0;
  return {
    headers: [...customerHeaders(lang), ...outputHeaders(lang)],
    rowCount: res.n,
    csvLine(j) {
      const last = bought(j) ? cellText(dateOfDay(customers.lastDay[j])) : "";
      return `${csvField(customers.ids[j])},${last},${customers.count[j]},${customers.total[j]}${results.csvSuffix(j)}`;
    },
    values(j) {
      const last = bought(j) ? dateOfDay(customers.lastDay[j]) : null;
      return [customers.ids[j], last, customers.count[j], customers.total[j], ...results.values(j)];
    },
    formats: [undefined, DATE_FORMAT],
    replacedResults: false,
  };
}

/** An earlier run's output ends in exactly the seven result columns; grading it again replaces them. */
function endsWithResultColumns(headers: readonly Cell[]): boolean {
  if (headers.length < RESULT_COLUMNS) return false;
  return headers.slice(-RESULT_COLUMNS).every(isOwnOutputHeader);
}

function columnRoles(mapping: Partial<Record<Role, number>>): Role[] {
  const roles: Role[] = [];
  for (const [role, index] of Object.entries(mapping) as [Role, number][]) roles[index] = role;
  return roles;
}

/**
 * A CSV cell as it should stand in a workbook: the date column as a real date and the numeric columns as numbers,
 * where the engine reads them so; every other cell stays the text it was (ids such as "007" keep their zeros).
 */
function typedCsvCell(v: Cell, role: Role | undefined): unknown {
  if (typeof v !== "string" || v === "") return v === "" ? null : v;
  if (role === "date") {
    const day = parseDay(v);
    return day === null ? v : dateOfDay(day);
  }
  if (role === "count" || role === "total" || role === "amount") {
    const n = cellNumber(v);
    return Number.isNaN(n) ? v : n;
  }
  return v;
}
