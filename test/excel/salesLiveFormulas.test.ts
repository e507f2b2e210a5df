/**
 * "Write as live Excel formulas" on sales records in the task pane, through the controller, the adapter and the
 * grid-backed Excel double: a new sheet with one row per customer whose totals and results are formulas (the very
 * texts the engine's compile back-end prints for this layout, which the LibreOffice test checks against the engine),
 * the sales' helper formulas on the hidden helper sheet beside the sales' own rows, the window start in the
 * parameters block; refused with the row, column and value when the formulas would read a sale otherwise than the
 * engine; nothing left behind when writing fails.
 */
import { builtinProfile, parseDateText, resultHeaders, customerHeaders, type Profile } from "../../src/engine";
import { LIVE_FORMULA_SHEETS } from "../../src/engine/compile/excelFormulas";
import { integerProfile } from "../../src/engine/compile/integerProfile";
import {
  compileSalesFormulas,
  SALES_FORMULA_TEXTS,
  type SalesFormulaLayout,
} from "../../src/engine/compile/salesFormulas";
import { createGradingFlow, type GradeOutcome, type GradeRequest } from "../../src/taskpane/gradingFlow";
import { SALES_HEADERS, SALES_ROWS } from "../taskpane/fixtures";
import { FakeExcel } from "./fake";

const wuhan = builtinProfile("wuhan") as Profile;
const SOURCE = "Sales";
const OUT = "RFM Customers";
const PARAMS = LIVE_FORMULA_SHEETS.parameters.en;
const HELPER = LIVE_FORMULA_SHEETS.keys.en;
const AS_OF = "2025-07-01";
const SALES = SALES_ROWS.length;
/** A, B, C, D, E in the order of their first readable sale (D's first sale has no date: its first readable is row 8). */
const CUSTOMERS = ["A", "B", "C", "D", "E"];

function workbook(rows: unknown[][] = SALES_ROWS): FakeExcel {
  return new FakeExcel({
    sheets: { [SOURCE]: [SALES_HEADERS, ...rows] },
    selection: `${SOURCE}!A1:C${rows.length + 1}`,
  });
}

async function grade(excel: FakeExcel, windowStart = "2021-09-01"): Promise<GradeOutcome> {
  const flow = createGradingFlow((batch) => excel.run(batch));
  const { source, date1904, detection } = await flow.inspect();
  expect(detection.kind).toBe("transactions");
  const request: GradeRequest = {
    source,
    date1904,
    detection,
    profile: wuhan,
    asOf: AS_OF,
    windowStart,
    unit: wuhan.monetaryUnit,
    lang: "en",
    liveFormulas: true,
  };
  return flow.grade(request, { askOverwrite: async () => "cancel" });
}

/** The compile back-end for the pane's layout. */
function compiled(windowStart = "2021-09-01") {
  const layout: SalesFormulaLayout = {
    salesSheet: SOURCE,
    firstSale: 2,
    lastSale: SALES + 1,
    sales: { id: "A", date: "B", amount: "C" },
    salesColumnNames: { id: SALES_HEADERS[0], date: SALES_HEADERS[1], amount: SALES_HEADERS[2] },
    sheet: OUT,
    firstRow: 2,
    customers: CUSTOMERS.length,
    columns: {
      id: "A",
      last: "B",
      purchases: "C",
      amount: "D",
      r: "E",
      f: "F",
      m: "G",
      score: "H",
      grade: "I",
      cadence: "J",
      note: "K",
      nextContact: "L",
    },
    helperSheet: HELPER,
    helper: { days: "A", count: "B", amount: "C", order: "D", match: "F", customer: "G", day: "H", units: "I" },
  };
  return compileSalesFormulas(integerProfile(wuhan, wuhan.monetaryUnit), layout, {
    asOfDay: parseDateText(AS_OF)!,
    windowStartDay: parseDateText(windowStart)!,
    lang: "en",
  });
}

