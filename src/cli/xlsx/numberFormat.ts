/**
 * Excel number format codes, read as Excel reads them, to tell what a number in a cell shows as: a plain number, a
 * date (a day, perhaps with its time), a time of day, or an elapsed time (`[h]:mm`, a duration, which is no date).
 * Quoted text (`"年"`), backslash-escaped characters (`0\ \o\r\d\e\r\s`), `_x` spacing and `*x` fill characters are
 * text, never date letters; bracketed parts are colours (`[Red]`), conditions (`[<=100]`), locales and currencies
 * (`[$-804]`, `[$¥-804]`), or elapsed time units (`[h]`). Sections are separated by `;` (positive; negative; zero;
 * text), and the section a value uses is chosen as Excel chooses it.
 */

export type NumberKind = "number" | "date" | "time" | "duration";

type TokenType =
  | "year"
  | "month"
  | "day"
  | "hour"
  | "minute"
  | "second"
  | "elapsedHour"
  | "elapsedMinute"
  | "elapsedSecond"
  | "ampm"
  | "fraction"
  | "text"
  | "m"
  | "digit";

interface Token {
  type: TokenType;
  /** Letters in the run (`mm` → 2), or the text of a literal / AM-PM marker. */
  length: number;
  text: string;
}

interface Condition {
  op: "<" | "<=" | ">" | ">=" | "=" | "<>";
  value: number;
}

interface Section {
  kind: NumberKind;
  tokens: Token[];
  condition?: Condition;
}

export interface NumberFormat {
  sections: Section[];
  /** The kind every value shows as, or null when it depends on the value (sections of different kinds). */
  kind: NumberKind | null;
}

const GENERAL: NumberFormat = { sections: [{ kind: "number", tokens: [] }], kind: "number" };

/** A format code read once (styles hold a few dozen; cells refer to them by index). */
export function numberFormat(code: string): NumberFormat {
  if (code === "" || /^general$/i.test(code.trim())) return GENERAL;
  const sections = splitSections(code).map(readSection);
  // The fourth section is for text; numbers never use it.
  const numeric = sections.slice(0, 3);
  const kinds = new Set(numeric.filter((s) => s.tokens.length > 0).map((s) => s.kind));
  return { sections, kind: kinds.size === 0 ? "number" : kinds.size === 1 ? [...kinds][0] : null };
}

/** What this value shows as under the format. */
export function kindOf(format: NumberFormat, value: number): NumberKind {
  return format.kind ?? sectionFor(format, value).kind;
}

/** The section Excel formats this number with. */
function sectionFor(format: NumberFormat, value: number): Section {
  const s = format.sections.slice(0, 3);
  if (s[0].condition || s[1]?.condition) {
    if (s[0].condition && holds(s[0].condition, value)) return s[0];
    if (s[1] && (!s[1].condition || holds(s[1].condition, value))) return s[1];
    return s[2] ?? s[0];
  }
  if (value < 0 && s.length >= 2) return s[1];
  if (value === 0 && s.length >= 3) return s[2];
  return s[0];
}

function holds(c: Condition, v: number): boolean {
  switch (c.op) {
    case "<":
      return v < c.value;
    case "<=":
      return v <= c.value;
    case ">":
      return v > c.value;
    case ">=":
      return v >= c.value;
    case "=":
      return v === c.value;
    default:
      return v !== c.value;
  }
}

