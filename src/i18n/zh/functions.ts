/** The custom functions' words in Simplified Chinese (see the English catalogue for what each is). */
import type { FunctionTexts } from "../en/functions";

const zh: FunctionTexts = {
  listNames: (names) =>
    names.length < 2 ? names.join("") : `${names.slice(0, -1).join("、")}和${names[names.length - 1]}`,
  notOneColumn: (parameter, columns) => `“${parameter}”必须是一个单元格或一列（现在有 ${columns} 列）。`,
  heightsDiffer: (names, heights) => `${names}的行数必须相同（现在分别为 ${heights.join("、")} 行）。`,
  noRows: (names) => `${names}都是空区域。`,
  argumentIsError: (parameter, error) => `“${parameter}”为 Excel 错误值 ${error}。`,
  unknownProfile: (id, available) => `没有名为“${id}”的分级方案。可用方案：${available.join("、")}。`,
  badUnit: (value) => `单位必须是 "yuan"（元）或 "wan"（万元），而不是“${value}”。`,
  badProfileDocument: (details) => `此分级方案无法使用：${details}`,
  dateSystemUnreadable: () =>
    "Excel 暂时无法告知此工作簿使用 1900 还是 1904 日期系统（例如正在编辑单元格时），因此没有读取任何日期。" +
    "Excel 重新计算时此公式会再次计算；也可按 Ctrl+Alt+F9 立即重新计算。",
  savedProfilesUnreadable: (excelSaid) =>
    `Excel 暂时无法读取此工作簿中保存的分级方案（Excel 提示：${excelSaid}；例如正在编辑单元格时）。` +
    "Excel 重新计算时此公式会再次计算；也可按 Ctrl+Alt+F9 立即重新计算。",
  skippedSale: (reason) => `${reason}——此笔销售未计入`,
  moreSkippedSales: (count, firstRow) => `另有 ${count} 笔销售无法读取，未计入（其中第一笔在第 ${firstRow} 行）。`,
  webRangesTooLarge: (cells, ranges, rows, budget) =>
    `网页版 Excel 传给公式的数据最多约 5 MB，因此网页版中 RFM 公式的各区域合计最多 ` +
    `${budget} 个单元格；现在有 ${cells} 个（${ranges} 个区域，` +
    `各 ${rows} 行）。请用表格列（如 销售[订单金额]）或有边界的区域（如 B2:B40000）` +
    `代替整列，或在 RFM 客户分级任务窗格（开始 > 客户分级）中为大量销售记录分级。` +
    `Windows 版和 Mac 版 Excel 可以使用整列。`,
  webResultTooLarge: (rows, columns, budget, salesRecords) =>
    `此结果将有 ${rows} 行、每行 ${columns} 列，超出了网页版 Excel 从公式取回的上限` +
    `（最多 ${budget} 个单元格，约 4 MB）。请在 RFM 客户分级任务窗格（开始 > 客户分级）中` +
    `为${salesRecords ? "这些销售记录" : "这张客户表"}分级，结果会直接写入工作表；或在 Windows 版、Mac 版 Excel 中打开此工作簿。`,
  unexpected: (details) => `RFM 无法计算此公式：${details}`,
};

export default zh;
