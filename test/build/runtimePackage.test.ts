/**
 * What `npm pack` makes of the project is the command line ready to run: the bundled `rfm` (dist/node/rfm), the
 * samples its demo grades, the README, and a package.json whose runtime lists hold exactly the packages the bundles
 * leave outside (DuckDB, optional, required only where a missing module is caught). Installed with `npm install
 * --omit=dev` from the archive, nothing else is needed (README, "Installing only the command line"); the bundles run
 * even with no package at all beside them.
 */

import { execFileSync, spawnSync } from "child_process";
import { builtinModules } from "module";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
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

test("the archive holds the bundled command line, its samples and README, and no sources, caches or tests", () => {
  expect(packed).toContain(pkg.bin.rfm);
  expect(packed).toContain("package.json");
  expect(packed).toContain("README.md");
  for (const sample of ["shaoxing-customers.csv", "shaoxing-customers.xlsx", "wuhan-sales.csv", "wuhan-sales.xlsx"]) {
    expect(packed).toContain(`assets/samples/${sample}`);
  }
  expect(packed.filter((p) => !/^(dist\/node\/rfm\/|assets\/samples\/|package\.json$|README\.md$)/.test(p))).toEqual(
    [],
  );
  expect(packed.filter((p) => /\.(ts|tsbuildinfo|cache|tmp)$/.test(p))).toEqual([]);
});

test("the archive's command line is exactly the bundles the build makes: the executable, the program, its threads", () => {
  const bundles = packed.filter((p) => p.startsWith("dist/node/rfm/")).sort();
  expect(bundles).toEqual(
    ["rfm", "main", "salesWorker", "plainWorker"].map((name) => `dist/node/rfm/${name}.js`).sort(),
  );
  expect(readFileSync(join(ROOT, pkg.bin.rfm), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
});

test("the bundles require no package but the optional ones, and those only where a missing module is caught", () => {
  const runtime = new Set<string>();
  for (const file of packed.filter((p) => p.endsWith(".js"))) {
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const { name, moduleId } of requiredPackages(text)) {
      runtime.add(name);
      // A package the bundle leaves outside is a module of its own; every use of it must be the lazy import.
      const uses = [...text.matchAll(new RegExp(`(.{0,60})__webpack_require__\\(${moduleId}\\)`, "g"))];
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect(use[1]).toMatch(/Promise\.resolve\(\)\.then\(\(\) => __importStar\($/);
    }
  }
  const optional = Object.keys(pkg.optionalDependencies ?? {});
  expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  expect([...runtime].filter((n) => !optional.includes(n))).toEqual([]);
  expect(optional.filter((n) => !runtime.has(n))).toEqual([]);
});

test("the check finds a package left outside a bundle, with the module that stands for it", () => {
  const text = `/***/ 7377\n(module) {\n\n"use strict";\nmodule.exports = require("@duckdb/node-api");\n\n/***/ },\nrequire("node:fs");\nrequire("zlib");`;
  expect(requiredPackages(text)).toEqual([{ name: "@duckdb/node-api", moduleId: "7377" }]);
});

test("the bundled command runs with no package installed beside it: grading, and a clear line where DuckDB is needed", () => {
  const dir = mkdtempSync(join(tmpdir(), "rfm-alone-"));
  try {
    for (const file of packed.filter((p) => p.startsWith("dist/node/rfm/"))) {
      copyFileSync(join(ROOT, file), join(dir, basename(file)));
    }
    // Nothing up the folder's tree provides a package (else this would test that tree, not the bundles).
    expect(() => require.resolve("@duckdb/node-api", { paths: [dir] })).toThrow();
    const rfm = (...args: string[]) =>
      spawnSync(process.execPath, [join(dir, "rfm.js"), ...args], {
        encoding: "utf8",
        env: { PATH: process.env.PATH },
      });
    const sample = join(ROOT, "assets/samples/shaoxing-customers.csv");
    const graded = rfm("grade", sample, "-p", "shaoxing", "--as-of", "2025-12-31", "-o", join(dir, "graded.csv"));
    expect(graded.stderr).toContain("Graded ");
    expect(graded.status).toBe(0);
    expect(readFileSync(join(dir, "graded.csv"), "utf8").split("\n")[0]).toContain("Grade");
    const parquet = join(dir, "sales.parquet");
    writeFileSync(parquet, "PAR1");
    const refused = rfm("grade", parquet, "-p", "wuhan");
    expect(refused.stderr).toMatch(/^rfm: .*DuckDB is not installed\n$/);
    expect(refused.status).toBe(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Each package a bundle leaves outside (`module.exports = require("pkg")` in a module of its own), with that module. */
function requiredPackages(text: string): { name: string; moduleId: string }[] {
  const found: { name: string; moduleId: string }[] = [];
  for (const m of text.matchAll(
    /\/\*\*\*\/ (\d+)\n\(module\) \{\n\n"use strict";\nmodule\.exports = require\("([^"]+)"\);/g,
  )) {
    const spec = m[2].replace(/^node:/, "");
    const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
    if (!builtinModules.includes(name)) found.push({ name, moduleId: m[1] });
  }
  return found;
}
