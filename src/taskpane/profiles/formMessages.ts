/**
 * The engine's profile problems (RULES.md §11, written for people who edit JSON: `thresholds.recency[2] bounds must
 * increase`) told in the editor's words: the field as the form labels it, then what is wrong with it
 * ("Recency bounds (days): each must be greater than the one before"). The engine stays the judge of what is
 * valid; this file only translates its verdict for the form. The command line and imported files keep the
 * engine's own messages.
 */
import type { Dimension, Lang, ProfileIssue } from "../../engine/types";
import { punctuation } from "../../engine";
import { fillPlaceholders } from "../i18n";
import { pt, type ProfileMessageKey } from "./i18n";

/** A field path of the engine, read as the form shows it. */
interface FieldLabel {
  /** The label of the field (or of the group of inputs) the problem is on. */
  label: string;
  /** The label of the group it belongs to, when the problem is about the group (bounds that must increase). */
  group?: string;
  /** 1-based grade number, for problems that name the grade before. */
  grade?: number;
}

/** How the form labels each dimension's group of bounds and its weight: the form and its messages use the same. */
export const BOUND_GROUPS: Record<Dimension, ProfileMessageKey> = {
  recency: "recencyGroup",
  frequency: "frequencyGroup",
  monetary: "monetaryGroup",
};
export const WEIGHT_LABELS: Record<Dimension, ProfileMessageKey> = {
  recency: "weightRecency",
  frequency: "weightFrequency",
  monetary: "weightMonetary",
};
/** Fields of one grade's card, by the path after `grades[i]`. */
const GRADE_FIELD: Record<string, ProfileMessageKey> = {
  ".grade": "fieldGrade",
  ".above": "fieldCut",
  ".atLeast": "fieldCut",
  ".cadence": "fieldCadence",
  ".cadence.en": "fieldCadenceEn",
  ".cadence.zh": "fieldCadenceZh",
  ".cadence.every": "fieldEvery",
  ".cadence.every.months": "fieldEvery",
  ".cadence.every.days": "fieldEvery",
};
/** Fields with a path of their own, by that path. */
const PLAIN_FIELD: Record<string, ProfileMessageKey> = {
  id: "labelId",
  name: "labelName",
  "name.en": "fieldNameEn",
  "name.zh": "fieldNameZh",
  method: "fieldMethod",
  monetaryUnit: "fieldUnit",
  thresholds: "labelBounds",
  weights: "labelWeights",
  bins: "fieldBins",
  ties: "fieldTies",
  grades: "labelGrades",
  asOf: "fieldAsOf",
  windowStart: "fieldWindowStart",
};

/** The form's label for an engine field path; undefined for a path the form has no field for. */
export function fieldLabel(path: string, lang: Lang): FieldLabel | undefined {
  const plain = PLAIN_FIELD[path];
  if (plain) return { label: pt(lang, plain) };
  const bound = /^thresholds\.(recency|frequency|monetary)(?:\[(\d+)\])?$/.exec(path);
  if (bound) {
    const group = pt(lang, BOUND_GROUPS[bound[1] as Dimension]);
    if (bound[2] === undefined) return { label: group };
    return { label: pt(lang, "boundLabel", { group, n: Number(bound[2]) + 1 }), group };
  }
  const weight = /^weights\.(recency|frequency|monetary)$/.exec(path);
  if (weight) return { label: pt(lang, WEIGHT_LABELS[weight[1] as Dimension]) };
  const grade = /^grades\[(\d+)\](.*)$/.exec(path);
  if (grade) {
    const n = Number(grade[1]) + 1;
    const card = pt(lang, "gradeNumber", { n });
    if (grade[2] === "") return { label: card, grade: n };
    const field = GRADE_FIELD[grade[2]];
    if (!field) return undefined;
    const name = pt(lang, field);
    return { label: pt(lang, "gradeField", { grade: card, field: lang === "en" ? lowerFirst(name) : name }), grade: n };
  }
  return undefined;
}

