/**
 * The adapter's reads feed the engine as they are: serial dates in either date system, numbers, texts, error texts.
 * Expected scores are worked by hand from RULES.md §6 (shaoxing, as-of 2025-07-01).
 */
import { builtinProfile, detectColumns, gradeCustomers, gradeLetter, scoreText } from "../../src/engine";
import { isDate1904, locateSource, readColumns } from "../../src/excel";
import { FakeExcel } from "./fake";

const SERIAL_2025_06_26 = 45834; // 1900 system: 2025-07-01 is 45839, five days later
const SERIAL_2025_06_06 = 45814; // 25 days before the as-of date
const DAYS_1900_TO_1904 = 1462;

function sheet(offset: number): unknown[][] {
  return [
    ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额"],
    // D = 5 -> r 5; S = 20 -> f 5; Z = 9 -> m 5; X = 1.5 + 2.0 + 3.0 = 6.5 -> A
    ["K1", SERIAL_2025_06_26 - offset, 20, 9],
    // D = 25 -> r 3; S = 3 -> f 2; Z = 2 -> m 2; X = 0.9 + 0.8 + 1.2 = 2.9 -> C
    ["K2", SERIAL_2025_06_06 - offset, 3, 2],
    // an Excel error in the count: not graded
    ["K3", SERIAL_2025_06_06 - offset, "#N/A", 2],
  ];
}

describe.each([
  ["1900", false, 0],
  ["1904", true, DAYS_1900_TO_1904],
])("reading a customer sheet in the %s date system and grading it", (_name, date1904, offset) => {
  it("gives the scores worked by hand", async () => {
    const excel = new FakeExcel({ sheets: { Kunden: sheet(offset) }, selection: "Kunden!B3", date1904 });
    const { columns, uses1904 } = await excel.run(async (ctx) => {
      const source = await locateSource(ctx);
      const m = detectColumns(source.headers).mapping;
      return {
        columns: await readColumns(ctx, source, [m.id!, m.date!, m.count!, m.total!]),
        uses1904: await isDate1904(ctx),
      };
    });
    expect(uses1904).toBe(date1904);
    const [ids, lastDates, counts, totals] = columns;
    const res = gradeCustomers({ ids, lastDates, counts, totals }, builtinProfile("shaoxing")!, {
      asOf: "2025-07-01",
      date1904: uses1904,
    });
    expect([0, 1, 2].map((i) => [scoreText(res, i), gradeLetter(res, i)])).toEqual([
      ["6.5", "A"],
      ["2.9", "C"],
      ["", null],
    ]);
    expect(res.issues.find((x) => x.index === 2)?.code).toBe("errorValue");
  });
});
