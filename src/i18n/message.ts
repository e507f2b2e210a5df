/**
 * What a catalogue is made of, and the few helpers every face reads its texts through.
 *
 * A catalogue is a plain object per language whose type is the English catalogue's. Its leaves are either texts with
 * `{name}` placeholders (the task pane and the profile editor, filled by `fill`), or functions of typed arguments
 * returning a text (messages that choose words by their values). A key missing in a language, a placeholder dropped or
 * added by a translation (`translated`), or a call that leaves out an argument is a compile error.
 */
import { LANGS, type Lang } from "./languages";

/** A text in every language the product speaks (the product's own words, made from the catalogues). */
export type Localized = Record<Lang, string>;

/** The same text made in every language. */
export function allLangs(make: (lang: Lang) => string): Localized {
  const out = {} as Localized;
  for (const lang of LANGS) out[lang] = make(lang);
  return out;
}

/**
 * A counted noun's forms by plural category (Intl.PluralRules of the language's locale): `other` always, English adds
 * `one`; `{n}` stands for the number.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `template` with its `{name}` placeholders filled from `params` (a name not given stays as written). */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A catalogue seen in every language at once: each text becomes a `Localized`, each message function a function
 * returning a `Localized`. For messages made before the language is known (the command line's errors are raised
 * before `--lang` is read) and texts stored beside data (a profile issue carries its message in every language).
 */
export type LocalizedView<T> = T extends (...args: infer A) => string
  ? (...args: A) => Localized
  : T extends string
    ? Localized
    : T extends readonly unknown[]
      ? Record<Lang, T>
      : T extends object
        ? { readonly [K in keyof T]: LocalizedView<T[K]> }
        : Record<Lang, T>;

/** `pick` of every language's catalogue, seen as one (see LocalizedView). */
export function localizedView<C, T>(
  catalogues: Readonly<Record<Lang, C>>,
  pick: (catalogue: C) => T,
): LocalizedView<T> {
  const at = (lang: Lang, path: readonly PropertyKey[]): unknown =>
    path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], pick(catalogues[lang]));
  const view = (node: unknown, path: readonly PropertyKey[]): unknown => {
    if (typeof node === "function") {
      return (...args: unknown[]) => allLangs((lang) => (at(lang, path) as (...a: unknown[]) => string)(...args));
    }
    if (typeof node === "string" || Array.isArray(node) || node === null || typeof node !== "object") {
      const out = {} as Record<Lang, unknown>;
      for (const lang of LANGS) out[lang] = at(lang, path);
      return out;
    }
    const out: Record<PropertyKey, unknown> = {};
    for (const key of Object.keys(node)) out[key] = view((node as Record<string, unknown>)[key], [...path, key]);
    return out;
  };
  return view(pick(catalogues[LANGS[0]]), []) as LocalizedView<T>;
}
