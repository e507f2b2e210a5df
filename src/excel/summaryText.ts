/** Labels of the summary sheet, in both languages. */
import type { Dimension, Lang, MonetaryUnit } from "../engine/types";

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
    source: "Data read",
    output: "Results written to",
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
    score: "Score",
    dims: { recency: "R", frequency: "F", monetary: "M" } as Record<Dimension, string>,
    chartTitle: "Customers per grade",
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
    source: "读取的数据",
    output: "结果写入",
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
    score: "评分",
    dims: { recency: "R", frequency: "F", monetary: "M" } as Record<Dimension, string>,
    chartTitle: "各等级客户数",
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

/** Both titles: a sheet whose A1 holds one of them was made by the add-in. */
export const SUMMARY_TITLES = [LABELS.en.title, LABELS.zh.title];
