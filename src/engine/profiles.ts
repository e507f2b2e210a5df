/** Profile documents (spec §6): validation with messages that name the field, and the built-ins. */

import { SHAOXING_DOCUMENT, WUHAN_DOCUMENT } from "./builtinProfiles";
import { parseDateText } from "./dates";
import { decimalPlaces, MONEY_PLACES } from "./decimal";
import { periodProblems } from "./periods";
import type { Dimension, Lang, Localized, Profile, ProfileIssue } from "./types";

export class ProfileError extends Error {
  constructor(readonly issues: ProfileIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message.en}`).join("\n"));
    this.name = "ProfileError";
  }
}

const DIMENSIONS: Dimension[] = ["recency", "frequency", "monetary"];
const KNOWN_FIELDS = new Set([
  "id", "name", "description", "method", "monetaryUnit", "thresholds", "weights", "grades", "bins", "ties", "asOf",
  "windowStart", "$schema",
]);
/** Weights and grade cut-offs are summed exactly in integer units; more decimals than this are refused. */
export const MAX_SCORE_PLACES = 6;
const MAX_BINS = 100;

type Check = (field: string, en: string, zh: string) => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}
function isText(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "";
}

function checkLocalized(v: unknown, field: string, fail: Check): void {
  if (!isObject(v)) return fail(field, "must be an object with English (en) and Chinese (zh) text", "必须是包含英文（en）和中文（zh）文本的对象");
  for (const lang of ["en", "zh"] as Lang[]) {
    if (!isText(v[lang])) fail(`${field}.${lang}`, "must be a non-empty text", "必须是非空文本");
  }
}

function checkDecimal(v: unknown, field: string, places: number, fail: Check, min?: number): v is number {
  if (!isNumber(v)) {
    fail(field, "must be a number", "必须是数字");
    return false;
  }
  if (decimalPlaces(v) > places) {
    fail(field, `must have at most ${places} decimal places`, `小数位数不能超过 ${places} 位`);
    return false;
  }
  if (min !== undefined && v < min) {
    fail(field, `must be at least ${min}`, `不能小于 ${min}`);
    return false;
  }
  return true;
}

function checkThresholds(v: unknown, fail: Check): void {
  if (!isObject(v)) return fail("thresholds", "is required for a thresholds profile: an object with recency, frequency and monetary bounds", "固定阈值方案必须提供 thresholds：包含 recency、frequency、monetary 的对象");
  for (const dim of DIMENSIONS) {
    const field = `thresholds.${dim}`;
    const bounds = v[dim];
    if (!Array.isArray(bounds) || bounds.length !== 4) {
      fail(field, "must be a list of 4 bounds", "必须是包含 4 个界值的列表");
      continue;
    }
    const places = dim === "monetary" ? MONEY_PLACES : MAX_SCORE_PLACES;
    let ok = true;
    bounds.forEach((b, i) => {
      ok = checkDecimal(b, `${field}[${i}]`, places, fail, 0) && ok;
    });
    if (!ok) continue;
    for (let i = 1; i < 4; i++) {
      if (!((bounds[i] as number) > (bounds[i - 1] as number))) {
        fail(`${field}[${i}]`, "bounds must increase: each must be greater than the one before", "界值必须递增：每个界值都要大于前一个");
        break;
      }
    }
  }
  for (const key of Object.keys(v)) {
    if (!DIMENSIONS.includes(key as Dimension)) fail(`thresholds.${key}`, "is not a known dimension (recency, frequency, monetary)", "不是已知维度（recency、frequency、monetary）");
  }
}

function checkGrades(v: unknown, fail: Check): void {
  if (!Array.isArray(v) || v.length === 0) return fail("grades", "must be a non-empty list of grades", "必须是非空的等级列表");
  const seen = new Set<string>();
  let previousCut: number | undefined;
  let previousAbove = false;
  v.forEach((g, i) => {
    const field = `grades[${i}]`;
    if (!isObject(g)) return fail(field, "must be an object", "必须是对象");
    if (!isText(g.grade)) fail(`${field}.grade`, "must be a non-empty text such as \"A\"", "必须是非空文本，例如 \"A\"");
    else if (seen.has(g.grade)) fail(`${field}.grade`, `repeats the grade "${g.grade}"`, `等级 "${g.grade}" 重复`);
    else seen.add(g.grade);
    checkLocalized(g.cadence, `${field}.cadence`, fail);
    if (isObject(g.cadence) && g.cadence.every !== undefined) {
      for (const p of periodProblems(g.cadence.every)) fail(`${field}.cadence.every${p.field}`, p.en, p.zh);
    }
    const last = i === v.length - 1;
    const hasAbove = g.above !== undefined;
    const hasAtLeast = g.atLeast !== undefined;
    if (last) {
      if (hasAbove || hasAtLeast) fail(hasAbove ? `${field}.above` : `${field}.atLeast`, "the last grade must have no cut-off: it takes every remaining customer (catch-all)", "最后一个等级不能有分界值：它接收其余所有客户");
      return;
    }
    if (hasAbove === hasAtLeast) {
      return fail(field, "must have exactly one cut-off, \"above\" or \"atLeast\" (only the last grade has none)", "必须且只能有一个分界值 \"above\" 或 \"atLeast\"（只有最后一个等级没有）");
    }
    const key = hasAbove ? "above" : "atLeast";
    const cut = g[key];
    if (!checkDecimal(cut, `${field}.${key}`, MAX_SCORE_PLACES, fail)) return;
    // A cut-off not below the previous one makes this grade unreachable; "above x" then "atLeast x" still catches x.
    if (previousCut !== undefined && (cut > previousCut || (cut === previousCut && !(previousAbove && !hasAbove)))) {
      fail(`${field}.${key}`, "must be lower than the cut-off of the grade before (grades go from best to worst)", "必须低于上一个等级的分界值（等级从高到低排列）");
    }
    previousCut = cut;
    previousAbove = hasAbove;
  });
}

/** Every problem with a profile document, each naming its field; empty when the document is a valid profile. */
export function validateProfile(doc: unknown): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const fail: Check = (field, en, zh) => {
    issues.push({ field, message: { en: `${field} ${en}`, zh: `${field} ${zh}` } });
  };
  if (!isObject(doc)) {
    fail("(profile)", "must be a JSON object", "必须是 JSON 对象");
    return issues;
  }
  for (const key of Object.keys(doc)) {
    if (!KNOWN_FIELDS.has(key)) fail(key, "is not a profile field", "不是分级方案的字段");
  }
  if (!isText(doc.id) || !/^[\p{L}\p{N}_.-]{1,64}$/u.test(doc.id)) {
    fail("id", "must be 1–64 letters, digits, \"-\", \"_\" or \".\"", "必须是 1–64 个字母、数字、“-”、“_”或“.”");
  }
  checkLocalized(doc.name, "name", fail);
  if (doc.method !== "thresholds" && doc.method !== "quantiles") {
    fail("method", "must be \"thresholds\" or \"quantiles\"", "必须是 \"thresholds\" 或 \"quantiles\"");
  }
  if (doc.monetaryUnit !== "yuan" && doc.monetaryUnit !== "wan") {
    fail("monetaryUnit", "must be \"yuan\" or \"wan\" (10,000 yuan)", "必须是 \"yuan\"（元）或 \"wan\"（万元）");
  }
  if (!isObject(doc.weights)) fail("weights", "must be an object with recency, frequency and monetary weights", "必须是包含 recency、frequency、monetary 权重的对象");
  else for (const dim of DIMENSIONS) checkDecimal(doc.weights[dim], `weights.${dim}`, MAX_SCORE_PLACES, fail, 0);
  if (doc.method === "thresholds") {
    checkThresholds(doc.thresholds, fail);
    if (doc.bins !== undefined) fail("bins", "belongs to quantile profiles only", "仅适用于分位数方案");
    if (doc.ties !== undefined) fail("ties", "belongs to quantile profiles only", "仅适用于分位数方案");
  }
  if (doc.method === "quantiles") {
    if (doc.thresholds !== undefined) fail("thresholds", "belongs to thresholds profiles only", "仅适用于固定阈值方案");
    if (doc.bins !== undefined && !(Number.isInteger(doc.bins) && (doc.bins as number) >= 2 && (doc.bins as number) <= MAX_BINS)) {
      fail("bins", `must be a whole number from 2 to ${MAX_BINS}`, `必须是 2 到 ${MAX_BINS} 之间的整数`);
    }
    if (doc.ties !== undefined && !["average", "best", "first"].includes(doc.ties as string)) {
      fail("ties", "must be \"average\", \"best\" or \"first\"", "必须是 \"average\"、\"best\" 或 \"first\"");
    }
  }
  for (const key of ["asOf", "windowStart"] as const) {
    const v = doc[key];
    if (v !== undefined && (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || parseDateText(v) === null)) {
      fail(key, "must be a date written YYYY-MM-DD", "必须是 YYYY-MM-DD 格式的日期");
    }
  }
  if (typeof doc.asOf === "string" && typeof doc.windowStart === "string") {
    const a = parseDateText(doc.asOf), w = parseDateText(doc.windowStart);
    if (a !== null && w !== null && w > a) fail("windowStart", "must not be after asOf", "不能晚于 asOf");
  }
  checkGrades(doc.grades, fail);
  return issues;
}

/** A validated profile, with the defaults of spec §6 filled in (bins 5, ties "average"). */
export function parseProfile(doc: unknown): Profile {
  const issues = validateProfile(doc);
  if (issues.length) throw new ProfileError(issues);
  const copy = JSON.parse(JSON.stringify(doc)) as Profile & { description?: unknown; $schema?: unknown };
  if (copy.method === "quantiles") {
    copy.bins ??= 5;
    copy.ties ??= "average";
  }
  return copy;
}

export const BUILTIN_PROFILES: readonly Profile[] = Object.freeze([
  parseProfile(SHAOXING_DOCUMENT),
  parseProfile(WUHAN_DOCUMENT),
]);

export function builtinProfile(id: string): Profile | undefined {
  return BUILTIN_PROFILES.find((p) => p.id === id);
}

export function profileName(p: Profile, lang: Lang): string {
  return p.name[lang];
}

export function localized(text: Localized, lang: Lang): string {
  return text[lang];
}
