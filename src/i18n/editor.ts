/** The profile editor's catalogues, one per language (see languages.ts). */
import en, { type EditorMessageKey } from "./en/editor";
import type { Lang } from "./languages";
import zh from "./zh/editor";
import zhTW from "./zh-TW/editor";

export type { EditorMessageKey };

export const EDITOR_TEXTS: Readonly<Record<Lang, Readonly<Record<EditorMessageKey, string>>>> = {
  en,
  zh,
  "zh-TW": zhTW,
};
