/**
 * The profile editor's form, with no UI in it. Inputs hold exactly what the user typed (text), so "0." or "" can
 * sit in a field while they type; `draftToDocument` turns the form into a RULES.md §11 document and the engine's
 * `validateProfile` judges it. The editor never decides itself what a valid profile is.
 */
import { punctuation } from "../../engine";
import { allLangs, validateProfile } from "../../engine";
import type {
  ContactPeriod,
  Dimension,
  Lang,
  MonetaryUnit,
  Profile,
  ProfileIssue,
  ProfileText,
  TieRule,
} from "../../engine";
import { chineseFirst } from "./chineseFirst";
import { issueMessage } from "./formMessages";
import { pt } from "./i18n";

export const DIMENSIONS: readonly Dimension[] = ["recency", "frequency", "monetary"];

type CutKind = "above" | "atLeast";
/** The unit of a grade's contact period; "" for a grade without one (no next-contact date). */
export type PeriodUnit = "" | "months" | "days";

export interface GradeDraft {
  /** Stable identity for the list (React key), not part of the profile. */
  key: number;
  grade: string;
  cutKind: CutKind;
  cut: string;
  cadenceEn: string;
  cadenceZh: string;
  /** The cadence's texts as loaded (see keptOrTyped). */
  cadenceLoaded?: ProfileText;
  /** The contact period: how many (as typed) of `everyUnit`. */
  every: string;
  everyUnit: PeriodUnit;
}

export interface ProfileDraft {
  id: string;
  nameEn: string;
  nameZh: string;
  /** The name's texts as loaded (see keptOrTyped). */
  nameLoaded?: ProfileText;
  /**
   * The language whose text the Chinese fields show and edit: Traditional Chinese for a zh-TW editor, Simplified
   * otherwise (a profile without a Traditional text shows its Simplified one).
   */
  chineseKey: Lang;
  method: Profile["method"];
  monetaryUnit: MonetaryUnit;
  /** Four bounds per dimension, as typed. */
  thresholds: Record<Dimension, string[]>;
  bins: string;
  ties: TieRule;
  weights: Record<Dimension, string>;
  grades: GradeDraft[];
  /** YYYY-MM-DD or "" for none. */
  asOf: string;
  windowStart: string;
  /** Kept as it was when the profile had one (the form does not edit it). */
  description?: string;
}

/** The language whose text a Chinese field edits in an editor speaking `lang`. */
function chineseKeyOf(lang: Lang): Lang {
  return lang !== "zh" && chineseFirst(lang) ? lang : "zh";
}

/** A profile text's words in `key`'s language, or its Simplified Chinese words when it has none. */
function chineseOf(text: ProfileText, key: Lang): string {
  return text[key] ?? text.zh;
}

/** A profile text's languages, without a cadence's period. */
function textsOf(text: ProfileText): ProfileText {
  return Object.fromEntries(
    Object.entries(text).filter(([key, value]) => key !== "every" && typeof value === "string"),
  ) as ProfileText;
}

/**
 * What the document says for a text the form shows as an English and a Chinese field: the text as loaded, in every
 * language it had, while both fields still show it; once either is edited, the fields' two texts (the Chinese one
 * then stands for every Chinese, rather than a translation of words no longer there being kept).
 */
function keptOrTyped(en: string, chinese: string, loaded: ProfileText | undefined, key: Lang): Record<string, unknown> {
  const typed = bothLanguages(en, chinese);
  return loaded && loaded.en === typed.en && chineseOf(loaded, key) === typed.zh ? { ...loaded } : typed;
}

let nextKey = 1;
function newKey(): number {
  return nextKey++;
}

function text(n: number | undefined): string {
  return n === undefined ? "" : String(n);
}

function periodFields(every: ContactPeriod | undefined): Pick<GradeDraft, "every" | "everyUnit"> {
  if (every === undefined) return { every: "", everyUnit: "" };
  return "days" in every
    ? { every: String(every.days), everyUnit: "days" }
    : { every: String(every.months), everyUnit: "months" };
}

