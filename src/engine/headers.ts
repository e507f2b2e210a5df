/** Recognising the columns of a sales table by their headers (spec §7). */

import type { InputKind, MonetaryUnit, Role } from "./types";

const RECOGNISED: Record<Role, readonly string[]> = {
  id: ["客户编号", "客户id", "客户", "customer", "customer id", "customer_id", "id"],
  date: ["下单时间", "最近下单时间", "订单日期", "消费时间", "日期", "last order date", "order date", "date"],
  count: ["历史购买总次数", "购买次数", "消费频次", "frequency", "purchase count", "purchases", "orders", "count"],
  // "total" is also the name of the role (--map total=…), so a column headed so is read as one.
  total: ["历史购买总金额", "历史订单总金额", "消费金额", "总金额", "monetary", "total amount", "total"],
  amount: ["订单金额", "本次订单金额", "金额", "amount", "order amount"],
};

const ROLE_ORDER: Role[] = ["id", "date", "count", "total", "amount"];

export const REQUIRED_ROLES: Record<InputKind, readonly Role[]> = {
  customers: ["date", "count", "total"],
  transactions: ["id", "date", "amount"],
};

// A unit in parentheses at the end, half- or full-width: "订单金额（万元）", "Amount (CNY)".
const TRAILING_UNIT = /\s*[(（][^()（）]*[)）]\s*$/;

/** A header as matching sees it: trimmed, without a trailing unit, lower case, inner spaces folded. */
export function normaliseHeader(h: unknown): string {
  return String(h ?? "")
    .trim()
    .replace(TRAILING_UNIT, "")
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
  const mapping: Partial<Record<Role, number>> = {};
  const ambiguous: ColumnDetection["ambiguous"] = [];
  const taken = new Set<number>();
  const columnsNamed = (name: string) => names.flatMap((n, i) => (n === name && !taken.has(i) ? [i] : []));
  for (const role of ROLE_ORDER) {
    const wanted = manual[role];
    if (wanted === undefined) continue;
    const found = typeof wanted === "number" ? [wanted] : columnsNamed(normaliseHeader(wanted));
    if (found.length > 1) ambiguous.push({ role, columns: found });
    else if (found.length === 1 && found[0] >= 0 && found[0] < headers.length) {
      mapping[role] = found[0];
      taken.add(found[0]);
    }
  }
  for (const role of ROLE_ORDER) {
    if (mapping[role] !== undefined || manual[role] !== undefined) continue;
    const first = names.findIndex((n, i) => !taken.has(i) && RECOGNISED[role].includes(n));
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
    detectedKind === "transactions" && mapping.amount === undefined && mapping.total !== undefined &&
    manual.total === undefined && !ambiguous.some((a) => a.role === "amount")
  ) {
    mapping.amount = mapping.total;
    delete mapping.total;
  }
  const missing = REQUIRED_ROLES[detectedKind].filter((r) => mapping[r] === undefined);
  return { mapping, kind: detectedKind, missing, ambiguous };
}

/** Units a header may name in its trailing parentheses (spec §7), as matching sees them: lower case, no spaces. */
const HEADER_UNITS: Record<string, MonetaryUnit> = {
  "元": "yuan", "人民币": "yuan", "人民币元": "yuan", "元人民币": "yuan", "cny": "yuan", "rmb": "yuan", "yuan": "yuan",
  "¥": "yuan", "￥": "yuan",
  "万元": "wan", "万": "wan", "万元人民币": "wan", "人民币万元": "wan", "wan": "wan", "10k": "wan", "10kcny": "wan",
  "10krmb": "wan", "10kyuan": "wan", "10,000": "wan", "10000": "wan", "10,000cny": "wan", "10000cny": "wan",
  "10,000rmb": "wan", "10000rmb": "wan", "10,000yuan": "wan", "10000yuan": "wan", "10000元": "wan", "10,000元": "wan",
};

const UNIT_IN_PARENTHESES = /[(（]([^()（）]*)[)）]\s*$/;

/**
 * The monetary unit a header names in its trailing parentheses ("历史购买总金额（元）" → yuan, "Amount (10k CNY)" → wan),
 * or undefined when it names none or one this product does not know.
 */
export function headerUnit(header: unknown): MonetaryUnit | undefined {
  const match = UNIT_IN_PARENTHESES.exec(String(header ?? "").trim());
  if (!match) return undefined;
  return HEADER_UNITS[match[1].replace(/\s+/g, "").toLowerCase()];
}

/** Where the unit of the amounts came from: the user's choice, the money column's header, or the profile. */
export type UnitSource = "user" | "header" | "profile";

export interface UnitChoice {
  unit: MonetaryUnit;
  source: UnitSource;
  /** The unit the header names, when it names one (also when the user's choice overrides it). */
  headerUnit?: MonetaryUnit;
  /** True when the user chose one unit and the header names the other: the user wins, and should be told. */
  conflict: boolean;
}

/**
 * The unit amounts are read in (spec §7): the user's choice when given, else the unit written in the header of the
 * column graded as money (total amount for a customer table, the order amount for sales records), else the
 * profile's own unit.
 */
export function chooseUnit(
  headers: readonly unknown[], detection: Pick<ColumnDetection, "mapping" | "kind">, profileUnit: MonetaryUnit,
  userUnit?: MonetaryUnit,
): UnitChoice {
  const moneyColumn = detection.mapping[detection.kind === "customers" ? "total" : "amount"];
  const fromHeader = moneyColumn === undefined ? undefined : headerUnit(headers[moneyColumn]);
  if (userUnit) return { unit: userUnit, source: "user", headerUnit: fromHeader, conflict: fromHeader !== undefined && fromHeader !== userUnit };
  if (fromHeader) return { unit: fromHeader, source: "header", headerUnit: fromHeader, conflict: false };
  return { unit: profileUnit, source: "profile", conflict: false };
}
