/**
 * Grading the same data twice, with the engine and with the compiled SQL on a real database, and comparing every
 * row. The databases differ only in how a table is created and a query run (`SqlRunner`).
 */

import { readFileSync } from "fs";
import { join } from "path";
import * as Papa from "papaparse";
import {
  builtinProfile,
  cellNumber,
  gradeCustomers,
  gradeSales,
  parseProfile,
  scoreNumber,
  type GradeOptions,
  type GradeResult,
  type Profile,
} from "../../../src/engine";
import { formatDay, parseDay } from "../../../src/engine/dates";
import { compileSql, type SqlDialect } from "../../../src/engine/compile/sql";
import { valuesOf } from "../helpers";

export interface SqlRunner {
  dialect: SqlDialect;
  /** Runs statements that return nothing. */
  exec(sql: string): Promise<void>;
  /** Runs a query; every value as text (NULL as null), as the database prints it. */
  rows(sql: string): Promise<Record<string, string | null>[]>;
  /** A text literal for loading test data, when the database does not read standard SQL's ('' for a quote only). */
  quoteText?(value: string): string;
  /** A column name for loading test data, when the database does not quote standard SQL's way ("name"). */
  quoteIdent?(name: string): string;
}

export interface SaleRow {
  id: string | null;
  date: string | null;
  amount: string | null;
}
interface CustomerRowData {
  id: string | null;
  date: string | null;
  count: string | null;
  total: string | null;
}

const ROOT = join(__dirname, "../../..");

function csvRecords(file: string): string[][] {
  const text = readFileSync(join(ROOT, "assets/samples", file), "utf8").replace(/^\uFEFF/, "");
  return Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data.slice(1);
}

/**
 * A sample cell as a typed database column holds it: dates and numbers the engine reads, NULL for anything else (a
 * blank, a typo): a DATE or DECIMAL column cannot hold text.
 */
const typedDate = (v: string) => {
  const day = parseDay(v);
  return day === null ? null : formatDay(day);
};
const typedNumber = (v: string) => {
  const x = cellNumber(v);
  return Number.isNaN(x) ? null : String(x);
};
const typedId = (v: string) => (v.trim() === "" ? null : v);

/** The shipped Wuhan sales records (customer, date, amount in yuan). */
function sampleSales(): SaleRow[] {
  return csvRecords("wuhan-sales.csv").map(([id, date, amount]) => ({
    id: typedId(id),
    date: typedDate(date),
    amount: typedNumber(amount),
  }));
}

/** The shipped Shaoxing customer table (id, last date, count, total in wan). */
function sampleCustomers(): CustomerRowData[] {
  return csvRecords("shaoxing-customers.csv").map(([id, date, , count, total]) => ({
    id: typedId(id),
    date: typedDate(date),
    count: typedNumber(count),
    total: typedNumber(total),
  }));
}

/** A small deterministic generator, so a failing population can be reproduced from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

/** Sales with heavy ties (few dates, few amounts), unreadable sales, refunds and sales outside the window. */
function randomSales(seed: number, n: number, asOf: string): SaleRow[] {
  const rnd = random(seed);
  const end = Date.parse(asOf) / 86_400_000;
  const amounts = ["99", "199.5", "1000", "0.01", "2500.25", "-50", "12345.678901", "7"];
  const ids = Array.from({ length: Math.max(3, Math.floor(n / 4)) }, (_, i) => `C${i % 7 === 0 ? " " : ""}${i}`);
  // The same customers written with the white space spreadsheets and exports leave around ids (ideographic and
  // no-break spaces, tabs, a byte-order mark): the engine trims all of it, and so must every database.
  const padded = ["\u3000", "\u00a0", "\t", "\ufeff", " \u2007"];
  const spelled = (id: string) => (rnd() < 0.08 ? pick(rnd, padded) + id : rnd() < 0.08 ? id + pick(rnd, padded) : id);
  return Array.from({ length: n }, () => {
    const r = rnd();
    return {
      id: r < 0.02 ? null : spelled(pick(rnd, ids)),
      date: r > 0.98 ? null : formatDay(end - Math.floor(rnd() * rnd() * 2000) + (rnd() < 0.03 ? 40 : 0)),
      amount: r > 0.01 && r < 0.03 ? null : pick(rnd, amounts),
    };
  });
}

/** Customers with heavy ties and every kind of row the rules refuse (missing, late, not whole, not positive). */
function randomCustomers(seed: number, n: number, asOf: string): CustomerRowData[] {
  const rnd = random(seed);
  const end = Date.parse(asOf) / 86_400_000;
  const totals = ["0.5", "1", "3", "3.000001", "8", "12.75", "0", "-2", "0.0001"];
  const counts = ["1", "2", "3", "5", "16", "0", "-1", "2.5"];
  return Array.from({ length: n }, (_, i) => {
    const r = rnd();
    return {
      id: r < 0.05 ? `D${i % 3}` : `K${i}`,
      date: r < 0.03 ? null : formatDay(end - Math.floor(rnd() * 70) + (r > 0.97 ? 5 : 0)),
      count: r > 0.5 && r < 0.52 ? null : pick(rnd, counts),
      total: r > 0.6 && r < 0.62 ? null : pick(rnd, totals),
    };
  });
}

