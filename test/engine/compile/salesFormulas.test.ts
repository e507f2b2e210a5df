/**
 * The sales-record formulas' promises that a spreadsheet cannot check by computing: which functions, no decimal
 * literals, the size limit, amounts that millionths cannot add exactly. What they compute is checked against the
 * engine by LibreOffice (test/cli/salesFormulasLibreOffice.test.ts).
 */

import { builtinProfile, CompileError } from "../../../src/engine";
import { MAX_QUANTILE_FORMULA_ROWS } from "../../../src/engine/compile/excelFormulas";
import { integerProfile } from "../../../src/engine/compile/integerProfile";
import {
  checkSalesAmounts,
  compileSalesFormulas,
  MAX_SALES_FORMULA_CELLS,
  type SalesFormulaLayout,
} from "../../../src/engine/compile/salesFormulas";
import { CUSTOM_PROFILES } from "./sqlHarness";

const layout = (sales: number, customers: number): SalesFormulaLayout => ({
  salesSheet: "Sales records",
  firstSale: 2,
  lastSale: sales + 1,
  sales: { id: "A", date: "B", amount: "C" },
  salesColumnNames: { id: "customer", date: "date", amount: "amount" },
  sheet: "RFM grades",
  firstRow: 2,
  customers,
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
  helperSheet: "RFM helper",
  helper: { days: "A", count: "B", amount: "C", order: "D", match: "F", customer: "G", day: "H", units: "I" },
});

/**
 * The customer-table functions plus those the totals need, all in Excel 2010 and LibreOffice: no MAXIFS (missing in
 * Excel 2016), no AGGREGATE (LibreOffice needs array entry), no LET, LAMBDA or dynamic arrays.
 */
const ALLOWED = new Set([
  "IF",
  "INT",
  "COUNT",
  "COUNTIF",
  "ISNUMBER",
  "ISERROR",
  "ISBLANK",
  "TRIM",
  "ROW",
  "YEAR",
  "MONTH",
  "DAY",
  "TEXT",
  "MID",
  "CHOOSE",
  "ERROR.TYPE",
  "IFERROR",
  "EDATE",
  "OR",
  "NOT",
  "COUNTIFS",
  "SUMIF",
  "SUMPRODUCT",
  "MAX",
  "MATCH",
  "INDEX",
  "EXACT",
  "SUBSTITUTE",
  "ROUND",
]);

const profiles = [builtinProfile("shaoxing")!, builtinProfile("wuhan")!, ...CUSTOM_PROFILES];

