/**
 * The .xlsx reader on shapes other writers produce (written here by hand, part by part): namespace prefixes as .NET's
 * Open XML SDK writes them, CDATA, empty values, rich text and phonetic runs, odd part names, chart and dialog sheets,
 * cells and rows without references, formulas' cached values, ISO dates, number formats, the 1904 date system, dates
 * before 1900-03-01, Strict Open XML, and pieces of XML cut across decompression chunks. Each shape's expected values
 * are Excel's (from the file format's rules, written out here); every cell is also compared with LibreOffice's reading
 * of the same file, where the differences allowed are the documented ones (Excel's behaviour where LibreOffice's
 * differs). Dates are read under several time zones, Asia/Shanghai among them.
 */

import { strToU8, zipSync } from "fflate";
import { readFileSync } from "fs";
import { join } from "path";
import { readXlsx } from "../../src/cli/readXlsx";
import type { Table } from "../../src/cli/table";
import { UsageError } from "../../src/cli/usageError";
import { compareSheet, tableCells, type Disagreement } from "./differential/compareCells";
import {
  escapeAttr,
  handMadeXlsx,
  MAIN,
  PKG_REL,
  REL,
  sheetXml,
  STRICT_MAIN,
  stylesXml,
  workbookParts,
  zipParts,
  type HandWorkbook,
} from "./differential/handMadeXlsx";
import { libreOfficeSheets, type ReferenceSheet } from "./differential/libreOfficeSheets";
import { readInZone, ZONE_OFFSETS, ZONES } from "./differential/readInZone";
import { buildCli, tempDir, write } from "./helpers";

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min, s, ms));
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, v: number | string, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${v}</v></c>`;

/** Every fixture of this file, made before any test runs so that LibreOffice reads them all in one start. */
const FIXTURES: Record<string, Buffer> = {};
function fixture(name: string, wb: HandWorkbook | Buffer): string {
  FIXTURES[name] = Buffer.isBuffer(wb) ? wb : handMadeXlsx(wb);
  return name;
}

let dir: string;
let reference: Map<string, ReferenceSheet[] | Error>;
beforeAll(async () => {
  buildCli();
  dir = tempDir();
  const paths = Object.entries(FIXTURES).map(([name, bytes]) => write(dir, name, bytes));
  reference = await libreOfficeSheets(paths);
}, 240_000);

const pathOf = (name: string) => join(dir, name);

async function read(name: string, sheet?: string): Promise<Table> {
  return readXlsx(pathOf(name), readFileSync(pathOf(name)), sheet);
}

async function refusal(name: string, sheet?: string): Promise<string> {
  try {
    await read(name, sheet);
  } catch (err) {
    if (err instanceof UsageError) return err.line("en");
    throw err;
  }
  throw new Error("read without complaint");
}

/**
 * Every sheet as we read it against LibreOffice's reading: the disagreements that are not documented as deliberate,
 * less those this test allows (by cell and kind, each with its reason at the call). A sheet we refuse must be one
 * where LibreOffice finds no cell either.
 */
async function disagreementsWithLibreOffice(
  name: string,
  allowed: { cell: string; kind: RegExp }[] = [],
): Promise<(Disagreement & { sheet: string })[]> {
  const sheets = reference.get(pathOf(name));
  if (!sheets || sheets instanceof Error) throw new Error(`LibreOffice could not read ${name}`);
  const out: (Disagreement & { sheet: string })[] = [];
  for (const sheet of sheets) {
    let table: Table;
    try {
      table = await read(name, sheet.name);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      if (sheet.cells.size > 0)
        out.push({
          kind: "refused here",
          deliberate: false,
          cell: "",
          ours: err.line("en"),
          reference: `${sheet.cells.size} cells`,
          sheet: sheet.name,
        });
      continue;
    }
    for (const d of compareSheet(tableCells(table), sheet, table.date1904).disagreements) {
      if (!d.deliberate && !allowed.some((a) => a.cell === d.cell && a.kind.test(d.kind)))
        out.push({ ...d, sheet: sheet.name });
    }
  }
  return out;
}

// --- Namespace prefixes, as the Open XML SDK writes them -------------------------------------------------------------

const SDK = fixture(
  "open-xml-sdk.xlsx",
  zipParts({
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="utf-8"?><pr:Relationships xmlns:pr="${PKG_REL}"><pr:Relationship Type="${REL}/officeDocument" Target="/xl/workbook.xml" Id="Rd2a1"/></pr:Relationships>`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="${PKG_REL}">` +
      `<Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="R8f3"/>` +
      `<Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml" Id="R8f4"/>` +
      `<Relationship Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml" Id="R9a0"/>` +
      `<Relationship Type="${REL}/styles" Target="/xl/styles.xml" Id="R9a1"/></Relationships>`,
    "xl/workbook.xml":
      `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:relationships="${REL}" xmlns:x="${MAIN}">` +
      `<x:sheets><x:sheet name="Customers" sheetId="1" relationships:id="R8f3"/><x:sheet name="Child namespace" sheetId="2" relationships:id="R8f4"/></x:sheets></x:workbook>`,
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="utf-8"?><x:sst xmlns:x="${MAIN}"><x:si><x:t>Customer</x:t></x:si><x:si><x:t>Last order date</x:t></x:si></x:sst>`,
    "xl/styles.xml":
      `<?xml version="1.0" encoding="utf-8"?><x:styleSheet xmlns:x="${MAIN}"><x:numFmts><x:numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></x:numFmts>` +
      `<x:fonts><x:font/></x:fonts><x:fills><x:fill/></x:fills><x:borders><x:border/></x:borders>` +
      `<x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`,
    "xl/worksheets/sheet1.xml":
      `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Purchases</x:t></x:is></x:c></x:row>` +
      `<x:row r="2"><x:c r="A2" t="str"><x:v>C001</x:v></x:c><x:c r="B2" s="1"><x:v>46012</x:v></x:c><x:c r="C2"><x:v>16</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`,
    // The root prefixed, the default namespace declared again on a child: the same elements.
    "xl/worksheets/sheet2.xml":
      `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}"><sheetData xmlns="${MAIN}">` +
      `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><x:c r="A2"><x:v>7</x:v></x:c></row></sheetData></x:worksheet>`,
  }),
);

