/**
 * `rfm grade … --formulas --out X.xlsx`, recalculated by LibreOffice with the cached values removed, gives in every
 * cell what the engine gives on the same data: built-in and custom profiles (thresholds, quantiles with each tie rule,
 * bounds moved between yuan and wan), rows the rules refuse (blank, not a date, after the analysis date, not whole,
 * not positive, error values), English and Chinese. Changing the analysis date in the parameters block regrades.
 */

import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import * as Papa from "papaparse";
import {
  builtinProfile,
  formatIssue,
  parseProfile,
  gradeCustomers,
  issuesOfRow,
  outputHeaders,
  resultColumn,
  parseDateText,
  parseDay,
  profileToJson,
  scoreNumber,
  type Lang,
  type MonetaryUnit,
  type Profile,
} from "../../src/engine";
import { formatDay } from "../../src/engine/dates";
import { nextContactDay } from "../../src/engine/periods";
import { CUSTOM_PROFILES, random } from "../engine/compile/sqlHarness";
import { buildCli, rfm, ROOT, tempDir, write } from "./helpers";
import { recalculate, SOFFICE, withCellValue, withoutCachedValues } from "./libreOffice";

interface Case {
  name: string;
  profile: Profile;
  csv: string;
  asOf: string;
  unit: MonetaryUnit;
  lang: Lang;
  /** Move the analysis date in the parameters block to this before recalculating. */
  movedAsOf?: string;
}

const SAMPLE = readFileSync(join(ROOT, "assets/samples/shaoxing-customers.csv"), "utf8");

/** A customer table with heavy ties and every kind of cell the rules refuse, as a finance export writes it. */
function randomCustomerCsv(seed: number, n: number, lastDay = 20_270): string {
  const rnd = random(seed);
  const bad = ["", "  ", "待定", "#N/A", "2025-02-30", "2026-03-01"];
  const lines = ["id,date,count,total"];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const date = r < 0.06 ? bad[Math.floor(rnd() * bad.length)] : formatDay(lastDay - Math.floor(rnd() * 90));
    const count =
      r > 0.5 && r < 0.55
        ? ["", "2.5", "0", "-1", "abc", "#VALUE!"][Math.floor(rnd() * 6)]
        : String(1 + Math.floor(rnd() * rnd() * 20));
    const total =
      r > 0.6 && r < 0.64
        ? ["", "0", "-3", "x1"][Math.floor(rnd() * 4)]
        : ["0.5", "1", "1.5", "3", "12.75", "0.199999", "2.00005", "80000"][Math.floor(rnd() * 8)];
    lines.push(`${r > 0.97 ? "#REF!" : `K${Math.floor(i * 0.97)}`},${date},${count},${total}`);
  }
  return lines.join("\n") + "\n";
}

const shaoxing = builtinProfile("shaoxing")!;
const wuhan = builtinProfile("wuhan")!;
const [east, quartiles, deciles] = CUSTOM_PROFILES;

/** East's thresholds with contact periods in both units, and one grade without a period (its next contact is ""). */
const eastWithPeriods: Profile = parseProfile({
  ...JSON.parse(profileToJson(east)),
  id: "east-periods",
  grades: east.grades.map((g, i) => ({
    grade: g.grade,
    ...(g.above !== undefined ? { above: g.above } : {}),
    ...(g.atLeast !== undefined ? { atLeast: g.atLeast } : {}),
    cadence: {
      en: g.cadence.en,
      zh: g.cadence.zh,
      ...[{ every: { months: 1 } }, { every: { days: 14 } }, {}, { every: { months: 13 } }][i],
    },
  })),
});

