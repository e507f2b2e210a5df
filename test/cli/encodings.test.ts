/**
 * Files as Chinese Excel saves them: "CSV (逗号分隔)" in GBK, "Unicode text" in UTF-16LE with tabs, "CSV UTF-8" with a
 * byte-order mark, and European "CSV" with semicolons. Each is graded as its UTF-8 twin, and the summary names the
 * encoding and the delimiter it read.
 */

import { buildCli, records, rfm, tempDir, write } from "./helpers";
import { big5, gbk, utf16le, windows1252 } from "./textEncodings";

const SHAOXING = ["--profile", "shaoxing", "--as-of", "2025-12-31"];
// 10 days before the as-of date: R 5; 16 purchases: F 5; 9 万元: M 5 → 6.5, A. 40 days, 3, 2 万元: R 2, F 2, M 2 → 2.6, C.
const LINES = ["客户编号,最近下单时间,历史购买总次数,历史购买总金额", "张三,2025-12-21,16,9", "李四,2025-11-21,3,2"];
const EXPECTED = [
  { 客户编号: "张三", 客户等级: "A", RFM综合评分: "6.5" },
  { 客户编号: "李四", 客户等级: "C", RFM综合评分: "2.6" },
];

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

function graded(name: string, content: Buffer, extra: string[] = []) {
  write(dir, name, content);
  const run = rfm(["grade", name, ...SHAOXING, "--lang", "zh", ...extra], dir);
  expect(run.status).toBe(0);
  const rows = records(run.stdout).map((r) => ({
    客户编号: r["客户编号"],
    客户等级: r["客户等级"],
    RFM综合评分: r["RFM综合评分"],
  }));
  return { rows, stderr: run.stderr };
}

test("GBK CSV (Chinese Excel's CSV) is read without being asked", () => {
  const { rows, stderr } = graded("gbk.csv", gbk(LINES.join("\r\n") + "\r\n"));
  expect(rows).toEqual(EXPECTED);
  expect(stderr).toContain("文件：GB18030/GBK 编码（依据字节特征和列标题判断），逗号分隔");
});

test("GBK with a title row above the header: the summary still names how the file was read", () => {
  const { rows, stderr } = graded("titled.csv", gbk(["2025年客户明细,,,", ...LINES].join("\r\n") + "\r\n"));
  expect(rows).toEqual(EXPECTED);
  expect(stderr).toContain("文件：GB18030/GBK 编码（依据字节特征和列标题判断），逗号分隔");
});

test("UTF-16LE tab-separated (Excel's Unicode text, saved as .txt)", () => {
  const { rows, stderr } = graded(
    "unicode.txt",
    utf16le(LINES.map((l) => l.replace(/,/g, "\t")).join("\r\n") + "\r\n"),
  );
  expect(rows).toEqual(EXPECTED);
  expect(stderr).toContain("文件：UTF-16LE 编码（带 BOM），制表符分隔");
});

