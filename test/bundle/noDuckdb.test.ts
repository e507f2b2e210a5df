/**
 * The add-in bundle never includes DuckDB (a native Node module of the command line): every module webpack's entries
 * reach, followed through their imports, is checked for `@duckdb` and for Node-only modules the SQL tests use.
 */

import { existsSync, readFileSync } from "fs";
import { dirname, join, resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const ENTRIES = ["src/functions/functions.ts", "src/taskpane/index.tsx"];
const FORBIDDEN = /^(@duckdb\/|pg$|pg\/)/;

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && !candidate.endsWith("/") && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every package specifier imported (statically or by `import()`) from the modules reachable from `entry`. */
function reachablePackages(entry: string): { packages: Set<string>; modules: number } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)["']([^"']+)["']/g)) {
      const spec = m[1];
      if (spec.startsWith(".")) {
        const target = resolveLocal(file, spec);
        if (target) queue.push(target);
      } else packages.add(spec);
    }
  }
  return { packages, modules: seen.size };
}

test.each(ENTRIES)("%s reaches no DuckDB or PostgreSQL module", (entry) => {
  const { packages, modules } = reachablePackages(entry);
  expect(modules).toBeGreaterThan(5);
  expect([...packages].filter((p) => FORBIDDEN.test(p))).toEqual([]);
});

test("the check sees a forbidden import when there is one (the command line imports DuckDB-free code only too)", () => {
  // The engine's profile compiler is shared with the add-in: it must stay free of database drivers.
  const { packages } = reachablePackages("src/engine/compile/sql.ts");
  expect([...packages].filter((p) => FORBIDDEN.test(p))).toEqual([]);
  expect(FORBIDDEN.test("@duckdb/node-api")).toBe(true);
});
