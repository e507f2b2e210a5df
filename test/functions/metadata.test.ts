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
import {
  finishMetadata,
  localizeMetadata,
  type FunctionsMetadata,
  type TranslationTable,
} from "../../src/functions/localizeMetadata";
import { RANGE_PARAMETERS, SALES_RANGES } from "../../src/functions/formulaMessages";

const root = join(__dirname, "..", "..");
const expected = JSON.parse(readFileSync(join(__dirname, "expected-functions.json"), "utf8")) as FunctionsMetadata;
const table = JSON.parse(
  readFileSync(join(root, "src", "functions", "functions.zh-CN.translation.json"), "utf8"),
) as TranslationTable;

/** What the metadata plugin generates, and functions.json as the build writes it (webpack.config.js: finishMetadata). */
let plugin: FunctionsMetadata;
let generated: FunctionsMetadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([join(root, "src", "functions", "functions.ts")]);
  expect(result.errors).toEqual([]);
  plugin = JSON.parse(result.metadataJson) as FunctionsMetadata;
  generated = finishMetadata(plugin);
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

const byId = (m: FunctionsMetadata, id: string) => m.functions.find((f) => f.id === id)!;

test("the contract is the one issues #3 and #9 promise", () => {
  const grading = ["last_order_date", "purchases", "amount", "profile", "as_of", "unit"];
  expect(expected.functions.map((f) => f.id)).toEqual(["GRADE", "SCORE", "CADENCE", "SCORES", "SALES", "PROFILES"]);
  for (const f of expected.functions.slice(0, 4)) {
    expect(f.parameters.map((p) => p.name)).toEqual(grading);
    expect(f.parameters.map((p) => p.optional === true)).toEqual([false, false, false, true, true, true]);
    expect(f.parameters.slice(0, 3).every((p) => p.dimensionality === "matrix")).toBe(true);
    expect(f.result).toEqual({ dimensionality: "matrix" });
  }
  const sales = byId(expected, "SALES");
  expect(sales.parameters.map((p) => [p.name, p.type, p.optional === true])).toEqual([
    ["customer", "any", false],
    ["order_date", "any", false],
    ["amount", "any", false],
    ["profile", "string", true],
    ["as_of", "any", true],
    ["window_start", "any", true],
    ["unit", "string", true],
    ["headers", "boolean", true],
  ]);
  expect(sales.parameters.slice(0, 3).every((p) => p.dimensionality === "matrix")).toBe(true);
  expect(sales.options).toEqual({ requiresParameterAddresses: true });
  expect(sales.result).toEqual({ dimensionality: "matrix" });
  expect(byId(expected, "PROFILES").parameters).toEqual([]);
});

test("messages name the range parameters exactly as the formula does", () => {
  const names = expected.functions[0].parameters.slice(0, 3).map((p) => p.name);
  expect(Object.values(RANGE_PARAMETERS)).toEqual(names);
  expect(SALES_RANGES.map((p) => p.name)).toEqual(
    byId(expected, "SALES")
      .parameters.slice(0, 3)
      .map((p) => p.name),
  );
});

