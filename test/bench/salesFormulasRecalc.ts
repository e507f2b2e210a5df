/**
 * How long LibreOffice takes to recalculate live formulas over sales records (O(sales × customers): MATCH per sale,
 * COUNTIF/SUMIF/SUMPRODUCT per customer), the figure behind MAX_SALES_FORMULA_CELLS. Run after `npm run build:cli`:
 * npx ts-node --transpile-only test/bench/salesFormulasRecalc.ts [SALESxCUSTOMERS …] [--profile P]
 * Prints sales, customers, and seconds for LibreOffice to load (computing every formula) and save the workbook.
 */

import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { recalculate, withoutCachedValues } from "../cli/libreOffice";
import { random } from "../engine/compile/sqlHarness";
import { formatDay } from "../../src/engine/dates";

const ROOT = join(__dirname, "../..");
const args = process.argv.slice(2);
const profileAt = args.indexOf("--profile");
const profile = profileAt >= 0 ? args.splice(profileAt, 2)[1] : "shaoxing";
const sizes = (args.length ? args : ["10000x2000", "20000x4000"]).map(
  (s) => s.split("x").map(Number) as [number, number],
);

function sales(n: number, customers: number): string {
  const rnd = random(n + customers);
  const lines = ["customer,date,amount"];
  for (let i = 0; i < n; i++) {
    // Every customer appears (the first `customers` sales), then at random.
    const id = i < customers ? i : Math.floor(rnd() * customers);
    lines.push(`K${id},${formatDay(20_270 - Math.floor(rnd() * 700))},${(rnd() * 5000).toFixed(2)}`);
  }
  return lines.join("\n") + "\n";
}

const dir = mkdtempSync(join(tmpdir(), "rfm-bench-"));
try {
  for (const [n, c] of sizes) {
    const input = join(dir, `s${n}.csv`);
    writeFileSync(input, sales(n, c));
    const out = join(dir, `s${n}.xlsx`);
    execFileSync(
      process.execPath,
      [
        join(ROOT, "dist/node/rfm/rfm.js"),
        "grade",
        input,
        "--profile",
        profile,
        "--as-of",
        "2025-07-01",
        "--formulas",
        "--out",
        out,
      ],
      { stdio: "pipe" },
    );
    const bytes = withoutCachedValues(readFileSync(out));
    const started = process.hrtime.bigint();
    recalculate([bytes]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `${profile}: ${n} sales × ${c} customers (${((n * c) / 1e6).toFixed(0)}M): LibreOffice load + recalculate + save ${seconds.toFixed(1)} s`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
