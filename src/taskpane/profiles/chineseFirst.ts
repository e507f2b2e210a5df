import type { Lang } from "../../engine";
import { fallbackChain } from "../../i18n/languages";

/**
 * Whether the editor puts a profile's Chinese texts before its English ones: in every language that falls back on
 * Chinese (Simplified and Traditional both read the profile's Chinese name and cadences before its English ones).
 */
export function chineseFirst(lang: Lang): boolean {
  return fallbackChain(lang).includes("zh");
}
