/**
 * Error cells and data types as Excel hands them to an `any` parameter once functions.json allows them
 * (allowErrorForDataTypeAny, allowCustomDataForDataTypeAny). The shapes follow Microsoft's custom-functions runtime
 * (@microsoft/office-js dist/custom-functions-runtime.debug.js: `_transferCustomFunctionError` turns an error into a
 * `CustomFunctions.Error` with `code`, `type: "Error"`, `basicValue`; `_transferCustomFunctionRichData` hands over
 * the host's JSON, whose errors and formatted numbers carry `basicValue` or `primitive`) and the office-js
 * `*CellValue` typings. Each shape is checked on its own and through a formula.
 */
import { engineCell } from "../../src/functions/cellValues";
import { grade, sales, score } from "../../src/functions/functions";
import { FakeFormulaError, column, installRuntime, isFormulaError, rejection, removeRuntime } from "./fakeRuntime";

const AS_OF = 45839; // 2025-07-01 (1900 system)
const none = null as unknown as undefined;

/** A CustomFunctions.Error as the runtime builds it for an error cell. */
function runtimeError(code: string): FakeFormulaError {
  return Object.assign(new FakeFormulaError(code, ""), { type: "Error", basicValue: code, basicType: "Error" });
}

beforeEach(() => installRuntime());
afterAll(() => removeRuntime());

describe("engineCell: every shape of an error cell becomes the engine's { error }", () => {
  test.each<[string, unknown, string]>([
    ["a CustomFunctions.Error from the runtime", runtimeError("#N/A"), "#N/A"],
    ["a bare { code } error (a runtime that sets no type)", new FakeFormulaError("#DIV/0!"), "#DIV/0!"],
    ["the unconverted runtime JSON", { type: "CustomFunctionError", code: "#NUM!" }, "#NUM!"],
    ["a data-type error with basicValue", { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }, "#N/A"],
    ["a data-type error with the host's primitive", { type: "Error", primitive: "#REF!", errorSubCode: 3 }, "#REF!"],
    ["a data-type error with errorType only", { type: "Error", errorType: "Div0" }, "#DIV/0!"],
    ["a data-type error of a newer kind", { type: "Error", errorType: "Spill", errorSubType: "Collision" }, "#SPILL!"],
    ["an error of an unknown kind is still an error", { type: "Error" }, "#VALUE!"],
    [
      "a web image (its basic value is #VALUE!)",
      { type: "WebImage", address: "https://x/y.png", basicValue: "#VALUE!" },
      "#VALUE!",
    ],
  ])("%s", (_label, cell, code) => {
    expect(engineCell(cell)).toEqual({ error: code });
  });
});

describe("engineCell: data types are read by their value", () => {
  test.each<[string, unknown, unknown]>([
    [
      "a formatted number (a date formatted as a date)",
      { type: "FormattedNumber", basicValue: 45833, numberFormat: "yyyy-mm-dd" },
      45833,
    ],
    ["a double with a number format", { type: "Double", basicValue: 20, numberFormat: "0" }, 20],
    ["a formatted number in the host's JSON", { type: "FormattedNumber", primitive: 10 }, 10],
    ["a string data type", { type: "String", basicValue: "C001" }, "C001"],
    ["a boolean data type", { type: "Boolean", basicValue: true }, true],
    [
      "an entity: the text the cell shows (its basic value is the #VALUE! placeholder)",
      {
        type: "Entity",
        text: "Acme Ltd",
        basicValue: "#VALUE!",
        basicType: "Error",
        properties: { City: { type: "String", basicValue: "Wuhan" } },
      },
      "Acme Ltd",
    ],
    [
      "a linked entity (Stocks, Geography)",
      { type: "LinkedEntity", text: "Wuhan", basicValue: "#VALUE!", id: { entityId: "x" } },
      "Wuhan",
    ],
  ])("%s", (_label, cell, value) => {
    expect(engineCell(cell)).toEqual(value);
  });

  test("an entity without text is the error its basic value says", () => {
    expect(engineCell({ type: "Entity", basicValue: "#VALUE!", properties: {} })).toEqual({ error: "#VALUE!" });
  });

  test("plain values pass unchanged", () => {
    for (const v of [45833, "C001", "", null, true, 0]) expect(engineCell(v)).toBe(v);
  });
});

