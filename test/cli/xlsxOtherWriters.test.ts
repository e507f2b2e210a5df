/**
 * Workbooks written by other tools — openpyxl (Debian's python3-openpyxl) and LibreOffice (from a CSV and from flat
 * OpenDocument written here) — read by our reader and by LibreOffice, every cell compared; the values that matter
 * are also checked against what the source said (the day written, the duration typed). Dates are read again in
 * Asia/Shanghai and Los Angeles, and graded there by the command line. Expected grades: Shaoxing bands (RULES.md §6),
 * as-of 2025-12-31: D = 10 → R 5, S = 16 → F 5, Z = 9 → M 5, grade A.
 */

import { execFileSync, spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { readXlsx } from "../../src/cli/readXlsx";
import type { Table } from "../../src/cli/table";
import { UsageError } from "../../src/cli/usageError";
import { compareSheet, tableCells, type Disagreement } from "./differential/compareCells";
import { libreOfficeSheets, type ReferenceSheet } from "./differential/libreOfficeSheets";
import { readInZone, ZONE_OFFSETS, ZONES } from "./differential/readInZone";
import { buildCli, records, RFM, tempDir, write } from "./helpers";
import { SOFFICE } from "./libreOffice";

const PYTHON = "/usr/bin/python3";
const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, min, s));

// One customer table, written by openpyxl three ways: 1900 dates as serials, the 1904 system, ISO dates (t="d").
const OPENPYXL = `
import sys, datetime
from openpyxl import Workbook
for name, epoch, iso in [("openpyxl.xlsx", None, False), ("openpyxl-1904.xlsx", 1904, False), ("openpyxl-iso.xlsx", None, True)]:
    wb = Workbook(iso_dates=iso)
    if epoch == 1904:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        wb.epoch = CALENDAR_MAC_1904
    lookup = wb.active
    lookup.title = "Lookup"
    lookup.append(["Code", "Meaning"])
    lookup.append(["A", "best"])
    lookup.sheet_state = "hidden"
    ws = wb.create_sheet("Customers")
    ws.append(["Customer", "Last order date", "Purchases", "Total amount", "Since", "Call length", "Call at", "VIP", "Share", "Note", "Twice"])
    ws.append(["C001", datetime.date(2025, 12, 21), 16, 9, datetime.datetime(2019, 3, 1, 8, 30), datetime.timedelta(hours=36, minutes=30), datetime.time(18, 30), True, 0.25, "客户 编号", "=C2*2"])
    ws.append(["C002", datetime.datetime(2025, 12, 21, 23, 59, 59), 3, 1.5, datetime.datetime(1900, 1, 1), datetime.timedelta(minutes=5), datetime.time(0, 0, 1), False, -0.125, "a\\nb", "=C3*2"])
    ws.append(["C003", datetime.date(2025, 12, 1), 12, 0.5, None, None, None, None, None, "  padded  ", None])
    ws["C2"].number_format = '0\\\\ \\\\o\\\\r\\\\d\\\\e\\\\r\\\\s'
    ws["B4"].number_format = 'yyyy"年"m"月"d"日"'
    ws["I2"].number_format = "0.00%"
    ws["D3"].number_format = '[$¥-804]#,##0.00'
    ws.merge_cells("J4:K4")
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["E"].hidden = True
    wb.save(sys.argv[1] + "/" + name)
`;

