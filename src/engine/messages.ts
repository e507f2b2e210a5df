/** Every text the engine puts in front of a user, in both languages. */

import type { IssueCode, Lang, Localized, Role } from "./types";

/** What a column of each role is called when its header is not known. */
export const ROLE_NAMES: Record<Role, Localized> = {
  id: { en: "customer id", zh: "客户编号" },
  date: { en: "last order date", zh: "最近下单时间" },
  count: { en: "purchase count", zh: "购买次数" },
  total: { en: "total amount", zh: "总金额" },
  amount: { en: "order amount", zh: "订单金额" },
};

type Template = (value: string) => string;

/** Reasons of spec §5. `value` is the offending cell as text (may be empty). */
export const ISSUE_TEXTS: Record<IssueCode, { en: Template; zh: Template }> = {
  dateMissing: { en: () => "last order date is missing", zh: () => "最近下单时间为空" },
  dateInvalid: { en: (v) => `last order date is not a date (${v})`, zh: (v) => `最近下单时间不是日期（${v}）` },
  dateAfterAsOf: {
    en: (v) => `last order date ${v} is after the analysis date`,
    zh: (v) => `最近下单时间 ${v} 晚于统计日期`,
  },
  countMissing: { en: () => "purchase count is missing", zh: () => "购买次数为空" },
  countInvalid: { en: (v) => `purchase count is not a number (${v})`, zh: (v) => `购买次数不是数字（${v}）` },
  countNotWhole: { en: (v) => `purchase count is not a whole number (${v})`, zh: (v) => `购买次数不是整数（${v}）` },
  countNotPositive: {
    en: (v) => `purchase count must be at least 1 (${v})`,
    zh: (v) => `购买次数至少应为1（${v}）`,
  },
  totalMissing: { en: () => "total amount is missing", zh: () => "购买总金额为空" },
  totalInvalid: { en: (v) => `total amount is not a number (${v})`, zh: (v) => `购买总金额不是数字（${v}）` },
  totalNotPositive: {
    en: (v) => `total amount must be greater than 0 for this profile (${v})`,
    zh: (v) => `此分级方案要求购买总金额大于0（${v}）`,
  },
  totalTooLarge: {
    en: () => "the amounts add up to more than any number can hold (beyond 1.8 × 10^308)",
    zh: () => "金额合计超出数字所能表示的范围（大于 1.8 × 10^308）",
  },
  idMissing: { en: () => "customer id is missing", zh: () => "客户编号为空" },
  errorValue: { en: (v) => `the cell holds the Excel error ${v}`, zh: (v) => `单元格为 Excel 错误值 ${v}` },
  duplicateId: {
    en: (v) => `duplicate customer id ${v}`,
    zh: (v) => `客户编号 ${v} 重复`,
  },
  amountMissing: { en: () => "order amount is missing", zh: () => "订单金额为空" },
  amountInvalid: { en: (v) => `order amount is not a number (${v})`, zh: (v) => `订单金额不是数字（${v}）` },
  saleDateMissing: { en: () => "order date is missing", zh: () => "下单时间为空" },
  saleDateInvalid: { en: (v) => `order date is not a date (${v})`, zh: (v) => `下单时间不是日期（${v}）` },
  separatorUnclear: {
    en: (v) => `${v} can be read two ways: no other cell of this column shows whether a comma or a point marks its decimals`,
    zh: (v) => `${v} 有两种读法：此列中没有其他数值表明小数点是逗号还是句点`,
  },
  separatorsMixed: {
    en: (v) => `this column marks decimals with a comma in some cells and a point in others, so ${v} cannot be read for sure`,
    zh: (v) => `此列有的数值用逗号、有的用句点表示小数，无法确定 ${v} 的数值`,
  },
  noSaleInWindow: {
    en: (v) => `no purchase inside the window ${v}`,
    zh: (v) => `统计期间 ${v} 内没有销售记录`,
  },
  severalValues: {
    en: (v) => `Several values in ${v}: the most recent sale's are shown`,
    zh: (v) => `${v}列有多个不同的值，显示的是最近一笔销售的值`,
  },
};

export function rowColumnPrefix(lang: Lang, row: string | number | undefined, column: string): string {
  if (lang === "zh") return row === undefined ? `“${column}”列：` : `第 ${row} 行，“${column}”列：`;
  return row === undefined ? `Column “${column}”: ` : `Row ${row}, column “${column}”: `;
}

/** A row's own prefix, for a note that names its columns itself. */
export function rowPrefix(lang: Lang, row: string | number | undefined): string {
  if (row === undefined) return "";
  return lang === "zh" ? `第 ${row} 行：` : `Row ${row}: `;
}

/** Column headers in a sentence: “客户名称”, “电话” / “客户名称”“电话”. */
export function quotedList(headers: readonly string[], lang: Lang): string {
  return headers.map((h) => `“${h}”`).join(lang === "zh" ? "" : ", ");
}

export const NOTE_SEPARATOR: Record<Lang, string> = { en: "; ", zh: "；" };

export const REQUEST_TEXTS = {
  asOfMissing: {
    en: "This profile has no default analysis date: give an analysis date.",
    zh: "此分级方案没有默认统计日期，请指定统计日期。",
  },
  asOfInvalid: {
    en: "The analysis date is not a valid date.",
    zh: "统计日期不是有效日期。",
  },
  windowInvalid: {
    en: "The window start is not a valid date, or it is after the analysis date.",
    zh: "统计期间起始日期无效，或晚于统计日期。",
  },
  quantileNeedsPopulation: {
    en: "This profile ranks customers against each other (quintiles): give it the whole customer columns, not single cells.",
    zh: "此分级方案按五分位在客户之间排名：请传入整列客户数据，而不是单个单元格。",
  },
} satisfies Record<string, Localized>;