describe("through RFM.GRADE: the row with the error is not graded and names the error; the others are", () => {
  // Shaoxing, as_of 2025-07-01: D=6, S=20, Z=10 -> A.
  const good = [AS_OF - 6, 20, 10];
  const shapes: [string, unknown, string][] = [
    ["CustomFunctions.Error", runtimeError("#N/A"), "#N/A"],
    ["data-type error", { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" }, "#DIV/0!"],
    ["host JSON error", { type: "Error", primitive: "#REF!" }, "#REF!"],
    ["errorType only", { type: "Error", errorType: "NotAvailable" }, "#N/A"],
  ];

  test.each(shapes)("%s in the date column", async (_label, errorCell, code) => {
    const out = (await grade(column(good[0], errorCell), column(good[1], 20), column(good[2], 10), none, AS_OF, none, {
      parameterAddresses: ["Sheet1!B2:B3"],
    })) as unknown[][];
    expect(out[0]).toEqual(["A"]);
    const bad = out[1][0];
    expect(isFormulaError(bad) && bad.message).toBe(
      `Row 3, column “last_order_date”: the cell holds the Excel error ${code}`,
    );
  });

  test("formatted numbers and string data types are graded like the plain values", async () => {
    const out = await score(
      column(
        { type: "FormattedNumber", basicValue: AS_OF - 6, numberFormat: "yyyy/m/d" },
        { type: "String", basicValue: "2025-06-25" },
      ),
      column({ type: "Double", basicValue: 20, numberFormat: "0" }, 20),
      column(10, { type: "FormattedNumber", primitive: 10, numberFormat: "#,##0.00" }),
      none,
      AS_OF,
      none,
    );
    expect(out).toEqual([[6.5], [6.5]]);
  });

  test("an error in as_of is refused naming the parameter and the error", async () => {
    const err = await rejection(grade(column(good[0]), column(20), column(10), none, runtimeError("#N/A"), none));
    expect(err.message).toBe("“as_of” holds the Excel error #N/A.");
  });

  test("a formatted as_of is read by its value", async () => {
    const asOf = { type: "FormattedNumber", basicValue: AS_OF, numberFormat: "yyyy-mm-dd" };
    expect(await grade(column(good[0]), column(20), column(10), none, asOf, none)).toEqual([["A"]]);
  });
});

describe("through RFM.SALES", () => {
  test("an entity as the customer is that customer; an error in a sale skips that sale only", async () => {
    const acme = { type: "Entity", text: "Acme Ltd", basicValue: "#VALUE!", properties: {} };
    const out = (await sales(
      column(acme, "Acme Ltd", acme),
      column(AS_OF - 10, AS_OF - 5, { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }),
      column(100, 50, 999),
      "shaoxing",
      AS_OF,
      none,
      "yuan",
      none,
      { parameterAddresses: ["Sheet1!A2:A4", "Sheet1!B2:B4", "Sheet1!C2:C4"] },
    )) as unknown[][];
    // One customer from two readable sales: last order 2025-06-26 (D=5 r5), 2 purchases (f1), 150 yuan = 0.015 万 (m1)
    // X = 1.5 + 0.4 + 0.6 = 2.5 -> C. Next grade: with a third order (f 2) 2.3 + 0.6m > 3 needs m 2, a total above 1 万
    // (10,000 yuan): 9,850.01 yuan.
    expect(out[0]).toEqual(["Acme Ltd", AS_OF - 5, 2, 150, 5, 1, 1, 2.5, "C", "1–2 contacts per half-year", 9850.01]);
    expect(out).toHaveLength(2);
    expect(out[1][0]).toBe("Acme Ltd"); // the skipped sale still shows whose it is (the entity's text)
    const reason = out[1][1];
    expect(isFormulaError(reason) && reason.message).toBe(
      "Row 4, column “order_date”: the cell holds the Excel error #N/A — this sale is not counted",
    );
  });
});