function lowerFirst(s: string): string {
  // "Contact cadence in English" reads as part of "Grade 2, contact cadence in English"; "R" or "X" stay as they are.
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

interface Problem {
  /** The engine's English problem (what follows the field path in its message). */
  engine: RegExp;
  /** The editor catalogue's words for it. */
  text: ProfileMessageKey;
  /** Say it about the group of inputs rather than the one input. */
  aboutGroup?: boolean;
}

/**
 * Every problem the engine reports, in the editor's words. `{1}`, `{2}` are the engine's numbers and names;
 * `{before}` is the label of the grade before.
 */
const PROBLEMS: readonly Problem[] = [
  { engine: /^is empty$/, text: "problemFillIn" },
  { engine: /^must be a number$/, text: "problemMustBeNumber" },
  { engine: /^must have at most (\d+) decimal places$/, text: "problemDecimalPlaces" },
  { engine: /^must be at least (\S+)$/, text: "problemAtLeast" },
  { engine: /^must be a whole number from (\d+) to (\d+)$/, text: "problemWholeNumberRange" },
  { engine: /^bounds must increase/, text: "problemBoundsIncrease", aboutGroup: true },
  { engine: /^must be a list of 4 bounds$/, text: "problemAllBounds" },
  { engine: /^is required for a thresholds profile/, text: "problemThresholdBounds" },
  { engine: /^must be a non-empty text such as/, text: "problemFillInExample" },
  { engine: /^must be a non-empty text$/, text: "problemFillIn" },
  { engine: /^must be an object with English \(en\) and Chinese \(zh\) text$/, text: "problemNeedsBothTexts" },
  { engine: /^repeats the grade "(.*)"$/, text: "problemGradeRepeated" },
  { engine: /^must be lower than the cut-off of the grade before/, text: "problemCutBelowBefore" },
  { engine: /^must have exactly one cut-off/, text: "problemNeedsCut" },
  { engine: /^the last grade must have no cut-off/, text: "problemLastGradeNoCut" },
  { engine: /^must be a non-empty list of grades$/, text: "problemAddGrade" },
  { engine: /^must be 1–64 letters/, text: "problemIdCharacters" },
  { engine: /^must be "thresholds" or "quantiles"$/, text: "problemChooseMethod" },
  { engine: /^must be "yuan" or "wan"/, text: "problemChooseUnit" },
  { engine: /^must be "average", "best" or "first"$/, text: "problemChooseTies" },
  { engine: /^belongs to quantile profiles only$/, text: "problemQuantilesOnly" },
  { engine: /^belongs to thresholds profiles only$/, text: "problemThresholdsOnly" },
  { engine: /^must be a date written YYYY-MM-DD$/, text: "problemValidDate" },
  { engine: /^must not be after asOf$/, text: "problemNotAfterAsOf" },
  { engine: /^must be an object such as \{"months"/, text: "problemChooseMonthsOrDays" },
  { engine: /^must give exactly one of "months" or "days"$/, text: "problemChooseMonthsOrDays" },
  { engine: /^is not a period unit/, text: "problemChooseMonthsOrDays" },
];

/** What the engine says is wrong, without the field path it starts with. */
function engineProblem(issue: ProfileIssue): string {
  const en = issue.message.en;
  return en.startsWith(`${issue.field} `) ? en.slice(issue.field.length + 1) : en;
}

/**
 * The issue in the editor's words ("wM (monetary): must be a number"), or undefined when the form has no field for
 * its path or the problem is one the form cannot produce (a file's unknown field): then the engine's own message,
 * which names the JSON field, is the right one to show.
 */
export function formMessage(issue: ProfileIssue, lang: Lang): string | undefined {
  const field = fieldLabel(issue.field, lang);
  if (!field) return undefined;
  const problem = engineProblem(issue);
  for (const p of PROBLEMS) {
    const m = p.engine.exec(problem);
    if (!m) continue;
    const before =
      field.grade !== undefined && field.grade > 1
        ? pt(lang, "gradeNumber", { n: field.grade - 1 })
        : pt(lang, "gradeBefore");
    const text = fillPlaceholders(pt(lang, p.text), { 1: m[1] ?? "", 2: m[2] ?? "", before });
    const label = p.aboutGroup && field.group ? field.group : field.label;
    return `${label}${punctuation(lang).colon}${text}`;
  }
  return undefined;
}

/** The message to show for an issue: the editor's words where it has them, else the engine's. */
export function issueMessage(issue: ProfileIssue, lang: Lang): string {
  return formMessage(issue, lang) ?? issue.message[lang];
}
