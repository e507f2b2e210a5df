/**
 * The reference reading of a spreadsheet file: LibreOffice (headless, with a private user profile) opens it and saves
 * it as flat OpenDocument (.fods), where every cell carries its type and value unambiguously (office:value-type
 * float/date/time/boolean/string, dates as ISO text), and that XML is read here with an XML parser of its own
 * (saxes), nothing of the code under test.
 */

import { spawn } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { basename, extname, join } from "path";
import { SaxesParser } from "saxes";
import { SOFFICE } from "../libreOffice";

type ReferenceValue =
  | { kind: "number"; value: number }
  | { kind: "date"; value: string }
  | { kind: "time"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; value: string }
  | { kind: "error"; value: string };

export interface ReferenceCell {
  value: ReferenceValue;
  /** The text LibreOffice shows in the cell. */
  shown: string;
  /** The cell holds a formula (LibreOffice may have computed it again). */
  formula: boolean;
}

export interface ReferenceSheet {
  name: string;
  visible: boolean;
  /** LibreOffice lays out a pivot table here (from the pivot cache, its own way). */
  pivot: boolean;
  /** Cells by "row,column" (0-based), non-empty ones only. */
  cells: Map<string, ReferenceCell>;
}

/** The sheets of a flat OpenDocument spreadsheet, in order. */
export function readFods(xml: string): ReferenceSheet[] {
  const sheets: ReferenceSheet[] = [];
  const hiddenStyles = new Set<string>();
  const sheetStyles: string[] = [];
  let styleName: string | undefined;
  let sheet: ReferenceSheet | undefined;
  let row = 0,
    col = 0,
    rowRepeat = 1;
  let rowCells: [number, number, ReferenceCell][] = [];
  let cell: { attrs: Record<string, string>; repeat: number; text: string; paragraphs: number } | undefined;
  let inParagraph = 0,
    skipDepth = 0;
  const pivotSheets = new Set<string>();
  const matrices: { sheet: ReferenceSheet; row: number; col: number; rows: number; cols: number }[] = [];
  // Only tables right under office:spreadsheet are sheets (a chart's own data table is one too, inside the chart).
  const open: string[] = [];

  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const a = tag.attributes as Record<string, string>;
    // saxes reports a self-closing tag as an open tag followed by its close tag.
    const parent = open[open.length - 1];
    open.push(tag.name);
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    // A chart's own data table is a table too; shapes and charts anchored to a cell sit inside the cell with their text.
    if ((tag.name === "table:table" && parent !== "office:spreadsheet") || (cell && tag.name.startsWith("draw:"))) {
      skipDepth = 1;
      return;
    }
    switch (tag.name) {
      case "table:data-pilot-table": {
        const target = (a["table:target-range-address"] ?? "").split(":")[0];
        pivotSheets.add(
          target
            .slice(0, target.lastIndexOf("."))
            .replace(/^\$/, "")
            .replace(/^'(.*)'$/, "$1")
            .replace(/''/g, "'"),
        );
        break;
      }
      case "style:style":
        styleName = a["style:family"] === "table" ? a["style:name"] : undefined;
        break;
      case "style:table-properties":
        if (styleName && a["table:display"] === "false") hiddenStyles.add(styleName);
        break;
      case "table:table":
        sheet = { name: a["table:name"] ?? "", visible: true, pivot: false, cells: new Map() };
        sheets.push(sheet);
        sheetStyles.push(a["table:style-name"] ?? "");
        row = 0;
        break;
      case "table:table-row":
        rowRepeat = Number(a["table:number-rows-repeated"] ?? 1);
        col = 0;
        rowCells = [];
        break;
      case "table:table-cell":
      case "table:covered-table-cell":
        cell = { attrs: a, repeat: Number(a["table:number-columns-repeated"] ?? 1), text: "", paragraphs: 0 };
        break;
      case "office:annotation":
        skipDepth = 1;
        break;
      case "text:p":
        if (cell && cell.paragraphs++ > 0) cell.text += "\n";
        inParagraph++;
        break;
      case "text:s":
        if (cell && inParagraph) cell.text += " ".repeat(Number(a["text:c"] ?? 1));
        break;
      case "text:tab":
        if (cell && inParagraph) cell.text += "\t";
        break;
      case "text:line-break":
        if (cell && inParagraph) cell.text += "\n";
        break;
      default:
        break;
    }
  });
  parser.on("text", (t) => {
    if (cell && inParagraph && skipDepth === 0) cell.text += t;
  });
  parser.on("cdata", (t) => {
    if (cell && inParagraph && skipDepth === 0) cell.text += t;
  });
  parser.on("closetag", (tag) => {
    open.pop();
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (tag.name === "text:p" && inParagraph > 0) inParagraph--;
    else if (tag.name === "table:table-cell" || tag.name === "table:covered-table-cell") endCell();
    else if (tag.name === "table:table-row") {
      if (sheet && rowCells.length > 0) {
        for (let k = 0; k < rowRepeat; k++) for (const [r, c, v] of rowCells) sheet.cells.set(`${r + k},${c}`, v);
      }
      row += rowRepeat;
    }
  });

  function endCell(): void {
    if (!cell) return;
    // An array formula's results fill the range it spans: each of those cells is the formula's.
    const spanRows = Number(cell.attrs["table:number-matrix-rows-spanned"] ?? 0),
      spanCols = Number(cell.attrs["table:number-matrix-columns-spanned"] ?? 0);
    if (sheet && spanRows > 0 && spanCols > 0) matrices.push({ sheet, row, col, rows: spanRows, cols: spanCols });
    const value = cellValue(cell.attrs, cell.text);
    if (value) {
      const entry: ReferenceCell = { value, shown: cell.text, formula: "table:formula" in cell.attrs };
      // A repeated cell with content is the same content in each column it spans.
      for (let k = 0; k < Math.min(cell.repeat, 16384); k++) rowCells.push([row, col + k, entry]);
    }
    col += cell.repeat;
    cell = undefined;
  }

  parser.write(xml).close();
  sheets.forEach((s, k) => {
    s.visible = !hiddenStyles.has(sheetStyles[k]);
    s.pivot = pivotSheets.has(s.name);
  });
  for (const m of matrices) {
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) {
        const key = `${r},${c}`;
        const found = m.sheet.cells.get(key);
        if (found) m.sheet.cells.set(key, { ...found, formula: true });
      }
    }
  }
  return sheets;
}

