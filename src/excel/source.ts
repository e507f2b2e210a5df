/** Finding the range to read from the user's selection. */
import { AREA_PROPS, areaOf, containsArea, intersectAreas, sheetAddress, type Area } from "./address";
import { ExcelAdapterError, type SourceTable } from "./types";
import { ADAPTER } from "../i18n/adapter";

const MULTIPLE_AREAS = ADAPTER.source.multipleAreas;
const EMPTY_SOURCE = ADAPTER.source.emptySource;

/**
 * The range to read: the selection; a single cell, or a selection lying inside one Excel table, grows to that table
 * (taken whole) or else, for a single cell, to the contiguous region around it (`getSurroundingRegion`). A larger
 * selection is cut to the used range, which turns whole-column or whole-row selections into the data actually there.
 * The first row is the header row. Throws `ExcelAdapterError` ("multipleAreas", "emptySource").
 */
export async function locateSource(ctx: Excel.RequestContext): Promise<SourceTable> {
  const areas = ctx.workbook.getSelectedRanges().load("areaCount");
  await ctx.sync();
  if (areas.areaCount > 1) throw new ExcelAdapterError("multipleAreas", MULTIPLE_AREAS);

  const selected = ctx.workbook.getSelectedRange().load(AREA_PROPS);
  const sheet = selected.worksheet.load("name");
  const tables = selected.getTables(false).load("items/name");
  const used = sheet.getUsedRangeOrNullObject(true).load(AREA_PROPS);
  const region = selected.getSurroundingRegion().load(AREA_PROPS);
  await ctx.sync();

  const selection = areaOf(selected);
  const singleCell = selection.rows === 1 && selection.cols === 1;
  let area: Area | null;
  let tableName: string | undefined;
  if (tables.items.length > 0) {
    const name = tables.items[0].name;
    const tableRange = ctx.workbook.tables.getItem(name).getRange().load(AREA_PROPS);
    await ctx.sync();
    const tableArea = areaOf(tableRange);
    if (singleCell || containsArea(tableArea, selection)) {
      area = tableArea;
      tableName = name;
    } else area = used.isNullObject ? null : intersectAreas(selection, areaOf(used));
  } else if (singleCell) {
    area = areaOf(region);
  } else {
    area = used.isNullObject ? null : intersectAreas(selection, areaOf(used));
  }
  if (!area) throw new ExcelAdapterError("emptySource", EMPTY_SOURCE);

  const headerCells = sheet.getRangeByIndexes(area.row, area.col, 1, area.cols).load("text");
  await ctx.sync();
  const headers = headerCells.text[0].map((t) => String(t ?? ""));
  if (area.rows === 1 && headers.every((h) => h.trim() === ""))
    throw new ExcelAdapterError("emptySource", EMPTY_SOURCE);

  return {
    sheetName: sheet.name,
    address: sheetAddress(sheet.name, area),
    headerRow: area.row,
    firstColumn: area.col,
    rowCount: area.rows - 1,
    columnCount: area.cols,
    headers,
    ...(tableName !== undefined ? { tableName } : {}),
  };
}
