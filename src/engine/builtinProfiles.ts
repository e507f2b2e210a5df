/**
 * The two built-in profiles, written in the profile document format of RULES.md §11 so that they go through the same
 * validation as any profile a user writes.
 */

export const SHAOXING_DOCUMENT = {
  id: "shaoxing",
  name: {
    en: "Shaoxing – finance platform (fixed thresholds)",
    zh: "绍兴·财务数据集成平台（固定阈值）",
    "zh-TW": "紹興·財務資料整合平台（固定門檻）",
  },
  method: "thresholds",
  monetaryUnit: "wan",
  thresholds: { recency: [10, 20, 30, 50], frequency: [2, 5, 10, 15], monetary: [1, 3, 5, 8] },
  weights: { recency: 0.3, frequency: 0.4, monetary: 0.6 },
  grades: [
    {
      grade: "A",
      above: 6,
      cadence: { en: "1–2 contacts per month", zh: "每月沟通1–2次", "zh-TW": "每月聯絡1–2次", every: { months: 1 } },
    },
    {
      grade: "B",
      above: 3,
      cadence: {
        en: "1–2 contacts per quarter",
        zh: "每季度沟通1–2次",
        "zh-TW": "每季聯絡1–2次",
        every: { months: 3 },
      },
    },
    {
      grade: "C",
      cadence: {
        en: "1–2 contacts per half-year",
        zh: "每半年沟通1–2次",
        "zh-TW": "每半年聯絡1–2次",
        every: { months: 6 },
      },
    },
  ],
} as const;

export const WUHAN_DOCUMENT = {
  id: "wuhan",
  name: { en: "Wuhan – smart curtains (quintiles)", zh: "武汉·智能窗帘（五分位）", "zh-TW": "武漢·智慧窗簾（五分位）" },
  method: "quantiles",
  monetaryUnit: "yuan",
  bins: 5,
  ties: "average",
  asOf: "2025-07-01",
  windowStart: "2021-09-01",
  weights: { recency: 0.3, frequency: 0.3, monetary: 0.4 },
  grades: [
    {
      grade: "A",
      atLeast: 4,
      cadence: { en: "one revisit per month", zh: "每月回访一次", "zh-TW": "每月回訪一次", every: { months: 1 } },
    },
    {
      grade: "B",
      atLeast: 3,
      cadence: { en: "one revisit per quarter", zh: "每季度回访一次", "zh-TW": "每季回訪一次", every: { months: 3 } },
    },
    {
      grade: "C",
      atLeast: 2,
      cadence: {
        en: "one revisit per half-year",
        zh: "每半年回访一次",
        "zh-TW": "每半年回訪一次",
        every: { months: 6 },
      },
    },
    {
      grade: "D",
      cadence: { en: "one revisit per year", zh: "每年回访一次", "zh-TW": "每年回訪一次", every: { months: 12 } },
    },
  ],
} as const;
