/**
 * No module of src/ imports itself through others, not even for a type: two modules that need each other are one
 * job split in the wrong place (the shared type belongs in a module of its own). Follows every relative import and
 * re-export, `import type` included, and reports each cycle with its modules.
 */

import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";

const SRC = resolve(__dirname, "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const IMPORT = /(?:^|[;\n])\s*(?:import|export)\b[^;'"]*?\bfrom\s*["'](\.[^"']*)["']/g;

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")].find(existsSync);
}

/** The graph's strongly connected parts of more than one module (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>(),
    low = new Map<string, number>(),
    stack: string[] = [],
    onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      part.push(w);
      if (w === v) break;
    }
    if (part.length > 1) found.push(part.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

test("src has no import cycles, type-only imports included", () => {
  const files = sources(SRC);
  expect(files.length).toBeGreaterThan(50);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const deps = [...text.matchAll(IMPORT)]
      .map((m) => resolveImport(file, m[1]))
      .filter((d): d is string => d !== undefined);
    graph.set(file, deps);
  }
  // The scan sees imports at all: the engine's index re-exports its modules.
  expect(graph.get(join(SRC, "engine/index.ts"))?.length).toBeGreaterThan(10);
  expect(cycles(graph).map((part) => part.map((f) => relative(SRC, f)))).toEqual([]);
});
