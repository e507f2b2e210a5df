import { FakeExcel } from "./fake";
import {
  addSampleSheet,
  locateSource,
  selectAddress,
  showSheet,
  watchSelection,
  type RunInContext,
} from "../../src/excel";

/** `Excel.run(context, batch)` of the double. */
const runIn =
  (excel: FakeExcel): RunInContext =>
  (context, batch) =>
    excel.run(context, batch);

/** Lets Excel's queued events (delivered after the call that raised them) arrive. */
const eventsDelivered = () => new Promise((wake) => setTimeout(wake, 5));

describe("watchSelection", () => {
  it("hears each selection change, by the user or by an add-in, until stopped", async () => {
    const excel = new FakeExcel({ sheets: { S: [["a"]] } });
    let heard = 0;
    const watch = await excel.run((ctx) => watchSelection(ctx, () => heard++, runIn(excel)));
    expect(excel.selectionHandlerCount).toBe(1);

    excel.select("S!B2");
    await eventsDelivered();
    expect(heard).toBe(1);

    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("C3").select();
      await ctx.sync();
    });
    await eventsDelivered();
    expect(heard).toBe(2);

    await watch.stop();
    expect(excel.selectionHandlerCount).toBe(0);
    excel.select("S!A1");
    await eventsDelivered();
    expect(heard).toBe(2);
  });

  it("costs one sync to start and none per event (the handler does not read the workbook)", async () => {
    const excel = new FakeExcel({ sheets: { S: [["a"]] } });
    await excel.run((ctx) => watchSelection(ctx, () => undefined, runIn(excel)));
    excel.resetStats();
    for (let i = 0; i < 50; i++) excel.select(`S!A${i + 1}`);
    await eventsDelivered();
    expect(excel.stats).toHaveLength(0);
  });
});

describe("addSampleSheet", () => {
  const rows = [
    ["客户编号", "最近下单时间", "购买次数", "历史购买总金额（万元）"],
    ["C1", 46052, 3, 1.5],
    ["C2", 46040, 12, 9],
  ];

  it("adds a sheet of its own beside a user's sheet of the same name, writes the table and selects it", async () => {
    const excel = new FakeExcel({ sheets: { 示例数据: [["mine"]] } });
    const added = await excel.run((ctx) => addSampleSheet(ctx, "示例数据", rows, [null, "yyyy/m/d", "0", null]));
    expect(added.sheetName).toBe("示例数据 (2)");
    expect(excel.read("示例数据")).toEqual([["mine"]]);
    expect(excel.read(added.sheetName)).toEqual(rows);
    expect(excel.numberFormats(added.sheetName, "B2:B3")).toEqual([["yyyy/m/d"], ["yyyy/m/d"]]);
    expect(excel.activeSheet()).toBe(added.sheetName);
    expect(excel.selection()).toBe(`'${added.sheetName}'!A1:D3`);
    // The pane reads the sample at once from the selection.
    const source = await excel.run((ctx) => locateSource(ctx));
    expect(source.rowCount).toBe(2);
    expect(source.headers).toEqual(rows[0]);
  });
});

describe("showSheet", () => {
  it("activates the sheet and selects its first cell", async () => {
    const excel = new FakeExcel({ sheets: { Data: [["a"]], Summary: [["b"]] }, selection: "Data!A1" });
    await excel.run((ctx) => showSheet(ctx, "Summary"));
    expect(excel.activeSheet()).toBe("Summary");
    expect(excel.selection()).toBe("Summary!A1");
  });
});

describe("selectAddress", () => {
  it("selects a range on a sheet whose name needs quotes, and shows that sheet", async () => {
    const excel = new FakeExcel({ sheets: { Data: [["a"]], "Sales RFM": [["b"]] }, selection: "Data!A1" });
    await excel.run((ctx) => selectAddress(ctx, "'Sales RFM'!F1:L6"));
    expect(excel.activeSheet()).toBe("Sales RFM");
    expect(excel.selection()).toBe("'Sales RFM'!F1:L6");
  });
});
