/**
 * Counts and row numbers in words, for every interface: "1 customer" / "2 customers" (English plurals by
 * Intl.PluralRules; Chinese has none), thousands separators, and row ranges that read as people write them
 * ("第 6 行", not "第 6–6 行").
 */
import type { Lang } from "./types";

const LOCALES: Record<Lang, string> = { en: "en-US", zh: "zh-CN" };
const GROUPED: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: 0 }),
  zh: new Intl.NumberFormat(LOCALES.zh, { maximumFractionDigits: 0 }),
};
const ENGLISH_PLURALS = new Intl.PluralRules(LOCALES.en);

/** A whole number with thousands separators: 1234567 → "1,234,567". */
export function countNumber(n: number, lang: Lang): string {
  return GROUPED[lang].format(n);
}

/** An English noun's two forms; Chinese nouns do not change with the count. */
export interface NounForms {
  one: string;
  other: string;
}

/** The noun form for a count: "row" for 1, "rows" for 0, 2 or 1,000 (English plural rules). */
export function nounFor(n: number, forms: NounForms): string {
  return ENGLISH_PLURALS.select(n) === "one" ? forms.one : forms.other;
}

/** A count with its noun: "1 customer", "1,234 customers"; in Chinese the count and the measure word ("12 位客户"). */
export function countText(n: number, lang: Lang, noun: { en: NounForms; zh: string }): string {
  return lang === "zh" ? `${countNumber(n, lang)} ${noun.zh}` : `${countNumber(n, lang)} ${nounFor(n, noun.en)}`;
}

/** Rows from..to (sheet row numbers, inclusive) as people write them: "row 6", "rows 6–9"; "第 6 行", "第 6–9 行". */
export function rowRangeText(from: number, to: number, lang: Lang): string {
  const [a, b] = from <= to ? [from, to] : [to, from];
  if (lang === "zh") return a === b ? `第 ${a} 行` : `第 ${a}–${b} 行`;
  return a === b ? `row ${a}` : `rows ${a}–${b}`;
}