test("namespace prefixes on every element and on r:id (Open XML SDK), and a default namespace declared on a child", async () => {
  const table = await read(SDK);
  expect(table.sheetName).toBe("Customers");
  expect(table.headers).toEqual(["Customer", "Last order date", "Purchases"]);
  expect(table.row(0)).toEqual(["C001", utc(2025, 12, 21), 16]);
  const child = await read(SDK, "Child namespace");
  expect([child.headers, child.row(0)]).toEqual([["Customer"], [7]]);
  expect(await disagreementsWithLibreOffice(SDK)).toEqual([]);
});

// --- CDATA ----------------------------------------------------------------------------------------------------------

const CDATA = fixture("cdata.xlsx", {
  sharedStrings: ["<t><![CDATA[Customer]]></t>", "<t><![CDATA[a</t>b<c> & d]]></t>"],
  sheets: [
    {
      name: "Data",
      xml: sheetXml([
        `<c r="A1" t="s"><v>0</v></c>${inline("B1", "<![CDATA[Purchases]]>")}<c r="C1" t="s"><v><![CDATA[1]]></v></c>`,
        `${inline("A2", "<![CDATA[C001]]>")}<c r="B2"><v><![CDATA[16]]></v></c><c r="C2" t="str"><f>"x&lt;2&gt;"</f><v><![CDATA[x<2>]]></v></c>`,
      ]),
    },
  ],
});

test("CDATA sections in shared strings, inline strings and values are their text, markup characters included", async () => {
  const table = await read(CDATA);
  expect(table.headers).toEqual(["Customer", "Purchases", "a</t>b<c> & d"]);
  expect(table.row(0)).toEqual(["C001", 16, "x<2>"]);
  expect(await disagreementsWithLibreOffice(CDATA)).toEqual([]);
});

// --- Empty values ---------------------------------------------------------------------------------------------------

const EMPTY_VALUES = fixture("empty-values.xlsx", {
  sharedStrings: ["<t>Customer</t>", "<t>Amount</t>"],
  sheets: [
    {
      name: "Data",
      xml: sheetXml([
        `<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>1</v></c>`,
        `${inline("A2", "C001")}<c r="B2" t="s"><v/></c><c r="C2" t="s"><v></v></c><c r="D2"><v/></c>`,
        `${inline("A3", "C002")}<c r="B3" t="str"><f>""</f><v></v></c><c r="C3" t="n"><v></v></c><c r="D3" t="b"><v/></c>`,
      ]),
    },
  ],
});

test("an empty <v/> or <v></v> is an empty cell, whatever its type (never shared string 0, never the number 0)", async () => {
  const table = await read(EMPTY_VALUES);
  expect(table.row(0)).toEqual(["C001", null, null, null]);
  expect(table.row(1)).toEqual(["C002", null, null, null]);
  expect(await disagreementsWithLibreOffice(EMPTY_VALUES)).toEqual([]);
});

// --- Rich text, phonetic runs, white space, references, Excel's escapes ----------------------------------------------