/** Custom profiles that exercise what the built-ins do not: decimal bounds, atLeast grades, bins, tie rules. */
export const CUSTOM_PROFILES: Profile[] = [
  parseProfile({
    id: "east-thresholds",
    name: { en: "East", zh: "华东" },
    method: "thresholds",
    monetaryUnit: "yuan",
    thresholds: { recency: [7, 14.5, 30, 60], frequency: [1, 3, 6.5, 12], monetary: [500, 1999.99, 5000, 20000.5] },
    weights: { recency: 0.25, frequency: 0.35, monetary: 0.4 },
    grades: [
      { grade: "A", atLeast: 4.2, cadence: { en: "weekly", zh: "每周" } },
      { grade: "B", above: 3, cadence: { en: "monthly", zh: "每月" } },
      { grade: "C", atLeast: 2.05, cadence: { en: "quarterly", zh: "每季度" } },
      { grade: "D", cadence: { en: "yearly", zh: "每年" } },
    ],
  }),
  parseProfile({
    id: "quartiles-best",
    name: { en: "Quartiles", zh: "四分位" },
    method: "quantiles",
    monetaryUnit: "yuan",
    bins: 4,
    ties: "best",
    weights: { recency: 0.2, frequency: 0.3, monetary: 0.5 },
    grades: [
      { grade: "Gold", above: 3.1, cadence: { en: "often", zh: "经常" } },
      { grade: "Silver", atLeast: 2, cadence: { en: "sometimes", zh: "有时" } },
      { grade: "Bronze", cadence: { en: "rarely", zh: "很少" } },
    ],
  }),
  parseProfile({
    id: "deciles-first",
    name: { en: "Deciles", zh: "十分位" },
    method: "quantiles",
    monetaryUnit: "wan",
    bins: 10,
    ties: "first",
    asOf: "2025-07-01",
    weights: { recency: 0.333, frequency: 0.333, monetary: 0.334 },
    grades: [
      { grade: "A", atLeast: 7.5, cadence: { en: "a", zh: "甲" } },
      { grade: "B", cadence: { en: "b", zh: "乙" } },
    ],
  }),
];

export const BUILTINS = [builtinProfile("shaoxing")!, builtinProfile("wuhan")!];

const standardText = (v: string) => `'${v.replace(/'/g, "''")}'`;
const num = (v: string | null) => (v === null ? "NULL" : v);

/** Literals as `db` reads them: text (NULL for null), or a date typed as `DATE 'YYYY-MM-DD'`. */
function literals(db: SqlRunner) {
  const text = db.quoteText ?? standardText;
  return {
    text: (v: string | null) => (v === null ? "NULL" : text(v)),
    date: (v: string | null) => (v === null ? "NULL" : `DATE '${v}'`),
  };
}

async function loadSales(db: SqlRunner, table: string, rows: SaleRow[]): Promise<void> {
  const lit = literals(db);
  await db.exec(
    `DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (seq INTEGER, customer VARCHAR(40), sold_on DATE, amount DECIMAL(18, 6))`,
  );
  for (let from = 0; from < rows.length; from += 1000) {
    const values = rows
      .slice(from, from + 1000)
      .map((r, k) => `(${from + k}, ${lit.text(r.id)}, ${lit.date(r.date)}, ${num(r.amount)})`);
    if (values.length) await db.exec(`INSERT INTO ${table} VALUES ${values.join(", ")}`);
  }
}

async function loadCustomers(db: SqlRunner, table: string, rows: CustomerRowData[]): Promise<void> {
  const lit = literals(db);
  const q = db.quoteIdent ?? ((name: string) => `"${name}"`);
  await db.exec(
    `DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (seq INTEGER, id VARCHAR(40), ${q("date")} DATE, ${q("count")} DECIMAL(10, 2), total DECIMAL(18, 6))`,
  );
  for (let from = 0; from < rows.length; from += 1000) {
    const values = rows
      .slice(from, from + 1000)
      .map((r, k) => `(${from + k}, ${lit.text(r.id)}, ${lit.date(r.date)}, ${num(r.count)}, ${num(r.total)})`);
    if (values.length) await db.exec(`INSERT INTO ${table} VALUES ${values.join(", ")}`);
  }
}

interface Expected {
  id: string;
  last: string | null;
  purchases: number;
  amount: number;
  r: number | null;
  f: number | null;
  m: number | null;
  score: number | null;
  grade: string | null;
  note: string | null;
}

/** The reason the engine gives first for a row it does not grade, as the query's note does. */
function firstReason(res: GradeResult, i: number): string | null {
  if (res.gradeIndex[i] >= 0) return null;
  return res.issues.find((issue) => issue.index === i && !issue.graded)?.code ?? null;
}

