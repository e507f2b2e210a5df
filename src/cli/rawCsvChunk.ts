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
    const start = starts[i + shift], length = ends[i + shift] - start, fixed = results.fixedBytes(i), tail = results.tailBytes(i);
    const note = results.csvNote(i);
    out.ensure(length + missing[i + shift] + fixed.length + 1 + tail.length + 1);
    const buf = out.buf;
    let at = out.at;
    if (length < 64) for (let k = 0; k < length; k++) buf[at++] = bytes[start + k];
    else at += bytes.copy(buf, at, start, start + length);
    for (let pad = missing[i + shift]; pad > 0; pad--) buf[at++] = COMMA;
    buf.set(fixed, at);
    at += fixed.length;
    if (note === ",") buf[at++] = COMMA;
    else {
      out.at = at;
      out.utf8(note);
      out.ensure(tail.length + 1);
      at = out.at;
    }
    if (tail.length > 0) {
      out.buf.set(tail, at);
      at += tail.length;
    }
    out.buf[at++] = LINE_FEED;
    out.at = at;
  }
  return out.buf.subarray(0, out.at); // a fresh writer per chunk: nothing to start again
}
