import { detectColumns, parseProfile } from "../../../src/engine";
import { locateSource } from "../../../src/excel";
import { FlowError } from "../../../src/taskpane/gradingFlow";
import { createSelectionPreview } from "../../../src/taskpane/profiles/selectionPreview";
import { FakeExcel } from "../../excel/fake";
import { eastRegionDocument } from "../../fixtures/eastRegionProfile";

// The rules are in test/fixtures/eastRegionProfile.ts; default analysis date 2025-07-01.
const EAST = parseProfile({ ...eastRegionDocument(), asOf: "2025-07-01" });

// K1 4.25 B; K2 4.75 A; K3 1.5 D; K4 2 C (see test/functions/workbookProfiles.test.ts for the working).
const ROWS = [
  ["K1", 45834, 8, 30000],
  ["K2", 45829, 13, 60000],
  ["K3", 45794, 2, 1000],
  ["K4", 45794, 2, 3000],
];

function counts(summary: { gradeCounts: { grade: string; count: number }[] }): string {
  return summary.gradeCounts.map((g) => `${g.grade}${g.count}`).join(" ");
}

test("grades the selected table with the profile being edited, and writes nothing", async () => {
  const sheet = [["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额"], ...ROWS];
  const excel = new FakeExcel({ sheets: { Sales: sheet }, selection: "Sales!B2" });
  const preview = createSelectionPreview((batch) => excel.run(batch), "2026-11-23");
  const summary = await preview(EAST);
  expect([summary.graded, summary.rows, summary.asOf, counts(summary)]).toEqual([4, 4, "2025-07-01", "A1 B1 C1 D1"]);
  expect(excel.read("Sales")).toEqual(sheet);
  expect(excel.stats.every((s) => s.cellsWritten === 0)).toBe(true);
});

test("uses the pane's view of the data: a column mapped by hand, amounts in 万元, its analysis date", async () => {
  // The total is under a header nobody recognises, and written in 万元 (3 万元 = 30000 yuan).
  const sheet = [
    ["客户编号", "最近下单时间", "历史购买总次数", "累计（万元）"],
    ["K1", 45834, 8, 3],
    ["K2", 45829, 13, 6],
    ["K3", 45794, 2, 0.1],
    ["K4", 45794, 2, 0.3],
  ];
  const excel = new FakeExcel({ sheets: { Sales: sheet }, selection: "Sales!A1" });
  const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => excel.run(batch);
  const source = await run((ctx) => locateSource(ctx));
  const detection = detectColumns(source.headers, { total: 3 });
  const withoutDefault = { ...EAST, asOf: undefined };
  const preview = createSelectionPreview(run, "2026-11-23", () => ({
    source,
    date1904: false,
    detection,
    unit: "wan",
    asOf: "2025-07-01",
  }));
  const summary = await preview(withoutDefault);
  expect([summary.graded, summary.unit, summary.asOf, counts(summary)]).toEqual([
    4,
    "wan",
    "2025-07-01",
    "A1 B1 C1 D1",
  ]);
});

test("a table with no data rows, or a column it cannot find, is the flow's error", async () => {
  const headerOnly = new FakeExcel({
    sheets: { Sales: [["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额"]] },
  });
  await expect(createSelectionPreview((b) => headerOnly.run(b), "2026-11-23")(EAST)).rejects.toMatchObject({
    code: "noRows",
  });
  const noTotal = new FakeExcel({
    sheets: {
      Sales: [
        ["客户编号", "最近下单时间", "历史购买总次数", "备注"],
        ["K1", 45834, 8, "x"],
      ],
    },
  });
  const err = await createSelectionPreview((b) => noTotal.run(b), "2026-11-23")(EAST).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FlowError);
  expect(err).toMatchObject({ code: "missingColumns", roles: ["total"] });
});
