/**
 * `rfm grade` on customer-level tables with the Shaoxing profile (RULES.md §6), as-of 2025-12-31. Every expected score
 * below is worked out by hand from the bands of RULES.md §6:
 *   r: D<=10 → 5, <=20 → 4, <=30 → 3, <=50 → 2, else 1;  f: S<=2 → 1, <=5 → 2, <=10 → 3, <=15 → 4, else 5;
 *   m: Z<=1 → 1, <=3 → 2, <=5 → 3, <=8 → 4, else 5 (万元);  X = 0.3r + 0.4f + 0.6m;  A: X>6, B: 3<X<=6, C: X<=3.
 */

import { buildCli, csvFile, headerRow, records, rfm, tempDir, write } from "./helpers";

const EN_HEADERS = "Customer ID,Last order date,Order amount,Purchase count,Total amount";
const ZH_HEADERS = "客户编号,下单时间,订单金额（万元）,历史购买总次数,历史购买总金额（万元）";

// id, last order date, last order amount, S, Z (万元)
const ROWS = [
  "C01,2025-12-21,1.5,16,8.01", // D=10 r5, f5, m5 → 6.5 A
  "C02,2025-12-11,0.5,15,8", // D=20 r4, f4, m4 → 1.2+1.6+2.4 = 5.2 B
  "C03,2025-11-21,0.2,6,2", // D=40 r2, f3, m2 → 0.6+1.2+1.2 = 3 (the float trap) C
  "C04,2025-12-16,0.2,10,1", // D=15 r4, f3, m1 → 1.2+1.2+0.6 = 3 C
  "C05,2025-12-30,0.3,2.5,4", // S not whole: not graded
  "C06,2025-11-10,0.5,1,0.5", // D=51 r1, f1, m1 → 1.3 C
  "C07,2025-12-01,1,5,5", // D=30 r3, f2, m3 → 0.9+0.8+1.8 = 3.5 B
  "C08,2025-12-20,2,16,9", // D=11 r4, f5, m5 → 1.2+2+3 = 6.2 A
  "C09,2025/12/31,1,20,6", // D=0 r5, f5, m4 → 1.5+2+2.4 = 5.9 B (date written YYYY/M/D)
];

type Expected = [id: string, r: string, f: string, m: string, score: string, grade: string];
const GRADED: Expected[] = [
  ["C01", "5", "5", "5", "6.5", "A"],
  ["C02", "4", "4", "4", "5.2", "B"],
  ["C03", "2", "3", "2", "3", "C"],
  ["C04", "4", "3", "1", "3", "C"],
  ["C06", "1", "1", "1", "1.3", "C"],
  ["C07", "3", "2", "3", "3.5", "B"],
  ["C08", "4", "5", "5", "6.2", "A"],
  ["C09", "5", "5", "4", "5.9", "B"],
];

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

