/** Profile documents (RULES.md §11 Profile documents): validation with messages that name the field, and the built-ins. */

import { SHAOXING_DOCUMENT, WUHAN_DOCUMENT } from "./builtinProfiles";
import { parseDateText } from "./dates";
import { decimalPlaces, MONEY_PLACES } from "./decimal";
import { periodProblems } from "./periods";
import { ENGINE_TEXTS, type EngineTexts } from "../i18n/engine";
import { LANGS } from "../i18n/languages";
import { allLangs } from "../i18n/message";
import { profileText } from "./profileText";
import type { Dimension, Lang, Profile, ProfileIssue } from "./types";

export class ProfileError extends Error {
  constructor(readonly issues: ProfileIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message.en}`).join("\n"));
    this.name = "ProfileError";
  }
}

const DIMENSIONS: Dimension[] = ["recency", "frequency", "monetary"];
/** A profile document's fields, in the order a written document gives them (close to the table of RULES.md §11). */
export const PROFILE_FIELDS = [
  "id",
  "name",
  "description",
  "method",
  "monetaryUnit",
  "thresholds",
  "bins",
  "ties",
  "asOf",
  "windowStart",
  "weights",
  "grades",
] as const;
/** Fields a document may hold: the profile's, and the editor hint `$schema`. */
const KNOWN_FIELDS = new Set<string>([...PROFILE_FIELDS, "$schema"]);
/** Weights and grade cut-offs are summed exactly in integer units; more decimals than this are refused. */
const MAX_SCORE_PLACES = 6;
const MAX_BINS = 100;

/** The message of a problem, picked from a language's catalogue. */
type Said = (t: EngineTexts["profileIssues"]) => string;
type Check = (field: string, said: Said) => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}
function isText(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "";
}

/** The languages a profile's own texts must carry; any other language the product speaks is optional. */
const REQUIRED_TEXTS: readonly Lang[] = ["en", "zh"];

function checkTexts(v: unknown, field: string, fail: Check): void {
  if (!isObject(v)) return fail(field, (t) => t.textsObject);
  for (const lang of LANGS) {
    if ((REQUIRED_TEXTS.includes(lang) || v[lang] !== undefined) && !isText(v[lang]))
      fail(`${field}.${lang}`, (t) => t.nonEmptyText);
  }
}

function checkDecimal(v: unknown, field: string, places: number, fail: Check, min?: number): v is number {
  if (!isNumber(v)) {
    fail(field, (t) => t.number);
    return false;
  }
  if (decimalPlaces(v) > places) {
    fail(field, (t) => t.decimalPlaces(places));
    return false;
  }
  if (min !== undefined && v < min) {
    fail(field, (t) => t.atLeast(min));
    return false;
  }
  return true;
}

function checkThresholds(v: unknown, fail: Check): void {
  if (!isObject(v)) return fail("thresholds", (t) => t.thresholdsRequired);
  for (const dim of DIMENSIONS) {
    const field = `thresholds.${dim}`;
    const bounds = v[dim];
    if (!Array.isArray(bounds) || bounds.length !== 4) {
      fail(field, (t) => t.fourBounds);
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
        fail(`${field}[${i}]`, (t) => t.boundsIncrease);
        break;
      }
    }
  }
  for (const key of Object.keys(v)) {
    if (!DIMENSIONS.includes(key as Dimension)) fail(`thresholds.${key}`, (t) => t.unknownDimension);
  }
}

function checkGrades(v: unknown, fail: Check): void {
  if (!Array.isArray(v) || v.length === 0) return fail("grades", (t) => t.grades);
  const seen = new Set<string>();
  let previousCut: number | undefined;
  let previousAbove = false;
  v.forEach((g, i) => {
    const field = `grades[${i}]`;
    if (!isObject(g)) return fail(field, (t) => t.gradeObject);
    if (!isText(g.grade)) fail(`${field}.grade`, (t) => t.gradeName);
    else if (seen.has(g.grade)) fail(`${field}.grade`, (t) => t.gradeRepeated(g.grade as string));
    else seen.add(g.grade);
    checkTexts(g.cadence, `${field}.cadence`, fail);
    if (isObject(g.cadence) && g.cadence.every !== undefined) {
      for (const p of periodProblems(g.cadence.every)) fail(`${field}.cadence.every${p.field}`, p.said);
    }
    const last = i === v.length - 1;
    const hasAbove = g.above !== undefined;
    const hasAtLeast = g.atLeast !== undefined;
    if (last) {
      if (hasAbove || hasAtLeast) fail(hasAbove ? `${field}.above` : `${field}.atLeast`, (t) => t.lastGradeCut);
      return;
    }
    if (hasAbove === hasAtLeast) {
      return fail(field, (t) => t.oneCut);
    }
    const key = hasAbove ? "above" : "atLeast";
    const cut = g[key];
    if (!checkDecimal(cut, `${field}.${key}`, MAX_SCORE_PLACES, fail)) return;
    // A cut-off not below the previous one makes this grade unreachable; "above x" then "atLeast x" still catches x.
    if (previousCut !== undefined && (cut > previousCut || (cut === previousCut && !(previousAbove && !hasAbove)))) {
      fail(`${field}.${key}`, (t) => t.cutsFall);
    }
    previousCut = cut;
    previousAbove = hasAbove;
  });
}

/** Every problem with a profile document, each naming its field; empty when the document is a valid profile. */
export function validateProfile(doc: unknown): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const fail: Check = (field, said) => {
    issues.push({ field, message: allLangs((lang) => `${field} ${said(ENGINE_TEXTS[lang].profileIssues)}`) });
  };
  if (!isObject(doc)) {
    fail("(profile)", (t) => t.notAnObject);
    return issues;
  }
  for (const key of Object.keys(doc)) {
    if (!KNOWN_FIELDS.has(key)) fail(key, (t) => t.notAField);
  }
  if (!isText(doc.id) || !/^[\p{L}\p{N}_.-]{1,64}$/u.test(doc.id)) {
    fail("id", (t) => t.id);
  }
  checkTexts(doc.name, "name", fail);
  if (doc.method !== "thresholds" && doc.method !== "quantiles") {
    fail("method", (t) => t.method);
  }
  if (doc.monetaryUnit !== "yuan" && doc.monetaryUnit !== "wan") {
    fail("monetaryUnit", (t) => t.monetaryUnit);
  }
  if (!isObject(doc.weights)) fail("weights", (t) => t.weights);
  else for (const dim of DIMENSIONS) checkDecimal(doc.weights[dim], `weights.${dim}`, MAX_SCORE_PLACES, fail, 0);
  if (doc.method === "thresholds") {
    checkThresholds(doc.thresholds, fail);
    if (doc.bins !== undefined) fail("bins", (t) => t.quantilesOnly);
    if (doc.ties !== undefined) fail("ties", (t) => t.quantilesOnly);
  }
  if (doc.method === "quantiles") {
    if (doc.thresholds !== undefined) fail("thresholds", (t) => t.thresholdsOnly);
    if (
      doc.bins !== undefined &&
      !(Number.isInteger(doc.bins) && (doc.bins as number) >= 2 && (doc.bins as number) <= MAX_BINS)
    ) {
      fail("bins", (t) => t.bins(MAX_BINS));
    }
    if (doc.ties !== undefined && !["average", "best", "first"].includes(doc.ties as string)) {
      fail("ties", (t) => t.ties);
    }
  }
  for (const key of ["asOf", "windowStart"] as const) {
    const v = doc[key];
    if (v !== undefined && (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || parseDateText(v) === null)) {
      fail(key, (t) => t.date);
    }
  }
  if (typeof doc.asOf === "string" && typeof doc.windowStart === "string") {
    const a = parseDateText(doc.asOf),
      w = parseDateText(doc.windowStart);
    if (a !== null && w !== null && w > a) fail("windowStart", (t) => t.windowAfterAsOf);
  }
  checkGrades(doc.grades, fail);
  return issues;
}

/** A validated profile, with the defaults of RULES.md §11 filled in (bins 5, ties "average"). */
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
  return profileText(p.name, lang);
}
