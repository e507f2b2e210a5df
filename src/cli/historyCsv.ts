/**
 * A grade history as CSV: the history table (customer id, then one grade per period end) in the file asked for, and
 * the transitions table in a second file beside it (OUT-transitions.csv). Two files, one table each, so that either
 * opens in Excel or loads into a database as a plain table. Both are written through temporary files and renamed
 * into place only once both are complete.
 */
import {
  historyGrades,
  historyHeaders,
  transitionTable,
  type GradeHistory,
  type HistoryStep,
  type Lang,
} from "../engine";
import { writeAtomically } from "./atomicWrite";
import { csvField } from "./cellText";
import { progressOn } from "./progress";
import { writeCsvFile, type CsvRows } from "./writeCsv";

/** The history table's rows: one per listed customer. */
function historyCsvRows(h: GradeHistory, listed: Int32Array, step: HistoryStep, lang: Lang): CsvRows {
  return {
    headers: historyHeaders(h, step, lang),
    rowCount: listed.length,
    csvChunk(from, to) {
      let text = "";
      for (let i = from; i < to; i++) {
        const c = listed[i];
        text += csvField(h.ids.at(c) ?? "");
        for (const g of historyGrades(h, c)) text += g === null ? "," : "," + csvField(g);
        text += "\n";
      }
      return text;
    },
  };
}

/** The transitions table's rows, amounts as their exact decimals. */
function transitionCsvRows(h: GradeHistory, step: HistoryStep, lang: Lang): CsvRows {
  const table = transitionTable(h, step, lang);
  return {
    headers: table.headers,
    rowCount: table.rows.length,
    csvChunk(from, to) {
      let text = "";
      for (let i = from; i < to; i++) {
        const cells = table.rows[i].slice(0, -1).map((v) => csvField(String(v)));
        cells.push(h.transitions[i].amount);
        text += cells.join(",") + "\n";
      }
      return text;
    },
  };
}

export async function writeHistoryCsv(
  path: string,
  transitionsPath: string,
  h: GradeHistory,
  listed: Int32Array,
  step: HistoryStep,
  lang: Lang,
): Promise<void> {
  const progress = progressOn(process.stderr, lang);
  await writeAtomically(path, async (temp) => {
    await writeCsvFile(temp, historyCsvRows(h, listed, step, lang), progress);
    await writeAtomically(transitionsPath, (t) => writeCsvFile(t, transitionCsvRows(h, step, lang), progress));
  });
}
