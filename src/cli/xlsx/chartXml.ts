/**
 * A native Excel chart as DrawingML (ECMA-376 part 1, §21.2 charts and §20.5 spreadsheet drawing): a stacked column
 * chart whose categories and series are ranges of a sheet, with the values cached in the chart as Excel writes them
 * (a viewer that does not recalculate shows them as they are). Three parts make a chart: the chart itself, a drawing
 * that anchors it over cells, and the relationships from the sheet to the drawing and from the drawing to the chart.
 */
import { columnLetters } from "../../engine";
import { PKG_REL_NS, REL_NS, XML_HEAD, xmlText } from "./sheetXml";

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** A block of cells of one sheet, 0-based. */
export interface CellRange {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface ColumnSeries {
  /** The cell holding the series' name, and the name. */
  nameCell: CellRange;
  name: string;
  /** The series' values, one per category, and the cells holding them. */
  values: readonly number[];
  valueCells: CellRange;
  /** Fill colour, RGB hex without "#". */
  fill: string;
}

export interface StackedColumnChart {
  title: string;
  /** A language tag for the chart's text ("en-US", "zh-CN"). */
  lang: string;
  categories: readonly string[];
  categoryCells: CellRange;
  series: readonly ColumnSeries[];
}

/** An absolute reference to a range: 'RFM Summary'!$A$5:$A$28 (the sheet name always quoted, quotes doubled). */
export function rangeRef(r: CellRange): string {
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const from = cell(r.row, r.col),
    to = cell(r.row + r.rows - 1, r.col + r.cols - 1);
  return `'${r.sheet.replace(/'/g, "''")}'!${from}${from === to ? "" : `:${to}`}`;
}

const AXIS_CATEGORIES = 500100;
const AXIS_VALUES = 500200;

function strCache(values: readonly string[]): string {
  return (
    `<c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((v, k) => `<c:pt idx="${k}"><c:v>${xmlText(v)}</c:v></c:pt>`).join("") +
    `</c:strCache>`
  );
}

function numCache(values: readonly number[]): string {
  return (
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, k) => `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`).join("") +
    `</c:numCache>`
  );
}

function text(value: string, lang: string, size: number, bold: boolean): string {
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="${lang}" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlText(value)}</a:t></a:r></a:p></c:rich>`
  );
}

/** The chart part (xl/charts/chartN.xml). */
export function stackedColumnChartXml(chart: StackedColumnChart): string {
  const categories = `<c:cat><c:strRef><c:f>${xmlText(rangeRef(chart.categoryCells))}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>`;
  const series = chart.series
    .map(
      (s, k) =>
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
        `<c:tx><c:strRef><c:f>${xmlText(rangeRef(s.nameCell))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.fill}"/></a:solidFill>` +
        `<a:ln w="6350"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>` +
        `<c:invertIfNegative val="0"/>${categories}` +
        `<c:val><c:numRef><c:f>${xmlText(rangeRef(s.valueCells))}</c:f>${numCache(s.values)}</c:numRef></c:val></c:ser>`,
    )
    .join("");
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">` +
    `<c:date1904 val="0"/><c:lang val="${chart.lang}"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${text(chart.title, chart.lang, 1400, false)}</c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="50"/><c:overlap val="100"/><c:axId val="${AXIS_CATEGORIES}"/><c:axId val="${AXIS_VALUES}"/></c:barChart>` +
    `<c:catAx><c:axId val="${AXIS_CATEGORIES}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${AXIS_VALUES}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${AXIS_VALUES}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${AXIS_CATEGORIES}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

/** Where a drawing sits: from the top-left corner of one cell to the top-left corner of another (0-based). */
export interface Anchor {
  fromCol: number;
  fromRow: number;
  toCol: number;
  toRow: number;
}

/** The drawing part (xl/drawings/drawingN.xml) holding one chart, relationship rId1 of the drawing. */
export function chartDrawingXml(anchor: Anchor, name: string): string {
  const corner = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}"><xdr:twoCellAnchor>` +
    corner("from", anchor.fromCol, anchor.fromRow) +
    corner("to", anchor.toCol, anchor.toRow) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${xmlText(name)}"/><xdr:cNvGraphicFramePr/>` +
    `</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="rId1"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** A part's relationships file with one relationship rId1 of the given kind ("drawing", "chart"). */
export function singleRelationship(kind: "drawing" | "chart", target: string): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/${kind}" Target="${target}"/></Relationships>`
  );
}
