/**
 * Data as a finance department keeps it, for the browser tests: long Chinese customer and grade names, amounts in
 * yuan up to twelve digits, six grades, and sales records with the customer's name, contact and phone. Grades and
 * sums are worked out by hand next to the data. Dates are Excel serials (1900 system): 46023 = 2026-01-01.
 */

/** 2026-03-15: the latest date in the data below. */
const LATEST_2026 = 46096;

/**
 * A yuan profile with six grades named as a sales team names them. Bounds: r D <= 30 → 5, <= 90 → 4, <= 180 → 3,
 * <= 365 → 2, else 1; f S <= 1 → 1, <= 3 → 2, <= 6 → 3, <= 12 → 4, else 5; m Z <= 10万 → 1, <= 100万 → 2,
 * <= 1000万 → 3, <= 1亿 → 4, else 5. X = 0.3r + 0.3f + 0.4m.
 */
export const SIX_GRADES = {
  id: "east-2026",
  name: { en: "East China accounts 2026 (six grades)", zh: "华东大区二〇二六年度客户分级（六级）" },
  method: "thresholds",
  monetaryUnit: "yuan",
  thresholds: {
    recency: [30, 90, 180, 365],
    frequency: [1, 3, 6, 12],
    monetary: [100000, 1000000, 10000000, 100000000],
  },
  weights: { recency: 0.3, frequency: 0.3, monetary: 0.4 },
  grades: [
    {
      grade: "S 战略核心客户（年采购额亿元以上）",
      atLeast: 4.6,
      cadence: { en: "Weekly visit by the account manager", zh: "客户经理每周上门拜访" },
    },
    { grade: "A 重点维护客户", atLeast: 4, cadence: { en: "Call every two weeks", zh: "每两周电话回访" } },
    { grade: "B 稳定合作客户", atLeast: 3.4, cadence: { en: "Monthly call", zh: "每月电话回访" } },
    { grade: "C 一般往来客户", atLeast: 2.8, cadence: { en: "Quarterly call", zh: "每季度电话回访" } },
    { grade: "D 待激活沉睡客户", atLeast: 2.2, cadence: { en: "Half-yearly offer", zh: "每半年发送优惠" } },
    { grade: "E 流失预警客户（需主管电话回访）", cadence: { en: "Supervisor call once", zh: "主管电话回访一次" } },
  ],
};
export const SIX_GRADE_NAMES = SIX_GRADES.grades.map((g) => g.grade);

/**
 * A customer table with twelve-digit amounts (yuan). Analysis date: the latest date, 2026-03-15 (46096).
 *   S  r5 f5 m5 → X 5.0: 浙江… 123,456,789,012.34 and 江苏… 234,567,890,123.45 (sum 358,024,679,135.79)
 *   A  r4 f4 m4 → 4.0:   98,765,432.10
 *   B  r3 f3 m4 → 3.4:   56,000,000
 *   C  r4 f2 m3 → 3.0:   2,500,000.5
 *   D  r2 f2 m3 → 2.4:   1,200,000
 *   E  r1 f1 m1 → 1.0:   8,000
 */
export const BIG_HEADERS = ["客户编号", "客户名称", "最近下单时间", "历史购买总次数", "历史购买总金额（元）"];
export const BIG_ROWS: unknown[][] = [
  ["ZJ-0001", "浙江省杭州市西湖区明远国际贸易集团有限公司", LATEST_2026 - 3, 25, 123456789012.34],
  ["JS-0002", "江苏省苏州工业园区恒通精密制造股份有限公司", LATEST_2026, 40, 234567890123.45],
  ["SH-0003", "上海浦东新区东方远洋物流有限公司", LATEST_2026 - 60, 8, 98765432.1],
  ["AH-0004", "安徽合肥滨湖新区万家乐商贸有限公司", LATEST_2026 - 120, 5, 56000000],
  ["FJ-0005", "福建厦门思明区海峡茶业有限公司", LATEST_2026 - 45, 2, 2500000.5],
  ["JX-0006", "江西南昌红谷滩新区赣江建材批发部", LATEST_2026 - 200, 3, 1200000],
  ["SD-0007", "山东青岛市南区老字号海鲜干货行", LATEST_2026 - 400, 1, 8000],
];
/** Per grade, best first: customers and the exact sum in yuan (as the card's tooltip and the sheet give it). */
export const BIG_BY_GRADE = [
  { customers: 2, exact: "358,024,679,135.79" },
  { customers: 1, exact: "98,765,432.1" },
  { customers: 1, exact: "56,000,000" },
  { customers: 1, exact: "2,500,000.5" },
  { customers: 1, exact: "1,200,000" },
  { customers: 1, exact: "8,000" },
];

/**
 * Sales records of 2026 with the customer's name, contact and phone, graded with the built-in wuhan profile, whose
 * analysis date is fixed at 2025-07-01: every sale is later than it. With the data's latest date (2026-03-15) each
 * of the three customers is graded; with the profile's date, none is.
 */
export const NAMED_SALES_HEADERS = ["客户编号", "客户名称", "联系人", "电话", "下单时间", "订单金额（元）"];
export const NAMED_SALES: unknown[][] = [
  ["K001", "杭州西湖区明远贸易有限公司", "王建国", "13800000001", 46030, 120000],
  ["K002", "宁波北仑港通物流股份有限公司", "李晓梅", "0574-86880000", 46040, 9800000],
  ["K001", "杭州西湖区明远贸易有限公司", "王建国", "13900000002", 46090, 350000.5],
  ["K003", "绍兴柯桥轻纺城布业商行", "陈志强", "13700000003", 46000, 5000],
  ["K002", "宁波北仑港通物流股份有限公司", "李晓梅", "0574-86880000", LATEST_2026, 1200000],
  ["K003", "绍兴柯桥轻纺城布业商行", "陈志强", "13700000003", 46080, 8000],
];
