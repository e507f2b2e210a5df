/**
 * Every face writes the result columns the engine declares (src/engine/resultColumns.ts): the declared headers in the
 * declared order, the declared number formats, and in each column the value the declaration reads from the grading.
 * The faces: the command line's CSV and .xlsx, its formula workbooks recalculated by LibreOffice, the pane's values
 * and its live formulas (recalculated by LibreOffice) on the Excel double, the custom functions' spills, and the SQL
 * query on DuckDB. A face that drops, adds, reorders, mislabels or formats a column otherwise fails here.
 *
 * The data are the pane's hand-worked fixtures (test/taskpane/fixtures.ts): a Shaoxing customer table with a row that
 * cannot be graded, and Wuhan sales records, plus a customer whose only sale lies before the window.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import {
  builtinProfile,
  compareGradings,
  compileSql,
  CUSTOMER_COLUMNS,
  dayToSerial,
  formatDay,
  gradeCustomers,
  gradeSales,
  LEADING_COLUMNS,
  ownOutputBlock,
  parseDay,
  RESULT_COLUMNS,
  resultCell,
  resultColumns,
  resultHeaders,
  resultText,
  SPILL_COLUMNS,
  type GradeMigration,
  type GradeResult,
  type Lang,
  type Profile,
  type ResultColumn,
  type ResultRows,
  type ResultSetting,
} from "../../src/engine";
import { csvSafeText } from "../../src/cli/cellText";
import { liveFormulaColumns } from "../../src/engine/compile/excelFormulas";
import { sales as salesFunction, scores } from "../../src/functions/functions";
import { createGradingFlow, type GradeRequest } from "../../src/taskpane/gradingFlow";
import { buildCli, readText, records, rfm, tempDir, write } from "../cli/helpers";
import { recalculate, SOFFICE, withoutCachedValues } from "../cli/libreOffice";
import { saveAsXlsx } from "../excel/doubleAsXlsx";
import { FakeExcel } from "../excel/fake";
import { column, installRuntime, removeRuntime } from "../functions/fakeRuntime";
import { SALES_HEADERS, SALES_ROWS, SHAOXING_AS_OF, SHAOXING_HEADERS, SHAOXING_ROWS } from "../taskpane/fixtures";

const shaoxing = builtinProfile("shaoxing") as Profile;
const wuhan = builtinProfile("wuhan") as Profile;
const SALES_AS_OF = "2025-07-01";
/** A customer whose only sale (2021-08-31) lies before Wuhan's window: listed, not graded. */
const SALES = [...SALES_ROWS, ["F", 44439, 20]];
/** The earlier grading --previous reads, and the pane's own results graded again later. */
const PREVIOUS = { ids: ["C001", "C002", "C003", "C009"], grades: ["B", "C", "A", "B"] };
const LATER_AS_OF = "2026-04-30";

const WITH_PERIODS: ResultSetting = { contactPeriods: true, previousGrading: false };
const COMPARED: ResultSetting = { contactPeriods: true, previousGrading: true };

/** A cell as text for a CSV file: serial dates as the day they are. */
const csvCell = (v: unknown) => (typeof v === "number" && v > 40000 ? formatDay(parseDay(v)!) : String(v));

function customersGraded(asOf = SHAOXING_AS_OF): GradeResult {
  const col = (k: number) => SHAOXING_ROWS.map((r) => r[k]);
  return gradeCustomers({ ids: col(0), lastDates: col(1), counts: col(2), totals: col(3) }, shaoxing, { asOf });
}

function salesGraded(): GradeResult {
  const col = (k: number) => SALES.map((r) => r[k]);
  return gradeSales({ ids: col(0), dates: col(1), amounts: col(2) }, wuhan, { asOf: SALES_AS_OF });
}

const customerIds = SHAOXING_ROWS.map((r) => r[0]);

/**
 * How a face holds a value: the declaration's value in the face's own form. `note` is compared by presence only:
 * each face names rows and columns its own way (sheet rows, file rows, function parameters).
 */
type FaceForm = (column: ResultColumn, value: ResultValueOrNote) => unknown;
type ResultValueOrNote = ReturnType<ResultColumn["value"]>;

