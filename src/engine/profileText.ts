/**
 * A profile's own texts (its name, each grade's cadence) in a language: the profile's text in it, or else the text of
 * the language that stands in for it (RULES.md §11 Profile documents: zh-TW falls back to zh, then en).
 */
import { fallbackChain } from "../i18n/languages";
import type { Lang, ProfileText } from "./types";

export function profileText(text: ProfileText, lang: Lang): string {
  for (const l of fallbackChain(lang)) {
    const own = text[l];
    if (typeof own === "string" && own.trim() !== "") return own;
  }
  return text.en;
}
