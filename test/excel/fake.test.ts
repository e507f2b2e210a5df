import { FakeExcel, FakeOfficeError } from "./fake";

describe("the Excel test double", () => {
  it("refuses to read a property before load and sync, and returns it after", async () => {
    const excel = new FakeExcel({ sheets: { S: [["a", 1]] } });
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B1");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([["a", 1]]);
    });
  });

  it("refuses load() without property names", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      expect(() => ctx.workbook.getSelectedRange().load()).toThrow(/without arguments/);
    });
  });

  it("applies writes only at sync, interprets input like Excel, and null leaves a cell unchanged", async () => {
    const excel = new FakeExcel({ sheets: { S: [["keep", "x", "y", "z"]] } });
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:D1").values = [[null, "'00123", "00123", "=SUM(1)"]];
      expect(excel.read("S")).toEqual([["keep", "x", "y", "z"]]);
      await ctx.sync();
    });
    expect(excel.read("S")).toEqual([["keep", "00123", 123, 0]]);
    expect(excel.readFormulas("S", "D1")).toEqual([["=SUM(1)"]]);
  });

  it("counts syncs and payload, fails at the requested sync, and enforces the payload limit", async () => {
    const excel = new FakeExcel({ sheets: { S: [["a"]] }, payloadLimit: 1000 });
    excel.failAtSync(2);
    await expect(
      excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("S");
        s.getRange("A1").values = [["b"]];
        await ctx.sync();
        s.getRange("A1").values = [["c"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(excel.read("S")).toEqual([["b"]]);
    expect(excel.stats).toHaveLength(2);
    excel.failAtSync(undefined);
    const big = Array.from({ length: 200 }, () => ["abcdefgh"]);
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A200").values = big;
        await ctx.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
    expect(excel.read("S")).toEqual([["b"]]);
  });

  it("reports the used range, surrounding region and null objects of a full-height sheet", async () => {
    const excel = new FakeExcel({ sheets: { S: [[], [null, "h1", "h2"], [null, 1, 2]] } });
    excel.setColumn("S", 1, 1048575, ["last"]);
    await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      const used = s.getUsedRange(true).load("address");
      const region = s.getRange("C2").getSurroundingRegion().load("address");
      const none = s.getRange("F1:G9").getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(used.address).toBe("S!B2:C1048576");
      expect(region.address).toBe("S!B2:C3");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("computes a range's used range within that range only, and counts format-only cells unless valuesOnly", async () => {
    const excel = new FakeExcel({
      sheets: {
        S: [
          ["a", null, null],
          [null, null, null],
          [null, null, "far"],
        ],
      },
    });
    excel.setNumberFormat("S", "B2", "0.00");
    await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      const values = s.getRange("B1:B3").getUsedRangeOrNullObject(true);
      const formats = s.getRange("B1:B3").getUsedRangeOrNullObject(false).load("address");
      const corner = s.getRange("A1:C3").getUsedRangeOrNullObject(true).load("address");
      await ctx.sync();
      expect(values.isNullObject).toBe(true);
      expect(formats.address).toBe("S!B2");
      expect(corner.address).toBe("S!A1:C3");
    });
  });
});
