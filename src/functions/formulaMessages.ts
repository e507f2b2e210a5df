/** Texts about a formula's arguments (the rows' own reasons come from the engine), in both languages. */
import type { Lang, Localized, Role } from "../engine";
import translation from "./functions.zh-CN.translation.json";

/** The cell-range parameters, by the engine role each one feeds. Names as the user sees them in the formula. */
export const RANGE_PARAMETERS = {
  date: "last_order_date",
  count: "purchases",
  total: "amount",
} as const satisfies Partial<Record<Role, string>>;

export type RangeRole = keyof typeof RANGE_PARAMETERS;

/** A parameter's display name in the UI language: zh names come from the table the Chinese functions.json uses. */
export function parameterName(parameter: string, lang: Lang): string {
  if (lang === "en") return parameter;
  const zh = (translation.parameters as Record<string, { name: string } | undefined>)[parameter];
  return zh?.name ?? parameter;
}

export const FORMULA_TEXTS = {
  notOneColumn: (parameter: string, columns: number): Localized => ({
    en: `“${parameter}” must be one cell or one column (it has ${columns} columns).`,
    zh: `“${parameterName(parameter, "zh")}”必须是一个单元格或一列（现在有 ${columns} 列）。`,
  }),
  heightsDiffer: (heights: number[]): Localized => ({
    en: `last_order_date, purchases and amount must have the same number of rows (now ${heights.join(", ")}).`,
    zh: `最近下单时间、购买次数和总金额的行数必须相同（现在分别为 ${heights.join("、")} 行）。`,
  }),
  noRows: (): Localized => ({
    en: "last_order_date, purchases and amount are empty ranges.",
    zh: "最近下单时间、购买次数和总金额都是空区域。",
  }),
  unknownProfile: (id: string, available: string[]): Localized => ({
    en: `Unknown profile “${id}”. Available profiles: ${available.join(", ")}.`,
    zh: `没有名为“${id}”的分级方案。可用方案：${available.join("、")}。`,
  }),
  badUnit: (value: string): Localized => ({
    en: `unit must be "yuan" or "wan" (10,000 yuan), not “${value}”.`,
    zh: `单位必须是 "yuan"（元）或 "wan"（万元），而不是“${value}”。`,
  }),
  badProfileDocument: (details: string): Localized => ({
    en: `This profile cannot be used: ${details}`,
    zh: `此分级方案无法使用：${details}`,
  }),
  unexpected: (details: string): Localized => ({
    en: `RFM could not compute this formula: ${details}`,
    zh: `RFM 无法计算此公式：${details}`,
  }),
};

/** A problem with a formula's arguments as a whole (not with one row); the function shows it as #VALUE!. */
export class FormulaInputError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = "FormulaInputError";
  }
}