describe("customer table, CSV in, CSV on stdout", () => {
  test("keeps every input row and column and appends the result columns with the grades and next contact dates of RULES.md §6", () => {
    const input = write(dir, "customers.csv", csvFile([EN_HEADERS, ...ROWS]));
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.status).toBe(0);
    expect(headerRow(run.stdout)).toEqual([
      "Customer ID",
      "Last order date",
      "Order amount",
      "Purchase count",
      "Total amount",
      "R Score",
      "F Score",
      "M Score",
      "RFM Score",
      "Grade",
      "Cadence",
      "Note",
      "Next contact by",
      "Next grade with one order of",
    ]);
    const out = records(run.stdout);
    expect(out.map((r) => r["Customer ID"])).toEqual(["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09"]);
    expect(out.map((r) => r["Last order date"])).toEqual(ROWS.map((row) => row.split(",")[1]));
    for (const [id, r, f, m, score, grade] of GRADED) {
      const row = out.find((o) => o["Customer ID"] === id)!;
      expect([row["R Score"], row["F Score"], row["M Score"], row["RFM Score"], row.Grade]).toEqual([
        r,
        f,
        m,
        score,
        grade,
      ]);
      expect(row.Note).toBe("");
    }
    expect(out[0].Cadence).toBe("1–2 contacts per month");
    expect(out[1].Cadence).toBe("1–2 contacts per quarter");
    expect(out[2].Cadence).toBe("1–2 contacts per half-year");
    // RULES.md §5: 2025-12-31 + 1 month (A) = 2026-01-31; + 3 months (B) = 2026-03-31; + 6 months (C) = 2026-06-30
    // (June has no 31st); a row not graded has none.
    expect(out.slice(0, 3).map((r) => r["Next contact by"])).toEqual(["2026-01-31", "2026-03-31", "2026-06-30"]);
    expect(out[4]["Next contact by"]).toBe("");
  });

  test("a row that cannot be graded has empty result cells and a note naming its row and column", () => {
    const input = write(dir, "customers.csv", csvFile([EN_HEADERS, ...ROWS]));
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    const c05 = records(run.stdout)[4];
    expect([c05["R Score"], c05["F Score"], c05["M Score"], c05["RFM Score"], c05.Grade, c05.Cadence]).toEqual([
      "",
      "",
      "",
      "",
      "",
      "",
    ]);
    // C05 is the fifth data row: sheet row 6 (the header is row 1).
    expect(c05.Note).toBe("Row 6, column “Purchase count”: purchase count is not a whole number (2.5)");
  });

  test("the summary on stderr names the profile, the as-of date and the count per grade", () => {
    const input = write(dir, "customers.csv", csvFile([EN_HEADERS, ...ROWS]));
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.stderr).toContain("Shaoxing – finance platform (fixed thresholds)");
    expect(run.stderr).toContain("Analysis date: 2025-12-31");
    expect(run.stderr).toContain("Graded 8 of 9 rows");
    expect(run.stderr).toContain("Grades: A 2  B 3  C 3");
    expect(run.stderr).toContain("Not graded: 1");
    expect(run.stdout).not.toContain("Graded 8");
  });

  test("stdout CSV has no byte-order mark; it is plain CSV for pipes", () => {
    const input = write(dir, "customers.csv", csvFile([EN_HEADERS, ...ROWS]));
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.stdout.startsWith("Customer ID,")).toBe(true);
  });
});

describe("Chinese headers and --lang zh", () => {
  test("recognises the Shaoxing headers and writes Chinese result headers, cadences and notes", () => {
    const input = write(dir, "客户.csv", csvFile([ZH_HEADERS, ...ROWS]));
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--lang", "zh"], dir);
    expect(run.status).toBe(0);
    expect(headerRow(run.stdout).slice(5)).toEqual([
      "R评分",
      "F评分",
      "M评分",
      "RFM综合评分",
      "客户等级",
      "沟通频次",
      "备注",
      "下次沟通日期",
      "升级所需单笔订单",
    ]);
    const out = records(run.stdout);
    expect(out[0]["客户等级"]).toBe("A");
    expect(out[0]["沟通频次"]).toBe("每月沟通1–2次");
    expect(out[2]["RFM综合评分"]).toBe("3");
    expect(out[2]["沟通频次"]).toBe("每半年沟通1–2次");
    expect(out[4]["备注"]).toBe("第 6 行，“历史购买总次数”列：购买次数不是整数（2.5）");
    expect(run.stderr).toContain("统计日期：2025-12-31");
    expect(run.stderr).toContain("绍兴·财务数据集成平台（固定阈值）");
  });

  test("a CSV saved by Excel as “CSV UTF-8” (with a byte-order mark) reads the same", () => {
    const input = write(dir, "bom.csv", "\uFEFF" + csvFile([ZH_HEADERS, ...ROWS]));
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.status).toBe(0);
    expect(headerRow(run.stdout)[0]).toBe("客户编号");
    expect(records(run.stdout)[0].Grade).toBe("A");
  });

  test("Windows line ends (CRLF) read the same", () => {
    const input = write(dir, "crlf.csv", [ZH_HEADERS, ...ROWS].join("\r\n") + "\r\n");
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.status).toBe(0);
    const out = records(run.stdout);
    expect(out.map((r) => r.Grade)).toEqual(["A", "B", "C", "C", "", "C", "B", "A", "B"]);
    expect(out[8]["历史购买总金额（万元）"]).toBe("6");
  });
});