// A flat OpenDocument spreadsheet with typed cells, as LibreOffice's users make them; once with the 1904 null date.
// (The hidden first sheet is openpyxl's shape above: LibreOffice's import takes no table:display from a hand-made file.)
function fods(nullDate?: string): string {
  const cell = (attrs: string, text: string) =>
    `<table:table-cell ${attrs}><text:p>${text}</text:p></table:table-cell>`;
  const str = (t: string) => cell('office:value-type="string"', t);
  const row = (...cells: string[]) => `<table:table-row>${cells.join("")}</table:table-row>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
    `xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
    `xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">` +
    `<office:automatic-styles>` +
    `<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>` +
    `<number:time-style style:name="N2" number:truncate-on-overflow="false"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>` +
    `<number:date-style style:name="N3"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>` +
    `<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>` +
    `<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>` +
    `<style:style style:name="ce3" style:family="table-cell" style:data-style-name="N3"/>` +
    `</office:automatic-styles><office:body><office:spreadsheet>` +
    (nullDate
      ? `<table:calculation-settings><table:null-date table:date-value="${nullDate}"/></table:calculation-settings>`
      : "") +
    `<table:table table:name="客户">` +
    row(
      ...[
        "Customer",
        "Last order date",
        "Purchases",
        "Total amount",
        "Call length",
        "Logged",
        "Share",
        "Paid",
        "VIP",
        "Note",
      ].map(str),
    ) +
    row(
      str("C001"),
      cell('table:style-name="ce1" office:value-type="date" office:date-value="2025-12-21"', "2025-12-21"),
      cell('office:value-type="float" office:value="16"', "16"),
      cell('office:value-type="float" office:value="9"', "9"),
      cell('table:style-name="ce2" office:value-type="time" office:time-value="PT36H30M00S"', "36:30"),
      cell(
        'table:style-name="ce3" office:value-type="date" office:date-value="2025-12-21T18:45:00"',
        "2025-12-21 18:45",
      ),
      cell('office:value-type="percentage" office:value="0.25"', "25%"),
      cell('office:value-type="currency" office:currency="CNY" office:value="1234.5"', "¥1,234.50"),
      cell('office:value-type="boolean" office:boolean-value="true"', "TRUE"),
      str('客户<text:s text:c="2"/>编号'),
    ) +
    row(
      str("007"),
      cell('table:style-name="ce1" office:value-type="date" office:date-value="1900-02-28"', "1900-02-28"),
      cell('office:value-type="float" office:value="3"', "3"),
    ) +
    `</table:table></office:spreadsheet></office:body></office:document>`
  );
}

let dir: string;
let reference: Map<string, ReferenceSheet[] | Error>;
const made: Record<string, string> = {};

