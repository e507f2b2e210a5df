/** The command line's words in Traditional Chinese as written in Taiwan (see the English catalogue for what each is). */
import type { InputKind, MonetaryUnit, ProfileIssue, Role } from "../../engine/types";
import type { CliTexts, DeclineReasonText, EncodingEvidenceText } from "../en/cli";
import type { Lang } from "../languages";
import { shortList } from "../lists";
import { counted, grouped } from "../numbers";
import engine from "./engine";

const LANG: Lang = "zh-TW";

const quoteList = (items: readonly string[]) => shortList(items, (text) => `"${text}"`, ", ");
const ROLE_NAMES = engine.roleNames;
const roleList = (roles: readonly Role[]) => roles.map((r) => `${r} (${ROLE_NAMES[r]})`).join(", ");
const issueText = (issue: ProfileIssue) => {
  const message = issue.message[LANG];
  return message.startsWith(issue.field) ? message : `${issue.field}：${message}`;
};
const KIND_NAMES: Record<InputKind, string> = {
  customers: "客戶表（每列一個客戶）",
  transactions: "銷售記錄（每列一筆銷售）",
};
const UNIT_NAMES: Record<MonetaryUnit, string> = {
  yuan: "元",
  wan: "萬元",
};
const n = (count: number) => grouped(count, LANG);

const EVIDENCE: Record<EncodingEvidenceText, string> = {
  bom: "",
  utf8: "",
  zeros: "（無 BOM，依據零位元組判斷）",
  bytes: "（依據位元組特徵判斷）",
  headers: "（依據位元組特徵和欄位標題判斷）",
  forced: "（--encoding 指定）",
};

