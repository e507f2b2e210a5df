/**
 * The languages the product speaks, declared once. Everything else about a language is derived from this list: the
 * `Lang` type, which Office display languages and `--lang` values select it, the locale its numbers, plurals and dates
 * are formatted in, and the order in which a profile's own texts stand in for one another.
 *
 * A language's texts are its catalogues, one folder per language (`src/i18n/<id>/`): the engine's, the task pane's,
 * the profile editor's, the custom functions' and the command line's, each typed by the English one, so a key or a
 * parameter missing in any language is a compile error. The tables in `src/i18n/*.ts` put each face's catalogues side
 * by side; the compiler asks for a language's entry in each of them as soon as it is listed here.
 */

export interface Language {
  /**
   * BCP 47 tags that select this language, as prefixes of a tag's subtags: "zh" selects zh-CN and zh-SG; the longest
   * prefix that matches wins, so a language listing "zh-TW" takes zh-TW from the one listing "zh".
   */
  readonly tags: readonly string[];
  /** The locale its numbers, plural forms and dates are formatted in (Intl), and of the files Office picks by locale. */
  readonly locale: string;
  /** Its name, in itself. */
  readonly name: string;
  /**
   * The language whose text stands in where a profile (user data) has none in this one. English has none: a profile
   * always carries English and Simplified Chinese texts.
   */
  readonly fallback?: string;
}

const LANGUAGES = {
  en: { tags: ["en"], locale: "en-US", name: "English" },
  zh: { tags: ["zh", "zh-Hans"], locale: "zh-CN", name: "简体中文", fallback: "en" },
  "zh-TW": { tags: ["zh-TW", "zh-HK", "zh-MO", "zh-Hant"], locale: "zh-TW", name: "繁體中文", fallback: "zh" },
} as const satisfies Record<string, Language>;

/** A language the product speaks. */
export type Lang = keyof typeof LANGUAGES;

/** Every language, in the order of the registry. */
export const LANGS = Object.keys(LANGUAGES) as readonly Lang[];

/** The language of anything that names none, or one the product does not speak. */
export const DEFAULT_LANG: Lang = "en";

function subtags(tag: string): string[] {
  return tag
    .trim()
    .toLowerCase()
    .split(/[-_]/)
    .filter((s) => s !== "");
}

/**
 * The language a BCP 47 tag selects ("zh-TW", "zh-Hant-HK", "en-GB", "zh_CN"), or undefined when the product does not
 * speak it. Matching is by whole subtags, case aside; the longest matching prefix wins.
 */
export function langOfTag(tag: unknown): Lang | undefined {
  if (typeof tag !== "string") return undefined;
  const wanted = subtags(tag);
  let best: { lang: Lang; length: number } | undefined;
  for (const lang of LANGS) {
    for (const prefix of LANGUAGES[lang].tags.map(subtags)) {
      const matches = prefix.length <= wanted.length && prefix.every((s, i) => s === wanted[i]);
      if (matches && (best === undefined || prefix.length > best.length)) best = { lang, length: prefix.length };
    }
  }
  return best?.lang;
}

/**
 * The product's language for a tag such as Office's display language ("zh-CN", "zh-TW", "en-US", "de-DE"): the
 * language it selects, and English for any other.
 */
export function langFromTag(tag: unknown): Lang {
  return langOfTag(tag) ?? DEFAULT_LANG;
}

/** The locale a language formats in (Intl), and names files Office picks by locale with. */
export function localeOf(lang: Lang): string {
  return LANGUAGES[lang].locale;
}

/** A language, then the languages that stand in for it, in order: zh → [zh, en]. */
export function fallbackChain(lang: Lang): Lang[] {
  const chain: Lang[] = [];
  for (let l: Lang | undefined = lang; l !== undefined && !chain.includes(l);) {
    chain.push(l);
    const next: string | undefined = (LANGUAGES[l] as Language).fallback;
    l = next as Lang | undefined;
  }
  return chain;
}
