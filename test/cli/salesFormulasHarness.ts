/** What the sales live-formulas tests share: random sales with every hard case, the engine's rows, the spreadsheet's rows. */

import { strFromU8, unzipSync } from "fflate";
import {
  formatIssue,
  gradeSales,
  issuesOfRow,
  parseDateText,
  scoreNumber,
  type Lang,
  type MonetaryUnit,
  type Profile,
} from "../../src/engine";
import { formatDay } from "../../src/engine/dates";
import { nextContactDay } from "../../src/engine/periods";
import { random } from "../engine/compile/sqlHarness";
import { valuesOf } from "../engine/helpers";

export type SaleCell = string | number | null | { error: string };

export interface Sales {
  headers: [string, string, string];
  rows: SaleCell[][];
  /** Written as .xlsx (numbers, times of day and error cells as such) instead of CSV. */
  xlsx?: boolean;
}

export interface Case {
  name: string;
  profile: Profile;
  sales: Sales;
  asOf: string;
  windowStart?: string;
  unit: MonetaryUnit;
  lang: Lang;
  /** Move the analysis date (B2) and/or the window start (B3) in the parameters block before recalculating. */
  moved?: { asOf?: string; windowStart?: string };
  /** The sales' date serials count from 1904 (a workbook of that date system). */
  date1904?: boolean;
}

/** Excel's 1900-system serial of a date. */
export const serialOf = (iso: string) => parseDateText(iso)! + 25569;

/**
 * Sales with heavy ties (few dates and amounts), refunds, times of day, sales after the analysis date and before the
 * window, ids alike but for case or made of wildcard and operator characters, and every kind of unreadable cell.
 * `typedOnly`: without the cells the engine reads from text (an id with spaces around it, an amount "1,234.5"),
 * which the task pane refuses to put under formulas (the command line writes them typed).
 */
export function randomSales(seed: number, n: number, asOf: string, typedOnly = false): Sales {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const end = serialOf(asOf);
  const special = [
    "A1",
    "a1",
    "A*",
    "AB",
    "A?",
    "AC",
    "~x",
    "x",
    "=A",
    ">5",
    "5",
    "<3",
    "*",
    "?",
    "a~*",
    " K1 ",
    "K1",
    "k1",
  ];
  const ids = [
    ...special.filter((id) => !typedOnly || id === id.trim()),
    ...Array.from({ length: Math.floor(n / 6) }, (_, i) => `C${i}`),
  ];
  const amounts: SaleCell[] = [
    99,
    199.5,
    1000,
    0.01,
    2500.25,
    -50,
    12345.678901,
    7,
    0.1,
    0.2,
    0.3,
    typedOnly ? 1234.5 : "1,234.5",
    -199.5,
  ];
  const rows: SaleCell[][] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const day = end - Math.floor(rnd() * rnd() * 400) + (rnd() < 0.03 ? 9 : 0);
    const date: SaleCell = rnd() < 0.3 ? day + Math.floor(rnd() * 1440) / 1440 : day; // some with a time of day
    let row: SaleCell[] = [pick(ids), date, pick(amounts)];
    if (r < 0.015)
      row = [null, null, null]; // a blank row
    else if (r < 0.03) row[0] = pick([null, "  ", { error: "#N/A" }, { error: "#REF!" }]);
    else if (r < 0.045) row[1] = pick([null, "待定", "2025-02-30", { error: "#VALUE!" }, 0, -3]);
    else if (r < 0.06) row[2] = pick([null, "abc", "退货待定", { error: "#DIV/0!" }, "  "]);
    rows.push(row);
  }
  return { headers: ["customer", "order date", "amount"], rows, xlsx: true };
}

const COLUMNS = [
  "id",
  "last",
  "purchases",
  "amount",
  "r",
  "f",
  "m",
  "score",
  "grade",
  "cadence",
  "note",
  "next",
] as const;
export type Row = Record<(typeof COLUMNS)[number], string>;