describe("error cells reach the functions", () => {
  test("functions.json has the top-level allowErrorForDataTypeAny beside allowCustomDataForDataTypeAny", () => {
    expect(plugin.allowErrorForDataTypeAny).toBeUndefined(); // the plugin cannot emit it: the build adds it
    expect(Object.keys(generated).slice(0, 3)).toEqual([
      "allowCustomDataForDataTypeAny",
      "allowErrorForDataTypeAny",
      "functions",
    ]);
    expect(generated.allowErrorForDataTypeAny).toBe(true);
    expect(generated.allowCustomDataForDataTypeAny).toBe(true);
    expect(expected.allowErrorForDataTypeAny).toBe(true);
  });

  test("every range parameter is of type any (errors reach only those)", () => {
    const ranges = expected.functions.flatMap((f) => f.parameters.filter((p) => p.dimensionality === "matrix"));
    expect(ranges.length).toBe(15);
    expect(ranges.every((p) => p.type === "any")).toBe(true);
  });

  test("the build fails when a range parameter is not of type any", () => {
    const typed: FunctionsMetadata = {
      ...plugin,
      functions: plugin.functions.map((f) =>
        f.id === "SALES"
          ? { ...f, parameters: f.parameters.map((p) => (p.name === "order_date" ? { ...p, type: "number" } : p)) }
          : f,
      ),
    };
    expect(() => finishMetadata(typed)).toThrow(/range parameter order_date of SALES must be of type any/);
  });

  test("the zh-CN functions.json keeps both flags", () => {
    const zh = localizeMetadata(generated, table);
    expect(zh.allowErrorForDataTypeAny).toBe(true);
    expect(zh.allowCustomDataForDataTypeAny).toBe(true);
  });
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
    expect(zh.functions[0].parameters.map((p) => p.name)).toEqual([
      "最近下单时间",
      "购买次数",
      "总金额",
      "方案",
      "统计日期",
      "单位",
    ]);
    // RFM.SALES's amount is one sale's amount, not a customer's total: its own name
    expect(byId(zh, "SALES").parameters.map((p) => p.name)).toEqual([
      "客户",
      "下单时间",
      "订单金额",
      "方案",
      "统计日期",
      "统计期间起始日期",
      "单位",
      "标题行",
    ]);
  });

  test("the build fails when the table and the functions drift apart", () => {
    const renamedParameter: FunctionsMetadata = {
      ...generated,
      functions: generated.functions.map((f) =>
        f.id === "GRADE"
          ? { ...f, parameters: f.parameters.map((p) => (p.name === "unit" ? { ...p, name: "currency" } : p)) }
          : f,
      ),
    };
    expect(() => localizeMetadata(renamedParameter, table)).toThrow(/parameter currency of GRADE has no translated/);

    const newFunction: FunctionsMetadata = {
      ...generated,
      functions: [...generated.functions, { id: "SEGMENT", name: "SEGMENT", parameters: [] }],
    };
    expect(() => localizeMetadata(newFunction, table)).toThrow(/function SEGMENT has no translation/);

    const removedFunction: FunctionsMetadata = {
      ...generated,
      functions: generated.functions.filter((f) => f.id !== "PROFILES"),
    };
    expect(() => localizeMetadata(removedFunction, table)).toThrow(/translation for unknown function PROFILES/);

    const staleParameter: TranslationTable = {
      ...table,
      parameters: { ...table.parameters, currency: { name: "货币", description: "货币" } },
    };
    expect(() => localizeMetadata(generated, staleParameter)).toThrow(/translation for unknown parameter currency/);
  });
});

describe("zh-TW functions.json (Traditional Chinese, built the same way from its own table)", () => {
  const twTable = JSON.parse(
    readFileSync(join(root, "src", "functions", "functions.zh-TW.translation.json"), "utf8"),
  ) as TranslationTable;

  test("has every function and parameter of the English one, the same contract, Taiwan's names", () => {
    const tw = localizeMetadata(generated, twTable);
    const shape = (m: FunctionsMetadata) =>
      m.functions.map((f) => ({
        id: f.id,
        name: f.name,
        options: f.options,
        result: f.result,
        parameters: f.parameters.map((p) => [p.type, p.dimensionality, p.optional]),
      }));
    expect(shape(tw)).toEqual(shape(generated));
    expect(tw.functions[0].parameters.map((p) => p.name)).toEqual([
      "最近下單時間",
      "購買次數",
      "總金額",
      "方案",
      "分析日期",
      "單位",
    ]);
    expect(byId(tw, "SALES").parameters.map((p) => p.name)).toEqual([
      "客戶",
      "下單時間",
      "訂單金額",
      "方案",
      "分析日期",
      "統計期間起始日期",
      "單位",
      "標題列",
    ]);
  });
});
