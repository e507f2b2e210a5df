/** The grid-backed Excel double saved as a real .xlsx, so that a spreadsheet engine can recalculate its formulas. */
import ExcelJS from "exceljs";
import type { FakeExcel } from "./fake";

const ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/;

/** Every sheet of the double as it stands: formulas as formulas, texts, numbers and error values as such; its names. */
export async function saveAsXlsx(excel: FakeExcel, date1904: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  for (const name of excel.sheetNames()) {
    const sheet = wb.addWorksheet(name);
    if (excel.usedAddress(name) === null) continue;
    const values = excel.read(name),
      formulas = excel.readFormulas(name);
    values.forEach((row, r) =>
      row.forEach((v, k) => {
        const f = formulas[r][k];
        const target = sheet.getCell(r + 1, k + 1);
        // The double gives a formula cell the value 0; a text that starts with "=" (an id "=A") reads the same both ways.
        if (typeof f === "string" && f.startsWith("=") && f !== v)
          target.value = { formula: f.slice(1) } as ExcelJS.CellFormulaValue;
        else if (typeof v === "string" && ERROR.test(v)) target.value = { error: v } as ExcelJS.CellErrorValue;
        else if (v !== "" && v !== null) target.value = v as ExcelJS.CellValue;
      }),
    );
  }
  for (const [name, ref] of Object.entries(excel.names())) wb.definedNames.add(ref.slice(1), name);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
