import { constants } from "zlib";
import { CLI_TEXTS } from "../i18n/cli";
import {
  cellError,
  cellNumber,
  columnLetters,
  DATE_FORMAT,
  dayToSerial,
  gradeFill,
  localizedView,
  ownOutputBlock,
  parseDay,
  resultCell,
  resultColumns,
  type Cell,
  type Lang,
  type ResultColumn,
  type ResultRows,
  type Role,
} from "../engine";
import {
  compileFormulas,
  hasFormula,
  LIVE_FORMULA_SHEETS,
  liveFormulaColumns,
  resultLetters,
  type FormulaLetters,
  type FormulaRow,
  type FormulaSheetLayout,
  type ParameterCell,
} from "../engine/compile/excelFormulas";
import { integerProfile } from "../engine/compile/integerProfile";
import type { GradedTable } from "./gradeTable";
import { columnRoles } from "./outputPlan";
import {
  contentTypes,
  inlineText,
  MAIN_NS,
  PKG_REL_NS,
  REL_NS,
  ROOT_RELS,
  serialOfDate,
  XML_HEAD,
  xmlText,
} from "./xlsx/sheetXml";
import { displayWidth } from "./textWidth";
import { ZipFile } from "./xlsx/zipFile";
import { cellText, dateOfSerial } from "./cellText";
import { numberOf } from "./table";

/** Cell styles of the formula workbooks; the result columns' number formats follow (see stylesXml). */
export const BOLD = 1,
  DATE = 2;
const PLAIN = 0,
  HELP = 3;

/** Names of the sheets only the formulas workbooks have. */
export const FORMULA_HEADERS = {
  gradesSheet: localizedView(CLI_TEXTS, (t) => t.sheets.grades),
};

/** A result column's width: long text wide, the rest after its header. */
export function resultWidth(column: ResultColumn, header: string, least: number): number {
  return column.wide ? 60 : Math.min(40, Math.max(least, displayWidth(header) + 2));
}

/**
 * The result cells of one row, each its formula with the engine's own value as the cached result (shown before any
 * recalculation); `rows` is what the values are read from, `first` the letter index of the first result column.
 */
export function resultFormulaCells(
  columns: readonly ResultColumn[],
  first: number,
  r: number,
  f: FormulaRow,
  rows: ResultRows,
  i: number,
): string {
  let xml = "";
  columns.forEach((column, k) => {
    if (!hasFormula(column.id)) return;
    const v = resultCell(column, column.value(rows, i));
    const cached = v === null ? "" : column.kind === "date" ? dayToSerial(v as number) : v;
    xml += formulaCell(`${columnLetters(first + k)}${r}`, f[column.id]!, cached, styleOf(column.format));
  });
  return xml;
}

/**
 * A customer table with live formulas: the input's columns (dates as date cells and amounts as numbers, as the engine
 * reads them), then R, F, M, RFM score, grade, cadence, note, [next contact by] as worksheet formulas over them, three
 * hidden columns the formulas rank on, and a parameters sheet whose named cells the formulas read. Every formula
 * carries the engine's own result as its cached value, so the file shows the grades before any recalculation.
 */
