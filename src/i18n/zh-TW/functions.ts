/** The custom functions' words in Traditional Chinese as written in Taiwan (see the English catalogue for what each is). */
import type { FunctionTexts } from "../en/functions";

const zhTW: FunctionTexts = {
  listNames: (names) =>
    names.length < 2 ? names.join("") : `${names.slice(0, -1).join("、")}和${names[names.length - 1]}`,
  notOneColumn: (parameter, columns) => `「${parameter}」必須是一個儲存格或一欄（現在有 ${columns} 欄）。`,
  heightsDiffer: (names, heights) => `${names}的列數必須相同（現在分別為 ${heights.join("、")} 列）。`,
  noRows: (names) => `${names}都是空範圍。`,
  argumentIsError: (parameter, error) => `「${parameter}」為 Excel 錯誤值 ${error}。`,
  unknownProfile: (id, available) => `沒有名為「${id}」的分級方案。可用方案：${available.join("、")}。`,
  badUnit: (value) => `單位必須是 "yuan"（元）或 "wan"（萬元），而不是「${value}」。`,
  badProfileDocument: (details) => `此分級方案無法使用：${details}`,
  dateSystemUnreadable: () =>
    "Excel 暫時無法告知此活頁簿使用 1900 還是 1904 日期系統（例如正在編輯儲存格時），因此沒有讀取任何日期。" +
    "Excel 重新計算時此公式會再次計算；也可按 Ctrl+Alt+F9 立即重新計算。",
  savedProfilesUnreadable: (excelSaid) =>
    `Excel 暫時無法讀取此活頁簿中儲存的分級方案（Excel 提示：${excelSaid}；例如正在編輯儲存格時）。` +
    "Excel 重新計算時此公式會再次計算；也可按 Ctrl+Alt+F9 立即重新計算。",
  skippedSale: (reason) => `${reason}——此筆銷售未計入`,
  moreSkippedSales: (count, firstRow) => `另有 ${count} 筆銷售無法讀取，未計入（其中第一筆在第 ${firstRow} 列）。`,
  webRangesTooLarge: (cells, ranges, rows, budget) =>
    `網頁版 Excel 傳給公式的資料最多約 5 MB，因此網頁版中 RFM 公式的各範圍合計最多 ` +
    `${budget} 個儲存格；現在有 ${cells} 個（${ranges} 個範圍，` +
    `各 ${rows} 列）。請用表格欄（如 銷售[訂單金額]）或有邊界的範圍（如 B2:B40000）` +
    `代替整欄，或在 RFM 客戶分級工作窗格（常用 > 客戶分級）中為大量銷售記錄分級。` +
    `Windows 版和 Mac 版 Excel 可以使用整欄。`,
  webResultTooLarge: (rows, columns, budget, salesRecords) =>
    `此結果將有 ${rows} 列、每列 ${columns} 欄，超出了網頁版 Excel 從公式取回的上限` +
    `（最多 ${budget} 個儲存格，約 4 MB）。請在 RFM 客戶分級工作窗格（常用 > 客戶分級）中` +
    `為${salesRecords ? "這些銷售記錄" : "這張客戶表"}分級，結果會直接寫入工作表；或在 Windows 版、Mac 版 Excel 中開啟此活頁簿。`,
  unexpected: (details) => `RFM 無法計算此公式：${details}`,
};

export default zhTW;
