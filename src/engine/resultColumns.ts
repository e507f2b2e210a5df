/**
 * The result columns, declared once. Every face takes the columns it writes from this list — their order, headers,
 * number formats, values and when they apply: the command line's CSV and .xlsx, its formula workbooks, the add-in's
 * writer and live formulas, the custom functions' spills and the SQL compiler. A column's compiled forms (a worksheet
 * formula, an SQL expression) live beside their compilers, keyed by these ids, so a column without one is a type
 * error there until the compiler says how it computes it (or that it cannot).
 *
 * Position rules. The order here is the order every face writes. Files and formulas written by earlier versions are
 * read back by their columns (an earlier result block is recognised by its headers; `=RFM.SCORES(...)` cells are
 * referenced by position), so ids and positions are frozen: a new column goes at the end of the list.
 *
 * Also here: the columns of sales-record output that come before the result columns (one row per customer).
 */
import { ENGINE_TEXTS } from "../i18n/engine";
import { localizedView } from "../i18n/message";
import { formatDay } from "./dates";
import { normaliseHeader } from "./headers";
import type { GradeResult } from "./grade";
import { changeText, type GradeMigration } from "./migration";
import { NOT_REACHABLE_TEXT, nextGradeOrder, nextGradeOrdersOf } from "./nextGrade";
import { hasContactPeriods, nextContactDay } from "./periods";
import { cadenceText, gradeLetter, isGraded, noteText, scoreText, type NoteContext } from "./present";
import { DATE_FORMAT } from "./sheetConventions";
import type { Lang } from "./types";

/**
 * A cell's value in its neutral form, which each face turns into its own (see `resultText`, `resultCell`): a whole
 * number; an exact decimal as its text ("3.25"), or words where no amount applies; a text; a date as a day number;
 * null for an empty cell.
 */
export type ResultValue = number | string | null;

/**
 * How a column's values are typed: `decimal` values are exact decimal texts, `date` values day numbers; `amount`
 * values are exact decimal texts of money, or words where there is no amount to give (the next-grade order's "not
 * reachable with one order").
 */
type ResultKind = "integer" | "decimal" | "amount" | "text" | "date";

/**
 * When a column is written: always; when the profile's grades have contact periods; when a previous grading was
 * compared (`--previous`, or grading again over the add-in's own results).
 */
type ResultCondition = "always" | "contactPeriods" | "previousGrading";

/**
 * What a column's value depends on, so that writers can make a cell once and reuse it (a million rows share a few
 * dozen cells): the grade only; the three sub-scores (and so the grade); the grade and the previous grading's
 * comparison of the row; or anything about the row.
 */
export type ResultDependence = "grade" | "scores" | "previous" | "row";

/** What the value of a row is read from. */
export interface ResultRows {
  res: GradeResult;
  lang: Lang;
  /** How notes name rows and columns (the face knows its sheet rows and headers). */
  notes?: NoteContext;
  /** The comparison with a previous grading, when there was one. */
  migration?: GradeMigration;
}

export interface ResultColumnSpec {
  id: string;
  /** The header in each language the product speaks (each language's engine catalogue names it). */
  header: Record<Lang, string>;
  kind: ResultKind;
  /** The cells' number format in a workbook; undefined: General. */
  format?: string;
  when: ResultCondition;
  dependsOn: ResultDependence;
  /** Part of the custom functions' spills (RFM.SCORES, and RFM.SALES after its customer columns). */
  spill: boolean;
  /** Text that can run long (a note): writers give it a wide column. */
  wide?: boolean;
  /** The value of row (or sales customer) i; null for an empty cell. */
  value(rows: ResultRows, i: number): ResultValue;
}

/** Headers in every language, from the catalogues (a language's catalogue must name every column). */
const RESULT_HEADERS = localizedView(ENGINE_TEXTS, (t) => t.resultHeaders);
const CUSTOMER_HEADERS = localizedView(ENGINE_TEXTS, (t) => t.customerHeaders);

const graded =
  (f: (rows: ResultRows, i: number) => ResultValue) =>
  (rows: ResultRows, i: number): ResultValue =>
    isGraded(rows.res, i) ? f(rows, i) : null;

