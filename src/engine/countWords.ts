/**
 * Counts and row numbers in words, for every interface: "1 customer" / "2 customers" (plural forms by the language's
 * Intl.PluralRules; Chinese has one form), thousands separators by the language's Intl.NumberFormat, and row ranges
 * that read as people write them ("第 6 行", not "第 6–6 行"). The words are the catalogues'.
 */
import { ENGINE_TEXTS, type EngineTexts } from "../i18n/engine";
import { counted, grouped, pluralFor } from "../i18n/numbers";
import type { Lang } from "./types";

export { pluralFor };

/** A whole number with thousands separators: 1234567 → "1,234,567". */
export function countNumber(n: number, lang: Lang): string {
  return grouped(n, lang);
}

/** The nouns the catalogues count: rows, sales, customers. */
export type CountNoun = keyof EngineTexts["counts"];

/** A count with its noun: "1 customer", "1,234 customers"; in Chinese the count and its measure word ("12 位客户"). */
export function countText(n: number, lang: Lang, noun: CountNoun): string {
  return counted(n, lang, ENGINE_TEXTS[lang].counts[noun]);
}

/** Rows from..to (sheet row numbers, inclusive) as people write them: "row 6", "rows 6–9"; "第 6 行", "第 6–9 行". */
export function rowRangeText(from: number, to: number, lang: Lang): string {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return ENGINE_TEXTS[lang].rowRange(a, b);
}
