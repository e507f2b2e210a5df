import { outputHeaders, resultHeaders } from "../../src/engine";
import {
  ExcelAdapterError,
  gradeFill,
  MAX_CHUNK_ROWS,
  locateSource,
  planCustomerOutput,
  writeCustomerOutput,
  type CustomerWriteOptions,
  type OutputCell,
  type SourceTable,
} from "../../src/excel";
import { FakeExcel, FIVE_MB } from "./fake";

const INPUT = [
  ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额"],
  ["C1", 45800, 20, 9],
  ["C2", 45700, 3, 2],
  ["C3", "not a date", 4, 1],
];
const GRADES = ["A", "B", "C"];

/** Output as the task pane would build it: header row, then R, F, M, X, grade, cadence, note per row. */
function output(lang: "en" | "zh" = "en"): OutputCell[][] {
  return [
    outputHeaders(lang),
    [5, 5, 5, 6.5, "A", "1–2 contacts per month", null],
    [1, 2, 2, 2.3, "C", "1–2 contacts per half-year", '=HYPERLINK("http://x")'],
    [null, null, null, null, null, null, "Row 4, column “最近下单时间”: last order date is not a date (not a date)"],
  ];
}

/**
 * The same rows with the extra columns: next contact by (as-of 2026-01-31: A + 1 month = 2026-02-28 = 46081,
 * C + 6 months = 2026-07-31 = 46234), previous grade, change, and the next-grade order (none for A).
 */
function wideOutput(lang: "en" | "zh" = "en"): OutputCell[][] {
  const extra: OutputCell[][] = [
    [46081, "B", "↑", null],
    [46234, "C", "=", 0.000001],
    [null, "C", "gone", null],
  ];
  return [
    resultHeaders(lang, { contactPeriods: true, previousGrading: true }),
    ...output(lang)
      .slice(1)
      .map((row, i) => [...row, ...extra[i]]),
  ];
}

const opts = (mode: CustomerWriteOptions["mode"], extra: Partial<CustomerWriteOptions> = {}): CustomerWriteOptions => ({
  mode,
  lang: "en",
  grades: GRADES,
  ...extra,
});

/** The input table selected as A1:D4 (a single cell would grow over any value placed right next to it). */
async function setup(rows: unknown[][] = INPUT): Promise<{ excel: FakeExcel; source: SourceTable }> {
  const excel = new FakeExcel({ sheets: { Sales: rows }, selection: "Sales!A1:D4" });
  const source = await excel.run((ctx) => locateSource(ctx));
  return { excel, source };
}

describe("planCustomerOutput", () => {
  it("puts the 7 columns directly right of the table: empty there means 'empty'", async () => {
    const { excel, source } = await setup();
    expect(await excel.run((ctx) => planCustomerOutput(ctx, source))).toEqual({
      address: "Sales!E1:K4",
      status: "empty",
    });
  });

  it("recognises the add-in's own output in either language as 'ownOutput'", async () => {
    for (const lang of ["en", "zh"] as const) {
      const rows = INPUT.map((r, i) => [...r, null, ...(i === 0 ? outputHeaders(lang) : ["x"])]);
      const excel = new FakeExcel({ sheets: { Sales: rows } });
      const source: SourceTable = {
        sheetName: "Sales",
        address: "Sales!A1:D4",
        headerRow: 0,
        firstColumn: 0,
        rowCount: 3,
        columnCount: 4,
        headers: INPUT[0] as string[],
      };
      // The own headers sit one column further right than the plan's target here, so this is someone else's data.
      expect((await excel.run((ctx) => planCustomerOutput(ctx, source))).status).toBe("occupied");
      const adjacent = INPUT.map((r, i) => [...r, ...(i === 0 ? outputHeaders(lang) : [1, 1, 1, 1, "C", "c", ""])]);
      const excel2 = new FakeExcel({ sheets: { Sales: adjacent } });
      expect((await excel2.run((ctx) => planCustomerOutput(ctx, source))).status).toBe("ownOutput");
    }
  });

  it("calls any other value or formula in the target 'occupied'", async () => {
    const { excel, source } = await setup(
      INPUT.map((r, i) => (i === 3 ? [...r, null, null, null, null, null, null, "my note"] : r)),
    );
    expect((await excel.run((ctx) => planCustomerOutput(ctx, source))).status).toBe("occupied");
    const second = await setup();
    second.excel.setFormula("Sales", "F3", "=1+1", 2);
    expect((await second.excel.run((ctx) => planCustomerOutput(ctx, second.source))).status).toBe("occupied");
  });

  it("ignores what lies outside the target rows, such as a total below the table", async () => {
    const rows: unknown[][] = [...INPUT, [], ["Total", null, null, null, null, null, null, 1234]];
    const { excel, source } = await setup(rows);
    expect((await excel.run((ctx) => planCustomerOutput(ctx, source))).status).toBe("empty");
  });

  it("finds the own output columns inside the source when an Excel table grew over them", async () => {
    const rows = INPUT.map((r, i) => [...r, ...(i === 0 ? outputHeaders("zh") : [1, 1, 1, 1, "C", "c", ""])]);
    const excel = new FakeExcel({
      sheets: { Sales: rows },
      tables: [{ name: "T", sheet: "Sales", address: "A1:K4" }],
      selection: "Sales!B2",
    });
    const source = await excel.run((ctx) => locateSource(ctx));
    expect(source.columnCount).toBe(11);
    expect(await excel.run((ctx) => planCustomerOutput(ctx, source))).toEqual({
      address: "Sales!E1:K4",
      status: "ownOutput",
    });
  });
});

