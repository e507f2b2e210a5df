import type { FormulaCell } from "./types";

/**
 * What the writers hand to `range.values`. Excel interprets text entered through the API as if typed: "=..." would
 * become a formula (an injection risk for customer ids and notes), "00123" a number, "2025/7/1" a date. A leading
 * apostrophe makes Excel keep any text exactly as it is (Excel does not show the apostrophe, and `values` reads the
 * text back without it). `null` becomes "" so that an ungraded row clears what an earlier run wrote there (Office
 * would leave the cell unchanged for null). A FormulaCell is the one way to write a formula.
 */
export function cellInput(v: string | number | null | undefined | FormulaCell): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "object") {
    if (!v.formula.startsWith("=")) throw new RangeError(`not a formula: ${v.formula.slice(0, 40)}`);
    return v.formula;
  }
  return v === "" ? "" : `'${v}`;
}

/**
 * The input that puts a cell back the way it was read: its formula if it had one, otherwise its constant (text
 * escaped as above, so "00123" typed as text stays text).
 */
export function restoreInput(formula: unknown, value: unknown): unknown {
  if (typeof formula === "string" && formula.startsWith("=")) return formula;
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  return value ?? "";
}
