/**
 * `npm run corpus -- DIR`: reads every .xlsx, .xlsm and .csv file under DIR with the command line's own readers
 * (the built dist/ files, as they ship) and with LibreOffice, compares every cell, and prints the disagreements
 * grouped by kind, with counts and a few examples each. Differences that are deliberate and documented (Excel's
 * behaviour where LibreOffice's differs, formulas LibreOffice computes again) are counted apart. Exit status 1 when
 * any other disagreement remains.
 *
 *   npm run corpus -- DIR [--examples N] [--kind TEXT] [--only xlsx|csv] [--cache DIR] [--no-cache]
 *
 * --examples N: examples shown per kind (3); --kind TEXT: every finding of the kinds whose name holds TEXT; --only:
 * the workbooks or the CSV files alone.
 *
 * LibreOffice's readings are cached by file content (under the system's temporary folder unless --cache names a
 * folder), so a second run after a change to the readers takes seconds. Point it at public reader test suites (e.g.
 * calamine's tests folder, SheetJS's test_files) checked out outside this repository.
 */

import { createHash } from "crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { gunzipSync, gzipSync } from "zlib";
import { join, relative, resolve } from "path";
import { compareSheet, tableCells, type Disagreement, type OurTable } from "../cli/differential/compareCells";
import { libreOfficeFods, readFods, type ReferenceSheet } from "../cli/differential/libreOfficeSheets";
import { explainByPackage } from "./packageShapes";

const ROOT = resolve(__dirname, "../..");

interface OurReaders {
  readXlsx(path: string, bytes: Buffer, sheet?: string): Promise<OurTable & { sheetName?: string }>;
  readTable(path: string): Promise<{ table: OurTable & { text?: { encoding: string; delimiter: string } } }>;
}

/** The readers as they ship: the compiled command line (RFM_CORPUS_DIST may name another build to compare with). */
async function ourReaders(): Promise<OurReaders> {
  const dist = resolve(process.env.RFM_CORPUS_DIST ?? join(ROOT, "dist/node"), "cli");
  if (!existsSync(join(dist, "readXlsx.js"))) throw new Error("build the command line first: npm run build:cli");
  const { readXlsx } = await import(join(dist, "readXlsx.js"));
  const { readTable } = await import(join(dist, "readTable.js"));
  return { readXlsx, readTable };
}

interface Options {
  dir: string;
  examples: number;
  /** Kinds whose every finding is listed (those containing this text). */
  kind: string | undefined;
  /** Only workbooks, or only CSV files. */
  only: "xlsx" | "csv" | undefined;
  cache: string | undefined;
}

function options(argv: string[]): Options {
  const o: Options = {
    dir: "",
    examples: 3,
    kind: undefined,
    only: undefined,
    cache: join(tmpdir(), "rfm-corpus-cache"),
  };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === "--examples") o.examples = Number(argv[++k]);
    else if (a === "--kind") o.kind = argv[++k];
    else if (a === "--only" && (argv[k + 1] === "xlsx" || argv[k + 1] === "csv")) o.only = argv[++k] as "xlsx" | "csv";
    else if (a === "--cache") o.cache = resolve(argv[++k]);
    else if (a === "--no-cache") o.cache = undefined;
    else if (!o.dir) o.dir = resolve(a);
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!o.dir || !existsSync(o.dir) || !statSync(o.dir).isDirectory()) {
    throw new Error(
      "usage: npm run corpus -- DIR [--examples N] [--kind TEXT] [--only xlsx|csv] [--cache DIR] [--no-cache]",
    );
  }
  return o;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(xlsx|xlsm|csv)$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** A finding of the run: a disagreement in a cell, or a whole file or sheet one side could not read. */
interface Finding {
  kind: string;
  deliberate: boolean;
  where: string;
  detail: string;
}

class Tally {
  files = 0;
  sheets = 0;
  cells = 0;
  readersAgreeOnRefusal = 0;
  libreOfficeFailed: string[] = [];
  /** Files whose LibreOffice reading could not be compared, with why. */
  notCompared: string[] = [];
  findings: Finding[] = [];

  /** Every refusal of our readers (a file, or a sheet asked for by name), by reason, agreed with or not. */
  refusals = new Map<string, number>();

  refused(line: string, path: string): string {
    const why = reason(line, path);
    this.refusals.set(why, (this.refusals.get(why) ?? 0) + 1);
    return line;
  }

  add(where: string, d: Disagreement): void {
    this.findings.push({
      kind: d.kind,
      deliberate: d.deliberate,
      where: `${where}!${d.cell}`,
      detail: `here ${d.ours}, LibreOffice ${d.reference}`,
    });
  }
}

/** How the cache marks a reading that could not be compared (too large to hold), before the reason. */
const NOT_COMPARED = "\u0000not compared: ";