/** CSV text, with the defence against formula injection every CSV field gets ("=" is written "'="). */
const inCsv: FaceForm = (c, v) => csvSafeText(resultText(c, v));
const inWorkbook: FaceForm = (c, v) => {
  const cell = resultCell(c, v);
  if (cell === null) return null;
  return c.kind === "date" ? `date:${formatDay(cell as number)}` : cell;
};
const inSheet: FaceForm = (c, v) => {
  const cell = resultCell(c, v);
  if (cell === null) return "";
  return c.kind === "date" ? dayToSerial(cell as number) : cell;
};

/** Checks a face's result block: headers, then each row's cells against the declaration's readers. */
function expectBlock(
  face: string,
  columns: readonly ResultColumn[],
  lang: Lang,
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  read: ResultRows,
  form: FaceForm,
): void {
  expect({ face, headers }).toEqual({ face, headers: columns.map((c) => c.header[lang]) });
  expect(rows.length).toBe(read.res.n);
  rows.forEach((row, i) => {
    const expected = columns.map((c) => {
      const v = c.value(read, i);
      return c.id === "note" ? v !== null : form(c, v);
    });
    const actual = columns.map((c, k) =>
      c.id === "note" ? row[k] !== null && row[k] !== undefined && row[k] !== "" : row[k],
    );
    expect({ face, row: i, cells: actual }).toEqual({ face, row: i, cells: expected });
  });
}

const readFileBytes = (dir: string, name: string): Buffer => readFileSync(join(dir, name));

/** A workbook cell as ExcelJS reads it, in the inWorkbook form: formulas by their result, dates as their day. */
function workbookValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) return `date:${formatDay(Math.round(v.getTime() / 86_400_000))}`;
  // A formula whose result is "" is saved without a value.
  if (typeof v === "object" && "formula" in v)
    return workbookValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if (typeof v === "object" && "richText" in v) return v.richText.map((run) => run.text).join("");
  if (typeof v === "object" && "error" in v) return v.error;
  return v;
}

async function readSheet(bytes: Buffer, sheet = 0): Promise<{ values: unknown[][]; formats: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet];
  const values: unknown[][] = [],
    formats: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = Array.from({ length: ws.columnCount }, (_, c) => row.getCell(c + 1));
    values.push(cells.map((cell) => workbookValue(cell.value)));
    formats.push(cells.map((cell) => cell.numFmt || "General"));
  }
  return { values, formats };
}

/**
 * A workbook's result rows with the date columns' cells as their day (a serial when the saved cells carry no date
 * format, as the double's sheets saved for LibreOffice), as inWorkbook gives them.
 */
function withDays(columns: readonly ResultColumn[], rows: unknown[][]): unknown[][] {
  return rows.map((row) =>
    row.map((v, k) => (columns[k]?.kind === "date" && typeof v === "number" ? `date:${formatDay(parseDay(v)!)}` : v)),
  );
}

/**
 * The declared formats of `columns` in a graded row; given the row's values, a cell left empty (the next grade of a
 * customer already at the top grade) carries none.
 */
const declaredFormats = (columns: readonly ResultColumn[], values?: readonly unknown[]) =>
  columns.map((c, k) =>
    values && (values[k] === null || values[k] === undefined) ? "General" : (c.format ?? "General"),
  );

/** Columns no cell formula or SQL query computes exactly (README says so): present in values, absent there. */
const NOT_COMPILED: readonly string[] = ["nextGrade"];
const compiled = (columns: readonly ResultColumn[]) => columns.filter((c) => !NOT_COMPILED.includes(c.id));

describe("the declaration", () => {
  test("ids are distinct, and each language's headers are distinct and not empty", () => {
    const ids = RESULT_COLUMNS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const lang of ["en", "zh"] as const) {
      const headers = RESULT_COLUMNS.map((c) => c.header[lang]);
      expect(headers.every((h) => h.trim() !== "")).toBe(true);
      expect(new Set(headers).size).toBe(headers.length);
    }
  });

  test("the spill columns keep the positions released formulas reference: new ones only after them", () => {
    expect(SPILL_COLUMNS.map((c) => c.id).slice(0, 6)).toEqual(["r", "f", "m", "score", "grade", "cadence"]);
  });

  test("the leading columns open every block, and an earlier block of any width and language is recognised", () => {
    expect(LEADING_COLUMNS.map((c) => c.id)).toEqual(["r", "f", "m", "score", "grade", "cadence", "note"]);
    for (const setting of [{ contactPeriods: false, previousGrading: false }, WITH_PERIODS, COMPARED]) {
      for (const lang of ["en", "zh"] as const) {
        const headers = ["id", "date", ...resultHeaders(lang, setting)];
        expect(ownOutputBlock(headers)).toEqual({ start: 2, width: resultColumns(setting).length });
      }
    }
  });
});

