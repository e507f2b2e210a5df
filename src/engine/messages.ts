/**
 * The engine's texts for notes and requests, read from the catalogues (src/i18n/<language>/engine.ts) in the shapes
 * the engine's modules use.
 */
import { ENGINE_TEXTS, type EngineTexts } from "../i18n/engine";
import { LANGS } from "../i18n/languages";
import { localizedView } from "../i18n/message";
import type { IssueCode, Lang, Localized, Role } from "./types";

/** What a column of each role is called when its header is not known. */
export const ROLE_NAMES: Readonly<Record<Role, Localized>> = localizedView(ENGINE_TEXTS, (t) => t.roleNames);

type Template = (value: string) => string;

/** Reasons of RULES.md §8, in every language. `value` is the offending cell as text (may be empty). */
export const ISSUE_TEXTS = Object.fromEntries(
  (Object.keys(ENGINE_TEXTS.en.issues) as IssueCode[]).map((code) => [
    code,
    Object.fromEntries(LANGS.map((lang) => [lang, ENGINE_TEXTS[lang].issues[code]])) as Record<Lang, Template>,
  ]),
) as Readonly<Record<IssueCode, Readonly<Record<Lang, Template>>>>;

export function rowColumnPrefix(lang: Lang, row: string | number | undefined, column: string): string {
  return ENGINE_TEXTS[lang].rowColumnPrefix(row, column);
}

/** A row's own prefix, for a note that names its columns itself. */
export function rowPrefix(lang: Lang, row: string | number | undefined): string {
  return row === undefined ? "" : ENGINE_TEXTS[lang].rowPrefix(row);
}

/** Column headers in a sentence: “客户名称”, “电话” / “客户名称”“电话”. */
export function quotedList(headers: readonly string[], lang: Lang): string {
  const { quote, quotedListSeparator } = ENGINE_TEXTS[lang].punctuation;
  return headers.map(quote).join(quotedListSeparator);
}

/** Punctuation as a language writes it inside sentences and lists (colon, list separator, quotes …). */
export function punctuation(lang: Lang): EngineTexts["punctuation"] {
  return ENGINE_TEXTS[lang].punctuation;
}

/** Between the notes of one cell. */
export const NOTE_SEPARATOR: Readonly<Record<Lang, string>> = localizedView(
  ENGINE_TEXTS,
  (t) => t.punctuation.semicolon,
);

export const REQUEST_TEXTS = localizedView(ENGINE_TEXTS, (t) => t.request);
