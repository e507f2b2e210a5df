import { closeSync, openSync, writeSync } from "fs";
import type { OutputPlan } from "./outputPlan";
import type { Progress } from "./progress";
import { SUMMARY_TEXTS } from "./texts";
import { csvField } from "./cellText";

// Rows are written in large chunks: one write per chunk, not per row.
const ROWS_PER_CHUNK = 32_768;

type Sink = (chunk: string | Buffer) => void | Promise<void>;

async function writeLines(plan: OutputPlan, sink: Sink, progress: Progress): Promise<void> {
  await sink(plan.headers.map(csvField).join(",") + "\n");
  for (let from = 0; from < plan.rowCount; from += ROWS_PER_CHUNK) {
    const to = Math.min(from + ROWS_PER_CHUNK, plan.rowCount);
    await sink(plan.csvChunk(from, to));
    progress.step(SUMMARY_TEXTS.writing, to, plan.rowCount);
  }
}

/** A CSV file for Excel: UTF-8 with a byte-order mark, without which Excel shows Chinese text garbled. */
export async function writeCsvFile(path: string, plan: OutputPlan, progress: Progress): Promise<void> {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, "\uFEFF");
    await writeLines(plan, (chunk) => writeAll(fd, typeof chunk === "string" ? Buffer.from(chunk) : chunk), progress);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** CSV on standard output (no byte-order mark: it is meant for pipes), waiting whenever the reader is behind. */
export async function writeCsvStdout(plan: OutputPlan, progress: Progress): Promise<void> {
  const out = process.stdout;
  await writeLines(
    plan,
    (chunk) => (out.write(chunk) ? undefined : new Promise<void>((resolve) => out.once("drain", () => resolve()))),
    progress,
  );
}
