/**
 * The worksheet back-end: ordinary formulas that grade a customer table in any spreadsheet (Excel 2010 and later,
 * LibreOffice, WPS) without the add-in. It prints the profile's integer form: sub-scores as sums of comparisons,
 * quintiles from COUNTIF counts (k − INT(k(2G+T)/(2N))), the composite as a whole number of score units compared with
 * whole-number cut-offs. Only IF, INT, COUNT, COUNTIF, ISNUMBER, ISERROR, ISBLANK, TRIM, ROW, YEAR, MONTH, DAY, TEXT,
 * MID, LEN, CHOOSE, ERROR.TYPE, IFERROR and EDATE are used: no LET, LAMBDA or dynamic arrays.
 *
 * The analysis date and every parameter live in named cells of a parameters block, so a user can change the date and
 * watch the grades move. Texts of notes come from the engine's own catalogue (messages.ts), split where the value goes.
 */

import { ENGINE_TEXTS } from "../../i18n/engine";
import { localizedView } from "../../i18n/message";
import { ISSUE_TEXTS, NOTE_SEPARATOR, ROLE_NAMES, rowColumnPrefix } from "../messages";
import { profileText } from "../profileText";
import type { GradeResult } from "../grade";
import { resultColumns, resultSetting, type ResultColumn, type ResultColumnId } from "../resultColumns";
import { columnLetters } from "../sheetConventions";
import type { ContactPeriod, IssueCode, Lang, Localized, Role } from "../types";
import { CompileError } from "./compileTexts";
import type { IntegerProfile } from "./integerProfile";

/**
 * Quantile formulas compare every row with every other one (COUNTIF over the whole column per row, several per row).
 * LibreOffice 7.4 on a 2-core machine (test/bench/formulasRecalc.ts, load + recalculate + save, shared machine):
 * 2,000 rows 12.6 s, 5,000 rows 118 s, 10,000 rows not finished in 180 s (so 50,000 was not attempted: hours).
 * Above this many rows live formulas are refused for quantile profiles; threshold profiles have no limit.
 */
export const MAX_QUANTILE_FORMULA_ROWS = 3_000;

/** The sheets live formulas add beside the results: the parameters block and the hidden key columns. */
export const LIVE_FORMULA_SHEETS = localizedView(ENGINE_TEXTS, (t) => t.liveFormulas.sheets);

/** One cell of the parameters block: a label, a value, and (for those the formulas read) a defined name. */
export interface ParameterCell {
  label: Localized;
  /** A number, a text, a day number for dates (kind "date"; "" for an empty date cell), or a formula starting with "=". */
  value: number | string;
  kind: "date" | "number" | "text" | "formula";
  name?: string;
  /** What the value means, shown beside it. */
  help?: Localized;
}

/**
 * Which result columns the formulas compute, keyed by the declaration (resultColumns.ts), so that a new column is a
 * type error here until it says. The previous grade and the change are not formulas: a comparison fixed at grading
 * would not follow the data or the analysis date the formulas follow (the summary sheet records it instead). The
 * next-grade order is not a formula either: it is a smallest amount found by searching (with quantiles, by ranking the
 * customer's new values among every other customer's), which a cell formula cannot do exactly in a worksheet's binary
 * numbers, and a value fixed at grading would not follow the data the formulas follow: live formulas leave it out.
 */
const FORMULA_COLUMNS = {
  r: true,
  f: true,
  m: true,
  score: true,
  grade: true,
  cadence: true,
  note: true,
  nextContact: true,
  previous: false,
  change: false,
  nextGrade: false,
} as const satisfies Record<ResultColumnId, boolean>;

/** The result columns that have a formula. */
export type FormulaColumnId = {
  [K in ResultColumnId]: (typeof FORMULA_COLUMNS)[K] extends true ? K : never;
}[ResultColumnId];

/** True for a result column the formulas compute. */
export function hasFormula(id: ResultColumnId): id is FormulaColumnId {
  return FORMULA_COLUMNS[id];
}

/** The result columns live formulas write for a grading, in the declaration's order: those that apply and have a formula. */
export function liveFormulaColumns(res: GradeResult): ResultColumn[] {
  return resultColumns(resultSetting(res, false)).filter((c) => hasFormula(c.id));
}