test("UTF-8 with a byte-order mark, and in English the summary says so", () => {
  write(dir, "bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LINES.join("\n") + "\n")]));
  const run = rfm(["grade", "bom.csv", ...SHAOXING], dir);
  expect(records(run.stdout).map((r) => r["Grade"])).toEqual(["A", "C"]);
  expect(run.stderr).toContain("File: UTF-8 with a byte-order mark, comma-separated");
});

test("semicolons, and --encoding named by hand", () => {
  const { rows, stderr } = graded("semi.csv", gbk(LINES.map((l) => l.replace(/,/g, ";")).join("\n") + "\n"), [
    "--encoding",
    "gbk",
  ]);
  expect(rows).toEqual(EXPECTED);
  expect(stderr).toContain("文件：GB18030/GBK 编码（--encoding 指定），分号分隔");
});

test("Big5 CSV (Traditional-Chinese Excel's CSV) is read without being asked, and the summary says how it was told", () => {
  const traditional = [
    "客戶編號,最近下單時間,歷史購買總次數,歷史購買總金額",
    "張三,2025-12-21,16,9",
    "李四,2025-11-21,3,2",
  ];
  const { rows, stderr } = graded("big5.csv", big5(traditional.join("\r\n") + "\r\n"));
  expect(rows.map((r) => r.客户等级)).toEqual(["A", "C"]);
  const run = rfm(["grade", "big5.csv", ...SHAOXING], dir);
  expect(records(run.stdout).map((r) => [r["客戶編號"], r.Grade])).toEqual([
    ["張三", "A"],
    ["李四", "C"],
  ]);
  expect(run.stderr).toContain("File: Big5 (told by its bytes and headers), comma-separated");
  expect(stderr).toContain("文件：Big5 编码（依据字节特征和列标题判断），逗号分隔");
});

test("Windows-1252 CSV (Western Excel's CSV): names with accents come out whole, not as GBK mojibake", () => {
  const western = [
    "Customer,Last order date,Purchase count,Total amount",
    "Müller GmbH,2025-12-21,16,9",
    "Répartition Sàrl,2025-11-21,3,2",
  ];
  write(dir, "western.csv", windows1252(western.join("\r\n") + "\r\n"));
  for (const flags of [[], ["--encoding", "windows-1252"], ["--encoding", "cp1252"]]) {
    const run = rfm(["grade", "western.csv", ...SHAOXING, ...flags], dir);
    expect(run.status).toBe(0);
    expect(records(run.stdout).map((r) => [r.Customer, r.Grade])).toEqual([
      ["Müller GmbH", "A"],
      ["Répartition Sàrl", "C"],
    ]);
    expect(run.stderr).toContain(
      flags.length
        ? "File: Windows-1252 (--encoding), comma-separated"
        : "File: Windows-1252 (told by its bytes), comma-separated",
    );
  }
});

test("a wrong --encoding, or bytes that do not tell, end in one short rfm: line and exit 2", () => {
  write(dir, "gbk2.csv", gbk(LINES.join("\r\n") + "\r\n"));
  const wrong = rfm(["grade", "gbk2.csv", ...SHAOXING, "--encoding", "big5"], dir);
  expect(wrong.status).toBe(2);
  expect(wrong.stderr).toBe(
    'rfm: "gbk2.csv" read as Big5 has no column header rfm knows, read as GB18030/GBK it has: use --encoding gb18030, or leave out --encoding to have it detected\n',
  );
  write(
    dir,
    "same.csv",
    Buffer.concat([Buffer.from("Name,Note\r\n"), Buffer.from([0xb0, 0xa4, 0xb0, 0xb3]), Buffer.from(",1\r\n")]),
  );
  const unsure = rfm(["grade", "same.csv", ...SHAOXING, "--lang", "zh"], dir);
  expect(unsure.status).toBe(2);
  expect(unsure.stderr).toBe(
    "rfm: “same.csv”可能是 GB18030/GBK 或 Big5 编码，仅凭文件内容无法确定：请用 --encoding gb18030 或 --encoding big5 指定\n",
  );
  // UTF-8 forced to UTF-16: what decodes is one long line of CJK; the message stays short.
  write(dir, "u8.csv", Buffer.from([LINES[0], ...Array(400).fill(LINES[1])].join("\n") + "\n"));
  const sixteen = rfm(["grade", "u8.csv", ...SHAOXING, "--encoding", "utf16le"], dir);
  expect(sixteen.status).toBe(2);
  expect(sixteen.stderr.split("\n")).toHaveLength(2);
  expect(sixteen.stderr.length).toBeLessThan(200);
});

test("headers quoted in a message are cut short, however long the file made them", () => {
  write(
    dir,
    "long.csv",
    Buffer.from(`${"x".repeat(5000)},${Array.from({ length: 30 }, (_, i) => `h${i}`).join(",")}\n1,2\n`),
  );
  const run = rfm(["grade", "long.csv", ...SHAOXING], dir);
  expect(run.status).toBe(2);
  expect(run.stderr.length).toBeLessThan(700);
  expect(run.stderr).toContain(`"${"x".repeat(39)}…"`);
  expect(run.stderr).toContain("… (+11)");
});

test("a GBK profile file is refused with a clear line; the same profile in UTF-8 is read", () => {
  const profile = JSON.stringify({
    id: "mine",
    name: { en: "Mine", zh: "我的方案" },
    method: "thresholds",
    monetaryUnit: "wan",
    thresholds: { recency: [10, 20, 30, 50], frequency: [2, 5, 10, 15], monetary: [1, 3, 5, 8] },
    weights: { recency: 0.3, frequency: 0.4, monetary: 0.6 },
    grades: [
      { grade: "A", above: 6, cadence: { en: "monthly", zh: "每月沟通" } },
      { grade: "C", cadence: { en: "yearly", zh: "每年沟通" } },
    ],
  });
  write(dir, "c.csv", Buffer.from(LINES.join("\n") + "\n"));
  write(dir, "gbk.json", gbk(profile));
  const refused = rfm(["grade", "c.csv", "--profile", "gbk.json", "--as-of", "2025-12-31"], dir);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toBe(
    'rfm: Profile file "gbk.json" is not UTF-8 text (perhaps GBK or UTF-16): save it as UTF-8 (Notepad: Save as, Encoding UTF-8)\n',
  );
  write(dir, "utf8.json", Buffer.from(profile));
  const run = rfm(["grade", "c.csv", "--profile", "utf8.json", "--as-of", "2025-12-31", "--lang", "zh"], dir);
  expect(run.status).toBe(0);
  expect(records(run.stdout)[0]["沟通频次"]).toBe("每月沟通");
});