export async function writeFormulasWorkbook(path: string, graded: GradedTable, lang: Lang): Promise<void> {
  const { table, res, mapping } = graded;
  // An earlier result at the end of the table (the seven and any extra columns) is replaced, not kept as input.
  const old = ownOutputBlock(table.headers);
  const dropOld = old !== null && old.start + old.width === table.headers.length;
  const inputWidth = table.width - (dropOld ? old.width : 0);
  const ip = integerProfile(res.profile, res.summary.unit);
  const columns = liveFormulaColumns(res);
  const headers = [
    ...table.headers.slice(0, inputWidth).map((h) => cellText(h)),
    ...columns.map((c) => c.header[lang]),
  ];
  const L = (c: number) => columnLetters(c);
  // The key columns stand on the hidden helper sheet, as the task pane writes them.
  const out: FormulaLetters = { ...resultLetters(columns, inputWidth), days: "A", count: "B", amount: "C" };
  const col = (role: Role) => (mapping[role] === undefined ? undefined : L(mapping[role]!));
  const n = table.rowCount;
  const layout: FormulaSheetLayout = {
    sheet: FORMULA_HEADERS.gradesSheet[lang],
    keySheet: LIVE_FORMULA_SHEETS.keys[lang],
    firstRow: 2,
    lastRow: Math.max(2, n + 1),
    data: { date: col("date")!, count: col("count")!, total: col("total")!, id: col("id") },
    columnNames: Object.fromEntries(
      (Object.entries(mapping) as [Role, number][]).map(([role, c]) => [role, cellText(table.headers[c]).trim()]),
    ),
    out,
  };
  const plan = compileFormulas(ip, layout, { asOfDay: res.asOfDay, lang });
  const roleOf = columnRoles(mapping);

  const zip = new ZipFile(path, constants.Z_BEST_SPEED);
  try {
    const paramsSheet = LIVE_FORMULA_SHEETS.parameters[lang];
    await zip.addEntry("[Content_Types].xml", contentTypes(3));
    await zip.addEntry("_rels/.rels", ROOT_RELS);
    await zip.addEntry(
      "xl/workbook.xml",
      workbookXml([FORMULA_HEADERS.gradesSheet[lang], paramsSheet], LIVE_FORMULA_SHEETS.keys[lang], plan.parameters),
    );
    await zip.addEntry("xl/_rels/workbook.xml.rels", workbookRels(3));
    await zip.addEntry("xl/styles.xml", stylesXml(ip.grades.length));
    zip.openEntry("xl/worksheets/sheet1.xml");
    const widths = headers.map((h, c) =>
      c < inputWidth ? Math.min(40, Math.max(10, displayWidth(h) + 2)) : resultWidth(columns[c - inputWidth], h, 10),
    );
    const cols = widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("");
    await zip.write(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        `<sheetViews><sheetView workbookViewId="0" tabSelected="1"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
        `<row r="1">${headers.map((h, c) => `<c r="${L(c)}1" s="${BOLD}" t="inlineStr">${inlineText(h)}</c>`).join("")}</row>`,
    );
    // The formulas say why a row is not graded; notes on graded rows (a duplicate id) are the engine's alone.
    const rows: ResultRows = {
      res: { ...res, issues: res.issues.filter((issue) => !issue.graded) },
      lang,
      notes: { rowLabel: (i: number) => i + 2, columnName: (role: Role) => layout.columnNames?.[role] ?? "" },
    };
    let chunk = "";
    const keyRows: string[] = [
      `<row r="1"><c r="A1" t="inlineStr">${inlineText(LIVE_FORMULA_SHEETS.keysTitle[lang])}</c></row>`,
    ];
    for (let i = 0; i < n; i++) {
      const r = i + 2;
      const row = table.row(i);
      let xml = `<row r="${r}">`;
      for (let c = 0; c < inputWidth; c++)
        xml += valueCell(
          `${L(c)}${r}`,
          typedCell(row[c], roleOf[c], table.date1904, (x) => numberOf(table, c, x)),
        );
      const f = plan.row(r);
      xml += resultFormulaCells(columns, inputWidth, r, f, rows, i);
      keyRows.push(
        `<row r="${r}">${formulaCell(`A${r}`, f.days!, undefined)}${formulaCell(`B${r}`, f.count!, undefined)}${formulaCell(`C${r}`, f.amount!, undefined)}</row>`,
      );
      chunk += xml + "</row>";
      if (chunk.length > 1 << 20) {
        await zip.write(chunk);
        chunk = "";
      }
    }
    await zip.write(
      chunk +
        `</sheetData>${gradeRules(
          ip.grades.map((g) => g.grade),
          out.grade!,
          layout.lastRow,
        )}</worksheet>`,
    );
    await zip.closeEntry();
    await zip.addEntry("xl/worksheets/sheet2.xml", parametersSheetXml(plan.parameters, lang));
    await zip.addEntry(
      "xl/worksheets/sheet3.xml",
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${keyRows.join("")}</sheetData></worksheet>`,
    );
    zip.finish();
  } catch (err) {
    zip.abandon();
    throw err;
  }
}