beforeAll(async () => {
  buildCli();
  dir = tempDir();
  execFileSync(PYTHON, ["-c", OPENPYXL, dir]);
  for (const name of ["openpyxl.xlsx", "openpyxl-1904.xlsx", "openpyxl-iso.xlsx"]) made[name] = join(dir, name);
  // LibreOffice writes .xlsx from a CSV (it recognises ISO dates and numbers) and from flat OpenDocument.
  write(
    dir,
    "lo-csv.csv",
    "Customer,Last order date,Purchases,Total amount\nC001,2025-12-21,16,9\nC002,2025-12-20 18:30,3,1.5\n",
  );
  write(dir, "lo-typed.fods", fods());
  write(dir, "lo-1904.fods", fods("1904-01-01"));
  execFileSync(
    SOFFICE!,
    [
      `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      join(dir, "lo"),
      join(dir, "lo-csv.csv"),
      join(dir, "lo-typed.fods"),
      join(dir, "lo-1904.fods"),
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  for (const name of ["lo-csv", "lo-typed", "lo-1904"]) made[`${name}.xlsx`] = join(dir, "lo", `${name}.xlsx`);
  reference = await libreOfficeSheets(Object.values(made));
}, 300_000);

async function read(name: string, sheet?: string): Promise<Table> {
  return readXlsx(made[name], readFileSync(made[name]), sheet);
}

/** Every sheet: our cells against LibreOffice's, the documented differences left out. */
async function disagreements(name: string): Promise<(Disagreement & { sheet: string })[]> {
  const sheets = reference.get(made[name]);
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
          reference: "",
          sheet: sheet.name,
        });
      continue;
    }
    for (const d of compareSheet(tableCells(table), sheet, table.date1904).disagreements)
      if (!d.deliberate) out.push({ ...d, sheet: sheet.name });
  }
  return out;
}

function gradeIn(zone: string, path: string): Record<string, string>[] {
  const run = spawnSync(process.execPath, [RFM, "grade", path, "--profile", "shaoxing", "--as-of", "2025-12-31"], {
    encoding: "utf8",
    env: { ...process.env, TZ: zone, NO_COLOR: "1" },
  });
  expect(run.status).toBe(0);
  return records(run.stdout);
}

describe("openpyxl", () => {
  test.each(["openpyxl.xlsx", "openpyxl-1904.xlsx", "openpyxl-iso.xlsx"])(
    "%s: every cell as LibreOffice reads it",
    async (name) => {
      expect(await disagreements(name)).toEqual([]);
    },
  );

  test.each(["openpyxl.xlsx", "openpyxl-1904.xlsx", "openpyxl-iso.xlsx"])(
    "%s: the values written, whatever the date system",
    async (name) => {
      const table = await read(name);
      expect(table.sheetName).toBe("Customers");
      expect(table.date1904).toBe(name === "openpyxl-1904.xlsx");
      // 1900-01-01 has no serial in the 1904 system (Excel shows ####): it stays the number openpyxl wrote. With
      // iso_dates, openpyxl writes a time of day as t="d" text, which stays that text.
      const early = name === "openpyxl-1904.xlsx" ? -1460 : utc(1900, 1, 1);
      const second = name === "openpyxl-iso.xlsx" ? "00:00:01" : "0:00:01";
      expect(table.row(0)).toEqual([
        "C001",
        utc(2025, 12, 21),
        16,
        9,
        utc(2019, 3, 1, 8, 30),
        "36:30:00",
        "18:30:00",
        true,
        0.25,
        "客户 编号",
        null,
      ]);
      expect(table.row(1)).toEqual([
        "C002",
        utc(2025, 12, 21, 23, 59, 59),
        3,
        1.5,
        early,
        "00:05:00",
        second,
        false,
        -0.125,
        "a\nb",
        null,
      ]);
      // openpyxl marks text with white space at its ends xml:space="preserve": it is kept.
      expect(table.row(2)).toEqual([
        "C003",
        utc(2025, 12, 1),
        12,
        0.5,
        null,
        null,
        null,
        null,
        null,
        "  padded  ",
        null,
      ]);
      expect(table.hiddenRows).toBe(1);
    },
  );

  test("dates read the same in every time zone, and grade the same (R 5 for 2025-12-21)", () => {
    for (const name of ["openpyxl-1904.xlsx", "openpyxl-iso.xlsx"]) {
      const runs = ZONES.map((zone) => readInZone(made[name], zone));
      runs.forEach((run, k) => expect(run.offsetMinutes).toBe(ZONE_OFFSETS[ZONES[k]]));
      expect(runs[1].rows).toEqual(runs[0].rows);
      expect(runs[2].rows).toEqual(runs[0].rows);
      for (const zone of ["Asia/Shanghai", "America/Los_Angeles"]) {
        expect(gradeIn(zone, made[name]).map((r) => [r.Customer, r["Last order date"], r["R Score"]])).toEqual([
          ["C001", "2025-12-21", "5"],
          ["C002", "2025-12-21 23:59:59", "5"],
          ["C003", "2025-12-01", "3"],
        ]);
      }
    }
  });
});

describe("LibreOffice", () => {
  test.each(["lo-csv.xlsx", "lo-typed.xlsx", "lo-1904.xlsx"])(
    "%s: every cell as LibreOffice reads its own file",
    async (name) => {
      expect(await disagreements(name)).toEqual([]);
    },
  );

  test("from CSV: ISO dates became dates, numbers numbers", async () => {
    const table = await read("lo-csv.xlsx");
    // LibreOffice's CSV import keeps "2025-12-20 18:30" as text (the engine reads such text as a date).
    expect([table.row(0), table.row(1)]).toEqual([
      ["C001", utc(2025, 12, 21), 16, 9],
      ["C002", "2025-12-20 18:30", 3, 1.5],
    ]);
  });

  test.each(["lo-typed.xlsx", "lo-1904.xlsx"])("%s: typed cells keep their type", async (name) => {
    const table = await read(name);
    expect(table.sheetName).toBe("客户");
    expect(table.date1904).toBe(name === "lo-1904.xlsx");
    // LibreOffice writes a boolean as the number 1 formatted "TRUE";"TRUE";"FALSE": Excel's value is that number.
    expect(table.row(0)).toEqual([
      "C001",
      utc(2025, 12, 21),
      16,
      9,
      "36:30",
      utc(2025, 12, 21, 18, 45),
      0.25,
      1234.5,
      1,
      "客户  编号",
    ]);
    // LibreOffice writes 1900-02-28 as serial 60, which Excel shows as 1900-02-29, a day that never was: no date here;
    // in the 1904 system, a day before 1904 is a negative serial, which Excel does not show as a date either.
    expect(table.row(1).slice(0, 3)).toEqual(["007", name === "lo-1904.xlsx" ? -1402 : 60, 3]);
    expect(gradeIn("Asia/Shanghai", made[name])[0]).toMatchObject({ Customer: "C001", "R Score": "5", Grade: "A" });
  });
});
