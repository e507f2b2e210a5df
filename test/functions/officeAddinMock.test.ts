/**
 * The date-system read against office-addin-mock (loaded through test/stubs/office-addin-manifest.ts): the workbook's
 * DATE(1904,1,1) is 0 in the 1904 system. The mock answers a property read before load + sync with an error text, so
 * only a correct load/sync order yields `true`.
 */
import { OfficeMockObject } from "office-addin-mock";
import { forgetWorkbookSettings, workbookUses1904 } from "../../src/functions/officeHost";

const globals = globalThis as Record<string, unknown>;

function excelWith(date1904: boolean, host: string): void {
  // DATE's result hangs off the context so that the context's sync() reaches it.
  const context = new OfficeMockObject({
    host,
    dateResult: { value: date1904 ? 0 : 1462 },
    workbook: { functions: {} },
  });
  const mock = context as unknown as { dateResult: unknown; workbook: { functions: { date: () => unknown } } };
  mock.workbook.functions.date = () => mock.dateResult;
  globals.Excel = { run: async <T>(batch: (c: unknown) => Promise<T>) => batch(context) };
  forgetWorkbookSettings();
}

afterAll(() => {
  delete globals.Excel;
  forgetWorkbookSettings();
});

test("an Excel host's mock enforces load and sync, and the 1904 setting is read through them", async () => {
  const probe = new OfficeMockObject({ host: "excel", dateResult: { value: 0 } }) as unknown as {
    dateResult: { value: unknown };
  };
  expect(probe.dateResult.value).not.toBe(0); // Excel semantics: not readable before load + sync

  excelWith(true, "excel");
  await expect(workbookUses1904()).resolves.toBe(true);
  excelWith(false, "excel");
  await expect(workbookUses1904()).resolves.toBe(false);
});

test("the stub tells Outlook (no load semantics) from Excel, as office-addin-mock needs", () => {
  const outlook = new OfficeMockObject({ host: "outlook", item: { subject: "x" } }) as unknown as {
    item: { subject: unknown };
  };
  expect(outlook.item.subject).toBe("x");
});