test.each(profiles.map((p) => [p.id, p] as const))(
  "%s: every cell uses only long-standing worksheet functions",
  (_, profile) => {
    const plan = compileSalesFormulas(integerProfile(profile), layout(500, 100), { asOfDay: 20_000, lang: "zh" });
    const formulas = [
      ...Object.values(plan.customer(2)),
      ...Object.values(plan.customer(50)),
      ...Object.values(plan.sale(2)),
      ...Object.values(plan.sale(400)),
      ...plan.parameters.filter((p) => p.kind === "formula").map((p) => String(p.value)),
    ].filter((f): f is string => f !== undefined);
    const used = new Set(
      formulas.flatMap((f) => [...f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])),
    );
    expect([...used].filter((name) => !ALLOWED.has(name))).toEqual([]);
    expect(formulas.filter((f) => /(?<![A-Z_\d])\d+\.\d/.test(f.replace(/"[^"]*"/g, "")))).toEqual([]);
  },
);

test("a customer's totals read the helper columns of the sales; the window and amount scale are named parameters", () => {
  const plan = compileSalesFormulas(integerProfile(profiles[0]), layout(10, 3), {
    asOfDay: 20_000,
    windowStartDay: 19_000,
    lang: "en",
  });
  const c = plan.customer(3); // the second customer
  expect(c.purchases).toBe("COUNTIF('RFM helper'!$G$2:$G$11,2)");
  expect(c.total).toBe("SUMIF('RFM helper'!$G$2:$G$11,2,'RFM helper'!$I$2:$I$11)/RFM_MoneyScale");
  expect(c.lastOrder).toBe(`IF(C3=0,"",SUMPRODUCT(MAX(('RFM helper'!$G$2:$G$11=2)*'RFM helper'!$H$2:$H$11)))`);
  expect(c.firstSale).toBeUndefined(); // only ties "first" need it
  const names = plan.parameters.map((p) => p.name);
  expect(names.slice(0, 2)).toEqual(["RFM_AsOf", "RFM_Start"]); // the analysis date stays the first parameter (B2)
  expect(names).toContain("RFM_MoneyScale");
  expect(plan.parameters[1].value).toBe(19_000);
  expect(
    compileSalesFormulas(integerProfile(profiles[0]), layout(10, 3), { asOfDay: 20_000, lang: "en" }).parameters[1]
      .value,
  ).toBe("");
  // Ties "first" follow the customer's first sale inside the window, not the row.
  const first = compileSalesFormulas(integerProfile(CUSTOM_PROFILES[2]), layout(10, 3), {
    asOfDay: 20_000,
    lang: "en",
  }).customer(3);
  expect(first.firstSale).toBe(`IF(C3=0,"",MATCH(2,'RFM helper'!$G$2:$G$11,0))`);
  expect(first.r).toContain(
    `COUNTIFS('RFM helper'!$A$2:$A$4,'RFM helper'!A3,'RFM helper'!$D$2:$D$4,"<"&'RFM helper'!D3)`,
  );
});

test("sales formulas are refused above the measured size, in both languages", () => {
  const ip = integerProfile(builtinProfile("shaoxing")!);
  const customers = 5_000;
  const sales = MAX_SALES_FORMULA_CELLS / customers;
  expect(() => compileSalesFormulas(ip, layout(sales, customers), { asOfDay: 0, lang: "en" })).not.toThrow();
  let error: unknown;
  try {
    compileSalesFormulas(ip, layout(sales + 1, customers), { asOfDay: 0, lang: "en" });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(CompileError);
  const text = (error as CompileError).text;
  expect(text.en).toContain(`${(sales + 1).toLocaleString("en-US")} sales × 5,000 customers`);
  expect(text.zh).toContain("销售记录");
});

test("quantile profiles keep the customer limit of their ranking, counted in customers", () => {
  const wuhanIp = integerProfile(builtinProfile("wuhan")!);
  expect(() =>
    compileSalesFormulas(wuhanIp, layout(6_000, MAX_QUANTILE_FORMULA_ROWS), { asOfDay: 0, lang: "en" }),
  ).not.toThrow();
  expect(() =>
    compileSalesFormulas(wuhanIp, layout(6_000, MAX_QUANTILE_FORMULA_ROWS + 1), { asOfDay: 0, lang: "en" }),
  ).toThrow(/3,001 customers is more than the 3,000/);
  // Thresholds rank nobody against anybody: only the sales × customers limit.
  expect(() =>
    compileSalesFormulas(integerProfile(builtinProfile("shaoxing")!), layout(6_000, 10_000), {
      asOfDay: 0,
      lang: "en",
    }),
  ).not.toThrow();
});

test("amounts millionths cannot add exactly are refused; refunds and six decimals are not", () => {
  expect(() =>
    checkSalesAmounts([
      { customer: "A", amount: 12345.678901 },
      { customer: "A", amount: -50 },
      { customer: "B", amount: 0.1 },
    ]),
  ).not.toThrow();
  expect(() => checkSalesAmounts([{ customer: "A", amount: 0.1234567 }])).toThrow(CompileError);
  // 2^53 millionths is about 9.007 billion: two sales of 5 billion for one customer are too much, for two customers not.
  expect(() =>
    checkSalesAmounts([
      { customer: "A", amount: 5e9 },
      { customer: "B", amount: -5e9 },
    ]),
  ).not.toThrow();
  expect(() =>
    checkSalesAmounts([
      { customer: "A", amount: 5e9 },
      { customer: "A", amount: -5e9 },
    ]),
  ).toThrow(CompileError);
});
