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
  passwordProtected: (path: string): Localized => ({
    en: `"${path}" is password-protected (encrypted): open it in Excel, remove the password (File > Info > Protect Workbook), save it and try again`,
    zh: `“${path}”设置了打开密码（已加密）：请在 Excel 中打开，删除密码（文件 > 信息 > 保护工作簿），保存后重试`,
  }),
  oldXls: (path: string): Localized => ({
    en: `"${path}" is an Excel 97–2003 workbook (.xls) with an .xlsx name: open it in Excel, save it as .xlsx (File > Save As) and try again`,
    zh: `“${path}”是改成 .xlsx 扩展名的 Excel 97-2003 工作簿（.xls）：请在 Excel 中打开，另存为 .xlsx（文件 > 另存为）后重试`,
  }),
  binaryWorkbook: (path: string): Localized => ({
    en: `"${path}" is an Excel binary workbook (.xlsb), which is not read here: open it in Excel, save it as .xlsx (File > Save As) and try again`,
    zh: `“${path}”是 Excel 二进制工作簿（.xlsb），本工具无法读取：请在 Excel 中打开，另存为 .xlsx（文件 > 另存为）后重试`,
  }),
  openDocument: (path: string): Localized => ({
    en: `"${path}" is an OpenDocument spreadsheet (.ods) with an .xlsx name: save it as .xlsx (Excel 2007-365) or as CSV and try again`,
    zh: `“${path}”是改成 .xlsx 扩展名的 OpenDocument 电子表格（.ods）：请另存为 .xlsx（Excel 2007-365）或 CSV 后重试`,
  }),
  markup: (path: string): Localized => ({
    en: `"${path}" is a web page or XML file with an .xlsx name, not a workbook: open it in Excel, save it as .xlsx (File > Save As) and try again`,
    zh: `“${path}”是改成 .xlsx 扩展名的网页或 XML 文件，不是工作簿：请在 Excel 中打开，另存为 .xlsx（文件 > 另存为）后重试`,
  }),
  notAWorkbook: (path: string): Localized => ({
    en: `"${path}" is a zip file but not an Excel workbook: it holds no workbook part`,
    zh: `“${path}”是 zip 压缩文件，但不是 Excel 工作簿：其中没有工作簿部件`,
  }),
  missingPart: (path: string, part: string): Localized => ({
    en: `"${path}" is damaged: its part ${part} is missing; open it in Excel to repair it, or export it again`,
    zh: `“${path}”已损坏：缺少其中的部件 ${part}；请在 Excel 中打开并修复，或重新导出`,
  }),
  compression: (path: string, method: string): Localized => ({
    en: `"${path}" is compressed with ${method}, which is not read here (only Deflate, as Excel writes): open it in Excel, save it again and try again`,
    zh: `“${path}”采用 ${method} 压缩，本工具无法读取（仅支持 Excel 使用的 Deflate）：请在 Excel 中打开并重新保存后重试`,
  }),
  encryptedZip: (path: string): Localized => ({
    en: `"${path}" is a zip with encrypted (password-protected) entries, which is not read here: save the workbook again from Excel without a zip password and try again`,
    zh: `“${path}”是带加密（密码保护）条目的 zip 文件，本工具无法读取：请在 Excel 中重新保存工作簿（不设置 zip 密码）后重试`,
  }),
  notAWorksheet: (path: string, sheet: string, kind: "chartsheet" | "dialogsheet" | "macrosheet"): Localized => ({
    en: `Sheet "${sheet}" of "${path}" is ${{ chartsheet: "a chart sheet", dialogsheet: "a dialog sheet", macrosheet: "an Excel 4 macro sheet" }[kind]}, not a worksheet with cells: name a worksheet with --sheet`,
    zh: `“${path}”中的工作表“${sheet}”是${{ chartsheet: "图表工作表", dialogsheet: "对话框工作表", macrosheet: "Excel 4 宏工作表" }[kind]}，不是包含单元格的工作表：请用 --sheet 指定一个工作表`,
  }),
  noWorksheet: (path: string): Localized => ({
    en: `"${path}" has no worksheet with cells (only chart or dialog sheets)`,
    zh: `“${path}”中没有包含单元格的工作表（只有图表或对话框工作表）`,
  }),
  noVisibleSheet: (path: string): Localized => ({
    en: `Every sheet of "${path}" is hidden: name one with --sheet`,
    zh: `“${path}”的所有工作表都已隐藏：请用 --sheet 指定一个`,
  }),
};