describe("the command line", () => {
  let dir: string;
  const customersCsv = () =>
    [SHAOXING_HEADERS, ...SHAOXING_ROWS].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
  const salesCsv = () => [SALES_HEADERS, ...SALES].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";

  beforeAll(() => {
    buildCli();
    dir = tempDir();
    write(dir, "customers.csv", customersCsv());
    write(dir, "sales.csv", salesCsv());
    write(
      dir,
      "previous.csv",
      ["客户编号,客户等级", ...PREVIOUS.ids.map((id, k) => `${id},${PREVIOUS.grades[k]}`)].join("\n") + "\n",
    );
  }, 120_000);

  const run = (args: string[]) => {
    const r = rfm(args, dir);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
  };
  const customerArgs = ["grade", "customers.csv", "-p", "shaoxing", "--as-of", SHAOXING_AS_OF];
  const salesArgs = ["grade", "sales.csv", "-p", "wuhan", "--as-of", SALES_AS_OF];
  const compared = (): GradeMigration => compareGradings(customersGraded(), PREVIOUS, customerIds);

  for (const lang of ["en", "zh"] as const) {
    test(`CSV (${lang}): customers compared with --previous, and sales records`, () => {
      run([...customerArgs, "--previous", "previous.csv", "--lang", lang, "-o", `c-${lang}.csv`]);
      run([...salesArgs, "--lang", lang, "-o", `s-${lang}.csv`]);
      const columns = resultColumns(COMPARED);
      const rowsOf = (file: string, skip: number) => {
        const recs = records(readText(join(dir, file)));
        const headers = Object.keys(recs[0]);
        return { headers: headers.slice(skip), rows: recs.map((r) => headers.slice(skip).map((h) => r[h])) };
      };
      const c = rowsOf(`c-${lang}.csv`, SHAOXING_HEADERS.length);
      expectBlock(
        "CLI CSV",
        columns,
        lang,
        c.headers,
        c.rows,
        { res: customersGraded(), lang, migration: compared() },
        inCsv,
      );
      const s = rowsOf(`s-${lang}.csv`, CUSTOMER_COLUMNS.length);
      expectBlock(
        "CLI CSV sales",
        resultColumns(WITH_PERIODS),
        lang,
        s.headers,
        s.rows,
        { res: salesGraded(), lang },
        inCsv,
      );
      expect(Object.keys(records(readText(join(dir, `s-${lang}.csv`)))[0]).slice(0, CUSTOMER_COLUMNS.length)).toEqual(
        CUSTOMER_COLUMNS.map((col) => col.header[lang]),
      );
    });
  }

  test(".xlsx: headers, values and the declared number formats", async () => {
    run([...customerArgs, "--previous", "previous.csv", "-o", "c.xlsx"]);
    run([...salesArgs, "-o", "s.xlsx"]);
    const columns = resultColumns(COMPARED);
    const c = await readSheet(readFileBytes(dir, "c.xlsx"));
    const start = SHAOXING_HEADERS.length;
    expectBlock(
      "CLI xlsx",
      columns,
      "en",
      c.values[0].slice(start),
      withDays(
        columns,
        c.values.slice(1).map((r) => r.slice(start)),
      ),
      { res: customersGraded(), lang: "en", migration: compared() },
      inWorkbook,
    );
    // Row 2 (C001) is graded and compared: every result cell is written.
    expect(c.formats[1].slice(start)).toEqual(declaredFormats(columns, c.values[1].slice(start)));
    const s = await readSheet(readFileBytes(dir, "s.xlsx"));
    const first = CUSTOMER_COLUMNS.length;
    expectBlock(
      "CLI xlsx sales",
      resultColumns(WITH_PERIODS),
      "en",
      s.values[0].slice(first),
      withDays(
        resultColumns(WITH_PERIODS),
        s.values.slice(1).map((r) => r.slice(first)),
      ),
      { res: salesGraded(), lang: "en" },
      inWorkbook,
    );
    expect(s.formats[1]).toEqual([
      ...CUSTOMER_COLUMNS.map((col) => col.format ?? "General"),
      ...declaredFormats(resultColumns(WITH_PERIODS), s.values[1].slice(first)),
    ]);
  });

  test("formula workbooks recalculated by LibreOffice: the columns that have a formula, as declared", async () => {
    expect(SOFFICE).toBeDefined();
    run([...customerArgs, "--formulas", "-o", "cf.xlsx"]);
    run([...salesArgs, "--formulas", "-o", "sf.xlsx"]);
    const [cf, sf] = recalculate(
      [readFileBytes(dir, "cf.xlsx"), readFileBytes(dir, "sf.xlsx")].map(withoutCachedValues),
    );
    const columns = liveFormulaColumns(customersGraded());
    expect(columns.map((col) => col.id)).toEqual(compiled(resultColumns(WITH_PERIODS)).map((col) => col.id));
    // The formulas give reasons for rows not graded only: the engine's notes on graded rows are not formulas.
    const c = await readSheet(cf);
    const start = SHAOXING_HEADERS.length;
    expectBlock(
      "CLI formulas",
      columns,
      "en",
      c.values[0].slice(start),
      withDays(
        columns,
        c.values.slice(1).map((r) => r.slice(start)),
      ),
      { res: customersGraded(), lang: "en" },
      inWorkbook,
    );
    const before = await readSheet(readFileBytes(dir, "cf.xlsx"));
    expect(before.formats[1].slice(start)).toEqual(declaredFormats(columns));
    const s = await readSheet(sf);
    const first = CUSTOMER_COLUMNS.length;
    expectBlock(
      "CLI sales formulas",
      liveFormulaColumns(salesGraded()),
      "en",
      s.values[0].slice(first),
      withDays(
        liveFormulaColumns(salesGraded()),
        s.values.slice(1).map((r) => r.slice(first)),
      ),
      { res: salesGraded(), lang: "en" },
      inWorkbook,
    );
  }, 300_000);
});