/** The code's sections, split at `;` outside quotes, escapes and brackets. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') i = skipTo(code, '"', i);
    else if (c === "[") i = skipTo(code, "]", i);
    else if (c === "\\" || c === "_" || c === "*") i++;
    else if (c === ";") {
      out.push(code.slice(start, i));
      start = i + 1;
    }
  }
  out.push(code.slice(start));
  return out;
}

function skipTo(code: string, close: string, from: number): number {
  const at = code.indexOf(close, from + 1);
  return at < 0 ? code.length : at;
}

const CONDITION = /^(<=|>=|<>|<|>|=)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/;
// Windows' system long date and time formats, and their newer names.
const SYSTEM_DATE = /^\$-(?:[0-9a-f]*F800|x-sysdate)$/i;
const SYSTEM_TIME = /^\$-(?:[0-9a-f]*F400|x-systime)$/i;

function readSection(code: string): Section {
  const tokens: Token[] = [];
  let condition: Condition | undefined;
  let hint: NumberKind | undefined;
  const text = (t: string) => tokens.push({ type: "text", length: t.length, text: t });
  const push = (type: TokenType, length: number, t = "") => tokens.push({ type, length, text: t });
  const lower = code.toLowerCase();
  for (let i = 0; i < code.length;) {
    const c = code[i];
    const l = lower[i];
    if (c === '"') {
      const end = skipTo(code, '"', i);
      text(code.slice(i + 1, end));
      i = end + 1;
    } else if (c === "\\") {
      text(code[i + 1] ?? "");
      i += 2;
    } else if (c === "_") {
      text(" "); // the width of the next character, shown as a space
      i += 2;
    } else if (c === "*") {
      i += 2; // a fill character repeated to the column's width
    } else if (c === "[") {
      const end = skipTo(code, "]", i);
      const inner = code.slice(i + 1, end);
      i = end + 1;
      if (/^h+$/i.test(inner)) push("elapsedHour", inner.length);
      else if (/^m+$/i.test(inner)) push("elapsedMinute", inner.length);
      else if (/^s+$/i.test(inner)) push("elapsedSecond", inner.length);
      else if (SYSTEM_DATE.test(inner)) hint = "date";
      else if (SYSTEM_TIME.test(inner)) hint = "time";
      else if (CONDITION.test(inner)) {
        const m = CONDITION.exec(inner)!;
        condition = { op: m[1] as Condition["op"], value: Number(m[2]) };
      } else if (inner.startsWith("$")) {
        // [$¥-804]: a currency sign shown as text, then the locale.
        const sign = inner.slice(1).split("-")[0];
        if (sign) text(sign);
      }
      // Anything else is a colour ([Red], [Color10]) or a numeral system ([DBNum1]): nothing to read.
    } else if (lower.startsWith("general", i)) {
      push("digit", 7);
      i += 7;
    } else if (lower.startsWith("am/pm", i)) {
      push("ampm", 5, code.slice(i, i + 5));
      i += 5;
    } else if (lower.startsWith("a/p", i)) {
      push("ampm", 3, code.slice(i, i + 3));
      i += 3;
    } else if (code.startsWith("上午/下午", i)) {
      push("ampm", 5, "上午/下午");
      i += 5;
    } else if (
      l === "y" ||
      l === "d" ||
      l === "h" ||
      l === "s" ||
      l === "m" ||
      l === "g" ||
      (l === "e" && !isSign(code[i + 1]))
    ) {
      const n = runLength(lower, i);
      push(
        l === "y" || l === "e" || l === "g"
          ? "year"
          : l === "d"
            ? "day"
            : l === "h"
              ? "hour"
              : l === "s"
                ? "second"
                : "m",
        n,
      );
      i += n;
    } else if (l === "b" && (code[i + 1] === "1" || code[i + 1] === "2")) {
      i += 2; // a calendar switch (B1 Hijri, B2 Gregorian)
    } else if (l === "b") {
      const n = runLength(lower, i); // Buddhist-era year
      push("year", n);
      i += n;
    } else if (lower.startsWith("aaa", i)) {
      const n = runLength(lower, i); // day of the week (East Asian locales)
      push("day", n);
      i += n;
    } else if (c === "." && lastTime(tokens) && code[i + 1] === "0") {
      let n = 0;
      while (code[i + 1 + n] === "0") n++;
      push("fraction", n);
      i += 1 + n;
    } else if (c === "0" || c === "#" || c === "?" || c === "@" || (l === "e" && isSign(code[i + 1]))) {
      push("digit", 1);
      i += l === "e" ? 2 : 1;
    } else {
      text(c);
      i++;
    }
  }
  resolveMinutes(tokens);
  return { kind: kindOfTokens(tokens, hint), tokens, condition };
}

function isSign(c: string | undefined): boolean {
  return c === "+" || c === "-";
}

function runLength(lower: string, i: number): number {
  let n = 1;
  while (lower[i + n] === lower[i]) n++;
  return n;
}

function lastTime(tokens: Token[]): boolean {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k].type;
    if (t === "text") continue;
    return t === "second" || t === "elapsedSecond";
  }
  return false;
}

/** `m`/`mm` right after an hour or right before a second is minutes; otherwise (and `mmm` always) the month. */
function resolveMinutes(tokens: Token[]): void {
  const timed = tokens.filter((t) => t.type !== "text");
  for (let k = 0; k < timed.length; k++) {
    const t = timed[k];
    if (t.type !== "m") continue;
    const before = timed[k - 1]?.type,
      after = timed[k + 1]?.type;
    const minute =
      t.length <= 2 &&
      (before === "hour" || before === "elapsedHour" || after === "second" || after === "elapsedSecond");
    t.type = minute ? "minute" : "month";
  }
}

