import type { Localized } from "../../engine";

/** Why an .xlsx input cannot be read, in words (never a zip library's own text). */
export const XLSX_TEXTS = {
  renamedText: (path: string): Localized => ({
    en: `"${path}" is a text (CSV) file with an .xlsx name, not a workbook: rename it to .csv and try again`,
    zh: `“${path}”是改成 .xlsx 扩展名的文本（CSV）文件，不是工作簿：请将扩展名改为 .csv 后重试`,
  }),
  encrypted: (path: string): Localized => ({
    en: `"${path}" is password-protected (encrypted), or an old .xls workbook: open it in Excel, remove the password (File > Info > Protect Workbook), save it as .xlsx and try again`,
    zh: `“${path}”设置了打开密码（已加密），或是旧版 .xls 工作簿：请在 Excel 中打开，删除密码（文件 > 信息 > 保护工作簿），另存为 .xlsx 后重试`,
  }),
  damaged: (path: string): Localized => ({
    en: `"${path}" is damaged: it is not a complete .xlsx workbook; open it in Excel to repair it, or export it again`,
    zh: `“${path}”已损坏，不是完整的 .xlsx 工作簿：请在 Excel 中打开并修复，或重新导出`,
  }),
  noVisibleSheet: (path: string): Localized => ({
    en: `Every sheet of "${path}" is hidden: name one with --sheet`,
    zh: `“${path}”的所有工作表都已隐藏：请用 --sheet 指定一个`,
  }),
};
