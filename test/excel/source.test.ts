import { ExcelAdapterError, locateSource } from "../../src/excel";
import { FakeExcel } from "./fake";

const SALES = [
  ["客户编号", "订单日期", "订单金额"],
  ["C1", 45658, 100],
  ["C2", 45659, 250],
  ["C3", 45660, 80],
];

/** The sales block placed with its header at B3 (so row/column offsets are visible), plus a note far away. */
function offsetSheet(): unknown[][] {
  const rows: unknown[][] = [[], []];
  for (const r of SALES) rows.push([null, ...r]);
  rows.push([], [], [null, null, null, null, null, "note"]);
  return rows;
}

describe("locateSource", () => {
  it("grows a single selected cell to the contiguous region around it and reads the header row", async () => {
    const excel = new FakeExcel({ sheets: { Sales: offsetSheet() }, selection: "Sales!C4" });
    const source = await excel.run((ctx) => locateSource(ctx));
    expect(source).toEqual({
      sheetName: "Sales",
      address: "Sales!B3:D6",
      headerRow: 2,
      firstColumn: 1,
      rowCount: 3,
      columnCount: 3,
      headers: ["客户编号", "订单日期", "订单金额"],
    });
  });

  it("takes an Excel table whole when one cell of it is selected", async () => {
    const excel = new FakeExcel({
      sheets: { Sales: offsetSheet() },
      tables: [{ name: "SalesTable", sheet: "Sales", address: "B3:D6" }],
      selection: "Sales!D5",
    });
    const source = await excel.run((ctx) => locateSource(ctx));
    expect(source.address).toBe("Sales!B3:D6");
    expect(source.tableName).toBe("SalesTable");
    expect(source.rowCount).toBe(3);
  });

  it("takes the table whole when the selection lies inside it, but not when the selection reaches beyond it", async () => {
    const opts = { sheets: { Sales: offsetSheet() }, tables: [{ name: "T", sheet: "Sales", address: "B3:D6" }] };
    const inside = new FakeExcel({ ...opts, selection: "Sales!C4:D5" });
    expect((await inside.run((ctx) => locateSource(ctx))).address).toBe("Sales!B3:D6");
    const beyond = new FakeExcel({ ...opts, selection: "Sales!B3:F9" });
    const source = await beyond.run((ctx) => locateSource(ctx));
    expect(source.address).toBe("Sales!B3:F9");
    expect(source.tableName).toBeUndefined();
  });

  it("cuts a whole-column selection to the used range", async () => {
    const excel = new FakeExcel({ sheets: { Sales: SALES }, selection: "Sales!A:C" });
    const source = await excel.run((ctx) => locateSource(ctx));
    expect(source.address).toBe("Sales!A1:C4");
    expect(source.rowCount).toBe(3);
    expect(source.headers).toEqual(["客户编号", "订单日期", "订单金额"]);
  });

  it("cuts a whole-column selection of a full-height sheet to the last used row", async () => {
    const excel = new FakeExcel({ sheets: { Sales: SALES }, selection: "Sales!A:B" });
    excel.setColumn("Sales", 0, 1048575, ["last"]);
    const source = await excel.run((ctx) => locateSource(ctx));
    expect(source.address).toBe("Sales!A1:B1048576");
    expect(source.rowCount).toBe(1048575);
  });

  it("uses a multi-cell selection as it is when it lies within the data, with the first row as header", async () => {
    const excel = new FakeExcel({ sheets: { Sales: SALES }, selection: "Sales!A2:B4" });
    const source = await excel.run((ctx) => locateSource(ctx));
    expect(source.address).toBe("Sales!A2:B4");
    expect(source.headers).toEqual(["C1", "45658"]);
    expect(source.rowCount).toBe(2);
  });

  it("quotes sheet names that need it in the address", async () => {
    const excel = new FakeExcel({ sheets: { "Q1 sales": SALES }, selection: "'Q1 sales'!A1" });
    expect((await excel.run((ctx) => locateSource(ctx))).address).toBe("'Q1 sales'!A1:C4");
  });

  it("refuses an empty selection and a selection of several areas, in both languages", async () => {
    const empty = new FakeExcel({ sheets: { Sales: SALES }, selection: "Sales!H20" });
    const e1 = await empty.run((ctx) => locateSource(ctx)).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ExcelAdapterError);
    expect(e1).toMatchObject({ code: "emptySource" });
    expect((e1 as ExcelAdapterError).text.zh).toMatch(/空/);
    const several = new FakeExcel({ sheets: { Sales: SALES }, selection: "Sales!A1:A2,Sales!C3" });
    await expect(several.run((ctx) => locateSource(ctx))).rejects.toMatchObject({ code: "multipleAreas" });
  });

  it("reads only header texts, loads only what it uses and syncs a handful of times", async () => {
    const excel = new FakeExcel({ sheets: { Sales: SALES }, selection: "Sales!A:C" });
    excel.setColumn(
      "Sales",
      0,
      4,
      Array.from({ length: 50000 }, (_, i) => `C${i}`),
    );
    await excel.run((ctx) => locateSource(ctx));
    expect(excel.stats.length).toBeLessThanOrEqual(4);
    expect(Math.max(...excel.stats.map((s) => s.cellsRead))).toBeLessThanOrEqual(3);
  });
});