/** One conditional format per grade on the grade column (colours follow the values when the user sorts or edits). */
export function gradeRules(grades: readonly string[], column: string, lastRow: number): string {
  const rules = grades
    .map(
      (g, i) =>
        `<cfRule type="cellIs" dxfId="${i}" priority="${i + 1}" operator="equal"><formula>${xmlText(`"${g.replace(/"/g, '""')}"`)}</formula></cfRule>`,
    )
    .join("");
  return `<conditionalFormatting sqref="${column}2:${column}${lastRow}">${rules}</conditionalFormatting>`;
}

/**
 * An input cell as the engine read it: the date column as a date, the numeric columns as numbers, where they are. A
 * serial in the date column of a 1904-system workbook becomes the 1900-system serial of the same day and time (the
 * workbook written here counts from 1900, and its formulas must grade the day the engine graded).
 */
export function typedCell(
  v: Cell,
  role: Role | undefined,
  date1904 = false,
  number: (v: Cell) => number = cellNumber,
): unknown {
  const error = cellError(v);
  if (error) return { error };
  if (typeof v === "number" && role === "date" && date1904) {
    const date = dateOfSerial(v, true);
    return date === null ? v : date;
  }
  if (typeof v === "string" && role === "date") {
    const day = parseDay(v);
    return day === null ? v : { serial: dayToSerial(day) };
  }
  if (typeof v === "string" && (role === "count" || role === "total" || role === "amount")) {
    const x = number(v);
    return Number.isNaN(x) ? v : x;
  }
  return v;
}

export function valueCell(ref: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : "";
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}" t="inlineStr">${inlineText(v)}</c>`;
  if (v instanceof Date) {
    const serial = serialOfDate(v);
    return serial === null ? "" : `<c r="${ref}" s="${DATE}"><v>${serial}</v></c>`;
  }
  const o = v as { serial?: number; error?: unknown };
  if (typeof o.serial === "number") return `<c r="${ref}" s="${DATE}"><v>${o.serial}</v></c>`;
  if (typeof o.error === "string") return `<c r="${ref}" t="e"><v>${xmlText(o.error)}</v></c>`;
  return `<c r="${ref}" t="inlineStr">${inlineText(String(v))}</c>`;
}

/** A formula cell with the engine's result as its cached value (none for `undefined`: computed on load). */
export function formulaCell(ref: string, formula: string, cached: number | string | undefined, style = PLAIN): string {
  const s = style === PLAIN ? "" : ` s="${style}"`;
  const f = `<f>${xmlText(formula)}</f>`;
  if (cached === undefined) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof cached === "number") return `<c r="${ref}"${s}>${f}<v>${cached}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${xmlText(cached)}</v></c>`;
}

