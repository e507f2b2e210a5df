import type { SourceTable } from "../../src/excel";
import { isSameTable } from "../../src/taskpane/sameTable";

const HEADERS = ["客户编号", "下单时间", "历史购买总次数", "历史购买总金额（万元）"];
const OUTPUT = ["R Score", "F Score", "M Score", "RFM Score", "Grade", "Cadence", "Note"];

function table(address: string, headers: string[], over: Partial<SourceTable> = {}): SourceTable {
  return {
    sheetName: "Sales",
    address,
    headerRow: 0,
    firstColumn: 0,
    rowCount: 4,
    columnCount: headers.length,
    headers,
    ...over,
  };
}

describe("is the table under the selection still the one shown?", () => {
  const shown = table("Sales!A1:D5", HEADERS);

  it("the same range with the same headers is the same table", () => {
    expect(isSameTable(shown, table("Sales!A1:D5", HEADERS))).toBe(true);
  });

  it("the same table grown by the add-in's own result block (7 columns, or with Next contact by and the change columns) is the same table", () => {
    expect(isSameTable(shown, table("Sales!A1:K5", [...HEADERS, ...OUTPUT]))).toBe(true);
    expect(
      isSameTable(shown, table("Sales!A1:N5", [...HEADERS, ...OUTPUT, "Next contact by", "Previous grade", "Change"])),
    ).toBe(true);
  });

  it("anything else is a new selection to show first", () => {
    // A user's column after the block, a block not right of the table, other rows, another sheet, other headers.
    expect(isSameTable(shown, table("Sales!A1:L5", [...HEADERS, ...OUTPUT, "Memo"]))).toBe(false);
    expect(isSameTable(shown, table("Sales!A1:L5", [...HEADERS, "Memo", ...OUTPUT]))).toBe(false);
    expect(isSameTable(shown, table("Sales!A1:K6", [...HEADERS, ...OUTPUT], { rowCount: 5 }))).toBe(false);
    expect(isSameTable(shown, table("Other!A1:K5", [...HEADERS, ...OUTPUT], { sheetName: "Other" }))).toBe(false);
    expect(isSameTable(shown, table("Sales!A1:K5", ["客户", ...HEADERS.slice(1), ...OUTPUT]))).toBe(false);
    expect(isSameTable(shown, table("Sales!A1:D5", ["客户", ...HEADERS.slice(1)]))).toBe(false);
    expect(isSameTable(shown, table("Sales!G1:J5", HEADERS, { firstColumn: 6 }))).toBe(false);
  });
});
