/**
 * Sales records read by several threads side by side. Each thread reads the whole file and takes the rows of its share
 * of the customers (`SalesReader` with a `Share`): the threads split the looking up and totalling of the sales, which
 * is where the time goes with millions of customers (20M sales over 4M customers, per thread: 1.0 s cutting the file
 * into cells, 1.0 s reading the cells, 2.4 s looking up and totalling its half of the sales). The parts are then put
 * together by the engine (`mergeTotals`), so the result is the one reader's, byte for byte.
 */

import { join } from "path";
import { Worker } from "worker_threads";
import { mergeTotals, MoneySums, type Cell } from "../../engine";
import type { BlockOptions, CsvBlock, CsvBlocks } from "../csv/csvBlocks";
import { partOf, threadCount } from "../threadCount";
import { ByteIds } from "./byteIds";
import { readBlocks, SalesReader, type SalesPart, type SalesRead, type SalesSetup, type Share } from "./salesReader";

/**
 * From this size on a sales file is read by several threads: below it, starting a thread and reading every block in
 * each costs more than it saves (3M sales over 600,000 customers, 74 MB: 2.5-2.8 s in one thread, 2.4-2.6 s in two;
 * 20M sales, 0.47 GiB: 9.1 s and 7.4 s). RFM_SALES_THREADS_FROM_BYTES in the environment sets another size,
 * RFM_SALES_THREADS the number of threads (tests read small files in several threads with them).
 */
const THREADS_FROM_BYTES = 64 * 1024 * 1024;
/** More threads than this gain little: each reads the whole file. */
const MOST_THREADS = 4;

/** What a thread reading a share of the sales is given (plain data: it is copied to the thread). */
export interface ShareTask {
  path: string;
  options: BlockOptions;
  setup: SalesSetup;
  share: Share;
}

const WORKER = join(__dirname, "salesWorker.js");

/** How many threads read a sales file of `size` bytes. */
export function threadsFor(size: number): number {
  return threadCount(size, {
    fromBytes: THREADS_FROM_BYTES,
    fromVariable: "RFM_SALES_THREADS_FROM_BYTES",
    threadsVariable: "RFM_SALES_THREADS",
    most: MOST_THREADS,
    worker: WORKER,
  });
}

/**
 * Reads the sales in `threads` threads: this one takes share 0 from `blocks` (whose first block, `first`, is already
 * read), the others open the file themselves.
 */
export async function readInThreads(
  threads: number,
  setup: SalesSetup,
  path: string,
  options: BlockOptions,
  blocks: CsvBlocks,
  first: CsvBlock,
  step: (bytesRead: number) => void,
): Promise<SalesRead> {
  const workers = Array.from({ length: threads - 1 }, (_, t) => {
    const task: ShareTask = { path, options, setup, share: { index: t + 1, of: threads } };
    return new Worker(WORKER, { workerData: task });
  });
  const results = workers.map((w) => partOf<SalesPart>(w, "sales"));
  let mine: SalesPart;
  try {
    const reader = new SalesReader(setup, { index: 0, of: threads });
    readBlocks(reader, blocks, first, step);
    mine = reader.part();
  } catch (err) {
    // What stopped this thread (a wider row, another encoding, a file that cannot be read) stops the others too.
    results.forEach((r) => r.catch(() => undefined));
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  let parts: SalesPart[];
  try {
    parts = [mine, ...(await Promise.all(results))];
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return merged(parts);
}

const NO_MONEY: SalesPart["money"] = { units: new Float64Array(0), exact: [] };

/** The parts as one reading of every customer. */
function merged(parts: SalesPart[]): SalesRead {
  const sales = parts[0].sales;
  // Every thread read every row: a different count means the file changed while it was read.
  if (parts.some((p) => p.sales !== sales)) throw new Error("the sales file changed while it was read");
  // The parts' totals are made whole in place and handed over, so that mergeTotals lets each array go once gathered.
  const totalsParts = parts.map((p) => ({
    totals: Object.assign(p.totals, { ids: ByteIds.of(p.ids), money: MoneySums.of(p.money) }),
    firstSeen: p.firstSeen,
  }));
  for (const p of parts) p.money = NO_MONEY;
  // The ids in the merged order, side by side: the output reads them one after another.
  const { totals, from, local } = mergeTotals(totalsParts, (lists, from, local) =>
    ByteIds.gathered(lists as ByteIds[], from, local),
  );
  const values = parts[0].values.map((_, k) => {
    const column = new Array<Cell>(local.length);
    for (let j = 0; j < local.length; j++) column[j] = parts[from[j]].values[k][local[j]];
    return column;
  });
  return {
    sales,
    totals,
    values,
    hasValue: parts[0].hasValue.map((_, k) => parts.some((p) => p.hasValue[k])),
    names: new Map(parts.flatMap((p) => p.names)),
  };
}
