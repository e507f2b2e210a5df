/**
 * Our reading of a sheet against LibreOffice's, cell by cell. Each disagreement gets a kind (what differs, in a few
 * words) so that a corpus run can count them by kind; the differences that are deliberate (documented in README:
 * Excel's behaviour where LibreOffice differs from it, formulas LibreOffice computes again) are marked so.
 */

import { dayToSerial } from "../../../src/engine";
import type { ReferenceCell, ReferenceSheet } from "./libreOfficeSheets";

/** A cell value as our readers return it (the engine's Cell). */
export type OurCell = unknown;

/** What a table from our readers offers (src/cli/table.ts), as far as this comparison needs. */
export interface OurTable {
  headers: OurCell[];
  rowCount: number;
  width: number;
  row(i: number): OurCell[];
  firstRowNumber: number;
  date1904: boolean;
}

export interface Disagreement {
  kind: string;
  deliberate: boolean;
  /** "A1"-style reference. */
  cell: string;
  ours: string;
  reference: string;
}

/** A table's non-empty cells by "row,column" (0-based sheet positions). */
export function tableCells(table: OurTable): Map<string, OurCell> {
  const cells = new Map<string, OurCell>();
  const headerRow = table.firstRowNumber - 2;
  const put = (r: number, values: OurCell[]) =>
    values.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") cells.set(`${r},${c}`, v);
    });
  put(headerRow, table.headers);
  for (let i = 0; i < table.rowCount; i++) put(headerRow + 1 + i, table.row(i));
  return cells;
}

export interface Comparison {
  /** Cells compared (non-empty on either side). */
  cells: number;
  disagreements: Disagreement[];
}

/** Every cell of our reading against LibreOffice's reading of the same sheet. */
export function compareSheet(
  ours: Map<string, OurCell>,
  reference: ReferenceSheet,
  date1904: boolean,
  source: "xlsx" | "csv" = "xlsx",
): Comparison {
  const keys = new Set([...ours.keys(), ...reference.cells.keys()]);
  const disagreements: Disagreement[] = [];
  for (const key of keys) {
    const [r, c] = key.split(",").map(Number);
    let verdict = compareCell(ours.get(key), reference.cells.get(key), date1904, source);
    // The cells of a pivot table are what the file stores (as Excel shows them until refreshed); LibreOffice lays the
    // table out again from the pivot cache, in its own way.
    if (verdict && reference.pivot)
      verdict = { kind: "sheet with a pivot table (LibreOffice lays it out again)", deliberate: true };
    if (verdict)
      disagreements.push({
        ...verdict,
        cell: cellName(r, c),
        ours: show(ours.get(key)),
        reference: showReference(reference.cells.get(key)),
      });
  }
  return { cells: keys.size, disagreements };
}

type Verdict = { kind: string; deliberate: boolean } | undefined;

const MS_PER_DAY = 86_400_000;
const LAST_DAY_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Why two readings of a cell differ, or undefined when they agree. */
function compareCell(
  ours: OurCell,
  ref: ReferenceCell | undefined,
  date1904: boolean,
  source: "xlsx" | "csv" = "xlsx",
): Verdict {
  const empty = ours === null || ours === undefined || ours === "";
  if (!ref) {
    if (empty) return undefined;
    if (typeof ours === "string" && withoutControls(ours) === "") return CONTROLS;
    return { kind: `${typeName(ours)} here, empty in LibreOffice`, deliberate: false };
  }
  const v = ref.value;
  if (empty) {
    if (v.kind === "text" && v.value === "") return undefined;
    if (ref.formula) return { kind: "formula without a stored result: LibreOffice computes it", deliberate: true };
    if (v.kind === "text" && trimXml(v.value) === "") return WHITE_SPACE;
    return { kind: `empty here, ${v.kind} in LibreOffice`, deliberate: false };
  }
  // A formula's stored result is what Excel shows until it recalculates; LibreOffice may compute it again (volatile
  // functions, functions it evaluates differently): any difference there is LibreOffice's computation.
  const verdict = valueVerdict(ours, ref, date1904, source);
  if (verdict && !verdict.deliberate && ref.formula) {
    if (typeof ours === "boolean" && v.kind === "number" && v.value === (ours ? 1 : 0)) {
      return { kind: "formula cell: a logical result, which LibreOffice holds as 1 or 0", deliberate: true };
    }
    return { kind: "formula cell: LibreOffice computed another result", deliberate: true };
  }
  return verdict;
}