const CASES: Case[] = [
  { name: "shaoxing on the sample (en)", profile: shaoxing, csv: SAMPLE, asOf: "2025-12-31", unit: "wan", lang: "en" },
  {
    name: "shaoxing on the sample, analysis date moved in the parameters block",
    profile: shaoxing,
    csv: SAMPLE,
    asOf: "2025-12-31",
    unit: "wan",
    lang: "zh",
    movedAsOf: "2026-01-25",
  },
  {
    name: "wuhan (quintiles, average) on the sample read in yuan",
    profile: wuhan,
    csv: SAMPLE,
    asOf: "2025-12-31",
    unit: "yuan",
    lang: "zh",
  },
  {
    name: "wuhan on random customers with bad rows",
    profile: wuhan,
    csv: randomCustomerCsv(7, 400),
    asOf: "2025-07-01",
    unit: "yuan",
    lang: "en",
  },
  {
    name: "custom thresholds, bounds moved into wan",
    profile: east,
    csv: randomCustomerCsv(8, 400),
    asOf: "2025-07-01",
    unit: "wan",
    lang: "en",
  },
  {
    name: "custom thresholds in yuan (zh)",
    profile: east,
    csv: randomCustomerCsv(9, 300),
    asOf: "2025-07-01",
    unit: "yuan",
    lang: "zh",
  },
  {
    name: "custom quartiles, ties best",
    profile: quartiles,
    csv: randomCustomerCsv(10, 400),
    asOf: "2025-07-01",
    unit: "yuan",
    lang: "en",
  },
  {
    name: "custom deciles, ties first",
    profile: deciles,
    csv: randomCustomerCsv(11, 400),
    asOf: "2025-07-01",
    unit: "wan",
    lang: "en",
  },
  // Next contact across month ends: Jan 31 + 3 months is Apr 30, + 6 months Jul 31 (EDATE keeps the day or takes the month's last, as the engine).
  {
    name: "shaoxing on the sample, analysed on Jan 31 (next contact across month ends)",
    profile: shaoxing,
    csv: SAMPLE,
    asOf: "2026-01-31",
    unit: "wan",
    lang: "en",
  },
  // A leap year's Feb 29; days periods added as days; a grade without a period.
  {
    name: "custom periods in days and months, analysed on Jan 31 of a leap year (zh)",
    profile: eastWithPeriods,
    csv: randomCustomerCsv(12, 300, parseDateText("2028-01-31")!),
    asOf: "2028-01-31",
    unit: "yuan",
    lang: "zh",
  },
];

/** What the engine says for every row: the result cells as the formulas should show them. */
function engineRows(c: Case, asOf: string): string[][] {
  const rows = Papa.parse<string[]>(c.csv.replace(/^\uFEFF/, "").trim(), { skipEmptyLines: false }).data;
  const [headers, ...data] = rows;
  const at = (name: RegExp) => headers.findIndex((h) => name.test(h));
  const col = {
    id: at(/^(id|客户编号)$/),
    date: at(/^(date|下单时间)$/),
    count: at(/^(count|历史购买总次数)$/),
    total: at(/^(total|历史购买总金额)/),
  };
  const res = gradeCustomers(
    {
      ids: data.map((r) => r[col.id]),
      lastDates: data.map((r) => r[col.date]),
      counts: data.map((r) => r[col.count]),
      totals: data.map((r) => r[col.total]),
    },
    c.profile,
    { asOf, unit: c.unit },
  );
  const names = {
    id: headers[col.id],
    date: headers[col.date],
    count: headers[col.count],
    total: headers[col.total],
    amount: "",
  };
  return data.map((_, i) => {
    const graded = res.gradeIndex[i] >= 0;
    const g = graded ? c.profile.grades[res.gradeIndex[i]] : undefined;
    const next = graded ? nextContactDay(res, i) : null;
    const note = issuesOfRow(res.issues, i)
      .filter((issue) => !issue.graded && issue.code !== "duplicateId") // a repeated id is noted by the values output only (README)
      .map((issue) => formatIssue(issue, c.lang, { rowLabel: (k) => k + 2, columnName: (role) => names[role] }))
      .join(c.lang === "zh" ? "；" : "; ");
    return [
      graded ? String(res.r[i]) : "",
      graded ? String(res.f[i]) : "",
      graded ? String(res.m[i]) : "",
      graded ? String(scoreNumber(res, i)) : "",
      g?.grade ?? "",
      g?.cadence[c.lang] ?? "",
      next === null ? "" : formatDay(next),
      note,
    ];
  });
}

