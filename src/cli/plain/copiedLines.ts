/**
 * The output of a fast reading (`plainCustomers.ts`, DuckDB's): the header as the JavaScript reader's output writes
 * it, then every input line copied from the file, read by its place, with the result cells after it (`rawCsvChunk`,
 * the same code that reader's output uses).
 */

import { gradeCheckedCustomers, type CheckedCustomers } from "../../engine";
import { cellText } from "../cellText";
import type { GradeRequest } from "../gradeRequest";
import type { GradedTable } from "../gradeTable";
import type { OutputPlan } from "../outputPlan";
import { rawCsvChunk } from "../rawCsvChunk";
import { ResultCells } from "../resultCells";
import type { DeclineReason } from "../duckdb/engineTexts";
import { IndexedLines, type LineIndex } from "./csvLines";

/**
 * Thrown while the results are written when the input no longer holds the lines that were graded (or while they are
 * copied, a line proves not to be one the JavaScript reader's output would copy as it is).
 */
export class LinesGone extends Error {
  constructor(readonly reason: DeclineReason) {
    super(`the lines graded are no longer the file's: ${reason}`);
    this.name = "LinesGone";
  }
}

/** A graded fast reading: what the command writes. */
export interface CopiedRun {
  graded: GradedTable;
  plan: OutputPlan;
}

/**
 * The rows a fast reading read, scored, graded and summarised by the engine as it grades every table, with the head's
 * columns, unit and analysis date (`first`), and the plan that writes them by copying the indexed lines.
 */
export function gradeCopiedLines(
  first: GradedTable,
  rows: CheckedCustomers,
  req: GradeRequest,
  index: LineIndex,
): CopiedRun {
  const res = gradeCheckedCustomers(rows, first.res.profile, {
    ...req.options,
    unit: first.unit.unit,
    asOf: first.res.asOfDay,
  });
  const graded: GradedTable = { ...first, res, table: { ...first.table, rowCount: res.n, rawRows: undefined } };
  return { graded, plan: copiedLinesPlan(graded, req, index) };
}

function copiedLinesPlan(graded: GradedTable, req: GradeRequest, index: LineIndex): OutputPlan {
  const { table, res } = graded;
  const results = new ResultCells(res, req.lang, graded);
  const headers = [...Array.from({ length: table.width }, (_, c) => cellText(table.headers[c])), ...results.headers()];
  let lines: IndexedLines | undefined;
  const noValues = (): never => {
    throw new Error("copied lines are written as CSV only");
  };
  return {
    headers,
    rowCount: res.n,
    csvChunk(from, to) {
      lines ??= new IndexedLines(req.inputPath, index);
      let raw;
      try {
        raw = lines.rows(from, to);
      } catch {
        // The file changed while it was graded: what was graded is no longer there to copy.
        lines.close();
        throw new LinesGone("changed");
      }
      if (to === res.n) lines.close();
      return rawCsvChunk(raw, results, from, to, 0);
    },
    values: noValues,
    inputValues: noValues,
    results,
    formats: [],
    replacedResults: false,
    cutCells: () => 0,
    grades: res.profile.grades.map((g) => g.grade),
    gradeColumn: headers.length - results.width + results.gradeColumn,
  };
}