describe("the pane on the Excel double", () => {
  async function gradeIn(excel: FakeExcel, profile: Profile, asOf: string, lang: Lang, liveFormulas = false) {
    const flow = createGradingFlow((batch) => excel.run(batch));
    const { source, date1904, detection } = await flow.inspect();
    const request: GradeRequest = {
      source,
      date1904,
      detection,
      profile,
      asOf,
      unit: profile.monetaryUnit,
      lang,
      liveFormulas,
    };
    const outcome = await flow.grade(request, { askOverwrite: async () => "overwrite" });
    if (outcome.status !== "done") throw new Error(outcome.status);
    return outcome;
  }
  const customersSheet = () =>
    new FakeExcel({ sheets: { Sales: [SHAOXING_HEADERS, ...SHAOXING_ROWS] }, selection: "Sales!B3" });
  const salesSheet = () => new FakeExcel({ sheets: { Orders: [SALES_HEADERS, ...SALES] }, selection: "Orders!A2" });

  for (const lang of ["en", "zh"] as const) {
    test(`values (${lang}): a customer table graded, then graded again in place (compared), and sales records`, async () => {
      const excel = customersSheet();
      await gradeIn(excel, shaoxing, SHAOXING_AS_OF, lang);
      const first = resultColumns(WITH_PERIODS);
      const block = excel.read("Sales", `E1:${"EFGHIJKLMNOP"[first.length - 1]}6`);
      expectBlock("pane", first, lang, block[0], block.slice(1), { res: customersGraded(), lang }, inSheet);
      expect(excel.numberFormats("Sales", `E2:${"EFGHIJKLMNOP"[first.length - 1]}2`)[0]).toEqual(
        declaredFormats(first),
      );

      await gradeIn(excel, shaoxing, LATER_AS_OF, lang);
      const later = customersGraded(LATER_AS_OF);
      const earlier = customersGraded();
      const migration = compareGradings(
        later,
        {
          ids: customerIds,
          grades: customerIds.map((_, i) =>
            earlier.gradeIndex[i] < 0 ? "" : shaoxing.grades[earlier.gradeIndex[i]].grade,
          ),
        },
        customerIds,
      );
      const columns = resultColumns(COMPARED);
      const last = "EFGHIJKLMNOP"[columns.length - 1];
      const again = excel.read("Sales", `E1:${last}6`);
      expectBlock("pane again", columns, lang, again[0], again.slice(1), { res: later, lang, migration }, inSheet);
      expect(excel.numberFormats("Sales", `E2:${last}2`)[0]).toEqual(declaredFormats(columns));

      const sales = salesSheet();
      const done = await gradeIn(sales, wuhan, SALES_AS_OF, lang);
      const out = sales.read(done.written.sheetName);
      const k = CUSTOMER_COLUMNS.length;
      expect(out[0].slice(0, k)).toEqual(CUSTOMER_COLUMNS.map((c) => c.header[lang]));
      expectBlock(
        "pane sales",
        first,
        lang,
        out[0].slice(k),
        out.slice(1).map((r) => r.slice(k)),
        { res: salesGraded(), lang },
        inSheet,
      );
      expect(sales.numberFormats(done.written.sheetName, `A2:${"ABCDEFGHIJKLMNOP"[k + first.length - 1]}2`)[0]).toEqual(
        [...CUSTOMER_COLUMNS.map((c) => c.format ?? "General"), ...declaredFormats(first)],
      );
    });
  }

  test("live formulas, recalculated by LibreOffice: the columns that have a formula, as declared", async () => {
    expect(SOFFICE).toBeDefined();
    // Formulas read a date typed as text ("2026/1/11") as text, as the spreadsheet does: here it is the date Excel
    // makes of it when typed (2026-01-11, serial 46033), so that the formulas and the engine read the same table.
    const customers = new FakeExcel({
      sheets: { Sales: [SHAOXING_HEADERS, ...SHAOXING_ROWS.map((r) => r.map((v) => (v === "2026/1/11" ? 46033 : v)))] },
      selection: "Sales!B3",
    });
    await gradeIn(customers, shaoxing, SHAOXING_AS_OF, "en", true);
    const columns = liveFormulaColumns(customersGraded());
    const last = "EFGHIJKLMNOP"[columns.length - 1];
    expect(customers.numberFormats("Sales", `E2:${last}2`)[0]).toEqual(declaredFormats(columns));
    const sales = salesSheet();
    const done = await gradeIn(sales, wuhan, SALES_AS_OF, "en", true);
    const salesSheetIndex = sales.sheetNames().indexOf(done.written.sheetName);
    const [c, s] = recalculate(
      [await saveAsXlsx(customers, false), await saveAsXlsx(sales, false)].map(withoutCachedValues),
    );
    const cv = (await readSheet(c, customers.sheetNames().indexOf("Sales"))).values;
    expectBlock(
      "pane live",
      columns,
      "en",
      cv[0].slice(4),
      withDays(
        columns,
        cv.slice(1).map((r) => r.slice(4)),
      ),
      { res: customersGraded(), lang: "en" },
      inWorkbook,
    );
    const sv = (await readSheet(s, salesSheetIndex)).values;
    const k = CUSTOMER_COLUMNS.length;
    const salesColumns = liveFormulaColumns(salesGraded());
    expectBlock(
      "pane sales live",
      salesColumns,
      "en",
      sv[0].slice(k),
      withDays(
        salesColumns,
        sv.slice(1).map((r) => r.slice(k)),
      ),
      { res: salesGraded(), lang: "en" },
      inWorkbook,
    );
  }, 300_000);
});

