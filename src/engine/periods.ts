/**
 * Contact periods (RULES.md §5 Grades and cadences): a grade's cadence may say how long until the customer is due
 * for contact again, and the next contact date is the analysis date plus that period. This is the only place the calendar rule lives; the
 * formula compiler writes the same rule as EDATE (which also keeps the day or falls back to the month's last day).
 */
import { ENGINE_TEXTS, type EngineTexts } from "../i18n/engine";
import { allLangs } from "../i18n/message";
import { civilFromDay, dayFromCivil } from "./dates";
import type { GradeResult } from "./grade";
import type { ContactPeriod, Localized, Profile } from "./types";

/** The largest period accepted: a century, in either unit, so a date stays far inside Excel's calendar. */
const MAX_PERIOD = { months: 1200, days: 36_500 } as const;

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
  const [unit, n] = "days" in period ? (["days", period.days] as const) : (["months", period.months] as const);
  return allLangs((lang) => ENGINE_TEXTS[lang].periods.every(unit, n));
}

/** Problems with an `every` value, as (field suffix, the message picked from a catalogue); empty when it is valid. */
export function periodProblems(v: unknown): { field: string; said: (t: EngineTexts["profileIssues"]) => string }[] {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return [{ field: "", said: (t) => t.periodObject }];
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const units = keys.filter((k) => k === "months" || k === "days");
  const problems: { field: string; said: (t: EngineTexts["profileIssues"]) => string }[] = [];
  for (const k of keys) {
    if (k !== "months" && k !== "days") problems.push({ field: `.${k}`, said: (t) => t.periodUnit });
  }
  if (units.length !== 1) {
    problems.push({ field: "", said: (t) => t.periodOneUnit });
    return problems;
  }
  const unit = units[0] as keyof typeof MAX_PERIOD;
  const n = o[unit];
  const max = MAX_PERIOD[unit];
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > max) {
    problems.push({ field: `.${unit}`, said: (t) => t.periodRange(max) });
  }
  return problems;
}