export const RESULT_COLUMNS = [
  {
    id: "r",
    header: RESULT_HEADERS.r,
    kind: "integer",
    format: "0",
    when: "always",
    dependsOn: "scores",
    spill: true,
    value: graded(({ res }, i) => res.r[i]),
  },
  {
    id: "f",
    header: RESULT_HEADERS.f,
    kind: "integer",
    format: "0",
    when: "always",
    dependsOn: "scores",
    spill: true,
    value: graded(({ res }, i) => res.f[i]),
  },
  {
    id: "m",
    header: RESULT_HEADERS.m,
    kind: "integer",
    format: "0",
    when: "always",
    dependsOn: "scores",
    spill: true,
    value: graded(({ res }, i) => res.m[i]),
  },
  {
    // General, so that the exact decimal shows as written (3.25), never rounded by a fixed number of places.
    id: "score",
    header: RESULT_HEADERS.score,
    kind: "decimal",
    format: "General",
    when: "always",
    dependsOn: "scores",
    spill: true,
    value: graded(({ res }, i) => scoreText(res, i)),
  },
  {
    id: "grade",
    header: RESULT_HEADERS.grade,
    kind: "text",
    when: "always",
    dependsOn: "grade",
    spill: true,
    value: ({ res }, i) => gradeLetter(res, i),
  },
  {
    id: "cadence",
    header: RESULT_HEADERS.cadence,
    kind: "text",
    when: "always",
    dependsOn: "grade",
    spill: true,
    value: ({ res, lang }, i) => cadenceText(res, i, lang),
  },
  {
    id: "note",
    header: RESULT_HEADERS.note,
    kind: "text",
    when: "always",
    dependsOn: "row",
    spill: false,
    wide: true,
    value: ({ res, lang, notes }, i) => noteText(res, i, lang, notes) || null,
  },
  {
    id: "nextContact",
    header: RESULT_HEADERS.nextContact,
    kind: "date",
    format: DATE_FORMAT,
    when: "contactPeriods",
    dependsOn: "grade",
    spill: false,
    value: ({ res }, i) => nextContactDay(res, i),
  },
  {
    id: "previous",
    header: RESULT_HEADERS.previous,
    kind: "text",
    when: "previousGrading",
    dependsOn: "previous",
    spill: false,
    value: ({ migration }, i) => migration?.previous[i] ?? null,
  },
  {
    id: "change",
    header: RESULT_HEADERS.change,
    kind: "text",
    when: "previousGrading",
    dependsOn: "previous",
    spill: false,
    value: ({ migration, lang }, i) => (migration ? changeText(migration.change[i], lang) || null : null),
  },
  {
    // RULES.md §12. An amount in the input's unit (a number in a workbook), the words "not reachable with one order",
    // or empty (the top grade, not graded). Every decimal a cent can have shows: 0.01 yuan, 0.000001 万元.
    id: "nextGrade",
    header: RESULT_HEADERS.nextGrade,
    kind: "amount",
    format: "#,##0.00####",
    when: "always",
    dependsOn: "row",
    spill: true,
    value: ({ res, lang }, i) => {
      const order = nextGradeOrder(nextGradeOrdersOf(res), i);
      return order.kind === "amount" ? order.text : order.kind === "notReachable" ? NOT_REACHABLE_TEXT[lang] : null;
    },
  },
] as const satisfies readonly ResultColumnSpec[];

export type ResultColumnId = (typeof RESULT_COLUMNS)[number]["id"];
export type ResultColumn = ResultColumnSpec & { id: ResultColumnId };

/** What decides which columns a grading writes (see ResultCondition). */
export interface ResultSetting {
  contactPeriods: boolean;
  previousGrading: boolean;
}

/** The setting of a grading: contact periods from its profile, and whether a previous grading was compared. */
export function resultSetting(res: GradeResult, previousGrading: boolean): ResultSetting {
  return { contactPeriods: hasContactPeriods(res.profile), previousGrading };
}

/** Every column's condition met: the widest block a grading can write. */
export const EVERY_RESULT_COLUMN: ResultSetting = { contactPeriods: true, previousGrading: true };

/** The columns a grading writes, in order. */
export function resultColumns(setting: ResultSetting): ResultColumn[] {
  return (RESULT_COLUMNS as readonly ResultColumn[]).filter((c) => c.when === "always" || setting[c.when]);
}

export function resultColumn(id: ResultColumnId): ResultColumn {
  return (RESULT_COLUMNS as readonly ResultColumn[]).find((c) => c.id === id)!;
}

export function resultHeaders(lang: Lang, setting: ResultSetting): string[] {
  return resultColumns(setting).map((c) => c.header[lang]);
}

/** The columns of the custom functions' spills, in order (RFM.SCORES; RFM.SALES after its customer columns). */
export const SPILL_COLUMNS: readonly ResultColumn[] = (RESULT_COLUMNS as readonly ResultColumn[]).filter(
  (c) => c.spill,
);

/**
 * The columns that open every result block the product has ever written, in order (all but the last always apply,
 * from the first version on): an earlier result block in a sheet or file is recognised by them.
 */
