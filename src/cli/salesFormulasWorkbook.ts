import { constants } from "zlib";
import {
  cellError,
  columnLetters,
  CUSTOMER_COLUMNS,
  dayToSerial,
  parseDateText,
  parseDay,
  type Lang,
  type ResultRows,
  type Role,
} from "../engine";
import { idText } from "../engine/cells";
import { LIVE_FORMULA_SHEETS, liveFormulaColumns, resultLetters } from "../engine/compile/excelFormulas";
import { integerProfile } from "../engine/compile/integerProfile";
import {
  checkSalesAmounts,
  compileSalesFormulas,
  readableSaleAmounts,
  SALES_FORMULA_TEXTS,
  type SalesFormulaLayout,
} from "../engine/compile/salesFormulas";
import { cellText } from "./cellText";
import {
  BOLD,
  DATE,
  FORMULA_HEADERS,
  formulaCell,
  gradeRules,
  parametersSheetXml,
  resultFormulaCells,
  resultWidth,
  stylesXml,
  typedCell,
  valueCell,
  workbookRels,
  workbookXml,
} from "./formulasWorkbook";
import type { GradedTable } from "./gradeTable";
import { columnRoles } from "./outputPlan";
import { displayWidth } from "./textWidth";
import { contentTypes, inlineText, MAIN_NS, REL_NS, ROOT_RELS, XML_HEAD } from "./xlsx/sheetXml";
import { ZipFile } from "./xlsx/zipFile";
import { numberOf } from "./table";

/** The helper sheet's columns: ranking keys on customer rows, lookups on sale rows. */
const HELPER = { days: "A", count: "B", amount: "C", order: "D", match: "F", customer: "G", day: "H", units: "I" };

/**
 * Sales records with live formulas: a sheet with one row per customer (id; last order date, purchases and amount as
 * formulas over the sales; R … note as the customer-table formulas over those), the sales as the engine read them
 * (dates as date cells, amounts as numbers), the parameters block, and the hidden helper sheet. Every result formula
 * carries the engine's own result as its cached value.
 */
