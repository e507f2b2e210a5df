import type { ResultCells } from "./resultCells";
import type { RawRows } from "./table";

const COMMA = 44;
const LINE_FEED = 10;

/**
 * Rows copied byte for byte from the input file, each followed by the commas of its missing trailing cells and the
 * result cells. Working on bytes keeps a million rows from becoming a million strings to build and encode again.
 */
export function rawCsvChunk(raw: RawRows, results: ResultCells, from: number, to: number): Buffer {
  const { bytes, starts, ends, missing } = raw;
  const notes = new Map<number, Buffer>();
  let size = 0;
  for (let i = from; i < to; i++) {
    const note = results.csvNote(i);
    if (note !== ",") notes.set(i, Buffer.from(note));
    size += ends[i] - starts[i] + missing[i] + results.fixedBytes(i).length + (notes.get(i)?.length ?? 1) + results.tailBytes(i).length + 1;
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = from; i < to; i++) {
    at += bytes.copy(out, at, starts[i], ends[i]);
    for (let pad = missing[i]; pad > 0; pad--) out[at++] = COMMA;
    at += results.fixedBytes(i).copy(out, at);
    const note = notes.size > 0 ? notes.get(i) : undefined;
    if (note) at += note.copy(out, at);
    else out[at++] = COMMA;
    at += results.tailBytes(i).copy(out, at);
    out[at++] = LINE_FEED;
  }
  return out;
}
