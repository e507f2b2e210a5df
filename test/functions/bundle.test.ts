/**
 * The functions entry built by the real webpack configuration (its metadata plugins and loaders, development mode,
 * written to a temporary folder): the bundle registers exactly the ids of functions.json with
 * CustomFunctions.associate, a registered function computes in a bare script context, and the zh-CN metadata is
 * emitted next to the English one.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runInNewContext } from "vm";
import webpack from "webpack";

const root = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(join(root, "webpack.config.js")) as (
  env: object,
  argv: { mode: string },
) => Promise<webpack.Configuration & { entry: Record<string, string> }>;

const outDir = mkdtempSync(join(tmpdir(), "rfm-functions-bundle-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

let registered: Map<string, (...args: unknown[]) => unknown>;
let english: { allowErrorForDataTypeAny?: boolean; functions: { id: string }[] };
let chinese: { allowErrorForDataTypeAny?: boolean; functions: { id: string; description: string }[] };

beforeAll(async () => {
  const config = await webpackConfig({}, { mode: "development" });
  const metadataPlugins = (config.plugins ?? []).filter((p) =>
    ["CustomFunctionsMetadataPlugin", "LocalizedMetadataPlugin"].includes(p?.constructor.name ?? ""),
  );
  expect(metadataPlugins).toHaveLength(2);
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack({
      ...config,
      entry: { functions: config.entry.functions },
      output: { path: outDir, filename: "[name].js" },
      optimization: { runtimeChunk: false },
      devtool: false,
      plugins: metadataPlugins,
    }).run((err, result) => (err || !result ? reject(err) : resolve(result))),
  );
  expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);

  registered = new Map();
  class FormulaError {
    constructor(
      readonly code?: string,
      readonly message?: string,
    ) {}
  }
  runInNewContext(readFileSync(join(outDir, "functions.js"), "utf8"), {
    CustomFunctions: {
      Error: FormulaError,
      ErrorCode: { invalidValue: "#VALUE!" },
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
    },
    console,
  });
  english = JSON.parse(readFileSync(join(outDir, "functions.json"), "utf8"));
  chinese = JSON.parse(readFileSync(join(outDir, "functions.zh-CN.json"), "utf8"));
}, 120_000);

test("the bundle registers every function of functions.json, and nothing else", () => {
  expect([...registered.keys()].sort()).toEqual(english.functions.map((f) => f.id).sort());
  expect([...registered.keys()].sort()).toEqual(["CADENCE", "GRADE", "PROFILES", "SALES", "SCORE", "SCORES"]);
});

test("a registered function computes outside jest's module system (shaoxing: D=6, S=20, Z=10 -> A)", async () => {
  const gradeFn = registered.get("GRADE") as (...args: unknown[]) => Promise<unknown[][]>;
  // 2025-06-25 and 2025-07-01 as 1900-system serials; no Office or Excel globals: English, 1900 dates
  await expect(gradeFn([[45833]], [[20]], [[10]], null, 45839, null)).resolves.toEqual([["A"]]);
});

test("the emitted functions.json (both languages) lets error cells reach the functions", () => {
  expect(english.allowErrorForDataTypeAny).toBe(true);
  expect(chinese.allowErrorForDataTypeAny).toBe(true);
});

test("functions.zh-CN.json is emitted with the same ids, in Chinese", () => {
  expect(chinese.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
  expect(chinese.functions.every((f) => /[\u4e00-\u9fff]/.test(f.description))).toBe(true);
});
