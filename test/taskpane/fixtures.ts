/**
 * Small sheets whose grades were worked out by hand from the rules of RULES.md (the working is next to each row),
 * shared by the controller tests and the browser tests. Dates are Excel serials (1900 system) as Excel hands them over:
 * 45658 = 2025-01-01, 46023 = 2026-01-01.
 */

/**
 * Shaoxing (RULES.md §6), customer-level, as-of 2026-01-31, amounts already in 万元.
 * r: D <= 10 → 5, <= 20 → 4, <= 30 → 3, <= 50 → 2. f: S <= 2 → 1, <= 5 → 2, <= 10 → 3, <= 15 → 4, else 5.
 * m: Z <= 1 → 1, <= 3 → 2, <= 5 → 3, <= 8 → 4, else 5. X = 0.3r + 0.4f + 0.6m; A if X > 6, B if X > 3, else C.
 */
export const SHAOXING_AS_OF = "2026-01-31";
export const SHAOXING_HEADERS = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额（万元）"];
export const SHAOXING_ROWS: unknown[][] = [
  // D = 6 → 5; S = 16 → 5; Z = 9 → 5; X = 1.5 + 2 + 3 = 6.5 → A
  ["C001", 46047, 16, 9],
  // D = 30 → 3; S = 3 → 2; Z = 2 → 2; X = 0.9 + 0.8 + 1.2 = 2.9 → C
  ["C002", 46023, 3, 2],
  // 2026-01-11: D = 20 → 4; S = 10 → 3; Z = 5 → 3; X = 1.2 + 1.2 + 1.8 = 4.2 → B
  ["C003", "2026/1/11", 10, 5],
  // 2025-12-22: D = 40 → 2; S = 6 → 3; Z = 2.5 → 2; X = 0.6 + 1.2 + 1.2 = 3 exactly → C (X <= 3), not float noise
  ["C004", 46013, 6, 2.5],
  // S = 2.5 is not a whole number: not graded
  ["C005", 46052, 2.5, 1],
];

/**
 * Next contact by (RULES.md §5 and §6, shaoxing: A every month, B every 3 months, C every 6 months) from 2026-01-31, as
 * date serials: A 2026-01-31 + 1 month = 2026-02-28 (February is shorter: its last day) = 46023 + 31 + 27 = 46081;
 * B + 3 months = 2026-04-30 (April has 30 days) = 46023 + 31 + 28 + 31 + 29 = 46142; C + 6 months = 2026-07-31
 * = 46023 + 181 + 30 = 46234.
 */
export const SHAOXING_NEXT_A = 46081;
export const SHAOXING_NEXT_B = 46142;
export const SHAOXING_NEXT_C = 46234;

/**
 * Next grade with one order (RULES.md §12: an order today gives r 5 and S + 1), in 万元: C001 is A (none); C002 S 4 is
 * f 2: 1.5 + 0.8 + 1.2 = 3.5 > 3 with its m 2, one cent; C003 S 11 is f 4: 1.5 + 1.6 + 0.6m > 6 needs m 5, Z above 8:
 * 3.000001; C004 S 7 is f 3: 2.7 + 0.6m > 3 with any m, one cent; C005 is not graded.
 *
 * The result columns for the rows above, header first (English): the seven, Next contact by, the next-grade order.
 */
export const SHAOXING_OUTPUT_EN: unknown[][] = [
  [
    "R Score",
    "F Score",
    "M Score",
    "RFM Score",
    "Grade",
    "Cadence",
    "Note",
    "Next contact by",
    "Next grade with one order of",
  ],
  [5, 5, 5, 6.5, "A", "1–2 contacts per month", "", SHAOXING_NEXT_A, ""],
  [3, 2, 2, 2.9, "C", "1–2 contacts per half-year", "", SHAOXING_NEXT_C, 0.000001],
  [4, 3, 3, 4.2, "B", "1–2 contacts per quarter", "", SHAOXING_NEXT_B, 3.000001],
  [2, 3, 2, 3, "C", "1–2 contacts per half-year", "", SHAOXING_NEXT_C, 0.000001],
  ["", "", "", "", "", "", "Row 6, column “历史购买总次数”: purchase count is not a whole number (2.5)", "", ""],
];

export const SHAOXING_OUTPUT_ZH: unknown[][] = [
  ["R评分", "F评分", "M评分", "RFM综合评分", "客户等级", "沟通频次", "备注", "下次沟通日期", "升级所需单笔订单"],
  [5, 5, 5, 6.5, "A", "每月沟通1–2次", "", SHAOXING_NEXT_A, ""],
  [3, 2, 2, 2.9, "C", "每半年沟通1–2次", "", SHAOXING_NEXT_C, 0.000001],
  [4, 3, 3, 4.2, "B", "每季度沟通1–2次", "", SHAOXING_NEXT_B, 3.000001],
  [2, 3, 2, 3, "C", "每半年沟通1–2次", "", SHAOXING_NEXT_C, 0.000001],
  ["", "", "", "", "", "", "第 6 行，“历史购买总次数”列：购买次数不是整数（2.5）", "", ""],
];