const TEXTS = fixture("texts.xlsx", {
  sharedStrings: [
    `<r><rPr><b/></rPr><t>客户</t></r><r><t xml:space="preserve"> 编号</t></r><rPh sb="0" eb="2"><t>きゃく</t></rPh><phoneticPr fontId="0"/>`,
    "<t>&#x4E2D;&#25991; &amp; &lt;co&gt; &quot;q&quot; &apos;a&apos;</t>",
    "<t>A_x000D_B _x005F_x000D_ a_x0009_b</t>",
    "<t>  padded  </t>",
    '<t xml:space="preserve">  kept  </t>',
    "<t>line1\nline2</t>",
  ],
  sheets: [
    {
      name: "Data",
      xml: sheetXml([
        `<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>`,
        `<c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c>`,
        `<c r="A3" t="inlineStr"><is><r><t>In</t></r><r><rPr><i/></rPr><t>line</t></r><rPh sb="0" eb="1"><t>イン</t></rPh></is></c>` +
          `<c r="B3" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>` +
          `<c r="C3" t="str"><f>"a"&amp;"b"</f><v>a&amp;b_x0009_c</v></c>`,
      ]),
    },
  ],
});

test("rich-text runs are joined, phonetic runs left out, references and _xHHHH_ escapes decoded, white space as xml:space says", async () => {
  const table = await read(TEXTS);
  expect(table.headers).toEqual(["客户 编号", "中文 & <co> \"q\" 'a'", "A\rB _x000D_ a\tb"]);
  expect(table.row(0)).toEqual(["padded", "  kept  ", "line1\nline2"]);
  expect(table.row(1)).toEqual(["Inline", " x ", "a&b\tc"]);
  // LibreOffice keeps white space that Excel drops (no xml:space="preserve") and drops the _x000D_ carriage return.
  expect(await disagreementsWithLibreOffice(TEXTS)).toEqual([]);
});

// --- Part names -----------------------------------------------------------------------------------------------------

const PART_NAMES = fixture("part-names.xlsx", {
  sharedStrings: ["<t>Customer</t>"],
  sheets: [
    { name: "Absolute", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`, inline("A2", "A1")]) },
    { name: "Dotted", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`, inline("A2", "D1")]) },
  ],
  tweak: (files) => {
    const out: Record<string, string> = { ...files };
    out["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"]
      .replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"')
      .replace('Target="worksheets/sheet2.xml"', 'Target="../xl/data/sheet2.xml"');
    out["xl/data/sheet2.xml"] = files["xl/worksheets/sheet2.xml"];
    delete out["xl/worksheets/sheet2.xml"];
    return out;
  },
});

test("relationship targets may be absolute or hold ..", async () => {
  const tables = await Promise.all(["Absolute", "Dotted"].map((s) => read(PART_NAMES, s)));
  expect(tables.map((t) => [t.headers[0], t.row(0)[0]])).toEqual([
    ["Customer", "A1"],
    ["Customer", "D1"],
  ]);
  expect(await disagreementsWithLibreOffice(PART_NAMES)).toEqual([]);
});

const PART_CASE = fixture("part-case.xlsx", {
  sharedStrings: ["<t>Customer</t>"],
  sheets: [{ name: "Upper", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`, inline("A2", "U1")]) }],
  tweak: (files) => {
    const out: Record<string, string> = {};
    for (const [name, content] of Object.entries(files)) {
      if (name === "xl/worksheets/sheet1.xml") out["XL/Worksheets/Sheet1.XML"] = content;
      else if (name === "xl/sharedStrings.xml") out["XL/SharedStrings.xml"] = content;
      else out[name] = content;
    }
    return out;
  },
});

test("part names match without regard to case, as the packaging conventions say (the zip holds XL/Worksheets/Sheet1.XML)", async () => {
  const table = await read(PART_CASE);
  expect([table.headers, table.row(0)]).toEqual([["Customer"], ["U1"]]);
  // LibreOffice looks part names up by exact case, and finds no cell here: nothing to compare with.
  const sheets = reference.get(pathOf(PART_CASE)) as ReferenceSheet[];
  expect(sheets.map((sh) => sh.cells.size)).toEqual([0]);
});

const BACKSLASHES = fixture("backslashes.xlsx", {
  sharedStrings: ["<t>Customer</t>"],
  sheets: [{ name: "Data", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`, inline("A2", "B1")]) }],
  // Part names written with Windows' separator (xl\worksheets\sheet1.xml), as some .NET tools zip them.
  tweak: (files) =>
    Object.fromEntries(Object.entries(files).map(([name, content]) => [name.replace(/\//g, "\\"), content])),
});

test("part names written with backslashes are the same parts (Excel opens such files; LibreOffice cannot)", async () => {
  const table = await read(BACKSLASHES);
  expect([table.sheetName, table.headers, table.row(0)]).toEqual(["Data", ["Customer"], ["B1"]]);
  expect(reference.get(pathOf(BACKSLASHES))).toBeInstanceOf(Error);
});

// A part whose bytes do not give the CRC-32 its zip entry records (one byte changed in storage: "C001" became "C00l").
// Stored without compression, so that the change leaves the XML readable: only the checksum tells.
const FLIPPED = fixture(
  "flipped-byte.xlsx",
  (() => {
    const parts = workbookParts({
      sheets: [{ name: "Data", xml: sheetXml([inline("A1", "Customer"), inline("A2", "C001")]) }],
    });
    const zip = Buffer.from(
      zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])), { level: 0 }),
    );
    const at = zip.indexOf("C001");
    zip[at + 3] = "l".charCodeAt(0);
    return zip;
  })(),
);

