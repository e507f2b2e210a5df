/**
 * How long LibreOffice takes to recalculate live quantile formulas (O(N²): COUNTIF over the whole column per row),
 * the figure behind MAX_QUANTILE_FORMULA_ROWS. Run: npx ts-node --transpile-only test/bench/formulasRecalc.ts [rows…]
 * Prints rows, seconds for LibreOffice to load (computing every formula) and save the workbook.
 */

import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { recalculate, withoutCachedValues } from "../cli/libreOffice";
import { random } from "../engine/compile/sqlHarness";
import { formatDay } from "../../src/engine/dates";

const ROOT = join(__dirname, "../..");
const sizes = process.argv.slice(2).map(Number);

function customers(n: number): string {
  const rnd = random(n);
  const lines = ["id,date,count,total"];
  for (let i = 0; i < n; i++) {
    lines.push(
      `K${i},${formatDay(20_270 - Math.floor(rnd() * 400))},${1 + Math.floor(rnd() * 30)},${(rnd() * 50000).toFixed(2)}`,
    );
  }
  return lines.join("\n") + "\n";
}

const dir = mkdtempSync(join(tmpdir(), "rfm-bench-"));
try {
  for (const n of sizes.length ? sizes : [10_000, 50_000]) {
    const input = join(dir, `c${n}.csv`);
    writeFileSync(input, customers(n));
    const out = join(dir, `c${n}.xlsx`);
    execFileSync(
      process.execPath,
      [join(ROOT, "dist/node/rfm/rfm.js"), "grade", input, "--profile", "wuhan", "--formulas", "--out", out],
      { stdio: "pipe" },
    );
    const bytes = withoutCachedValues(readFileSync(out));
    const started = process.hrtime.bigint();
    recalculate([bytes]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`${n} rows: LibreOffice load + recalculate + save ${seconds.toFixed(1)} s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
