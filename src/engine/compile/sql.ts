/**
 * The SQL back-end: one query that grades a typed table in a database exactly as the engine grades a file. It prints
 * the profile's integer form (`integerProfile.ts`): bounds and cut-offs as whole numbers or exact decimal literals,
 * the composite score as a sum of whole numbers, quantiles as k − ⌊k(2G+T)/(2N)⌋ from window counts. No floating
 * point anywhere: amounts are DECIMAL, every other value an integer.
 */

import { GradeError } from "../grade";
import { formatDay, parseDateText } from "../dates";
import { formatUnits } from "../decimal";
import { addPeriod, hasContactPeriods } from "../periods";
import { profileText } from "../profileText";
import { resultColumns, type ResultColumnId } from "../resultColumns";
import type { InputKind, Lang, MonetaryUnit, Profile, Role } from "../types";
import { CompileError } from "./compileTexts";
import { integerProfile, type IntegerProfile } from "./integerProfile";

export type SqlDialect = "duckdb" | "postgres" | "mysql" | "spark";
export const SQL_DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres", "mysql", "spark"];

export interface SqlOptions {
  /** Default duckdb. */
  dialect?: SqlDialect;
  /** Sales records (one row per sale, the default) or a customer table (one row per customer). */
  input?: InputKind;
  /** Table (or view, `schema.table`) to read; default `sales` or `customers`. */
  table?: string;
  /** Column of each role; default the role's own name (`id`, `date`, `count`, `total`, `amount`). */
  columns?: Partial<Record<Role, string>>;
  /** Analysis date, YYYY-MM-DD or a day number; default the profile's. */
  asOf?: string | number;
  /** Sales records: first day counted; default the profile's (none: every sale up to the analysis date). */
  windowStart?: string | number;
  /** Unit of the table's amounts; default the profile's. */
  unit?: MonetaryUnit;
  /** Column giving the input order, needed by the tie rule "first" (a customer's order is its first kept sale). */
  order?: string;
  /** Language of the cadence texts. */
  lang?: Lang;
  /** False: leave the rows in whatever order the database finds fastest (the caller matches them itself). */
  sorted?: boolean;
}

/** What a result column's SELECT expression is made from (the final SELECT reads the `composite` step). */
interface SqlSelect {
  /** A CASE over the composite x choosing grade i's `pick(i)`. */
  gradeCase(pick: (i: number) => string): string;
  ip: IntegerProfile;
  d: Dialect;
  lang: Lang;
  asOf: number;
}

/** A result column as the query returns it: its name, and its expression in the final SELECT. */
interface SqlColumn {
  name: string;
  select(q: SqlSelect): string;
}

/**
 * Each result column of the declaration (resultColumns.ts) as the query computes it, or null where the query does
 * not: a query grades one table, so there is no previous grading to compare with (the command line's --previous).
 */
const SQL_FORMS = {
  r: { name: "r_score", select: () => "r_score" },
  f: { name: "f_score", select: () => "f_score" },
  m: { name: "m_score", select: () => "m_score" },
  score: {
    name: "rfm_score",
    select: ({ ip }) => (ip.scorePlaces === 0 ? "x" : `x * ${formatUnits(1, ip.scorePlaces)}`),
  },
  grade: {
    name: "grade",
    select: ({ gradeCase, ip, d }) => `CASE WHEN note IS NULL THEN ${gradeCase((i) => d.text(ip.grades[i].grade))} END`,
  },
  cadence: {
    name: "cadence",
    select: ({ gradeCase, ip, d, lang }) =>
      `CASE WHEN note IS NULL THEN ${gradeCase((i) => d.text(profileText(ip.grades[i].cadence, lang)))} END`,
  },
  note: { name: "note", select: () => "note" },
  // The analysis date plus the grade's period is one date per grade, worked out here by the engine's own calendar
  // (a month from 31 January is the last day of February), so no database's date arithmetic is involved.
  nextContact: {
    name: "next_contact_by",
    select: ({ gradeCase, ip, asOf }) => {
      const every = (i: number) => ip.profile.grades[i].cadence.every;
      return `CASE WHEN note IS NULL THEN ${gradeCase((i) => (every(i) ? `DATE '${formatDay(addPeriod(asOf, every(i)!))}'` : "NULL"))} END`;
    },
  },
  previous: null,
  change: null,
  nextGrade: null,
} satisfies Record<ResultColumnId, SqlColumn | null>;

