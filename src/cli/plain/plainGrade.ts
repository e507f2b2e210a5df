/**
 * A customer CSV file graded by the JavaScript engine's quick reading (`plainCustomers.ts`): the head read and graded
 * by the full reader (`plainHead.ts`), every line read in the plain forms, the rows graded by the engine, the lines
 * copied to the output (`copiedLines.ts`). The output is the full reader's, byte for byte; a file outside the plain
 * forms is declined with the reason, and the full reader grades it.
 */

import type { DeclineReason } from "../duckdb/engineTexts";
import type { GradeRequest } from "../gradeRequest";
import { gradeCopiedLines, type CopiedRun } from "./copiedLines";
import { readPlainCustomers } from "./plainCustomers";
import { cellForms, readPlainHead } from "./plainHead";

/** The head the quick reading grades first to find the columns: a few hundred rows (the full reader's own work). */
const PLAIN_HEAD_BYTES = 16 * 1024;

export async function gradePlainCustomers(req: GradeRequest): Promise<CopiedRun | { declined: DeclineReason }> {
  const head = readPlainHead(req, PLAIN_HEAD_BYTES);
  if ("declined" in head) return head;
  const { first, dataStart, crlf, size, lineBytes } = head;
  const { mapping } = first;
  const columns = {
    width: first.table.width,
    ...(mapping.id === undefined ? {} : { id: mapping.id }),
    date: mapping.date!,
    count: mapping.count!,
    total: mapping.total!,
  };
  // Room for the rows the head's lines promise, and a little more, so that the arrays seldom grow.
  const expected = ((size - dataStart) / lineBytes) * 1.05;
  const reading = await readPlainCustomers(req.inputPath, dataStart, crlf, columns, cellForms(first), expected);
  if ("declined" in reading) return reading;
  if (reading.index.count === 0) return { declined: "emptyTable" };
  return gradeCopiedLines(first, reading.rows, req, reading.index);
}
