/** The worksheet back-end's promises that a spreadsheet cannot check by computing: which functions, what size. */

import { builtinProfile, CompileError } from "../../../src/engine";
import {
  compileFormulas,
  MAX_QUANTILE_FORMULA_ROWS,
  type FormulaSheetLayout,
} from "../../../src/engine/compile/excelFormulas";
import { integerProfile } from "../../../src/engine/compile/integerProfile";
import { CUSTOM_PROFILES } from "./sqlHarness";

const layout = (rows: number): FormulaSheetLayout => ({
  sheet: "RFM grades",
  firstRow: 2,
  lastRow: rows + 1,
  data: { id: "A", date: "B", count: "C", total: "D" },
  out: {
    r: "E",
    f: "F",
    m: "G",
    score: "H",
    grade: "I",
    cadence: "J",
    nextContact: "K",
    note: "L",
    days: "M",
    count: "N",
    amount: "O",
  },
});

/** Functions every supported Excel (2010 and later) and LibreOffice computes; nothing newer (LET, LAMBDA, FILTER…). */
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
]);

const profiles = [builtinProfile("shaoxing")!, builtinProfile("wuhan")!, ...CUSTOM_PROFILES];

test.each(profiles.map((p) => [p.id, p] as const))(
  "%s: result cells use only long-standing worksheet functions",
  (_, profile) => {
    const plan = compileFormulas(integerProfile(profile), layout(100), { asOfDay: 20_000, lang: "en" });
    const formulas = [
      ...Object.values(plan.row(2)),
      ...Object.values(plan.row(50)),
      ...plan.parameters.filter((p) => p.kind === "formula").map((p) => String(p.value)),
    ].filter((f): f is string => f !== undefined);
    const used = new Set(
      formulas.flatMap((f) => [...f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])),
    );
    expect([...used].filter((name) => !ALLOWED.has(name))).toEqual([]);
    // Exact: no decimal literal outside text in any formula (weights, cut-offs and bounds are in named cells).
    expect(formulas.filter((f) => /(?<![A-Z_\d])\d+\.\d/.test(f.replace(/"[^"]*"/g, "")))).toEqual([]);
  },
);

test("thresholds are sums of comparisons; quantiles count strictly better and tied rows", () => {
  const thresholds = compileFormulas(integerProfile(profiles[0]), layout(10), { asOfDay: 20_000, lang: "en" }).row(3);
  expect(thresholds.r).toBe('IF(M3="","",1+(M3<=RFM_R2)+(M3<=RFM_R3)+(M3<=RFM_R4)+(M3<=RFM_R5))');
  expect(thresholds.grade).toBe(
    'IF(M3="","",IF((RFM_WR*E3+RFM_WF*F3+RFM_WM*G3)>RFM_Cut1,RFM_Grade1,IF((RFM_WR*E3+RFM_WF*F3+RFM_WM*G3)>RFM_Cut2,RFM_Grade2,RFM_Grade3)))',
  );
  const quantiles = compileFormulas(integerProfile(profiles[1]), layout(10), { asOfDay: 20_000, lang: "en" }).row(3);
  expect(quantiles.f).toBe(
    'IF(M3="","",RFM_Bins-INT(RFM_Bins*(2*COUNTIF($N$2:$N$11,">"&N3)+COUNTIF($N$2:$N$11,N3))/(2*RFM_Graded)))',
  );
});

test("quantile formulas are refused above the size they are offered for, in both languages", () => {
  const ip = integerProfile(builtinProfile("wuhan")!);
  expect(() => compileFormulas(ip, layout(MAX_QUANTILE_FORMULA_ROWS), { asOfDay: 0, lang: "en" })).not.toThrow();
  let error: unknown;
  try {
    compileFormulas(ip, layout(MAX_QUANTILE_FORMULA_ROWS + 1), { asOfDay: 0, lang: "en" });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(CompileError);
  const text = (error as CompileError).text;
  expect(text.en).toContain((MAX_QUANTILE_FORMULA_ROWS + 1).toLocaleString("en-US"));
  expect(text.zh).toContain("分位数");
  // Thresholds cost one pass: no limit.
  expect(() =>
    compileFormulas(integerProfile(builtinProfile("shaoxing")!), layout(1_000_000), { asOfDay: 0, lang: "en" }),
  ).not.toThrow();
});
