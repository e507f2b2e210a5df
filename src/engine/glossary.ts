/**
 * The product's glossary: one English and one Chinese term per concept, which the texts of every face of the product
 * (task pane, profile editor, summary sheet, formulas, command line, engine messages) must use. A finance user who
 * reads 分级方案 in the pane must find 分级方案 in the summary sheet and the formula's help, never 评级方案 or 评分方案.
 * No face reads this list at run time: it is the rule the texts are checked against.
 *
 * `test/engine/glossary.test.ts` reads every Chinese text in `src/` and fails when one uses a forbidden synonym, and
 * when an English text names a concept whose Chinese counterpart does not use the glossary's term. Add a term here
 * before writing a new kind of text; when a new text fails the test, change the text, not the list.
 */

export interface GlossaryTerm {
  /** What the term means, for whoever writes the next text. */
  concept: string;
  /** The English term (as a label would start: sentence case). */
  en: string;
  /** The one Chinese term. */
  zh: string;
  /** How the concept shows in an English text. */
  enMatch: RegExp;
  /**
   * The Chinese text paired with an English text that matches `enMatch` must contain one of these (the term, or a
   * shortening the glossary accepts where the context already says it, such as 方案 in 内置方案).
   */
  zhAccepted: readonly string[];
  /** Chinese words for the same concept that must not be used. */
  zhForbidden: readonly string[];
  /** English words for the same concept that must not be used. */
  enForbidden?: readonly RegExp[];
}

const term = (t: GlossaryTerm): GlossaryTerm => t;

