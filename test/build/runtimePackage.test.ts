/**
 * What `npm pack` makes of the project is the command line ready to run: the compiled `rfm` (dist/node), the samples
 * its demo grades, the README, and a package.json whose runtime lists hold exactly the packages the compiled files
 * require. Installed with `npm install --omit=dev` from the archive, nothing else is needed (README, "Installing only
 * the command line"). Packages loaded optionally (DuckDB) are optional dependencies, required only where a missing
 * module is caught.
 */

import { execFileSync } from "child_process";
import { builtinModules } from "module";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { buildCli, ROOT } from "../cli/helpers";

interface PackageJson {
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as PackageJson;
let packed: string[] = [];

beforeAll(() => {
  buildCli();
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
  packed = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}, 180_000);

/** The packages a compiled file requires, each with whether the require is the compiled form of `await import()`. */
function requiredPackages(text: string): { name: string; dynamic: boolean }[] {
  const found: { name: string; dynamic: boolean }[] = [];
  for (const m of text.matchAll(/(__importStar\()?require\("([^".][^"]*)"\)/g)) {
    const spec = m[2].replace(/^node:/, "");
    const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
    if (!builtinModules.includes(name)) found.push({ name, dynamic: m[1] !== undefined });
  }
  return found;
}

test("the archive holds the compiled command line, its samples and README, and no sources or tests", () => {
  expect(packed).toContain(pkg.bin.rfm);
  expect(packed).toContain("package.json");
  expect(packed).toContain("README.md");
  for (const sample of ["shaoxing-customers.csv", "shaoxing-customers.xlsx", "wuhan-sales.csv", "wuhan-sales.xlsx"]) {
    expect(packed).toContain(`assets/samples/${sample}`);
  }
  expect(packed.filter((p) => !/^(dist\/node\/|assets\/samples\/|package\.json$|README\.md$)/.test(p))).toEqual([]);
  expect(packed.filter((p) => p.endsWith(".tsbuildinfo") || p.endsWith(".ts"))).toEqual([]);
});

test("every compiled module in the archive has its source (nothing left from a module since removed)", () => {
  const orphans = packed
    .filter((p) => p.startsWith("dist/node/") && p.endsWith(".js"))
    .map((p) => join("src", p.slice("dist/node/".length, -".js".length)))
    .filter((source) => !existsSync(join(ROOT, `${source}.ts`)) && !existsSync(join(ROOT, `${source}.tsx`)));
  expect(orphans).toEqual([]);
});

test("dependencies are exactly what the compiled files require; optional ones are only imported where caught", () => {
  const runtime = new Set<string>();
  const dynamicOnly = new Map<string, boolean>();
  for (const file of packed.filter((p) => p.endsWith(".js"))) {
    for (const { name, dynamic } of requiredPackages(readFileSync(join(ROOT, file), "utf8"))) {
      runtime.add(name);
      dynamicOnly.set(name, (dynamicOnly.get(name) ?? true) && dynamic);
    }
  }
  const deps = Object.keys(pkg.dependencies ?? {});
  const optional = Object.keys(pkg.optionalDependencies ?? {});
  expect(runtime.has("commander")).toBe(true);
  expect([...runtime].filter((n) => !deps.includes(n) && !optional.includes(n))).toEqual([]);
  expect(deps.filter((n) => !runtime.has(n))).toEqual([]);
  expect(optional.filter((n) => !runtime.has(n) || !dynamicOnly.get(n))).toEqual([]);
  expect(deps.filter((n) => optional.includes(n) || n in (pkg.devDependencies ?? {}))).toEqual([]);
});

test("the check sees a static require and tells it from an optional import", () => {
  const text = `const a = require("commander");\nconst b = await Promise.resolve().then(() => __importStar(require("@duckdb/node-api")));\nrequire("node:fs");`;
  expect(requiredPackages(text)).toEqual([
    { name: "commander", dynamic: false },
    { name: "@duckdb/node-api", dynamic: true },
  ]);
});