test("a part whose bytes fail their CRC-32 is damaged: refused in one line, never read with values that may be wrong", async () => {
  expect(await refusal(FLIPPED)).toBe(
    `"${pathOf(FLIPPED)}" is damaged: it is not a complete .xlsx workbook; open it in Excel to repair it, or export it again`,
  );
});

// A workbook in the namespace of a pre-release (beta 2) of Excel 2007, which the released format replaced.
const PRE_RELEASE = fixture("pre-release.xlsx", {
  sheets: [
    {
      name: "Data",
      xml: sheetXml(
        [inline("A1", "Customer"), inline("A2", "C001")],
        "http://schemas.microsoft.com/office/excel/2006/2",
      ),
    },
  ],
  tweak: (files) => ({
    ...files,
    "xl/workbook.xml": files["xl/workbook.xml"].replace(MAIN, "http://schemas.microsoft.com/office/excel/2006/2"),
  }),
});

test("a workbook in a pre-release (beta) Excel 2007 namespace is refused in one line, not read as if it were the released format", async () => {
  expect(await refusal(PRE_RELEASE)).toBe(
    `"${pathOf(PRE_RELEASE)}" is in the format of a pre-release (beta) of Excel 2007, not the released Office Open XML format: export it again from the program that made it`,
  );
});

// --- Odd cells other writers make -----------------------------------------------------------------------------------

const ODD_CELLS = fixture("odd-cells.xlsx", {
  sharedStrings: [
    "<t>Customer</t>",
    // Markup compatibility: an ignorable element whose content is to be processed (mc:ProcessContent) holds text.
    `<w14:placeholder xmlns:w14="urn:example:w14" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:ProcessContent="w14:placeholder"><t xml:space="preserve">Key </t></w14:placeholder><t>account</t>`,
  ],
  sheets: [
    {
      name: "Data",
      xml: sheetXml([
        `<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` + inline("C1", "Note"),
        // An inline string that also carries a value: the text is the <is> element's.
        `<c r="A2" t="inlineStr"><v>1.0</v><is><t>1.</t></is></c>${num("B2", 7)}` +
          // Tabs in a text of several lines are characters of the cell like any other.
          `<c r="C2" t="inlineStr"><is><t xml:space="preserve">a\tb \t\nc</t></is></c>`,
      ]),
    },
  ],
});

test("an inline string with a stray value, markup-compatibility content and tabs in a text of several lines are read as the file format says", async () => {
  const table = await read(ODD_CELLS);
  expect(table.headers).toEqual(["Customer", "Key account", "Note"]);
  expect(table.row(0)).toEqual(["1.", 7, "a\tb \t\nc"]);
  // LibreOffice shows the inline string as empty, skips the content to process and drops the tabs (a documented
  // difference); the first two are allowed here by cell.
  expect(
    await disagreementsWithLibreOffice(ODD_CELLS, [
      { cell: "A2", kind: /text here, empty in LibreOffice/ },
      { cell: "B1", kind: /texts differ/ },
    ]),
  ).toEqual([]);
});

const STRAY_TEXT = fixture("stray-text.xlsx", {
  sheets: [
    { name: "Data", xml: sheetXml([inline("A1", "Customer"), inline("A2", "C001")]).replace("?>", "?>\nfoo\n") },
  ],
});

test("a sheet with stray text before its root element still gives its cells (nothing in it is lost)", async () => {
  const table = await read(STRAY_TEXT);
  expect([table.headers, table.row(0)]).toEqual([["Customer"], ["C001"]]);
});

