import { basename } from "path";
import {
  analysisDateWarning,
  buildSummaryModel,
  dataPastAnalysisDate,
  parseDateText,
  summaryLayout,
  type Lang,
  type Localized,
  type SummaryModel,
} from "../engine";
import { writeAtomically } from "./atomicWrite";
import { chooseEngine } from "./duckdb/engineChoice";
import { ENGINE_TEXTS } from "./duckdb/engineTexts";
import { isParquetPath, PARQUET_TEXTS, parquetAsCsv } from "./duckdb/parquetInput";
import { gradeRequest, type GradeFlags, type GradeRequest } from "./gradeRequest";
import { gradeTable, type GradedTable } from "./gradeTable";
import { outputPlan, type OutputPlan } from "./outputPlan";
import { compareWithPrevious } from "./previousGrading";
import { packageVersion } from "./packageVersion";
import { LinesGone } from "./plain/copiedLines";
import { progressOn, type Progress } from "./progress";
import { formatOfPath, readTable } from "./readTable";
import { gradeSalesInBlocks } from "./sales/salesBlocks";
import { summaryLines } from "./summary";
import { ANALYSIS_DATE_TEXTS, OUTPUT_TEXTS, SUMMARY_TEXTS, USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";
import { writeCsvFile, writeCsvStdout } from "./writeCsv";

/** An Excel sheet has 1,048,576 rows; one holds the header. */
const XLSX_MAX_DATA_ROWS = 1_048_575;

export interface GradeRun {
  graded: GradedTable;
  lang: Lang;
  outPath?: string;
}

/** `rfm grade INPUT [options]`: read, grade with the engine, write the results, summarise on stderr. */
export async function runGrade(input: string | undefined, flags: GradeFlags): Promise<GradeRun> {
  const asked = gradeRequest(input, flags);
  if (!isParquetPath(asked.inputPath)) return gradeFile(asked);
  const parquet = await parquetAsCsv(asked.inputPath);
  try {
    return await gradeFile({ ...asked, inputPath: parquet.csv }, asked.inputPath);
  } finally {
    parquet.done();
  }
}

/** Grades one CSV or workbook file; `parquet` names the Parquet file it was made from, if it was. */
async function gradeFile(req: GradeRequest, parquet?: string): Promise<GradeRun> {
  const { lang } = req;
  const progress = progressOn(process.stderr, lang);

  progress.step(SUMMARY_TEXTS.reading);
  let engine = await chooseEngine(req);
  let run = engine.copied ? { ...engine.copied, warnings: [] } : await gradeWithJavaScript(req, progress);
  try {
    await writeResults(req, run, progress);
  } catch (err) {
    if (!(err instanceof LinesGone)) throw err;
    // On stdout part of the output is gone already: say so rather than append another reading's.
    if (!req.out) throw new UsageError(ENGINE_TEXTS.inputChanged(req.inputPath));
    // The input changed under a fast reading: nothing was kept; the full reader reads it as it is now.
    const text = engine.by === "duckdb" ? ENGINE_TEXTS.javascript : ENGINE_TEXTS.everyForm;
    engine = { line: text(err.reason) };
    run = await gradeWithJavaScript(req, progress);
    await writeResults(req, run, progress);
  }
  progress.done();
  const { graded, plan, warnings } = run;
  const out = req.out;

  // The temporary CSV file's own encoding and delimiter say nothing about the user's file.
  if (parquet) graded.table = { ...graded.table, text: undefined };
  const lines = warnings.map((w) => w[lang]);
  if (parquet) lines.push(PARQUET_TEXTS.read(parquet)[lang]);
  lines.push(...analysisDateLines(graded).map((text) => text[lang]));
  if (graded.unit.conflict) lines.push(SUMMARY_TEXTS.unitConflict(graded.unit, graded.moneyHeader)[lang]);
  if (graded.unit.unreadable) lines.push(SUMMARY_TEXTS.unitUnreadable(graded.unit, graded.moneyHeader)[lang]);
  if (plan.replacedResults) lines.push(SUMMARY_TEXTS.replacedResults[lang]);
  lines.push(...summaryLines(graded, lang));
  if (plan.cutCells() > 0) lines.push(OUTPUT_TEXTS.cutCells(plan.cutCells())[lang]);
  if (engine.line) lines.push(engine.line[lang]);
  if (out) lines.push(SUMMARY_TEXTS.written(out.path)[lang]);
  process.stderr.write(lines.join("\n") + "\n");
  return { graded, lang, outPath: out?.path };
}

/**
 * What the summary says first about the analysis date against the data: that the data runs past it (and what that
 * leaves out), or that it lies so long after the data that every customer looks inactive.
 */
function analysisDateLines(graded: GradedTable): Localized[] {
  const { res } = graded;
  const past = dataPastAnalysisDate(res, graded.asOfChosenBy);
  if (past) return [ANALYSIS_DATE_TEXTS.dataPast(past, res.profile.id)];
  const latest = res.summary.latestDate;
  const warning = latest === undefined ? null : analysisDateWarning(res.asOfDay, parseDateText(latest));
  return warning?.kind === "farAfterData" ? [ANALYSIS_DATE_TEXTS.farAfterData(warning, res.summary.asOf, latest!)] : [];
}

/** Writes the results: an .xlsx or .csv file replaced only once complete, or CSV on stdout. */
async function writeResults(
  req: GradeRequest,
  run: { graded: GradedTable; plan: OutputPlan },
  progress: Progress,
): Promise<void> {
  const { out, lang } = req;
  const { graded, plan } = run;
  if (out?.format === "xlsx" && plan.rowCount > XLSX_MAX_DATA_ROWS) {
    throw new UsageError(USAGE_TEXTS.tooManyRowsForXlsx(plan.rowCount, XLSX_MAX_DATA_ROWS));
  }
  if (!out) return writeCsvStdout(plan, progress);
  await writeAtomically(out.path, async (temp) => {
    if (out.format === "csv") return writeCsvFile(temp, plan, progress);
    const { writeXlsxFile } = await import("./writeXlsx");
    const model = summaryModel(graded, req, out.path);
    return writeXlsxFile(temp, plan, lang, progress, summaryLayout(model, lang));
  });
}

/** The summary sheet's model: the engine builds it from the result and what the run knows of its files. */
function summaryModel(graded: GradedTable, req: GradeRequest, outPath: string): SummaryModel {
  const { res, table } = graded;
  return buildSummaryModel(res, {
    lang: req.lang,
    version: packageVersion(),
    now: new Date(),
    source: basename(req.inputPath) + (table.sheetName ? ` [${table.sheetName}]` : ""),
    output: basename(outPath),
    rowOf: (index) => table.firstRowNumber + index,
    columnName: graded.noteContext.columnName,
    migration: graded.migration,
    previousSource: req.previous ? basename(req.previous) : undefined,
    unitSource: { source: graded.unit.source, header: graded.moneyHeader },
    ...(graded.names ? { names: graded.names } : {}),
  });
}

/**
 * The JavaScript engine: sales records in CSV read block by block (any size), anything else read whole into a table;
 * graded, compared with an earlier result if asked.
 */
async function gradeWithJavaScript(
  req: GradeRequest,
  progress: Progress,
): Promise<{ graded: GradedTable; plan: OutputPlan; warnings: Localized[] }> {
  const { graded, warnings } =
    (formatOfPath(req.inputPath) === "csv" ? await gradeSalesInBlocks(req, progress) : null) ??
    (await readWhole(req, progress));
  if (req.previous) graded.migration = await compareWithPrevious(graded, req.previous);
  return { graded, plan: outputPlan(graded, req.lang), warnings };
}

async function readWhole(
  req: GradeRequest,
  progress: Progress,
): Promise<{ graded: GradedTable; warnings: Localized[] }> {
  const { table, warnings } = await readTable(req.inputPath, req.sheet, req.encoding);
  progress.step(SUMMARY_TEXTS.grading);
  return { graded: gradeTable(table, req), warnings };
}