describe("a title above the header", () => {
  test("the header is found below title rows; rows keep the numbers the sheet shows", () => {
    const input = write(
      dir,
      "titled.csv",
      csvFile(["2025年客户明细,,,,", "导出日期：2026-01-02,,,,", ZH_HEADERS, ...ROWS]),
    );
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.status).toBe(0);
    const out = records(run.stdout);
    expect(out.map((r) => r.Grade)).toEqual(["A", "B", "C", "C", "", "C", "B", "A", "B"]);
    // C05 is now on sheet row 8: two title rows, the header on row 3, C01 on row 4.
    expect(out[4].Note).toBe("Row 8, column “历史购买总次数”: purchase count is not a whole number (2.5)");
    expect(run.stderr).toContain("Header: row 3");
  });
});

describe("--unit yuan", () => {
  test("amounts in yuan are divided by 10,000 before the 万元 bands, exactly at the bounds", () => {
    // Z = 30000 yuan = 3 万元 → m2 (3 closes the 1 < Z <= 3 band); 30001 yuan → 3.0001 万元 → m3.
    // Both: D=0 → r5, S=1 → f1. X = 1.5 + 0.4 + 1.2 = 3.1 (B) and 1.5 + 0.4 + 1.8 = 3.7 (B).
    const input = write(
      dir,
      "yuan.csv",
      csvFile([
        "Customer,Date,Purchases,Total amount",
        "Y1,2025-12-31,1,30000",
        "Y2,2025-12-31,1,30001",
        "Y3,2025-12-31,1,80000.01", // 8.000001 万元 → m5: 1.5 + 0.4 + 3 = 4.9
      ]),
    );
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--unit", "yuan"], dir);
    expect(run.status).toBe(0);
    const out = records(run.stdout);
    expect(out.map((r) => [r["M Score"], r["RFM Score"]])).toEqual([
      ["2", "3.1"],
      ["3", "3.7"],
      ["5", "4.9"],
    ]);
    expect(run.stderr).toContain("Amounts read in: yuan");
  });
});

describe("CSV details", () => {
  test("quoted fields with commas, quotes and line breaks survive and are quoted again in the output", () => {
    const input = write(
      dir,
      "quoted.csv",
      csvFile([
        "Customer,Company,Date,Purchases,Total amount",
        'Q1,"Zhang, Li & Co",2025-12-31,16,"9"',
        'Q2,"He said ""hi""",2025-12-31,16,9',
        'Q3,"two\nlines",2025-12-31,16,9',
      ]),
    );
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.status).toBe(0);
    const out = records(run.stdout);
    expect(out.map((r) => r.Company)).toEqual(["Zhang, Li & Co", 'He said "hi"', "two\nlines"]);
    expect(out.map((r) => r.Grade)).toEqual(["A", "A", "A"]);
  });

  test("a row shorter than the header keeps its cells in their columns", () => {
    const input = write(
      dir,
      "short.csv",
      csvFile(["Customer,Date,Purchases,Total amount,Region", "S1,2025-12-31,16,9,East", "S2,2025-12-31,16,9"]),
    );
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    const out = records(run.stdout);
    expect(out[1].Region).toBe("");
    expect(out[1].Grade).toBe("A");
    expect(out[1]["RFM Score"]).toBe("6.5");
  });

  test("a blank line inside the table stays a row of its own, skipped without a note (RULES.md §8), so every later row keeps its number", () => {
    const input = write(
      dir,
      "gap.csv",
      csvFile(["Customer,Date,Purchases,Total amount", "G1,2025-12-31,16,9", "", "G2,2025-12-31,x,9"]),
    );
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    // Every cell empty, result cells included (as many commas as the header has): skipped, not "not graded".
    expect(lines[2]).toBe(",".repeat(lines[0].split(",").length - 1));
    expect(run.stderr).toContain("Graded 1 of 2 rows");
    expect(run.stderr).toContain("Not graded: 1 (the reason is in the Note column)");
    expect(run.stderr).toContain("Blank rows skipped: 1");
    expect(records(run.stdout)[2].Note).toBe("Row 4, column “Purchases”: purchase count is not a number (x)");
  });

  test("grading an earlier result again replaces its result columns instead of adding a second set", () => {
    const input = write(dir, "first.csv", csvFile([EN_HEADERS, ...ROWS]));
    const first = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--out", "graded.csv"], dir);
    expect(first.status).toBe(0);
    // A later as-of date: C01's D becomes 20 → r4, X = 1.2 + 2 + 3 = 6.2, still A; C09's D = 10 → r5, unchanged.
    const again = rfm(["grade", "graded.csv", "--profile", "shaoxing", "--as-of", "2026-01-10"], dir);
    expect(again.status).toBe(0);
    const headers = headerRow(again.stdout);
    expect(headers.filter((h) => h === "Grade")).toHaveLength(1);
    expect(headers).toHaveLength(14);
    expect(records(again.stdout)[0]["R Score"]).toBe("4");
    expect(again.stderr).toContain("replaced");
  });
});

