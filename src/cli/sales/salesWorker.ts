/** A thread reading its share of the customers of a sales file (`salesThreads.ts`), handing its part back. */

import { parentPort, workerData } from "worker_threads";
import { CsvBlocks } from "../csv/csvBlocks";
import { readBlocks, SalesReader } from "./salesReader";
import type { ShareTask } from "./salesThreads";

const task = workerData as ShareTask;
const blocks = new CsvBlocks(task.path, task.options);
try {
  const reader = new SalesReader(task.setup, task.share);
  readBlocks(reader, blocks, null);
  const part = reader.part();
  // The large arrays move to the other thread instead of being copied.
  const moved = [
    part.firstSeen,
    part.ids.bytes,
    part.ids.starts,
    part.money.units,
    part.totals.lastDay,
    part.totals.count,
    part.totals.firstSale,
    part.totals.carriedSale,
    part.totals.laterSale,
    ...part.totals.carriedDiffers,
  ].map((a) => a.buffer as ArrayBuffer);
  parentPort!.postMessage(part, [...new Set(moved)]);
} finally {
  blocks.close();
}