/** The customer's own columns, before the result columns. */
const SQL_CUSTOMER_COLUMNS = ["customer_id", "last_order_date", "purchases", "amount"] as const;

/** The result columns a query for `profile` returns, in the declaration's order. */
function sqlResultColumns(profile: Profile): SqlColumn[] {
  return resultColumns({ contactPeriods: hasContactPeriods(profile), previousGrading: false })
    .map((c) => SQL_FORMS[c.id])
    .filter((form): form is SqlColumn => form !== null);
}

/** The columns of the query's result for `profile`, in order. */
function sqlColumnNames(profile: Profile): string[] {
  return [...SQL_CUSTOMER_COLUMNS, ...sqlResultColumns(profile).map((c) => c.name)];
}

/** Every column a query can return, in order (`next_contact_by` only when the profile's grades have periods). */
export const SQL_RESULT_COLUMNS: readonly string[] = [
  ...SQL_CUSTOMER_COLUMNS,
  ...resultColumns({ contactPeriods: true, previousGrading: false }).flatMap((c) =>
    SQL_FORMS[c.id] ? [SQL_FORMS[c.id]!.name] : [],
  ),
];

/** What differs between databases; everything else is one query. */
interface Dialect {
  ident(name: string): string;
  text(value: string): string;
  /** An id cell as text that groups and compares character for character, as the engine compares ids. */
  idText(column: string): string;
  /**
   * Text without the white space the engine trims from an id (JavaScript's `trim`: tabs and line breaks, spaces,
   * no-break and ideographic spaces, the byte-order mark…). SQL's own TRIM removes plain spaces only, so "C1\u3000"
   * would be another customer than "C1".
   */
  trimmed(text: string): string;
  /** Whole days from `from` to `to` (both DATE). */
  days(from: string, to: string): string;
  /** Floor of a / b for non-negative whole numbers. */
  intDiv(a: string, b: string): string;
  /** The bin count k as a 64-bit integer, so that k·(2G+T) cannot overflow. */
  wideInt(k: number): string;
  /** An ascending sort key that puts NULLs after every value. */
  nullsLast(key: string): string;
  /** A header line saying how the literals are written, where the server's settings decide how they are read. */
  backslashNote?: string;
}

const quoteWith = (q: string) => (name: string) => q + name.split(q).join(q + q) + q;
const standardText = (v: string) => `'${v.replace(/'/g, "''")}'`;
const castBigint = (k: number) => `CAST(${k} AS BIGINT)`;
const standardNullsLast = (key: string) => `${key} NULLS LAST`;

/** The code points JavaScript's `String.prototype.trim` removes (ECMAScript's WhiteSpace and LineTerminator). */
const TRIMMED_CODE_POINTS: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];
/** The trimmed set as one text built from chr() calls: the query stays readable and survives copy and paste. */
const chrSet = TRIMMED_CODE_POINTS.map((c) => `chr(${c})`).join(" || ");
/** The same set as a regular expression of `\x{…}` escapes (ICU, PCRE and Java read them alike): a run at either end. */
const regexSet = "[" + TRIMMED_CODE_POINTS.map((c) => `\\x{${c.toString(16)}}`).join("") + "]";
const trimPattern = `^${regexSet}+|${regexSet}+$`;
/** A text literal for MySQL, which reads backslash escapes in literals unless sql_mode has NO_BACKSLASH_ESCAPES. */
const mysqlText = (v: string) => `'${v.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
/** A text literal for Spark SQL, which reads backslash escapes in literals. */
const sparkText = (v: string) => `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

