import { CompileError, type Localized } from "../engine";
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

export const FORMULAS_TEXTS = {
  needsXlsx: {
    en: "--formulas writes a workbook whose cells hold live formulas: add --out FILE.xlsx",
    zh: "--formulas 会写出单元格为实时公式的工作簿：请添加 --out 文件.xlsx",
  },
  written: (path: string): Localized => ({
    en: `Written with live formulas: ${path} (change the analysis date on the "RFM parameters" sheet and the grades recalculate)`,
    zh: `已写入实时公式：${path}（在“RFM参数”工作表中修改统计日期，等级会自动重新计算）`,
  }),
  salesWritten: (path: string): Localized => ({
    en: `Written with live formulas: ${path} (one row per customer; change a sale, the analysis date or the sales window start on the "RFM parameters" sheet and the grades recalculate; a new customer needs grading again)`,
    zh: `已写入实时公式：${path}（每行一位客户；修改销售记录，或在“RFM参数”工作表中修改统计日期或统计期间起始日期，等级会自动重新计算；新客户需要重新分级）`,
  }),
};

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
  if (graded.kind === "customers" && graded.res.profile.method === "quantiles" && graded.res.n > MAX_QUANTILE_FORMULA_ROWS) {
    throw new UsageError(new CompileError("tooManyRowsForFormulas", graded.res.n.toLocaleString("en-US"), MAX_QUANTILE_FORMULA_ROWS.toLocaleString("en-US")).text);
  }
  const out = req.out;
  try {
    await writeAtomically(out.path, (temp) =>
      graded.kind === "customers" ? writeFormulasWorkbook(temp, graded, lang) : writeSalesFormulasWorkbook(temp, graded, lang),
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
