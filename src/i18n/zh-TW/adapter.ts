/** The Excel adapter's words in Traditional Chinese as written in Taiwan (see the English catalogue for what each is). */
import type { AdapterTexts } from "../en/adapter";

const zhTW: AdapterTexts = {
  source: {
    multipleAreas: "選取了多個不相連的範圍。請只選擇一個範圍（或表格中的一個儲存格）。",
    emptySource: "所選範圍是空的。請選擇銷售資料表，或表中的一個儲存格。",
  },
  output: {
    cancelled: "已取消，工作表保持原樣。",
    targetOccupied: "表格右側的儲存格已不再為空。請重新選擇：寫入新工作表、覆寫或取消。",
    sizeMismatch: (rows, cols, expectedRows, expectedCols) =>
      `內部錯誤：輸出為 ${rows} 列 ${cols} 欄，應為 ${expectedRows} 列 ${expectedCols} 欄。`,
    restoreFailed: "寫入結果失敗，恢復原有內容也失敗了。請檢查表格右側的欄。",
    salesSheetName: "RFM 客戶",
  },
  storage: {
    builtinId: (id) => `id "${id}" 是內建分級方案的編號，內建方案不能被覆寫：請換一個 id`,
    idTaken: (id) => `id "${id}" 已被本活頁簿中儲存的分級方案使用：請換一個 id，或更新該方案`,
    notStoredAsText: "儲存的分級方案不是 JSON 文字",
    storedUnderOtherId: (key) => `儲存的分級方案的 id 與其所在的設定項 "${key}" 不一致`,
    partUnderOtherId: (id) => `儲存的分級方案的 id 與其所在部件記錄的 id "${id}" 不一致`,
    notProfileXml: "儲存的分級方案不是 RFM 客戶分級寫入的格式（無法讀取其 XML）",
    newerFormat: (format) => `儲存的分級方案由較新版本的 RFM 客戶分級寫入（格式 ${format}）：請更新增益集後再使用`,
  },
};

export default zhTW;
