import { CLI_TEXTS } from "../i18n/cli";
import {
  formatIssue,
  gradeShares,
  profileName,
  punctuation,
  rfMap,
  type Dimension,
  type Lang,
  type Localized,
} from "../engine";
import { cellText } from "./cellText";
import { DELIMITER_NAMES, ENCODING_LABELS } from "./decodeInput";
import type { GradedTable } from "./gradeTable";
import { gradeTableLines, migrationLines, rfMapLines } from "./summaryTables";
import { KIND_NAMES, SUMMARY_TEXTS, UNIT_NAMES } from "./texts";

const SKIPPED_SALES_LISTED = 10;
const DIMENSION_LETTERS: [Dimension, string][] = [
  ["recency", "R"],
  ["frequency", "F"],
  ["monetary", "M"],
];

/** The run in a few lines for stderr: what was used, how many got each grade, what was left out and why. */
export function summaryLines(graded: GradedTable, lang: Lang): string[] {
  const { res, table } = graded;
  const s = res.summary;
  const label = (text: Localized) => text[lang] + punctuation(lang).colon;
  const lines = [
    label(SUMMARY_TEXTS.profile) + `${profileName(res.profile, lang)} (${res.profile.id})`,
    label(SUMMARY_TEXTS.input) + KIND_NAMES[s.kind][lang] + (table.sheetName ? ` [${table.sheetName}]` : ""),
    label(SUMMARY_TEXTS.asOf) + s.asOf,
  ];
  if (table.text) lines.splice(2, 0, textReadLine(table.text, lang), ...decimalLines(graded, lang));
  const headerRow = table.firstRowNumber - 1;
  if (headerRow > 1) lines.splice(2, 0, SUMMARY_TEXTS.headerRow(headerRow)[lang]);
  if (s.kind === "transactions") lines.push(label(SUMMARY_TEXTS.window) + `${s.windowStart ?? "…"} – ${s.asOf}`);
  const currency = graded.unit.currency ? SUMMARY_TEXTS.unitCurrency(graded.unit.currency)[lang] : "";
  lines.push(
    label(SUMMARY_TEXTS.unit) +
      UNIT_NAMES[s.unit][lang] +
      SUMMARY_TEXTS.unitSource(graded.unit, graded.moneyHeader)[lang] +
      currency,
  );
  lines.push(SUMMARY_TEXTS.graded(s.graded, s.rows - (s.blankRows ?? 0), s.kind)[lang]);
  lines.push(label(SUMMARY_TEXTS.grades) + s.gradeCounts.map((g) => `${g.grade} ${g.count}`).join("  "));
  lines.push(...gradeTableLines(gradeShares(res), lang));
  const perScore = DIMENSION_LETTERS.map(
    ([dim, letter]) => `${letter} ${s.scoreCounts[dim].slice(1).reverse().join("/")}`,
  );
  lines.push(label(SUMMARY_TEXTS.scores) + perScore.join("  "));
  lines.push(...rfMapLines(rfMap(res), lang));
  if (graded.migration) lines.push(...migrationLines(graded.migration, lang, graded.names?.ofResult));
  if (s.notGraded > 0) lines.push(SUMMARY_TEXTS.notGraded(s.notGraded)[lang]);
  lines.push(...rowCountLines(graded, lang));
  if (s.sales) {
    lines.push(SUMMARY_TEXTS.sales(s.sales.read, s.sales.kept, s.sales.outsideWindow, s.sales.skipped)[lang]);
    lines.push(...skippedSaleLines(graded, lang));
  }
  return lines;
}

function textReadLine(text: NonNullable<GradedTable["table"]["text"]>, lang: Lang): string {
  return SUMMARY_TEXTS.textRead(
    ENCODING_LABELS[text.encoding],
    text.bom,
    text.evidence,
    DELIMITER_NAMES[text.delimiter],
  )[lang];
}

/** Which decimal separator the number columns were read with, where their cells needed one (csv/decimals.ts). */
function decimalLines(graded: GradedTable, lang: Lang): string[] {
  const decided = graded.table.decimals?.() ?? [];
  if (decided.length === 0) return [];
  const header = (c: number) => cellText(graded.table.headers[c]);
  const t = CLI_TEXTS[lang].summary;
  return [t.decimals(decided.map((d) => t.decimalReading(d.reading, header(d.column))))];
}

/** What else was found in the rows: blank rows skipped, repeated customer ids, rows the sheet hides. */
function rowCountLines(graded: GradedTable, lang: Lang): string[] {
  const { res, table } = graded;
  const lines: string[] = [];
  const blank = res.summary.blankRows ?? res.summary.sales?.blank ?? 0;
  if (blank > 0) lines.push(SUMMARY_TEXTS.blankRows(blank)[lang]);
  const repeated = res.issues.filter((issue) => issue.code === "duplicateId");
  if (repeated.length > 0) {
    const ids = new Set(repeated.map((issue) => issue.value)).size;
    lines.push(SUMMARY_TEXTS.duplicateIds(repeated.length, ids)[lang]);
  }
  if (table.hiddenRows) lines.push(SUMMARY_TEXTS.hiddenRows(table.hiddenRows)[lang]);
  return lines;
}

/** The first few unreadable sales, named by row and column, so the user can find and fix them. */
function skippedSaleLines(graded: GradedTable, lang: Lang): string[] {
  const issues = graded.res.saleIssues ?? [];
  const shown = issues.slice(0, SKIPPED_SALES_LISTED);
  const lines = shown.map(
    (issue) => `  ${SUMMARY_TEXTS.skippedSale[lang]} – ${formatIssue(issue, lang, graded.saleContext)}`,
  );
  const rest = new Set(issues.slice(SKIPPED_SALES_LISTED).map((i) => i.index));
  for (const issue of shown) rest.delete(issue.index);
  if (rest.size > 0) lines.push("  " + SUMMARY_TEXTS.moreSkipped(rest.size)[lang]);
  return lines;
}