// Characters XML cannot hold (controls, U+FFFE and U+FFFF), which Excel writes as _xHHHH_ escapes (XlsxWriter's tests
// compare with Excel's own files).
const CONTROLS: Verdict = {
  kind: "text: control characters written as _xHHHH_ (Excel keeps them, LibreOffice drops them)",
  deliberate: true,
};

function withoutControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

const MULTI_LINE_TABS: Verdict = {
  kind: "text: tabs in a text of several lines (Excel keeps them, LibreOffice drops them)",
  deliberate: true,
};

const WHITE_SPACE: Verdict = {
  kind: 'text: white space at its ends without xml:space="preserve" (Excel drops it, LibreOffice keeps it)',
  deliberate: true,
};

function trimXml(s: string): string {
  return s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, "");
}

function valueVerdict(ours: OurCell, ref: ReferenceCell, date1904: boolean, source: "xlsx" | "csv"): Verdict {
  const v = ref.value;
  const differ = (what: string): Verdict => ({ kind: what, deliberate: false });

  if (typeof ours === "number") {
    if (v.kind === "number") return sameNumber(ours, v.value) ? undefined : differ("numbers differ");
    // Excel shows no day for serial 0, for 60 (1900-02-29, a day that never was), for negative serials and, in the 1904
    // system, for anything before 1904: such a serial stays a number here; LibreOffice counts on from its own day 0.
    const when = v.kind === "date" ? isoMs(v.value) : NaN;
    if (when < (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1900, 2, 1)) || !(when <= LAST_DAY_MS)) {
      if (v.kind === "date")
        return {
          kind: "a serial Excel shows as no day (0, 1900-02-29, before its date system starts, past 9999): a number here",
          deliberate: true,
        };
    }
    if (v.kind === "date") return { kind: "number here, date in LibreOffice", deliberate: false };
    if (v.kind === "time" && ours < 0)
      return { kind: "a negative time, which Excel shows as ####: a number here", deliberate: true };
    if (v.kind === "time") return { kind: "number here, time in LibreOffice", deliberate: false };
    return { kind: `number here, ${v.kind} in LibreOffice`, deliberate: false };
  }
  if (ours instanceof Date) {
    if (v.kind === "date") {
      const theirs = isoMs(v.value);
      if (Math.abs(theirs - ours.getTime()) < 1000) return undefined;
      // Serials 1–60 of the 1900 system: Excel counts a 29 February 1900 that never was; LibreOffice does not.
      if (!date1904 && ours.getTime() < Date.UTC(1900, 2, 1) && Math.abs(theirs + MS_PER_DAY - ours.getTime()) < 1000) {
        return { kind: "date before 1900-03-01: Excel's day (LibreOffice's is one day earlier)", deliberate: true };
      }
      return differ("dates differ");
    }
    if (v.kind === "time") {
      // A date-time shown with a time-only format: LibreOffice calls it a time (an elapsed time since its day 0).
      const day = Math.floor(ours.getTime() / MS_PER_DAY);
      const serial = dayToSerial(day, date1904) + (ours.getTime() - day * MS_PER_DAY) / MS_PER_DAY;
      return Math.abs(durationDays(v.value) - serial) * MS_PER_DAY < 1000 ? undefined : differ("date-times differ");
    }
    return { kind: `date here, ${v.kind} in LibreOffice`, deliberate: false };
  }
  if (typeof ours === "boolean") {
    if (v.kind === "boolean") return ours === v.value ? undefined : differ("booleans differ");
    return { kind: `boolean here, ${v.kind} in LibreOffice`, deliberate: false };
  }
  if (typeof ours === "string") {
    if (v.kind === "text") {
      if (ours === v.value) return undefined;
      if (ours === trimXml(v.value)) return WHITE_SPACE;
      if (withoutControls(ours) === v.value) return CONTROLS;
      // _x000D_ is a carriage return in Excel's cell text; LibreOffice leaves it out before a line feed. In a CSV, a
      // CRLF inside a quoted field is kept as the file holds it, as Python's csv module reads it (the reference the
      // CSV reader is tested against); LibreOffice makes it a line feed.
      if (ours.indexOf("\r") >= 0 && ours.replace(/\r\n/g, "\n").replace(/\r/g, "\n") === v.value) {
        return source === "csv"
          ? {
              kind: "CSV: a CRLF inside a quoted field kept as written (as Python's csv; LibreOffice reads a line feed)",
              deliberate: true,
            }
          : {
              kind: "text: _x000D_ read as a carriage return (Excel keeps it, LibreOffice drops it)",
              deliberate: true,
            };
      }
      // Tabs in a text of several lines are kept (Excel keeps every character of a cell); LibreOffice drops them.
      if (ours.includes("\n") && ours.includes("\t") && ours.replace(/\t/g, "") === v.value) return MULTI_LINE_TABS;
      // Several of the above in one cell (a CSV field holding a tab, a line break, a form feed and a carriage return).
      const asLibreOffice = withoutControls(ours.replace(/\r\n?/g, "\n"));
      if ((asLibreOffice.includes("\n") ? asLibreOffice.replace(/\t/g, "") : asLibreOffice) === v.value) {
        return {
          kind: "text: control characters, tabs of a text of several lines and carriage returns kept (LibreOffice drops or changes them)",
          deliberate: true,
        };
      }
      // Excel decodes _xHHHH_ with four hexadecimal digits only: _xb_ is text. LibreOffice decodes it (and drops the
      // control character it makes).
      if (ours.replace(/_x[0-9A-Fa-f]{1,3}_/g, "") === v.value)
        return {
          kind: "text: _xHH_ with fewer than four digits is text (Excel decodes only _xHHHH_; LibreOffice decodes it)",
          deliberate: true,
        };
      return differ("texts differ");
    }
    // Times of day and elapsed times are read as the text Excel shows (they are no dates): LibreOffice shows the same.
    if (v.kind === "time") {
      if (ours === ref.shown) return undefined;
      // Excel rounds a time to the second it shows (15:30:17.9994 shows 15:30:18); LibreOffice cuts the fraction off.
      const seconds = Math.abs(durationDays(v.value)) * 86_400;
      if (seconds - Math.floor(seconds) >= 0.5)
        return {
          kind: "a time within half a second of the next: shown rounded, as Excel shows it (LibreOffice cuts)",
          deliberate: true,
        };
      return { kind: "time or duration shown differently", deliberate: false };
    }
    // An elapsed time under a conditional format ([=0]?;[hh]:mm:ss): the text Excel shows, which LibreOffice shows too
    // while it types the cell a number.
    if (v.kind === "number" && ours === ref.shown)
      return {
        kind: "time under a conditional format: the text shown (LibreOffice shows the same, typed a number)",
        deliberate: true,
      };
    if (v.kind === "error")
      return ours === v.value ? undefined : { kind: "text here, error in LibreOffice", deliberate: false };
    return { kind: `text here, ${v.kind} in LibreOffice`, deliberate: false };
  }
  const error = (ours as { error?: string }).error;
  if (typeof error === "string") {
    if (v.kind === "error" || v.kind === "text") return error === v.value ? undefined : differ("errors differ");
    return differ(`error here, ${v.kind} in LibreOffice`);
  }
  return { kind: `unknown value here (${typeof ours})`, deliberate: false };
}

