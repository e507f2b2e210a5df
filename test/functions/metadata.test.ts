/**
 * The formulas' public contract. Workbooks keep =RFM.GRADE(...) for years, so ids, parameter names and order,
 * types, dimensionality and optional flags must not change by accident: this test compares what the metadata
 * generator makes of src/functions/functions.ts with the committed expected-functions.json.
 * Changing a public function on purpose means updating that file in the same commit (and, for a changed signature,
 * a new function id rather than a changed one).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeMetadata, type FunctionsMetadata, type TranslationTable } from "../../src/functions/localizeMetadata";
import { RANGE_PARAMETERS } from "../../src/functions/formulaMessages";

const root = join(__dirname, "..", "..");
const expected = JSON.parse(readFileSync(join(__dirname, "expected-functions.json"), "utf8")) as FunctionsMetadata;
const table = JSON.parse(
  readFileSync(join(root, "src", "functions", "functions.zh-CN.translation.json"), "utf8"),
) as TranslationTable;

let generated: FunctionsMetadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([join(root, "src", "functions", "functions.ts")]);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson) as FunctionsMetadata;
}, 30_000);

const contract = (m: FunctionsMetadata) =>
  m.functions.map((f) => ({
    id: f.id,
    name: f.name,
    options: f.options,
    result: f.result,
    parameters: f.parameters.map((p) => [p.name, p.type, p.dimensionality ?? "scalar", p.optional === true]),
  }));

test("generated functions.json equals the committed contract", () => {
  // The focused comparison first: its diff names the broken part of the contract.
  expect(contract(generated)).toEqual(contract(expected));
  expect(generated).toEqual(expected);
});

test("the contract is the one issue #3 promises", () => {
  const grading = ["last_order_date", "purchases", "amount", "profile", "as_of", "unit"];
  expect(expected.functions.map((f) => f.id)).toEqual(["GRADE", "SCORE", "CADENCE", "SCORES", "PROFILES"]);
  for (const f of expected.functions.slice(0, 4)) {
    expect(f.parameters.map((p) => p.name)).toEqual(grading);
    expect(f.parameters.map((p) => p.optional === true)).toEqual([false, false, false, true, true, true]);
    expect(f.parameters.slice(0, 3).every((p) => p.dimensionality === "matrix")).toBe(true);
    expect(f.result).toEqual({ dimensionality: "matrix" });
  }
  expect(expected.functions[4].parameters).toEqual([]);
});

test("messages name the range parameters exactly as the formula does", () => {
  const names = expected.functions[0].parameters.slice(0, 3).map((p) => p.name);
  expect(Object.values(RANGE_PARAMETERS)).toEqual(names);
});

describe("zh-CN functions.json (built from the English one and the translation table)", () => {
  let zh: FunctionsMetadata;
  beforeAll(() => {
    zh = localizeMetadata(generated, table);
  });

  test("keeps every id, type, dimensionality, flag and the parameter order", () => {
    const shape = (m: FunctionsMetadata) =>
      m.functions.map((f) => ({
        id: f.id,
        options: f.options,
        result: f.result,
        parameters: f.parameters.map((p) => [p.type, p.dimensionality, p.optional]),
      }));
    expect(shape(zh)).toEqual(shape(generated));
  });

  test("translates every description and parameter name, keeps the English function names", () => {
    zh.functions.forEach((f, i) => {
      const en = generated.functions[i];
      expect(f.name).toBe(en.name);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      f.parameters.forEach((p) => {
        expect(p.name).toMatch(/^[\u4e00-\u9fff]+$/);
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
      });
    });
    expect(zh.functions[0].parameters.map((p) => p.name)).toEqual(["最近下单时间", "购买次数", "总金额", "方案", "统计日期", "单位"]);
  });

  test("the build fails when the table and the functions drift apart", () => {
    const renamedParameter: FunctionsMetadata = {
      ...generated,
      functions: generated.functions.map((f) =>
        f.id === "GRADE" ? { ...f, parameters: f.parameters.map((p) => (p.name === "unit" ? { ...p, name: "currency" } : p)) } : f,
      ),
    };
    expect(() => localizeMetadata(renamedParameter, table)).toThrow(/parameter currency of GRADE has no translated/);

    const newFunction: FunctionsMetadata = {
      ...generated,
      functions: [...generated.functions, { id: "SEGMENT", name: "SEGMENT", parameters: [] }],
    };
    expect(() => localizeMetadata(newFunction, table)).toThrow(/function SEGMENT has no translation/);

    const removedFunction: FunctionsMetadata = { ...generated, functions: generated.functions.slice(0, 4) };
    expect(() => localizeMetadata(removedFunction, table)).toThrow(/translation for unknown function PROFILES/);

    const staleParameter: TranslationTable = {
      ...table,
      parameters: { ...table.parameters, currency: { name: "货币", description: "货币" } },
    };
    expect(() => localizeMetadata(generated, staleParameter)).toThrow(/translation for unknown parameter currency/);
  });
});
