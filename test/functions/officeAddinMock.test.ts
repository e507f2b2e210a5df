/**
 * The date-system read against office-addin-mock (loaded through test/stubs/office-addin-manifest.ts). The mock
 * workbook has no `functions`, so this exercises the `use1904DateSystem` fallback; the mock answers a property read
 * before load + sync with an error text, so only a correct load/sync order yields `true`.
 */
import { OfficeMockObject } from "office-addin-mock";
import { forgetWorkbookSettings, workbookUses1904 } from "../../src/functions/officeHost";

const globals = globalThis as Record<string, unknown>;

function excelWith(date1904: boolean, host: string): void {
  const context = new OfficeMockObject({ host, workbook: { use1904DateSystem: date1904 } });
  globals.Excel = { run: async <T>(batch: (c: unknown) => Promise<T>) => batch(context) };
  forgetWorkbookSettings();
}

afterAll(() => {
  delete globals.Excel;
  forgetWorkbookSettings();
});

test("an Excel host's mock enforces load and sync, and the 1904 setting is read through them", async () => {
  const probe = new OfficeMockObject({ host: "excel", workbook: { use1904DateSystem: true } }) as unknown as {
    workbook: { use1904DateSystem: unknown };
  };
  expect(probe.workbook.use1904DateSystem).not.toBe(true); // Excel semantics: not readable before load + sync

  excelWith(true, "excel");
  await expect(workbookUses1904()).resolves.toBe(true);
  excelWith(false, "excel");
  await expect(workbookUses1904()).resolves.toBe(false);
});

test("the stub tells Outlook (no load semantics) from Excel, as office-addin-mock needs", () => {
  const outlook = new OfficeMockObject({ host: "outlook", item: { subject: "x" } }) as unknown as { item: { subject: unknown } };
  expect(outlook.item.subject).toBe("x");
});
