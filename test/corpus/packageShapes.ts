/**
 * Shapes inside a workbook's package that Excel and LibreOffice read differently, looked for only in workbooks where
 * the cell comparison found a disagreement. Each one explains some of those disagreements as deliberate: the reader
 * does what the file format (and Excel) says, LibreOffice does something else.
 */

import { SaxesParser } from "saxes";
import { entryBytes, zipEntries } from "../../src/cli/xlsx/zipEntries";

interface PackageShapes {
  /** Part names written with backslashes (xl\worksheets\sheet1.xml): Excel opens such files, LibreOffice cannot. */
  backslashNames: boolean;
  /** Cells (A1 references, any sheet) of type inlineStr that also carry a <v>: the text is the <is> element's. */
  inlineWithValue: Set<string>;
  /** Markup-compatibility content to process (mc:ProcessContent) in the shared strings. */
  processContent: boolean;
  /** Worksheet parts that are not well-formed XML (text outside the root element, …). */
  damagedSheets: string[];
  /** The package's root relationships (_rels/.rels) are not XML: the workbook is found at its usual part. */
  damagedRootRelationships: boolean;
  /** Parts whose bytes fail the CRC-32 their zip entry records. */
  failedChecksums: string[];
}

function packageShapes(bytes: Buffer): PackageShapes | undefined {
  let entries;
  try {
    entries = zipEntries(bytes);
  } catch {
    return undefined;
  }
  const shapes: PackageShapes = {
    backslashNames: false,
    inlineWithValue: new Set(),
    processContent: false,
    damagedSheets: [],
    damagedRootRelationships: false,
    failedChecksums: [],
  };
  const text = (name: string) => {
    try {
      return entryBytes(bytes, entries.get(name)!).toString("utf8");
    } catch {
      return "";
    }
  };
  for (const [name, entry] of entries) {
    if (entry.name.includes("\\")) shapes.backslashNames = true;
    try {
      entryBytes(bytes, entry);
    } catch (err) {
      if (/CRC-32/.test((err as Error).message)) shapes.failedChecksums.push(name);
    }
    if (name === "_rels/.rels" && !wellFormed(text(name))) shapes.damagedRootRelationships = true;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      const xml = text(name);
      // <c r="D2" t="inlineStr"><v>1.0</v><is>…</is></c>, with or without a namespace prefix.
      // (A self-closing <c r="C2"/> is no cell with content: its attributes may not end in "/".)
      for (const m of xml.matchAll(
        /<(?:\w+:)?c\b((?:[^>/]|\/(?!>))*)>((?:(?!<\/(?:\w+:)?c>)[\s\S])*)<\/(?:\w+:)?c>/g,
      )) {
        if (!/\bt="inlineStr"/.test(m[1]) || !/<(?:\w+:)?v\b/.test(m[2])) continue;
        const ref = /\br="([A-Z]+\d+)"/.exec(m[1]);
        if (ref) shapes.inlineWithValue.add(ref[1]);
      }
      if (!wellFormed(xml)) shapes.damagedSheets.push(name);
    } else if (/^xl\/sharedStrings\.xml$/i.test(name)) {
      shapes.processContent = /\bmc:ProcessContent=/.test(text(name));
    }
  }
  return shapes;
}

function wellFormed(xml: string): boolean {
  try {
    new SaxesParser({ xmlns: false }).write(xml).close();
    return true;
  } catch {
    return false;
  }
}

/** A finding the cell comparison made, which a package shape may explain. */
export interface ExplainedFinding {
  kind: string;
  deliberate: boolean;
  /** file!sheet!A1, file!sheet or file. */
  where: string;
  detail: string;
}

/** Marks as deliberate (with the reason) the findings that the workbook's package shapes explain. */
export function explainByPackage(bytes: Buffer, findings: ExplainedFinding[]): void {
  const open = findings.filter((f) => !f.deliberate);
  if (open.length === 0) return;
  const shapes = packageShapes(bytes);
  if (!shapes) return;
  for (const f of open) {
    const cell = f.where.split("!").pop() ?? "";
    if (f.kind === "read here, LibreOffice could not open it" && shapes.backslashNames) {
      f.kind = "package: part names written with backslashes (Excel opens the file, LibreOffice cannot)";
    } else if (f.kind === "read here, LibreOffice could not open it" && shapes.damagedRootRelationships) {
      f.kind =
        "package: root relationships that are not XML: the workbook read from its usual part (LibreOffice cannot open the file)";
    } else if (f.kind.startsWith("refused here:") && /is damaged/.test(f.kind) && shapes.failedChecksums.length > 0) {
      f.kind = "package: a part fails its CRC-32 check: refused as damaged (LibreOffice reads what it can of it)";
    } else if (f.kind === "text here, empty in LibreOffice" && shapes.inlineWithValue.has(cell)) {
      f.kind =
        "inline string that also carries a value element: its text here, as the file format says (LibreOffice shows nothing)";
    } else if (f.kind === "text here, empty in LibreOffice" && shapes.damagedSheets.length > 0) {
      f.kind =
        "sheet that is not well-formed XML: its cells read here (LibreOffice reads none; Excel offers to repair it)";
    } else if (f.kind === "texts differ" && shapes.processContent) {
      f.kind =
        "text: markup-compatibility content (mc:ProcessContent) read as the file format says (LibreOffice skips it)";
    } else continue;
    f.deliberate = true;
  }
}