/** The letters of `columns` written side by side from the 0-based column `first` on, as a layout takes them. */
export function resultLetters(columns: readonly ResultColumn[], first: number): Omit<FormulaLetters, FormulaKeyColumn> {
  return Object.fromEntries(columns.map((c, k) => [c.id, columnLetters(first + k)])) as Omit<
    FormulaLetters,
    FormulaKeyColumn
  >;
}

/** The helper columns the formulas rank on: days since the last order, purchases and amount (a number when graded). */
export type FormulaKeyColumn = "days" | "count" | "amount";

/** Where things are on the grades sheet: 1-based rows, column letters. */
export interface FormulaSheetLayout {
  /** Name of the sheet holding the results (and the data, unless `dataSheet` names another sheet). */
  sheet: string;
  /**
   * When set, the data columns are on this sheet and the results on `sheet`, row for row (the task pane's "new
   * sheet" output): every reference to a data cell names it.
   */
  dataSheet?: string;
  /**
   * When set, the three key columns live on this (helper) sheet, on the same rows as the data; otherwise on `sheet`.
   * The task pane uses one so that the results take only the seven columns right of the user's table.
   */
  keySheet?: string;
  firstRow: number;
  lastRow: number;
  /** Data columns of a customer table. `id` is optional (an error value in it makes the row not graded). */
  data: { date: string; count: string; total: string; id?: string };
  /** The headers of those columns, as notes name them. */
  columnNames?: Partial<Record<Role, string>>;
  /**
   * Set when the rows are customers totalled from sales records by formulas (salesFormulas.ts): the notes are those
   * of sales records (no purchase inside the window; a total not above 0 for thresholds), named after the sales
   * columns (`columnNames.date`, `.amount`) without a row, and ties "first" follow the customer's first sale inside
   * the window (`order`, a key-sheet column) instead of the row order.
   */
  fromSales?: { order?: string };
  /**
   * The letters of the result columns written (by id; the sub-scores and the note are always written, the formulas
   * read them), and of the three key columns the formulas rank on.
   */
  out: FormulaLetters;
}

export type FormulaLetters = { [K in FormulaColumnId]?: string } & Record<
  "r" | "f" | "m" | "note" | FormulaKeyColumn,
  string
>;

/** The formulas of a sheet row (without the leading "="), by column; undefined for a column not written. */
export type FormulaRow = Record<FormulaColumnId, string | undefined> & Record<FormulaKeyColumn, string>;

export interface FormulaPlan {
  parameters: ParameterCell[];
  /** The formulas of sheet row `row`. */
  row(row: number): FormulaRow;
  /** True when next-contact dates are written (the profile has periods). */
  hasNextContact: boolean;
}

export interface FormulaOptions {
  /** Analysis date as a day number (days since 1970-01-01). */
  asOfDay: number;
  lang: Lang;
  /** Sales records only: the window's first day (none: every sale up to the analysis date) and the amount scale. */
  sales?: { windowStartDay?: number; moneyScale: number };
}

const N = {
  asOf: "RFM_AsOf",
  start: "RFM_Start",
  moneyScale: "RFM_MoneyScale",
  scale: "RFM_Scale",
  bins: "RFM_Bins",
  graded: "RFM_Graded",
  weight: (d: "R" | "F" | "M") => `RFM_W${d}`,
  recency: (score: number) => `RFM_R${score}`,
  frequency: (j: number) => `RFM_F${j}`,
  monetary: (j: number) => `RFM_M${j}`,
  grade: (i: number) => `RFM_Grade${i + 1}`,
  cut: (i: number) => `RFM_Cut${i + 1}`,
  cadence: (i: number) => `RFM_Cadence${i + 1}`,
  every: (i: number) => `RFM_Every${i + 1}`,
};

/** Labels of the parameters block, in every language. */
const P = localizedView(ENGINE_TEXTS, (t) => t.liveFormulas.parameters);

