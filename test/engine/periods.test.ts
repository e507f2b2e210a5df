/**
 * Contact periods (RULES.md §5): next contact by = analysis date + the grade's period; adding months keeps the day or
 * falls back to the month's last day. Expected dates are worked out on the calendar by hand and read with Date.UTC.
 */
import {
  addPeriod,
  builtinProfile,
  formatDay,
  gradeCustomers,
  hasContactPeriods,
  nextContactDay,
  parseProfile,
  periodText,
  validateProfile,
} from "../../src/engine";
import type { ContactPeriod } from "../../src/engine";
import { customerColumns, dayOf } from "./helpers";

const add = (from: string, period: ContactPeriod) => formatDay(addPeriod(dayOf(from), period));

describe("addPeriod", () => {
  it.each([
    ["2026-01-31", { months: 1 }, "2026-02-28"], // Jan 31 + 1 month: February has 28 days in 2026
    ["2028-01-31", { months: 1 }, "2028-02-29"], // ... and 29 in the leap year 2028
    ["2025-03-31", { months: 1 }, "2025-04-30"],
    ["2025-08-31", { months: 6 }, "2026-02-28"], // across a year end
    ["2025-11-30", { months: 3 }, "2026-02-28"],
    ["2024-02-29", { months: 12 }, "2025-02-28"], // a leap day plus a year
    ["2025-12-15", { months: 1 }, "2026-01-15"], // the day is kept when the month has it
    ["2026-01-30", { months: 1 }, "2026-02-28"],
    ["2025-07-01", { months: 1200 }, "2125-07-01"],
    ["2025-12-25", { days: 14 }, "2026-01-08"],
    ["2025-02-28", { days: 1 }, "2025-03-01"],
    ["2024-02-28", { days: 1 }, "2024-02-29"],
  ] as [string, ContactPeriod, string][])("%s + %j = %s", (from, period, expected) => {
    expect(add(from, period)).toBe(expected);
  });
});

describe("built-in periods (RULES.md §6)", () => {
  it("shaoxing: A 1, B 3, C 6 months", () => {
    expect(builtinProfile("shaoxing")!.grades.map((g) => [g.grade, g.cadence.every])).toEqual([
      ["A", { months: 1 }],
      ["B", { months: 3 }],
      ["C", { months: 6 }],
    ]);
  });

  it("wuhan: A 1, B 3, C 6, D 12 months", () => {
    expect(builtinProfile("wuhan")!.grades.map((g) => [g.grade, g.cadence.every])).toEqual([
      ["A", { months: 1 }],
      ["B", { months: 3 }],
      ["C", { months: 6 }],
      ["D", { months: 12 }],
    ]);
  });

  it("a profile without periods has none; the built-ins have them", () => {
    const plain = JSON.parse(JSON.stringify(builtinProfile("shaoxing")));
    for (const g of plain.grades) delete g.cadence.every;
    expect(hasContactPeriods(parseProfile(plain))).toBe(false);
    expect(hasContactPeriods(builtinProfile("shaoxing")!)).toBe(true);
    expect(hasContactPeriods(builtinProfile("wuhan")!)).toBe(true);
  });
});

describe("next contact by", () => {
  // Shaoxing: r5 f5 m5 → X 6.5 (A); r4 f4 m4 → 5.2 (B); r1 f1 m1 → 1.3 (C).
  const asOf = "2026-01-31";
  const rows = [
    { id: "A1", d: 5, s: 20, z: 10 },
    { id: "B1", d: 15, s: 12, z: 6 },
    { id: "C1", d: 60, s: 1, z: 0.5 },
    { id: "bad", d: 1, s: 2.5, z: 1 },
  ];

  it("is the analysis date plus the grade's period, month ends falling back", () => {
    const res = gradeCustomers(customerColumns(rows, asOf), builtinProfile("shaoxing")!, { asOf });
    const next = rows.map((_, i) => nextContactDay(res, i));
    expect(next.map((d) => (d === null ? null : formatDay(d)))).toEqual([
      "2026-02-28",
      "2026-04-30",
      "2026-07-31",
      null,
    ]);
  });

  it("a grade without a period has no next contact date", () => {
    const doc = JSON.parse(JSON.stringify(builtinProfile("shaoxing")));
    delete doc.grades[2].cadence.every;
    doc.grades[1].cadence.every = { days: 14 };
    const res = gradeCustomers(customerColumns(rows, asOf), parseProfile(doc), { asOf });
    expect([0, 1, 2].map((i) => nextContactDay(res, i)).map((d) => (d === null ? null : formatDay(d)))).toEqual([
      "2026-02-28",
      "2026-02-14",
      null,
    ]);
  });
});

describe("period validation names the field, in English and Chinese", () => {
  function issuesWith(every: unknown, grade = 0) {
    const doc = JSON.parse(JSON.stringify(builtinProfile("shaoxing")));
    doc.grades[grade].cadence.every = every;
    return validateProfile(doc);
  }

  it.each([{ months: 1 }, { months: 1200 }, { days: 1 }, { days: 14 }, { days: 36500 }])("accepts %j", (every) => {
    expect(issuesWith(every)).toEqual([]);
  });

  it.each([
    [{ months: 0 }, "grades[0].cadence.every.months"],
    [{ months: -1 }, "grades[0].cadence.every.months"],
    [{ months: 1.5 }, "grades[0].cadence.every.months"],
    [{ months: "1" }, "grades[0].cadence.every.months"],
    [{ months: 1201 }, "grades[0].cadence.every.months"],
    [{ days: 0 }, "grades[0].cadence.every.days"],
    [{ days: 36501 }, "grades[0].cadence.every.days"],
  ])("refuses %j at %s with a whole-number message", (every, field) => {
    const issues = issuesWith(every);
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(issues[0].message.en).toMatch(
      new RegExp(`^${field.replace(/[.[\]]/g, "\\$&")} must be a whole number from 1 to \\d+$`),
    );
    expect(issues[0].message.zh).toMatch(/必须是 1 到 \d+ 之间的整数$/);
  });

  it("refuses an unknown unit and a period with no unit", () => {
    const issues = issuesWith({ weeks: 2 }, 1);
    expect(issues.map((i) => i.field)).toEqual(["grades[1].cadence.every.weeks", "grades[1].cadence.every"]);
    expect(issues[0].message.en).toContain("is not a period unit (months or days)");
    expect(issues[1].message.zh).toContain("必须且只能给出");
  });

  it("refuses both units at once, and a period that is not an object", () => {
    expect(issuesWith({ months: 1, days: 3 }).map((i) => i.field)).toEqual(["grades[0].cadence.every"]);
    expect(issuesWith("monthly").map((i) => [i.field, i.message.en])).toEqual([
      ["grades[0].cadence.every", 'grades[0].cadence.every must be an object such as {"months": 1} or {"days": 14}'],
    ]);
    expect(issuesWith(null)[0].field).toBe("grades[0].cadence.every");
  });
});

describe("periodText", () => {
  it("says the period in every language", () => {
    expect(periodText({ months: 1 })).toEqual({ en: "every month", zh: "每月", "zh-TW": "每月" });
    expect(periodText({ months: 3 })).toEqual({ en: "every 3 months", zh: "每 3 个月", "zh-TW": "每 3 個月" });
    expect(periodText({ days: 14 })).toEqual({ en: "every 14 days", zh: "每 14 天", "zh-TW": "每 14 天" });
  });
});
