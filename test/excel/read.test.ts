import { isDate1904, MAX_CHUNK_ROWS, readColumns, type SourceTable } from "../../src/excel";
import { FakeExcel, FIVE_MB, READ_CELL_LIMIT } from "./fake";

function tallSource(rows: number): SourceTable {
  return {
    sheetName: "Data",
    address: `Data!A1:D${rows + 1}`,
    headerRow: 0,
    firstColumn: 0,
    rowCount: rows,
    columnCount: 4,
    headers: ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额"],
  };
}

function tallSheet(rows: number, idText = (i: number) => `C${i}`): FakeExcel {
  const excel = new FakeExcel({ sheets: { Data: [tallSource(0).headers] } });
  excel.setColumn(
    "Data",
    0,
    1,
    Array.from({ length: rows }, (_, i) => idText(i)),
  );
  excel.setColumn(
    "Data",
    1,
    1,
    Array.from({ length: rows }, (_, i) => 45000 + (i % 400)),
  );
  excel.setColumn(
    "Data",
    2,
    1,
    Array.from({ length: rows }, (_, i) => 1 + (i % 20)),
  );
  excel.setColumn(
    "Data",
    3,
    1,
    Array.from({ length: rows }, (_, i) => (i % 97) / 10),
  );
  return excel;
}

describe("readColumns", () => {
  it("returns the requested columns, data rows only, in the requested order", async () => {
    const excel = new FakeExcel({
      sheets: {
        S: [[], [null, "id", "x", "date", "count"], [null, "a", "skip", 45000, 3], [null, "b", "skip", "#N/A", ""]],
      },
    });
    const source: SourceTable = {
      sheetName: "S",
      address: "S!B2:E4",
      headerRow: 1,
      firstColumn: 1,
      rowCount: 2,
      columnCount: 4,
      headers: ["id", "x", "date", "count"],
    };
    const cols = await excel.run((ctx) => readColumns(ctx, source, [3, 0, 2]));
    expect(cols).toEqual([
      [3, ""],
      ["a", "b"],
      [45000, "#N/A"],
    ]);
  });

  it("reads a tall range in chunks of at most 20,000 rows, each response well under 5 MB", async () => {
    const rows = 100_000;
    const excel = tallSheet(rows);
    const progress: number[] = [];
    const cols = await excel.run((ctx) =>
      readColumns(ctx, tallSource(rows), [0, 1, 2, 3], { onProgress: (done) => progress.push(done) }),
    );
    expect(cols[0][99_999]).toBe("C99999");
    expect(cols[3][96]).toBe(9.6);
    expect(excel.stats.length).toBeGreaterThanOrEqual(rows / MAX_CHUNK_ROWS);
    expect(excel.stats.length).toBeLessThan(30);
    expect(Math.max(...excel.stats.map((s) => s.responseBytes))).toBeLessThan(FIVE_MB / 2);
    expect(Math.max(...excel.stats.map((s) => s.cellsRead))).toBeLessThan(READ_CELL_LIMIT);
    expect(progress[progress.length - 1]).toBe(rows);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("makes chunks smaller when the cells are long texts, so responses stay under the limit", async () => {
    const rows = 20_000;
    const longId = (i: number) => `客户${i}`.padEnd(300, "名");
    const excel = tallSheet(rows, longId);
    const cols = await excel.run((ctx) => readColumns(ctx, tallSource(rows), [0, 2]));
    expect(cols[0][19_999]).toBe(longId(19_999));
    expect(Math.max(...excel.stats.map((s) => s.responseBytes))).toBeLessThan(FIVE_MB);
    expect(excel.stats.length).toBeGreaterThan(2);
  });

  it("retries a chunk Excel refuses as too large with fewer rows", async () => {
    const rows = 2_000;
    const limit = 20_000;
    const excel = new FakeExcel({ sheets: { Data: [tallSource(0).headers] }, payloadLimit: limit });
    const id = (i: number) => `C${i}`.padEnd(40, "x");
    excel.setColumn(
      "Data",
      0,
      1,
      Array.from({ length: rows }, (_, i) => id(i)),
    );
    const [ids] = await excel.run((ctx) => readColumns(ctx, tallSource(rows), [0]));
    expect(ids).toEqual(Array.from({ length: rows }, (_, i) => id(i)));
    const refused = excel.stats.filter((s) => s.responseBytes > limit).length;
    expect(refused).toBeGreaterThan(0);
    // Once refused, later chunks stay small: only the first chunk's attempts fail.
    expect(refused).toBeLessThanOrEqual(2);
  });

  it("stops at the next chunk when cancelled", async () => {
    const excel = tallSheet(60_000);
    const abort = new AbortController();
    excel.onSync((n) => n === 2 && abort.abort());
    await expect(
      excel.run((ctx) => readColumns(ctx, tallSource(60_000), [0], { signal: abort.signal })),
    ).rejects.toMatchObject({ code: "cancelled" });
    expect(excel.stats.length).toBe(2);
  });

  it("refuses a column outside the source", async () => {
    const excel = tallSheet(3);
    await expect(excel.run((ctx) => readColumns(ctx, tallSource(3), [4]))).rejects.toThrow(RangeError);
  });
});

describe("isDate1904", () => {
  it("tells the two date systems apart", async () => {
    expect(await new FakeExcel().run((ctx) => isDate1904(ctx))).toBe(false);
    expect(await new FakeExcel({ date1904: true }).run((ctx) => isDate1904(ctx))).toBe(true);
  });
});
