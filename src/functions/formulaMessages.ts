/** Texts about a formula's arguments (the rows' own reasons come from the engine), in both languages. */
import type { Lang, Localized, Role } from "../engine";
import translation from "./functions.zh-CN.translation.json";

/** A cell-range parameter: its name as the user sees it in the formula, and the engine role it feeds. */
export interface RangeParameter {
  name: string;
  role: Role;
}

/** The range parameters of RFM.GRADE / SCORE / CADENCE / SCORES (customer-level input), in parameter order. */
export const CUSTOMER_RANGES: readonly RangeParameter[] = [
  { name: "last_order_date", role: "date" },
  { name: "purchases", role: "count" },
  { name: "amount", role: "total" },
];

/** The range parameters of RFM.SALES (sales records), in parameter order. */
export const SALES_RANGES: readonly RangeParameter[] = [
  { name: "customer", role: "id" },
  { name: "order_date", role: "date" },
  { name: "amount", role: "amount" },
];

/** Kept for the metadata test: the customer-level parameter of each role. */
export const RANGE_PARAMETERS = {
  date: "last_order_date",
  count: "purchases",
  total: "amount",
} as const satisfies Partial<Record<Role, string>>;

type Translation = { name: string } | undefined;
const SHARED = translation.parameters as Record<string, Translation>;
const PER_FUNCTION = translation.functions as Record<string, { parameters?: Record<string, Translation> } | undefined>;

/**
 * A parameter's display name in the UI language: zh names come from the table the Chinese functions.json is built
 * from (a function's own entry first, as RFM.SALES's amount is one order's amount, then the shared one).
 */
export function parameterName(parameter: string, lang: Lang, functionId?: string): string {
  if (lang === "en") return parameter;
  const own = functionId ? PER_FUNCTION[functionId]?.parameters?.[parameter] : undefined;
  return own?.name ?? SHARED[parameter]?.name ?? parameter;
}

/** "a, b and c" / "a、b和c" */
function listNames(names: readonly string[], lang: Lang): string {
  if (names.length < 2) return names.join("");
  const head = names.slice(0, -1).join(lang === "zh" ? "、" : ", ");
  return lang === "zh" ? `${head}和${names[names.length - 1]}` : `${head} and ${names[names.length - 1]}`;
}

const both = (make: (lang: Lang) => string): Localized => ({ en: make("en"), zh: make("zh") });