/** The catch-all grade has no cut-off; if it is moved up it gets the kind its neighbour uses. */
function cutKindOf(g: { above?: number; atLeast?: number } | undefined): CutKind | undefined {
  return g?.atLeast !== undefined ? "atLeast" : g?.above !== undefined ? "above" : undefined;
}

/** The form for an existing profile (`copyOf`: a copy with a new id and names marked as a copy). */
export function draftFromProfile(p: Profile, copyOf = false, lang: Lang = "zh"): ProfileDraft {
  const chineseKey = chineseKeyOf(lang);
  const thresholds = p.method === "thresholds" ? p.thresholds : undefined;
  const description = (p as Profile & { description?: unknown }).description;
  return {
    id: copyOf ? `${p.id}-copy` : p.id,
    nameEn: copyOf ? `${p.name.en} (copy)` : p.name.en,
    nameZh: copyOf ? `${chineseOf(p.name, chineseKey)}（副本）` : chineseOf(p.name, chineseKey),
    nameLoaded: copyOf ? undefined : textsOf(p.name),
    chineseKey,
    method: p.method,
    monetaryUnit: p.monetaryUnit,
    thresholds: {
      recency: (thresholds?.recency ?? []).map(String),
      frequency: (thresholds?.frequency ?? []).map(String),
      monetary: (thresholds?.monetary ?? []).map(String),
    },
    bins: p.method === "quantiles" ? String(p.bins) : "5",
    ties: p.method === "quantiles" ? p.ties : "average",
    weights: {
      recency: String(p.weights.recency),
      frequency: String(p.weights.frequency),
      monetary: String(p.weights.monetary),
    },
    grades: p.grades.map((g, i) => ({
      key: newKey(),
      grade: g.grade,
      cutKind: cutKindOf(g) ?? cutKindOf(p.grades[i - 1]) ?? "atLeast",
      cut: text(g.atLeast ?? g.above),
      cadenceEn: g.cadence.en,
      cadenceZh: chineseOf(g.cadence, chineseKey),
      cadenceLoaded: textsOf(g.cadence),
      ...periodFields(g.cadence.every),
    })),
    asOf: p.asOf ?? "",
    windowStart: p.windowStart ?? "",
    description: typeof description === "string" ? description : undefined,
  };
}

/** A grade with every field empty, for the user to fill. */
function blankGrade(): GradeDraft {
  return {
    key: newKey(),
    grade: "",
    cutKind: "atLeast",
    cut: "",
    cadenceEn: "",
    cadenceZh: "",
    every: "",
    everyUnit: "",
  };
}

/** An empty form: every field for the user to fill (the engine marks each one until it is right). */
export function blankDraft(lang: Lang = "zh"): ProfileDraft {
  return {
    id: "",
    nameEn: "",
    nameZh: "",
    chineseKey: chineseKeyOf(lang),
    method: "thresholds",
    monetaryUnit: "yuan",
    thresholds: { recency: ["", "", "", ""], frequency: ["", "", "", ""], monetary: ["", "", "", ""] },
    bins: "5",
    ties: "average",
    weights: { recency: "", frequency: "", monetary: "" },
    grades: [blankGrade(), blankGrade()],
    asOf: "",
    windowStart: "",
  };
}

const FULL_WIDTH = /[０-９．－＋]/g;

/**
 * A typed number as the document holds it: a number when the text is one (full-width digits, as a Chinese input
 * method types them, count as digits), otherwise the text itself, so that the engine says what is wrong with it.
 */
export function typedNumber(typed: string): unknown {
  const ascii = typed.trim().replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(ascii)) return Number(ascii);
  return typed;
}

/**
 * A text in both languages from two fields of which one may be left empty: the other language's text stands in for
 * it (a Chinese-only clerk names a profile in Chinese; English Office then shows that name too).
 */
function bothLanguages(en: string, zh: string): { en: string; zh: string } {
  return { en: en.trim() === "" ? zh : en, zh: zh.trim() === "" ? en : zh };
}

