/** Recognising the columns of a sales table by their headers (RULES.md §10 Recognising columns). */

import { ENGINE_TEXTS } from "../i18n/engine";
import { LANGS } from "../i18n/languages";
import type { InputKind, MonetaryUnit, Role, UnitSource } from "./types";

export type { UnitSource };

const ROLE_ORDER: Role[] = ["id", "date", "count", "total", "amount"];

export const REQUIRED_ROLES: Record<InputKind, readonly Role[]> = {
  customers: ["date", "count", "total"],
  transactions: ["id", "date", "amount"],
};

/**
 * Traditional characters of the recognised headers and units, and their simplified forms: matching reads 客戶編號,
 * 訂單金額（萬元） and mixed spellings (客户編號) as the simplified headers. Only these characters are folded.
 */
const TRADITIONAL = "戶編號單時間訂費歷購買總數頻額萬幣臺稱";
const SIMPLIFIED = "户编号单时间订费历购买总数频额万币台称";
const FOLD = new Map([...TRADITIONAL].map((c, k) => [c, SIMPLIFIED[k]]));
const TRADITIONAL_CHARS = new RegExp(`[${TRADITIONAL}]`, "g");

function foldScript(text: string): string {
  return text.replace(TRADITIONAL_CHARS, (c) => FOLD.get(c)!);
}

/** A bracketed group: half- or full-width parentheses, 【】 or [] ("金额（元）", "Amount [CNY]", "销售额【万元】"). */
const BRACKETED = /[(（【[]([^()（）【】[\]]*)[)）】\]]/;
const EVERY_BRACKETED = new RegExp(BRACKETED.source, "g");

/**
 * A header as matching sees it: trimmed, lower case, inner spaces folded, Traditional characters folded, and cut
 * before its first bracketed group. What stands in brackets and after them is a unit or a qualifier: "订单金额（万元）",
 * "历史购买总金额（元）含税" and "Amount (CNY) incl. VAT" match 订单金额, 历史购买总金额 and amount. A header that starts
 * with its brackets ("(元) 金额") keeps them.
 */
export function normaliseHeader(h: unknown): string {
  const text = String(h ?? "").trim();
  const group = BRACKETED.exec(text);
  const name = group !== null && text.slice(0, group.index).trim() !== "" ? text.slice(0, group.index) : text;
  return foldScript(name.trim().replace(/\s+/g, " ").toLowerCase());
}

/** The headers recognised for each role: every language's, whatever language the user reads (RULES.md §10). */
const RECOGNISED: Record<Role, ReadonlySet<string>> = {
  id: recognised("id"),
  date: recognised("date"),
  count: recognised("count"),
  total: recognised("total"),
  amount: recognised("amount"),
};

function recognised(role: Role): ReadonlySet<string> {
  return new Set(LANGS.flatMap((lang) => ENGINE_TEXTS[lang].recognisedHeaders[role].map(normaliseHeader)));
}

