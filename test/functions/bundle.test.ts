/**
 * The shipped files, run as the shared-runtime page runs them: the production build (`npm run build`'s config and
 * mode, see test/build/productionBuild.ts), every script taskpane.html loads, in its order, in one bare script
 * context. The functions registered with CustomFunctions.associate are exactly the ids of functions.json, a
 * registered function computes, and the zh-CN metadata is emitted next to the English one.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { createContext, runInContext } from "vm";
import { pageScripts, productionBuild } from "../build/productionBuild";

let dist: string;
let scripts: string[];
let registered: Map<string, (...args: unknown[]) => unknown>;
let english: { allowErrorForDataTypeAny?: boolean; functions: { id: string }[] };
let chinese: { allowErrorForDataTypeAny?: boolean; functions: { id: string; description: string }[] };
let paneStarted = false;

beforeAll(async () => {
  dist = await productionBuild();
  scripts = pageScripts(dist);
  registered = new Map();
  class FormulaError {
    constructor(
      readonly code?: string,
      readonly message?: string,
    ) {}
  }
  // What the page offers outside Excel: no DOM beyond the script being run (webpack finds the other chunks next to
  // it), an Office.onReady that never resolves (the pane waits for it), a CustomFunctions object that records
  // registrations, and the timers and text codecs every webview has.
  const page: Record<string, unknown> = {
    CustomFunctions: {
      Error: FormulaError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
    },
    Office: {
      onReady: () => {
        paneStarted = true;
        return new Promise(() => undefined);
      },
    },
    document: { currentScript: { tagName: "SCRIPT", src: "https://rfm-grader.test/addin/runtime.js" } },
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    Intl,
  };
  page.self = page;
  page.globalThis = page;
  const context = createContext(page);
  for (const src of scripts) runInContext(readFileSync(join(dist, src), "utf8"), context, { filename: src });
  english = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8"));
  chinese = JSON.parse(readFileSync(join(dist, "functions.zh-CN.json"), "utf8"));
}, 600_000);

test("taskpane.html loads the webpack runtime first, then the functions before the task pane", () => {
  expect(scripts[0]).toBe("runtime.js");
  expect(scripts).toContain("functions.js");
  expect(scripts).toContain("taskpane.js");
  expect(scripts.indexOf("functions.js")).toBeLessThan(scripts.indexOf("taskpane.js"));
  expect(new Set(scripts).size).toBe(scripts.length);
  expect(paneStarted).toBe(true);
});

test("the page registers every function of functions.json, and nothing else", () => {
  expect([...registered.keys()].sort()).toEqual(english.functions.map((f) => f.id).sort());
  expect([...registered.keys()].sort()).toEqual(["CADENCE", "GRADE", "PROFILES", "SALES", "SCORE", "SCORES"]);
});

test("a registered function computes in the shipped code (shaoxing: D=6, S=20, Z=10 -> A)", async () => {
  const gradeFn = registered.get("GRADE") as (...args: unknown[]) => Promise<unknown[][]>;
  // 2025-06-25 and 2025-07-01 as 1900-system serials; no Excel: English, 1900 dates
  await expect(gradeFn([[45833]], [[20]], [[10]], null, 45839, null)).resolves.toEqual([["A"]]);
});

test("the emitted functions.json (both languages) lets error cells reach the functions", () => {
  expect(english.allowErrorForDataTypeAny).toBe(true);
  expect(chinese.allowErrorForDataTypeAny).toBe(true);
});

test("the emitted functions.json (both languages) lets error cells reach the functions", () => {
  expect(english.allowErrorForDataTypeAny).toBe(true);
  expect(chinese.allowErrorForDataTypeAny).toBe(true);
});

test("functions.zh-CN.json is emitted with the same ids, in Chinese", () => {
  expect(chinese.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
  expect(chinese.functions.every((f) => /[\u4e00-\u9fff]/.test(f.description))).toBe(true);
});