export async function writeSalesFormulasWorkbook(path: string, graded: GradedTable, lang: Lang): Promise<void> {
  const { table, res, mapping } = graded;
  const customers = res.customers!;
  const ip = integerProfile(res.profile, res.summary.unit);
  const L = (c: number) => columnLetters(c);
  const sales = table.rowCount;
  const col = (role: Role) => L(mapping[role]!);
  const header = (role: Role) => cellText(table.headers[mapping[role]!]).trim();
  const columns = liveFormulaColumns(res);
  const first = CUSTOMER_COLUMNS.length;
  const headers = [...CUSTOMER_COLUMNS.map((c) => c.header[lang]), ...columns.map((c) => c.header[lang])];
  const layout: SalesFormulaLayout = {
    salesSheet: SALES_FORMULA_TEXTS.salesSheet[lang],
    firstSale: 2,
    lastSale: Math.max(2, sales + 1),
    sales: { id: col("id"), date: col("date"), amount: col("amount") },
    salesColumnNames: { id: header("id"), date: header("date"), amount: header("amount") },
    sheet: FORMULA_HEADERS.gradesSheet[lang],
    firstRow: 2,
    customers: res.n,
    columns: { id: "A", last: "B", purchases: "C", amount: "D", ...resultLetters(columns, first) },
    helperSheet: LIVE_FORMULA_SHEETS.keys[lang],
    helper: HELPER,
  };
  checkSalesAmounts(
    readableSaleAmounts(
      table.engineColumn(mapping.id!, "id", true),
      table.engineColumn(mapping.date!, "date", true),
      table.engineColumn(mapping.amount!, "amount", true),
      table.date1904,
    ),
  );
  const plan = compileSalesFormulas(ip, layout, {
    asOfDay: res.asOfDay,
    windowStartDay:
      res.summary.windowStart === undefined ? undefined : (parseDateText(res.summary.windowStart) ?? undefined),
    lang,
  });
  const roleOf = columnRoles(mapping);
  const columnName = (role: Role) => (role === "date" || role === "amount" || role === "id" ? header(role) : "");

  const zip = new ZipFile(path, constants.Z_BEST_SPEED);
  try {
    const gradesSheet = layout.sheet,
      paramsSheet = LIVE_FORMULA_SHEETS.parameters[lang];
    await zip.addEntry("[Content_Types].xml", contentTypes(4));
    await zip.addEntry("_rels/.rels", ROOT_RELS);
    await zip.addEntry(
      "xl/workbook.xml",
      workbookXml([gradesSheet, layout.salesSheet, paramsSheet], layout.helperSheet, plan.parameters),
    );
    await zip.addEntry("xl/_rels/workbook.xml.rels", workbookRels(4));
    await zip.addEntry("xl/styles.xml", stylesXml(ip.grades.length));

    // Sheet 1: one row per customer.
    zip.openEntry("xl/worksheets/sheet1.xml");
    const widths = headers.map((h, k) =>
      k < first ? Math.min(40, Math.max(12, displayWidth(h) + 2)) : resultWidth(columns[k - first], h, 12),
    );
    await zip.write(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        `<sheetViews><sheetView workbookViewId="0" tabSelected="1"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
        `<sheetData><row r="1">${headers.map((h, c) => `<c r="${L(c)}1" s="${BOLD}" t="inlineStr">${inlineText(h)}</c>`).join("")}</row>`,
    );
    const c = layout.columns;
    const rows: ResultRows = { res, lang, notes: { columnName } };
    const helperRows: string[] = [];
    let chunk = "";
    for (let j = 0; j < res.n; j++) {
      const r = j + 2;
      const f = plan.customer(r);
      const bought = customers.count[j] > 0;
      let xml = `<row r="${r}">${valueCell(`${c.id}${r}`, customers.ids.at(j) ?? "")}`;
      xml += formulaCell(`${c.last}${r}`, f.lastOrder!, bought ? dayToSerial(customers.lastDay[j]) : "", DATE);
      xml += formulaCell(`${c.purchases}${r}`, f.purchases!, customers.count[j]);
      xml += formulaCell(`${c.amount}${r}`, f.total!, customers.total.at(j) ?? "");
      xml += resultFormulaCells(columns, first, r, f, rows, j);
      chunk += xml + "</row>";
      helperRows[r] =
        formulaCell(`${HELPER.days}${r}`, f.days!, undefined) +
        formulaCell(`${HELPER.count}${r}`, f.count!, undefined) +
        formulaCell(`${HELPER.amount}${r}`, f.amount!, undefined) +
        (f.firstSale ? formulaCell(`${HELPER.order}${r}`, f.firstSale, undefined) : "");
      if (chunk.length > 1 << 20) {
        await zip.write(chunk);
        chunk = "";
      }
    }
    await zip.write(
      chunk +
        `</sheetData>${gradeRules(
          ip.grades.map((g) => g.grade),
          c.grade!,
          Math.max(2, res.n + 1),
        )}</worksheet>`,
    );
    await zip.closeEntry();

    // Sheet 2: the sales records as the engine read them.
    zip.openEntry("xl/worksheets/sheet2.xml");
    const salesHeaders = table.headers.map((h) => cellText(h));
    await zip.write(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${salesHeaders.map((h, k) => `<col min="${k + 1}" max="${k + 1}" width="${Math.min(40, Math.max(12, displayWidth(h) + 2))}" customWidth="1"/>`).join("")}</cols>` +
        `<sheetData><row r="1">${salesHeaders.map((h, k) => `<c r="${L(k)}1" s="${BOLD}" t="inlineStr">${inlineText(h)}</c>`).join("")}</row>`,
    );
    chunk = "";
    for (let i = 0; i < sales; i++) {
      const r = i + 2;
      const row = table.row(i);
      let xml = `<row r="${r}">`;
      for (let k = 0; k < table.width; k++)
        xml += valueCell(
          `${L(k)}${r}`,
          saleCell(row[k], roleOf[k], table.date1904, (x) => numberOf(table, k, x)),
        );
      chunk += xml + "</row>";
      if (chunk.length > 1 << 20) {
        await zip.write(chunk);
        chunk = "";
      }
    }
    await zip.write(chunk + `</sheetData></worksheet>`);
    await zip.closeEntry();

    await zip.addEntry(
      "xl/worksheets/sheet3.xml",
      parametersSheetXml(plan.parameters, lang, SALES_FORMULA_TEXTS.customersFixed[lang]),
    );

    // Sheet 4 (hidden): keys on customer rows, lookups on sale rows.
    zip.openEntry("xl/worksheets/sheet4.xml");
    await zip.write(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>` +
        `<row r="1"><c r="A1" t="inlineStr">${inlineText(LIVE_FORMULA_SHEETS.keysTitle[lang])}</c></row>`,
    );
    chunk = "";
    for (let r = 2; r <= Math.max(res.n, sales) + 1; r++) {
      let xml = helperRows[r] ?? "";
      if (r <= sales + 1) {
        const s = plan.sale(r);
        xml +=
          formulaCell(`${HELPER.match}${r}`, s.match, undefined) +
          formulaCell(`${HELPER.customer}${r}`, s.customer, undefined) +
          formulaCell(`${HELPER.day}${r}`, s.day, undefined) +
          formulaCell(`${HELPER.units}${r}`, s.units, undefined);
      }
      chunk += `<row r="${r}">${xml}</row>`;
      if (chunk.length > 1 << 20) {
        await zip.write(chunk);
        chunk = "";
      }
    }
    await zip.write(chunk + `</sheetData></worksheet>`);
    await zip.closeEntry();
    zip.finish();
  } catch (err) {
    zip.abandon();
    throw err;
  }
}

/**
 * A sale's cell as the engine read it: ids trimmed (the engine compares trimmed ids), dates as 1900-system date cells
 * keeping their time of day (the formulas take the day with INT), amounts as numbers; the rest as typedCell.
 */
function saleCell(v: unknown, role: Role | undefined, date1904: boolean, number: (v: unknown) => number): unknown {
  if (cellError(v)) return typedCell(v as never, role);
  if (role === "id" && typeof v === "string") return idText(v);
  if (role === "date" && typeof v === "number") {
    const day = parseDay(v, date1904);
    return day === null ? v : { serial: dayToSerial(day) + (v - Math.floor(v)) };
  }
  return typedCell(v as never, role, false, number);
}