describe("the custom functions' spills", () => {
  beforeEach(() => installRuntime({ language: "en-US" }));
  afterAll(() => removeRuntime());

  test("RFM.SCORES: a header row over the data gets the spill columns' titles, each row their values", async () => {
    const col = (k: number) => column(SHAOXING_HEADERS[k], ...SHAOXING_ROWS.map((r) => r[k]));
    const out = (await scores(col(1), col(2), col(3), "shaoxing", SHAOXING_AS_OF, null as never)) as unknown[][];
    const graded = customersGraded();
    // Rows not graded spill #VALUE! with the reason in every cell: compare the graded ones.
    const rows = out
      .slice(1)
      .map((row, i) => (graded.gradeIndex[i] < 0 ? SPILL_COLUMNS.map((c) => inSheet(c, null)) : row));
    expectBlock("RFM.SCORES", SPILL_COLUMNS, "en", out[0], rows, { res: graded, lang: "en" }, inSheet);
  });

  test("RFM.SALES: the customer columns, then the spill columns", async () => {
    const col = (k: number) => column(SALES_HEADERS[k], ...SALES.map((r) => r[k]));
    const out = (await salesFunction(
      col(0),
      col(1),
      col(2),
      "wuhan",
      SALES_AS_OF,
      null,
      null as never,
      true,
    )) as unknown[][];
    const res = salesGraded();
    const k = CUSTOMER_COLUMNS.length;
    expect(out[0].slice(0, k)).toEqual(CUSTOMER_COLUMNS.map((c) => c.header.en));
    const rows = out
      .slice(1, 1 + res.n)
      .map((row, j) => (res.gradeIndex[j] < 0 ? SPILL_COLUMNS.map((c) => inSheet(c, null)) : row.slice(k)));
    expectBlock("RFM.SALES", SPILL_COLUMNS, "en", out[0].slice(k), rows, { res, lang: "en" }, inSheet);
  });
});

