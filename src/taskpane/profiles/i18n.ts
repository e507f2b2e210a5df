/** The profile editor's words, from its catalogues (src/i18n/<language>/editor.ts). */
import type { Lang } from "../../engine/types";
import { EDITOR_TEXTS, type EditorMessageKey } from "../../i18n/editor";
import { fillPlaceholders } from "../i18n";

export type ProfileMessageKey = EditorMessageKey;

export const profileCatalogue = EDITOR_TEXTS;

/** The editor's text for `key` in `lang`, `{name}` placeholders filled from `params`. */
export function pt(lang: Lang, key: ProfileMessageKey, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(profileCatalogue[lang][key], params);
}
