/**
 * `npm run bench`: runs every test/bench/*.bench.ts module (each exports `run()`, which prints its own figures), so
 * each layer adds its benchmark as a file of its own. Arguments filter by file name: `npm run bench -- cli engine`;
 * arguments starting with `--` are the benchmarks' own options (`npm run bench -- compare --quick`), read from argv.
 */

import { readdirSync } from "fs";
import { join } from "path";
import { performance } from "perf_hooks";

interface BenchModule {
  run(): Promise<unknown>;
}

async function main(filters: string[]): Promise<number> {
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
    .sort();
  let failed = 0;
  for (const file of files) {
    console.log(`\n== ${file}`);
    const t0 = performance.now();
    try {
      const bench = (await import(join(__dirname, file))) as BenchModule;
      await bench.run();
      console.log(`-- ${file} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (err) {
      failed++;
      console.error(`-- ${file} FAILED:`, err);
    }
  }
  if (files.length === 0) console.log(`no benchmark matches ${filters.join(", ")}`);
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2).filter((arg) => !arg.startsWith("--"))).then((code) => {
  process.exitCode = code;
});
