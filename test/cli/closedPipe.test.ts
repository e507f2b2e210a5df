/** A reader that stops early (`rfm grade ... 2>&1 | head -3`) ends the run quietly: no crash, no stack, status 0. */

import { spawnSync } from "child_process";
import { buildCli, csvFile, RFM, tempDir, write } from "./helpers";

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
  // Far more than a pipe buffers (64 KiB), so the writes meet the closed pipe.
  const rows = Array.from(
    { length: 20_000 },
    (_, i) => `C${i},2025-12-${String(1 + (i % 28)).padStart(2, "0")},${1 + (i % 20)},${i % 10}`,
  );
  write(dir, "big.csv", csvFile(["Customer,Date,Purchases,Total amount", ...rows]));
}, 180_000);

/** Runs `rfm grade big.csv ... <redirect> | <reader>` in bash; returns rfm's own exit status and what bash printed. */
function piped(redirect: string, reader: string): { rfmStatus: number; output: string; stderr: string } {
  const script = `"${process.execPath}" "${RFM}" grade big.csv --profile shaoxing --as-of 2025-12-31 ${redirect} | ${reader}; echo "status=\${PIPESTATUS[0]}"`;
  const run = spawnSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" });
  const status = /status=(\d+)\s*$/.exec(run.stdout);
  return { rfmStatus: Number(status?.[1]), output: run.stdout.replace(/status=\d+\s*$/, ""), stderr: run.stderr };
}

test("2>&1 | head -3: three lines, then a quiet end", () => {
  const run = piped("2>&1", "head -3");
  expect(run.output.trimEnd().split("\n")).toEqual([
    "Customer,Date,Purchases,Total amount,R Score,F Score,M Score,RFM Score,Grade,Cadence,Note,Next contact by,Next grade with one order of",
    'C0,2025-12-01,1,0,,,,,,,"Row 2, column “Total amount”: total amount must be greater than 0 for this profile (0)",,',
    // 29 days before the as-of date: R 3; X = 0.3×3 + 0.4×1 + 0.6×1 = 1.9 (C: next contact 6 months after 2025-12-31);
    // an order today gives r 5 and S 3 (f 2): 1.5 + 0.8 + 0.6·m > 3 needs m 2, Z above 1: Z is 1, so one cent (0.000001 万元).
    "C1,2025-12-02,2,1,3,1,1,1.9,C,1–2 contacts per half-year,,2026-06-30,0.000001",
  ]);
  expect(run.stderr).toBe("");
  expect(run.rfmStatus).toBe(0);
});

test("stdout to a reader that stops at once", () => {
  const run = piped("2>/dev/null", "true");
  expect(run.rfmStatus).toBe(0);
  expect(run.stderr).toBe("");
});

test("stderr (the summary) to a reader that stops at once", () => {
  const run = piped("2>&1 >/dev/null", "true");
  expect(run.rfmStatus).toBe(0);
  expect(run.stderr).toBe("");
});
