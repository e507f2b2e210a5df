/** The Excel adapter's words in Simplified Chinese (see the English catalogue for what each is). */
import type { AdapterTexts } from "../en/adapter";

const zh: AdapterTexts = {
  source: {
    multipleAreas: "选中了多个不相连的区域。请只选择一个区域（或表格中的一个单元格）。",
    emptySource: "所选区域是空的。请选择销售数据表，或表中的一个单元格。",
  },
  output: {
    cancelled: "已取消，工作表保持原样。",
    targetOccupied: "表格右侧的单元格已不再为空。请重新选择：写入新工作表、覆盖或取消。",
    sizeMismatch: (rows, cols, expectedRows, expectedCols) =>
      `内部错误：输出为 ${rows} 行 ${cols} 列，应为 ${expectedRows} 行 ${expectedCols} 列。`,
    restoreFailed: "写入结果失败，恢复原有内容也失败了。请检查表格右侧的列。",
    salesSheetName: "RFM 客户",
  },
  storage: {
    builtinId: (id) => `id "${id}" 是内置分级方案的编号，内置方案不能被覆盖：请换一个 id`,
    idTaken: (id) => `id "${id}" 已被本工作簿中保存的分级方案使用：请换一个 id，或更新该方案`,
    notStoredAsText: "保存的分级方案不是 JSON 文本",
    storedUnderOtherId: (key) => `保存的分级方案的 id 与其所在的设置项 "${key}" 不一致`,
    partUnderOtherId: (id) => `保存的分级方案的 id 与其所在部件记录的 id "${id}" 不一致`,
    notProfileXml: "保存的分级方案不是 RFM 客户分级写入的格式（无法读取其 XML）",
    newerFormat: (format) => `保存的分级方案由较新版本的 RFM 客户分级写入（格式 ${format}）：请更新加载项后再使用`,
  },
};

export default zh;
