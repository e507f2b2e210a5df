/**
 * The task pane's own words, from its catalogues (src/i18n/<language>/pane.ts). Texts about grading itself (headers,
 * notes, cadences, profile names, issue messages) come from the engine; only the pane's chrome lives there.
 */
import type { Lang } from "../engine/types";
import { PANE_TEXTS, type PaneMessageKey } from "../i18n/pane";
import { localeOf } from "../i18n/languages";
import { counted } from "../i18n/numbers";

export type MessageKey = PaneMessageKey;

export const catalogue = PANE_TEXTS;

/** A number of days as a sentence says it: "1 day", "257 days"; "257 天". */
export function daysText(n: number, lang: Lang): string {
  return counted(n, lang, { one: catalogue[lang].dayOne, other: catalogue[lang].dayOther });
}

/**
 * A grade as a sentence names it: a letter or short code reads "A 级" in Chinese, a grade with a name of its own
 * ("S 战略核心客户", "Key accounts") is its name alone (never "S 战略核心客户 级").
 */
export function gradeWord(grade: string, lang: Lang): string {
  const code = /^[A-Za-z0-9+-]{1,3}$/.test(grade.trim());
  return code ? t(lang, "gradeCode", { grade }) : grade;
}

/** The language tag of the pane's page and its parts (`<html lang>`, dialogs), for screen readers' voices. */
export function htmlLang(lang: Lang): string {
  return localeOf(lang);
}

/** `template` with its `{name}` placeholders filled from `params` (unknown names stay as written). */
export function fillPlaceholders(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The text for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(catalogue[lang][key], params);
}
