/**
 * The command line on workbooks as files: what it refuses, each in one `rfm:` line with exit status 2 (an encrypted
 * workbook, an .xls, .xlsb or .ods under an .xlsx name, a web page, compression other than Deflate, encrypted zip
 * entries, a missing part), what it reads that looks odd (Zip64), and that the day it grades is the day it writes
 * back, in the 1904 date system and in every time zone. Expected grades: Shaoxing bands (RULES.md §6), as-of
 * 2025-12-31: D = 10 → R 5, D = 11 → R 4; S = 16 → F 5; Z = 9 → M 5.
 */

import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { handMadeXlsx, MAIN, sheetXml, stylesXml, workbookParts, zipParts } from "./differential/handMadeXlsx";
import { SOFFICE } from "./libreOffice";
import { buildCli, RFM, records, rfm, tempDir, write } from "./helpers";

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER = `${inline("A1", "Customer")}${inline("B1", "Last order date")}${inline("C1", "Purchases")}${inline("D1", "Total amount")}`;
const GRADE = ["grade", "--profile", "shaoxing", "--as-of", "2025-12-31"];

let dir: string;
beforeAll(() => {
  buildCli();
  dir = tempDir();
}, 180_000);

/** One run of the command: it must fail with exit status 2 and one line. */
function refusal(name: string, bytes: Buffer): string {
  write(dir, name, bytes);
  const run = rfm([GRADE[0], name, ...GRADE.slice(1)], dir);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^rfm: /);
  return lines[0].slice("rfm: ".length);
}

const customers = (extra = "") =>
  handMadeXlsx({
    sheets: [
      {
        name: "Data",
        xml: sheetXml([
          HEADER,
          `${inline("A2", "C001")}<c r="B2"><v>46012</v></c><c r="C2"><v>16</v></c><c r="D2"><v>9</v></c>${extra}`,
        ]),
      },
    ],
  });

/** An OLE compound file (the container of encrypted workbooks and .xls files) naming the given streams. */
function oleFile(streams: string[]): Buffer {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  streams.forEach((name, k) => Buffer.from(name, "utf16le").copy(bytes, 1024 + k * 128));
  return bytes;
}

/** Python's zipfile (Debian's python3) writes the parts again: with Zip64 records, or another compression. */
function rezip(bytes: Buffer, how: "zip64" | "bzip2" | "lzma"): Buffer {
  const input = join(dir, `in-${how}.xlsx`),
    output = join(dir, `out-${how}.xlsx`);
  writeFileSync(input, bytes);
  const script = `
import sys, zipfile
how = sys.argv[3]
if how == "zip64":
    # Every size and offset in Zip64 extra fields, and the Zip64 end of central directory record.
    zipfile.ZIP64_LIMIT = 0
    zipfile.ZIP_FILECOUNT_LIMIT = 0
method = {"zip64": zipfile.ZIP_DEFLATED, "bzip2": zipfile.ZIP_BZIP2, "lzma": zipfile.ZIP_LZMA}[how]
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", method) as dst:
    for info in src.infolist():
        entry = zipfile.ZipInfo(info.filename, info.date_time)
        entry.compress_type = method
        with dst.open(entry, "w", force_zip64=(how == "zip64")) as f:
            f.write(src.read(info.filename))
`;
  execFileSync("/usr/bin/python3", ["-c", script, input, output, how]);
  const zip = readFileSync(output);
  if (how === "zip64") {
    // The classic end record may then say "see the Zip64 record" for its count and offset, as large files' do.
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    zip.writeUInt16LE(0xffff, end + 8);
    zip.writeUInt16LE(0xffff, end + 10);
    zip.writeUInt32LE(0xffffffff, end + 16);
  }
  return zip;
}

/** The same zip with every entry marked encrypted (general purpose flag bit 0), in the local and central headers. */
function markedEncrypted(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at + 4 <= out.length; at++) {
    const sig = out.readUInt32LE(at);
    if (sig === 0x04034b50) out.writeUInt16LE(out.readUInt16LE(at + 6) | 1, at + 6);
    else if (sig === 0x02014b50) out.writeUInt16LE(out.readUInt16LE(at + 8) | 1, at + 8);
  }
  return out;
}

