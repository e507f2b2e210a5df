/**
 * How many threads read an input side by side (sales records, plain customer tables): one below a size, else as many
 * as the environment asks for or the machine has cores, up to a few; one when there is no compiled thread to start.
 * And the part each of them hands back.
 */

import { existsSync } from "fs";
import { availableParallelism } from "os";
import type { Worker } from "worker_threads";

export interface ThreadSetting {
  /** From this many bytes on, several threads; the variable `fromVariable` in the environment sets another size. */
  fromBytes: number;
  fromVariable: string;
  /** The variable `threadsVariable` in the environment sets the number of threads; else the cores, up to `most`. */
  threadsVariable: string;
  most: number;
  /** The compiled thread's script. */
  worker: string;
}

/** A share's number is kept in a byte (sales records). */
const MOST_ASKED = 255;

export function threadCount(bytes: number, setting: ThreadSetting): number {
  const from = Number(process.env[setting.fromVariable] ?? setting.fromBytes);
  const wanted = Number(process.env[setting.threadsVariable] ?? Math.min(availableParallelism(), setting.most));
  // Run from the TypeScript sources (unit tests), there is no compiled thread to start.
  if (bytes < from || !(wanted > 1) || !existsSync(setting.worker)) return 1;
  return Math.min(Math.floor(wanted), MOST_ASKED);
}

/** The part a thread reading `what` hands back when it is done; a thread that stops without one is an error. */
export function partOf<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once("message", (part: T) => resolve(part));
    worker.once("error", (err) => reject(new Error(`a thread reading the ${what} stopped: ${err.message}`)));
    worker.once("exit", (code) => reject(new Error(`a thread reading the ${what} ended (${code}) without its part`)));
  });
}
