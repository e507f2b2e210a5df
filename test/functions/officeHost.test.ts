/** The Office-facing bits: UI language, the workbook's date system (read once per burst of calls), Excel errors. */
import { uiLanguage, workbookUses1904, valueError } from "../../src/functions/officeHost";
import { FakeFormulaError, installRuntime, removeRuntime } from "./fakeRuntime";

afterAll(() => removeRuntime());

describe("uiLanguage", () => {
  test.each([
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
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

  test("a host that cannot tell means the 1900 system, without failing the formula", async () => {
    installRuntime({ date1904: true, hostAnswers: "none" });
    await expect(workbookUses1904()).resolves.toBe(false);
  });
});

test("valueError is a #VALUE! CustomFunctions.Error carrying the message", () => {
  installRuntime();
  const err = valueError("why") as unknown;
  expect(err).toBeInstanceOf(FakeFormulaError);
  expect(err).toMatchObject({ code: "#VALUE!", message: "why" });
});