describe("the SQL query on DuckDB", () => {
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(":memory:")).connect();
    const day = (v: unknown) => {
      const d = parseDay(v);
      return d === null ? "NULL" : `DATE '${formatDay(d)}'`;
    };
    const text = (v: unknown) => `'${String(v).replace(/'/g, "''")}'`;
    await connection.run(`CREATE TABLE customers (id VARCHAR, "date" DATE, "count" DECIMAL(10, 2), total DECIMAL(10, 2));
      INSERT INTO customers VALUES ${SHAOXING_ROWS.map((r) => `(${text(r[0])}, ${day(r[1])}, ${r[2]}, ${r[3]})`).join(", ")}`);
    await connection.run(`CREATE TABLE sales (id VARCHAR, "date" DATE, amount DECIMAL(10, 2));
      INSERT INTO sales VALUES ${SALES.map((r) => `(${text(r[0])}, ${day(r[1])}, ${r[2]})`).join(", ")}`);
  });
  afterAll(() => connection?.closeSync());

  /** The query's rows as DuckDB returns them, every value as text (null for NULL). */
  async function rowsOf(sql: string): Promise<{ names: string[]; rows: (string | null)[][] }> {
    const reader = await connection.runAndReadAll(sql);
    const names = reader.columnNames();
    const rows = reader.getRowObjectsJson().map((row) => names.map((n) => (row[n] === null ? null : String(row[n]))));
    return { names, rows };
  }

  /** In the query's result: numbers compare as numbers (DECIMAL prints 3 as 3.0), dates as YYYY-MM-DD. */
  const inQuery: FaceForm = (c, v) =>
    v === null ? null : c.kind === "decimal" || c.kind === "integer" ? Number(v) : resultText(c, v);

  test.each([
    ["customers", () => compileSql(shaoxing, { input: "customers", asOf: SHAOXING_AS_OF }), customersGraded],
    ["sales", () => compileSql(wuhan, { asOf: SALES_AS_OF }), salesGraded],
  ] as const)(
    "%s: the declared columns that apply, in order, but the comparison (no previous grading in a query)",
    async (_, sql, graded) => {
      const { names, rows } = await rowsOf(sql());
      const res = graded();
      const columns = compiled(resultColumns(WITH_PERIODS));
      expect(names.slice(0, 4)).toEqual(["customer_id", "last_order_date", "purchases", "amount"]);
      expect(names.length).toBe(4 + columns.length);
      const values = rows.map((row) =>
        row
          .slice(4)
          .map((v, k) => (v === null || columns[k].kind === "text" || columns[k].kind === "date" ? v : Number(v))),
      );
      // The query names its columns as SQL identifiers (r_score …): the values, column by column, show the order. The
      // note is a reason code there: compared by presence, as everywhere.
      expectBlock(
        "SQL",
        columns,
        "en",
        columns.map((c) => c.header.en),
        values,
        { res, lang: "en" },
        inQuery,
      );
    },
  );
});