/** A text literal in a formula. */
function lit(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The formulas and parameters that grade a customer table with the integer form `ip`. Quantile profiles are
 * refused above MAX_QUANTILE_FORMULA_ROWS rows (CompileError "tooManyRowsForFormulas").
 */
export function compileFormulas(ip: IntegerProfile, layout: FormulaSheetLayout, options: FormulaOptions): FormulaPlan {
  const rows = layout.lastRow - layout.firstRow + 1;
  if (ip.method === "quantiles" && rows > MAX_QUANTILE_FORMULA_ROWS) {
    throw new CompileError(
      "tooManyRowsForFormulas",
      rows.toLocaleString("en-US"),
      MAX_QUANTILE_FORMULA_ROWS.toLocaleString("en-US"),
    );
  }
  const { out, data } = layout;
  const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'!`;
  // References from key cells to the results and data, and from result cells to the keys, cross sheets when the keys
  // have their own; references to the data cross sheets when the data have their own.
  const keyAt = layout.keySheet ? sheetRef(layout.keySheet) : "";
  const resultAt = layout.keySheet ? sheetRef(layout.sheet) : "";
  const dataAt = layout.dataSheet ? sheetRef(layout.dataSheet) : resultAt;
  const range = (col: string) => `${keyAt}$${col}$${layout.firstRow}:$${col}$${layout.lastRow}`;
  const parameters = parameterCells(
    ip,
    options,
    `${keyAt || sheetRef(layout.sheet)}$${out.days}$${layout.firstRow}:$${out.days}$${layout.lastRow}`,
  );
  const periods = ip.profile.grades.map((g) => g.cadence.every);
  const hasNextContact = periods.some((p) => p !== undefined) && out.nextContact !== undefined;
  const noteOf = noteFormula(ip, layout, options.lang);

  const row = (n: number): FormulaRow => {
    const ref = (col: string) => `${col}${n}`;
    const kd = keyAt + ref(out.days),
      ks = keyAt + ref(out.count),
      kz = keyAt + ref(out.amount);
    const notGraded = `${resultAt}${ref(out.note)}<>""`;
    const blankUnlessGraded = (f: string) => `IF(${kd}="","",${f})`;
    let r: string, f: string, m: string;
    if (ip.thresholds) {
      r = "1" + [2, 3, 4, 5].map((s) => `+(${kd}<=${N.recency(s)})`).join("");
      f = "1" + [1, 2, 3, 4].map((j) => `+(${ks}>${N.frequency(j)})`).join("");
      m = "1" + [1, 2, 3, 4].map((j) => `+(${kz}>${N.monetary(j)})`).join("");
    } else {
      const score = (key: string, col: string, better: "<" | ">") => {
        const G = `COUNTIF(${range(col)},"${better}"&${key})`;
        const T = `COUNTIF(${range(col)},${key})`;
        const order = layout.fromSales?.order;
        const earlier = order
          ? `COUNTIFS(${range(col)},${key},${range(order)},"<"&${keyAt}${ref(order)})`
          : n === layout.firstRow
            ? "0"
            : `COUNTIF(${keyAt}$${col}$${layout.firstRow}:${col}${n - 1},${key})`;
        const twiceQPlusOne =
          ip.ties === "average" ? `2*${G}+${T}` : ip.ties === "best" ? `2*${G}+1` : `2*(${G}+${earlier})+1`;
        return `${N.bins}-INT(${N.bins}*(${twiceQPlusOne})/(2*${N.graded}))`;
      };
      r = score(kd, out.days, "<");
      f = score(ks, out.count, ">");
      m = score(kz, out.amount, ">");
    }
    const x = `(${N.weight("R")}*${ref(out.r)}+${N.weight("F")}*${ref(out.f)}+${N.weight("M")}*${ref(out.m)})`;
    const byGrade = (value: (i: number) => string) => {
      let formula = value(ip.grades.length - 1);
      for (let i = ip.grades.length - 2; i >= 0; i--) {
        formula = `IF(${x}${ip.grades[i].op}${N.cut(i)},${value(i)},${formula})`;
      }
      return formula;
    };
    const next = (i: number) => {
      const p = periods[i];
      if (p === undefined) return '""';
      return "months" in p ? `EDATE(${N.asOf},${N.every(i)})` : `${N.asOf}+${N.every(i)}`;
    };
    return {
      days: `IF(${notGraded},"",${N.asOf}-INT(${dataAt}${ref(data.date)}))`,
      count: `IF(${notGraded},"",${dataAt}${ref(data.count)})`,
      amount: `IF(${notGraded},"",${dataAt}${ref(data.total)})`,
      r: blankUnlessGraded(r),
      f: blankUnlessGraded(f),
      m: blankUnlessGraded(m),
      score: blankUnlessGraded(`${x}/${N.scale}`),
      grade: blankUnlessGraded(byGrade(N.grade)),
      cadence: blankUnlessGraded(byGrade(N.cadence)),
      nextContact: hasNextContact ? blankUnlessGraded(byGrade(next)) : undefined,
      note: noteOf(n),
    };
  };
  return { parameters, row, hasNextContact };
}

function parameterCells(ip: IntegerProfile, options: FormulaOptions, daysRange: string): ParameterCell[] {
  const cells: ParameterCell[] = [
    { label: P.asOf, value: options.asOfDay, kind: "date", name: N.asOf, help: P.asOfHelp },
  ];
  if (options.sales) {
    cells.push({
      label: P.start,
      value: options.sales.windowStartDay ?? "",
      kind: "date",
      name: N.start,
      help: P.startHelp,
    });
  }
  cells.push({ label: P.unit, value: ip.unit === "wan" ? "万元 (10,000 yuan)" : "元 (yuan)", kind: "text" });
  if (options.sales) {
    cells.push({
      label: P.moneyScale,
      value: options.sales.moneyScale,
      kind: "number",
      name: N.moneyScale,
      help: P.moneyScaleHelp,
    });
  }
  cells.push(
    { label: P.scale, value: 10 ** ip.scorePlaces, kind: "number", name: N.scale, help: P.scaleHelp },
    { label: P.weight("R"), value: ip.weights.recency, kind: "number", name: N.weight("R") },
    { label: P.weight("F"), value: ip.weights.frequency, kind: "number", name: N.weight("F") },
    { label: P.weight("M"), value: ip.weights.monetary, kind: "number", name: N.weight("M") },
  );
  if (ip.thresholds) {
    const t = ip.thresholds;
    t.recency.forEach((b, j) =>
      cells.push({ label: P.recency(5 - j), value: b, kind: "number", name: N.recency(5 - j) }),
    );
    t.frequency.forEach((b, j) =>
      cells.push({ label: P.frequency(j + 1), value: b, kind: "number", name: N.frequency(j + 1) }),
    );
    t.monetary.forEach((b, j) =>
      cells.push({ label: P.monetary(j + 1), value: Number(b.text), kind: "number", name: N.monetary(j + 1) }),
    );
  } else {
    cells.push({ label: P.bins, value: ip.bins, kind: "number", name: N.bins });
    cells.push({ label: P.graded, value: `=COUNT(${daysRange})`, kind: "formula", name: N.graded });
  }
  ip.grades.forEach((g, i) => {
    cells.push({ label: P.grade(i), value: g.grade, kind: "text", name: N.grade(i) });
    if (g.op !== null)
      cells.push({ label: P.cut(g.grade, g.op), value: g.cut as number, kind: "number", name: N.cut(i) });
    cells.push({
      label: P.cadence(g.grade),
      value: profileText(g.cadence, options.lang),
      kind: "text",
      name: N.cadence(i),
    });
    const every: ContactPeriod | undefined = ip.profile.grades[i].cadence.every;
    if (every) {
      const unit = "months" in every ? "months" : "days";
      cells.push({
        label: P.every(g.grade, unit),
        value: "months" in every ? every.months : every.days,
        kind: "number",
        name: N.every(i),
      });
    }
  });
  return cells;
}

const SENTINEL = "\u0000";

/** An engine text with a value in it, as a formula: the text's parts around the value joined to `value`. */
function textWith(template: (v: string) => string, value: string): string {
  const parts = template(SENTINEL).split(SENTINEL);
  return parts
    .map(lit)
    .join(`&${value}&`)
    .replace(/^""&|&""$/g, "");
}

/** The text of an Excel error, as the engine names it in notes. */
const errorName = (c: string) =>
  `IFERROR(CHOOSE(ERROR.TYPE(${c}),"#NULL!","#DIV/0!","#VALUE!","#REF!","#NAME?","#NUM!","#N/A"),"#VALUE!")`;
const dateText = (c: string) => `YEAR(${c})&"-"&TEXT(MONTH(${c}),"00")&"-"&TEXT(DAY(${c}),"00")`;
const isBlank = (c: string) => `OR(ISBLANK(${c}),TRIM(${c}&"")="")`;

/**
 * The note of RULES.md §8 as a formula: every reason the row is not graded, in the engine's words and order (date,
 * count, total, id), joined by the engine's separator; "" when the row is graded. Each reason is one IF chain that
 * never evaluates a comparison on an error or text (IF is lazy in every spreadsheet).
 */
function noteFormula(ip: IntegerProfile, layout: FormulaSheetLayout, lang: Lang): (n: number) => string {
  const sep = NOTE_SEPARATOR[lang];
  const names = layout.columnNames ?? {};
  const reason = (role: Role, code: IssueCode, value = '""') => {
    const prefix = textWith((v) => rowColumnPrefix(lang, v, names[role] || ROLE_NAMES[role][lang]), "ROW()");
    return `${lit(sep)}&${prefix}&${textWith(ISSUE_TEXTS[code][lang], value)}`;
  };
  const at = layout.dataSheet ? `'${layout.dataSheet.replace(/'/g, "''")}'!` : "";
  if (layout.fromSales) {
    // A customer made from sales records is named by the sales columns, without a row (the values output does so).
    const salesReason = (role: Role, code: IssueCode, value: string) => {
      const prefix = lit(rowColumnPrefix(lang, undefined, names[role] || ROLE_NAMES[role][lang]));
      return `${prefix}&${textWith(ISSUE_TEXTS[code][lang], value)}`;
    };
    const windowText = `IF(ISNUMBER(${N.start}),${dateText(N.start)},"…")&" – "&${dateText(N.asOf)}`;
    return (n) => {
      const s = `${at}${layout.data.count}${n}`,
        z = `${at}${layout.data.total}${n}`;
      const total = ip.requirePositiveTotal
        ? `IF(${z}<=0,${salesReason("amount", "totalNotPositive", `${z}&""`)},"")`
        : '""';
      return `IF(${s}=0,${salesReason("date", "noSaleInWindow", windowText)},${total})`;
    };
  }
  return (n) => {
    const d = `${at}${layout.data.date}${n}`,
      s = `${at}${layout.data.count}${n}`,
      z = `${at}${layout.data.total}${n}`;
    const datePart =
      `IF(ISERROR(${d}),${reason("date", "errorValue", errorName(d))},` +
      `IF(${isBlank(d)},${reason("date", "dateMissing")},` +
      `IF(NOT(ISNUMBER(${d})),${reason("date", "dateInvalid", `TRIM(${d})`)},` +
      `IF(INT(${d})>${N.asOf},${reason("date", "dateAfterAsOf", dateText(d))},""))))`;
    const countPart =
      `IF(ISERROR(${s}),${reason("count", "errorValue", errorName(s))},` +
      `IF(${isBlank(s)},${reason("count", "countMissing")},` +
      `IF(NOT(ISNUMBER(${s})),${reason("count", "countInvalid", `TRIM(${s})`)},` +
      `IF(${s}<>INT(${s}),${reason("count", "countNotWhole", `${s}&""`)},` +
      `IF(${s}<=0,${reason("count", "countNotPositive", `${s}&""`)},"")))))`;
    const totalPart =
      `IF(ISERROR(${z}),${reason("total", "errorValue", errorName(z))},` +
      `IF(${isBlank(z)},${reason("total", "totalMissing")},` +
      `IF(NOT(ISNUMBER(${z})),${reason("total", "totalInvalid", `TRIM(${z})`)},` +
      (ip.requirePositiveTotal ? `IF(${z}<=0,${reason("total", "totalNotPositive", `${z}&""`)},""))))` : `"")))`);
    const id = layout.data.id ? `${at}${layout.data.id}${n}` : undefined;
    const idPart = id ? `&IF(ISERROR(${id}),${reason("id", "errorValue", errorName(id))},"")` : "";
    return `MID(${datePart}&${countPart}&${totalPart}${idPart},${sep.length + 1},32767)`;
  };
}
