/** What the summary sheet shows, built from the engine's result; the adapter lays it out. */
import { formatDay, formatIssue, noteText, profileName, todayDay } from "../engine";
import type { GradeResult, Lang, NoteContext, Profile, RowIssue } from "../engine";
import type { SummaryModel, WriteResult } from "../excel";
import addin from "../../package.json";
import type { GradeRequest } from "./gradingFlow";
import { noteContext, sheetRow } from "./sourceRows";
import { t } from "./i18n";

export function summaryModel(res: GradeResult, request: GradeRequest, written: WriteResult, now: Date): SummaryModel {
  const { lang, source, profile } = request;
  const context = noteContext(source, request.detection.mapping);
  // The summary lists the row in a column of its own, so the reasons name the column only.
  const reasons: NoteContext = { columnName: context.columnName };
  return {
    summary: res.summary,
    profileName: profileName(profile, lang),
    rules: profileRules(profile, lang),
    version: addin.version,
    generatedAt: `${formatDay(todayDay(now))} ${pad(now.getHours())}:${pad(now.getMinutes())}`,
    source: source.address,
    output: written.address,
    notGraded:
      res.kind === "customers"
        ? notGradedIndexes(res.issues).map((i) => ({ row: sheetRow(source, i), reason: noteText(res, i, lang, reasons) }))
        : [
            ...notGradedIndexes(res.issues).map((i) => ({ row: res.customers?.ids[i] ?? i + 1, reason: noteText(res, i, lang, reasons) })),
            ...(res.saleIssues ?? []).map((issue) => ({ row: sheetRow(source, issue.index), reason: formatIssue(issue, lang, reasons) })),
          ],
  };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function notGradedIndexes(issues: readonly RowIssue[]): number[] {
  const indexes: number[] = [];
  for (const issue of issues) if (!issue.graded && indexes[indexes.length - 1] !== issue.index) indexes.push(issue.index);
  return indexes;
}

/** The profile's cut-offs (or quantile and tie rule), weights and grade rules, one line each, as the user reads them. */
export function profileRules(profile: Profile, lang: Lang): string[] {
  const lines: string[] = [];
  if (profile.method === "thresholds") {
    const unit = t(lang, profile.monetaryUnit === "wan" ? "unitWan" : "unitYuan");
    lines.push(t(lang, "ruleRecency", { bounds: profile.thresholds.recency.join(" / ") }));
    lines.push(t(lang, "ruleFrequency", { bounds: profile.thresholds.frequency.join(" / ") }));
    lines.push(t(lang, "ruleMonetary", { bounds: profile.thresholds.monetary.join(" / "), unit }));
  } else {
    lines.push(t(lang, "ruleQuantiles", { bins: profile.bins, ties: t(lang, TIE_TEXT[profile.ties]) }));
  }
  const { recency, frequency, monetary } = profile.weights;
  lines.push(t(lang, "ruleWeights", { r: recency, f: frequency, m: monetary }));
  for (const rule of profile.grades) {
    const condition =
      rule.above !== undefined ? `X > ${rule.above}` : rule.atLeast !== undefined ? `X ≥ ${rule.atLeast}` : t(lang, "ruleOtherwise");
    lines.push(t(lang, "ruleGrade", { grade: rule.grade, condition, cadence: rule.cadence[lang] }));
  }
  return lines;
}

const TIE_TEXT = { average: "tiesAverage", best: "tiesBest", first: "tiesFirst" } as const;
