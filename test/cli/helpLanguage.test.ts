/** `--help` and commander's own errors follow --lang, read before commander parses the arguments. */

import { buildCli, rfm, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

test("rfm grade --help --lang zh: headings, every option and the notes in Chinese", () => {
  const run = rfm(["grade", "--help", "--lang", "zh"], dir);
  expect(run.status).toBe(0);
  const help = run.stdout;
  expect(help).toMatch(/^用法：rfm grade \[options\] \[INPUT\]/);
  for (const heading of ["参数：", "选项：", "示例："]) expect(help).toContain(heading);
  expect(help).toContain("shaoxing、wuhan，或分级方案 .json 文件（必填）");
  expect(help).toContain("统计日期（默认：分级方案自带的日期；shaoxing 方案必填）");
  expect(help).toContain('（默认："en"）');
  expect(help).toContain("显示命令帮助");
  expect(help).toContain("会在开头加一个单引号（'）");
  expect(help).not.toMatch(/\b(Usage|Options|Arguments|Examples):/);
  // Every option line describes itself in Chinese.
  const optionLines = help.split("\n").filter((l) => /^\s+(-\w, )?--[\w-]+/.test(l));
  expect(optionLines.length).toBeGreaterThanOrEqual(12);
  for (const line of optionLines) expect(line).toMatch(/[\u4e00-\u9fff]/);
});

test("--lang=zh before --help, and the top-level help", () => {
  const run = rfm(["--help", "--lang=zh"], dir);
  expect(run.stdout).toMatch(/^用法：rfm \[options\] \[command\]/);
  expect(run.stdout).toContain("列出内置分级方案");
  expect(run.stdout).toContain("显示版本号");
});

test("commander's own errors in Chinese with --lang zh, in English without", () => {
  const unknown = rfm(["grade", "x.csv", "--bogus", "--lang", "zh"], dir);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toBe("rfm: 未知选项“--bogus”\n");
  const missing = rfm(["grade", "x.csv", "--lang", "zh", "--profile"], dir);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toBe("rfm: 选项“-p, --profile <name|file>”缺少取值\n");
  const english = rfm(["grade", "x.csv", "--bogus"], dir);
  expect(english.stderr).toBe("rfm: unknown option '--bogus'\n");
  const suggestion = rfm(["grade", "x.csv", "--profil", "wuhan", "--lang", "zh"], dir);
  expect(suggestion.stderr).toBe("rfm: 未知选项“--profil”（是否要输入 --profile？）\n");
});

test("the sql command follows --lang too: its line in the top-level help, its options and notes", () => {
  const top = rfm(["--help", "--lang", "zh"], dir);
  const sqlLine = top.stdout.split("\n").find((l) => /^\s+sql\b/.test(l));
  expect(sqlLine).toContain("输出一条 SQL 查询，用分级方案为数据库表中的客户分级");
  expect(top.stdout).not.toContain("print one SQL query");
  const english = rfm(["--help"], dir);
  expect(english.stdout).toContain("print one SQL query that grades a database table");

  const help = rfm(["sql", "--help", "--lang", "zh"], dir).stdout;
  expect(help).toMatch(/^用法：rfm sql \[options\]/);
  expect(help).toContain("示例：");
  expect(help).toContain("已分级时为 NULL");
  expect(help).not.toMatch(/\b(Usage|Options|Examples):/);
  const optionLines = help.split("\n").filter((l) => /^\s+(-\w, )?--[\w-]+/.test(l));
  expect(optionLines.length).toBeGreaterThanOrEqual(11);
  for (const line of optionLines) expect(line).toMatch(/[\u4e00-\u9fff]/);
});
