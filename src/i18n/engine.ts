/** The engine's catalogues, one per language (see languages.ts). */
import en, { type EngineTexts } from "./en/engine";
import type { Lang } from "./languages";
import zh from "./zh/engine";
import zhTW from "./zh-TW/engine";

export type { EngineTexts };

export const ENGINE_TEXTS: Readonly<Record<Lang, EngineTexts>> = { en, zh, "zh-TW": zhTW };