describe("live formulas for sales records", () => {
  it("writes one row per customer on a new sheet: the id, then totals and results as formulas", async () => {
    const excel = workbook();
    const outcome = await grade(excel);
    expect(outcome.status === "done" && outcome.written.sheetName).toBe(OUT);
    const plan = compiled();
    const expected = CUSTOMERS.map((id, j) => {
      const f = plan.customer(2 + j);
      return [
        id,
        ...[f.lastOrder, f.purchases, f.total, f.r, f.f, f.m, f.score, f.grade, f.cadence, f.note, f.nextContact].map(
          (x) => `=${x}`,
        ),
      ];
    });
    expect(excel.readFormulas(OUT, "A1:L6")).toEqual([
      [
        ...customerHeaders("en"),
        ...resultHeaders("en", { contactPeriods: true, previousGrading: false }).filter(
          (h) => h !== "Next grade with one order of",
        ),
      ],
      ...expected,
    ]);
    // Real formulas, not text that looks like one (the double gives a formula the value 0); the ids are text.
    expect(excel.read(OUT, "A2:C3")).toEqual([
      ["A", 0, 0],
      ["B", 0, 0],
    ]);
    // The sales are untouched.
    expect(excel.read(SOURCE)).toEqual([SALES_HEADERS, ...SALES_ROWS]);
  });

  it("puts the customers' keys and each sale's lookups on the hidden helper sheet, and the window start among the parameters", async () => {
    const excel = workbook();
    await grade(excel);
    const plan = compiled();
    expect(excel.visibility(HELPER)).toBe("Hidden");
    expect(excel.readFormulas(HELPER, "A2:C6")).toEqual(
      CUSTOMERS.map((_, j) => {
        const f = plan.customer(2 + j);
        return [f.days, f.count, f.amount].map((x) => `=${x}`);
      }),
    );
    expect(excel.readFormulas(HELPER, `F2:I${SALES + 1}`)).toEqual(
      SALES_ROWS.map((_, i) => {
        const s = plan.sale(2 + i);
        return [s.match, s.customer, s.day, s.units].map((x) => `=${x}`);
      }),
    );
    expect(plan.sale(5).customer).toContain(`'${SOURCE}'!B5`); // the sales' own rows, on their own sheet

    const names = excel.names();
    expect(names.RFM_AsOf).toBe(`='${PARAMS}'!$B$2`);
    expect(names.RFM_Start).toBe(`='${PARAMS}'!$B$3`);
    expect(excel.read(PARAMS, "A3:B3")).toEqual([["Sales window start", 44440]]); // 2021-09-01
    expect(excel.numberFormats(PARAMS, "B3")).toEqual([["yyyy-mm-dd"]]);
    expect(Object.keys(names).sort()).toEqual(
      plan.parameters
        .filter((p) => p.name)
        .map((p) => p.name)
        .sort(),
    );
    // Below the parameters: the customers are those of this grading.
    expect(excel.read(PARAMS, `A${plan.parameters.length + 3}`)).toEqual([[SALES_FORMULA_TEXTS.customersFixed.en]]);
  });

  it("leaves the window start empty when there is none", async () => {
    const excel = workbook();
    const flow = createGradingFlow((batch) => excel.run(batch));
    const { source, date1904, detection } = await flow.inspect();
    const noWindow: Profile = { ...wuhan, windowStart: undefined };
    await flow.grade(
      { source, date1904, detection, profile: noWindow, asOf: AS_OF, unit: "yuan", lang: "en", liveFormulas: true },
      { askOverwrite: async () => "cancel" },
    );
    expect(excel.read(PARAMS, "A3:B3")).toEqual([["Sales window start", ""]]);
  });

  it("refuses, naming row, column and value, when a sale's date is text the add-in reads but formulas would not; nothing is made", async () => {
    const rows = SALES_ROWS.map((r, i) => (i === 6 ? ["D", "2025-06-15", 80] : r));
    const excel = workbook(rows);
    await expect(grade(excel)).rejects.toThrow(
      /Row 8, column “日期”: “2025-06-15” is text, which live formulas cannot read/,
    );
    expect(excel.sheetNames()).toEqual([SOURCE]);
    expect(excel.names()).toEqual({});
  });

  it("refuses an id with spaces around it (the add-in trims ids, a formula would not)", async () => {
    const rows = SALES_ROWS.map((r, i) => (i === 0 ? [" A", ...r.slice(1)] : r));
    await expect(grade(workbook(rows))).rejects.toThrow(/Row 2, column “客户”: the customer id “ A” has spaces/);
  });

  it("when writing fails at any step before the results stand, no sheet and no name is left behind", async () => {
    let checked = 0;
    for (let n = 1; n < 40; n++) {
      const excel = workbook();
      excel.failAtSync(n);
      const failed = await grade(excel).then(
        () => false,
        () => true,
      );
      if (!failed) break;
      // A failure after the results are written (in the parameters block) is not covered by this rule.
      if (excel.hasSheet(OUT)) continue;
      expect({ n, sheets: excel.sheetNames(), names: excel.names() }).toEqual({ n, sheets: [SOURCE], names: {} });
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});
