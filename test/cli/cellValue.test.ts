/** ExcelJS cell values as the engine takes them. */

import { plainCellValue } from "../../src/cli/cellValue";

test("formulas give their cached result, also when the result is a date or an error", () => {
  const day = new Date(Date.UTC(2025, 11, 31));
  expect(plainCellValue({ formula: "A1*2", result: 16 })).toBe(16);
  expect(plainCellValue({ formula: "TODAY()", result: day })).toBe(day);
  expect(plainCellValue({ formula: "VLOOKUP(A1,B:C,2,0)", result: { error: "#N/A" } })).toEqual({ error: "#N/A" });
  expect(plainCellValue({ sharedFormula: "A2", result: "x" })).toBe("x");
  expect(plainCellValue({ formula: "A1" })).toBeNull();
});

test("rich text and hyperlinks give their text", () => {
  expect(plainCellValue({ richText: [{ text: "客户" }, { text: "001", font: { bold: true } }] })).toBe("客户001");
  expect(plainCellValue({ text: "C-7", hyperlink: "https://example.com" })).toBe("C-7");
});

test("error values stay errors, plain values stay as they are, empty is null", () => {
  expect(plainCellValue({ error: "#DIV/0!" })).toEqual({ error: "#DIV/0!" });
  expect(plainCellValue(3.5)).toBe(3.5);
  expect(plainCellValue("2025/7/1")).toBe("2025/7/1");
  expect(plainCellValue(true)).toBe(true);
  expect(plainCellValue(null)).toBeNull();
  expect(plainCellValue(undefined)).toBeNull();
});
