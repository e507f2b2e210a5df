/** The command line's catalogues, one per language (see languages.ts). */
import en, { type CliTexts } from "./en/cli";
import type { Lang } from "./languages";
import zh from "./zh/cli";
import zhTW from "./zh-TW/cli";

export type { CliTexts };
export type { DeclineReasonText } from "./en/cli";

export const CLI_TEXTS: Readonly<Record<Lang, CliTexts>> = { en, zh, "zh-TW": zhTW };
