/** What the profile compiler tells a user when a profile cannot be compiled as asked, in both languages. */

import type { Localized } from "../types";

export const COMPILE_TEXTS = {
  unknownDialect: (v: string): Localized => ({
    en: `Unknown SQL dialect "${v}": use duckdb, postgres, mysql or spark.`,
    zh: `未知的 SQL 方言“${v}”：请使用 duckdb、postgres、mysql 或 spark。`,
  }),
  firstNeedsOrder: (): Localized => ({
    en: "This profile breaks ties by input order (ties: \"first\"), and a database table has no order of its own: name the column that gives the order.",
    zh: "此分级方案按输入顺序处理并列（ties: \"first\"），而数据库表本身没有顺序：请指定表示顺序的列。",
  }),
  tooManyRowsForFormulas: (rows: string, limit: string): Localized => ({
    en: `Live formulas for a quantile profile compare every customer with every other one, so Excel would recalculate slowly: ${rows} rows is more than the ${limit} they are offered for. Write values instead, or use a thresholds profile.`,
    zh: `分位数分级方案的实时公式需要将每位客户与其他所有客户逐一比较，Excel 重新计算会很慢：${rows} 行超过了上限 ${limit} 行。请改为写入数值，或使用固定阈值分级方案。`,
  }),
  tooManyCustomersForFormulas: (customers: string, limit: string): Localized => ({
    en: `Live formulas for a quantile profile compare every customer with every other one, so Excel would recalculate slowly: ${customers} customers is more than the ${limit} they are offered for. Write values instead, or use a thresholds profile.`,
    zh: `分位数分级方案的实时公式需要将每位客户与其他所有客户逐一比较，Excel 重新计算会很慢：${customers} 位客户超过了上限 ${limit} 位。请改为写入数值，或使用固定阈值分级方案。`,
  }),
  tooManySalesForFormulas: (sales: string, customers: string, limit: string): Localized => ({
    en: `Live formulas for sales records look up every sale for every customer, so Excel would recalculate slowly: ${sales} sales × ${customers} customers is more than the ${limit} they are offered for. Write values instead, or total the sales per customer first and grade that customer table with live formulas.`,
    zh: `销售记录的实时公式需要为每位客户查找每一笔销售，Excel 重新计算会很慢：${sales} 笔销售 × ${customers} 位客户超过了上限 ${limit}。请改为写入数值，或先按客户汇总销售记录，再对该客户表写入实时公式。`,
  }),
  salesAmountsNotExact: (amount: string): Localized => ({
    en: `Live formulas add order amounts as whole millionths, and the order amount ${amount} (more than 6 decimals, or totals too large) cannot be added exactly that way. Write values instead: they are exact.`,
    zh: `实时公式以百万分之一为单位相加订单金额，订单金额 ${amount}（超过 6 位小数，或合计过大）无法以此方式精确相加。请改为写入数值，数值结果是精确的。`,
  }),
  salesCellAsText: (row: string, column: string, value: string, role: string): Localized => ({
    en:
      `Row ${row}, column “${column}”: ` +
      (role === "id"
        ? `the customer id “${value}” has spaces before or after it (or is a number with decimals), which live formulas would not read as the add-in does.`
        : `“${value}” is text, which live formulas cannot read as the add-in does.`) +
      ` Enter it as ${role === "id" ? "text without those spaces" : role === "date" ? "a date" : "a number"}, or clear “Write as live Excel formulas” to write values.`,
    zh:
      `第 ${row} 行，“${column}”列：` +
      (role === "id" ? `客户编号“${value}”前后有空格（或为带小数的数字），实时公式无法像加载项那样读取。` : `“${value}”是文本，实时公式无法像加载项那样读取。`) +
      `请将其输入为${role === "id" ? "不含前后空格的文本" : role === "date" ? "日期" : "数字"}，或取消勾选“写入为实时 Excel 公式”以写入数值。`,
  }),
} satisfies Record<string, (...args: string[]) => Localized>;

export type CompileErrorCode = keyof typeof COMPILE_TEXTS;

/** A profile or option the compiler cannot turn into the requested output; `text` says why, in both languages. */
export class CompileError extends Error {
  readonly text: Localized;
  constructor(readonly code: CompileErrorCode, ...args: string[]) {
    const text = (COMPILE_TEXTS[code] as (...a: string[]) => Localized)(...args);
    super(text.en);
    this.name = "CompileError";
    this.text = text;
  }
}