function expectedRow(
  res: GradeResult,
  i: number,
  base: Omit<Expected, "r" | "f" | "m" | "score" | "grade" | "note">,
): Expected {
  const graded = res.gradeIndex[i] >= 0;
  return {
    ...base,
    r: graded ? res.r[i] : null,
    f: graded ? res.f[i] : null,
    m: graded ? res.m[i] : null,
    score: scoreNumber(res, i),
    grade: graded ? res.profile.grades[res.gradeIndex[i]].grade : null,
    note: firstReason(res, i),
  };
}

function actualRow(row: Record<string, string | null>): Expected {
  const n = (v: string | null) => (v === null ? null : Number(v));
  return {
    id: row.customer_id as string,
    last: row.last_order_date === null ? null : String(row.last_order_date).slice(0, 10),
    purchases: Number(row.purchases),
    amount: Number(row.amount),
    r: n(row.r_score),
    f: n(row.f_score),
    m: n(row.m_score),
    score: n(row.rfm_score),
    grade: row.grade,
    note: row.note,
  };
}

/** Grades sales records in the database and with the engine; returns both, one entry per customer, by id. */
export async function compareSales(
  db: SqlRunner,
  profile: Profile,
  rows: SaleRow[],
  options: GradeOptions & { asOf: string },
): Promise<{ actual: Expected[]; expected: Expected[] }> {
  await loadSales(db, "sales_under_test", rows);
  const sql = compileSql(profile, {
    dialect: db.dialect,
    input: "transactions",
    table: "sales_under_test",
    columns: { id: "customer", date: "sold_on", amount: "amount" },
    asOf: options.asOf,
    windowStart: options.windowStart,
    unit: options.unit,
    order: profile.method === "quantiles" && profile.ties === "first" ? "seq" : undefined,
  });
  const actual = (await db.rows(sql)).map(actualRow).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const res = gradeSales(
    {
      ids: rows.map((r) => r.id),
      dates: rows.map((r) => r.date),
      amounts: rows.map((r) => (r.amount === null ? null : Number(r.amount))),
    },
    profile,
    options,
  );
  const c = res.customers!;
  const expected = valuesOf(c.ids)
    .map((id, i) =>
      expectedRow(res, i, {
        id,
        last: c.count[i] > 0 ? formatDay(c.lastDay[i]) : null,
        purchases: c.count[i],
        amount: c.total.at(i) ?? NaN,
      }),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { actual, expected };
}

/** Grades a customer table in the database and with the engine; one entry per input row, in input order. */
async function compareCustomers(
  db: SqlRunner,
  profile: Profile,
  rows: CustomerRowData[],
  options: GradeOptions & { asOf: string },
): Promise<{ actual: Expected[]; expected: Expected[] }> {
  await loadCustomers(db, "customers_under_test", rows);
  const sql = compileSql(profile, {
    dialect: db.dialect,
    input: "customers",
    table: "customers_under_test",
    asOf: options.asOf,
    unit: options.unit,
    order: "seq",
  });
  const actual = (await db.rows(sql)).map(actualRow);
  const num = (v: string | null) => (v === null ? null : Number(v));
  const res = gradeCustomers(
    {
      ids: rows.map((r) => r.id),
      lastDates: rows.map((r) => r.date),
      counts: rows.map((r) => num(r.count)),
      totals: rows.map((r) => num(r.total)),
    },
    profile,
    options,
  );
  const expected = rows.map((r, i) =>
    expectedRow(res, i, {
      id: r.id as string,
      last: r.date,
      purchases: Number(r.count),
      amount: Number(r.total),
    }),
  );
  return { actual, expected };
}

export const AS_OF = "2025-07-01";

/**
 * The cases every database runs: each built-in and custom profile on the shipped samples and on random populations
 * with heavy ties and bad rows, in both input kinds; `unit` exercises bounds moved between yuan and wan.
 */
export function sqlCases(): {
  name: string;
  run: (db: SqlRunner) => Promise<{ actual: unknown[]; expected: unknown[] }>;
}[] {
  const cases: { name: string; run: (db: SqlRunner) => Promise<{ actual: unknown[]; expected: unknown[] }> }[] = [];
  for (const profile of [...BUILTINS, ...CUSTOM_PROFILES]) {
    cases.push({
      name: `${profile.id}: Wuhan sample sales`,
      run: (db) => compareSales(db, profile, sampleSales(), { asOf: AS_OF, windowStart: "2021-09-01", unit: "yuan" }),
    });
    cases.push({
      name: `${profile.id}: Shaoxing sample customers`,
      run: (db) => compareCustomers(db, profile, sampleCustomers(), { asOf: "2025-12-31", unit: "wan" }),
    });
    for (const seed of [1, 2]) {
      cases.push({
        name: `${profile.id}: random sales, seed ${seed}`,
        run: (db) =>
          compareSales(db, profile, randomSales(seed, 1500, AS_OF), { asOf: AS_OF, unit: seed === 1 ? "yuan" : "wan" }),
      });
      cases.push({
        name: `${profile.id}: random customers, seed ${seed}`,
        run: (db) =>
          compareCustomers(db, profile, randomCustomers(seed, 800, AS_OF), {
            asOf: AS_OF,
            unit: seed === 1 ? "wan" : "yuan",
          }),
      });
    }
  }
  return cases;
}
