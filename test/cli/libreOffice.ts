/**
 * Recalculating workbooks with a real spreadsheet engine: Debian's LibreOffice, headless, with a private user profile
 * in a temporary folder (so it never touches or waits on the user's own). Cached values of formulas are removed first,
 * so every result cell is computed by LibreOffice, not copied from what the writer stored.
 */

import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);

/** Removes every `<v>` cached value that follows a formula, in every worksheet of the workbook. */
export function withoutCachedValues(xlsx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(xlsx));
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]).replace(/(<\/f>)<v>[^<]*<\/v>/g, "$1");
    files[name] = strToU8(xml);
  }
  return Buffer.from(zipSync(files));
}

/** Changes a value cell of a worksheet (e.g. the analysis date in the parameters block) before recalculation. */
export function withCellValue(xlsx: Buffer, sheet: number, ref: string, value: number): Buffer {
  const files = unzipSync(new Uint8Array(xlsx));
  const name = `xl/worksheets/sheet${sheet}.xml`;
  const xml = strFromU8(files[name]);
  const changed = xml.replace(new RegExp(`(<c r="${ref}"[^>]*><v>)[^<]*(</v>)`), `$1${value}$2`);
  if (changed === xml) throw new Error(`no value cell ${ref} in sheet ${sheet}`);
  files[name] = strToU8(changed);
  return Buffer.from(zipSync(files));
}

/**
 * LibreOffice loads each workbook (computing every formula without a cached value) and saves it again as .xlsx with
 * the computed values; one process for all files. Returns the recalculated files' bytes, in order.
 */
export function recalculate(workbooks: Buffer[]): Buffer[] {
  if (!SOFFICE) throw new Error("LibreOffice is not installed: run test/setup/ensure-libreoffice.sh (as root) first");
  const dir = mkdtempSync(join(tmpdir(), "rfm-lo-"));
  try {
    const inputs = workbooks.map((bytes, k) => {
      const path = join(dir, `in-${k}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    const outDir = join(dir, "out");
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        outDir,
        ...inputs,
      ],
      { stdio: "pipe", timeout: 300_000 },
    );
    return inputs.map((path) => {
      const out = join(outDir, basename(path));
      if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${basename(path)}`);
      return readFileSync(out);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