/** Equal to the 15 significant digits Excel keeps (LibreOffice writes its values rounded to them). */
function sameNumber(a: number, b: number): boolean {
  return (
    a === b ||
    Number(a.toPrecision(15)) === Number(b.toPrecision(15)) ||
    Math.abs(a - b) <= 1e-14 * Math.max(Math.abs(a), Math.abs(b))
  );
}

function isoMs(iso: string): number {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?/.exec(iso);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, Math.round(Number(m[7] ?? 0) * 1000));
  return utc.getTime();
}

/** PT36H30M00S (an ODF duration) in days. */
function durationDays(duration: string): number {
  const m = /^(-)?P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(duration);
  if (!m) return NaN;
  const [days, h, mi, s] = [m[2], m[3], m[4], m[5]].map((x) => Number(x ?? 0));
  const total = days + (h + (mi + s / 60) / 60) / 24;
  return m[1] ? -total : total;
}

function typeName(v: OurCell): string {
  if (typeof v === "number") return "number";
  if (typeof v === "string") return "text";
  if (typeof v === "boolean") return "boolean";
  if (v instanceof Date) return "date";
  if (v && typeof v === "object" && "error" in v) return "error";
  return typeof v;
}

function show(v: OurCell): string {
  if (v === null || v === undefined) return "(empty)";
  if (v instanceof Date)
    return `date ${v
      .toISOString()
      .replace(/T00:00:00\.000Z$/, "")
      .replace(/\.000Z$/, "")}`;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "object") return JSON.stringify(v);
  return `${typeName(v)} ${String(v)}`;
}

function showReference(ref: ReferenceCell | undefined): string {
  if (!ref) return "(empty)";
  const value =
    ref.value.kind === "text" ? JSON.stringify(ref.value.value) : `${ref.value.kind} ${String(ref.value.value)}`;
  return ref.formula ? `${value} (formula)` : value;
}

function cellName(row: number, col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}
