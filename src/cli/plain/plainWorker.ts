/** A thread reading one stretch of a plain customer table (`plainCustomers.ts`), handing its part back. */

import { parentPort, workerData } from "worker_threads";
import { readPlainPart, type PlainTask } from "./plainCustomers";

const reading = readPlainPart(workerData as PlainTask);
// The large arrays move to the other thread instead of being copied.
const moved =
  "part" in reading
    ? [
        reading.part.days,
        reading.part.count,
        reading.part.money,
        reading.part.starts,
        ...(reading.part.ids?.parts ?? []),
      ]
    : [];
parentPort!.postMessage(reading, [...new Set(moved.map((a) => a.buffer as ArrayBuffer))]);