export const LEADING_COLUMNS: readonly ResultColumn[] = (() => {
  const all = RESULT_COLUMNS as readonly ResultColumn[];
  const end = all.findIndex((c) => c.when !== "always");
  return all.slice(0, end < 0 ? all.length : end);
})();

/** The headers of the leading columns (the block every grading writes first). */
export function outputHeaders(lang: Lang): string[] {
  return LEADING_COLUMNS.map((c) => c.header[lang]);
}

const allHeaders = (c: ResultColumnSpec) => new Set(Object.values(c.header).map(normaliseHeader));
const LEADING_HEADERS = LEADING_COLUMNS.map(allHeaders);
const OTHER_HEADERS = new Set(
  (RESULT_COLUMNS as readonly ResultColumn[])
    .filter((c) => !LEADING_COLUMNS.includes(c))
    .flatMap((c) => [...allHeaders(c)]),
);
const OWN_HEADERS = new Set([...LEADING_HEADERS.flatMap((set) => [...set]), ...OTHER_HEADERS]);

/** True for a header the product itself writes (any language), so its own output can be updated in place. */
export function isOwnOutputHeader(text: unknown): boolean {
  return OWN_HEADERS.has(normaliseHeader(text));
}

/**
 * Where an earlier grading's result columns stand in a header row: the leading columns in order (any language),
 * followed by any of the other result columns; the last such block wins. null when the headers hold none.
 */
export function ownOutputBlock(headers: readonly unknown[]): { start: number; width: number } | null {
  const normal = headers.map(normaliseHeader);
  for (let k = normal.length - LEADING_HEADERS.length; k >= 0; k--) {
    if (!LEADING_HEADERS.every((set, j) => set.has(normal[k + j]))) continue;
    let width = LEADING_HEADERS.length;
    while (k + width < normal.length && OTHER_HEADERS.has(normal[k + width])) width++;
    return { start: k, width };
  }
  return null;
}

/** The position of a column in a block written with `setting` (-1 when it is not written then). */
export function resultPosition(id: ResultColumnId, setting: ResultSetting = EVERY_RESULT_COLUMN): number {
  return resultColumns(setting).findIndex((c) => c.id === id);
}

/** A value as text, the way CSV output writes it: numbers and exact decimals as written, dates as YYYY-MM-DD. */
export function resultText(column: ResultColumnSpec, value: ResultValue): string {
  if (value === null) return "";
  if (column.kind === "date") return formatDay(value as number);
  return String(value);
}

/**
 * A value as a workbook cell holds it: a decimal as the double nearest its exact text (3.25, not 3.2500000000000004),
 * a date as its day number (the writer turns it into the workbook's serial); text and whole numbers as they are. A
 * decimal column's text that is not a number (words where no amount applies) stays text.
 */
export function resultCell(column: ResultColumnSpec, value: ResultValue): number | string | null {
  if (value === null) return null;
  if (column.kind === "decimal" && typeof value === "string") {
    const n = Number(value);
    return value.trim() !== "" && Number.isFinite(n) ? n : value;
  }
  // An amount's exact decimal text, or words: the words stay text.
  if (column.kind === "amount" && typeof value === "string" && DECIMAL_TEXT.test(value)) return Number(value);
  return value;
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** The sales-record output's columns before the result columns: one row per customer. */
export type CustomerColumnId = "customer" | "lastOrder" | "purchases" | "amount";

/** Where a sales customer's values come from: the result's customers. */
type Customers = NonNullable<GradeResult["customers"]>;

export interface CustomerColumn {
  id: CustomerColumnId;
  header: Record<Lang, string>;
  kind: "text" | "integer" | "number" | "date";
  format?: string;
  value(customers: Customers, j: number): string | number | null;
}

/**
 * Customer, last order date (inside the window; empty when the customer bought nothing there), purchases, amount.
 * Columns carried with the sales records go after the customer.
 */
export const CUSTOMER_COLUMNS: readonly CustomerColumn[] = [
  { id: "customer", header: CUSTOMER_HEADERS.customer, kind: "text", value: (c, j) => c.ids.at(j) ?? "" },
  {
    id: "lastOrder",
    header: CUSTOMER_HEADERS.lastOrder,
    kind: "date",
    format: DATE_FORMAT,
    value: (c, j) => (c.count[j] > 0 ? c.lastDay[j] : null),
  },
  { id: "purchases", header: CUSTOMER_HEADERS.purchases, kind: "integer", format: "0", value: (c, j) => c.count[j] },
  { id: "amount", header: CUSTOMER_HEADERS.amount, kind: "number", value: (c, j) => c.total.at(j) ?? null },
];

export function customerHeaders(lang: Lang): string[] {
  return CUSTOMER_COLUMNS.map((c) => c.header[lang]);
}
