import { dateTimeFromSerial, dayToSerial, formatDay, parseDay, todayDay } from "../../src/engine";
import { dayOf } from "./helpers";

// Excel's 1900 system counts 1900-01-01 as serial 1 and invents 1900-02-29 as serial 60, so from serial 61 on
// a serial is the number of days since 1899-12-30: 2025-07-01 is 25569 (1970-01-01) + 20089 (to 2025-01-01:
// 55*365 + 14 leap days) + 181 (Jan..Jun) = 45839. The 1904 system starts at 1904-01-01 = 0, 1462 days later.
describe("parseDay: Excel serials", () => {
  it.each([
    [45839, "2025-07-01"],
    [45838, "2025-06-30"],
    [45658, "2025-01-01"],
    [25569, "1970-01-01"],
    [61, "1900-03-01"],
    [59, "1900-02-28"],
    [1, "1900-01-01"],
  ])("1900 system: %p is %s", (serial, iso) => {
    expect(parseDay(serial)).toBe(dayOf(iso));
    expect(parseDay(serial, false)).toBe(dayOf(iso));
  });

  it.each([
    [0, "1904-01-01"],
    [1, "1904-01-02"],
    [44377, "2025-07-01"], // 45839 - 1462
  ])("1904 system: %p is %s", (serial, iso) => {
    expect(parseDay(serial, true)).toBe(dayOf(iso));
  });

  it.each([
    [45839.0001, "2025-07-01"],
    [45839.5, "2025-07-01"],
    [45839.99999, "2025-07-01"],
  ])("a serial with a time of day (%p) counts as its day", (serial, iso) => {
    expect(parseDay(serial)).toBe(dayOf(iso));
  });

  it("a time of day also counts as its day in the 1904 system", () => {
    expect(parseDay(44377.75, true)).toBe(dayOf("2025-07-01"));
  });
});

describe("dateTimeFromSerial: the day and time of day a serial stands for (what is shown and written back)", () => {
  const at = (iso: string) => Date.parse(`${iso}Z`);
  it.each([
    [45839, false, "2025-07-01T00:00:00"],
    [45839.75, false, "2025-07-01T18:00:00"],
    [44377.75, true, "2025-07-01T18:00:00"],
    [1, false, "1900-01-01T00:00:00"],
    [59.5, false, "1900-02-28T12:00:00"],
    [61, false, "1900-03-01T00:00:00"],
    [0, true, "1904-01-01T00:00:00"],
  ])("%p (1904: %p) is %s", (serial, date1904, iso) => {
    expect(dateTimeFromSerial(serial, date1904)).toBe(at(iso));
  });

  it("its day is always the day parseDay grades, even a hair before midnight", () => {
    for (const serial of [45839.9999999999, 45839.99999999, 1.99999999999]) {
      const ms = dateTimeFromSerial(serial)!;
      expect(Math.floor(ms / 86_400_000)).toBe(parseDay(serial));
    }
  });

  it("serials that are no day Excel shows are null: 0 and 60 (1900-02-29) in the 1900 system, negatives, past 9999", () => {
    expect([0, 60, 60.5, -1, 2958466, NaN].map((s) => dateTimeFromSerial(s))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(dateTimeFromSerial(-1, true)).toBeNull();
  });
});

describe("parseDay: text", () => {
  it.each([
    ["2025-07-01", "2025-07-01"],
    ["2025/7/1", "2025-07-01"],
    ["2025/07/01", "2025-07-01"],
    ["2025年7月1日", "2025-07-01"],
    ["2025年07月01日", "2025-07-01"],
    ["2024-02-29", "2024-02-29"],
    ["2021/9/1", "2021-09-01"],
    ["2025-12-31", "2025-12-31"],
    [" 2025-07-01 ", "2025-07-01"],
    // an order *time* (下单时间) counts as its day: D is whole calendar days, time of day ignored (RULES.md §1)
    ["2025-07-01 23:59:59", "2025-07-01"],
    ["2025/7/1 8:05", "2025-07-01"],
  ])("%p is %s", (text, iso) => {
    expect(parseDay(text)).toBe(dayOf(iso));
  });

  it.each([
    "2025-02-30",
    "2025-02-29", // 2025 is not a leap year
    "2025-13-01",
    "2025-00-10",
    "2025/4/31",
    "2025年2月30日",
    "2025-7-1-1",
    "July 1st",
    "abc",
    "",
    "   ",
    "#N/A",
  ])("%p is not a date", (text) => {
    expect(parseDay(text)).toBeNull();
  });

  it("1900 is not a leap year in text either", () => {
    expect(parseDay("1900-02-29")).toBeNull();
  });
});

describe("parseDay: JS Dates and other cells", () => {
  it("a Date is read by its UTC calendar fields, time ignored", () => {
    expect(parseDay(new Date(Date.UTC(2025, 6, 1)))).toBe(dayOf("2025-07-01"));
    expect(parseDay(new Date(Date.UTC(2025, 6, 1, 23, 59, 59)))).toBe(dayOf("2025-07-01"));
    expect(parseDay(new Date(Date.UTC(2024, 1, 29, 12)))).toBe(dayOf("2024-02-29"));
  });

  it("an invalid Date is not a date", () => {
    expect(parseDay(new Date(Number.NaN))).toBeNull();
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["true", true],
    ["an error object", { error: "#N/A" }],
    ["an error object with code", { code: "#VALUE!" }],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("%s is not a date", (_name, cell) => {
    expect(parseDay(cell)).toBeNull();
  });
});

describe("formatDay, dayToSerial, todayDay", () => {
  it.each(["1970-01-01", "2025-07-01", "2021-09-01", "2024-02-29", "1900-03-01", "1969-12-31"])(
    "formatDay gives back %s",
    (iso) => {
      expect(formatDay(dayOf(iso))).toBe(iso);
    },
  );

  it("formatDay pads month and day", () => {
    expect(formatDay(dayOf("2025-01-05"))).toBe("2025-01-05");
  });

  it("dayToSerial is the inverse of the serial reading, in both systems", () => {
    expect(dayToSerial(dayOf("2025-07-01"))).toBe(45839);
    expect(dayToSerial(dayOf("2025-07-01"), false)).toBe(45839);
    expect(dayToSerial(dayOf("2025-07-01"), true)).toBe(44377);
    expect(dayToSerial(dayOf("1904-01-01"), true)).toBe(0);
    expect(dayToSerial(dayOf("1900-03-01"))).toBe(61);
  });

  it("todayDay is the local calendar date of `now`", () => {
    // Built from local fields, so whatever this machine's time zone, the local date is 2025-07-01.
    expect(todayDay(new Date(2025, 6, 1, 0, 5))).toBe(dayOf("2025-07-01"));
    expect(todayDay(new Date(2025, 6, 1, 23, 55))).toBe(dayOf("2025-07-01"));
  });

  it("todayDay without an argument is today's local date", () => {
    const now = new Date();
    const expected = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000;
    // a run that straddles midnight may see the next day
    expect([expected, expected + 1]).toContain(todayDay());
  });
});
