/** `rfm` without grading: help, version, the list of profiles; and no progress output when stderr is not a terminal. */

import { spawnSync } from "child_process";
import { readFileSync, statSync, symlinkSync } from "fs";
import { join } from "path";
import { buildCli, csvFile, rfm, ROOT, tempDir, write } from "./helpers";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

test("rfm profiles lists the built-in profiles with their default dates, in either language", () => {
  const en = rfm(["profiles"], dir);
  expect(en.status).toBe(0);
  expect(en.stdout).toMatch(/^shaoxing +Shaoxing – finance platform \(fixed thresholds\) — no default analysis date/m);
  expect(en.stdout).toMatch(
    /^wuhan +Wuhan – smart curtains \(quintiles\) — default as-of 2025-07-01, window start 2021-09-01$/m,
  );
  const zh = rfm(["profiles", "--lang", "zh"], dir);
  expect(zh.stdout).toContain("武汉·智能窗帘（五分位） — 默认统计日期 2025-07-01");
});

test("--help exits 0 and documents every grade option; --version prints the package version", () => {
  const help = rfm(["grade", "--help"], dir);
  expect(help.status).toBe(0);
  for (const flag of [
    "--profile",
    "--as-of",
    "--window-start",
    "--unit",
    "--input",
    "--map",
    "--lang",
    "--out",
    "--sheet",
  ]) {
    expect(help.stdout).toContain(flag);
  }
  const version = rfm(["--version"], dir);
  expect(version.status).toBe(0);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  expect(version.stdout.trim()).toBe(pkg.version);
});

test("rfm with no command shows the commands and is a usage error", () => {
  const run = rfm([], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("grade [options] [INPUT]");
});

test("progress is shown only on a terminal: piped stderr holds the summary alone", () => {
  const input = write(dir, "c.csv", csvFile(["Customer,Date,Purchases,Total amount", "C1,2025-12-31,16,9"]));
  const run = rfm(["grade", input, "--profile", "shaoxing", "--as-of", "2025-12-31"], dir);
  expect(run.stderr).not.toMatch(/Reading|Grading|Writing|\r/);
  expect(run.stderr.split("\n")[0]).toBe("Profile: Shaoxing – finance platform (fixed thresholds) (shaoxing)");
});

test("npm run rfm -- grade FILE reads FILE from where npm was run, not from the package folder", () => {
  write(dir, "here.csv", csvFile(["Customer,Date,Purchases,Total amount", "H1,2025-12-31,16,9"]));
  const run = spawnSync(
    "npm",
    ["--prefix", ROOT, "run", "-s", "rfm", "--", "grade", "here.csv", "--profile", "shaoxing", "--as-of", "2025-12-31"],
    {
      cwd: dir,
      encoding: "utf8",
    },
  );
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("H1,2025-12-31,16,9,5,5,5,6.5,A");
}, 60_000);

test("a link made to the command before it was bundled (as npx keeps one) still runs it, once", () => {
  const link = join(dir, "old-rfm-link");
  symlinkSync(join(ROOT, "dist/node/cli/main.js"), link);
  const run = spawnSync(link, ["profiles"], { cwd: dir, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(rfm(["profiles"], dir).stdout);
});

test("the README's `npx rfm grade … > graded.csv` writes a clean CSV: the header first, nothing of npm's", () => {
  const run = spawnSync(
    "npx",
    ["--offline", "rfm", "grade", "assets/samples/wuhan-sales.csv", "--profile", "wuhan", "--lang", "zh"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  expect(run.status).toBe(0);
  expect(run.stdout.split("\n")[0]).toBe(
    "客户,最近下单时间,购买次数,总金额,R评分,F评分,M评分,RFM综合评分,客户等级,沟通频次,备注,下次沟通日期,升级所需单笔订单",
  );
}, 60_000);

test("npm run -s rfm does not recompile an up-to-date build, and its output is clean", () => {
  const info = join(ROOT, "dist/node/.tsbuildinfo");
  const before = statSync(info).mtimeMs;
  write(dir, "clean.csv", csvFile(["Customer,Date,Purchases,Total amount", "H1,2025-12-31,16,9"]));
  const run = spawnSync(
    "npm",
    [
      "--prefix",
      ROOT,
      "run",
      "-s",
      "rfm",
      "--",
      "grade",
      "clean.csv",
      "--profile",
      "shaoxing",
      "--as-of",
      "2025-12-31",
    ],
    {
      cwd: dir,
      encoding: "utf8",
    },
  );
  expect(run.status).toBe(0);
  expect(run.stdout.split("\n")[0]).toBe(
    "Customer,Date,Purchases,Total amount,R Score,F Score,M Score,RFM Score,Grade,Cadence,Note,Next contact by,Next grade with one order of",
  );
  expect(statSync(info).mtimeMs).toBe(before);
}, 60_000);
