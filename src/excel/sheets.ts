/** Worksheet names and the life of sheets the add-in creates. */

const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in sheet names. */
function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  return cleaned === "" ? "RFM" : cleaned;
}

/**
 * `base`, or "base (2)", "base (3)" ... whichever no sheet has yet (Excel compares sheet names ignoring case),
 * shortened to Excel's 31 characters.
 */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const clean = cleanSheetName(base);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export async function sheetNames(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  return sheets.items.map((s) => s.name);
}

/** Adds a sheet under a free name derived from `base`; returns the name. */
export async function addSheet(ctx: Excel.RequestContext, base: string): Promise<string> {
  const name = uniqueSheetName(base, await sheetNames(ctx));
  ctx.workbook.worksheets.add(name);
  await ctx.sync();
  return name;
}

/** Deletes a sheet the add-in created, after a failure: its own failure must not hide the original error. */
export async function deleteSheetQuietly(ctx: Excel.RequestContext, name: string): Promise<void> {
  try {
    ctx.workbook.worksheets.getItem(name).delete();
    await ctx.sync();
  } catch {
    // The sheet stays; the caller rethrows the error that made us clean up.
  }
}
