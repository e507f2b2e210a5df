import { CLI_TEXTS } from "../i18n/cli";
import { CompileError, localizedView } from "../engine";
import { MAX_QUANTILE_FORMULA_ROWS } from "../engine/compile/excelFormulas";
import { writeAtomically } from "./atomicWrite";
import { writeFormulasWorkbook } from "./formulasWorkbook";
import { gradeRequest, type GradeFlags } from "./gradeRequest";
import { writeSalesFormulasWorkbook } from "./salesFormulasWorkbook";
import { gradeTable } from "./gradeTable";
import { progressOn } from "./progress";
import { readTable } from "./readTable";
import { summaryLines } from "./summary";
import { SUMMARY_TEXTS } from "./texts";
import { UsageError } from "./usageError";

const FORMULAS_TEXTS = localizedView(CLI_TEXTS, (t) => t.formulas);

/** `rfm grade INPUT --formulas --out X.xlsx`: the engine grades (for the summary and cached values), formulas do the rest. */
export async function runGradeFormulas(input: string | undefined, flags: GradeFlags): Promise<void> {
  const req = gradeRequest(input, flags);
  const { lang } = req;
  if (req.out?.format !== "xlsx") throw new UsageError(FORMULAS_TEXTS.needsXlsx);
  const progress = progressOn(process.stderr, lang);
  progress.step(SUMMARY_TEXTS.reading);
  const { table, warnings } = await readTable(req.inputPath, req.sheet, req.encoding);
  progress.step(SUMMARY_TEXTS.grading);
  const graded = gradeTable(table, req);
  // Sales records: the customers' limit is the compiler's (its message counts customers, not rows).
  if (
    graded.kind === "customers" &&
    graded.res.profile.method === "quantiles" &&
    graded.res.n > MAX_QUANTILE_FORMULA_ROWS
  ) {
    throw new UsageError(
      new CompileError(
        "tooManyRowsForFormulas",
        graded.res.n.toLocaleString("en-US"),
        MAX_QUANTILE_FORMULA_ROWS.toLocaleString("en-US"),
      ).text,
    );
  }
  const out = req.out;
  try {
    await writeAtomically(out.path, (temp) =>
      graded.kind === "customers"
        ? writeFormulasWorkbook(temp, graded, lang)
        : writeSalesFormulasWorkbook(temp, graded, lang),
    );
  } catch (err) {
    if (err instanceof CompileError) throw new UsageError(err.text);
    throw err;
  }
  progress.done();
  const lines = warnings.map((w) => w[lang]);
  if (graded.unit.conflict) lines.push(SUMMARY_TEXTS.unitConflict(graded.unit, graded.moneyHeader)[lang]);
  lines.push(...summaryLines(graded, lang));
  lines.push((graded.kind === "customers" ? FORMULAS_TEXTS.written : FORMULAS_TEXTS.salesWritten)(out.path)[lang]);
  process.stderr.write(lines.join("\n") + "\n");
}
