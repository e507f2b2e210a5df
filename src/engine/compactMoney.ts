/**
 * Amounts for display where room is short (a result card, a narrow column): 1,234.57万 and 1.23亿 as a Chinese
 * accountant writes them, 12.35K and 1.23M in English, with the exact figure beside it for a tooltip. Cells of the
 * sheet always hold the exact amount; this is only how it reads.
 *
 * Intl.NumberFormat's compact notation is not what an accountant expects: in zh-CN it writes "1235万" (no thousands
 * separator inside the scaled number), rounds to two significant digits by default ("12万" next to "1.2亿"), and with
 * fixed decimals still drops the separators ("1234.57万"). So the scale is chosen here, and the amount is scaled and
 * rounded on its exact decimal digits (halves away from zero: 1.005 is 1.01, which a double cannot promise); zh-CN and
 * en-US both write "," between thousands and "." before decimals.
 */
import { ENGINE_TEXTS } from "../i18n/engine";
import type { Lang, MonetaryUnit } from "./types";

/** An amount as shown, and the same amount in full for a tooltip. */
export interface MoneyDisplay {
  /** "1,234.57万", "1.23亿", "12.35K", "950.00" (a fixed number of decimals for the whole column). */
  text: string;
  /** The exact amount in yuan with thousands separators and every decimal it has: "12,345,678.9 元". */
  exact: string;
}

/** Amounts below 10^COMPACT_FROM yuan are shown in full (9,999.00 fits wherever 1.23万 does). */
const COMPACT_FROM = 4;
/** Decimals of a column that holds cents or scaled amounts. */
const DECIMALS = 2;

/**
 * A column of amounts for display, each in `unit` (yuan or 万元) as the engine sums them (exact decimal text, or
 * numbers). Every amount of the column gets the same number of decimals: two when any amount is scaled (万, 亿, K, M
 * …) or has cents, none when all are whole yuan below 10,000. Each amount takes the largest scale at which it is at
 * least 1 once rounded (so 99,999,999.999 yuan is "1.00亿", not "10,000.00万").
 */
export function compactMoneyColumn(
  amounts: readonly (number | string)[],
  unit: MonetaryUnit,
  lang: Lang,
): MoneyDisplay[] {
  const yuan = amounts.map((a) => inYuan(a, unit));
  const needsDecimals = yuan.some(
    (d) => d !== null && (scaleOf(d, DECIMALS, lang) !== null || hasFraction(roundTo(d, DECIMALS))),
  );
  const places = needsDecimals ? DECIMALS : 0;
  return yuan.map((d) => (d === null ? { text: "", exact: "" } : display(d, places, lang)));
}

/** One amount for display, with two decimals when it is scaled or has cents (see compactMoneyColumn). */
export function compactMoney(amount: number | string, unit: MonetaryUnit, lang: Lang): MoneyDisplay {
  return compactMoneyColumn([amount], unit, lang)[0];
}

function display(yuan: Decimal, places: number, lang: Lang): MoneyDisplay {
  const scale = scaleOf(yuan, places, lang);
  const shown = scale === null ? roundTo(yuan, places) : roundTo(shift(yuan, -scale[0]), places);
  const text = grouped(plain(shown), places) + (scale === null ? "" : scale[1]);
  return { text, exact: `${grouped(plain(yuan))} ${ENGINE_TEXTS[lang].money.yuan}` };
}

/** The largest scale at which the amount, rounded to `places`, is at least 1 (and it is at least 10,000 yuan). */
function scaleOf(yuan: Decimal, places: number, lang: Lang): [number, string] | null {
  if (wholeDigits(roundTo(yuan, places)) <= COMPACT_FROM) return null;
  // Powers of ten and the word that stands for them, largest first (the catalogue's).
  for (const scale of ENGINE_TEXTS[lang].money.scales) {
    if (wholeDigits(roundTo(shift(yuan, -scale[0]), places)) >= 1) return scale;
  }
  return null;
}

/** A decimal as digits and a power of ten: ±digits × 10^exp, digits without leading zeros ("" is zero). */
interface Decimal {
  negative: boolean;
  digits: string;
  exp: number;
}

/** The amount in yuan, exactly (万元 move the decimal point by four); null when it is no number. */
function inYuan(amount: number | string, unit: MonetaryUnit): Decimal | null {
  const d = parseDecimal(typeof amount === "number" ? String(amount) : amount.trim());
  return d === null ? null : shift(d, unit === "wan" ? 4 : 0);
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_TEXT.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const all = m[2] + (m[3] ?? "");
  const lead = all.search(/[^0]/);
  const digits = lead < 0 ? "" : all.slice(lead);
  return { negative: m[1] === "-" && digits !== "", digits, exp: Number(m[4] ?? 0) - (m[3] ?? "").length };
}

function shift(d: Decimal, places: number): Decimal {
  return { ...d, exp: d.exp + places };
}

/** Digits before the decimal point (0 for an amount below 1). */
function wholeDigits(d: Decimal): number {
  return d.digits === "" ? 0 : Math.max(0, d.digits.length + d.exp);
}

function hasFraction(d: Decimal): boolean {
  return d.exp < 0 && /[^0]/.test(d.digits.slice(d.digits.length + d.exp));
}

/** Rounded to `places` decimals, halves away from zero (as an accountant rounds 0.125 to 0.13). */
function roundTo(d: Decimal, places: number): Decimal {
  const drop = -places - d.exp;
  if (drop <= 0 || d.digits === "") return d;
  if (drop > d.digits.length) return { negative: false, digits: "", exp: -places };
  const kept = d.digits.slice(0, d.digits.length - drop);
  const up = d.digits.charCodeAt(d.digits.length - drop) >= 53; // "5"
  const digits = up ? incremented(kept) : kept;
  const lead = digits.search(/[^0]/);
  const trimmed = lead < 0 ? "" : digits.slice(lead);
  return { negative: d.negative && trimmed !== "", digits: trimmed, exp: -places };
}

function incremented(digits: string): string {
  const out = digits.split("");
  for (let k = out.length - 1; k >= 0; k--) {
    if (out[k] !== "9") {
      out[k] = String(Number(out[k]) + 1);
      return out.join("");
    }
    out[k] = "0";
  }
  return "1" + out.join("");
}

/** The decimal as plain text: "-1234.5", "0.000001", "1200". */
function plain(d: Decimal): string {
  if (d.digits === "") return d.exp < 0 ? "0." + "0".repeat(-d.exp) : "0";
  let text: string;
  if (d.exp >= 0) text = d.digits + "0".repeat(d.exp);
  else {
    const padded = d.digits.padStart(-d.exp + 1, "0");
    text = padded.slice(0, padded.length + d.exp) + "." + padded.slice(padded.length + d.exp);
  }
  return (d.negative ? "-" : "") + text;
}

/**
 * Thousands separators on plain decimal text: with `places`, exactly that many decimals (the text has no more);
 * without, every decimal it has but trailing zeros. "-0.00" is written "0.00".
 */
function grouped(text: string, places?: number): string {
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const rest = places === undefined ? fraction.replace(/0+$/, "") : fraction.padEnd(places, "0");
  const body = rest === "" ? digits : `${digits}.${rest}`;
  return negative && /[1-9]/.test(body) ? "-" + body : body;
}
