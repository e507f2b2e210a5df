/** The Office-facing bits: UI language, the workbook's date system (read once per burst of calls), Excel errors. */
import { FormulaInputError } from "../../src/functions/formulaMessages";
import {
  EXCEL_RETRY_DELAYS_MS,
  setExcelRetryDelays,
  uiLanguage,
  workbookUses1904,
  valueError,
} from "../../src/functions/officeHost";
import { FakeFormulaError, installRuntime, removeRuntime } from "./fakeRuntime";

const DEFAULT_DELAYS = EXCEL_RETRY_DELAYS_MS;
afterAll(() => {
  setExcelRetryDelays(DEFAULT_DELAYS);
  removeRuntime();
});

describe("uiLanguage", () => {
  test.each([
    ["zh-CN", "zh"],
    ["zh-SG", "zh"],
    ["zh-TW", "zh-TW"],
    ["zh-HK", "zh-TW"],
    ["zh-MO", "zh-TW"],
    ["ZH-cn", "zh"],
    ["en-US", "en"],
    ["de-DE", "en"],
  ])("%s -> %s", (displayLanguage, expected) => {
    installRuntime({ language: displayLanguage });
    expect(uiLanguage()).toBe(expected);
  });

  test("English outside Office", () => {
    installRuntime({ language: null });
    expect(uiLanguage()).toBe("en");
  });
});

describe("workbookUses1904", () => {
  test.each([true, false])("date1904 = %p, read through the workbook's DATE(1904,1,1)", async (date1904) => {
    const runtime = installRuntime({ date1904, hostAnswers: "dateFunction" });
    expect(await workbookUses1904()).toBe(date1904);
    expect(runtime.excelRuns()).toBe(1);
  });

  test("a burst of calls shares one read; a later call reads again", async () => {
    const runtime = installRuntime({ date1904: true });
    const t0 = 1_000_000;
    const answers = await Promise.all([workbookUses1904(t0), workbookUses1904(t0 + 10), workbookUses1904(t0 + 1999)]);
    expect(answers).toEqual([true, true, true]);
    expect(runtime.excelRuns()).toBe(1);
    await workbookUses1904(t0 + 5000);
    expect(runtime.excelRuns()).toBe(2);
  });

  test("outside Excel (no Excel global, no workbook) serials are read in the 1900 system", async () => {
    installRuntime({ date1904: null });
    await expect(workbookUses1904()).resolves.toBe(false);
  });
});

describe("workbookUses1904 never guesses", () => {
  beforeEach(() => setExcelRetryDelays([1, 2, 3]));
  afterEach(() => setExcelRetryDelays(DEFAULT_DELAYS));

  test("a host busy for a moment (two failed runs) answers on a retry", async () => {
    const runtime = installRuntime({ date1904: true, busyRuns: 2 });
    await expect(workbookUses1904()).resolves.toBe(true);
    expect(runtime.excelRuns()).toBe(3);
  });

  test("a host that stays busy (a cell being edited): rejects with the message, after the retries", async () => {
    const runtime = installRuntime({ date1904: true, busyRuns: Infinity });
    const failure = workbookUses1904().then(
      () => null,
      (err: unknown) => err,
    );
    const err = await failure;
    expect(err).toBeInstanceOf(FormulaInputError);
    expect((err as FormulaInputError).text.en).toMatch(/1900 or the 1904 date system.*calculates again/);
    expect((err as FormulaInputError).text.zh).toMatch(/1900 还是 1904 日期系统/);
    expect(runtime.excelRuns()).toBe(4); // the first try and three retries
  });

  test("a failure is not kept: the next call asks Excel again and succeeds once the edit is over", async () => {
    const runtime = installRuntime({ date1904: true, busyRuns: 4 });
    const t0 = 5_000_000;
    await expect(workbookUses1904(t0)).rejects.toBeInstanceOf(FormulaInputError);
    await expect(workbookUses1904(t0 + 1)).resolves.toBe(true);
    expect(runtime.excelRuns()).toBe(5);
  });

  test("a host without the DATE function (ExcelApi 1.2) is not assumed to be on 1900 either", async () => {
    installRuntime({ date1904: true, hostAnswers: "none" });
    await expect(workbookUses1904()).rejects.toBeInstanceOf(FormulaInputError);
  });

  test("by default a few retries, each waiting longer, under a second in all", () => {
    expect(DEFAULT_DELAYS.length).toBeGreaterThanOrEqual(2);
    expect([...DEFAULT_DELAYS].sort((a, b) => a - b)).toEqual(DEFAULT_DELAYS);
    expect(DEFAULT_DELAYS.reduce((a, b) => a + b, 0)).toBeLessThan(1000);
  });
});

test("valueError is a #VALUE! CustomFunctions.Error carrying the message", () => {
  installRuntime();
  const err = valueError("why") as unknown;
  expect(err).toBeInstanceOf(FakeFormulaError);
  expect(err).toMatchObject({ code: "#VALUE!", message: "why" });
});
