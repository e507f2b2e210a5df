/**
 * Profile documents as files (RULES.md §11 Profile documents): the text a user imports into a workbook, exports from
 * it, and hands to the command line's `--profile FILE.json`. One reader and one writer, so the three places can never
 * disagree.
 */
import { parseProfile, PROFILE_FIELDS, validateProfile } from "./profiles";
import { ENGINE_TEXTS, type EngineTexts } from "../i18n/engine";
import { LANGS } from "../i18n/languages";
import { allLangs } from "../i18n/message";
import type { Profile, ProfileIssue } from "./types";

export type ProfileJsonResult = { profile: Profile } | { issues: ProfileIssue[] };

/** The field name of problems with the file itself rather than with one profile field. */
export const JSON_FIELD = "(json)";

/**
 * A profile from the text of a JSON file: `{ profile }` when it is a valid profile document, otherwise `{ issues }`
 * (a syntax error names its line and column; an invalid document lists every field the engine refuses).
 */
export function parseProfileJson(text: string): ProfileJsonResult {
  const body = text.replace(/^\uFEFF/, "");
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return { issues: [syntaxIssue(body)] };
  }
  const issues = validateProfile(doc);
  if (issues.length > 0) return { issues };
  return { profile: parseProfile(doc) };
}

const DIMENSION_ORDER = ["recency", "frequency", "monetary"] as const;
const GRADE_ORDER = ["grade", "above", "atLeast", "cadence"] as const;
/** A profile's own texts in the order of the languages' registry. */
const TEXTS_ORDER = LANGS;
const CADENCE_ORDER = [...LANGS, "every"] as const;
const PERIOD_ORDER = ["months", "days"] as const;

/**
 * The profile as a JSON document (RULES.md §11): fields in a fixed order whatever order they were built in (so an
 * export of the same profile is always the same file), two-space indentation, short lists and objects on one line.
 */
export function profileToJson(profile: Profile): string {
  const source = profile as unknown as Record<string, unknown>;
  const doc: Record<string, unknown> = {};
  for (const key of PROFILE_FIELDS) {
    const value = source[key];
    if (value === undefined) continue;
    if (key === "name") doc.name = ordered(value, TEXTS_ORDER);
    else if (key === "thresholds" || key === "weights") doc[key] = ordered(value, DIMENSION_ORDER);
    else if (key === "grades") {
      doc.grades = (value as Record<string, unknown>[]).map((g) => {
        const grade = ordered(g, GRADE_ORDER);
        const cadence = ordered(g.cadence, CADENCE_ORDER);
        if (cadence.every !== undefined) cadence.every = ordered(cadence.every, PERIOD_ORDER);
        grade.cadence = cadence;
        return grade;
      });
    } else doc[key] = value;
  }
  return `${layout(doc, "")}\n`;
}

function ordered(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/** Lines longer than this are broken up, one member per line. */
const LINE_WIDTH = 120;

/** `lead` is the width of what stands before the value on its line (indentation and field name). */
function layout(value: unknown, indent: string, lead = indent.length): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = indent + "  ";
  const isArray = Array.isArray(value);
  const members = isArray
    ? (value as unknown[]).map((v) => layout(v, inner))
    : Object.entries(value).map(([k, v]) => {
        const key = `${JSON.stringify(k)}: `;
        return key + layout(v, inner, inner.length + key.length);
      });
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (members.length === 0) return open + close;
  const inline = isArray ? `[${members.join(", ")}]` : `{ ${members.join(", ")} }`;
  // +1 for the comma that may follow.
  if (!inline.includes("\n") && lead + inline.length + 1 <= LINE_WIDTH) return inline;
  return `${open}\n${members.map((m) => inner + m).join(",\n")}\n${indent}${close}`;
}

/** What a JSON reader expected where the text went wrong (the catalogues say it). */
type Expectation = keyof EngineTexts["json"]["expected"];

class JsonSyntax {
  constructor(
    readonly at: number,
    readonly expected: Expectation,
  ) {}
}

/** The issue for text that JSON.parse refused: where (line and column, counted from 1) and what was expected. */
function syntaxIssue(text: string): ProfileIssue {
  const found = findSyntaxError(text);
  const { line, column } = lineAndColumn(text, found.at);
  const message = allLangs((lang) => {
    const t = ENGINE_TEXTS[lang].json;
    const what = t.expected[found.expected];
    return found.expected === "empty" ? t.notJson(what) : t.notJsonAt(line, column, what);
  });
  return { field: JSON_FIELD, message };
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/**
 * JSON.parse says only that the text is wrong, and its wording differs between JavaScript engines; this small
 * reader of the JSON grammar (RFC 8259) finds where and why, the same way in Excel, Node and every browser.
 */
function findSyntaxError(text: string): JsonSyntax {
  let i = 0;
  const fail = (expected: Expectation, at = i): never => {
    throw new JsonSyntax(at, i >= text.length && expected !== "end" ? "eof" : expected);
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail("value");
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail("string", start);
      if (text[i] === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("string", i);
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail("string", i);
      } else i++;
    }
    if (i >= text.length) throw new JsonSyntax(start, "string");
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail("number");
    else i += match[0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    fail("value");
  };
  const object = () => {
    i++;
    space();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] !== '"') fail("key");
      string();
      space();
      if (text[i] !== ":") fail("colon");
      i++;
      value();
      space();
      if (text[i] === ",") i++;
      else if (text[i] === "}") {
        i++;
        return;
      } else fail("commaOrBrace");
    }
  };
  const array = () => {
    i++;
    space();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      value();
      space();
      if (text[i] === ",") i++;
      else if (text[i] === "]") {
        i++;
        return;
      } else fail("commaOrBracket");
    }
  };
  try {
    space();
    if (i >= text.length) return new JsonSyntax(0, "empty");
    value();
    space();
    if (i < text.length) fail("end");
  } catch (err) {
    if (err instanceof JsonSyntax) return err;
    throw err;
  }
  // JSON.parse refused what the grammar accepts (an engine limit such as nesting depth): point at the start.
  return new JsonSyntax(0, "value");
}
