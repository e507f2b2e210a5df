/**
 * A smoke test of the adapter against Microsoft's office-addin-mock (through test/stubs/office-addin-manifest.ts):
 * the mock is a property bag with Office's load/sync rule, independent of our grid fake, so it checks that the
 * date-system read loads before it reads and syncs before it looks.
 */
import { OfficeMockObject } from "office-addin-mock";
import { isDate1904 } from "../../src/excel";

function contextWhereDate19040101Is(serial: number): Excel.RequestContext {
  const data = {
    host: "excel",
    workbook: {
      functions: {
        result: { value: serial },
        date(this: { result: unknown }, year: number, month: number, day: number) {
          expect([year, month, day]).toEqual([1904, 1, 1]);
          return this.result;
        },
      },
    },
  };
  return new OfficeMockObject(data) as unknown as Excel.RequestContext;
}

test("the 1904 date system is read through load and sync (office-addin-mock)", async () => {
  const unread = new OfficeMockObject({
    host: "excel",
    workbook: { functions: { result: { value: 0 } } },
  }) as unknown as {
    workbook: { functions: { result: { value: unknown } } };
  };
  expect(unread.workbook.functions.result.value).not.toBe(0); // the mock refuses a read before load + sync
  await expect(isDate1904(contextWhereDate19040101Is(0))).resolves.toBe(true);
  await expect(isDate1904(contextWhereDate19040101Is(1462))).resolves.toBe(false);
});