const DIALECTS: Record<SqlDialect, Dialect> = {
  duckdb: {
    ident: quoteWith('"'),
    text: standardText,
    idText: (c) => `CAST(${c} AS VARCHAR)`,
    trimmed: (t) => `trim(${t}, ${chrSet})`,
    days: (from, to) => `date_diff('day', ${from}, ${to})`,
    intDiv: (a, b) => `(${a}) // (${b})`,
    wideInt: castBigint,
    nullsLast: standardNullsLast,
  },
  postgres: {
    ident: quoteWith('"'),
    text: standardText,
    idText: (c) => `CAST(${c} AS VARCHAR)`,
    trimmed: (t) => `btrim(${t}, ${chrSet})`,
    days: (from, to) => `(${to} - ${from})`,
    // Both operands are bigint: PostgreSQL's integer division truncates, which is the floor for non-negative values.
    intDiv: (a, b) => `(${a}) / (${b})`,
    wideInt: castBigint,
    nullsLast: standardNullsLast,
  },
  mysql: {
    ident: quoteWith("`"),
    // The query's header says that its literals are written for backslash escapes (the id trim's pattern has some).
    text: mysqlText,
    // The default collations ignore case, accents and trailing spaces ('a' = 'A ' = 'á'): a binary collation keeps
    // every id apart exactly as the engine does.
    idText: (c) => `CAST(${c} AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin`,
    // TRIM takes one string, not a set of characters: a regular expression removes any run of them at either end.
    trimmed: (t) => `REGEXP_REPLACE(${t}, ${mysqlText(trimPattern)}, '')`,
    days: (from, to) => `DATEDIFF(${to}, ${from})`,
    intDiv: (a, b) => `(${a}) DIV (${b})`,
    // MySQL's integer arithmetic is 64-bit already (and it has no CAST … AS BIGINT).
    wideInt: (k) => String(k),
    // MySQL sorts NULLs first and has no NULLS LAST.
    nullsLast: (key) => `${key} IS NULL, ${key}`,
    backslashNote:
      "-- literals are written with backslash escapes, as MySQL reads them unless sql_mode has NO_BACKSLASH_ESCAPES",
  },
  spark: {
    ident: quoteWith("`"),
    text: sparkText,
    idText: (c) => `CAST(${c} AS STRING)`,
    trimmed: (t) => `regexp_replace(${t}, ${sparkText(trimPattern)}, '')`,
    days: (from, to) => `datediff(${to}, ${from})`,
    intDiv: (a, b) => `(${a}) DIV (${b})`,
    wideInt: castBigint,
    nullsLast: standardNullsLast,
  },
};

function dayOf(
  value: string | number | undefined,
  fallback: string | undefined,
  code: "asOfInvalid" | "windowInvalid",
): number | undefined {
  const v = value ?? fallback;
  if (v === undefined) return undefined;
  const day = typeof v === "number" ? (Number.isInteger(v) ? v : null) : parseDateText(v);
  if (day === null) throw new GradeError(code);
  return day;
}

/** A table name as given, each dot-separated part quoted (`analytics.sales` → "analytics"."sales"). */
function tableName(d: Dialect, name: string): string {
  return name
    .split(".")
    .map((part) => d.ident(part))
    .join(".");
}

/**
 * One query grading `options.table` with `profile`: one row per customer (sales records) or per input row
 * (customer table) with the columns of SQL_RESULT_COLUMNS, ordered by the order column when given, else by id.
 */