describe("the extra result columns (next contact by, previous grade, change)", () => {
  it("plans and writes all eleven right of the table, the next contact as a date cell", async () => {
    const { excel, source } = await setup();
    expect(await excel.run((ctx) => planCustomerOutput(ctx, source, 11))).toEqual({
      address: "Sales!E1:O4",
      status: "empty",
    });
    const res = await excel.run((ctx) =>
      writeCustomerOutput(
        ctx,
        source,
        wideOutput(),
        4,
        opts("inPlace", { columnFormats: [null, null, null, null, null, null, null, "yyyy-mm-dd"] }),
      ),
    );
    expect(res).toEqual({ sheetName: "Sales", address: "Sales!E1:O4" });
    expect(excel.read("Sales", "L1:O4")).toEqual([
      ["Next contact by", "Previous grade", "Change", "Next grade with one order of"],
      [46081, "B", "↑", ""],
      [46234, "C", "=", 0.000001],
      ["", "C", "gone", ""],
    ]);
    expect(excel.numberFormats("Sales", "L2:L4").flat()).toEqual(["yyyy-mm-dd", "yyyy-mm-dd", "yyyy-mm-dd"]);
    expect(excel.bold("Sales", "E1:O1")[0].every(Boolean)).toBe(true);
  });

  it("recognises an older seven-column output as its own and extends it in place when the columns beside it are empty", async () => {
    const older = INPUT.map((r, i) => [...r, ...(i === 0 ? outputHeaders("zh") : [1, 1, 1, 1, "C", "c", ""])]);
    const { excel, source } = await setup(older);
    expect(await excel.run((ctx) => planCustomerOutput(ctx, source, 11))).toEqual({
      address: "Sales!E1:O4",
      status: "ownOutput",
    });
    await excel.run((ctx) => writeCustomerOutput(ctx, source, wideOutput("zh"), 4, opts("inPlace", { lang: "zh" })));
    expect(excel.read("Sales", "L1:O1")).toEqual([["下次沟通日期", "上一次等级", "变化", "升级所需单笔订单"]]);
    expect(excel.read("Sales", "E2:N2")).toEqual([[5, 5, 5, 6.5, "A", "1–2 contacts per month", "", 46081, "B", "↑"]]);
  });

  it("calls the columns an older output would grow into 'occupied' when the user has something there, and refuses in place", async () => {
    const older = INPUT.map((r, i) => [
      ...r,
      ...(i === 0 ? outputHeaders("en") : [1, 1, 1, 1, "C", "c", ""]),
      ...(i === 2 ? [null, null, "memo"] : []),
    ]);
    const { excel, source } = await setup(older);
    expect(await excel.run((ctx) => planCustomerOutput(ctx, source, 11))).toEqual({
      address: "Sales!E1:O4",
      status: "occupied",
    });
    // The seven alone still fit on its own columns.
    expect((await excel.run((ctx) => planCustomerOutput(ctx, source))).status).toBe("ownOutput");
    const before = excel.read("Sales");
    await expect(
      excel.run((ctx) => writeCustomerOutput(ctx, source, wideOutput(), 4, opts("inPlace"))),
    ).rejects.toMatchObject({ code: "targetOccupied" });
    expect(excel.read("Sales")).toEqual(before);
  });

  it("clears the extra columns of an earlier, wider output that this grading does not write", async () => {
    const { excel, source } = await setup();
    await excel.run((ctx) => writeCustomerOutput(ctx, source, wideOutput(), 4, opts("inPlace")));
    const narrower = wideOutput().map((row) => row.slice(0, 8));
    expect(await excel.run((ctx) => planCustomerOutput(ctx, source, 8))).toEqual({
      address: "Sales!E1:O4",
      status: "ownOutput",
    });
    const res = await excel.run((ctx) => writeCustomerOutput(ctx, source, narrower, 4, opts("inPlace")));
    expect(res.address).toBe("Sales!E1:L4");
    expect(excel.read("Sales", "L1:L2")).toEqual([["Next contact by"], [46081]]);
    expect(excel.usedAddress("Sales")).toBe("Sales!A1:L4");
  });

  it("does not take a user's column titled like an extra one, one column away from the output, for its own", async () => {
    const rows = INPUT.map((r, i) => [
      ...r,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      i === 0 ? "Change" : "mine",
    ]);
    const { excel, source } = await setup(rows);
    expect(await excel.run((ctx) => planCustomerOutput(ctx, source, 10))).toEqual({
      address: "Sales!E1:N4",
      status: "occupied",
    });
  });

  it("an error part-way puts back the user's cells under the extra columns too", async () => {
    const rows = INPUT.map((r, i) => [
      ...r,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      i === 0 ? "Memo" : `keep ${i}`,
    ]);
    const { excel, source } = await setup(rows);
    excel.setNumberFormat("Sales", "M2:M4", "0.00%");
    const before = { values: excel.read("Sales"), formats: excel.numberFormats("Sales", "A1:N4") };
    let syncs = 0;
    const probe = await setup(rows);
    probe.excel.onSync(() => syncs++);
    await probe.excel.run((ctx) => writeCustomerOutput(ctx, probe.source, wideOutput(), 4, opts("overwrite")));
    expect(probe.excel.read("Sales", "M2")).toEqual([["B"]]);
    excel.failAtSync(syncs);
    await expect(
      excel.run((ctx) => writeCustomerOutput(ctx, source, wideOutput(), 4, opts("overwrite"))),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(excel.read("Sales")).toEqual(before.values);
    expect(excel.numberFormats("Sales", "A1:N4")).toEqual(before.formats);
  });

  it("refuses fewer than the seven or more than the eleven result columns", async () => {
    const { excel, source } = await setup();
    const tooWide = wideOutput().map((row) => [...row, null]);
    await expect(
      excel.run((ctx) => writeCustomerOutput(ctx, source, tooWide, 4, opts("inPlace"))),
    ).rejects.toMatchObject({ code: "sizeMismatch" });
    const tooNarrow = output().map((row) => row.slice(0, 6));
    await expect(
      excel.run((ctx) => writeCustomerOutput(ctx, source, tooNarrow, 4, opts("inPlace"))),
    ).rejects.toMatchObject({ code: "sizeMismatch" });
  });
});

describe("writeCustomerOutput", () => {
  it("writes values right of the table, text as text, a bold header and grade colours", async () => {
    const { excel, source } = await setup();
    const res = await excel.run((ctx) => writeCustomerOutput(ctx, source, output(), 4, opts("inPlace")));
    expect(res).toEqual({ sheetName: "Sales", address: "Sales!E1:K4" });
    const sheet = excel.read("Sales");
    expect(sheet[0].slice(4)).toEqual(outputHeaders("en"));
    expect(sheet[1].slice(4)).toEqual([5, 5, 5, 6.5, "A", "1–2 contacts per month", ""]);
    expect(sheet[2].slice(4, 9)).toEqual([1, 2, 2, 2.3, "C"]);
    expect(sheet[2][10]).toBe('=HYPERLINK("http://x")');
    expect(excel.readFormulas("Sales", "K3")).toEqual([['=HYPERLINK("http://x")']]);
    expect(sheet[3].slice(4, 9)).toEqual(["", "", "", "", ""]);
    expect(sheet.map((r) => r.slice(0, 4))).toEqual(INPUT);
    expect(excel.bold("Sales", "E1:K1")[0].every(Boolean)).toBe(true);
    expect(excel.bold("Sales", "E2")[0][0]).toBe(false);
    expect(excel.fills("Sales", "I2:I4").map((r) => r[0])).toEqual([gradeFill(0), gradeFill(2), null]);
    expect(excel.mergedAreas("Sales")).toEqual([]);
    expect(
      excel
        .numberFormats("Sales", "E2:H4")
        .flat()
        .every((f) => f === "General"),
    ).toBe(true);
  });

  it("resets number formats that empty target cells carried, so a score never shows as a date or a percentage", async () => {
    const { excel, source } = await setup();
    excel.setNumberFormat("Sales", "E2:H4", "yyyy-mm-dd");
    expect((await excel.run((ctx) => planCustomerOutput(ctx, source))).status).toBe("empty");
    await excel.run((ctx) => writeCustomerOutput(ctx, source, output(), 4, opts("inPlace")));
    expect(
      excel
        .numberFormats("Sales", "E2:H4")
        .flat()
        .every((f) => f === "General"),
    ).toBe(true);
  });

  it("updates its own earlier output in place: old scores of a row now ungraded are cleared, no colour rules pile up", async () => {
    const { excel, source } = await setup();
    await excel.run((ctx) => writeCustomerOutput(ctx, source, output("en"), 4, opts("inPlace")));
    const again = output("zh");
    again[1] = [null, null, null, null, null, null, "不再评分"];
    expect((await excel.run((ctx) => planCustomerOutput(ctx, source))).status).toBe("ownOutput");
    await excel.run((ctx) => writeCustomerOutput(ctx, source, again, 4, opts("inPlace", { lang: "zh" })));
    const sheet = excel.read("Sales");
    expect(sheet[0].slice(4)).toEqual(outputHeaders("zh"));
    expect(sheet[1].slice(4)).toEqual(["", "", "", "", "", "", "不再评分"]);
    expect(excel.fills("Sales", "I2:I3").map((r) => r[0])).toEqual([null, gradeFill(2)]);
    expect(excel.conditionalFormatCount("Sales")).toBe(GRADES.length);
  });

  it("refuses to write in place over cells that are not its own, leaving them untouched", async () => {
    const rows = INPUT.map((r, i) => (i === 2 ? [...r, "keep me"] : r));
    const { excel, source } = await setup(rows);
    const err = await excel
      .run((ctx) => writeCustomerOutput(ctx, source, output(), 4, opts("inPlace")))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelAdapterError);
    expect(err).toMatchObject({ code: "targetOccupied" });
    expect(excel.read("Sales")).toEqual(rows.map((r) => [...r, ...new Array(5 - r.length).fill("")]));
  });

  it("overwrites when the user said so", async () => {
    const rows = INPUT.map((r, i) => (i === 2 ? [...r, "old"] : r));
    const { excel, source } = await setup(rows);
    await excel.run((ctx) => writeCustomerOutput(ctx, source, output(), 4, opts("overwrite")));
    expect(excel.read("Sales")[2].slice(4, 9)).toEqual([1, 2, 2, 2.3, "C"]);
  });

  it("writes to a new sheet at the same rows when asked, leaving the source sheet as it was", async () => {
    const rows: unknown[][] = [["Report"], [], ...INPUT.map((r, i) => (i === 1 ? [...r, "occupied"] : r))];
    const excel = new FakeExcel({ sheets: { Sales: rows }, selection: "Sales!A3:D6" });
    const source = await excel.run((ctx) => locateSource(ctx));
    const before = excel.read("Sales");
    const res = await excel.run((ctx) => writeCustomerOutput(ctx, source, output(), 4, opts("newSheet")));
    expect(res).toEqual({ sheetName: "Sales RFM", address: "'Sales RFM'!A3:G6" });
    expect(excel.read("Sales")).toEqual(before);
    const out = excel.read("Sales RFM");
    expect(out[2]).toEqual(outputHeaders("en"));
    expect(out[3].slice(0, 5)).toEqual([5, 5, 5, 6.5, "A"]);
    expect(excel.fills("Sales RFM", "E4")[0][0]).toBe(gradeFill(0));
  });

  it("refuses output that does not match the source's rows", async () => {
    const { excel, source } = await setup();
    await expect(
      excel.run((ctx) => writeCustomerOutput(ctx, source, output().slice(0, 3), 4, opts("inPlace"))),
    ).rejects.toMatchObject({ code: "sizeMismatch" });
  });
});