/** The RULES.md §11 document the form describes (what is saved, exported, and validated). */
export function draftToDocument(d: ProfileDraft): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    id: d.id.trim(),
    name: keptOrTyped(d.nameEn, d.nameZh, d.nameLoaded, d.chineseKey),
  };
  if (d.description !== undefined) doc.description = d.description;
  doc.method = d.method;
  doc.monetaryUnit = d.monetaryUnit;
  if (d.method === "thresholds") {
    doc.thresholds = Object.fromEntries(DIMENSIONS.map((dim) => [dim, d.thresholds[dim].map(typedNumber)]));
  } else {
    doc.bins = typedNumber(d.bins);
    doc.ties = d.ties;
  }
  if (d.asOf.trim() !== "") doc.asOf = d.asOf.trim();
  if (d.windowStart.trim() !== "") doc.windowStart = d.windowStart.trim();
  doc.weights = Object.fromEntries(DIMENSIONS.map((dim) => [dim, typedNumber(d.weights[dim])]));
  doc.grades = d.grades.map((g, i) => {
    const rule: Record<string, unknown> = { grade: g.grade.trim() };
    // The last grade takes everyone else: its cut-off field is hidden and not part of the document.
    if (i < d.grades.length - 1) rule[g.cutKind] = typedNumber(g.cut);
    const cadence: Record<string, unknown> = keptOrTyped(g.cadenceEn, g.cadenceZh, g.cadenceLoaded, d.chineseKey);
    // A unit chosen makes a period, even with no number yet: the engine then says the number is missing.
    if (g.everyUnit !== "") cadence.every = { [g.everyUnit]: typedNumber(g.every) };
    rule.cadence = cadence;
    return rule;
  });
  return doc;
}

/** Problems of the form, keyed by the engine's field path (`thresholds.recency[2]`, `grades[1].above`, ...). */
export type FieldIssues = Map<string, ProfileIssue[]>;

export function groupIssues(issues: readonly ProfileIssue[]): FieldIssues {
  const byField: FieldIssues = new Map();
  for (const issue of issues) {
    const list = byField.get(issue.field);
    if (list) list.push(issue);
    else byField.set(issue.field, [issue]);
  }
  return byField;
}

/** What the user typed in the input at an engine path, for the inputs that hold numbers; undefined for others. */
function typedAt(d: ProfileDraft, path: string): string | undefined {
  const bound = /^thresholds\.(recency|frequency|monetary)\[(\d)\]$/.exec(path);
  if (bound) return d.thresholds[bound[1] as Dimension][Number(bound[2])] ?? "";
  const weight = /^weights\.(recency|frequency|monetary)$/.exec(path);
  if (weight) return d.weights[weight[1] as Dimension];
  if (path === "bins") return d.bins;
  const grade = /^grades\[(\d+)\]\.(above|atLeast|cadence\.every(?:\.months|\.days)?)$/.exec(path);
  const g = grade ? d.grades[Number(grade[1])] : undefined;
  if (!grade || !g) return undefined;
  return grade[2] === "above" || grade[2] === "atLeast" ? g.cut : g.every;
}

/** An issue on an input left empty: the engine judged the empty text ("must be a number"); the form asks for a value. */
function askToFill(d: ProfileDraft, issue: ProfileIssue): ProfileIssue {
  const typed = typedAt(d, issue.field);
  if (typed === undefined || typed.trim() !== "") return issue;
  return { ...issue, message: allLangs((lang) => pt(lang, "fieldEmpty", { field: issue.field })) };
}

/** The engine's verdict on the form as it stands. */
export function checkDraft(d: ProfileDraft): FieldIssues {
  return groupIssues(validateProfile(draftToDocument(d)).map((issue) => askToFill(d, issue)));
}

/**
 * The field paths the form shows a message next to: each input's own path, and the group a list belongs to
 * (`thresholds.recency`, `grades[1]`). An issue on any other path is listed at the top of the form, so none is lost.
 */
