/**
 * Labels of the summary and history sheets, from the catalogues. The add-in and the command line write the same
 * sheets from the same layouts (summarySheet.ts, historySheets.ts), so their words are read here once.
 */
import { ENGINE_TEXTS, type EngineTexts } from "../i18n/engine";
import { LANGS } from "../i18n/languages";
import type { Lang, MonetaryUnit } from "./types";

export type SummaryLabels = EngineTexts["summary"];

export function summaryLabels(lang: Lang): SummaryLabels {
  return ENGINE_TEXTS[lang].summary;
}

export function unitLabel(unit: MonetaryUnit, lang: Lang): string {
  return ENGINE_TEXTS[lang].summary.units[unit];
}

/** Words of the grade-history sheets (RULES.md §13 Grade history), beside the summary's. */
export type HistoryLabels = EngineTexts["history"];

export function historyLabels(lang: Lang): HistoryLabels {
  return ENGINE_TEXTS[lang].history;
}

/** Every language's title: a sheet whose A1 holds one of them was made by the add-in. */
export const SUMMARY_TITLES: readonly string[] = LANGS.map((lang) => ENGINE_TEXTS[lang].summary.title);

/** How the rules used read in the summary, one line each. */
export function ruleTexts(lang: Lang): EngineTexts["rules"] {
  return ENGINE_TEXTS[lang].rules;
}
