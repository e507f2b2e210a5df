/**
 * Labels of the summary sheet, in both languages. The add-in and the command line write the same sheet from the same
 * layout (summarySheet.ts), so its words live here once.
 */
import type { UnitSource } from "./headers";
import type { Dimension, Lang, MonetaryUnit, TieRule } from "./types";

const LABELS = {
  en: {
    title: "RFM Summary",
    profile: "Profile",
    method: "Method",
    methods: { thresholds: "fixed thresholds", quantiles: "quantiles" },
    rules: "Rules used",
    asOf: "Analysis date",
    window: "Sales window",
    unit: "Amount unit",
    units: { yuan: "yuan", wan: "10k yuan (万元)" },
    /** Beside the unit: where it came from (the user's choice, the money column's header, the profile). */
    unitFrom: (source: UnitSource, header: string) =>
      source === "header" ? `from the column header “${header}”` : source === "user" ? "chosen by the user" : "the profile's unit",
    source: "Data read",
    output: "Results written to",
    previousSource: "Compared with",
    version: "Add-in version",
    generatedAt: "Graded at",
    rows: "Rows / customers",
    graded: "Graded",
    notGraded: "Not graded",
    salesRead: "Sales read",
    salesKept: "Sales inside the window",
    salesOutside: "Sales outside the window",
    salesSkipped: "Sales skipped (unreadable)",
    grade: "Grade",
    customers: "Customers",
    customerShare: "Share of customers",
    amount: "Amount",
    amountShare: "Share of amount",
    total: "Total",
    sharesNote: "Shares are rounded to 0.1 % so that each column adds up to 100 % (largest remainder).",
    score: "Score",
    dims: { recency: "R", frequency: "F", monetary: "M" } as Record<Dimension, string>,
    chartTitle: "Customers per grade",
    rfTitle: "Customers by R and F score",
    rfCorner: "R \\ F",
    migrationCustomers: "Grade changes since the previous grading: customers",
    migrationAmount: "Grade changes since the previous grading: amount",
    migrationCorner: "Previous \\ now",
    new: "New",
    gone: "Gone",
    changes: "Changes",
    changeNames: {
      up: "Moved up",
      down: "Moved down",
      same: "Same grade",
      new: "New",
      gone: "Gone",
      other: "Not comparable (≠)",
    },
    movedDownList: "Customers who moved down, largest amount first",
    customerId: "Customer id",
    previousGrade: "Previous grade",
    notGradedList: "Rows not graded",
    row: "Row",
    reason: "Reason",
    more: (n: number) => `… and ${n} more`,
  },
  zh: {
    title: "RFM 汇总",
    profile: "分级方案",
    method: "方法",
    methods: { thresholds: "固定阈值", quantiles: "分位数" },
    rules: "使用的规则",
    asOf: "统计日期",
    window: "统计期间",
    unit: "金额单位",
    units: { yuan: "元", wan: "万元" },
    unitFrom: (source: UnitSource, header: string) =>
      source === "header" ? `依据列标题“${header}”` : source === "user" ? "由用户选择" : "分级方案的金额单位",
    source: "读取的数据",
    output: "结果写入",
    previousSource: "对比的上一次分级",
    version: "加载项版本",
    generatedAt: "分级时间",
    rows: "行数 / 客户数",
    graded: "已分级",
    notGraded: "未分级",
    salesRead: "读取的销售记录",
    salesKept: "统计期间内的销售记录",
    salesOutside: "统计期间外的销售记录",
    salesSkipped: "跳过的销售记录（无法读取）",
    grade: "客户等级",
    customers: "客户数",
    customerShare: "客户占比",
    amount: "金额",
    amountShare: "金额占比",
    total: "合计",
    sharesNote: "占比保留一位小数，按最大余数法取整，每列合计为 100%。",
    score: "评分",
    dims: { recency: "R", frequency: "F", monetary: "M" } as Record<Dimension, string>,
    chartTitle: "各等级客户数",
    rfTitle: "按 R、F 评分的客户数",
    rfCorner: "R \\ F",
    migrationCustomers: "与上一次分级相比的等级变化：客户数",
    migrationAmount: "与上一次分级相比的等级变化：金额",
    migrationCorner: "上一次 \\ 本次",
    new: "新增",
    gone: "流失",
    changes: "变化",
    changeNames: {
      up: "等级上升",
      down: "等级下降",
      same: "等级不变",
      new: "新增",
      gone: "流失",
      other: "无法比较（≠）",
    },
    movedDownList: "等级下降的客户（按金额从大到小）",
    customerId: "客户编号",
    previousGrade: "上一次等级",
    notGradedList: "未分级的行",
    row: "行",
    reason: "原因",
    more: (n: number) => `……另有 ${n} 行`,
  },
};

export type SummaryLabels = (typeof LABELS)["en"];

export function summaryLabels(lang: Lang): SummaryLabels {
  return LABELS[lang];
}

export function unitLabel(unit: MonetaryUnit, lang: Lang): string {
  return LABELS[lang].units[unit];
}

