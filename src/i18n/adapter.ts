/** The Excel adapter's catalogues, one per language (see languages.ts), seen in every language at once. */
import en, { type AdapterTexts } from "./en/adapter";
import type { Lang } from "./languages";
import { localizedView } from "./message";
import zh from "./zh/adapter";
import zhTW from "./zh-TW/adapter";

export type { AdapterTexts };

export const ADAPTER_TEXTS: Readonly<Record<Lang, AdapterTexts>> = { en, zh, "zh-TW": zhTW };

/** Each adapter text as a Localized (an ExcelAdapterError carries its message in every language). */
export const ADAPTER = localizedView(ADAPTER_TEXTS, (t) => t);