export function compileSql(profile: Profile, options: SqlOptions = {}): string {
  const dialect = options.dialect ?? "duckdb";
  const d = DIALECTS[dialect];
  if (!d) throw new CompileError("unknownDialect", dialect);
  const kind = options.input ?? "transactions";
  const asOf = dayOf(options.asOf, profile.asOf, "asOfInvalid");
  if (asOf === undefined) throw new GradeError("asOfMissing");
  const start = kind === "transactions" ? dayOf(options.windowStart, profile.windowStart, "windowInvalid") : undefined;
  if (start !== undefined && start > asOf) throw new GradeError("windowInvalid");
  const ip = integerProfile(profile, options.unit ?? profile.monetaryUnit);
  if (ip.method === "quantiles" && ip.ties === "first" && !options.order) throw new CompileError("firstNeedsOrder");
  const col = (role: Role) => d.ident(options.columns?.[role] ?? role);
  const table = tableName(d, options.table ?? (kind === "transactions" ? "sales" : "customers"));
  const order = options.order ? d.ident(options.order) : undefined;
  const money = `DECIMAL(38, ${ip.moneyPlaces})`;
  const asOfLit = `DATE '${formatDay(asOf)}'`;
  const lang = options.lang ?? "en";

  const header = [
    `-- RFM Grader: profile ${oneLine(profile.id)} (${profile.method}), ${dialect} SQL`,
    `-- analysis date ${formatDay(asOf)}` +
      (kind === "transactions"
        ? `, sales from ${start === undefined ? "the first" : formatDay(start)} to the analysis date`
        : "") +
      `, amounts in ${ip.unit}`,
    `-- columns: ${sqlColumnNames(profile).join(", ")} (note: why a row is not graded, NULL when graded)`,
  ];
  if (d.backslashNote) header.push(d.backslashNote);
  const base =
    kind === "transactions"
      ? salesBase(d, ip, { table, col, order, money, asOfLit, start })
      : customersBase(d, ip, { table, col, order, money, asOfLit });
  const scored = ip.thresholds ? thresholdScores(ip) : quantileScores(d, ip);
  const x = `${ip.weights.recency} * r_score + ${ip.weights.frequency} * f_score + ${ip.weights.monetary} * m_score`;
  const gradeCase = (pick: (i: number) => string) =>
    "CASE" +
    ip.grades
      .map((g, i) => (g.op === null ? ` ELSE ${pick(i)} END` : ` WHEN x ${g.op} ${g.cut} THEN ${pick(i)}`))
      .join("");
  const results = sqlResultColumns(profile);
  const select: SqlSelect = { gradeCase, ip, d, lang, asOf };

  return [
    ...header,
    "WITH base AS (",
    indent(base),
    "),",
    "scored AS (",
    indent(scored),
    "),",
    "composite AS (",
    `  SELECT *, CASE WHEN note IS NULL THEN ${x} END AS x FROM scored`,
    ")",
    "SELECT",
    `  ${SQL_CUSTOMER_COLUMNS.join(", ")},`,
    ...results.map((c, k) => {
      const expression = c.select(select);
      return `  ${expression === c.name ? c.name : `${expression} AS ${c.name}`}${k < results.length - 1 ? "," : ""}`;
    }),
    "FROM composite",
    ...(options.sorted === false
      ? []
      : [`ORDER BY ${[...(order ? ["order_key"] : []), "customer_id"].map(d.nullsLast).join(", ")}`]),
    "",
  ].join("\n");
}

interface BaseParts {
  table: string;
  col: (role: Role) => string;
  order?: string;
  money: string;
  asOfLit: string;
}

/**
 * Sales records, RULES.md §7 and §8: a sale without an id, a date or an amount is unreadable and skipped; a customer is
 * every id with a readable sale; its kept sales lie inside the window (inclusive); no kept sale means not graded.
 */
function salesBase(d: Dialect, ip: IntegerProfile, p: BaseParts & { start?: number }): string {
  const inWindow =
    `sale_date <= ${p.asOfLit}` + (p.start === undefined ? "" : ` AND sale_date >= DATE '${formatDay(p.start)}'`);
  const kept = (v: string) => `CASE WHEN ${inWindow} THEN ${v} END`;
  const positive = ip.requirePositiveTotal ? ` WHEN amount <= 0 THEN 'totalNotPositive'` : "";
  return [
    "SELECT *,",
    `  CASE WHEN purchases = 0 THEN 'noSaleInWindow'${positive} END AS note,`,
    `  ${d.days("last_order_date", p.asOfLit)} AS days`,
    "FROM (",
    "  SELECT customer_id,",
    `    MAX(${kept("sale_date")}) AS last_order_date,`,
    `    COUNT(${kept("1")}) AS purchases,`,
    `    COALESCE(SUM(${kept("sale_amount")}), 0) AS amount` + (p.order ? "," : ""),
    ...(p.order ? [`    MIN(${kept("sale_order")}) AS order_key`] : []),
    "  FROM (",
    `    SELECT NULLIF(${d.trimmed(d.idText(p.col("id")))}, '') AS customer_id,`,
    `      CAST(${p.col("date")} AS DATE) AS sale_date,`,
    `      CAST(${p.col("amount")} AS ${p.money}) AS sale_amount` + (p.order ? "," : ""),
    ...(p.order ? [`      ${p.order} AS sale_order`] : []),
    `    FROM ${p.table}`,
    "  ) AS sales",
    "  WHERE customer_id IS NOT NULL AND sale_date IS NOT NULL AND sale_amount IS NOT NULL",
    "  GROUP BY customer_id",
    ") AS customers",
  ].join("\n");
}

