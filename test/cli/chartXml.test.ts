/**
 * The chart part against the shape of ECMA-376 part 1 (§21.2, the chart schema's sequences, in the order Excel writes
 * them): every element's children must come in the schema's order, or Excel reports the workbook as damaged.
 */
import { chartDrawingXml, rangeRef, stackedColumnChartXml } from "../../src/cli/xlsx/chartXml";

/** The schema's child order for the elements written (names without the prefix). */
const SEQUENCES: Record<string, string[]> = {
  chartSpace: [
    "date1904",
    "lang",
    "roundedCorners",
    "AlternateContent",
    "style",
    "clrMapOvr",
    "pivotSource",
    "protection",
    "chart",
    "spPr",
    "txPr",
    "externalData",
    "printSettings",
    "userShapes",
    "extLst",
  ],
  chart: [
    "title",
    "autoTitleDeleted",
    "pivotFmts",
    "view3D",
    "floor",
    "sideWall",
    "backWall",
    "plotArea",
    "legend",
    "plotVisOnly",
    "dispBlanksAs",
    "showDLblsOverMax",
    "extLst",
  ],
  title: ["tx", "layout", "overlay", "spPr", "txPr", "extLst"],
  plotArea: ["layout", "barChart", "catAx", "valAx", "dTable", "spPr", "extLst"],
  barChart: ["barDir", "grouping", "varyColors", "ser", "dLbls", "gapWidth", "overlap", "serLines", "axId", "extLst"],
  ser: [
    "idx",
    "order",
    "tx",
    "spPr",
    "invertIfNegative",
    "pictureOptions",
    "dPt",
    "dLbls",
    "trendline",
    "errBars",
    "cat",
    "val",
    "shape",
    "extLst",
  ],
  catAx: [
    "axId",
    "scaling",
    "delete",
    "axPos",
    "majorGridlines",
    "minorGridlines",
    "title",
    "numFmt",
    "majorTickMark",
    "minorTickMark",
    "tickLblPos",
    "spPr",
    "txPr",
    "crossAx",
    "crosses",
    "crossesAt",
    "auto",
    "lblAlgn",
    "lblOffset",
    "tickLblSkip",
    "tickMarkSkip",
    "noMultiLvlLbl",
    "extLst",
  ],
  valAx: [
    "axId",
    "scaling",
    "delete",
    "axPos",
    "majorGridlines",
    "minorGridlines",
    "title",
    "numFmt",
    "majorTickMark",
    "minorTickMark",
    "tickLblPos",
    "spPr",
    "txPr",
    "crossAx",
    "crosses",
    "crossesAt",
    "crossBetween",
    "majorUnit",
    "minorUnit",
    "dispUnits",
    "extLst",
  ],
  legend: ["legendPos", "legendEntry", "layout", "overlay", "spPr", "txPr", "extLst"],
  strRef: ["f", "strCache", "extLst"],
  numRef: ["f", "numCache", "extLst"],
  numCache: ["formatCode", "ptCount", "pt", "extLst"],
  twoCellAnchor: ["from", "to", "sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart", "clientData"],
  from: ["col", "colOff", "row", "rowOff"],
  to: ["col", "colOff", "row", "rowOff"],
  graphicFrame: ["nvGraphicFramePr", "xfrm", "graphic", "extLst"],
};

/** Each element's children, by element name (the local name, without a prefix), in document order. */
function childrenByElement(xml: string): { name: string; children: string[] }[] {
  const out: { name: string; children: string[] }[] = [];
  const stack: { name: string; children: string[] }[] = [];
  for (const m of xml.matchAll(/<(\/?)(?:[\w]+:)?([\w]+)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (m[0].startsWith("<?")) continue;
    if (closing) {
      out.push(stack.pop()!);
      continue;
    }
    stack[stack.length - 1]?.children.push(name);
    const node = { name, children: [] as string[] };
    if (selfClosing) out.push(node);
    else stack.push(node);
  }
  return out;
}

function expectSchemaOrder(xml: string, elements: number): void {
  let checked = 0;
  for (const { name, children } of childrenByElement(xml)) {
    const sequence = SEQUENCES[name];
    if (!sequence) continue;
    const positions = children.map((c) => sequence.indexOf(c));
    expect([name, positions.every((p) => p >= 0)]).toEqual([name, true]);
    expect([name, positions]).toEqual([name, [...positions].sort((a, b) => a - b)]);
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(elements);
}

const chart = stackedColumnChartXml({
  title: "Customers per grade over time",
  lang: "en-US",
  categories: ["2025-01", "2025-02"],
  categoryCells: { sheet: "RFM Summary", row: 20, col: 0, rows: 2, cols: 1 },
  series: ["A", "B"].map((grade, k) => ({
    nameCell: { sheet: "RFM Summary", row: 19, col: 1 + k, rows: 1, cols: 1 },
    name: grade,
    values: [3, 4],
    valueCells: { sheet: "RFM Summary", row: 20, col: 1 + k, rows: 2, cols: 1 },
    fill: "C6EFCE",
  })),
});

describe("the stacked column chart part", () => {
  it("has every element's children in the schema's order", () => {
    expectSchemaOrder(chart, 15);
  });

  it("is well-formed: every element that opens closes, in order", () => {
    const stack: string[] = [];
    for (const m of chart.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
      if (m[0].startsWith("<?")) continue;
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else if (!m[3]) stack.push(m[2]);
    }
    expect(stack).toEqual([]);
  });

  it("refers to its ranges with the sheet name quoted, quotes doubled, and escapes text", () => {
    expect(rangeRef({ sheet: "RFM 汇总", row: 4, col: 0, rows: 24, cols: 1 })).toBe("'RFM 汇总'!$A$5:$A$28");
    expect(rangeRef({ sheet: "O'Brien", row: 0, col: 27, rows: 1, cols: 1 })).toBe("'O''Brien'!$AB$1");
    expect(
      stackedColumnChartXml({
        title: "A & B <1>",
        lang: "zh-CN",
        categories: ["x"],
        categoryCells: { sheet: "S", row: 0, col: 0, rows: 1, cols: 1 },
        series: [],
      }),
    ).toContain("<a:t>A &amp; B &lt;1&gt;</a:t>");
  });
});

describe("the drawing part", () => {
  it("anchors one chart between two cells, in the schema's order", () => {
    const drawing = chartDrawingXml({ fromCol: 7, fromRow: 2, toCol: 17, toRow: 24 }, "Chart");
    expectSchemaOrder(drawing, 4);
    expect(drawing).toContain(
      "<xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>",
    );
    expect(drawing).toContain(
      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>',
    );
  });
});