/** Words of the grade-history sheets (spec §10), beside the summary's. */
const HISTORY_LABELS = {
  en: {
    historySheet: "Grade history",
    transitionsSheet: "Grade transitions",
    customerId: "Customer id",
    periodEnds: "Period ends",
    steps: { month: "month ends", quarter: "quarter ends" },
    /** "24 month ends, 2023-09-30 – 2025-08-31" */
    periodSpan: (count: number, step: string, first: string, last: string) => `${count} ${step}, ${first} – ${last}`,
    /** The window at each period end. */
    window: (start: string) => `${start} – each period end`,
    noWindowStart: "every sale up to each period end",
    salesCounted: "Sales counted (up to the last period end)",
    salesOutside: "Sales before the window start or after the last period end",
    listed: "Customers with a grade at some period end",
    perPeriod: "Customers per grade at each period end",
    periodEnd: "Period end",
    graded: "Graded",
    chartTitle: "Customers per grade over time",
    lastMoves: (from: string, to: string) => `Grade changes from ${from} to ${to}: customers`,
    movesCorner: "Before \\ after",
    noGrade: "no grade",
    from: "From",
    to: "To",
    gradeBefore: "Grade before",
    gradeAfter: "Grade after",
    change: "Change",
    customers: "Customers",
    amountAfter: (unit: string) => `Amount at the later end (${unit})`,
    about: "Each period end is graded as the analysis date with the sales known by then; “no grade”: no sale inside the window by that day (or, with fixed thresholds, a total of 0 or less).",
  },
  zh: {
    historySheet: "等级历史",
    transitionsSheet: "等级变化",
    customerId: "客户编号",
    periodEnds: "期末日期",
    steps: { month: "个月末", quarter: "个季度末" },
    periodSpan: (count: number, step: string, first: string, last: string) => `${count} ${step}，${first} – ${last}`,
    window: (start: string) => `${start} – 各期末`,
    noWindowStart: "截至各期末的全部销售",
    salesCounted: "计入的销售记录（截至最后一个期末）",
    salesOutside: "统计期间起始日期之前或最后一个期末之后的销售记录",
    listed: "至少在一个期末有等级的客户",
    perPeriod: "各期末各等级客户数",
    periodEnd: "期末",
    graded: "已分级",
    chartTitle: "各等级客户数的变化",
    lastMoves: (from: string, to: string) => `${from} 至 ${to} 的等级变化：客户数`,
    movesCorner: "之前 \\ 之后",
    noGrade: "无等级",
    from: "起",
    to: "止",
    gradeBefore: "之前等级",
    gradeAfter: "之后等级",
    change: "变化",
    customers: "客户数",
    amountAfter: (unit: string) => `后一期末的金额（${unit}）`,
    about: "每个期末都以该日为统计日期、用截至该日已知的销售记录分级；“无等级”：截至该日统计期间内没有销售（固定阈值方案下也包括总金额为 0 或负数）。",
  },
};

export type HistoryLabels = (typeof HISTORY_LABELS)["en"];

export function historyLabels(lang: Lang): HistoryLabels {
  return HISTORY_LABELS[lang];
}

/** Both titles: a sheet whose A1 holds one of them was made by the add-in. */
export const SUMMARY_TITLES = [LABELS.en.title, LABELS.zh.title];

/** How the rules used read in the summary, one line each. */
export const RULE_TEXTS = {
  en: {
    unitYuan: "yuan",
    unitWan: "10,000 yuan",
    recency: (bounds: string) => `R: days since the last order, bounds ${bounds} (score 5 down to 2; beyond: 1)`,
    frequency: (bounds: string) => `F: purchases, bounds ${bounds} (score 1 up to 4; beyond: 5)`,
    monetary: (bounds: string, unit: string) => `M: total amount in ${unit}, bounds ${bounds} (score 1 up to 4; beyond: 5)`,
    quantiles: (bins: number, ties: string) => `R, F, M: ${bins} equal groups by rank; ties: ${ties}`,
    ties: {
      average: "tied customers share the group of their middle position",
      best: "tied customers all get the better group",
      first: "ties broken by row order",
    } as Record<TieRule, string>,
    weights: (r: number, f: number, m: number) => `RFM score X = ${r}·R + ${f}·F + ${m}·M`,
    grade: (grade: string, condition: string, cadence: string) => `Grade ${grade}: ${condition} (${cadence})`,
    nextContact: (period: string) => `next contact ${period}`,
    otherwise: "otherwise",
  },
  zh: {
    unitYuan: "元",
    unitWan: "万元",
    recency: (bounds: string) => `R：距最近下单天数，分界 ${bounds}（由 5 分到 2 分；超出为 1 分）`,
    frequency: (bounds: string) => `F：购买次数，分界 ${bounds}（由 1 分到 4 分；超出为 5 分）`,
    monetary: (bounds: string, unit: string) => `M：总金额（${unit}），分界 ${bounds}（由 1 分到 4 分；超出为 5 分）`,
    quantiles: (bins: number, ties: string) => `R、F、M：按排名均分为 ${bins} 组；并列：${ties}`,
    ties: {
      average: "并列客户按其中间位置共用一组",
      best: "并列客户都归入较好的一组",
      first: "并列按行顺序区分",
    } as Record<TieRule, string>,
    weights: (r: number, f: number, m: number) => `综合评分 X = ${r}·R + ${f}·F + ${m}·M`,
    grade: (grade: string, condition: string, cadence: string) => `${grade} 级：${condition}（${cadence}）`,
    nextContact: (period: string) => `下次沟通：${period}`,
    otherwise: "其余",
  },
};
