import { open, type FileHandle } from "fs/promises";
import type { OutputPlan } from "./outputPlan";
import type { Progress } from "./progress";
import { SUMMARY_TEXTS } from "./texts";
import { csvField } from "./cellText";
import { writeStdout } from "./stdout";

// Rows are written in large chunks: one write per chunk, not per row.
const ROWS_PER_CHUNK = 32_768;

type Sink = (chunk: string | Buffer) => void | Promise<void>;

/** What a CSV file is written from: a header and rows made in chunks (a grading's output plan, a history). */
export type CsvRows = Pick<OutputPlan, "headers" | "rowCount" | "csvChunk">;

async function writeLines(plan: CsvRows, sink: Sink, progress: Progress): Promise<void> {
  await sink(plan.headers.map(csvField).join(",") + "\n");
  for (let from = 0; from < plan.rowCount; from += ROWS_PER_CHUNK) {
    const to = Math.min(from + ROWS_PER_CHUNK, plan.rowCount);
    await sink(plan.csvChunk(from, to));
    progress.step(SUMMARY_TEXTS.writing, to, plan.rowCount);
  }
}

/**
 * A CSV file for Excel: UTF-8 with a byte-order mark, without which Excel shows Chinese text garbled. Each chunk is
 * written by Node's thread pool while the next one is made (one write in flight at a time, so order is kept).
 */
export async function writeCsvFile(path: string, plan: CsvRows, progress: Progress): Promise<void> {
  const file = await open(path, "w");
  let inFlight: Promise<void> = writeAll(file, Buffer.from("\uFEFF"));
  try {
    await writeLines(
      plan,
      async (chunk) => {
        await inFlight;
        inFlight = writeAll(file, typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      },
      progress,
    );
    await inFlight;
  } finally {
    // A failed write has already rejected; the handle is closed whatever happened.
    await inFlight.catch(() => undefined);
    await file.close();
  }
}

async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  for (let at = 0; at < bytes.length;) at += (await file.write(bytes, at, bytes.length - at)).bytesWritten;
}

/** CSV on standard output (no byte-order mark: it is meant for pipes), waiting whenever the reader is behind. */
export async function writeCsvStdout(plan: OutputPlan, progress: Progress): Promise<void> {
  await writeLines(plan, writeStdout, progress);
}
