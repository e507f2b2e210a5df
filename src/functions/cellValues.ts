/**
 * What Excel hands a custom function for one cell, as the engine's cells (src/engine/cells.ts): numbers, text, empty,
 * or an error as `{ error: "#N/A" }`.
 *
 * functions.json sets `allowErrorForDataTypeAny` and `allowCustomDataForDataTypeAny`, so an `any` parameter receives
 * more than plain values (Microsoft's custom-functions runtime, @microsoft/office-js dist/custom-functions-runtime.js,
 * `_transferCustomFunctionError` / `_transferCustomFunctionRichData`, and the office-js `*CellValue` typings):
 * - an error cell as a `CustomFunctions.Error` (`code` and `basicValue` "#N/A", `type` "Error"), or, from runtimes
 *   that do not convert it, the raw `{ type: "CustomFunctionError", code: "#N/A" }`;
 * - a data type as its JSON: errors `{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }` (the host's
 *   own JSON may carry `primitive` instead of `basicValue`), formatted numbers `{ type: "FormattedNumber" | "Double",
 *   basicValue: 45839, numberFormat }`, `{ type: "String" | "Boolean", basicValue }`, entities `{ type: "Entity",
 *   text, basicValue: "#VALUE!", properties }`.
 */

/** Excel's error values by the `errorType` names of Excel.ErrorCellValueType (ExcelApi 1.16). */
const ERROR_BY_TYPE: Record<string, string> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Placeholder: "#VALUE!",
  Python: "#PYTHON!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/** An Excel error in the form the engine reads (`cellError`). */
interface ErrorCell {
  error: string;
}

interface CellObject {
  type?: unknown;
  code?: unknown;
  basicValue?: unknown;
  primitive?: unknown;
  errorType?: unknown;
  text?: unknown;
}

const isErrorText = (v: unknown): v is string => typeof v === "string" && v.startsWith("#");

/** One cell as the engine reads it. Plain values (numbers, text, booleans, null) come back unchanged. */
export function engineCell(v: unknown): unknown {
  if (v === null || typeof v !== "object" || v instanceof Date) return v;
  const o = v as CellObject;
  if (o.type === "Error" || o.type === "CustomFunctionError") return errorCell(o);
  // A CustomFunctions.Error made by a runtime that sets no `type`.
  if (isErrorText(o.code) && o.basicValue === undefined) return { error: o.code };
  const basic = o.basicValue !== undefined ? o.basicValue : o.primitive;
  if (o.type === "Entity" || o.type === "LinkedEntity") {
    // An entity's basic value is #VALUE! by definition, yet the cell shows its text (a customer's name, say), and
    // that is what a user means by it.
    if (typeof o.text === "string" && o.text.trim() !== "") return o.text;
    return isErrorText(basic) ? { error: basic } : (basic ?? { error: "#VALUE!" });
  }
  if (basic !== undefined && basic !== null && typeof basic !== "object") {
    return isErrorText(basic) && (o.type === "WebImage" || o.type === "LocalImage") ? { error: basic } : basic;
  }
  return v; // something new: the engine calls it what it is not (a date, a number) and shows it
}

function errorCell(o: CellObject): ErrorCell {
  for (const candidate of [o.basicValue, o.code, o.primitive]) {
    if (isErrorText(candidate)) return { error: candidate.trim().toUpperCase() };
  }
  const byType = typeof o.errorType === "string" ? ERROR_BY_TYPE[o.errorType] : undefined;
  return { error: byType ?? "#VALUE!" };
}