export const GLOSSARY = {
  profile: term({
    concept: "A set of grading rules (thresholds or quantiles, weights, grades, cadences) chosen by id",
    en: "Profile",
    zh: "分级方案",
    enMatch: /(?<![-\w])profiles?\b/i,
    zhAccepted: ["分级方案", "方案"],
    zhForbidden: ["评级方案", "评分方案", "等级方案", "规则方案", "配置方案"],
  }),
  grading: term({
    concept: "Assigning grades to customers (the act, the button, progress)",
    en: "Grade / grading",
    zh: "分级",
    enMatch: /\bgrading\b/i,
    zhAccepted: ["分级"],
    zhForbidden: ["评级", "定级", "评定等级"],
  }),
  graded: term({
    concept: "A row or customer that received a grade",
    en: "Graded",
    zh: "已分级",
    enMatch: /(?<!not )\bgraded\b/i,
    zhAccepted: ["已分级", "分级"],
    zhForbidden: ["已评分", "已评级", "已定级", "评分时间"],
  }),
  notGraded: term({
    concept: "A row or customer that could not be graded (the reason is in its note)",
    en: "Not graded",
    zh: "未分级",
    enMatch: /\bnot graded\b/i,
    zhAccepted: ["未分级"],
    zhForbidden: ["未评分", "未评级", "未定级"],
  }),
  grade: term({
    concept: "The class a customer falls in (A, B, C …)",
    en: "Grade",
    zh: "等级",
    // The plural, or "Grade" alone as a label (the verb "Grade" on the button is 分级, which holds 级 too).
    enMatch: /\bgrades\b|^grade$/i,
    zhAccepted: ["等级", "级"],
    zhForbidden: ["级别", "档次", "档位"],
  }),
  score: term({
    concept: "The sub-scores r, f, m (1 … 5)",
    en: "Score",
    zh: "评分",
    enMatch: /\bscores?\b/i,
    zhAccepted: ["评分", "分"],
    zhForbidden: ["得分", "分值", "分数"],
  }),
  compositeScore: term({
    concept: "X = wR·r + wF·f + wM·m",
    en: "RFM score",
    zh: "综合评分",
    enMatch: /\bRFM score\b|\bscore X\b/i,
    zhAccepted: ["综合评分"],
    zhForbidden: ["总评分", "总得分", "综合得分", "总分"],
  }),
  dataLayout: term({
    concept: "Whether the table holds one row per customer or one row per sale",
    en: "Data layout",
    zh: "数据形式",
    enMatch: /\bdata layout\b/i,
    zhAccepted: ["数据形式"],
    zhForbidden: ["数据类型", "输入类型", "数据种类", "输入种类", "表格类型"],
    enForbidden: [/\binput kind\b/i],
  }),
  customerTable: term({
    concept: "A table with one row per customer (last order date, purchase count, total amount)",
    en: "Customer table",
    zh: "客户表",
    enMatch: /\bcustomer table\b/i,
    zhAccepted: ["客户表"],
    zhForbidden: ["客户清单", "客户汇总表"],
  }),
  salesRecords: term({
    concept: "A table with one row per sale (customer, order date, order amount); one row is one sale (一笔销售)",
    en: "Sales records",
    zh: "销售记录",
    enMatch: /\bsales records?\b/i,
    zhAccepted: ["销售记录"],
    zhForbidden: ["消费记录", "交易记录", "订单记录", "销售明细", "一笔消费", "一笔订单", "一笔交易"],
  }),
  nextGradeOrder: term({
    concept: "One new order placed on the analysis date, as large as it must be to lift the customer's grade by one",
    en: "Next grade with one order of",
    zh: "单笔订单",
    enMatch: /\bwith one order\b/i,
    zhAccepted: ["单笔订单"],
    zhForbidden: ["单次订单", "一张订单"],
  }),
  notUsed: term({
    concept: "The choice that leaves an optional column out",
    en: "(not used)",
    zh: "（不使用）",
    enMatch: /\(not used\)/i,
    zhAccepted: ["（不使用）"],
    zhForbidden: ["未使用", "（无）", "不适用"],
  }),
  cancel: term({
    concept: "Stop an action or close a dialog without changing anything (one text for every Cancel)",
    en: "Cancel",
    zh: "取消",
    enMatch: /^cancel$/i,
    zhAccepted: ["取消"],
    zhForbidden: ["撤销", "中止", "放弃"],
  }),
  cancelled: term({
    concept: "What the user reads after cancelling: one sentence wherever the grading stops",
    en: "Cancelled. The sheet was left as it was.",
    zh: "已取消，工作表保持原样。",
    enMatch: /^cancelled\b/i,
    zhAccepted: ["已取消，工作表保持原样。"],
    zhForbidden: ["未作任何更改"],
  }),
  analysisDate: term({
    concept: "The as-of date recency is counted to (the command line's --as-of, the formula's as_of)",
    en: "Analysis date",
    zh: "统计日期",
    enMatch: /\banalysis date\b/i,
    zhAccepted: ["统计日期"],
    zhForbidden: ["分析日期", "截止日期", "基准日期", "评估日期", "计算日期"],
    enForbidden: [/\bas-of date\b/i],
  }),
  salesWindow: term({
    concept: "The dates between which sales are counted (window start … analysis date)",
    en: "Sales window",
    zh: "统计期间",
    enMatch: /(?<![-\w])window\b(?!-)/i,
    zhAccepted: ["统计期间"],
    zhForbidden: ["统计区间", "销售期间", "销售区间", "日期范围", "日期窗口"],
  }),
  cadence: term({
    concept: "How often to contact a customer of a grade",
    en: "Cadence",
    zh: "沟通频次",
    enMatch: /\bcadences?\b/i,
    zhAccepted: ["沟通频次"],
    zhForbidden: ["沟通频率", "联系频率", "联系频次", "回访频率", "跟进频率"],
  }),
  customerId: term({
    concept: "The column naming the customer",
    en: "Customer id",
    zh: "客户编号",
    enMatch: /\bcustomer id\b/i,
    zhAccepted: ["客户编号"],
    zhForbidden: ["客户ID", "客户 ID", "客户代码", "客户号"],
  }),
  lastOrderDate: term({
    concept: "A customer table's date of the customer's latest order",
    en: "Last order date",
    zh: "最近下单时间",
    enMatch: /\blast order date\b/i,
    zhAccepted: ["最近下单时间"],
    zhForbidden: ["最后下单", "最近订单日期", "最近下单日期", "最近购买日期"],
  }),
  orderDate: term({
    concept: "The date of one sale in sales records",
    en: "Order date",
    zh: "下单时间",
    enMatch: /(?<!last )\border date\b/i,
    zhAccepted: ["下单时间"],
    zhForbidden: ["订单日期", "下单日期", "销售日期"],
  }),
  recency: term({
    concept: "What R scores: the days from the customer's last order to the analysis date",
    en: "Days since the last order",
    zh: "距最近下单天数",
    // The words, not the JSON field "recency" that the engine's messages about profile files name.
    enMatch: /\bdays since the last order\b/i,
    zhAccepted: ["距最近下单天数"],
    zhForbidden: ["最近消费", "消费间隔", "近度"],
  }),
  monetary: term({
    concept: "What M scores: the customer's total purchase amount",
    en: "Total purchase amount",
    zh: "购买总金额",
    enMatch: /\btotal purchase amount\b/i,
    zhAccepted: ["购买总金额", "总金额"],
    zhForbidden: ["消费金额"],
  }),
  purchaseCount: term({
    concept: "A customer table's number of purchases (S), which F (frequency) scores",
    en: "Purchase count",
    zh: "购买次数",
    enMatch: /\bpurchase count\b/i,
    zhAccepted: ["购买次数"],
    zhForbidden: ["消费次数", "购买频次", "消费频次", "订单数", "历史购买总次数"],
  }),
  totalAmount: term({
    concept: "A customer table's total purchase amount (Z)",
    en: "Total amount",
    zh: "总金额",
    enMatch: /\btotal amount\b/i,
    zhAccepted: ["总金额"],
    zhForbidden: ["消费总额", "购买总额"],
  }),
  orderAmount: term({
    concept: "The amount of one sale",
    en: "Order amount",
    zh: "订单金额",
    enMatch: /\border amount\b/i,
    zhAccepted: ["订单金额"],
    zhForbidden: ["单笔金额"],
  }),
  amountUnit: term({
    concept: "Yuan or 10,000 yuan",
    en: "Amount unit",
    zh: "金额单位",
    enMatch: /\bamount unit\b/i,
    zhAccepted: ["金额单位"],
    zhForbidden: ["货币单位"],
  }),
  weight: term({
    concept: "wR, wF, wM in the RFM score",
    en: "Weight",
    zh: "权重",
    enMatch: /\bweights?\b/i,
    zhAccepted: ["权重"],
    zhForbidden: ["比重"],
  }),
  summarySheet: term({
    concept: "The sheet of facts, rules and counts written next to the results",
    en: "Summary sheet",
    zh: "汇总表",
    enMatch: /\bsummary sheet\b/i,
    zhAccepted: ["汇总表"],
    zhForbidden: ["摘要", "概要", "汇总工作表"],
  }),
  headerRow: term({
    concept: "The row holding the column titles (each one a 列标题)",
    en: "Header row",
    zh: "标题行",
    enMatch: /\bheader row\b/i,
    zhAccepted: ["标题行"],
    zhForbidden: ["表头"],
  }),
  workbook: term({
    concept: "The Excel file",
    en: "Workbook",
    zh: "工作簿",
    enMatch: /\bworkbook\b/i,
    zhAccepted: ["工作簿"],
    zhForbidden: ["工作薄"],
  }),
  addIn: term({
    concept: "RFM Grader inside Excel",
    en: "Add-in",
    zh: "加载项",
    enMatch: /\badd-in\b/i,
    zhAccepted: ["加载项"],
    zhForbidden: ["插件"],
  }),
  fixedThresholds: term({
    concept: "The method that scores against fixed bounds",
    en: "Fixed thresholds",
    zh: "固定阈值",
    enMatch: /\bfixed thresholds\b/i,
    zhAccepted: ["固定阈值"],
    zhForbidden: ["固定门槛", "固定临界值"],
  }),
  quantiles: term({
    concept: "The method that ranks customers against each other",
    en: "Quantiles",
    zh: "分位数",
    enMatch: /(?<!")\bquantiles?\b(?!")/i,
    zhAccepted: ["分位数"],
    zhForbidden: ["分位点"],
  }),
  previousGrade: term({
    concept: "The grade a customer had in the earlier grading (grade changes)",
    en: "Previous grade",
    zh: "上一次等级",
    enMatch: /\bprevious grade\b/i,
    zhAccepted: ["上一次等级"],
    zhForbidden: ["上次等级", "之前等级", "原等级", "原来的等级"],
  }),
  nextContact: term({
    concept: "Analysis date + the grade's contact period: when to contact the customer next",
    en: "Next contact by",
    zh: "下次沟通日期",
    enMatch: /\bnext contact\b/i,
    zhAccepted: ["下次沟通日期", "下次沟通"],
    zhForbidden: ["下次联系", "下次回访", "下次跟进"],
  }),
  customerShare: term({
    concept: "A grade's customers as a share of all graded customers",
    en: "Share of customers",
    zh: "客户占比",
    enMatch: /\bshare of customers\b/i,
    zhAccepted: ["客户占比"],
    zhForbidden: ["客户比例", "人数占比", "客户数占比"],
  }),
  amountShare: term({
    concept: "A grade's total amount as a share of the amount of all graded customers",
    en: "Share of amount",
    zh: "金额占比",
    enMatch: /\bshare of (?:the )?(?:total )?amount\b/i,
    zhAccepted: ["金额占比"],
    zhForbidden: ["金额比例", "金额份额", "收入占比"],
  }),
} as const satisfies Record<string, GlossaryTerm>;

