/**
 * The engine's profile problems (RULES.md §11, written for people who edit JSON: `thresholds.recency[2] bounds must
 * increase`) told in the editor's words: the field as the form labels it, then what is wrong with it
 * ("Recency bounds (days): each must be greater than the one before"). The engine stays the judge of what is
 * valid; this file only translates its verdict for the form. The command line and imported files keep the
 * engine's own messages.
 */
import type { Dimension, Lang, ProfileIssue } from "../../engine/types";
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
  en: string;
  zh: string;
  /** Say it about the group of inputs rather than the one input. */
  aboutGroup?: boolean;
}

/**
 * Every problem the engine reports, in the editor's words. `{1}`, `{2}` are the engine's numbers and names;
 * `{before}` is the label of the grade before.
 */
const PROBLEMS: readonly Problem[] = [
  { engine: /^is empty$/, en: "fill it in", zh: "请填写" },
  { engine: /^must be a number$/, en: "must be a number", zh: "必须是数字" },
  { engine: /^must have at most (\d+) decimal places$/, en: "may have at most {1} decimal places", zh: "小数位数不能超过 {1} 位" },
  { engine: /^must be at least (\S+)$/, en: "must be at least {1}", zh: "不能小于 {1}" },
  { engine: /^must be a whole number from (\d+) to (\d+)$/, en: "must be a whole number from {1} to {2}", zh: "必须是 {1} 到 {2} 之间的整数" },
  { engine: /^bounds must increase/, en: "each must be greater than the one before", zh: "每个界值都必须大于前一个", aboutGroup: true },
  { engine: /^must be a list of 4 bounds$/, en: "fill in all 4 bounds", zh: "请填写全部 4 个界值" },
  { engine: /^is required for a thresholds profile/, en: "fill in the bounds of R, F and M", zh: "请填写 R、F、M 的界值" },
  { engine: /^must be a non-empty text such as/, en: "fill it in (for example A)", zh: "请填写（例如 A）" },
  { engine: /^must be a non-empty text$/, en: "fill it in", zh: "请填写" },
  { engine: /^must be an object with English \(en\) and Chinese \(zh\) text$/, en: "needs an English and a Chinese text", zh: "需要英文和中文文本" },
  { engine: /^repeats the grade "(.*)"$/, en: "“{1}” is already the name of another grade", zh: "“{1}”已是另一个等级的名称" },
  { engine: /^must be lower than the cut-off of the grade before/, en: "must be lower than the cut-off of {before}", zh: "必须低于{before}的分界值" },
  { engine: /^must have exactly one cut-off/, en: "needs a cut-off (only the last grade has none)", zh: "需要分界值（只有最后一个等级没有）" },
  { engine: /^the last grade must have no cut-off/, en: "the last grade takes every remaining customer and has no cut-off", zh: "最后一个等级接收其余所有客户，没有分界值" },
  { engine: /^must be a non-empty list of grades$/, en: "add at least one grade", zh: "请至少添加一个等级" },
  { engine: /^must be 1–64 letters/, en: "use 1 to 64 letters, digits, hyphens (-), underscores (_) or dots (.)", zh: "只能使用 1–64 个字母、数字、连字符（-）、下划线（_）或点（.）" },
  { engine: /^must be "thresholds" or "quantiles"$/, en: "choose a method", zh: "请选择方法" },
  { engine: /^must be "yuan" or "wan"/, en: "choose yuan or 10,000 yuan", zh: "请选择元或万元" },
  { engine: /^must be "average", "best" or "first"$/, en: "choose how tied customers are treated", zh: "请选择并列客户的处理方式" },
  { engine: /^belongs to quantile profiles only$/, en: "is used with quantiles only", zh: "仅在分位数方法中使用" },
  { engine: /^belongs to thresholds profiles only$/, en: "are used with fixed thresholds only", zh: "仅在固定阈值方法中使用" },
  { engine: /^must be a date written YYYY-MM-DD$/, en: "must be a valid date", zh: "必须是有效日期" },
  { engine: /^must not be after asOf$/, en: "must not be after the analysis date", zh: "不能晚于统计日期" },
  { engine: /^must be an object such as \{"months"/, en: "choose months or days", zh: "请选择月或天" },
  { engine: /^must give exactly one of "months" or "days"$/, en: "choose months or days", zh: "请选择月或天" },
  { engine: /^is not a period unit/, en: "choose months or days", zh: "请选择月或天" },
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
    const before = field.grade !== undefined && field.grade > 1 ? pt(lang, "gradeNumber", { n: field.grade - 1 }) : pt(lang, "gradeBefore");
    const text = fillPlaceholders(p[lang], { 1: m[1] ?? "", 2: m[2] ?? "", before });
    const label = p.aboutGroup && field.group ? field.group : field.label;
    return `${label}${lang === "zh" ? "：" : ": "}${text}`;
  }
  return undefined;
}

/** The message to show for an issue: the editor's words where it has them, else the engine's. */
export function issueMessage(issue: ProfileIssue, lang: Lang): string {
  return formMessage(issue, lang) ?? issue.message[lang];
}