/** A header as typed, for a choice by its exact text: only case, surrounding and repeated spaces do not matter. */
function exactHeader(h: unknown): string {
  return String(h ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

export interface ColumnDetection {
  /** 0-based column index per role found. */
  mapping: Partial<Record<Role, number>>;
  kind: InputKind;
  /** Roles the kind needs that no column was found for (an ambiguous role is missing too). */
  missing: Role[];
  /**
   * Roles left unmapped because two or more columns carry the header that names them ("金额" twice): reading either
   * would be a guess. `columns` are 0-based, left to right.
   */
  ambiguous: { role: Role; columns: number[] }[];
}

/**
 * Which column plays which role. `manual` names a column per role (by header text or 0-based index) and wins over
 * recognition; `kind` forces customer- or transaction-level reading. A table with a purchase-count column is
 * customer-level, one without is sales records.
 */
export function detectColumns(
  headers: readonly unknown[],
  manual: Partial<Record<Role, string | number>> = {},
  kind?: InputKind,
): ColumnDetection {
  const names = headers.map(normaliseHeader);
  const exact = headers.map(exactHeader);
  const mapping: Partial<Record<Role, number>> = {};
  const ambiguous: ColumnDetection["ambiguous"] = [];
  const taken = new Set<number>();
  const columnsNamed = (name: string, among = names) =>
    among.flatMap((n, i) => (n === name && !taken.has(i) ? [i] : []));
  // A column named by hand is found by its exact text first, so that of "金额（元）" and "金额（万元）" the one named is
  // taken; a name that matches no header exactly is matched as recognition matches headers.
  const columnsChosen = (wanted: string) => {
    const same = columnsNamed(exactHeader(wanted), exact);
    return same.length > 0 ? same : columnsNamed(normaliseHeader(wanted));
  };
  for (const role of ROLE_ORDER) {
    const wanted = manual[role];
    if (wanted === undefined) continue;
    const found = typeof wanted === "number" ? [wanted] : columnsChosen(wanted);
    if (found.length > 1) ambiguous.push({ role, columns: found });
    else if (found.length === 1 && found[0] >= 0 && found[0] < headers.length) {
      mapping[role] = found[0];
      taken.add(found[0]);
    }
  }
  for (const role of ROLE_ORDER) {
    if (mapping[role] !== undefined || manual[role] !== undefined) continue;
    const first = names.findIndex((n, i) => !taken.has(i) && RECOGNISED[role].has(n));
    if (first < 0) continue;
    const same = columnsNamed(names[first]);
    if (same.length > 1) {
      ambiguous.push({ role, columns: same });
      same.forEach((i) => taken.add(i));
      continue;
    }
    mapping[role] = first;
    taken.add(first);
  }
  const detectedKind: InputKind = kind ?? (mapping.count !== undefined ? "customers" : "transactions");
  // Sales records often call the amount of one sale 消费金额 (a "total" header): with no separate order amount
  // column, that column is the sale's amount.
  if (
    detectedKind === "transactions" &&
    mapping.amount === undefined &&
    mapping.total !== undefined &&
    manual.total === undefined &&
    !ambiguous.some((a) => a.role === "amount")
  ) {
    mapping.amount = mapping.total;
    delete mapping.total;
  }
  const missing = REQUIRED_ROLES[detectedKind].filter((r) => mapping[r] === undefined);
  return { mapping, kind: detectedKind, missing, ambiguous };
}

/** Currencies a header may name. Amounts are never converted: the currency is a label the interfaces show. */
type Currency = "CNY" | "TWD" | "HKD";

/** What one word of a unit says: a factor of 10,000, the base unit 元, a currency, or a unit this product cannot read. */
interface UnitWord {
  wan?: true;
  base?: true;
  currency?: Currency;
  unreadable?: true;
}

/**
 * The words of units, as matching sees them (lower case, no spaces, Traditional characters folded: 萬元 is 万元,
 * 新臺幣 is 新台币). Longer words are tried first, so 港元 is Hong Kong dollars and not 港 + 元.
 */
const UNIT_WORDS: [string, UnitWord][] = (
  [
    ["元", { base: true }],
    ["yuan", { base: true, currency: "CNY" }],
    ["万", { wan: true }],
    ["wan", { wan: true }],
    ["10k", { wan: true }],
    ["10,000", { wan: true }],
    ["10000", { wan: true }],
    ["人民币", { currency: "CNY" }],
    ["cny", { currency: "CNY" }],
    ["rmb", { currency: "CNY" }],
    ["¥", { currency: "CNY" }],
    ["￥", { currency: "CNY" }],
    ["新台币", { currency: "TWD" }],
    ["台币", { currency: "TWD" }],
    ["twd", { currency: "TWD" }],
    ["ntd", { currency: "TWD" }],
    ["nt$", { currency: "TWD" }],
    ["港币", { currency: "HKD" }],
    ["港元", { currency: "HKD", base: true }],
    ["hkd", { currency: "HKD" }],
    ["hk$", { currency: "HKD" }],
    // Units of money this product does not read: a column in them would be scored in the wrong unit without a word.
    ["千", { unreadable: true }],
    ["百万", { unreadable: true }],
    ["亿", { unreadable: true }],
    ["k", { unreadable: true }],
    ["m", { unreadable: true }],
    ["mn", { unreadable: true }],
    ["thousand", { unreadable: true }],
    ["thousands", { unreadable: true }],
    ["million", { unreadable: true }],
    ["millions", { unreadable: true }],
    ["1,000", { unreadable: true }],
    ["1000", { unreadable: true }],
    ["usd", { unreadable: true }],
    ["us$", { unreadable: true }],
    ["$", { unreadable: true }],
    ["美元", { unreadable: true }],
    ["eur", { unreadable: true }],
    ["€", { unreadable: true }],
    ["欧元", { unreadable: true }],
    ["jpy", { unreadable: true }],
    ["日元", { unreadable: true }],
    ["gbp", { unreadable: true }],
    ["£", { unreadable: true }],
    ["英镑", { unreadable: true }],
  ] satisfies [string, UnitWord][]
).sort((a, b) => b[0].length - a[0].length);

/** What a header says about the unit of its amounts. */
export type HeaderUnitInfo =
  /** A unit this product reads: `unit` is its scale, `currency` the currency it names, if any; `text` as written. */
  | { unit: MonetaryUnit; currency?: Currency; text: string }
  /** A unit of money this product cannot read (千元, USD …), as written. */
  | { unreadable: string };

/** The unit one bracketed text names ("万元", "10k CNY", "NTD"), or undefined when it is not a unit at all. */
function unitOfText(written: string): HeaderUnitInfo | undefined {
  const text = foldScript(written.replace(/\s+/g, "").toLowerCase());
  if (text === "") return undefined;
  const said: UnitWord = {};
  const seen = new Set<keyof UnitWord>();
  for (let at = 0; at < text.length;) {
    const found = UNIT_WORDS.find(([word]) => text.startsWith(word, at));
    if (!found) return undefined;
    for (const key of Object.keys(found[1]) as (keyof UnitWord)[]) {
      // "元元" or "CNY HKD" is no unit; two currencies cannot both be meant.
      if (seen.has(key) && key !== "unreadable") return undefined;
      seen.add(key);
    }
    Object.assign(said, found[1]);
    at += found[0].length;
  }
  if (said.unreadable) return { unreadable: written.trim() };
  return {
    unit: said.wan ? "wan" : "yuan",
    ...(said.currency ? { currency: said.currency } : {}),
    text: written.trim(),
  };
}

/**
 * What a header says about the unit of its amounts (RULES.md §10): the first bracketed text that is a unit counts,
 * wherever it stands ("历史购买总金额（元）含税", "金额(万元)/含税", "Amount (CNY) incl. VAT", "金額（NTD）"). A header whose first
 * unit is one this product cannot read (千元, USD) says so. Undefined when the header names no unit; a header that
 * starts with its brackets ("(元) 金额") names none either, as its name is the bracketed text.
 */
export function headerUnitInfo(header: unknown): HeaderUnitInfo | undefined {
  const text = String(header ?? "").trim();
  for (const group of text.matchAll(EVERY_BRACKETED)) {
    if (text.slice(0, group.index).trim() === "") continue;
    const unit = unitOfText(group[1]);
    if (unit) return unit;
  }
  return undefined;
}

/**
 * The monetary unit a header names ("历史购买总金额（元）" → yuan, "Amount (10k CNY)" → wan, "金额(万元)/含税" → wan), or
 * undefined when it names none or one this product cannot read.
 */
export function headerUnit(header: unknown): MonetaryUnit | undefined {
  const info = headerUnitInfo(header);
  return info && "unit" in info ? info.unit : undefined;
}

export interface UnitChoice {
  unit: MonetaryUnit;
  source: UnitSource;
  /** The unit the header names, when it names one (also when the user's choice overrides it). */
  headerUnit?: MonetaryUnit;
  /** True when the user chose one unit and the header names the other: the user wins, and should be told. */
  conflict: boolean;
  /**
   * The currency the money column's header names (金額（NTD）): shown beside the unit. Amounts are not converted: they
   * are compared with the profile's bounds as numbers in the unit's scale.
   */
  currency?: Currency;
  /** The header names a unit this product cannot read (千元, USD), as written: the unit used is not the header's. */
  unreadable?: string;
}

/**
 * The unit amounts are read in (RULES.md §10): the user's choice when given, else the unit written in the header of the
 * column graded as money (total amount for a customer table, the order amount for sales records), else the
 * profile's own unit.
 */
export function chooseUnit(
  headers: readonly unknown[],
  detection: Pick<ColumnDetection, "mapping" | "kind">,
  profileUnit: MonetaryUnit,
  userUnit?: MonetaryUnit,
): UnitChoice {
  const moneyColumn = detection.mapping[detection.kind === "customers" ? "total" : "amount"];
  const info = moneyColumn === undefined ? undefined : headerUnitInfo(headers[moneyColumn]);
  const fromHeader = info && "unit" in info ? info.unit : undefined;
  const said = {
    ...(info && "currency" in info && info.currency ? { currency: info.currency } : {}),
    ...(info && "unreadable" in info ? { unreadable: info.unreadable } : {}),
  };
  if (userUnit) {
    return {
      unit: userUnit,
      source: "user",
      headerUnit: fromHeader,
      conflict: fromHeader !== undefined && fromHeader !== userUnit,
      ...said,
    };
  }
  if (fromHeader) return { unit: fromHeader, source: "header", headerUnit: fromHeader, conflict: false, ...said };
  return { unit: profileUnit, source: "profile", conflict: false, ...said };
}

/**
 * Headers of a column that names the customer (as against its id): the summary's lists show it beside the id, so
 * that a clerk knows whom to call. Every language's, each ranked by its place in its own list (most telling first).
 */
const NAME_HEADER_RANK: ReadonlyMap<string, number> = new Map(
  LANGS.flatMap((lang) =>
    ENGINE_TEXTS[lang].nameHeaders.map((header, rank) => [normaliseHeader(header), rank] as const),
  ).reverse(),
);

/**
 * The column that names the customer (客户名称, Customer name …), leftmost first, among the columns no role takes;
 * undefined when there is none.
 */
export function nameColumn(headers: readonly unknown[], mapping: Partial<Record<Role, number>>): number | undefined {
  const used = new Set(Object.values(mapping));
  let best: { column: number; rank: number } | undefined;
  headers.map(normaliseHeader).forEach((name, column) => {
    const rank = NAME_HEADER_RANK.get(name);
    if (rank !== undefined && !used.has(column) && (best === undefined || rank < best.rank)) best = { column, rank };
  });
  return best?.column;
}

/**
 * Why a selection is not a table to grade, before any column is looked for: nothing in it, a single cell (a stray
 * "合计"), a header row with nothing below it, a single row of data, or a single column. An interface shows guidance
 * ("select the whole table, header included") instead of asking for columns that cannot be there.
 */
export type NotATable = "empty" | "oneCell" | "headerOnly" | "oneRow" | "oneColumn";

/**
 * Whether a selection whose first row is `headers`, with `rowCount` rows below it, is a table with a header; null when
 * it is. A first row that names a column the grading knows is a header; any other single row is one row of data.
 * (Rows below the header that are all blank are a matter for the grading: it skips them and says so.)
 */
export function notATable(headers: readonly unknown[], rowCount: number): NotATable | null {
  const filled = headers.filter((c) => c !== null && c !== undefined && String(c).trim() !== "");
  if (rowCount === 0) {
    if (filled.length === 0) return "empty";
    if (headers.length === 1) return "oneCell";
    const named = filled.some((h) => ROLE_ORDER.some((role) => RECOGNISED[role].has(normaliseHeader(h))));
    return named ? "headerOnly" : "oneRow";
  }
  return headers.length === 1 ? "oneColumn" : null;
}
