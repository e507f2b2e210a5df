/**
 * The task pane's live formulas for sales records, end to end in a real spreadsheet: the pane grades sales on the
 * grid-backed Excel double (a title above the table, the table from column B, so every row and column offset of the
 * pane's layout is exercised), the double's sheets and names are saved as .xlsx exactly as they stand (formulas as
 * formulas), LibreOffice recalculates them headless, and every customer's cells equal the engine's gradeSales on the
 * same sales.
 */
import { builtinProfile, type Profile } from "../../src/engine";
import { createGradingFlow, type GradeRequest } from "../../src/taskpane/gradingFlow";
import { CUSTOM_PROFILES } from "../engine/compile/sqlHarness";
import { recalculate, SOFFICE, withoutCachedValues } from "../cli/libreOffice";
import {
  engineRows,
  expectSameCustomers,
  randomSales,
  spreadsheetRows,
  type Case,
  type Row,
  type Sales,
} from "../cli/salesFormulasHarness";
import { saveAsXlsx } from "./doubleAsXlsx";
import { FakeExcel } from "./fake";

const SOURCE = "Sales";

const CASES: Case[] = [
  {
    name: "wuhan (quintiles)",
    profile: builtinProfile("wuhan")!,
    sales: randomSales(31, 900, "2025-07-01", true),
    asOf: "2025-07-01",
    windowStart: "2024-09-01",
    unit: "yuan",
    lang: "en",
  },
  {
    name: "custom thresholds needing a positive total (zh)",
    profile: CUSTOM_PROFILES[0],
    sales: randomSales(32, 900, "2025-07-01", true),
    asOf: "2025-07-01",
    windowStart: "2025-01-01",
    unit: "yuan",
    lang: "zh",
  },
  {
    name: "custom deciles, ties first",
    profile: CUSTOM_PROFILES[2],
    sales: randomSales(33, 900, "2025-07-01", true),
    asOf: "2025-07-01",
    unit: "yuan",
    lang: "en",
  },
  {
    name: "a workbook that counts dates from 1904",
    profile: CUSTOM_PROFILES[0],
    sales: in1904(randomSales(34, 600, "2025-07-01", true)),
    asOf: "2025-07-01",
    windowStart: "2025-01-01",
    unit: "yuan",
    lang: "en",
    date1904: true,
  },
];

/** The same sales in a 1904 workbook: every date serial 1,462 less (a 0 stays: there it is 1904-01-01, a date). */
function in1904(sales: Sales): Sales {
  return {
    ...sales,
    rows: sales.rows.map((r) => [r[0], typeof r[1] === "number" && r[1] > 0 ? r[1] - 1462 : r[1], r[2]]),
  };
}

/** The sales as Excel hands them to the add-in: errors as their text, blanks empty; a title row and a gap above. */
async function workbookOf(c: Case): Promise<FakeExcel> {
  const cell = (v: unknown) => (v === null ? "" : typeof v === "object" ? (v as { error: string }).error : v);
  const texts = (v: unknown) => (typeof v === "string" && v.startsWith("=") ? "" : cell(v));
  const rows = [["Sales export"], [], [null, ...c.sales.headers], ...c.sales.rows.map((r) => [null, ...r.map(texts)])];
  const excel = new FakeExcel({
    sheets: { [SOURCE]: rows },
    selection: `${SOURCE}!B3:D${c.sales.rows.length + 3}`,
    date1904: c.date1904,
  });
  // An id "=A" is text only when typed with an apostrophe, as in Excel (the double's setup would take it for a formula).
  await excel.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(SOURCE);
    c.sales.rows.forEach((r, i) => {
      if (typeof r[0] === "string" && r[0].startsWith("=")) sheet.getRange(`B${i + 4}`).values = [[`'${r[0]}`]];
    });
    await ctx.sync();
  });
  return excel;
}

async function gradeInPane(excel: FakeExcel, c: Case): Promise<string> {
  const flow = createGradingFlow((batch) => excel.run(batch));
  const { source, date1904, detection } = await flow.inspect();
  expect(detection.kind).toBe("transactions");
  const request: GradeRequest = {
    source,
    date1904,
    detection,
    profile: c.profile as Profile,
    asOf: c.asOf,
    windowStart: c.windowStart,
    unit: c.unit,
    lang: c.lang,
    liveFormulas: true,
  };
  const outcome = await flow.grade(request, { askOverwrite: async () => "cancel" });
  if (outcome.status !== "done") throw new Error(`${c.name}: ${outcome.status}`);
  return outcome.written.sheetName;
}

const results = new Map<string, { actual: Row[]; expected: Row[] }>();

beforeAll(async () => {
  expect(SOFFICE).toBeDefined();
  const saved: { bytes: Buffer; sheet: number }[] = [];
  for (const c of CASES) {
    const excel = await workbookOf(c);
    const out = await gradeInPane(excel, c);
    saved.push({
      bytes: withoutCachedValues(await saveAsXlsx(excel, c.date1904 ?? false)),
      sheet: excel.sheetNames().indexOf(out) + 1,
    });
  }
  const recalculated = recalculate(saved.map((s) => s.bytes));
  CASES.forEach((c, k) =>
    results.set(c.name, { actual: spreadsheetRows(recalculated[k], saved[k].sheet), expected: engineRows(c) }),
  );
}, 320_000);

describe("the pane's live formulas over sales records, recalculated by LibreOffice, equal the engine", () => {
  for (const c of CASES) {
    test(c.name, () => {
      const { actual, expected } = results.get(c.name)!;
      expectSameCustomers(actual, expected);
    });
  }
});
