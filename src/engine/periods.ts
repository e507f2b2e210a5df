/**
 * Contact periods (spec §6): a grade's cadence may say how long until the customer is due for contact again, and the
 * next contact date is the analysis date plus that period. This is the only place the calendar rule lives; the
 * formula compiler writes the same rule as EDATE (which also keeps the day or falls back to the month's last day).
 */
import { civilFromDay, dayFromCivil } from "./dates";
import type { GradeResult } from "./grade";
import type { ContactPeriod, Localized, Profile } from "./types";

/** The largest period accepted: a century, in either unit, so a date stays far inside Excel's calendar. */
export const MAX_PERIOD = { months: 1200, days: 36_500 } as const;

function daysInMonth(year: number, month: number): number {
  return dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromCivil(year, month, 1);
}

/**
 * `day` plus the period. Adding months keeps the day of the month, or falls back to the month's last day when the
 * target month is shorter: 2026-01-31 + 1 month = 2026-02-28, 2028-01-31 + 1 month = 2028-02-29.
 */
export function addPeriod(day: number, period: ContactPeriod): number {
  if ("days" in period) return day + period.days;
  const { year, month, day: dom } = civilFromDay(day);
  const index = year * 12 + (month - 1) + period.months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(dom, daysInMonth(y, m)));
}

/** True when at least one grade of the profile carries a period, so results gain a next-contact date. */
export function hasContactPeriods(profile: Profile): boolean {
  return profile.grades.some((g) => g.cadence.every !== undefined);
}

/** When row i of a result is due for contact again (analysis date + its grade's period); null without one. */
export function nextContactDay(res: GradeResult, i: number): number | null {
  const g = res.gradeIndex[i];
  if (g < 0) return null;
  const every = res.profile.grades[g].cadence.every;
  return every === undefined ? null : addPeriod(res.asOfDay, every);
}

/** "every 3 months" / "每 3 个月", "every 14 days" / "每 14 天", "every month" / "每月". */
export function periodText(period: ContactPeriod): Localized {
  if ("days" in period) {
    const n = period.days;
    return { en: n === 1 ? "every day" : `every ${n} days`, zh: n === 1 ? "每天" : `每 ${n} 天` };
  }
  const n = period.months;
  if (n === 1) return { en: "every month", zh: "每月" };
  return { en: `every ${n} months`, zh: `每 ${n} 个月` };
}

/** Problems with an `every` value, as (field suffix, English, Chinese); empty when it is a valid period. */
export function periodProblems(v: unknown): { field: string; en: string; zh: string }[] {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return [{ field: "", en: "must be an object such as {\"months\": 1} or {\"days\": 14}", zh: "必须是对象，例如 {\"months\": 1} 或 {\"days\": 14}" }];
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const units = keys.filter((k) => k === "months" || k === "days");
  const problems: { field: string; en: string; zh: string }[] = [];
  for (const k of keys) {
    if (k !== "months" && k !== "days") problems.push({ field: `.${k}`, en: "is not a period unit (months or days)", zh: "不是周期单位（months 或 days）" });
  }
  if (units.length !== 1) {
    problems.push({ field: "", en: "must give exactly one of \"months\" or \"days\"", zh: "必须且只能给出 \"months\"（月）或 \"days\"（天）之一" });
    return problems;
  }
  const unit = units[0] as keyof typeof MAX_PERIOD;
  const n = o[unit];
  const max = MAX_PERIOD[unit];
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > max) {
    problems.push({ field: `.${unit}`, en: `must be a whole number from 1 to ${max}`, zh: `必须是 1 到 ${max} 之间的整数` });
  }
  return problems;
}