/**
 * The Traditional Chinese (Taiwan) glossary: the word a Taiwanese accountant uses for each concept, and the words
 * from Simplified Chinese usage (or a character-by-character conversion of it) that must not appear in a zh-TW text.
 * In Taiwan 列 is a row and 欄 a column, the reverse of their Simplified use, so row and column are terms here too.
 * `test/i18n/traditionalChinese.test.ts` reads every zh-TW text (catalogues, functions' metadata, help page, manifest
 * strings, built-in profiles) and fails on a forbidden word.
 */
export interface TaiwanTerm {
  concept: string;
  /** The term in Traditional Chinese as written in Taiwan. */
  zhTW: string;
  /** Words that must not be used for the concept in a zh-TW text. */
  forbidden: readonly string[];
}

export const GLOSSARY_ZH_TW = {
  customer: { concept: "A customer", zhTW: "客戶", forbidden: ["顧客編號"] },
  grade: { concept: "The class a customer falls in", zhTW: "等級", forbidden: ["級別", "檔次"] },
  cadence: {
    concept: "How often to contact a customer of a grade",
    zhTW: "聯絡頻率",
    forbidden: ["溝通頻次", "溝通頻率", "聯絡頻次"],
  },
  score: { concept: "The sub-scores r, f, m and the composite score", zhTW: "分數", forbidden: ["評分", "得分"] },
  analysisDate: { concept: "The date recency is counted to", zhTW: "分析日期", forbidden: ["統計日期"] },
  amountWan: { concept: "Amounts in units of 10,000 yuan", zhTW: "萬元", forbidden: ["万元"] },
  workbook: { concept: "An Excel workbook", zhTW: "活頁簿", forbidden: ["工作簿"] },
  cell: { concept: "An Excel cell", zhTW: "儲存格", forbidden: ["單元格"] },
  addIn: { concept: "The Office add-in", zhTW: "增益集", forbidden: ["加載項", "載入項"] },
  taskPane: { concept: "The pane beside the sheet", zhTW: "工作窗格", forbidden: ["任務窗格"] },
  data: { concept: "Data in a sheet or file", zhTW: "資料", forbidden: ["數據"] },
  file: { concept: "A file on disk", zhTW: "檔案", forbidden: ["文件"] },
  defaultValue: { concept: "What applies when nothing is chosen", zhTW: "預設", forbidden: ["默認"] },
  program: { concept: "A program", zhTW: "程式", forbidden: ["程序"] },
  threshold: { concept: "A fixed bound of a score", zhTW: "門檻", forbidden: ["閾值"] },
  summary: { concept: "The summary sheet", zhTW: "摘要", forbidden: ["彙總", "匯總", "概要"] },
  liveFormulas: { concept: "Formulas that recalculate with the data", zhTW: "即時公式", forbidden: ["實時"] },
  select: { concept: "Selecting cells or a choice", zhTW: "選取", forbidden: ["選中", "選區"] },
  homeTab: { concept: "Excel's Home tab", zhTW: "常用", forbidden: ["開始索引標籤", "開始 >", "開始 →", "選項卡"] },
  column: { concept: "A column of a sheet", zhTW: "欄", forbidden: ["列標題", "整列", "一列數", "這一列"] },
  row: {
    concept: "A row of a sheet",
    zhTW: "列",
    forbidden: ["標題行", "每行", "行數", "空行", "資料行", "該行", "隱藏行"],
  },
  settings: { concept: "A setting", zhTW: "設定", forbidden: ["設置"] },
  support: { concept: "Supports", zhTW: "支援", forbidden: ["支持"] },
  information: { concept: "Information, a message", zhTW: "資訊", forbidden: ["信息"] },
} as const satisfies Record<string, TaiwanTerm>;