/**
 * LibreOffice's readings, from the cache where it has them: the flat OpenDocument it saved (compressed), keyed by the
 * file's content and the import filter, so that a change to how that XML is read needs no new conversion.
 */
async function referenceReadings(
  files: string[],
  cache: string | undefined,
  inFilter?: string,
  keyOf = (p: string) => p,
): Promise<Map<string, ReferenceSheet[] | Error>> {
  const result = new Map<string, ReferenceSheet[] | Error>();
  const missing: string[] = [];
  const cachePath = (p: string) =>
    cache &&
    join(
      cache,
      createHash("sha1")
        .update(readFileSync(p))
        .update(inFilter ?? "")
        .digest("hex") + ".fods.gz",
    );
  const reading = (text: string | Error): ReferenceSheet[] | Error => {
    if (text instanceof Error) return text;
    try {
      return readFods(text);
    } catch (err) {
      return err as Error;
    }
  };
  for (const f of files) {
    const c = cachePath(f);
    if (c && existsSync(c)) {
      const text = gunzipSync(readFileSync(c)).toString("utf8");
      const failed =
        text === ""
          ? new Error("LibreOffice could not open it")
          : text.startsWith(NOT_COMPARED)
            ? new Error(text.slice(NOT_COMPARED.length))
            : undefined;
      result.set(keyOf(f), reading(failed ?? text));
    } else missing.push(f);
  }
  // Converted 25 at a time, each group cached as soon as it is read, so that an interrupted run keeps what it did.
  const profileDir = join(cache ?? tmpdir(), "libreoffice-profile");
  for (let from = 0; from < missing.length; from += 25) {
    const group = missing.slice(from, from + 25);
    const converted = await libreOfficeFods(group, { inFilter, profileDir, batch: 25 });
    for (const f of group) {
      const text = converted.get(f)!;
      result.set(keyOf(f), reading(text));
      const c = cachePath(f);
      if (c) {
        mkdirSync(cache!, { recursive: true });
        const failure =
          text instanceof Error && text.message !== "LibreOffice could not open it" ? NOT_COMPARED + text.message : "";
        writeFileSync(c, gzipSync(text instanceof Error ? failure : text));
      }
    }
  }
  return result;
}

/** The one line a reader refused with, or undefined for a bug (which is rethrown). */
function refusal(err: unknown): string {
  if (err instanceof Error && err.name === "UsageError")
    return (err as Error & { line(lang: string): string }).line("en");
  throw err;
}

/**
 * Refusals that are the readers' rule, not a failure to read: each says in one line why and what to do, where
 * LibreOffice reads on. The reason is kept as the kind, so that each is counted apart.
 */
const DELIBERATE_REFUSALS: RegExp[] = [
  /declares a document type \(DTD\)/, // the packaging conventions forbid it (an XML entity bomb's shape)
  /is an Excel 4 macro sheet/, // formulas to run, not data: read only when named, never
  /is password-protected \(encrypted\)/, // decryption is not supported (LibreOffice knows Excel's default password)
  /bytes do not make that sure|bytes do not tell which/, // an encoding the bytes do not tell: refused, never guessed
];

function refusalFinding(line: string, path: string, where: string, detail: string): Finding {
  const why = reason(line, path);
  const deliberate = DELIBERATE_REFUSALS.some((r) => r.test(line));
  return { kind: `${deliberate ? "refused by rule" : "refused here"}: ${why}`, deliberate, where, detail };
}

/** A refusal's words without the file's name, so that refusals group by reason. */
function reason(line: string, path: string): string {
  return line
    .split(path)
    .join("FILE")
    .replace(/"[^"]*"/g, (m) => (m === '"FILE"' ? m : '"…"'));
}