/** The result cells LibreOffice computed, in the same order as engineRows. */
async function spreadsheetRows(bytes: Buffer, lang: Lang): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  // LibreOffice saves a header mixing Latin and Chinese ("R评分") as rich text, one run per script.
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[])
    .slice(1)
    .map((v) =>
      v !== null && typeof v === "object" && "richText" in v ? v.richText.map((run) => run.text).join("") : String(v),
    );
  const [rh, fh, mh, sh, gh, ch, nh] = outputHeaders(lang);
  const index = [rh, fh, mh, sh, gh, ch, resultColumn("nextContact").header[lang], nh].map(
    (h) => headers.indexOf(h) + 1,
  );
  const out: string[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    out.push(index.map((c) => (c === 0 ? "" : text(row.getCell(c).value))));
  }
  return out;
}

function text(v: ExcelJS.CellValue): string {
  const value = v !== null && typeof v === "object" && "formula" in v ? (v as ExcelJS.CellFormulaValue).result : v;
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return formatDay(parseDay(value)!);
  if (typeof value === "object" && "error" in value) return String(value.error);
  return String(value);
}

let dir: string;
const results = new Map<string, { actual: string[][]; expected: string[][] }>();

beforeAll(async () => {
  expect(SOFFICE).toBeDefined();
  buildCli();
  dir = tempDir();
  const workbooks = CASES.map((c, k) => {
    const input = write(dir, `in-${k}.csv`, c.csv);
    const profile = write(dir, `profile-${k}.json`, profileToJson(c.profile));
    const out = join(dir, `out-${k}.xlsx`);
    const run = rfm(
      [
        "grade",
        input,
        "--profile",
        profile,
        "--as-of",
        c.asOf,
        "--unit",
        c.unit,
        "--lang",
        c.lang,
        "--formulas",
        "--out",
        out,
      ],
      dir,
    );
    if (run.status !== 0) throw new Error(`${c.name}: ${run.stderr}`);
    let bytes = withoutCachedValues(readFileSync(out));
    if (c.movedAsOf) bytes = withCellValue(bytes, 2, "B2", serialOf(c.movedAsOf));
    return bytes;
  });
  const recalculated = recalculate(workbooks);
  for (const [k, c] of CASES.entries()) {
    results.set(c.name, {
      actual: await spreadsheetRows(recalculated[k], c.lang),
      expected: engineRows(c, c.movedAsOf ?? c.asOf),
    });
  }
}, 320_000);

/** Excel's 1900-system serial of a date. */
function serialOf(iso: string): number {
  return parseDateText(iso)! + 25569;
}

describe("live formulas recalculated by LibreOffice equal the engine, cell by cell", () => {
  for (const c of CASES) {
    test(c.name, () => {
      const { actual, expected } = results.get(c.name)!;
      expect(actual.length).toBe(expected.length);
      expect(expected.some((row) => row[4] !== "")).toBe(true); // some rows graded
      expect(expected.some((row) => row[7] !== "")).toBe(true); // and some not
      for (let i = 0; i < expected.length; i++)
        expect({ row: i + 2, cells: actual[i] }).toEqual({ row: i + 2, cells: expected[i] });
    });
  }

  test('next contact by: Jan 31 + months falls on the month\'s last day, days are added as days, a grade without a period gives ""', () => {
    // Worked out by hand from the periods, independently of the engine: column 6 is the next contact, 4 the grade.
    const byGrade = (name: string) => {
      const seen = new Map<string, Set<string>>();
      for (const row of results.get(name)!.actual)
        if (row[4] !== "") seen.set(row[4], (seen.get(row[4]) ?? new Set()).add(row[6]));
      return Object.fromEntries([...seen].map(([g, dates]) => [g, [...dates]]));
    };
    // Shaoxing on its sample has no A on that day: B (3 months) and C (6 months) fall on month ends.
    expect(byGrade(CASES[8].name)).toEqual({ B: ["2026-04-30"], C: ["2026-07-31"] });
    expect(byGrade(CASES[9].name)).toEqual({
      A: ["2028-02-29"], // Jan 31 + 1 month in a leap year
      B: ["2028-02-14"], // + 14 days
      C: [""], // no period
      D: ["2029-02-28"], // Jan 31 + 13 months: February of a common year
    });
  });

  test("moving the analysis date moved grades (the parameters block drives the formulas)", () => {
    const moved = results.get(CASES[1].name)!.actual;
    const original = results.get(CASES[0].name)!.actual;
    const changed = moved.filter(
      (row, i) => row[4] !== "" && original[i][4] !== "" && row[0] !== original[i][0],
    ).length;
    expect(changed).toBeGreaterThan(10);
  });
});
