import type { ResultCells } from "./resultCells";
import type { RawRows } from "./table";
import { ByteWriter } from "./xlsx/byteWriter";

const COMMA = 44;
const LINE_FEED = 10;

/**
 * Rows copied byte for byte from the input file, each followed by the commas of its missing trailing cells and the
 * result cells. Working on bytes keeps a million rows from becoming a million strings to build and encode again;
 * a row's bytes are copied in a loop and the cached result cells with TypedArray set, both cheaper than Buffer.copy
 * (a call into Node) per row and per cell.
 */
export function rawCsvChunk(raw: RawRows, results: ResultCells, from: number, to: number, rawFrom = from): Buffer {
  const { bytes, starts, ends, missing } = raw;
  // Result row i is raw row i + shift: a reader holding only part of the file passes where its rows begin.
  const shift = rawFrom - from;
  const out = new ByteWriter(Math.max(1024, ends[to - 1 + shift] - starts[from + shift] + 64 * (to - from)));
  for (let i = from; i < to; i++) {
    const start = starts[i + shift],
      length = ends[i + shift] - start;
    out.ensure(length + missing[i + shift]);
    const buf = out.buf;
    let at = out.at;
    if (length < 64) for (let k = 0; k < length; k++) buf[at++] = bytes[start + k];
    else at += bytes.copy(buf, at, start, start + length);
    for (let pad = missing[i + shift]; pad > 0; pad--) buf[at++] = COMMA;
    out.at = at;
    results.writeCsv(out, i);
    out.ensure(1);
    out.buf[out.at++] = LINE_FEED;
  }
  return out.buf.subarray(0, out.at); // a fresh writer per chunk: nothing to start again
}