export const FORMULA_TEXTS = {
  notOneColumn: (parameter: string, columns: number, functionId?: string): Localized => ({
    en: `“${parameter}” must be one cell or one column (it has ${columns} columns).`,
    zh: `“${parameterName(parameter, "zh", functionId)}”必须是一个单元格或一列（现在有 ${columns} 列）。`,
  }),
  heightsDiffer: (parameters: readonly string[], heights: number[], functionId?: string): Localized =>
    both((lang) => {
      const names = listNames(parameters.map((p) => parameterName(p, lang, functionId)), lang);
      return lang === "zh"
        ? `${names}的行数必须相同（现在分别为 ${heights.join("、")} 行）。`
        : `${names} must have the same number of rows (now ${heights.join(", ")}).`;
    }),
  noRows: (parameters: readonly string[], functionId?: string): Localized =>
    both((lang) => {
      const names = listNames(parameters.map((p) => parameterName(p, lang, functionId)), lang);
      return lang === "zh" ? `${names}都是空区域。` : `${names} are empty ranges.`;
    }),
  argumentIsError: (parameter: string, error: string, functionId?: string): Localized => ({
    en: `“${parameter}” holds the Excel error ${error}.`,
    zh: `“${parameterName(parameter, "zh", functionId)}”为 Excel 错误值 ${error}。`,
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
  dateSystemUnreadable: (): Localized => ({
    en:
      "Excel did not say whether this workbook uses the 1900 or the 1904 date system (it was busy, for example while " +
      "a cell was being edited), so no dates were read. The formula calculates again when Excel recalculates; " +
      "press Ctrl+Alt+F9 to recalculate now.",
    zh:
      "Excel 暂时无法告知此工作簿使用 1900 还是 1904 日期系统（例如正在编辑单元格时），因此没有读取任何日期。" +
      "Excel 重新计算时此公式会再次计算；也可按 Ctrl+Alt+F9 立即重新计算。",
  }),
  savedProfilesUnreadable: (excelSaid: string): Localized => ({
    en:
      `Excel did not let RFM read the profiles saved in this workbook (Excel said: ${excelSaid}; it may be busy, for ` +
      "example while a cell is being edited). The formula calculates again when Excel recalculates; press Ctrl+Alt+F9 " +
      "to recalculate now.",
    zh:
      `Excel 暂时无法读取此工作簿中保存的分级方案（Excel 提示：${excelSaid}；例如正在编辑单元格时）。` +
      "Excel 重新计算时此公式会再次计算；也可按 Ctrl+Alt+F9 立即重新计算。",
  }),
  skippedSale: (reason: string): Localized => ({
    en: `${reason} — this sale is not counted`,
    zh: `${reason}——此笔销售未计入`,
  }),
  moreSkippedSales: (count: number, firstRow: string | number): Localized => ({
    en: `${count.toLocaleString("en")} more sales cannot be read and are not counted (the first of them in row ${firstRow}).`,
    zh: `另有 ${count.toLocaleString("en")} 笔销售无法读取，未计入（其中第一笔在第 ${firstRow} 行）。`,
  }),
  webRangesTooLarge: (cells: number, shape: { ranges: number; rows: number }, budget: number): Localized => ({
    en:
      `Excel on the web passes at most about 5 MB to a formula, so RFM formulas there take at most ` +
      `${budget.toLocaleString("en")} cells in their ranges; these hold ${cells.toLocaleString("en")} ` +
      `(${shape.ranges} ranges of ${shape.rows.toLocaleString("en")} rows). Give a table column such as Sales[Amount] ` +
      `or a bounded range such as B2:B40000 instead of a whole column, or grade large sales records in the ` +
      `RFM Grader pane (Home > Grade customers). Excel for Windows and Mac take whole columns.`,
    zh:
      `网页版 Excel 传给公式的数据最多约 5 MB，因此网页版中 RFM 公式的各区域合计最多 ` +
      `${budget.toLocaleString("en")} 个单元格；现在有 ${cells.toLocaleString("en")} 个（${shape.ranges} 个区域，` +
      `各 ${shape.rows.toLocaleString("en")} 行）。请用表格列（如 销售[订单金额]）或有边界的区域（如 B2:B40000）` +
      `代替整列，或在 RFM 客户分级任务窗格（开始 > 客户分级）中为大量销售记录分级。` +
      `Windows 版和 Mac 版 Excel 可以使用整列。`,
  }),
  webResultTooLarge: (rows: number, columns: number, budget: number, salesRecords: boolean): Localized => ({
    en:
      `This result would have ${rows.toLocaleString("en")} rows of ${columns} column${columns === 1 ? "" : "s"}, more ` +
      `than Excel on the web ` +
      `can take back from a formula (at most ${budget.toLocaleString("en")} cells, about 4 MB). Grade ` +
      `${salesRecords ? "these sales records" : "this customer table"} in the RFM Grader pane (Home > Grade ` +
      `customers), which writes the results to a sheet, or open the workbook in Excel for Windows or Mac.`,
    zh:
      `此结果将有 ${rows.toLocaleString("en")} 行、每行 ${columns} 列，超出了网页版 Excel 从公式取回的上限` +
      `（最多 ${budget.toLocaleString("en")} 个单元格，约 4 MB）。请在 RFM 客户分级任务窗格（开始 > 客户分级）中` +
      `为${salesRecords ? "这些销售记录" : "这张客户表"}分级，结果会直接写入工作表；或在 Windows 版、Mac 版 Excel 中打开此工作簿。`,
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