async function compareWorkbook(
  path: string,
  name: string,
  reference: ReferenceSheet[] | Error,
  readers: OurReaders,
  tally: Tally,
): Promise<void> {
  const bytes = readFileSync(path);
  if (reference instanceof Error && reference.message !== "LibreOffice could not open it") {
    // Not compared (LibreOffice's reading too large, say): our reader must still read or refuse it without crashing.
    tally.notCompared.push(`${name}: ${reference.message}`);
    try {
      await readers.readXlsx(path, bytes);
    } catch (err) {
      tally.refused(refusal(err), path);
    }
    return;
  }
  if (reference instanceof Error) {
    tally.libreOfficeFailed.push(name);
    try {
      await readers.readXlsx(path, bytes);
      tally.findings.push({
        kind: "read here, LibreOffice could not open it",
        deliberate: false,
        where: name,
        detail: reference.message,
      });
    } catch (err) {
      tally.refused(refusal(err), path);
      tally.readersAgreeOnRefusal++;
    }
    return;
  }
  // The sheet read by default: the first visible worksheet; LibreOffice's first visible sheet with cells must not
  // come before it (chart sheets have no cells there).
  let defaultSheet: string | undefined;
  try {
    defaultSheet = (await readers.readXlsx(path, bytes)).sheetName;
  } catch (err) {
    const line = tally.refused(refusal(err), path);
    const anyCells = reference.some((s) => s.cells.size > 0);
    if (anyCells && !/ is empty/.test(line)) tally.findings.push(refusalFinding(line, path, name, line));
  }
  const firstWithCells = reference.find((s) => s.visible && s.cells.size > 0);
  const defaultIndex = reference.findIndex((s) => s.name === defaultSheet);
  if (
    defaultSheet !== undefined &&
    firstWithCells &&
    reference.indexOf(firstWithCells) < defaultIndex &&
    reference[defaultIndex].cells.size > 0
  ) {
    tally.findings.push({
      kind: "another sheet read by default",
      deliberate: false,
      where: name,
      detail: `here "${defaultSheet}", LibreOffice's first visible "${firstWithCells.name}"`,
    });
  }
  for (const sheet of reference) {
    // LibreOffice keeps a copy of each externally linked workbook's sheet as a hidden sheet of its own ('file:///…'#Sheet1).
    if (sheet.name.startsWith("'file:")) continue;
    tally.sheets++;
    let table: OurTable | undefined;
    try {
      table = await readers.readXlsx(path, bytes, sheet.name);
    } catch (err) {
      // LibreOffice renames a sheet whose name it cannot take ("sheet1" becomes "sheet1 -1"): ours is the file's name.
      const renamed = / -\d+$/.test(sheet.name) ? sheet.name.replace(/ -\d+$/, "") : undefined;
      if (renamed) table = await readers.readXlsx(path, bytes, renamed).catch(() => undefined);
      if (!table) {
        const line = tally.refused(refusal(err), path);
        if (sheet.cells.size === 0) continue; // an empty sheet or a chart sheet: nothing to read on either side
        tally.cells += sheet.cells.size;
        if (sheet.pivot)
          tally.findings.push({
            kind: "sheet with a pivot table (LibreOffice lays it out again)",
            deliberate: true,
            where: `${name}!${sheet.name}`,
            detail: line,
          });
        else tally.findings.push(refusalFinding(line, path, `${name}!${sheet.name}`, line));
        continue;
      }
    }
    const result = compareSheet(tableCells(table), sheet, table.date1904);
    tally.cells += result.cells;
    for (const d of result.disagreements) tally.add(`${name}!${sheet.name}`, d);
  }
}

const ENCODINGS: Record<string, string> = {
  utf8: "utf-8",
  utf16le: "utf-16le",
  utf16be: "utf-16be",
  gb18030: "gb18030",
  big5: "big5",
  windows1252: "windows-1252",
};

/**
 * Our reading of each CSV; LibreOffice reads the same text (as we decoded it; as UTF-8 where we refused the file) with
 * the same delimiter, every column as text. A file we refuse must be one LibreOffice finds no cell in.
 */
