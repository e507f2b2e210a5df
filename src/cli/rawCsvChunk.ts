import { RESULT_CSV_ROOM, type ResultCells } from "./resultCells";
import type { RawRows } from "./table";
import { ByteWriter, viewOf } from "./xlsx/byteWriter";

const COMMA = 44;
const LINE_FEED = 10;

/**
 * Rows copied byte for byte from the input file, each followed by the commas of its missing trailing cells and the
 * result cells. Working on bytes keeps a million rows from becoming a million strings to build and encode again;
 * a row's bytes are copied four at a time (ByteWriter.copyFrom), cheaper than Buffer.copy (a call into Node) per row.
 */
export function rawCsvChunk(raw: RawRows, results: ResultCells, from: number, to: number, rawFrom = from): Buffer {
  const { bytes, starts, ends, missing } = raw;
  // Result row i is raw row i + shift: a reader holding only part of the file passes where its rows begin.
  const shift = rawFrom - from;
  const out = new ByteWriter(
    Math.max(1024, ends[to - 1 + shift] - starts[from + shift] + RESULT_CSV_ROOM * (to - from)),
  );
  const view = viewOf(bytes);
  for (let i = from; i < to; i++) {
    const start = starts[i + shift],
      length = ends[i + shift] - start;
    if (length < 256) out.copyFrom(bytes, view, start, start + length);
    else {
      out.ensure(length);
      out.at += bytes.copy(out.buf, out.at, start, start + length);
    }
    const pads = missing[i + shift];
    if (pads > 0) {
      out.ensure(pads);
      for (let pad = pads; pad > 0; pad--) out.buf[out.at++] = COMMA;
    }
    results.writeCsv(out, i);
    out.ensure(1);
    out.buf[out.at++] = LINE_FEED;
  }
  return out.buf.subarray(0, out.at); // a fresh writer per chunk: nothing to start again
}
