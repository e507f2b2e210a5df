/** The custom functions' catalogues, one per language (see languages.ts). */
import en, { type FunctionTexts } from "./en/functions";
import type { Lang } from "./languages";
import zh from "./zh/functions";
import zhTW from "./zh-TW/functions";

export type { FunctionTexts };

export const FUNCTION_TEXTS: Readonly<Record<Lang, FunctionTexts>> = { en, zh, "zh-TW": zhTW };