async function compareCsvs(
  files: string[],
  root: string,
  readers: OurReaders,
  cache: string | undefined,
  tally: Tally,
): Promise<void> {
  const ours = new Map<string, OurTable | string>();
  const work = mkdtempSync(join(tmpdir(), "rfm-corpus-csv-"));
  const byDelimiter = new Map<string, { copy: string; original: string }[]>();
  try {
    for (const [k, f] of files.entries()) {
      const name = relative(root, f);
      let encoding = "utf8",
        delimiter = ",";
      try {
        const { table } = await readers.readTable(f);
        ours.set(f, table);
        encoding = table.text?.encoding ?? encoding;
        delimiter = table.text?.delimiter ?? delimiter;
      } catch (err) {
        if (!(err instanceof Error && err.name === "UsageError")) {
          tally.findings.push({
            kind: "reader crashed",
            deliberate: false,
            where: name,
            detail: String(err instanceof Error ? err.stack : err)
              .split("\n")
              .slice(0, 3)
              .join(" | "),
          });
          continue;
        }
        ours.set(f, tally.refused(refusal(err), f));
      }
      let text: string;
      try {
        text = new TextDecoder(ENCODINGS[encoding] ?? encoding).decode(readFileSync(f));
      } catch {
        text = readFileSync(f).toString("utf8");
      }
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const copy = join(work, `c${k}.csv`);
      writeFileSync(copy, text);
      // Files are read in groups that share a delimiter and a column count (rounded up to a power of two), so that
      // the filter names as many text columns as the files have, and not 16,384 each time.
      const group = `${delimiter}${columnBucket(text, delimiter)}`;
      byDelimiter.set(group, [...(byDelimiter.get(group) ?? []), { copy, original: f }]);
    }
    for (const [key, group] of byDelimiter) {
      // Every column as text (format 2).
      const columnsAsText = Array.from({ length: Number(key.slice(1)) }, (_, c) => `${c + 1}/2`).join("/");
      const filter = `CSV:${key.charCodeAt(0)},34,76,1,${columnsAsText},1033,false,false,false,false,false`;
      const byCopy = new Map(group.map((g) => [g.copy, g.original]));
      const read = await referenceReadings(
        group.map((g) => g.copy),
        cache,
        filter,
        (copy) => byCopy.get(copy)!,
      );
      for (const { original } of group) {
        const name = relative(root, original);
        const reference = read.get(original)!;
        const table = ours.get(original)!;
        tally.sheets++;
        if (reference instanceof Error) {
          tally.libreOfficeFailed.push(name);
          if (typeof table === "string") tally.readersAgreeOnRefusal++;
          continue;
        }
        if (typeof table === "string") {
          const cells = reference[0]?.cells.size ?? 0;
          if (cells === 0) tally.readersAgreeOnRefusal++;
          else
            tally.findings.push(refusalFinding(table, original, name, `${table} (LibreOffice reads ${cells} cells)`));
          continue;
        }
        const result = compareSheet(tableCells(table), reference[0], false, "csv");
        tally.cells += result.cells;
        for (const d of result.disagreements) tally.add(name, d);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** At least as many columns as any line of the text has (delimiters counted, quotes ignored), as a power of two. */
function columnBucket(text: string, delimiter: string): number {
  let most = 1,
    count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === delimiter) count++;
    else if (c === "\n" || c === "\r") {
      most = Math.max(most, count);
      count = 1;
    }
  }
  most = Math.max(most, count);
  let bucket = 16;
  while (bucket < most && bucket < 16384) bucket *= 2;
  return bucket;
}

function report(o: Options, tally: Tally, xlsxCount: number, csvCount: number): number {
  const undeliberate = tally.findings.filter((f) => !f.deliberate);
  const deliberate = tally.findings.filter((f) => f.deliberate);
  console.log(
    `Corpus ${o.dir}: ${tally.files} files (${xlsxCount} workbooks, ${csvCount} CSV), ${tally.sheets} sheets, ${tally.cells} cells compared`,
  );
  console.log(
    `LibreOffice could not open ${tally.libreOfficeFailed.length} of them (refused here too: ${tally.readersAgreeOnRefusal})`,
  );
  for (const n of tally.notCompared) console.log(`Not compared: ${n}`);
  console.log(`Disagreements: ${undeliberate.length} to look at, ${deliberate.length} deliberate (documented)`);
  const group = (title: string, list: Finding[]) => {
    if (list.length === 0) return;
    console.log(`\n${title}`);
    const kinds = new Map<string, Finding[]>();
    for (const f of list) kinds.set(f.kind, [...(kinds.get(f.kind) ?? []), f]);
    for (const [kind, found] of [...kinds].sort((a, b) => b[1].length - a[1].length)) {
      const files = new Set(found.map((f) => f.where.split("!")[0])).size;
      console.log(`  ${String(found.length).padStart(7)}  ${kind}  (${files} file${files === 1 ? "" : "s"})`);
      const listed = o.kind !== undefined && kind.includes(o.kind) ? found : found.slice(0, o.examples);
      for (const f of listed)
        console.log(`             ${f.where}: ${f.detail.length > 200 ? f.detail.slice(0, 199) + "…" : f.detail}`);
    }
  };
  if (tally.refusals.size > 0) {
    console.log("\nRefused here, by reason (files, or sheets asked for by name):");
    for (const [why, n] of [...tally.refusals].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(n).padStart(7)}  ${why}`);
  }
  group("To look at, by kind:", undeliberate);
  group("Deliberate, by kind:", deliberate);
  return undeliberate.length > 0 ? 1 : 0;
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const readers = await ourReaders();
  const files = filesUnder(o.dir);
  const workbooks = o.only === "csv" ? [] : files.filter((f) => !/\.csv$/i.test(f));
  const csvs = o.only === "xlsx" ? [] : files.filter((f) => /\.csv$/i.test(f));
  const tally = new Tally();
  tally.files = workbooks.length + csvs.length;
  const reference = await referenceReadings(workbooks, o.cache);
  for (const f of workbooks) {
    const before = tally.findings.length;
    try {
      await compareWorkbook(f, relative(o.dir, f), reference.get(f)!, readers, tally);
      explainByPackage(readFileSync(f), tally.findings.slice(before));
    } catch (err) {
      tally.findings.push({
        kind: "reader crashed",
        deliberate: false,
        where: relative(o.dir, f),
        detail: String((err as Error).stack ?? err)
          .split("\n")
          .slice(0, 3)
          .join(" | "),
      });
    }
  }
  await compareCsvs(csvs, o.dir, readers, o.cache, tally);
  process.exitCode = report(o, tally, workbooks.length, csvs.length);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
});