describe("files that are not workbooks this reader reads: one line naming why, exit status 2", () => {
  test("a password-protected workbook (an OLE container holding an encrypted package)", () => {
    expect(refusal("locked.xlsx", oleFile(["EncryptionInfo", "EncryptedPackage"]))).toBe(
      '"locked.xlsx" is password-protected (encrypted): open it in Excel, remove the password (File > Info > Protect Workbook), save it and try again',
    );
  });

  test("an Excel 97–2003 workbook under an .xlsx name (made by LibreOffice)", () => {
    const csv = write(dir, "old.csv", "Customer,Purchases\nC001,16\n");
    execFileSync(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "xls",
        "--outdir",
        dir,
        csv,
      ],
      { stdio: "pipe" },
    );
    expect(refusal("old-as.xlsx", readFileSync(join(dir, "old.xls")))).toBe(
      '"old-as.xlsx" is an Excel 97–2003 workbook (.xls) with an .xlsx name: open it in Excel, save it as .xlsx (File > Save As) and try again',
    );
  }, 120_000);

  test("an OpenDocument spreadsheet under an .xlsx name (made by LibreOffice)", () => {
    const csv = write(dir, "ods-source.csv", "Customer,Purchases\nC001,16\n");
    execFileSync(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "ods",
        "--outdir",
        dir,
        csv,
      ],
      { stdio: "pipe" },
    );
    expect(refusal("sheet-as.xlsx", readFileSync(join(dir, "ods-source.ods")))).toMatch(
      /^"sheet-as\.xlsx" is an OpenDocument spreadsheet \(\.ods\) with an \.xlsx name/,
    );
  }, 120_000);

  test("a binary workbook (.xlsb) under an .xlsx name", () => {
    const xlsb = zipParts({
      "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`,
      "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]),
    });
    expect(refusal("binary.xlsx", xlsb)).toMatch(
      /^"binary\.xlsx" is an Excel binary workbook \(\.xlsb\), which is not read here/,
    );
  });

  test("a web page saved with an .xlsx name", () => {
    const html = Buffer.from("\uFEFF<html><body><table><tr><td>Customer</td></tr></table></body></html>");
    expect(refusal("page.xlsx", html)).toMatch(
      /^"page\.xlsx" is a web page or XML file with an \.xlsx name, not a workbook/,
    );
  });

  test("compression other than Deflate (bzip2, LZMA) is named", () => {
    expect(refusal("bzip2.xlsx", rezip(customers(), "bzip2"))).toBe(
      '"bzip2.xlsx" is compressed with bzip2, which is not read here (only Deflate, as Excel writes): open it in Excel, save it again and try again',
    );
    expect(refusal("lzma.xlsx", rezip(customers(), "lzma"))).toMatch(/^"lzma\.xlsx" is compressed with LZMA/);
  });

  test("a zip whose entries are encrypted", () => {
    expect(refusal("zipcrypto.xlsx", markedEncrypted(customers()))).toMatch(
      /^"zipcrypto\.xlsx" is a zip with encrypted \(password-protected\) entries/,
    );
  });

  test("a part the workbook points at is missing: the sheet, or the shared strings a cell refers to", () => {
    const files = workbookParts({ sheets: [{ name: "Data", xml: sheetXml([HEADER]) }] });
    delete files["xl/worksheets/sheet1.xml"];
    expect(refusal("no-sheet.xlsx", zipParts(files))).toBe(
      '"no-sheet.xlsx" is damaged: its part xl/worksheets/sheet1.xml is missing; open it in Excel to repair it, or export it again',
    );
    const noStrings = handMadeXlsx({ sheets: [{ name: "Data", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`]) }] });
    expect(refusal("no-strings.xlsx", noStrings)).toMatch(
      /^"no-strings\.xlsx" is damaged: its part xl\/sharedStrings\.xml is missing/,
    );
  });

  test("a workbook with no worksheet (only a chart sheet)", () => {
    const chartOnly = handMadeXlsx({
      sheets: [
        {
          name: "Chart1",
          kind: "chartsheet",
          xml: `<?xml version="1.0"?><chartsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
        },
      ],
    });
    expect(refusal("charts.xlsx", chartOnly)).toBe(
      '"charts.xlsx" has no worksheet with cells (only chart or dialog sheets)',
    );
  });

  test("in Chinese too", () => {
    write(dir, "locked2.xlsx", oleFile(["EncryptedPackage"]));
    const run = rfm([...GRADE.slice(0, 1), "locked2.xlsx", ...GRADE.slice(1), "--lang", "zh"], dir);
    expect([run.status, run.stderr.trim()]).toEqual([
      2,
      "rfm: “locked2.xlsx”设置了打开密码（已加密）：请在 Excel 中打开，删除密码（文件 > 信息 > 保护工作簿），保存后重试",
    ]);
  });
});

