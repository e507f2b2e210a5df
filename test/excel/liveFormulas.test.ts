/**
 * "Write as live Excel formulas" in the task pane, through the controller, the adapter (src/excel/liveFormulas.ts,
 * output.ts) and the grid-backed Excel double with workbook names and sheet visibility: the parameters block and its
 * names, the hidden helper sheet, the formula columns beside the table (Next contact by included), the same
 * overwrite rules as the values output, the "new sheet" choice, and formula texts identical to the command line's
 * `--formulas` workbook and to the engine's compile back-end.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import { builtinProfile, parseDateText, resultHeaders, type Profile } from "../../src/engine";
import { compileFormulas, LIVE_FORMULA_SHEETS, type FormulaSheetLayout } from "../../src/engine/compile/excelFormulas";
import { integerProfile } from "../../src/engine/compile/integerProfile";
import { writeFormulasWorkbook } from "../../src/cli/formulasWorkbook";
import { gradeRequest } from "../../src/cli/gradeRequest";
import { gradeTable } from "../../src/cli/gradeTable";
import { readTable } from "../../src/cli/readTable";
import {
  createGradingFlow,
  type GradeOutcome,
  type GradeRequest,
  type OverwriteChoice,
} from "../../src/taskpane/gradingFlow";
import { SHAOXING_AS_OF, SHAOXING_HEADERS, SHAOXING_ROWS } from "../taskpane/fixtures";
import { FakeExcel } from "./fake";

const shaoxing = builtinProfile("shaoxing") as Profile;
const wuhan = builtinProfile("wuhan") as Profile;
/** The command line's grades sheet is called this: a source sheet of that name gives the CLI's layout exactly. */
const SHEET = "RFM grades";
const PARAMS = LIVE_FORMULA_SHEETS.parameters.en;
const HELPER = LIVE_FORMULA_SHEETS.keys.en;
const ROWS = SHAOXING_ROWS.length;
const LAST = ROWS + 1;

function workbook(
  extraRows: (row: unknown[], i: number) => unknown[] = (r) => r,
  more: Record<string, unknown[][]> = {},
): FakeExcel {
  const rows = [SHAOXING_HEADERS, ...SHAOXING_ROWS].map(extraRows);
  return new FakeExcel({ sheets: { [SHEET]: rows, ...more }, selection: `${SHEET}!A1:D${LAST}` });
}

async function grade(
  excel: FakeExcel,
  answer: OverwriteChoice = "cancel",
  profile: Profile = shaoxing,
  asOf = SHAOXING_AS_OF,
): Promise<{ outcome: GradeOutcome; asked: string[] }> {
  const flow = createGradingFlow((batch) => excel.run(batch));
  const { source, date1904, detection } = await flow.inspect();
  const request: GradeRequest = {
    source,
    date1904,
    detection,
    profile,
    asOf,
    unit: profile.monetaryUnit,
    lang: "en",
    liveFormulas: true,
  };
  const asked: string[] = [];
  const outcome = await flow.grade(request, { askOverwrite: async (address) => (asked.push(address), answer) });
  return { outcome, asked };
}

/** The engine's compile back-end for the pane's layout: results from column `first` of `sheet`. */
function compiled(sheet: string, first: number, dataSheet?: string, profile: Profile = shaoxing) {
  const L = (k: number) => String.fromCharCode(65 + first + k);
  const layout: FormulaSheetLayout = {
    sheet,
    dataSheet,
    keySheet: HELPER,
    firstRow: 2,
    lastRow: LAST,
    data: { id: "A", date: "B", count: "C", total: "D" },
    columnNames: {
      id: SHAOXING_HEADERS[0],
      date: SHAOXING_HEADERS[1],
      count: SHAOXING_HEADERS[2],
      total: SHAOXING_HEADERS[3],
    },
    out: {
      r: L(0),
      f: L(1),
      m: L(2),
      score: L(3),
      grade: L(4),
      cadence: L(5),
      note: L(6),
      nextContact: L(7),
      days: "A",
      count: "B",
      amount: "C",
    },
  };
  return compileFormulas(integerProfile(profile, profile.monetaryUnit), layout, {
    asOfDay: parseDateText(SHAOXING_AS_OF)!,
    lang: "en",
  });
}

function expectedRows(plan: ReturnType<typeof compiled>): { results: string[][]; keys: string[][] } {
  const results: string[][] = [],
    keys: string[][] = [];
  for (let r = 2; r <= LAST; r++) {
    const f = plan.row(r);
    results.push(
      [f.r, f.f, f.m, f.score, f.grade, f.cadence, f.note, ...(plan.hasNextContact ? [f.nextContact] : [])].map(
        (x) => `=${x}`,
      ),
    );
    keys.push([f.days, f.count, f.amount].map((x) => `=${x}`));
  }
  return { results, keys };
}

