/** The command line's words about `--previous` (comparing with an earlier result), in English and Chinese. */
import type { Localized } from "../engine";
import { quoteList } from "./texts";

export const PREVIOUS_TEXTS = {
  badType: (path: string): Localized => ({
    en: `--previous "${path}" must be an earlier result of rfm grade, a .csv or .xlsx file`,
    zh: `--previous“${path}”必须是 rfm grade 之前输出的结果文件（.csv 或 .xlsx）`,
  }),
  noGradeColumn: (path: string, headers: readonly string[]): Localized => ({
    en:
      `"${path}" has no Grade column (Grade or 客户等级), so it is not an earlier result of rfm grade. ` +
      `Its headers are: ${quoteList(headers)}`,
    zh: `“${path}”没有客户等级列（Grade 或 客户等级），不是 rfm grade 之前输出的结果。其列标题为：${quoteList(headers)}`,
  }),
  noIdColumn: (path: string, headers: readonly string[]): Localized => ({
    en: `"${path}" has no customer id column to match customers by. Its headers are: ${quoteList(headers)}`,
    zh: `“${path}”没有用于匹配客户的客户编号列。其列标题为：${quoteList(headers)}`,
  }),
  noCurrentIds: (): Localized => ({
    en: "--previous matches customers by their id, but this table has no customer id column: name it with --map id=HEADER",
    zh: "--previous 按客户编号匹配客户，但此表没有客户编号列：请用 --map id=列标题 指定",
  }),
};