test("a Zip64 package (Zip64 end records and extra fields, as large workbooks have) is read", () => {
  write(dir, "zip64.xlsx", rezip(customers(), "zip64"));
  const run = rfm([GRADE[0], "zip64.xlsx", ...GRADE.slice(1)], dir);
  expect(run.status).toBe(0);
  expect(records(run.stdout).map((r) => [r.Customer, r["R Score"], r.Grade])).toEqual([["C001", "5", "A"]]);
});

describe("the day graded is the day written back", () => {
  const DATE_1904 = handMadeXlsx({
    workbookPr: '<workbookPr date1904="1"/>',
    styles: stylesXml([{ id: 164, code: "yyyy-mm-dd" }], [0, 164]),
    sheets: [
      {
        name: "Data",
        xml: sheetXml([
          HEADER,
          // 44550 in the 1904 system is 2025-12-21 (in the 1900 system it would be 2021-12-20): formatted, and not.
          `${inline("A2", "M1")}<c r="B2" s="1"><v>44550</v></c><c r="C2"><v>16</v></c><c r="D2"><v>9</v></c>`,
          `${inline("A3", "M2")}<c r="B3"><v>44550.75</v></c><c r="C3"><v>16</v></c><c r="D3"><v>9</v></c>`,
        ]),
      },
    ],
  });

  test("1904 date system: graded as 2025-12-21, and the output workbook shows 2025-12-21 (formatted or not)", async () => {
    write(dir, "mac.xlsx", DATE_1904);
    const csv = rfm([GRADE[0], "mac.xlsx", ...GRADE.slice(1)], dir);
    expect(records(csv.stdout).map((r) => [r.Customer, r["Last order date"], r["R Score"]])).toEqual([
      ["M1", "2025-12-21", "5"],
      ["M2", "44550.75", "5"],
    ]);
    const run = rfm([GRADE[0], "mac.xlsx", ...GRADE.slice(1), "--out", "mac-out.xlsx"], dir);
    expect(run.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "mac-out.xlsx"));
    const ws = wb.worksheets[0];
    expect([ws.getCell("B2").value, ws.getCell("B3").value, ws.getCell("F2").value, ws.getCell("F3").value]).toEqual([
      utc(2025, 12, 21),
      utc(2025, 12, 21, 18),
      5,
      5,
    ]);
  });

  test("1904 date system with --formulas: the formulas see the day the engine graded", async () => {
    write(dir, "mac.xlsx", DATE_1904);
    const run = rfm([GRADE[0], "mac.xlsx", ...GRADE.slice(1), "--formulas", "--out", "mac-formulas.xlsx"], dir);
    expect(run.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "mac-formulas.xlsx"));
    const ws = wb.worksheets[0];
    expect([ws.getCell("B2").value, ws.getCell("B3").value]).toEqual([utc(2025, 12, 21), utc(2025, 12, 21, 18)]);
  });

  test('t="d" ISO dates in Asia/Shanghai: 2025-12-21T00:00:00 is graded as 21 December (D = 10, R 5), as in UTC', () => {
    const iso = handMadeXlsx({
      sheets: [
        {
          name: "Data",
          xml: sheetXml([
            HEADER,
            `${inline("A2", "T1")}<c r="B2" t="d"><v>2025-12-21T00:00:00</v></c><c r="C2"><v>16</v></c><c r="D2"><v>9</v></c>`,
            `${inline("A3", "T2")}<c r="B3" t="d"><v>2025-12-21T00:30:00+08:00</v></c><c r="C3"><v>16</v></c><c r="D3"><v>9</v></c>`,
            `${inline("A4", "T3")}<c r="B4" t="d"><v>2025-12-20T23:30:00-05:00</v></c><c r="C4"><v>16</v></c><c r="D4"><v>9</v></c>`,
          ]),
        },
      ],
    });
    write(dir, "iso.xlsx", iso);
    for (const zone of ["Asia/Shanghai", "UTC", "America/Los_Angeles"]) {
      const run = spawnSync(process.execPath, [RFM, GRADE[0], "iso.xlsx", ...GRADE.slice(1)], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, TZ: zone, NO_COLOR: "1" },
      });
      expect(run.status).toBe(0);
      expect(records(run.stdout).map((r) => [r.Customer, r["Last order date"], r["R Score"]])).toEqual([
        ["T1", "2025-12-21", "5"],
        ["T2", "2025-12-21 00:30:00", "5"],
        ["T3", "2025-12-20 23:30:00", "4"],
      ]);
    }
  });
});