// The columns that have a formula: every result column but the comparison and the next-grade order.
const HEADERS = resultHeaders("en", { contactPeriods: true, previousGrading: false }).filter(
  (h) => h !== "Next grade with one order of",
);

/** Formulas, defined names and sheet states of the command line's `--formulas` workbook on the same data. */
async function cliWorkbook(): Promise<{ formulas: Map<string, string>[]; names: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), "rfm-live-"));
  try {
    const csv = join(dir, "in.csv");
    const iso = (v: unknown) =>
      typeof v === "number" && v > 40000 ? new Date((v - 25569) * 86_400_000).toISOString().slice(0, 10) : String(v);
    writeFileSync(csv, [SHAOXING_HEADERS, ...SHAOXING_ROWS].map((r) => r.map(iso).join(",")).join("\n") + "\n");
    const out = join(dir, "out.xlsx");
    const req = gradeRequest(csv, { profile: "shaoxing", asOf: SHAOXING_AS_OF, lang: "en", out });
    const { table } = await readTable(csv);
    await writeFormulasWorkbook(out, gradeTable(table, req), "en");
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const unescape = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
    const formulas = [1, 2, 3].map((k) => {
      const cells = new Map<string, string>();
      for (const m of strFromU8(files[`xl/worksheets/sheet${k}.xml`]).matchAll(
        /<c r="([A-Z]+\d+)"[^>]*><f>([^<]*)<\/f>/g,
      ))
        cells.set(m[1], `=${unescape(m[2])}`);
      return cells;
    });
    const names: Record<string, string> = {};
    for (const m of strFromU8(files["xl/workbook.xml"]).matchAll(/<definedName name="([^"]+)">([^<]*)<\/definedName>/g))
      names[m[1]] = `=${unescape(m[2])}`;
    return { formulas, names };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function columnOfCells(cells: Map<string, string>, cols: string[]): string[][] {
  return Array.from({ length: ROWS }, (_, i) => cols.map((c) => cells.get(`${c}${i + 2}`) ?? ""));
}

describe("live formulas beside a customer table", () => {
  it("writes formula columns (Next contact by included), the parameters block with its names and a hidden helper sheet", async () => {
    const excel = workbook();
    const { outcome, asked } = await grade(excel);
    expect(asked).toEqual([]);
    expect(outcome.status).toBe("done");
    const { results, keys } = expectedRows(compiled(SHEET, 4));
    expect(excel.readFormulas(SHEET, `E1:L${LAST}`)).toEqual([HEADERS, ...results]);
    // Real formulas, not text that looks like one: the double keeps a formula's value apart (0, it does not calculate).
    for (const row of excel.read(SHEET, `E2:L${LAST}`)) for (const v of row) expect(v).toBe(0);
    expect(excel.numberFormats(SHEET, `L2:L${LAST}`)).toEqual(Array(ROWS).fill(["yyyy-mm-dd"]));
    // The data are untouched.
    expect(excel.read(SHEET, `A1:D${LAST}`)).toEqual([SHAOXING_HEADERS, ...SHAOXING_ROWS]);

    expect(excel.sheetNames()).toEqual([SHEET, PARAMS, HELPER, expect.any(String)]); // then the summary sheet
    const params = compiled(SHEET, 4).parameters;
    const block = excel.read(PARAMS, `A1:B${params.length + 1}`);
    expect(block[0][0]).toBe(LIVE_FORMULA_SHEETS.parametersTitle.en);
    expect(block[1]).toEqual(["Analysis date", 46053]); // 2026-01-31
    expect(excel.numberFormats(PARAMS, "B2")).toEqual([["yyyy-mm-dd"]]);
    expect(block.slice(1).map((r) => r[0])).toEqual(params.map((p) => p.label.en));
    const names = excel.names();
    expect(Object.keys(names).sort()).toEqual(
      params
        .filter((p) => p.name)
        .map((p) => p.name)
        .sort(),
    );
    expect(names.RFM_AsOf).toBe("='RFM parameters'!$B$2");
    expect(names.RFM_Every1).toBe(`='RFM parameters'!$B$${params.findIndex((p) => p.name === "RFM_Every1") + 2}`);
    expect(excel.read(PARAMS, `B${params.findIndex((p) => p.name === "RFM_Every1") + 2}`)).toEqual([[1]]); // A: 1 month

    expect(excel.visibility(HELPER)).toBe("Hidden");
    expect(excel.read(HELPER, "A1")).toEqual([[LIVE_FORMULA_SHEETS.keysTitle.en]]);
    expect(excel.readFormulas(HELPER, `A2:C${LAST}`)).toEqual(keys);
    for (const row of excel.read(HELPER, `A2:C${LAST}`)) for (const v of row) expect(v).toBe(0); // formulas, not text
  });

  it("writes the very formula texts and names the command line's --formulas workbook holds for the same data", async () => {
    const excel = workbook();
    await grade(excel);
    const cli = await cliWorkbook();
    const cols = ["E", "F", "G", "H", "I", "J", "K", "L"];
    expect(excel.readFormulas(SHEET, `E2:L${LAST}`)).toEqual(columnOfCells(cli.formulas[0], cols));
    expect(excel.readFormulas(HELPER, `A2:C${LAST}`)).toEqual(columnOfCells(cli.formulas[2], ["A", "B", "C"]));
    expect(excel.names()).toEqual(cli.names);
  });

  it("grading again rewrites its own parameters and helper sheets in place: no copies, the same names", async () => {
    const excel = workbook();
    await grade(excel);
    const before = { sheets: excel.sheetNames(), names: excel.names() };
    const { asked } = await grade(excel);
    expect(asked).toEqual([]); // its own output columns are updated without asking
    expect(
      excel.sheetNames().filter((s) => s === PARAMS || s === HELPER || s.startsWith("RFM p") || s.startsWith("RFM h")),
    ).toEqual([PARAMS, HELPER]);
    expect(excel.names()).toEqual(before.names);
  });

  it("leaves a user's own sheet called 'RFM parameters' alone and takes another name, which the names point at", async () => {
    const excel = workbook(undefined, { [PARAMS]: [["my notes"], ["keep me"]] });
    await grade(excel);
    expect(excel.read(PARAMS)).toEqual([["my notes"], ["keep me"]]);
    expect(excel.names().RFM_AsOf).toBe(`='${PARAMS} (2)'!$B$2`);
  });

  it("enters the profile's texts as text (a grade '1', a cadence '12' stay text the grade formulas return as written)", async () => {
    const odd: Profile = {
      ...shaoxing,
      grades: shaoxing.grades.map((g, i) => ({ ...g, grade: String(i + 1), cadence: { ...g.cadence, en: "12" } })),
    };
    const excel = workbook();
    await grade(excel, "cancel", odd);
    const params = compiled(SHEET, 4, undefined, odd).parameters;
    const at = (name: string) => excel.read(PARAMS, `B${params.findIndex((p) => p.name === name) + 2}`)[0][0];
    expect(at("RFM_Grade1")).toBe("1");
    expect(at("RFM_Cadence1")).toBe("12");
    expect(at("RFM_WR")).toBe(3); // numbers stay numbers
  });

  it("updates an earlier values output (seven columns) in place when the column for Next contact by is empty", async () => {
    const own = [
      ["R Score", "F Score", "M Score", "RFM Score", "Grade", "Cadence", "Note"],
      ...SHAOXING_ROWS.map(() => [1, 1, 1, 1, "C", "c", ""]),
    ];
    const excel = workbook((row, i) => [...row, ...own[i]]);
    const { asked } = await grade(excel);
    expect(asked).toEqual([]);
    expect(excel.readFormulas(SHEET, "E1:L1")).toEqual([HEADERS]);
  });

  it("asks before writing over a non-empty cell (here one in the Next contact by column) and writes nothing on cancel", async () => {
    const excel = workbook((row, i) => (i === 2 ? [...row, "", "", "", "", "", "", "", "call Mr Li"] : row));
    const before = excel.readFormulas(SHEET);
    const { outcome, asked } = await grade(excel, "cancel");
    expect(asked).toEqual([`'${SHEET}'!E1:L${LAST}`]);
    expect(outcome.status).toBe("cancelled");
    expect(excel.readFormulas(SHEET)).toEqual(before);
    expect(excel.sheetNames()).toEqual([SHEET]);
    expect(excel.names()).toEqual({});
  });

  it("overwrites only when the user says so", async () => {
    const excel = workbook((row, i) => (i === 2 ? [...row, "", "", "", "", "", "", "", "call Mr Li"] : row));
    await grade(excel, "overwrite");
    expect(excel.readFormulas(SHEET, `E2:L${LAST}`)).toEqual(expectedRows(compiled(SHEET, 4)).results);
  });

  it("when writing the results fails at any step, the sheets made for the formulas are removed and nothing is left", async () => {
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
      if (excel.readFormulas(SHEET, "E1")[0][0] !== "") continue;
      expect({ n, sheets: excel.sheetNames(), names: excel.names() }).toEqual({ n, sheets: [SHEET], names: {} });
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("when grading again fails, the earlier grading's parameters, helper sheet and names are untouched", async () => {
    let checked = 0;
    for (let n = 1; n < 40; n++) {
      const excel = workbook();
      await grade(excel);
      const before = {
        sheets: excel.sheetNames(),
        names: excel.names(),
        params: excel.readFormulas(PARAMS),
        keys: excel.readFormulas(HELPER),
        results: excel.readFormulas(SHEET),
      };
      excel.failAtSync(n);
      // Another analysis date: the parameters block tells whether the failure came after the results were written.
      const failed = await grade(excel, "cancel", shaoxing, "2026-02-15").then(
        () => false,
        () => true,
      );
      if (!failed) break;
      if (JSON.stringify(excel.readFormulas(PARAMS)) !== JSON.stringify(before.params)) continue;
      expect({
        n,
        sheets: excel.sheetNames(),
        names: excel.names(),
        keys: excel.readFormulas(HELPER),
        results: excel.readFormulas(SHEET),
      }).toEqual({ n, sheets: before.sheets, names: before.names, keys: before.keys, results: before.results });
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it("in a workbook that counts dates from 1904 the analysis date is entered as that workbook's serial", async () => {
    // The data's dates are 1904 serials there; an analysis date entered as a 1900 serial would shift every recency by 1,462 days.
    const rows = [
      SHAOXING_HEADERS,
      ...SHAOXING_ROWS.map((r) => r.map((v, k) => (k === 1 && typeof v === "number" ? v - 1462 : v))),
    ];
    const excel = new FakeExcel({ sheets: { [SHEET]: rows }, selection: `${SHEET}!A1:D${LAST}`, date1904: true });
    await grade(excel);
    expect(excel.read(PARAMS, "A2:B2")).toEqual([["Analysis date", 46053 - 1462]]); // 2026-01-31
  });

  it("a quantile profile on more rows than its formulas are offered for is refused, and leaves no sheet behind", async () => {
    const many = Array.from({ length: 3_001 }, (_, i) => [`K${i}`, 46000, 1 + (i % 7), 1 + (i % 13)]);
    const excel = new FakeExcel({ sheets: { [SHEET]: [SHAOXING_HEADERS, ...many] }, selection: `${SHEET}!A1:D3002` });
    await expect(grade(excel, "cancel", wuhan)).rejects.toThrow(/3,001 rows is more than the 3,000/);
    expect(excel.sheetNames()).toEqual([SHEET]);
    expect(excel.readFormulas(SHEET, "E1:E2")).toEqual([[""], [""]]);
  });

  it("'New sheet' writes formulas there too, on the data's rows, every data reference naming the source sheet", async () => {
    const excel = workbook((row, i) => (i === 2 ? [...row, "call Mr Li"] : row));
    const before = excel.readFormulas(SHEET);
    const { outcome, asked } = await grade(excel, "newSheet");
    expect(asked).toEqual([`'${SHEET}'!E1:L${LAST}`]);
    expect(outcome.status === "done" && outcome.written.sheetName).toBe(`${SHEET} RFM`);
    expect(excel.readFormulas(SHEET)).toEqual(before);
    const plan = compiled(`${SHEET} RFM`, 0, SHEET);
    const { results, keys } = expectedRows(plan);
    expect(excel.readFormulas(`${SHEET} RFM`, `A1:H${LAST}`)).toEqual([HEADERS, ...results]);
    // Read the references, not only equality with the compiler: the data are on the source sheet, the notes here.
    expect(results[0][6]).toContain(`'${SHEET}'!B2`);
    expect(results[0][6]).not.toMatch(/[^!A-Z$]B2\b/);
    expect(keys[0][0]).toBe(`=IF('${SHEET} RFM'!G2<>"","",RFM_AsOf-INT('${SHEET}'!B2))`);
    expect(excel.readFormulas(HELPER, `A2:C${LAST}`)).toEqual(keys);
  });

  it("a quantile profile has no periods column when it has no periods, and its ranks read the helper sheet", async () => {
    const noPeriods: Profile = {
      ...wuhan,
      grades: wuhan.grades.map((g) => ({ ...g, cadence: { en: g.cadence.en, zh: g.cadence.zh } })),
    };
    const excel = workbook();
    await grade(excel, "cancel", noPeriods);
    const plan = compiled(SHEET, 4, undefined, noPeriods);
    expect(plan.hasNextContact).toBe(false);
    expect(excel.readFormulas(SHEET, `E1:L${LAST}`)).toEqual([
      [...HEADERS.slice(0, 7), ""],
      ...expectedRows(plan).results.map((r) => [...r, ""]),
    ]);
    expect(excel.readFormulas(SHEET, "E2")[0][0]).toContain(`COUNTIF('${HELPER}'!$A$2:$A$${LAST},`);
  });
});
