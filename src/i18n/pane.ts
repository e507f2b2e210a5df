/** The task pane's catalogues, one per language (see languages.ts). */
import en, { type PaneMessageKey } from "./en/pane";
import type { Lang } from "./languages";
import zh from "./zh/pane";
import zhTW from "./zh-TW/pane";

export type { PaneMessageKey };

export const PANE_TEXTS: Readonly<Record<Lang, Readonly<Record<PaneMessageKey, string>>>> = { en, zh, "zh-TW": zhTW };
