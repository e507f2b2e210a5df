/**
 * How big one request may be. Excel on the web refuses requests and responses above 5 MB and may return null for a
 * read above 5M cells, so every chunk aims at TARGET_BYTES of cell data (under a third of the limit: the protocol
 * adds its own wrapping, and the next rows of a read may be wordier than the rows its size was measured on) and never
 * exceeds MAX_CHUNK_CELLS or MAX_CHUNK_ROWS.
 */
import { ExcelAdapterError } from "./types";
import { ADAPTER } from "../i18n/adapter";

export const TARGET_BYTES = 1_500_000;
export const MAX_CHUNK_ROWS = 20_000;
const MIN_CHUNK_ROWS = 1;
export const MAX_CHUNK_CELLS = 200_000;

/** A first read is a probe of this many rows: the cells' size is unknown until some have been read. */
const PROBE_ROWS = 1_000;

/** Rows for the first chunk of a read, before any payload has been measured. */
export function firstReadRows(cellsPerRow: number): number {
  return clampRows(PROBE_ROWS, cellsPerRow);
}

/** Rows for the next chunk given the bytes the last chunk of `rows` rows really took. */
export function nextReadRows(lastRows: number, lastBytes: number, cellsPerRow: number): number {
  const perRow = Math.max(1, lastBytes / Math.max(1, lastRows));
  return clampRows(Math.floor(TARGET_BYTES / perRow), cellsPerRow);
}

function clampRows(rows: number, cellsPerRow: number): number {
  return Math.max(
    MIN_CHUNK_ROWS,
    Math.min(rows, MAX_CHUNK_ROWS, Math.floor(MAX_CHUNK_CELLS / Math.max(1, cellsPerRow))),
  );
}

/** A cell's size as JSON on the wire (UTF-8), with its separator. */
export function cellBytes(v: unknown): number {
  if (typeof v === "string") return textBytes(v) + 3;
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "object" && v !== null && "formula" in v) return textBytes(String(v.formula)) + 3;
  return 6;
}

function textBytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20)
      n += 6; // escaped as \u00XX
    else if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else n += 3; // the BMP, and each half of a surrogate pair (4 bytes a pair, counted as 6: an upper bound)
  }
  return n;
}

export function gridBytes(grid: readonly (readonly unknown[])[] | null | undefined): number {
  if (!grid) return 0;
  let n = 2;
  for (const row of grid) {
    n += 3;
    for (const v of row) n += cellBytes(v);
  }
  return n;
}

/** Splits rows [0, total) into chunks whose estimated request size (from `rowBytes`) stays near TARGET_BYTES. */
export function planWriteChunks(
  total: number,
  cellsPerRow: number,
  rowBytes: (i: number) => number,
): { start: number; rows: number }[] {
  const maxRows = clampRows(MAX_CHUNK_ROWS, cellsPerRow);
  const chunks: { start: number; rows: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < total; i++) {
    const b = rowBytes(i);
    if (i > start && (bytes + b > TARGET_BYTES || i - start >= maxRows)) {
      chunks.push({ start, rows: i - start });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (total > start) chunks.push({ start, rows: total - start });
  return chunks;
}

/** Excel refused the request or response as too large (Excel on the web's 5 MB). */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new ExcelAdapterError("cancelled", ADAPTER.output.cancelled);
  }
}
