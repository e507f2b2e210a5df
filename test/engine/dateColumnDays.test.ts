import { dateColumnDays, daysAfter, parseDateText } from "../../src/engine";

const day = (text: string) => parseDateText(text) as number;

describe("a date column read before grading", () => {
  // 45839 is 2025-07-01 and 46096 is 2026-03-15 in Excel's 1900 system; the texts and serials are mixed as in a sheet.
  const cells = [45839, "2025-06-30", null, "not a date", 46096, "2026-01-02", "#N/A", 45839];

  it("knows the latest day and ignores what is no date", () => {
    const column = dateColumnDays(cells);
    expect(column.latestDay).toBe(day("2026-03-15"));
    expect(column.sorted.length).toBe(5);
  });

  it("counts the days strictly after an analysis date", () => {
    const column = dateColumnDays(cells);
    expect(daysAfter(column, day("2025-07-01"))).toBe(2); // 2026-01-02 and 2026-03-15; 2025-07-01 itself is not after
    expect(daysAfter(column, day("2025-06-29"))).toBe(5);
    expect(daysAfter(column, day("2026-03-15"))).toBe(0);
  });

  it("reads serials in the 1904 system", () => {
    // 44377 in the 1904 system is 1462 days later than in the 1900 system: 2025-07-01.
    expect(dateColumnDays([44377], true).latestDay).toBe(day("2025-07-01"));
  });

  it("has no latest day when the column holds no date", () => {
    const column = dateColumnDays(["合计", "", null]);
    expect(column.latestDay).toBeNull();
    expect(daysAfter(column, day("2025-07-01"))).toBe(0);
  });
});
