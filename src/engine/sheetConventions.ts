/**
 * How the product's sheets look wherever they are written (the add-in, the command line's workbooks, the live
 * formulas' sheets): the date format, the grade colours and Excel's column letters, each stated once.
 */

/** The number format of every date cell the product writes: the same text formatDay gives (2025-07-01). */
export const DATE_FORMAT = "yyyy-mm-dd";

/**
 * Fill colours per grade, best first, as RGB hex without "#": green, blue, orange and red for the usual three or four
 * grades, then yellow, lavender, teal and sand, so that every grade of a profile with up to eight has a colour of its
 * own (light enough for black text in a cell, told apart beside each other in a bar).
 */
export const GRADE_FILLS: readonly string[] = [
  "C6EFCE",
  "BDD7EE",
  "F8CBAD",
  "FFC7CE",
  "FFEB9C",
  "D9D2E9",
  "B7DEE8",
  "E2D3B5",
];
/** The fill of any grade beyond the eighth. */
export const EXTRA_GRADE_FILL = "D9D9D9";

/** The fill of the grade at `index` in the profile's order (best first). */
export function gradeFill(index: number): string {
  return GRADE_FILLS[index] ?? EXTRA_GRADE_FILL;
}

/** Excel's letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA, 27 → AB. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The 0-based column index of Excel's letters ("A" → 0, "AB" → 27); the inverse of columnLetters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