/**
 * Wuhan (RULES.md §4, §6) sales records: quintiles over N = 5 customers, ties "average", as-of 2025-07-01, window from
 * 2021-09-01. With N = 5 the score is 5 − floor((2G + T) / 2) (G = customers strictly better, T = tie size).
 *   customer  D (days)  S  Z (yuan)   r  f  m   X = 0.3r + 0.3f + 0.4m
 *   A         1         2  300        5  4  3   1.5 + 1.2 + 1.2 = 3.9 → B
 *   B         61        1  50         2  2  1   0.6 + 0.6 + 0.4 = 1.6 → D
 *   C         365       1  1000       1  2  5   0.3 + 0.6 + 2.0 = 2.9 → C
 *   D         16        3  240        4  5  2   1.2 + 1.5 + 0.8 = 3.5 → B
 *   E         30        1  500        3  2  4   0.9 + 0.6 + 1.6 = 3.1 → B
 * F: D has 3 (G 0, T 1 → 5), A 2 (G 1 → 4), B, C, E tie at 1 (G 2, T 3 → 5 − floor(7/2) = 2).
 */
export const SALES_HEADERS = ["客户", "日期", "金额"];
export const SALES_ROWS: unknown[][] = [
  ["A", 45809, 200], // row 2: 2025-06-01
  ["B", 45778, 50], // row 3: 2025-05-01
  ["C", 44439, 999], // row 4: 2021-08-31, before the window
  ["D", "not a date", 10], // row 5: skipped
  ["A", 45838, 100], // row 6: 2025-06-30
  ["C", 45474, 1000], // row 7: 2024-07-01
  ["D", 45823, 80], // row 8: 2025-06-15
  ["D", 45818, 80], // row 9: 2025-06-10
  ["D", 45813, 80], // row 10: 2025-06-05
  ["E", 45809, 500], // row 11: 2025-06-01
  ["E", 45840, 70], // row 12: 2025-07-02, after the as-of date
];

/**
 * Next contact by (wuhan: A 1, B 3, C 6, D 12 months) from 2025-07-01 = 45658 + 181 = 45839: B 2025-10-01 = 45839 + 92
 * = 45931; C 2026-01-01 = 46023; D 2026-07-01 = 46023 + 181 = 46204.
 */
/**
 * Next grade with one order (RULES.md §12), the others keeping their values; the order makes D 0 (r 5 for each), and
 * with N = 5 the score is 5 − floor((2G + T) / 2):
 *   A: S 3 ties D (f 4): 2.7 + 0.4m ≥ 4 needs m 4, at most one total ahead: past E's 500 (level: 2 + 2 = 4 > 3): 200.01.
 *   B: S 2 ties A below D (f 3): 2.4 ≥ 2 for C: one cent. C: f 3, 2.4 + 0.4·5 ≥ 3 with its own m: one cent.
 *   D: S 4 is the most (f 5): 3 + 0.4m ≥ 4 needs m 3, at most two ahead: past A's 300: 60.01.
 *   E: f 3: 2.4 + 0.4m ≥ 4 needs m 4, which its 500 (one ahead) already has: one cent.
 */
export const SALES_OUTPUT_EN: unknown[][] = [
  [
    "Customer",
    "Last order date",
    "Purchases",
    "Amount",
    "R Score",
    "F Score",
    "M Score",
    "RFM Score",
    "Grade",
    "Cadence",
    "Note",
    "Next contact by",
    "Next grade with one order of",
  ],
  ["A", 45838, 2, 300, 5, 4, 3, 3.9, "B", "one revisit per quarter", "", 45931, 200.01],
  ["B", 45778, 1, 50, 2, 2, 1, 1.6, "D", "one revisit per year", "", 46204, 0.01],
  ["C", 45474, 1, 1000, 1, 2, 5, 2.9, "C", "one revisit per half-year", "", 46023, 0.01],
  ["D", 45823, 3, 240, 4, 5, 2, 3.5, "B", "one revisit per quarter", "", 45931, 60.01],
  ["E", 45809, 1, 500, 3, 2, 4, 3.1, "B", "one revisit per quarter", "", 45931, 0.01],
];

/** Text that must stay text wherever the pane shows it. */
export const HOSTILE_TEXT = "<img src=x onerror=alert(1)>";
