import type { CellValue } from "exceljs";
import type { Cell } from "../engine";

/**
 * The value of an ExcelJS cell as the engine takes it: formulas give their cached result, rich text and hyperlinks
 * their text, errors stay `{ error: "#N/A" }` (the engine names them in the note), dates stay JS Dates.
 */
export function plainCellValue(value: CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("error" in value) return { error: value.error };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return plainCellValue(value.result as CellValue | undefined);
  if ("text" in value) return plainCellValue(value.text as CellValue);
  return null;
}