describe("a profile of one's own", () => {
  test("--profile FILE.json grades with its thresholds, weights and grades", () => {
    const profile = {
      id: "east",
      name: { en: "East region", zh: "华东区" },
      method: "thresholds",
      monetaryUnit: "yuan",
      thresholds: { recency: [7, 14, 30, 60], frequency: [1, 2, 4, 8], monetary: [100, 500, 1000, 5000] },
      weights: { recency: 0.25, frequency: 0.25, monetary: 0.5 },
      grades: [
        { grade: "Gold", atLeast: 4, cadence: { en: "weekly", zh: "每周" } },
        { grade: "Other", cadence: { en: "monthly", zh: "每月" } },
      ],
    };
    write(dir, "east.json", JSON.stringify(profile));
    // E1: D=7 → r5 (7 closes the first band), S=9 → f5, Z=1000 → m3: X = 1.25 + 1.25 + 1.5 = 4 → Gold (at least 4).
    // E2: D=8 → r4, S=9 → f5, Z=1000 → m3: X = 1 + 1.25 + 1.5 = 3.75 → Other.
    const input = write(
      dir,
      "east.csv",
      csvFile(["Customer,Date,Purchases,Total amount", "E1,2025-12-24,9,1000", "E2,2025-12-23,9,1000"]),
    );
    const run = rfm(["grade", input, "--profile", "east.json", "--as-of", "2025-12-31"], dir);
    expect(run.status).toBe(0);
    const out = records(run.stdout);
    expect(out.map((r) => [r["R Score"], r["RFM Score"], r.Grade, r.Cadence])).toEqual([
      ["5", "4", "Gold", "weekly"],
      ["4", "3.75", "Other", "monthly"],
    ]);
    expect(run.stderr).toContain("East region");
  });
});

describe("--map", () => {
  const UNKNOWN = csvFile(["Client,Day,Visits,Spend", "K1,2025-12-31,16,9", "K2,2025-11-10,1,0.5"]);

  test("names columns whose headers are not recognised", () => {
    const input = write(dir, "unknown.csv", UNKNOWN);
    const run = rfm(
      [
        "grade",
        input,
        "--profile",
        "shaoxing",
        "--as-of",
        "2025-12-31",
        "--map",
        "id=Client",
        "--map",
        "date=Day",
        "--map",
        "count=Visits",
        "--map",
        "total=Spend",
      ],
      dir,
    );
    expect(run.status).toBe(0);
    // K1: r5 f5 m5 → 6.5 A; K2: D=51 r1, f1, m1 → 1.3 C.
    expect(records(run.stdout).map((r) => [r.Client, r["RFM Score"], r.Grade])).toEqual([
      ["K1", "6.5", "A"],
      ["K2", "1.3", "C"],
    ]);
  });

  test("wins over a recognised header", () => {
    // Both "Total amount" (recognised) and "Net" exist; --map total=Net grades on Net.
    const input = write(
      dir,
      "two-totals.csv",
      csvFile(["Customer,Date,Purchases,Total amount,Net", "N1,2025-12-31,16,9,0.5"]),
    );
    const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31", "--map", "total=Net"], dir);
    expect(run.status).toBe(0);
    expect(records(run.stdout)[0]["M Score"]).toBe("1");
  });
});