const DECLINES: Record<DeclineReasonText, string> = {
  workbookInput: "輸入是活頁簿；DuckDB 只讀取 .csv 和 .parquet 檔案",
  workbookOutput: "結果寫入活頁簿（.xlsx）",
  previous: "--previous 需要與上一次的結果比較",
  encoding: "檔案不是 UTF-8 編碼的文字",
  delimiter: "檔案不是以逗號分隔",
  salesRecords: "檔案是銷售記錄；DuckDB 只用於客戶表",
  headerBelow: "標題列不在第一列",
  earlierResults: "檔案末尾已有上一次分級的結果欄",
  rowsNeedNotes: "部分列無法直接分級，由 JavaScript 引擎逐列註明原因",
  quotes: "檔案中有帶引號的儲存格",
  formulaLike: "有儲存格以公式符號（=、+、-、@）開頭",
  lineBreaks: "檔案的換行字元不全是 LF 或不全是 CRLF",
  emptyLine: "檔案中有空列",
  rowWidth: "部分列的儲存格數與標題列不同",
  notStrict:
    "部分儲存格不是標準寫法（日期為 YYYY-MM-DD 且不晚於分析日期、購買次數為整數、金額為普通數字、客戶編號不重複）",
  changed: "檔案在分級過程中被修改",
  unreadable: "DuckDB 無法按逗號分隔的 UTF-8 文字讀取該檔案",
  emptyTable: "表格中沒有資料列",
  notInstalled: "未安裝 DuckDB（@duckdb/node-api）",
  failed: "DuckDB 執行出錯",
};
const HELP: CliTexts["help"] = {
  program: "按最近購買時間、購買次數和購買金額（RFM）為 .csv 和 .xlsx 檔案中的客戶分級。",
  version: "顯示版本號",
  help: "顯示指令說明",
  lang: (langs) => `輸出欄位標題、聯絡頻率、備註和提示訊息的語言：${langs}`,
  langShort: (langs) => langs,
  langOfMessages: (langs) => `聯絡頻率文字和提示訊息的語言：${langs}`,
  or: " 或 ",
  profile: "shaoxing、wuhan，或分級方案 .json 檔案（必填）",
  asOf: "分析日期（預設：分級方案自帶的日期；shaoxing 方案必填）",
  grade: {
    command: "為 .csv 或 .xlsx 檔案中的客戶分級並輸出結果（預設以 CSV 寫到標準輸出）",
    input:
      ".csv 或 .txt 檔案（UTF-8、UTF-16、GBK、Big5 或 Windows-1252；逗號、定位字元、分號或 | 分隔）、.xlsx 活頁簿或 .parquet 檔案：客戶表或銷售記錄",
    windowStart: "統計期間的第一天（銷售記錄；預設：分級方案自帶的日期）",
    unit: "輸入金額的金額單位：yuan（元）或 wan（萬元）（預設：金額欄位標題中註明的單位，否則為分級方案的單位）",
    kind: "customers（客戶表）或 transactions（銷售記錄）（預設：根據欄位標題判斷）",
    map: "手動指定欄；ROLE 可為 id、date、count、total 或 amount（可重複使用）",
    out: "寫入 FILE.csv 或 FILE.xlsx，而不是把 CSV 寫到標準輸出（已有的 FILE 會被替換；輸入檔案絕不會被覆寫）",
    sheet: ".xlsx 輸入檔案中的工作表（預設：第一個可見的工作表）",
    encoding: "輸入 .csv 檔案的編碼：utf8、utf16le、utf16be、gb18030（gbk）、big5、windows-1252（預設：自動偵測）",
    formulas: "與 --out 檔案.xlsx 一起使用：寫入即時工作表公式，無需增益集即可分級",
    engine: "auto、js 或 duckdb：如何讀取 .csv 或 .parquet 客戶表（auto：儲存格均為標準寫法時快速讀取；結果相同）",
    previous:
      "rfm grade 的一次早先結果（.csv 或 .xlsx）：按客戶編號比對，增加「上一次等級」和「變化」兩欄以及等級變化統計",
    after: [
      "",
      "範例：",
      "  rfm grade customers.xlsx --profile shaoxing --as-of 2025-12-31 --out graded.xlsx",
      "  rfm grade sales.csv --profile wuhan --lang zh-TW > graded.csv",
      "  rfm grade sales.csv --profile my-profile.json --map total=Revenue --unit yuan -o graded.csv",
      "  rfm grade customers.xlsx --profile shaoxing --as-of 2026-01-31 --previous graded-december.xlsx -o graded.xlsx",
      "",
      "CSV 輸出為 UTF-8 編碼（寫入檔案時帶 BOM，便於 Excel 開啟）。以 =、+、-、@、定位字元或歸位字元開頭且不是數字的文字儲存格，",
      "會在開頭加一個單引號（'），使 Excel 把它顯示為文字而不是當作公式執行（OWASP 對 CSV 注入的建議）；.xlsx 輸出",
      "則按原樣寫入文字儲存格。超過 Excel 儲存格上限（32,767 個字元）的文字在 .xlsx 輸出中會被截斷，並在該列「備註」中註明。",
      "",
      "計算引擎：CSV 客戶表（或由 DuckDB 轉成 CSV 的 Parquet 客戶表，檔案.parquet）若每個儲存格都是標準寫法（日期為",
      "YYYY-MM-DD、次數為整數、金額為普通數字、客戶編號不重複、無引號），則逐列快速讀取，佔用記憶體很少；其他檔案由",
      "JavaScript 引擎整個讀入，讀取各種寫法並逐一註明問題。--engine js 總是整個讀入；--engine duckdb 讓內建的 DuckDB",
      "讀取標準寫法的檔案。兩者輸出逐位元組相同；大檔案未能快速讀取時，摘要會說明原因。",
      "",
      "結束狀態：0 表示已分級（無法分級的列已在備註中註明），2 表示用法或輸入檔案有誤。",
    ],
  },
  demo: {
    command: "用內建分級方案為隨附的範例檔案分級，並寫出 .xlsx 結果",
    outDir: "結果所在的資料夾",
  },
  profiles: {
    command: "列出內建分級方案",
  },
  sql: {
    command: "輸出一條 SQL 查詢，用分級方案為資料庫表中的客戶分級，結果與 `rfm grade` 完全一致",
    dialect: "SQL 方言：duckdb、postgres、mysql（MySQL 8、MariaDB 10.6 及以上版本）或 spark",
    kind: "transactions（銷售記錄，每列一筆銷售）或 customers（客戶表，每列一位客戶）",
    table: "要讀取的表或檢視，可寫作 schema.table（預設：sales，或 customers）",
    map: "某一用途對應的欄（id、date、count、total、amount）；預設為與用途同名的欄（可重複使用）",
    windowStart: "統計期間的第一天（預設：分級方案自帶的日期）",
    unit: "表中金額的金額單位：yuan（元）或 wan（萬元）（預設：分級方案的單位）",
    order: "給出列順序的欄，並列規則為「first」時必填",
    afterColumns: (columns) =>
      `查詢傳回 ${columns.join("、")} 各欄（next_contact_by 僅在分級方案的等級設有聯絡週期時傳回；` +
      "note：該列未分級的原因，已分級時為 NULL）。識別符號按給出的寫法加引號。",
    after: [
      "使用 --dialect mysql 時，客戶編號按原樣逐字比較（utf8mb4_bin），不採用表的排序規則（它可能把「a」和「A」",
      "視為同一位客戶）。",
      "",
      "範例：",
      "  rfm sql --profile wuhan --dialect postgres --table sales --map id=customer_no --map date=sold_on > grade.sql",
      "  rfm sql --profile wuhan --dialect mysql --table crm.sales --map id=customer_no > grade.sql",
      "  rfm sql --profile shaoxing --input customers --as-of 2025-12-31 --unit yuan",
    ],
  },
  history: {
    command: "在每個月末或季末為銷售記錄分級，輸出每個客戶各期的等級以及等級之間的變化",
    input: "銷售記錄（每列一筆銷售）：.csv 或 .txt 檔案，或 .xlsx 活頁簿",
    every: "month 或 quarter：在每個月末或每個季末分級",
    from: "第一個月份（必填）",
    to: "最後一個月份（必填）",
    windowStart: "統計期間的第一天（預設：分級方案自帶的日期）",
    map: "手動指定欄；ROLE 可為 id、date 或 amount（可重複使用）",
    out: "寫入 FILE.xlsx（等級歷史、等級變化、摘要表和圖表）或 FILE.csv（另加 FILE-transitions.csv）；必填",
    encoding: "輸入 .csv 檔案的編碼：utf8、utf16le、utf16be、gb18030（gbk）、big5（預設：自動偵測）",
    after: [
      "",
      "--from 與 --to 之間的每個期末（每月最後一天，或每季最後一天：3 月 31 日、6 月 30 日、9 月 30 日、12 月 31 日）",
      "都作為分析日期分級，計入從統計期間起始日期到該日的銷售。截至該日統計期間內沒有銷售的客戶，該期無等級。",
      "欄位標題為 2025年1月（按月）或 2025年第1季（按季）。等級變化統計相鄰兩個期末之間從各等級到各等級的客戶數",
      "（新增和流失的客戶記為「無等級」），以及這些客戶在後一期末的金額合計。",
      "",
      "範例：",
      "  rfm history sales.xlsx --profile wuhan --every month --from 2024-07 --to 2025-06 -o history.xlsx --lang zh-TW",
      "  rfm history sales.csv --profile shaoxing --unit yuan --every quarter --from 2024-01 --to 2025-12 -o history.csv",
      "",
      "結束狀態：0 表示已寫入，2 表示用法或輸入檔案有誤。",
    ],
  },
  commander: {
    usage: "用法：",
    arguments: "參數：",
    options: "選項：",
    commands: "指令：",
    defaultValue: (value) => `（預設：${value}）`,
    choices: (values) => `（可選：${values}）`,
    unknownOption: (option, suggestion) => `未知選項「${option}」${suggestion ? `（是否要輸入 ${suggestion}？）` : ""}`,
    unknownCommand: (command, suggestion) =>
      `未知指令「${command}」${suggestion ? `（是否要輸入 ${suggestion}？）` : ""}`,
    argumentMissing: (option) => `選項「${option}」缺少取值`,
    requiredArgument: (argument) => `缺少必需的參數「${argument}」`,
    tooManyArguments: (command, expected, got) =>
      `${command ? `指令「${command}」的` : ""}參數過多：應為 ${expected} 個，實際為 ${got} 個。`,
    invalidArgument: (option, value) => `選項「${option}」的取值「${value}」無效`,
  },
};