function shownPaths(d: ProfileDraft): Set<string> {
  const paths = new Set([
    "id",
    "name",
    "name.en",
    "name.zh",
    "method",
    "monetaryUnit",
    "weights",
    "grades",
    "asOf",
    "windowStart",
  ]);
  for (const dim of DIMENSIONS) paths.add(`weights.${dim}`);
  if (d.method === "thresholds") {
    paths.add("thresholds");
    for (const dim of DIMENSIONS) {
      paths.add(`thresholds.${dim}`);
      for (let i = 0; i < 4; i++) paths.add(`thresholds.${dim}[${i}]`);
    }
  } else {
    paths.add("bins");
    paths.add("ties");
  }
  d.grades.forEach((_, i) => {
    for (const part of [
      "",
      ".grade",
      ".above",
      ".atLeast",
      ".cadence",
      ".cadence.en",
      ".cadence.zh",
      ".cadence.every",
      ".cadence.every.months",
      ".cadence.every.days",
    ]) {
      paths.add(`grades[${i}]${part}`);
    }
  });
  return paths;
}

export function unshownIssues(d: ProfileDraft, issues: FieldIssues): ProfileIssue[] {
  const shown = shownPaths(d);
  return [...issues].filter(([field]) => !shown.has(field)).flatMap(([, list]) => list);
}

/** The message(s) for one field in the user's language and the form's words, or undefined when it is fine. */
export function messageFor(issues: FieldIssues, field: string, lang: Lang): string | undefined {
  const list = issues.get(field);
  return list && list.length > 0 ? list.map((i) => issueMessage(i, lang)).join(punctuation(lang).semicolon) : undefined;
}

/** True when `issue` (an engine path) concerns the field at `path` (the path itself, a part of it, or its group). */
function concerns(issue: string, path: string): boolean {
  return issue === path || path.startsWith(`${issue}.`) || path.startsWith(`${issue}[`) || issue.startsWith(`${path}.`);
}

/**
 * The problems the form shows: those of the fields the user has left (`touched`, engine paths), or all of them once
 * the user tried to save or preview. A blank form is not a page of red before the first keystroke.
 */
export function visibleIssues(issues: FieldIssues, touched: ReadonlySet<string>, all: boolean): FieldIssues {
  if (all) return issues;
  const shown: FieldIssues = new Map();
  for (const [field, list] of issues) {
    if ([...touched].some((path) => concerns(field, path))) shown.set(field, list);
  }
  return shown;
}

/** A new grade goes just above the catch-all, which stays last. */
export function addGrade(d: ProfileDraft): ProfileDraft {
  const grade = blankGrade();
  const grades = [...d.grades];
  grades.splice(Math.max(0, grades.length - 1), 0, grade);
  return { ...d, grades };
}

export function removeGrade(d: ProfileDraft, index: number): ProfileDraft {
  return { ...d, grades: d.grades.filter((_, i) => i !== index) };
}

export function moveGrade(d: ProfileDraft, index: number, delta: -1 | 1): ProfileDraft {
  const to = index + delta;
  if (to < 0 || to >= d.grades.length) return d;
  const grades = [...d.grades];
  [grades[index], grades[to]] = [grades[to], grades[index]];
  return { ...d, grades };
}

export function updateGrade(d: ProfileDraft, index: number, change: Partial<Omit<GradeDraft, "key">>): ProfileDraft {
  return { ...d, grades: d.grades.map((g, i) => (i === index ? { ...g, ...change } : g)) };
}

export function updateBound(d: ProfileDraft, dim: Dimension, index: number, value: string): ProfileDraft {
  const bounds = [...d.thresholds[dim]];
  while (bounds.length < 4) bounds.push("");
  bounds[index] = value;
  return { ...d, thresholds: { ...d.thresholds, [dim]: bounds } };
}

export function updateWeight(d: ProfileDraft, dim: Dimension, value: string): ProfileDraft {
  return { ...d, weights: { ...d.weights, [dim]: value } };
}

/** Switching method keeps the other method's fields, so switching back loses nothing the user typed. */
export function setMethod(d: ProfileDraft, method: Profile["method"]): ProfileDraft {
  const thresholds = { ...d.thresholds };
  for (const dim of DIMENSIONS) while (thresholds[dim].length < 4) thresholds[dim] = [...thresholds[dim], ""];
  return { ...d, method, thresholds };
}
