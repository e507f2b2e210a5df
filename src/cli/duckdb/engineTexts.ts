/** What the command line says about the engine it graded with (`--engine`), in English and Chinese. */

import type { Localized } from "../../engine";

/** Why DuckDB was not used for a file it could have graded; the JavaScript engine then grades it. */
export type DeclineReason =
  | "workbookInput" | "workbookOutput" | "previous" | "encoding" | "delimiter" | "salesRecords" | "headerBelow"
  | "earlierResults" | "rowsNeedNotes" | "quotes" | "formulaLike" | "lineBreaks" | "emptyLine" | "notStrict" | "unreadable"
  | "emptyTable" | "notInstalled" | "failed";

export const DECLINE_TEXTS: Record<DeclineReason, Localized> = {
  workbookInput: { en: "the input is a workbook; DuckDB reads .csv and .parquet files", zh: "输入是工作簿；DuckDB 只读取 .csv 和 .parquet 文件" },
  workbookOutput: { en: "the results go to a workbook (.xlsx)", zh: "结果写入工作簿（.xlsx）" },
  previous: { en: "--previous compares with an earlier result", zh: "--previous 需要与上一次的结果对比" },
  encoding: { en: "the file is not UTF-8 text", zh: "文件不是 UTF-8 编码的文本" },
  delimiter: { en: "the file is not comma-separated", zh: "文件不是以逗号分隔" },
  salesRecords: { en: "the file holds sales records; DuckDB is used for customer tables", zh: "文件是销售记录；DuckDB 只用于客户表" },
  headerBelow: { en: "the header row is not the first line", zh: "标题行不在第一行" },
  earlierResults: {
    en: "the file ends in the result columns of an earlier run",
    zh: "文件末尾已有上一次分级的结果列",
  },
  rowsNeedNotes: {
    en: "some rows cannot be graded as they are, and the JavaScript engine notes each one",
    zh: "部分行无法直接分级，由 JavaScript 引擎逐行注明原因",
  },
  quotes: { en: "the file has quoted cells", zh: "文件中有带引号的单元格" },
  formulaLike: { en: "a cell starts like a formula (=, +, -, @)", zh: "有单元格以公式符号（=、+、-、@）开头" },
  lineBreaks: { en: "the file's line breaks are not all LF or all CRLF", zh: "文件的换行符不全是 LF 或不全是 CRLF" },
  emptyLine: { en: "the file has empty lines", zh: "文件中有空行" },
  notStrict: {
    en: "some cells are not in plain form (dates as YYYY-MM-DD up to the analysis date, whole purchase counts, plain amounts, customer ids without repeats)",
    zh: "部分单元格不是标准写法（日期为 YYYY-MM-DD 且不晚于统计日期、购买次数为整数、金额为普通数字、客户编号不重复）",
  },
  unreadable: {
    en: "DuckDB could not read the file as plain comma-separated UTF-8 text",
    zh: "DuckDB 无法按逗号分隔的 UTF-8 文本读取该文件",
  },
  emptyTable: { en: "the table has no rows", zh: "表格中没有数据行" },
  notInstalled: { en: "DuckDB (@duckdb/node-api) is not installed", zh: "未安装 DuckDB（@duckdb/node-api）" },
  failed: { en: "DuckDB stopped with an error", zh: "DuckDB 运行出错" },
};

export const ENGINE_TEXTS = {
  /** DuckDB graded the file. */
  duckdb: (asked: boolean, megabytes: number): Localized =>
    asked
      ? { en: "Engine: DuckDB (--engine duckdb)", zh: "计算引擎：DuckDB（--engine duckdb 指定）" }
      : {
          en: `Engine: DuckDB, chosen for a file of ${megabytes} MB (--engine js for the JavaScript engine; the results are the same)`,
          zh: `计算引擎：DuckDB，因文件达 ${megabytes} MB 自动选用（--engine js 改用 JavaScript 引擎；结果相同）`,
        },
  /** Auto left a file below its size with the JavaScript engine. */
  small: (megabytes: number): Localized => ({
    en: `Engine: JavaScript (auto: DuckDB is used from ${megabytes} MB; the results are the same)`,
    zh: `计算引擎：JavaScript（auto：${megabytes} MB 及以上才用 DuckDB；结果相同）`,
  }),
  /** The JavaScript engine graded a file DuckDB was asked for, or large enough for it. */
  javascript: (reason: DeclineReason): Localized => ({
    en: `Engine: JavaScript (DuckDB not used: ${DECLINE_TEXTS[reason].en})`,
    zh: `计算引擎：JavaScript（未采用 DuckDB：${DECLINE_TEXTS[reason].zh}）`,
  }),
  /** The input file changed while it was graded, and part of the results had gone to stdout. */
  inputChanged: (path: string): Localized => ({
    en: `"${path}" changed while it was graded; the output above is incomplete: grade it again`,
    zh: `“${path}”在分级过程中被修改，上面的输出不完整：请重新分级`,
  }),
};