/** The parameters block; `footnote` (a line of help) goes two rows below the last parameter. */
export function parametersSheetXml(cells: ParameterCell[], lang: Lang, footnote?: string): string {
  const rows = [
    `<row r="1"><c r="A1" s="${BOLD}" t="inlineStr">${inlineText(LIVE_FORMULA_SHEETS.parametersTitle[lang])}</c></row>`,
  ];
  cells.forEach((p, k) => {
    const r = k + 2;
    let value: string;
    if (p.kind === "date")
      value =
        p.value === ""
          ? `<c r="B${r}" s="${DATE}"/>`
          : `<c r="B${r}" s="${DATE}"><v>${dayToSerial(p.value as number)}</v></c>`;
    else if (p.kind === "number") value = `<c r="B${r}"><v>${p.value}</v></c>`;
    else if (p.kind === "formula") value = `<c r="B${r}"><f>${xmlText(String(p.value).slice(1))}</f></c>`;
    else value = `<c r="B${r}" t="inlineStr">${inlineText(String(p.value))}</c>`;
    const help = p.help ? `<c r="C${r}" s="${HELP}" t="inlineStr">${inlineText(p.help[lang])}</c>` : "";
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr">${inlineText(p.label[lang])}</c>${value}${help}</row>`);
  });
  if (footnote) {
    const r = cells.length + 3;
    rows.push(`<row r="${r}"><c r="A${r}" s="${HELP}" t="inlineStr">${inlineText(footnote)}</c></row>`);
  }
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols><col min="1" max="1" width="44" customWidth="1"/><col min="2" max="2" width="16" customWidth="1"/>` +
    `<col min="3" max="3" width="60" customWidth="1"/></cols><sheetData>${rows.join("")}</sheetData></worksheet>`
  );
}

/**
 * The visible sheets in order (the first is the results, the last the parameters), then the hidden helper sheet. The
 * defined names point at column B of the parameters sheet, one row per parameter (row 1 is the title).
 */
export function workbookXml(visible: string[], keysSheet: string, cells: ParameterCell[]): string {
  const paramsSheet = visible[visible.length - 1];
  const quoted = `'${paramsSheet.replace(/'/g, "''")}'`;
  const names = cells
    .map((p, k) => (p.name ? `<definedName name="${p.name}">${xmlText(`${quoted}!$B$${k + 2}`)}</definedName>` : ""))
    .join("");
  const sheets = [...visible, keysSheet]
    .map(
      (name, k) =>
        `<sheet name="${xmlText(name)}" sheetId="${k + 1}"${k === visible.length ? ' state="hidden"' : ""} r:id="${sheetRelId(k)}"/>`,
    )
    .join("");
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${sheets}</sheets>` +
    `<definedNames>${names}</definedNames><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`
  );
}

/** Relationship ids of sheet k (0-based): rId3 is the styles, so sheets skip it. */
const sheetRelId = (k: number) => `rId${k < 2 ? k + 1 : k + 2}`;

/**
 * Number formats of the formula workbooks' styles beyond the four fixed ones, one style each from 4 on: the formats
 * the result columns declare (General is style 0, the date format style 2).
 */
const EXTRA_FORMATS: string[] = [
  ...new Set(resultColumns({ contactPeriods: true, previousGrading: true }).map((c) => c.format)),
].filter((f): f is string => f !== undefined && f !== "General" && f !== DATE_FORMAT);

/** The style of cells in a column of number format `format`. */
function styleOf(format: string | undefined): number {
  if (format === undefined || format === "General") return PLAIN;
  if (format === DATE_FORMAT) return DATE;
  return 4 + EXTRA_FORMATS.indexOf(format);
}

/** The styles: plain, bold, date, help text (grey italics), then one per extra format; a fill per grade. */
export function stylesXml(grades: number): string {
  const dxfs = Array.from(
    { length: grades },
    (_, i) => `<dxf><fill><patternFill><bgColor rgb="FF${gradeFill(i)}"/></patternFill></fill></dxf>`,
  ).join("");
  const formats = [DATE_FORMAT, ...EXTRA_FORMATS];
  const numFmts = formats.map((f, k) => `<numFmt numFmtId="${164 + k}" formatCode="${xmlText(f)}"/>`).join("");
  const extraXfs = EXTRA_FORMATS.map(
    (_, k) => `<xf numFmtId="${165 + k}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
  ).join("");
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><numFmts count="${formats.length}">${numFmts}</numFmts>` +
    `<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
    `<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
    `<font><i/><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${4 + EXTRA_FORMATS.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
    `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>${extraXfs}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="${grades}">${dxfs}</dxfs></styleSheet>`
  );
}

/** The workbook's relationships: sheet k is worksheets/sheet(k+1).xml under sheetRelId(k); rId3 the styles. */
export function workbookRels(sheets: number): string {
  const parts = Array.from(
    { length: sheets },
    (_, k) => `<Relationship Id="${sheetRelId(k)}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`,
  );
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    parts.join("") +
    `<Relationship Id="rId3" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
  );
}