describe("writing all-or-nothing", () => {
  /** A tall table whose output area already holds the user's values, formulas, text "00123" and a number format. */
  async function occupiedTall(rows: number) {
    const excel = new FakeExcel({ sheets: { Sales: [INPUT[0]] }, selection: "Sales!A1" });
    excel.setColumn(
      "Sales",
      0,
      1,
      Array.from({ length: rows }, (_, i) => `C${i}`),
    );
    excel.setColumn(
      "Sales",
      1,
      1,
      Array.from({ length: rows }, () => 45800),
    );
    excel.setColumn(
      "Sales",
      2,
      1,
      Array.from({ length: rows }, () => 3),
    );
    excel.setColumn(
      "Sales",
      3,
      1,
      Array.from({ length: rows }, () => 2),
    );
    excel.setColumn(
      "Sales",
      5,
      1,
      Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? "00123" : i)),
    );
    excel.setFormula("Sales", "G2", "=F3*2", 2);
    excel.setNumberFormat("Sales", "F2:F10", "0.00%");
    const source = await excel.run((ctx) => locateSource(ctx));
    const values: OutputCell[][] = [
      outputHeaders("en"),
      ...Array.from({ length: rows }, (): OutputCell[] => [3, 2, 1, 2.3, "C", "cadence", "note"]),
    ];
    const before = {
      values: excel.read("Sales"),
      formulas: excel.readFormulas("Sales"),
      formats: excel.numberFormats("Sales", "A1:K12"),
    };
    return { excel, source, values, before };
  }

  /** The first row that differs (a readable failure instead of a diff of 100,000 rows), or null. */
  function firstDifference(
    got: unknown[][],
    want: unknown[][],
  ): { row: number; got: unknown[]; want: unknown[] } | null {
    for (let i = 0; i < Math.max(got.length, want.length); i++) {
      if (JSON.stringify(got[i]) !== JSON.stringify(want[i])) return { row: i, got: got[i], want: want[i] };
    }
    return null;
  }

  function expectUnchanged(
    excel: FakeExcel,
    before: { values: unknown[][]; formulas: unknown[][]; formats: string[][] },
  ): void {
    expect(firstDifference(excel.read("Sales"), before.values)).toBeNull();
    expect(firstDifference(excel.readFormulas("Sales"), before.formulas)).toBeNull();
    expect(excel.numberFormats("Sales", "A1:K12")).toEqual(before.formats);
    expect(excel.sheetNames()).toEqual(["Sales"]);
  }

  it("writes a tall output in several chunks, calculation suspended, every request well under 5 MB", async () => {
    const { excel, source, values } = await occupiedTall(25_000);
    excel.resetStats();
    await excel.run((ctx) => writeCustomerOutput(ctx, source, values, 4, opts("overwrite")));
    const writes = excel.stats.filter((s) => s.cellsWritten > 0);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.every((s) => s.cellsWritten <= MAX_CHUNK_ROWS * 7)).toBe(true);
    expect(writes.every((s) => s.calculationSuspended)).toBe(true);
    expect(Math.max(...excel.stats.map((s) => s.requestBytes))).toBeLessThan(FIVE_MB / 2);
    expect(Math.max(...excel.stats.map((s) => s.responseBytes))).toBeLessThan(FIVE_MB / 2);
    expect(excel.read("Sales", "E25001:K25001")).toEqual([[3, 2, 1, 2.3, "C", "cadence", "note"]]);
    expect(excel.numberFormats("Sales", "F2:F3")).toEqual([["General"], ["General"]]);
  });

  it("an error part-way (in the last chunk of values, or in the formats) puts back values, formulas, text and number formats", async () => {
    const { excel, source, values, before } = await occupiedTall(25_000);
    expect(before.values[1][5]).toBe("00123");
    // Syncs: plan, snapshot (used range, then reads), value chunks, formats last.
    let syncs = 0;
    excel.onSync(() => syncs++);
    await excel.run((ctx) => writeCustomerOutput(ctx, source, values, 4, opts("overwrite")));
    const valueSyncs = excel.stats.filter((s) => s.cellsWritten > 0).length;
    expect(valueSyncs).toBeGreaterThanOrEqual(2);
    for (const failing of [syncs - 1, syncs]) {
      const fresh = await occupiedTall(25_000);
      fresh.excel.failAtSync(failing);
      await expect(
        fresh.excel.run((ctx) => writeCustomerOutput(ctx, fresh.source, fresh.values, 4, opts("overwrite"))),
      ).rejects.toMatchObject({ code: "GeneralException" });
      expectUnchanged(fresh.excel, fresh.before);
    }
  });

  it("reports progress over the snapshot and the writing, rising to the total", async () => {
    const { excel, source, values } = await occupiedTall(25_000);
    const seen: [number, number][] = [];
    await excel.run((ctx) =>
      writeCustomerOutput(ctx, source, values, 4, opts("overwrite", { onProgress: (d, t) => seen.push([d, t]) })),
    );
    const total = seen[0][1];
    // The snapshot covers the 25,000 rows that hold something (F2:G25001), the writing the header and 25,000 rows.
    expect(total).toBe(25_000 + 25_001);
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    expect(seen[seen.length - 1][0]).toBe(total);
    expect(seen.some(([d]) => d === 25_000)).toBe(true);
  });

  it("a cancel part-way leaves the sheet as it was", async () => {
    const { excel, source, values, before } = await occupiedTall(25_000);
    const abort = new AbortController();
    // Cancel right after the first chunk of output has gone out.
    excel.onSync(() => excel.stats[excel.stats.length - 1].cellsWritten > 0 && abort.abort());
    await expect(
      excel.run((ctx) => writeCustomerOutput(ctx, source, values, 4, opts("overwrite", { signal: abort.signal }))),
    ).rejects.toMatchObject({ code: "cancelled" });
    expectUnchanged(excel, before);
  });

  it("says so plainly when putting the old contents back fails too", async () => {
    const { excel, source, values } = await occupiedTall(100);
    let failures = 0;
    excel.onSync(() => {
      const last = excel.stats[excel.stats.length - 1];
      // The first write fails, and so does everything after it (Excel has gone away).
      if (last.cellsWritten > 0 || failures > 0) {
        failures++;
        throw Object.assign(new Error("connection lost"), { code: "GeneralException" });
      }
    });
    const err = await excel
      .run((ctx) => writeCustomerOutput(ctx, source, values, 4, opts("overwrite")))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelAdapterError);
    expect(err).toMatchObject({ code: "restoreFailed", cause: { message: "connection lost" } });
    expect((err as ExcelAdapterError).text.zh).toMatch(/恢复/);
  });

  it("an error on a new sheet deletes the sheet", async () => {
    const { excel, source, values, before } = await occupiedTall(25_000);
    excel.failAtSync(4);
    await expect(
      excel.run((ctx) => writeCustomerOutput(ctx, source, values, 4, opts("newSheet"))),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expectUnchanged(excel, before);
  });
});