/** A customer table, RULES.md §8: the first reason in the engine's order (date, count, total) is the note. */
function customersBase(d: Dialect, ip: IntegerProfile, p: BaseParts): string {
  const positive = ip.requirePositiveTotal ? `\n    WHEN amount <= 0 THEN 'totalNotPositive'` : "";
  return [
    "SELECT *,",
    "  CASE",
    "    WHEN last_order_date IS NULL THEN 'dateMissing'",
    `    WHEN last_order_date > ${p.asOfLit} THEN 'dateAfterAsOf'`,
    "    WHEN purchases IS NULL THEN 'countMissing'",
    "    WHEN purchases <> FLOOR(purchases) THEN 'countNotWhole'",
    "    WHEN purchases <= 0 THEN 'countNotPositive'",
    `    WHEN amount IS NULL THEN 'totalMissing'${positive}`,
    "  END AS note,",
    `  ${d.days("last_order_date", p.asOfLit)} AS days`,
    "FROM (",
    `  SELECT NULLIF(${d.trimmed(d.idText(p.col("id")))}, '') AS customer_id,`,
    `    CAST(${p.col("date")} AS DATE) AS last_order_date,`,
    `    ${p.col("count")} AS purchases,`,
    `    CAST(${p.col("total")} AS ${p.money}) AS amount` + (p.order ? "," : ""),
    ...(p.order ? [`    ${p.order} AS order_key`] : []),
    `  FROM ${p.table}`,
    ") AS customers",
  ].join("\n");
}

/** RULES.md §3: a value equal to a bound belongs to the bin the bound closes. */
function thresholdScores(ip: IntegerProfile): string {
  const t = ip.thresholds!;
  const recency = "CASE" + t.recency.map((b, j) => ` WHEN days <= ${b} THEN ${5 - j}`).join("") + " ELSE 1 END";
  const upward = (value: string, bounds: string[]) =>
    "CASE" +
    [...bounds]
      .reverse()
      .map((b, j) => ` WHEN ${value} > ${b} THEN ${5 - j}`)
      .join("") +
    " ELSE 1 END";
  return [
    "SELECT *,",
    `  CASE WHEN note IS NULL THEN ${recency} END AS r_score,`,
    `  CASE WHEN note IS NULL THEN ${upward("purchases", t.frequency.map(String))} END AS f_score,`,
    `  CASE WHEN note IS NULL THEN ${upward(
      "amount",
      t.monetary.map((b) => b.text),
    )} END AS m_score`,
    "FROM base",
  ].join("\n");
}

/**
 * RULES.md §4 over the graded customers only (the window is partitioned by "graded"): G = customers strictly better
 * (RANK − 1), T = the size of the tie group, N = customers graded; "first" adds the tied customers before it in the
 * order column (ties in that column broken by id).
 */
function quantileScores(d: Dialect, ip: IntegerProfile): string {
  const graded = "CASE WHEN note IS NULL THEN 1 ELSE 0 END";
  const dims = [
    { name: "r", key: "days", dir: "ASC" },
    { name: "f", key: "purchases", dir: "DESC" },
    { name: "m", key: "amount", dir: "DESC" },
  ];
  const k = ip.bins;
  const windows = dims.flatMap(({ name, key, dir }) => {
    const cols = [
      `    RANK() OVER (PARTITION BY ${graded} ORDER BY ${key} ${dir}) - 1 AS ${name}_better`,
      `    COUNT(*) OVER (PARTITION BY ${graded}, ${key}) AS ${name}_tied`,
    ];
    if (ip.ties === "first") {
      cols.push(
        `    ROW_NUMBER() OVER (PARTITION BY ${graded}, ${key} ORDER BY ${d.nullsLast("order_key")}, customer_id) - 1 AS ${name}_earlier`,
      );
    }
    return cols;
  });
  const twiceQPlusOne = (name: string) =>
    ip.ties === "average"
      ? `2 * ${name}_better + ${name}_tied`
      : ip.ties === "best"
        ? `2 * ${name}_better + 1`
        : `2 * (${name}_better + ${name}_earlier) + 1`;
  const score = (name: string) =>
    `  CASE WHEN note IS NULL THEN ${k} - ${d.intDiv(`${d.wideInt(k)} * (${twiceQPlusOne(name)})`, "2 * n")} END AS ${name}_score`;
  return [
    "SELECT *,",
    `${score("r")},`,
    `${score("f")},`,
    score("m"),
    "FROM (",
    "  SELECT *,",
    `    COUNT(*) OVER (PARTITION BY ${graded}) AS n,`,
    windows.join(",\n"),
    "  FROM base",
    ") AS ranked",
  ].join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => "  " + line)
    .join("\n");
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}
