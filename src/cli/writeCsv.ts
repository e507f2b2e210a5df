import { closeSync, openSync, writeSync } from "fs";
import type { OutputPlan } from "./outputPlan";
import type { Progress } from "./progress";
import { SUMMARY_TEXTS } from "./texts";
import { csvField } from "./cellText";

// Lines are joined into large chunks: one write per chunk, not per row.
const LINES_PER_CHUNK = 32_768;

type Sink = (chunk: string) => void | Promise<void>;

async function writeLines(plan: OutputPlan, sink: Sink, progress: Progress): Promise<void> {
  await sink(plan.headers.map(csvField).join(",") + "\n");
  const lines: string[] = [];
  for (let i = 0; i < plan.rowCount; i++) {
    lines.push(plan.csvLine(i));
    if (lines.length === LINES_PER_CHUNK) {
      await sink(lines.join("\n") + "\n");
      lines.length = 0;
      progress.step(SUMMARY_TEXTS.writing, i + 1, plan.rowCount);
    }
  }
  if (lines.length > 0) await sink(lines.join("\n") + "\n");
}

/** A CSV file for Excel: UTF-8 with a byte-order mark, without which Excel shows Chinese text garbled. */
export async function writeCsvFile(path: string, plan: OutputPlan, progress: Progress): Promise<void> {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, "\uFEFF");
    await writeLines(plan, (chunk) => void writeSync(fd, chunk), progress);
  } finally {
    closeSync(fd);
  }
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