// A document type declared inside a part (the shape of an XML entity bomb, kept small here): the packaging conventions
// forbid it and tell readers to treat it as an error; its entity references must never be read as a customer's text.
const DTD = '<!DOCTYPE sst [<!ENTITY a0 "aaaa"><!ENTITY a1 "&a0;&a0;">]>';
const DOCTYPE_IN = (part: "sharedStrings" | "sheet" | "workbook") =>
  fixture(`doctype-${part}.xlsx`, {
    sharedStrings: ["<t>Customer&a1;</t>".replace("&a1;", part === "sharedStrings" ? "&a1;" : "")],
    sheets: [{ name: "Data", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`, inline("A2", "C001")]) }],
    tweak: (files) => {
      const key = {
        sharedStrings: "xl/sharedStrings.xml",
        sheet: "xl/worksheets/sheet1.xml",
        workbook: "xl/workbook.xml",
      }[part];
      return { ...files, [key]: files[key].replace("?>", `?>\n<!-- made elsewhere -->${DTD}`) };
    },
  });
const DOCTYPES = (["sharedStrings", "sheet", "workbook"] as const).map(DOCTYPE_IN);

test("a part that declares a document type (DTD) is refused in one line, wherever it is", async () => {
  for (const name of DOCTYPES) {
    expect(await refusal(name)).toBe(
      `"${pathOf(name)}" declares a document type (DTD) inside the workbook, which the file format forbids (it is how XML bombs are made): export it again from the program that made it`,
    );
  }
});

// --- Which sheet ----------------------------------------------------------------------------------------------------

const CHART_SHEET = `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
const DIALOG_SHEET = `<?xml version="1.0" encoding="UTF-8"?><dialogsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></dialogsheet>`;
const MACRO_SHEET = `<?xml version="1.0" encoding="UTF-8"?><xm:macrosheet xmlns="${MAIN}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></xm:macrosheet>`;
const SHEET_KINDS = fixture("sheet-kinds.xlsx", {
  sheets: [
    { name: "Chart1", kind: "chartsheet", xml: CHART_SHEET },
    { name: "Dialog1", kind: "dialogsheet", xml: DIALOG_SHEET },
    { name: "Macro1", kind: "macrosheet", xml: MACRO_SHEET },
    { name: "Secret", state: "veryHidden", xml: sheetXml([inline("A1", "Secret"), inline("A2", "S1")]) },
    { name: "Lookup", state: "hidden", xml: sheetXml([inline("A1", "Lookup"), inline("A2", "L1")]) },
    { name: "Data", xml: sheetXml([inline("A1", "Customer"), inline("A2", "C001")]) },
  ],
});

test("the sheet read by default is the first visible worksheet: chart, dialog and macro sheets, hidden and very hidden sheets passed over", async () => {
  const table = await read(SHEET_KINDS);
  expect(table.sheetName).toBe("Data");
  expect((await read(SHEET_KINDS, "Secret")).row(0)).toEqual(["S1"]);
  expect(await refusal(SHEET_KINDS, "Chart1")).toBe(
    `Sheet "Chart1" of "${pathOf(SHEET_KINDS)}" is a chart sheet, not a worksheet with cells: name a worksheet with --sheet`,
  );
  expect(await refusal(SHEET_KINDS, "Dialog1")).toMatch(/is a dialog sheet, not a worksheet/);
  expect(await refusal(SHEET_KINDS, "Macro1")).toMatch(/is an Excel 4 macro sheet, not a worksheet/);
  expect(await disagreementsWithLibreOffice(SHEET_KINDS)).toEqual([]);
});

// --- Positions ------------------------------------------------------------------------------------------------------

const POSITIONS = fixture("positions.xlsx", {
  sheets: [
    {
      name: "Data",
      // No <dimension>; rows 1 and 2 without r; cells without r follow the one before them.
      xml:
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>` +
        `<row><c t="inlineStr"><is><t>Customer</t></is></c><c t="inlineStr"><is><t>Purchases</t></is></c><c r="D1" t="inlineStr"><is><t>Note</t></is></c></row>` +
        `<row><c t="inlineStr"><is><t>C001</t></is></c><c><v>3</v></c></row>` +
        `<row r="5"><c r="B5"><v>5</v></c><c><v>6</v></c><c t="inlineStr"><is><t>after C</t></is></c></row>` +
        `<row><c t="inlineStr"><is><t>C006</t></is></c></row>` +
        `</sheetData></worksheet>`,
    },
  ],
});

test("sheets without <dimension>, rows and cells without references: positions as Excel infers them", async () => {
  const table = await read(POSITIONS);
  expect(table.headers).toEqual(["Customer", "Purchases", null, "Note"]);
  expect([0, 1, 2, 3, 4].map((i) => table.row(i))).toEqual([
    ["C001", 3, null, null],
    [null, null, null, null],
    [null, null, null, null],
    [null, 5, 6, "after C"],
    ["C006", null, null, null],
  ]);
  expect(await disagreementsWithLibreOffice(POSITIONS)).toEqual([]);
});

// --- Formulas, booleans, errors ----------------------------------------------------------------------------------------

const FORMULAS = fixture("formulas.xlsx", {
  sheets: [
    {
      name: "Data",
      xml: sheetXml([
        `${inline("A1", "n")}${inline("B1", "double")}${inline("C1", "text")}${inline("D1", "flag")}${inline("E1", "error")}`,
        `${num("A2", 1)}<c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c><c r="C2" t="str"><f>"id-"&amp;A2</f><v>id-1</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
        `${num("A3", 2)}<c r="B3"><f t="shared" si="0"/><v>4</v></c><c r="C3" t="str"><f>"id-"&amp;A3</f><v>id-2</v></c><c r="D3" t="b"><v>0</v></c><c r="E3" t="e"><f>NA()</f><v>#N/A</v></c>`,
        `${num("A4", 3)}<c r="B4"><f t="shared" si="0"/><v>6</v></c><c r="C4" t="str"><v>plain</v></c><c r="D4" t="b"><f>A4&gt;2</f><v>1</v></c><c r="E4" t="e"><v>#REF!</v></c>`,
      ]),
    },
  ],
});

test("formulas give their cached results (shared formulas too); booleans and errors keep their type", async () => {
  const table = await read(FORMULAS);
  expect([0, 1, 2].map((i) => table.row(i))).toEqual([
    [1, 2, "id-1", true, { error: "#DIV/0!" }],
    [2, 4, "id-2", false, { error: "#N/A" }],
    [3, 6, "plain", true, { error: "#REF!" }],
  ]);
  expect(await disagreementsWithLibreOffice(FORMULAS)).toEqual([]);
});

// --- ISO dates (t="d") ----------------------------------------------------------------------------------------------

const ISO_DATES = fixture("iso-dates.xlsx", {
  styles: stylesXml([{ id: 164, code: "yyyy-mm-dd hh:mm:ss" }], [0, 164]),
  sheets: [
    {
      name: "Data",
      xml: sheetXml([
        `${inline("A1", "Customer")}${inline("B1", "Last order date")}`,
        ...[
          "2025-12-21",
          "2025-12-21T00:00:00",
          "2025-12-21T23:30:00",
          "2025-12-21T10:15:30.250",
          "2025-12-21T00:30:00Z",
          "2025-12-21T00:30:00+08:00",
          "2025-12-21T23:30:00-05:00",
          "10:10:10",
        ].map((v, k) => `${inline(`A${k + 2}`, `D${k + 1}`)}<c r="B${k + 2}" s="1" t="d"><v>${v}</v></c>`),
      ]),
    },
  ],
});

test('t="d" ISO dates are the calendar day written, in every time zone: never moved through local time, a zone ignored', () => {
  const iso = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => ({
    date: utc(y, m, d, h, min, s, ms).toISOString(),
  });
  const expected = [
    iso(2025, 12, 21),
    iso(2025, 12, 21),
    iso(2025, 12, 21, 23, 30),
    iso(2025, 12, 21, 10, 15, 30, 250),
    iso(2025, 12, 21, 0, 30),
    iso(2025, 12, 21, 0, 30),
    iso(2025, 12, 21, 23, 30),
    "10:10:10",
  ];
  for (const zone of ZONES) {
    const { offsetMinutes, rows } = readInZone(pathOf(ISO_DATES), zone);
    expect([offsetMinutes, rows.slice(1).map((row) => row[1])]).toEqual([ZONE_OFFSETS[zone], expected]);
  }
});

test('t="d" ISO dates agree with LibreOffice where the text has no zone; with one, LibreOffice moves the time and we keep the day written', async () => {
  // B6-B8 carry a zone (Z, +08:00, -05:00).
  const zoned = ["B6", "B7", "B8"].map((cell) => ({ cell, kind: /dates differ/ }));
  expect(await disagreementsWithLibreOffice(ISO_DATES, zoned)).toEqual([]);
});

// --- Number formats -------------------------------------------------------------------------------------------------

const FORMATS: { code?: string; id?: number; value: number; expected: unknown }[] = [
  { code: "0\\ \\o\\r\\d\\e\\r\\s", value: 16, expected: 16 },
  { code: 'yyyy"年"m"月"d"日"', value: 46012, expected: utc(2025, 12, 21) },
  { code: "[h]:mm", value: 1.5, expected: "36:00" },
  { code: "[<=100]0;yyyy-mm-dd", value: 7, expected: 7 },
  { code: "[<=100]0;yyyy-mm-dd", value: 46012, expected: utc(2025, 12, 21) },
  { code: "[$-804]yyyy/m/d", value: 46013, expected: utc(2025, 12, 22) },
  { code: "[$¥-804]#,##0.00", value: 46012, expected: 46012 },
  { code: '"d"0', value: 12, expected: 12 },
  { code: "#,##0_);[Red](#,##0)", value: -5, expected: -5 },
  { code: "[Red]0.00E+00", value: 1234, expected: 1234 },
  { code: "h:mm AM/PM", value: 0.75, expected: "6:00 PM" },
  { code: "h:mm", value: 46012.75, expected: utc(2025, 12, 21, 18) },
  { code: "[$-F800]dddd, mmmm dd, yyyy", value: 46012, expected: utc(2025, 12, 21) },
  { code: "[DBNum1][$-804]General", value: 16, expected: 16 },
  { code: "mm:ss.0", value: 0.000706018518518519, expected: "01:01.0" },
  { code: "@", value: 46012, expected: 46012 },
  { id: 14, value: 46012, expected: utc(2025, 12, 21) },
  { id: 22, value: 46012.5, expected: utc(2025, 12, 21, 12) },
  { id: 31, value: 46012, expected: utc(2025, 12, 21) },
  { id: 46, value: 1.25, expected: "30:00:00" },
  { id: 32, value: 0.75, expected: "18时00分" },
  { id: 58, value: 46012, expected: utc(2025, 12, 21) },
  { id: 2, value: 46012, expected: 46012 },
];

const NUMBER_FORMATS = fixture("number-formats.xlsx", {
  styles: stylesXml(
    [...new Set(FORMATS.filter((f) => f.code).map((f) => f.code!))].map((code, k) => ({ id: 164 + k, code })),
    [
      0,
      ...FORMATS.map(
        (f) => f.id ?? 164 + [...new Set(FORMATS.filter((g) => g.code).map((g) => g.code))].indexOf(f.code),
      ),
    ],
  ),
  sheets: [
    {
      name: "Data",
      xml: sheetXml([
        `${inline("A1", "Format")}${inline("B1", "Value")}`,
        ...FORMATS.map(
          (f, k) =>
            `${inline(`A${k + 2}`, escapeAttr(f.code ?? `built-in ${f.id}`))}${num(`B${k + 2}`, f.value, k + 1)}`,
        ),
      ]),
    },
  ],
});

test("number formats are read as Excel reads them: only true date formats make dates; elapsed times are no dates", async () => {
  const table = await read(NUMBER_FORMATS);
  expect(FORMATS.map((f, i) => [f.code ?? f.id, table.cell(i, 1)])).toEqual(
    FORMATS.map((f) => [f.code ?? f.id, f.expected]),
  );
  // B6: "[<=100]0;yyyy-mm-dd" shows 46012 with its second section, a date, as Excel does; LibreOffice types the cell by
  // the first section. B22: built-in format 32 is locale-dependent; Chinese Excel shows 18时00分, LibreOffice (in
  // English) the same time in its own words.
  const allowed = [
    { cell: "B6", kind: /^date here, number in LibreOffice$/ },
    { cell: "B22", kind: /^time or duration shown differently$/ },
  ];
  expect(await disagreementsWithLibreOffice(NUMBER_FORMATS, allowed)).toEqual([]);
});

// --- The 1904 date system; dates before 1900-03-01 -------------------------------------------------------------------

const DATE_1904 = fixture("date1904.xlsx", {
  workbookPr: '<workbookPr date1904="true"/>',
  styles: stylesXml([{ id: 164, code: "yyyy-mm-dd" }], [0, 164]),
  sheets: [
    {
      name: "Data",
      xml: sheetXml([
        `${inline("A1", "Last order date")}`,
        num("A2", 44550, 1),
        num("A3", 0, 1),
        num("A4", 44550.75, 1),
      ]),
    },
  ],
});

test('the 1904 date system (date1904="true" as well as "1"): serials count from 1904-01-01', async () => {
  const table = await read(DATE_1904);
  expect(table.date1904).toBe(true);
  expect([0, 1, 2].map((i) => table.cell(i, 0))).toEqual([utc(2025, 12, 21), utc(1904, 1, 1), utc(2025, 12, 21, 18)]);
  expect(await disagreementsWithLibreOffice(DATE_1904)).toEqual([]);
});

const EARLY_DATES = fixture("early-dates.xlsx", {
  styles: stylesXml([{ id: 164, code: "yyyy-mm-dd" }], [0, 164]),
  sheets: [
    {
      name: "Data",
      xml: sheetXml([inline("A1", "Date"), ...[1, 59, 60, 61, 0, -1].map((v, k) => num(`A${k + 2}`, v, 1))]),
    },
  ],
});

test("dates before 1900-03-01 are the days Excel shows: serial 1 is 1900-01-01; 60 (1900-02-29, which never was) and 0 are no dates", async () => {
  const table = await read(EARLY_DATES);
  expect([0, 1, 2, 3, 4, 5].map((i) => table.cell(i, 0))).toEqual([
    utc(1900, 1, 1),
    utc(1900, 2, 28),
    60,
    utc(1900, 3, 1),
    0,
    -1,
  ]);
  // LibreOffice shows serials 1–60 one day earlier than Excel (it has no 29 February 1900), and 0 and -1 as dates.
  const noDay = ["A4", "A6", "A7"].map((cell) => ({ cell, kind: /^number here, date in LibreOffice$/ }));
  expect(await disagreementsWithLibreOffice(EARLY_DATES, noDay)).toEqual([]);
});

// --- Strict Open XML ------------------------------------------------------------------------------------------------

const STRICT = fixture("strict.xlsx", {
  strict: true,
  sharedStrings: ["<t>Customer</t>"],
  styles: stylesXml([{ id: 164, code: "yyyy-mm-dd" }], [0, 164], STRICT_MAIN),
  workbookPr: '<workbookPr dateCompatibility="1"/>',
  sheets: [
    {
      name: "Data",
      xml: sheetXml(
        [`<c r="A1" t="s"><v>0</v></c>${inline("B1", "Date")}`, `${inline("A2", "C001")}${num("B2", 46012, 1)}`],
        STRICT_MAIN,
      ),
    },
  ],
});

test("Strict Open XML (ISO/IEC 29500 Strict namespaces) is read like the transitional form", async () => {
  const table = await read(STRICT);
  expect([table.headers, table.row(0)]).toEqual([
    ["Customer", "Date"],
    ["C001", utc(2025, 12, 21)],
  ]);
  expect(await disagreementsWithLibreOffice(STRICT)).toEqual([]);
});

// --- Merged cells, hidden rows and columns, inline strings, an empty sheet ----------------------------------------------

const LAYOUT = fixture("layout.xlsx", {
  sheets: [
    {
      name: "Data",
      xml:
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><cols><col min="2" max="2" width="0" hidden="1"/></cols><sheetData>` +
        `<row r="1">${inline("A1", "Customer")}${inline("B1", "Region")}${inline("C1", "Purchases")}</row>` +
        `<row r="2">${inline("A2", "C001")}${inline("B2", "East")}${num("C2", 4)}</row>` +
        `<row r="3" hidden="1">${inline("A3", "C002")}<c r="B3"/>${num("C3", 5)}</row>` +
        `</sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells></worksheet>`,
    },
    { name: "Empty", xml: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData/></worksheet>` },
  ],
});

test("merged cells (the first cell holds the value), hidden rows and columns are data; <sheetData/> is an empty sheet", async () => {
  const table = await read(LAYOUT);
  expect([table.headers, table.row(0), table.row(1)]).toEqual([
    ["Customer", "Region", "Purchases"],
    ["C001", "East", 4],
    ["C002", null, 5],
  ]);
  expect(table.hiddenRows).toBe(1);
  expect(await refusal(LAYOUT, "Empty")).toMatch(/\[Empty\]" is empty/);
  expect(await disagreementsWithLibreOffice(LAYOUT)).toEqual([]);
});

// --- Large parts: pieces of XML cut across decompression chunks ---------------------------------------------------------

const ROWS = 30_000;
const LARGE = fixture("large.xlsx", {
  sharedStrings: Array.from({ length: ROWS }, (_, i) =>
    i % 7 === 0
      ? `<t><![CDATA[id <${i}>]]></t>`
      : `<r><t xml:space="preserve">id </t></r><r><t>${i}</t></r><rPh sb="0" eb="1"><t>x</t></rPh>`,
  ),
  styles: stylesXml([{ id: 164, code: "yyyy-mm-dd" }], [0, 164]),
  sheets: [
    {
      name: "Data",
      xml:
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetData>` +
        `<row r="1">${inline("A1", "Customer")}${inline("B1", "Date")}${inline("C1", "Note")}</row>` +
        Array.from({ length: ROWS }, (_, i) => {
          const r = i + 2;
          // A comment, a '>' inside an attribute value and CDATA in every few rows, so that chunk edges fall inside them.
          const extra = i % 5 === 0 ? `<!-- row ${r} > <c r="Z${r}"><v>9</v></c> -->` : "";
          return (
            `<row r="${r}" x14ac:dyDescent="0.25" spans="1:3">${extra}<c r="A${r}" t="s"><v>${i}</v></c><c r="B${r}" s="1"><v>${46000 + (i % 300)}</v></c>` +
            `<c r="C${r}" t="str" x14ac:note="a>b"><v><![CDATA[n${i}]]></v></c></row>`
          );
        }).join("") +
        `</sheetData></worksheet>`,
    },
  ],
});

test("a large sheet and shared strings table, read piece by piece, give every cell (comments, CDATA and '>' in attributes across chunk edges)", async () => {
  const table = await read(LARGE);
  expect(table.rowCount).toBe(ROWS);
  expect(table.row(7)).toEqual(["id <7>", utc(2025, 12, 16), "n7"]); // 46007 = 2025-12-16
  expect(table.row(ROWS - 1)).toEqual([`id ${ROWS - 1}`, expect.any(Date), `n${ROWS - 1}`]);
  expect(await disagreementsWithLibreOffice(LARGE)).toEqual([]);
}, 60_000);