const zhTW: CliTexts = {
  kindNames: KIND_NAMES,
  unitNames: UNIT_NAMES,
  usage: {
    noInput: () => "缺少輸入檔案：請指定 .csv 或 .xlsx 檔案，例如 rfm grade sales.xlsx --profile wuhan",
    fileNotFound: (path) => `無法讀取「${path}」：檔案不存在`,
    fileUnreadable: (path, detail) => `無法讀取「${path}」：${detail}`,
    unknownFileType: (path) =>
      `「${path}」不是 .csv、.txt、.xlsx 或 .parquet 檔案（舊版 .xls 活頁簿請先在 Excel 中另存新檔 .xlsx）`,
    notInEncoding: (path, encoding, likely) =>
      likely
        ? `「${path}」不是 ${encoding} 編碼的文字，按 ${likely.label} 可以讀取：請使用 --encoding ${likely.flag}，或去掉 --encoding 讓程式自動偵測`
        : `「${path}」不是 ${encoding} 編碼的文字：去掉 --encoding 讓程式自動偵測，或指定檔案儲存時所用的編碼（utf8、utf16le、gb18030、big5、windows-1252）`,
    unknownEncoding: (path) =>
      `「${path}」既不是 UTF-8、UTF-16、GB18030/GBK、Big5，也不是 Windows-1252 編碼的文字：請用 --encoding 指定其編碼，或在 Excel 中另存新檔「CSV UTF-8（逗號分隔）」`,
    ambiguousEncoding: (path, likely) =>
      `「${path}」可能是 ${likely.map((e) => e.label).join(" 或 ")} 編碼，僅憑檔案內容無法確定：請用 ${likely.map((e) => `--encoding ${e.flag}`).join(" 或 ")} 指定`,
    doubtfulEncoding: (path, label, flag) =>
      `「${path}」可能是 ${label} 編碼，但僅憑檔案內容無法確定：如確是此編碼，請用 --encoding ${flag} 指定`,
    bomOfOtherEncoding: (path, marked, forced, flag) =>
      `「${path}」以 ${marked} 的位元組順序標記（BOM）開頭，不是 ${forced} 編碼：請使用 --encoding ${flag}，或去掉 --encoding`,
    headersInOtherEncoding: (path, forced, likely, flag) =>
      `「${path}」按 ${forced} 讀取時沒有可識別的欄位標題，按 ${likely} 讀取則有：請使用 --encoding ${flag}，或去掉 --encoding 讓程式自動偵測`,
    profileNotUtf8: (path) =>
      `分級方案檔案「${path}」不是 UTF-8 編碼（可能是 GBK 或 UTF-16）：請另存新檔 UTF-8 編碼（記事本：另存新檔，編碼選 UTF-8）`,
    emptyFile: (path) => `「${path}」是空檔案：需要標題列和資料列`,
    unclosedQuote: (path, row) =>
      `「${path}」第 ${row} 列：引號（"）開始的儲存格沒有結束，其後的所有列都會併入該儲存格；請修正引號後重試`,
    notAWorkbook: (path, detail) => `無法將「${path}」作為 .xlsx 活頁簿讀取：${detail}`,
    noSheets: (path) => `「${path}」中沒有工作表`,
    sheetNotFound: (name, available) => `找不到名為「${name}」的工作表；活頁簿中有：${quoteList(available)}`,
    encodingOnlyForCsv: () => "--encoding 僅適用於 .csv 輸入檔案（.xlsx 活頁簿自帶編碼資訊）",
    sheetOnlyForXlsx: () => "--sheet 僅適用於 .xlsx 輸入檔案",
    unknownProfile: (name, builtins) =>
      `未知分級方案「${name}」：請使用 ${builtins.join(" 或 ")}，或分級方案 .json 檔案的路徑`,
    noProfile: () => "未指定分級方案：請新增 --profile shaoxing、--profile wuhan 或 --profile 檔案.json",
    asOfMissing: (profile) => `分級方案「${profile}」沒有預設分析日期：請用 --as-of YYYY-MM-DD 指定`,
    profileNotJson: (path, problem) => `分級方案檔案「${path}」：${problem[LANG]}`,
    profileInvalid: (path, issues) => `分級方案檔案「${path}」無效：${issues.map((i) => issueText(i)).join("；")}`,
    badDateFlag: (flag, value) => `${flag}「${value}」不是日期：請寫成 YYYY-MM-DD 格式`,
    badChoice: (flag, value, choices) => `${flag}「${value}」無效，可選值：${choices.join("、")}`,
    badMap: (value, roles) =>
      `--map「${value}」格式應為 角色=欄位標題，角色可選 ${roles.join("、")}（例如 --map "total=銷售總額"）`,
    mapRoleTwice: (role) => `--map 對 ${role} 欄指定了兩次`,
    mapNoSuchColumn: (role, header, found) =>
      `--map ${role}=${header}：沒有名為「${header}」的欄；欄位標題為：${quoteList(found)}`,
    missingColumns: (kind, missing, found) =>
      `作為${KIND_NAMES[kind]}缺少以下欄：${roleList(missing)}。` +
      `欄位標題為：${quoteList(found)}。可用 --map 角色=欄位標題 指定欄`,
    ambiguousColumns: (role, header, letters) =>
      `有 ${letters.length} 欄的欄位標題都是「${header}」（第 ${letters.join("、")} 欄），無法確定哪一欄是${ROLE_NAMES[role]}：請在檔案中修改欄位標題，只讓其中一欄使用此名稱`,
    nothingToGrade: (said, role) =>
      role === undefined ? said[LANG] : `${said[LANG]}可用 --map ${role}=欄位標題 指定正確的欄`,
    outSameAsInput: () => "--out 不能是輸入檔案本身（或指向它的連結）：輸入檔案不會被覆寫",
    badOutType: (path) => `--out「${path}」必須以 .csv 或 .xlsx 結尾`,
    tooManyRowsForXlsx: (rows, limit) =>
      `結果共 ${rows} 列，超過 Excel 工作表的容量（標題列以下 ${limit} 列）：請用 --out 檔案.csv 輸出`,
    badMonthFlag: (flag, value) => `${flag}「${value}」不是月份：請寫成 YYYY-MM 格式（例如 2025-01）`,
    monthFlagMissing: (flag) => `缺少 ${flag}：rfm history 需要 --from YYYY-MM 和 --to YYYY-MM`,
    monthsReversed: (from, to) => `--to ${to} 早於 --from ${from}`,
    noQuarterEnd: (from, to) =>
      `${from} 至 ${to} 之間沒有季末（季末在 3、6、9、12 月）：請擴大 --from/--to 範圍，或使用 --every month`,
    tooManyPeriods: (count, limit) =>
      `共 ${count} 個期末，超過 rfm history 的上限（${limit} 個）：請縮短 --from/--to 範圍，或使用 --every quarter`,
    historyNeedsOut: () =>
      "rfm history 會輸出等級歷史表和等級變化表：請指定 -o 檔案.xlsx（兩張工作表和一張圖表）或 -o 檔案.csv（檔案.csv 和 檔案-transitions.csv）",
    historyNeedsSales: (header) =>
      `rfm history 需要銷售記錄（每列一筆銷售：客戶、下單時間、訂單金額）；此檔案是客戶表（含購買次數欄「${header}」）`,
    firstEndBeforeWindow: (end, start) =>
      `第一個期末 ${end} 早於統計期間起始日期 ${start}，該期末不會計入任何銷售：請讓 --from 從起始日期所在月份或之後開始，或用 --window-start 指定起始日期`,
    cannotWrite: (path, reason) => `無法寫入「${path}」：${reason[LANG]}`,
    cannotWriteStdout: (reason) => `無法寫入輸出（標準輸出）：${reason[LANG]}`,
    outDirIsFile: (path) => `--out-dir「${path}」是檔案，不是資料夾：請指定一個資料夾（不存在時會自動建立）`,
  },
  summary: {
    profile: "分級方案",
    asOf: "分析日期",
    window: "統計期間",
    unit: "金額單位",
    input: "輸入",
    textRead: (encoding, bom, evidence, delimiter) =>
      `檔案：${encoding} 編碼${bom ? "（帶 BOM）" : ""}${EVIDENCE[evidence]}，${delimiter[LANG]}分隔`,
    decimals: (parts) => `小數點：${parts.join("；")}`,
    decimalReading: (reading, header) =>
      reading === "comma"
        ? `「${header}」欄為逗號（1.234,56 即 1234.56）`
        : reading === "point"
          ? `「${header}」欄為句點（1,234.56）`
          : reading === "mixed"
            ? `「${header}」欄中逗號和句點都用作小數點，含逗號或句點的儲存格未分級（見「備註」欄）`
            : `「${header}」欄中沒有數值能說明小數點，如 1,234（1234 還是 1.234？）這樣的儲存格未分級（見「備註」欄）`,
    unitSource: (choice, header) =>
      choice.source === "user"
        ? "（--unit 指定）"
        : choice.source === "header"
          ? `（依據欄位標題「${header}」）`
          : "（分級方案的單位）",
    unitCurrency: (currency) => `；金額為 ${currency}，按原數值與分級方案的界值比較（不做幣種換算）`,
    unitUnreadable: (choice, header) =>
      `警告：欄位標題「${header}」註明的單位「${choice.unreadable}」無法識別（只支援元和萬元）：金額按${UNIT_NAMES[choice.unit]}讀取（${choice.source === "user" ? "--unit 指定" : "分級方案的單位"}）；請換算該欄，或核對 M 分數`,
    unitConflict: (choice, header) =>
      `警告：欄位標題「${header}」註明單位為${UNIT_NAMES[choice.headerUnit ?? choice.unit]}，但 --unit 指定為${UNIT_NAMES[choice.unit]}：金額按 --unit 指定的${UNIT_NAMES[choice.unit]}讀取`,
    graded: (graded, total, kind) => `已分級 ${graded} / ${total} ${kind === "customers" ? "列" : "個客戶"}`,
    headerRow: (row) => `標題列：第 ${row} 列（其上方的列不屬於表格）`,
    grades: "等級分佈",
    scores: "各分數人數（5 … 1）",
    notGraded: (n) => `未分級：${n}（原因見「備註」欄）`,
    sales: (read, kept, outside, skipped) =>
      `銷售記錄：讀取 ${read} 筆，統計期間內 ${kept} 筆，期間外 ${outside} 筆，無法讀取而跳過 ${skipped} 筆`,
    skippedSale: "已跳過",
    blankRows: (n) => `已跳過空列：${n}（所讀各欄均為空；不計入未分級）`,
    duplicateIds: (rows, ids) => `客戶編號重複：${rows} 列共用 ${ids} 個客戶編號（均已分級，並在「備註」欄中註明）`,
    hiddenRows: (n) => `已讀取隱藏列：${n}（工作表中隱藏的列與其他列一樣分級）`,
    moreSkipped: (n) => `…… 另有 ${n} 筆銷售記錄被跳過`,
    written: (path) => `已寫入：${path}`,
    replacedResults: "輸入檔案中已有上次分級的結果欄：輸出中已替換為本次結果",
    csvProblem: (row, code) =>
      code === "TextAfterQuote"
        ? `警告：第 ${row} 列：帶引號的儲存格在結束引號之後還有文字；已保留這些文字並去掉該引號（"x"y 讀作 xy）`
        : `警告：第 ${row} 列：引號（"）開始的儲存格沒有結束；該儲存格一直讀到檔案末尾`,
    moreCsvProblems: (n) => `警告：另有 ${n} 列在結束引號之後還有文字`,
    reading: "正在讀取",
    grading: "正在分級",
    writing: "正在寫入",
  },
  history: {
    periods: "期末日期",
    periodSpan: (count, step, first, last) => `${count} 個${step === "month" ? "月末" : "季末"}，${first} – ${last}`,
    window: (start) => (start === undefined ? "截至各期末的全部銷售" : `${start} – 各期末`),
    sales: (read, counted, outside, skipped) =>
      `銷售記錄：讀取 ${read} 筆，計入 ${counted} 筆，統計期間起始日期之前或最後一個期末之後 ${outside} 筆，無法讀取而跳過 ${skipped} 筆`,
    listed: (listed, customers) => `客戶：${listed} 個至少在一個期末有等級（共 ${customers} 個客戶有可讀取的銷售）`,
    perPeriod: "各期末各等級客戶數",
    noGrade: "無等級",
    moves: (from, to) => `${from} 至 ${to}`,
    transitionsFile: (path) => `已寫入：${path}（等級變化）`,
  },
  output: {
    cut: (column) => `「${column}」欄：文字超過 Excel 儲存格上限，已截斷為 32,767 個字元`,
    cutCells: (n) =>
      `文字截斷：${n} 個儲存格超過 Excel 上限 32,767 個字元，在活頁簿中已截斷（見其「備註」）；輸出為 .csv 可保留全文`,
  },
  demo: {
    heading: (sample, profile) => `示範：用 ${profile} 分級方案為 ${sample} 分級`,
    asOfChosen: (asOf) => `（分析日期 ${asOf}：shaoxing 方案沒有預設日期，此日期適合本範例）`,
    done: (dir) => `示範結果位於 ${dir}`,
  },
  xlsx: {
    renamedText: (path) => `「${path}」是改成 .xlsx 副檔名的文字（CSV）檔案，不是活頁簿：請將副檔名改為 .csv 後重試`,
    encrypted: (path) =>
      `「${path}」設定了開啟密碼（已加密），或是舊版 .xls 活頁簿：請在 Excel 中開啟，刪除密碼（檔案 > 資訊 > 保護活頁簿），另存新檔 .xlsx 後重試`,
    damaged: (path) => `「${path}」已損壞，不是完整的 .xlsx 活頁簿：請在 Excel 中開啟並修復，或重新匯出`,
    passwordProtected: (path) =>
      `「${path}」設定了開啟密碼（已加密）：請在 Excel 中開啟，刪除密碼（檔案 > 資訊 > 保護活頁簿），儲存後重試`,
    oldXls: (path) =>
      `「${path}」是改成 .xlsx 副檔名的 Excel 97-2003 活頁簿（.xls）：請在 Excel 中開啟，另存新檔 .xlsx（檔案 > 另存新檔）後重試`,
    binaryWorkbook: (path) =>
      `「${path}」是 Excel 二進位活頁簿（.xlsb），本工具無法讀取：請在 Excel 中開啟，另存新檔 .xlsx（檔案 > 另存新檔）後重試`,
    openDocument: (path) =>
      `「${path}」是改成 .xlsx 副檔名的 OpenDocument 試算表（.ods）：請另存新檔 .xlsx（Excel 2007-365）或 CSV 後重試`,
    markup: (path) =>
      `「${path}」是改成 .xlsx 副檔名的網頁或 XML 檔案，不是活頁簿：請在 Excel 中開啟，另存新檔 .xlsx（檔案 > 另存新檔）後重試`,
    notAWorkbook: (path) => `「${path}」是 zip 壓縮檔案，但不是 Excel 活頁簿：其中沒有活頁簿部件`,
    missingPart: (path, part) => `「${path}」已損壞：缺少其中的部件 ${part}；請在 Excel 中開啟並修復，或重新匯出`,
    compression: (path, method) =>
      `「${path}」採用 ${method} 壓縮，本工具無法讀取（僅支援 Excel 使用的 Deflate）：請在 Excel 中開啟並重新儲存後重試`,
    encryptedZip: (path) =>
      `「${path}」是帶加密（密碼保護）條目的 zip 檔案，本工具無法讀取：請在 Excel 中重新儲存活頁簿（不設定 zip 密碼）後重試`,
    notAWorksheet: (path, sheet, kind) =>
      `「${path}」中的工作表「${sheet}」是${{ chartsheet: "圖表工作表", dialogsheet: "對話方塊工作表", macrosheet: "Excel 4 巨集工作表" }[kind]}，不是包含儲存格的工作表：請用 --sheet 指定一個工作表`,
    noWorksheet: (path) => `「${path}」中沒有包含儲存格的工作表（只有圖表或對話方塊工作表）`,
    documentType: (path) =>
      `「${path}」的活頁簿內部含有 DTD 宣告（Document Type Definition），檔案格式不允許這樣做（XML 炸彈正是藉此製造的）：請用產生它的程式重新匯出`,
    preRelease: (path) =>
      `「${path}」採用 Excel 2007 預覽版（beta）的格式，而不是正式發行的 Office Open XML 格式：請用產生它的程式重新匯出`,
    noVisibleSheet: (path) => `「${path}」的所有工作表都已隱藏：請用 --sheet 指定一個`,
  },
  previous: {
    badType: (path) => `--previous「${path}」必須是 rfm grade 之前輸出的結果檔案（.csv 或 .xlsx）`,
    noGradeColumn: (path, headers) =>
      `「${path}」沒有客戶等級欄（Grade 或 客戶等級），不是 rfm grade 之前輸出的結果。其欄位標題為：${quoteList(headers)}`,
    noIdColumn: (path, headers) => `「${path}」沒有用於比對客戶的客戶編號欄。其欄位標題為：${quoteList(headers)}`,
    noCurrentIds: () => "--previous 按客戶編號比對客戶，但此表沒有客戶編號欄：請用 --map id=欄位標題 指定",
  },
  engines: {
    duckdb: () => "計算引擎：DuckDB（--engine duckdb 指定）",
    everyForm: (reason) =>
      `計算引擎：JavaScript，逐格讀取各種寫法，整個檔案讀入記憶體（未用標準寫法檔案的快速讀取：${DECLINES[reason]}）`,
    javascript: (reason) => `計算引擎：JavaScript（未採用 DuckDB：${DECLINES[reason]}）`,
    inputChanged: (path) => `「${path}」在分級過程中被修改，上面的輸出不完整：請重新分級`,
  },
  writeFailures: {
    ENOSPC: "磁碟已滿",
    EDQUOT: "磁碟配額已用完",
    EFBIG: "檔案超出系統允許的大小（檔案大小限制）",
    EROFS: "磁碟為唯讀",
    EACCES: "沒有寫入權限",
    EPERM: "沒有寫入權限",
    EISDIR: "這是一個資料夾，不是檔案",
    ENOTDIR: "路徑中有一部分是檔案，不是資料夾",
    ENOENT: "資料夾不存在",
    EEXIST: "已有同名檔案",
    EBUSY: "檔案正被佔用（是否已在其他程式中開啟？）",
    ENAMETOOLONG: "名稱過長",
    EIO: "磁碟讀寫出錯",
    EMFILE: "開啟的檔案過多",
    ENFILE: "開啟的檔案過多",
    EINVAL: "磁碟或裝置不接受此寫入",
  },
  delimiters: {
    ",": "逗號",
    "\t": "定位字元",
    ";": "分號",
    "|": "直線",
  },
  profiles: {
    asOf: "預設分析日期",
    windowStart: "統計期間起始",
    none: "無預設分析日期（需指定 --as-of）",
  },
  formulas: {
    needsXlsx: "--formulas 會寫出儲存格為即時公式的活頁簿：請新增 --out 檔案.xlsx",
    written: (path) => `已寫入即時公式：${path}（在「RFM參數」工作表中修改分析日期，等級會自動重新計算）`,
    salesWritten: (path) =>
      `已寫入即時公式：${path}（每列一位客戶；修改銷售記錄，或在「RFM參數」工作表中修改分析日期或統計期間起始日期，等級會自動重新計算；新客戶需要重新分級）`,
  },
  parquet: {
    read: (path) => `檔案：${path}（Parquet），由 DuckDB 讀取`,
    noDuckdb: (path) => `「${path}」是 Parquet 檔案，需要用 DuckDB（@duckdb/node-api）讀取，但未安裝 DuckDB`,
    unreadable: (path, reason) => `無法按 Parquet 檔案讀取「${path}」：${reason}`,
  },
  analysisDate: {
    dataPast: (past, profileId) => {
      const lead =
        past.chosenBy === "profile"
          ? `警告：資料中最晚的日期是 ${past.latest}，晚於分級方案「${profileId}」固定的分析日期 ${past.asOf}`
          : `注意：資料中最晚的日期是 ${past.latest}，晚於 --as-of 指定的分析日期 ${past.asOf}`;
      let effect: string;
      if (past.rowsNotGraded !== undefined) {
        const rows = past.rows!,
          after = past.rowsNotGraded;
        effect =
          after === rows
            ? `全部 ${n(rows)} 列的日期都在此之後，沒有任何客戶被分級`
            : `${n(rows)} 列中有 ${n(after)} 列的日期在此之後，因此未分級`;
      } else {
        const left = past.salesLeftOut!,
          customers = past.customersWithLaterSales!,
          ungraded = past.customersNotGraded!;
        effect =
          `${n(past.sales!)} 筆銷售中有 ${n(left)} 筆在此之後，不計入統計（涉及 ${counted(customers, LANG, engine.counts.customers)}` +
          (ungraded === 0 ? "）" : `，其中 ${n(ungraded)} 位在統計期間內沒有銷售記錄，因此未分級）`);
      }
      return `${lead}：${effect}。如需以資料中最晚的日期為分析日期，請加上 --as-of ${past.suggestedAsOf}`;
    },
    farAfterData: (days, asOf, latest) =>
      `警告：分析日期 ${asOf} 比資料中最晚的日期（${latest}）晚 ${days} 天：所有客戶都會顯得不活躍（R 分數偏低）`,
  },
  sql: {
    firstNeedsOrder:
      '此分級方案按輸入順序處理並列（ties: "first"），而資料表本身沒有順序：請新增 --order 欄名（例如銷售記錄的列號或時間戳）',
  },
  sheets: {
    grades: "RFM分級",
  },
  columnOfLetter: (letter) => `${letter} 欄`,
  help: HELP,
};

export default zhTW;
