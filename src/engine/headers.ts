/** Recognising the columns of a sales table by their headers (spec §7). */

import type { InputKind, Role } from "./types";

const RECOGNISED: Record<Role, readonly string[]> = {
  id: ["客户编号", "客户id", "客户", "customer", "customer id", "customer_id", "id"],
  date: ["下单时间", "最近下单时间", "订单日期", "消费时间", "日期", "last order date", "order date", "date"],
  count: ["历史购买总次数", "购买次数", "消费频次", "frequency", "purchase count", "purchases", "orders", "count"],
  total: ["历史购买总金额", "历史订单总金额", "消费金额", "总金额", "monetary", "total amount"],
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
  /** Roles the kind needs that no column was found for. */
  missing: Role[];
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
  const taken = new Set<number>();
  for (const role of ROLE_ORDER) {
    const wanted = manual[role];
    if (wanted === undefined) continue;
    const index = typeof wanted === "number" ? wanted : names.indexOf(normaliseHeader(wanted));
    if (index >= 0 && index < headers.length) {
      mapping[role] = index;
      taken.add(index);
    }
  }
  for (const role of ROLE_ORDER) {
    if (mapping[role] !== undefined || manual[role] !== undefined) continue;
    const index = names.findIndex((n, i) => !taken.has(i) && RECOGNISED[role].includes(n));
    if (index >= 0) {
      mapping[role] = index;
      taken.add(index);
    }
  }
  const detectedKind: InputKind = kind ?? (mapping.count !== undefined ? "customers" : "transactions");
  // Sales records often call the amount of one sale 消费金额 (a "total" header): with no separate order amount
  // column, that column is the sale's amount.
  if (detectedKind === "transactions" && mapping.amount === undefined && mapping.total !== undefined && manual.total === undefined) {
    mapping.amount = mapping.total;
    delete mapping.total;
  }
  const missing = REQUIRED_ROLES[detectedKind].filter((r) => mapping[r] === undefined);
  return { mapping, kind: detectedKind, missing };
}
