/**
 * Numbers and counted nouns in a language, from Intl: thousands separators (NumberFormat) and plural forms
 * (PluralRules) of the language's locale. Catalogues and the engine's counting words use these.
 */
import { localeOf, type Lang } from "./languages";
import { fill, type PluralForms } from "./message";

// Made on first use, for the languages used: making one takes milliseconds, which every command would pay at start.
const GROUPED = new Map<Lang, Intl.NumberFormat>();
const PLURALS = new Map<Lang, Intl.PluralRules>();

/** A whole number with the language's thousands separators: 1234567 → "1,234,567". */
export function grouped(n: number, lang: Lang): string {
  let format = GROUPED.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 });
    GROUPED.set(lang, format);
  }
  return format.format(n);
}

/** The form for a count: "{n} row" for 1, "{n} rows" for 0, 2 or 1,000 (the language's plural rules). */
export function pluralFor(n: number, lang: Lang, forms: PluralForms): string {
  let rules = PLURALS.get(lang);
  if (rules === undefined) {
    rules = new Intl.PluralRules(localeOf(lang));
    PLURALS.set(lang, rules);
  }
  return forms[rules.select(n)] ?? forms.other;
}

/** A count with its noun, the number grouped: "1 customer", "1,234 customers", "1,234 位客户". */
export function counted(n: number, lang: Lang, forms: PluralForms): string {
  return fill(pluralFor(n, lang, forms), { n: grouped(n, lang) });
}
