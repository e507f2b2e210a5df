/**
 * `--engine auto|js|duckdb`: which reading grades a file. The JavaScript engine's full reader reads every form of
 * every cell and notes every problem, holding the file in memory. A customer table in CSV whose cells are all in plain
 * forms can be read faster and in far less memory: by the JavaScript engine's quick reading (`auto`, the default:
 * `../plain/plainGrade.ts`) or by DuckDB (`--engine duckdb`: `duckdbGrade.ts`). All give the same output, byte for byte.
 */

import { statSync } from "fs";
import { allLangs, type Localized } from "../../engine";
import type { GradeRequest } from "../gradeRequest";
import type { CopiedRun } from "../plain/copiedLines";
import { gradePlainCustomers } from "../plain/plainGrade";
import { formatOfPath } from "../readTable";
import { gradeWithDuckdb } from "./duckdbGrade";
import { ENGINE_TEXTS, type DeclineReason } from "./engineTexts";

/**
 * From this size on, `auto` tries the quick reading (below it, the full reader takes a few tens of milliseconds, and
 * reading the head twice would cost more than it saves). RFM_PLAIN_FROM_BYTES in the environment sets another size
 * (the tests compare both readings on small files).
 */
const QUICK_FROM_BYTES = 1024 * 1024;

/**
 * From this size on, the summary says why a customer table was not read quickly: the full reader needs about 6 bytes
 * of memory per byte of CSV (2.9 GB for 15M rows), where the quick reading needs 36 bytes a row (0.5 GB).
 * RFM_WHOLE_FILE_NOTICE_BYTES in the environment sets another size.
 */
const WHOLE_FILE_NOTICE_BYTES = 128 * 1024 * 1024;

export interface EngineDecision {
  /** A fast reading's grading (the quick JavaScript one or DuckDB's), when one graded. */
  copied?: CopiedRun;
  /** Which fast reading made it. */
  by?: "quick" | "duckdb";
  /** The summary line naming the engine or reading, when there is something to say. */
  line?: Localized;
}

export async function chooseEngine(req: GradeRequest): Promise<EngineDecision> {
  if (req.engine === "js") return {};
  const size = sizeOf(req.inputPath);
  // A file that cannot be read is for the JavaScript reader to report, in the user's words.
  if (size === null) return {};
  const early = requestDecline(req);
  if (req.engine === "duckdb") return duckdbAsked(req, early);
  const from = Number(process.env.RFM_PLAIN_FROM_BYTES ?? QUICK_FROM_BYTES);
  if (early !== null || size < from) return {};
  const outcome = await gradePlainCustomers(req);
  if (!("declined" in outcome)) return { copied: outcome, by: "quick" };
  // Sales records are read block by block whatever their size: memory grows with the customers, not the file.
  const notice = Number(process.env.RFM_WHOLE_FILE_NOTICE_BYTES ?? WHOLE_FILE_NOTICE_BYTES);
  if (outcome.declined === "salesRecords" || size < notice) return {};
  return { line: ENGINE_TEXTS.everyForm(outcome.declined) };
}

async function duckdbAsked(req: GradeRequest, early: DeclineReason | null): Promise<EngineDecision> {
  if (early) return { line: ENGINE_TEXTS.javascript(early) };
  const outcome = await gradeWithDuckdb(req);
  if ("declined" in outcome) {
    const line = ENGINE_TEXTS.javascript(outcome.declined);
    if (outcome.declined !== "failed" || !outcome.detail) return { line };
    const detail = outcome.detail.split("\n")[0];
    return { line: allLangs((lang) => `${line[lang]} ${detail}`) };
  }
  return { copied: outcome, by: "duckdb", line: ENGINE_TEXTS.duckdb() };
}

/** What the request itself rules out, before the file is opened. */
function requestDecline(req: GradeRequest): DeclineReason | null {
  if (formatOfPath(req.inputPath) !== "csv") return "workbookInput";
  if (req.out?.format === "xlsx") return "workbookOutput";
  if (req.previous !== undefined) return "previous";
  return null;
}

function sizeOf(path: string): number | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
