/**
 * The command line's own words (usage errors, summary labels), from its catalogues (src/i18n/<language>/cli.ts), seen
 * in every language at once: a message is made before `--lang` is read and printed in the language asked for.
 * Everything about grading itself (notes, headers, cadences, profile names) comes from the engine.
 */

import { CLI_TEXTS } from "../i18n/cli";
import { columnLetters, localizedView, type DataPastAnalysisDate, type Localized, type Role } from "../engine";

const CLI = localizedView(CLI_TEXTS, (t) => t);

export const KIND_NAMES = CLI.kindNames;
export const UNIT_NAMES = CLI.unitNames;

export const USAGE_TEXTS = {
  ...CLI.usage,
  ambiguousColumns: (role: Role, header: string, columns: readonly number[]): Localized =>
    CLI.usage.ambiguousColumns(role, header, columns.map(columnLetters)),
};

export const SUMMARY_TEXTS = CLI.summary;
export const HISTORY_TEXTS = CLI.history;
export const OUTPUT_TEXTS = CLI.output;
export const DEMO_TEXTS = CLI.demo;

/** Warnings about the analysis date against the data (RULES.md §9), printed before the summary. */
export const ANALYSIS_DATE_TEXTS = {
  dataPast: (past: DataPastAnalysisDate, profileId: string): Localized => CLI.analysisDate.dataPast(past, profileId),
  farAfterData: (warning: { days: number }, asOf: string, latest: string): Localized =>
    CLI.analysisDate.farAfterData(warning.days, asOf, latest),
};