/** The engine's values for the same sales, as the formulas should show them. */
export function engineRows(c: Case): Row[] {
  const col = (k: number) => c.sales.rows.map((r) => r[k] ?? null);
  const asOf = c.moved?.asOf ?? c.asOf,
    windowStart = c.moved?.windowStart ?? c.windowStart;
  const res = gradeSales({ ids: col(0), dates: col(1), amounts: col(2) }, c.profile, {
    asOf,
    windowStart,
    unit: c.unit,
    date1904: c.date1904,
  });
  const names = { id: c.sales.headers[0], date: c.sales.headers[1], amount: c.sales.headers[2], count: "", total: "" };
  const customers = res.customers!;
  return valuesOf(customers.ids).map((id, j) => {
    const graded = res.gradeIndex[j] >= 0;
    const g = graded ? c.profile.grades[res.gradeIndex[j]] : undefined;
    const next = graded ? nextContactDay(res, j) : null;
    return {
      id,
      last: customers.count[j] > 0 ? formatDay(customers.lastDay[j]) : "",
      purchases: String(customers.count[j]),
      amount: String(customers.total.at(j)),
      r: graded ? String(res.r[j]) : "",
      f: graded ? String(res.f[j]) : "",
      m: graded ? String(res.m[j]) : "",
      score: graded ? String(scoreNumber(res, j)) : "",
      grade: g?.grade ?? "",
      cadence: g?.cadence[c.lang] ?? "",
      note: issuesOfRow(res.issues, j)
        .map((issue) => formatIssue(issue, c.lang, { columnName: (role) => names[role] }))
        .join(c.lang === "zh" ? "；" : "; "),
      next: next === null ? "" : formatDay(next),
    };
  });
}

/**
 * The customer rows LibreOffice computed (sheet number `sheet`, columns in COLUMNS order), read from the sheet's XML: ExcelJS
 * drops a formula's cached 0, which is a value that matters here (purchases 0, amount 0).
 */
export function spreadsheetRows(bytes: Buffer, sheet = 1): Row[] {
  const files = unzipSync(new Uint8Array(bytes));
  const unescape = (t: string) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const shared = [...strFromU8(files["xl/sharedStrings.xml"] ?? new Uint8Array()).matchAll(/<si>(.*?)<\/si>/gs)].map(
    (m) => unescape([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join("")),
  );
  const xml = strFromU8(files[`xl/worksheets/sheet${sheet}.xml`]);
  // Serial 0 is 1899-12-30, or 1904-01-01 in a workbook that counts from 1904.
  const epoch = /date1904="(1|true)"/.test(strFromU8(files["xl/workbook.xml"])) ? 24107 : 25569;
  const out: Row[] = [];
  for (const row of xml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/gs)) {
    if (row[1] === "1") continue;
    const cells: Record<string, string> = {};
    for (const c of row[2].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      const type = /t="(\w+)"/.exec(c[2])?.[1];
      const v = /<v>(.*?)<\/v>/s.exec(c[3] ?? "")?.[1];
      if (v === undefined) continue;
      const text = type === "s" ? shared[Number(v)] : type === "e" ? v : unescape(v);
      // Column B (last order) and L (next contact) are dates: the serial as YYYY-MM-DD.
      cells[c[1]] =
        (c[1] === "B" || c[1] === "L") && text !== "" && type !== "str" ? formatDay(Number(text) - epoch) : text;
    }
    out[Number(row[1]) - 2] = Object.fromEntries(
      COLUMNS.map((name, k) => [name, cells[String.fromCharCode(65 + k)] ?? ""]),
    ) as Row;
  }
  return out;
}

/**
 * The recalculated customers equal the engine's, row by row (each named by its sheet row), and some are graded (so a
 * sheet of empty results cannot pass).
 */
export function expectSameCustomers(actual: Row[], expected: Row[]): void {
  expect(actual.length).toBe(expected.length);
  expect(expected.some((row) => row.grade !== "")).toBe(true);
  for (let j = 0; j < expected.length; j++)
    expect({ row: j + 2, ...actual[j] }).toEqual({ row: j + 2, ...expected[j] });
}