function cellValue(a: Record<string, string>, text: string): ReferenceValue | undefined {
  const type = a["office:value-type"];
  if (a["calcext:value-type"] === "error") return { kind: "error", value: text };
  switch (type) {
    case "float":
    case "percentage":
    case "currency":
      return { kind: "number", value: Number(a["office:value"]) };
    case "date":
      return { kind: "date", value: a["office:date-value"] };
    case "time":
      return { kind: "time", value: a["office:time-value"] };
    case "boolean":
      return { kind: "boolean", value: a["office:boolean-value"] === "true" };
    case "string": {
      const s = a["office:string-value"] ?? text;
      // A formula whose result is empty text still counts (its stored result may differ).
      return s === "" && !("table:formula" in a) ? undefined : { kind: "text", value: s };
    }
    default:
      // A formula LibreOffice computed to nothing it types (an empty result) still counts.
      return "table:formula" in a ? { kind: "text", value: text } : undefined;
  }
}

export interface ConvertOptions {
  /** LibreOffice's import filter with its options (CSV: "CSV:44,34,76,1,…"). */
  inFilter?: string;
  /** Files per LibreOffice process (one that hangs or crashes costs only its batch, then each file is tried alone). */
  batch?: number;
  timeoutMs?: number;
  /** Where the private user profile lives (reused across calls: the first start of a profile is slow). */
  profileDir?: string;
}

/**
 * LibreOffice's reading of each file: the sheets, or the reason it could not open the file. The files are copied
 * under fresh names first, so that names never collide and LibreOffice never writes next to the originals.
 */
export async function libreOfficeSheets(
  paths: string[],
  options: ConvertOptions = {},
): Promise<Map<string, ReferenceSheet[] | Error>> {
  const fods = await libreOfficeFods(paths, options);
  const result = new Map<string, ReferenceSheet[] | Error>();
  for (const [path, text] of fods) {
    try {
      result.set(path, text instanceof Error ? text : readFods(text));
    } catch (err) {
      result.set(path, err as Error);
    }
  }
  return result;
}

/** Each file as LibreOffice saves it in flat OpenDocument (its text), or why it could not open it. */
export async function libreOfficeFods(
  paths: string[],
  options: ConvertOptions = {},
): Promise<Map<string, string | Error>> {
  if (!SOFFICE) throw new Error("LibreOffice is not installed: run test/setup/ensure-libreoffice.sh (as root) first");
  const dir = mkdtempSync(join(tmpdir(), "rfm-lo-read-"));
  const profile = options.profileDir ?? join(dir, "profile");
  const result = new Map<string, string | Error>();
  try {
    const copies = paths.map((path, k) => {
      const copy = join(dir, `f${k}${extname(path).toLowerCase()}`);
      copyFileSync(path, copy);
      return copy;
    });
    const batch = options.batch ?? 40;
    for (let from = 0; from < copies.length; from += batch) {
      const part = copies.slice(from, from + batch);
      const outDir = join(dir, `out${from}`);
      const ok = await convert(part, outDir, profile, options, batch);
      // Each file alone, so that one file that stops LibreOffice does not take the others with it.
      if (!ok && part.length > 1) for (const one of part) await convert([one], outDir, profile, options, 1);
      part.forEach((copy, k) => {
        const out = join(outDir, basename(copy, extname(copy)) + ".fods");
        result.set(paths[from + k], existsSync(out) ? fodsText(out) : new Error("LibreOffice could not open it"));
      });
      rmSync(outDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/** Above this size LibreOffice's reading is not compared (an XML bomb's expansion, say: it would not fit in a string). */
const LARGEST_FODS = 256 * 1024 * 1024;

function fodsText(path: string): string | Error {
  const size = statSync(path).size;
  if (size > LARGEST_FODS)
    return new Error(`LibreOffice's reading is too large to compare (${Math.round(size / 1048576)} MB)`);
  return readFileSync(path, "utf8");
}

function convert(
  files: string[],
  outDir: string,
  profile: string,
  options: ConvertOptions,
  count: number,
): Promise<boolean> {
  mkdirSync(outDir, { recursive: true });
  const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck"];
  if (options.inFilter) args.push(`--infilter=${options.inFilter}`);
  args.push("--convert-to", "fods", "--outdir", outDir, ...files);
  const timeout = (options.timeoutMs ?? 60_000) + count * 5_000;
  return new Promise((resolve) => {
    // Its own process group, so that a LibreOffice that hangs is stopped with every process it started.
    const child = spawn(SOFFICE!, args, { detached: true, stdio: "ignore" });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeout);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
    child.on("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}
