/**
 * The sample a first-time user can grade ("Try with sample data"): a customer table in the Shaoxing layout (last
 * order date, purchase count, total in 万元), headers in the pane's language so the pane recognises every column.
 * Fixed numbers (no randomness at run time), so the sample grades the same way for everyone.
 */
import { dayFromCivil, dayToSerial } from "../engine";
import type { Lang } from "../engine";
import type { OutputCell } from "../excel";
import { t } from "./i18n";

const headers = (lang: Lang): string[] =>
  (["sampleId", "sampleLastOrder", "sampleCount", "sampleTotal"] as const).map((key) => t(lang, key));

/** Days before 2026-01-30, purchase count, total in 万元: a spread over every score of the Shaoxing profile. */
const CUSTOMERS: [number, number, number][] = [
  [0, 18, 9.6],
  [3, 12, 6.2],
  [5, 16, 8.4],
  [8, 7, 4.1],
  [9, 3, 1.2],
  [12, 11, 5.5],
  [14, 2, 0.8],
  [17, 9, 3.6],
  [19, 14, 7.9],
  [22, 4, 2.2],
  [25, 6, 3.1],
  [27, 1, 0.4],
  [29, 8, 4.8],
  [33, 5, 2.7],
  [36, 13, 6.6],
  [41, 3, 1.5],
  [44, 2, 0.9],
  [48, 10, 5.2],
  [55, 1, 0.3],
  [63, 4, 1.8],
  [78, 6, 2.4],
  [95, 2, 0.6],
  [120, 3, 1.1],
  [160, 1, 0.2],
];

const LAST_DAY = dayFromCivil(2026, 1, 30);

export function sampleRows(lang: Lang): OutputCell[][] {
  return [
    headers(lang),
    ...CUSTOMERS.map(([ago, count, total], i) => [
      `C${String(i + 1).padStart(3, "0")}`,
      dayToSerial(LAST_DAY - ago),
      count,
      total,
    ]),
  ];
}

/** Dates shown as the user's Excel shows them (the pane's date form). */
export function sampleFormats(lang: Lang): (string | null)[] {
  return [null, t(lang, "sampleDateFormat"), "0", "0.00"];
}