function kindOfTokens(tokens: Token[], hint: NumberKind | undefined): NumberKind {
  const has = (...types: TokenType[]) => tokens.some((t) => types.includes(t.type));
  if (hint === "date" || has("year", "month", "day")) return "date";
  if (has("elapsedHour", "elapsedMinute", "elapsedSecond")) return "duration";
  if (hint === "time" || has("hour", "minute", "second", "ampm")) return "time";
  return "number";
}

const MS_PER_DAY = 86_400_000;

/**
 * A time of day or an elapsed time as Excel shows it under its format (`18:30`, `36:00:00`, `下午6时30分`): rounded
 * to the smallest unit shown, hours past 24 only in elapsed units.
 */
export function timeText(format: NumberFormat, value: number): string {
  const section = sectionFor(format, value);
  const digits = Math.min(3, Math.max(0, ...section.tokens.filter((t) => t.type === "fraction").map((t) => t.length)));
  const unit = 10 ** (3 - digits);
  const total = Math.round((Math.abs(value) * MS_PER_DAY) / unit) * unit;
  const seconds = Math.floor(total / 1000);
  const hour = Math.floor(seconds / 3600) % 24;
  const twelveHour = section.tokens.some((t) => t.type === "ampm");
  // hh, mm, ss show two digits; elapsed units as many as the brackets hold ([hhh] → 005).
  const pad = (n: number, length: number) => String(n).padStart(length, "0");
  let out = value < 0 && section === format.sections[0] ? "-" : "";
  for (const t of section.tokens) {
    switch (t.type) {
      case "hour":
        out += pad(twelveHour ? hour % 12 || 12 : hour, Math.min(t.length, 2));
        break;
      case "minute":
        out += pad(Math.floor(seconds / 60) % 60, Math.min(t.length, 2));
        break;
      case "second":
        out += pad(seconds % 60, Math.min(t.length, 2));
        break;
      case "elapsedHour":
        out += pad(Math.floor(seconds / 3600), t.length);
        break;
      case "elapsedMinute":
        out += pad(Math.floor(seconds / 60), t.length);
        break;
      case "elapsedSecond":
        out += pad(seconds, t.length);
        break;
      case "fraction":
        out +=
          "." +
          String(total % 1000)
            .padStart(3, "0")
            .slice(0, t.length);
        break;
      case "ampm":
        out += ampm(t.text, hour >= 12);
        break;
      case "text":
        out += t.text;
        break;
      default:
        break;
    }
  }
  return out;
}

function ampm(marker: string, pm: boolean): string {
  if (marker === "上午/下午") return pm ? "下午" : "上午";
  const [am, p] = marker.split("/");
  return pm ? p : am;
}
