import { SQL_RESULT_COLUMNS, type Lang } from "../engine";
import { displayWidth } from "./textWidth";

/**
 * `rfm --help` and commander's own messages in the user's language. Descriptions are written in English in main.ts
 * and looked up here by that text; commander's fixed words (section headings, its built-in options, its error
 * sentences) are translated as they are printed. `--lang` is read from the arguments before commander parses them.
 */

/** Chinese for each description main.ts gives commander, keyed by its English text. */
const ZH: Record<string, string> = {
  "Grade customers by recency, frequency and monetary value (RFM) in .csv and .xlsx files.":
    "按最近购买时间、购买次数和购买金额（RFM）为 .csv 和 .xlsx 文件中的客户分级。",
  "grade the customers of a .csv or .xlsx file and write the results (CSV on stdout by default)":
    "为 .csv 或 .xlsx 文件中的客户分级并输出结果（默认以 CSV 写到标准输出）",
  "a .csv or .txt file (UTF-8, UTF-16, GBK, Big5 or Windows-1252; comma, tab, semicolon or |), an .xlsx workbook or a .parquet file: a customer table or sales records":
    ".csv 或 .txt 文件（UTF-8、UTF-16、GBK、Big5 或 Windows-1252；逗号、制表符、分号或 | 分隔）、.xlsx 工作簿或 .parquet 文件：客户表或销售记录",
  "shaoxing, wuhan, or a profile .json file (required)": "shaoxing、wuhan，或分级方案 .json 文件（必填）",
  "analysis date (default: the profile's; required for shaoxing)": "统计日期（默认：分级方案自带的日期；shaoxing 方案必填）",
  "first day of sales counted (sales records; default: the profile's)": "统计期间的第一天（销售记录；默认：分级方案自带的日期）",
  "unit of the input's amounts: yuan or wan (default: the unit in the amount's header, else the profile's)":
    "输入金额的金额单位：yuan（元）或 wan（万元）（默认：金额列标题中注明的单位，否则为分级方案的单位）",
  "customers or transactions (default: detected from the headers)": "customers（客户表）或 transactions（销售记录）（默认：根据列标题判断）",
  "name a column by hand; ROLE is id, date, count, total or amount (repeatable)":
    "手动指定列；ROLE 可为 id、date、count、total 或 amount（可重复使用）",
  "language of output headers, cadence, notes and messages: en or zh": "输出列标题、沟通频次、备注和提示信息的语言：en 或 zh",
  "write FILE.csv or FILE.xlsx instead of CSV on stdout (an existing FILE is replaced; never the input)":
    "写入 FILE.csv 或 FILE.xlsx，而不是把 CSV 写到标准输出（已有的 FILE 会被替换；输入文件绝不会被覆盖）",
  "worksheet of an .xlsx input (default: the first visible one)": ".xlsx 输入文件中的工作表（默认：第一个可见的工作表）",
  "encoding of a .csv input: utf8, utf16le, utf16be, gb18030 (gbk), big5, windows-1252 (default: detected)":
    "输入 .csv 文件的编码：utf8、utf16le、utf16be、gb18030（gbk）、big5、windows-1252（默认：自动识别）",
  "with --out FILE.xlsx: write live worksheet formulas that grade without the add-in":
    "与 --out 文件.xlsx 一起使用：写入实时工作表公式，无需加载项即可分级",
  "auto, js or duckdb: who computes the grades of a customer table in .csv or .parquet (auto: DuckDB for large files; the results are the same)":
    "auto、js 或 duckdb：由谁计算 .csv 或 .parquet 客户表的等级（auto：大文件用 DuckDB；结果相同）",
  "an earlier result of rfm grade (.csv or .xlsx): adds Previous grade and Change columns and the grade changes, matched by customer id":
    "rfm grade 的一次早先结果（.csv 或 .xlsx）：按客户编号匹配，增加“上一次等级”和“变化”两列以及等级变化统计",
  "grade the shipped sample files with the built-in profiles and write .xlsx results":
    "用内置分级方案为随附的样例文件分级，并写出 .xlsx 结果",
  "folder for the results": "结果所在的文件夹",
  "en or zh": "en 或 zh",
  "list the built-in profiles": "列出内置分级方案",
  "display help for command": "显示命令帮助",
  "output the version number": "显示版本号",
  "print one SQL query that grades a database table with a profile, exactly as `rfm grade` does":
    "输出一条 SQL 查询，用分级方案为数据库表中的客户分级，结果与 `rfm grade` 完全一致",
  "SQL dialect: duckdb, postgres, mysql (MySQL 8, MariaDB 10.6 and later) or spark":
    "SQL 方言：duckdb、postgres、mysql（MySQL 8、MariaDB 10.6 及以上版本）或 spark",
  "transactions (one row per sale) or customers (one row per customer)":
    "transactions（销售记录，每行一笔销售）或 customers（客户表，每行一位客户）",
  "table or view to read, schema.table allowed (default: sales, or customers)":
    "要读取的表或视图，可写作 schema.table（默认：sales，或 customers）",
  "column of a role (id, date, count, total, amount); default the role's name (repeatable)":
    "某一用途对应的列（id、date、count、total、amount）；默认为与用途同名的列（可重复使用）",
  "first day of sales counted (default: the profile's)": "统计期间的第一天（默认：分级方案自带的日期）",
  "grade sales records at each month or quarter end and write every customer's grades over time, with the moves between grades":
    "在每个月末或季度末为销售记录分级，输出每个客户各期的等级以及等级之间的变化",
  "sales records (one row per sale): a .csv or .txt file or an .xlsx workbook":
    "销售记录（每行一笔销售）：.csv 或 .txt 文件，或 .xlsx 工作簿",
  "month or quarter: grade at each month end or each quarter end": "month 或 quarter：在每个月末或每个季度末分级",
  "first month (required)": "第一个月份（必填）",
  "last month (required)": "最后一个月份（必填）",
  "name a column by hand; ROLE is id, date or amount (repeatable)": "手动指定列；ROLE 可为 id、date 或 amount（可重复使用）",
  "write FILE.xlsx (history, transitions, summary and chart) or FILE.csv (and FILE-transitions.csv); required":
    "写入 FILE.xlsx（等级历史、等级变化、汇总表和图表）或 FILE.csv（另加 FILE-transitions.csv）；必填",
  "unit of the table's amounts: yuan or wan (default: the profile's)":
    "表中金额的金额单位：yuan（元）或 wan（万元）（默认：分级方案的单位）",
  "column giving the rows' order, needed by the tie rule \"first\"": "给出行顺序的列，并列规则为“first”时必填",
  "language of the cadence texts and messages: en or zh": "沟通频次文字和提示信息的语言：en 或 zh",
};

/** A description in the user's language (English when no translation is known). */
export function describe(en: string, lang: Lang): string {
  return lang === "zh" ? (ZH[en] ?? en) : en;
}

/** The help's after-text, by language. */
export const GRADE_HELP_AFTER: Record<Lang, string[]> = {
  en: [
    "",
    "Examples:",
    "  rfm grade customers.xlsx --profile shaoxing --as-of 2025-12-31 --out graded.xlsx",
    "  rfm grade sales.csv --profile wuhan --lang zh > graded.csv",
    "  rfm grade sales.csv --profile my-profile.json --map total=Revenue --unit yuan -o graded.csv",
    "  rfm grade customers.xlsx --profile shaoxing --as-of 2026-01-31 --previous graded-december.xlsx -o graded.xlsx",
    "",
    "CSV output is UTF-8 (with a byte-order mark in a file, for Excel). A text cell that starts with =, +, -, @, tab or",
    "carriage return and is not a number gets a leading apostrophe (') so that Excel shows it as text instead of",
    "running it as a formula (OWASP's advice against CSV injection); .xlsx output keeps such text as it is, in text",
    "cells. Text longer than an Excel cell (32,767 characters) is cut in .xlsx output, and its row's Note says so.",
    "",
    "Engines: a customer table in CSV of 128 MB or more, or in Parquet (FILE.parquet), is graded by DuckDB (embedded)",
    "running the profile's compiled SQL when every cell is in plain form (dates YYYY-MM-DD, whole counts, plain",
    "amounts, unique ids, no quotes); otherwise, and for everything else, by the JavaScript engine. The output is the",
    "same byte for byte; the summary ends by naming the engine that graded, and why. --engine js or --engine duckdb decides.",
    "",
    "Exit status: 0 graded (rows that could not be graded are noted), 2 usage or input-file error.",
  ],
  zh: [
    "",
    "示例：",
    "  rfm grade customers.xlsx --profile shaoxing --as-of 2025-12-31 --out graded.xlsx",
    "  rfm grade sales.csv --profile wuhan --lang zh > graded.csv",
    "  rfm grade sales.csv --profile my-profile.json --map total=Revenue --unit yuan -o graded.csv",
    "  rfm grade customers.xlsx --profile shaoxing --as-of 2026-01-31 --previous graded-december.xlsx -o graded.xlsx",
    "",
    "CSV 输出为 UTF-8 编码（写入文件时带 BOM，便于 Excel 打开）。以 =、+、-、@、制表符或回车开头且不是数字的文本单元格，",
    "会在开头加一个单引号（'），使 Excel 把它显示为文本而不是当作公式执行（OWASP 对 CSV 注入的建议）；.xlsx 输出",
    "则按原样写入文本单元格。超过 Excel 单元格上限（32,767 个字符）的文本在 .xlsx 输出中会被截断，并在该行“备注”中注明。",
    "",
    "计算引擎：128 MB 及以上的 CSV 客户表或 Parquet 客户表（文件.parquet），当每个单元格都是标准写法（日期为",
    "YYYY-MM-DD、次数为整数、金额为普通数字、客户编号不重复、无引号）时，由内置的 DuckDB 执行分级方案编译出的 SQL",
    "分级；其他情况均由 JavaScript 引擎分级。两者输出逐字节相同；汇总会说明使用了哪个引擎及原因。",
    "可用 --engine js 或 --engine duckdb 指定。",
    "",
    "退出状态：0 表示已分级（无法分级的行已在备注中注明），2 表示用法或输入文件有误。",
  ],
};

/** A paragraph cut into lines of the help's width, after a space or a Chinese list comma or punctuation mark. */
function wrapped(text: string, width = 112): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of text.split(/(?<=[ 、，；）])/)) {
    if (line !== "" && displayWidth(line + piece.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += piece;
  }
  return line === "" ? lines : [...lines, line.trimEnd()];
}

/** `rfm history --help`'s after-text, by language. */
export const HISTORY_HELP_AFTER: Record<Lang, string[]> = {
  en: [
    "",
    "Each period end (the last day of each month, or of each quarter: 31 March, 30 June, 30 September, 31 December)",
    "between --from and --to is graded as the analysis date, with the sales from the window start up to that day. A",
    "customer with no sale inside the window by then has no grade for that period. Columns are headed 2025-01 (month)",
    "or 2025-Q1 (quarter). The transitions count the customers moving from each grade to each grade between",
    "consecutive period ends (“no grade” for new and gone customers), with their total amount at the later end.",
    "",
    "Examples:",
    "  rfm history sales.xlsx --profile wuhan --every month --from 2024-07 --to 2025-06 -o history.xlsx",
    "  rfm history sales.csv --profile shaoxing --unit yuan --every quarter --from 2024-01 --to 2025-12 -o history.csv",
    "",
    "Exit status: 0 written, 2 usage or input-file error.",
  ],
  zh: [
    "",
    "--from 与 --to 之间的每个期末（每月最后一天，或每季度最后一天：3 月 31 日、6 月 30 日、9 月 30 日、12 月 31 日）",
    "都作为统计日期分级，计入从统计期间起始日期到该日的销售。截至该日统计期间内没有销售的客户，该期无等级。",
    "列标题为 2025年1月（按月）或 2025年第1季度（按季度）。等级变化统计相邻两个期末之间从各等级到各等级的客户数",
    "（新增和流失的客户记为“无等级”），以及这些客户在后一期末的金额合计。",
    "",
    "示例：",
    "  rfm history sales.xlsx --profile wuhan --every month --from 2024-07 --to 2025-06 -o history.xlsx --lang zh",
    "  rfm history sales.csv --profile shaoxing --unit yuan --every quarter --from 2024-01 --to 2025-12 -o history.csv",
    "",
    "退出状态：0 表示已写入，2 表示用法或输入文件有误。",
  ],
};

/** `rfm sql --help`'s after-text, by language. */
export const SQL_HELP_AFTER: Record<Lang, string[]> = {
  en: [
    "",
    ...wrapped(
      `The query returns ${SQL_RESULT_COLUMNS.join(", ")} (next_contact_by only when the profile's grades have ` +
        "contact periods; note: why the row is not graded, NULL when graded). Identifiers are quoted as given.",
    ),
    "With --dialect mysql, customer ids are compared exactly (utf8mb4_bin), not by the table's collation, which may",
    "treat \"a\" and \"A\" as one customer.",
    "",
    "Examples:",
    "  rfm sql --profile wuhan --dialect postgres --table sales --map id=customer_no --map date=sold_on > grade.sql",
    "  rfm sql --profile wuhan --dialect mysql --table crm.sales --map id=customer_no > grade.sql",
    "  rfm sql --profile shaoxing --input customers --as-of 2025-12-31 --unit yuan",
  ],
  zh: [
    "",
    ...wrapped(
      `查询返回 ${SQL_RESULT_COLUMNS.join("、")} 各列（next_contact_by 仅在分级方案的等级设有沟通周期时返回；` +
        "note：该行未分级的原因，已分级时为 NULL）。标识符按给出的写法加引号。",
    ),
    "使用 --dialect mysql 时，客户编号按原样逐字比较（utf8mb4_bin），不采用表的排序规则（它可能把“a”和“A”",
    "视为同一位客户）。",
    "",
    "示例：",
    "  rfm sql --profile wuhan --dialect postgres --table sales --map id=customer_no --map date=sold_on > grade.sql",
    "  rfm sql --profile wuhan --dialect mysql --table crm.sales --map id=customer_no > grade.sql",
    "  rfm sql --profile shaoxing --input customers --as-of 2025-12-31 --unit yuan",
  ],
};

/** Commander's fixed words in a help text. */
export function localizeHelp(text: string, lang: Lang): string {
  if (lang !== "zh") return text;
  return text
    .replace(/^Usage: ?/gm, "用法：")
    .replace(/^Arguments:/gm, "参数：")
    .replace(/^Options:/gm, "选项：")
    .replace(/^Commands:/gm, "命令：")
    .replace(/ ?\(default: ([^)]*)\)/g, "（默认：$1）")
    .replace(/ ?\(choices: ([^)]*)\)/g, "（可选：$1）");
}

/** Commander's error sentences ("error: unknown option '--x'") as one line in the user's language. */
export function localizeCommanderError(text: string, lang: Lang): string {
  const line = text.replace(/^error: /, "");
  if (lang !== "zh") return line;
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^unknown option '([^']*)'(?:\s*\(Did you mean ([^?]*)\?\))?/, (o, s) => `未知选项“${o}”${s ? `（是否要输入 ${s}？）` : ""}`],
    [/^unknown command '([^']*)'(?:\s*\(Did you mean ([^?]*)\?\))?/, (c, s) => `未知命令“${c}”${s ? `（是否要输入 ${s}？）` : ""}`],
    [/^option '([^']*)' argument missing/, (o) => `选项“${o}”缺少取值`],
    [/^missing required argument '([^']*)'/, (a) => `缺少必需的参数“${a}”`],
    [/^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (c, e, g) =>
      `${c ? `命令“${c}”的` : ""}参数过多：应为 ${e} 个，实际为 ${g} 个。`],
    [/^option '([^']*)' argument '([^']*)' is invalid\.?(.*)/, (o, v) => `选项“${o}”的取值“${v}”无效`],
  ];
  for (const [pattern, say] of rules) {
    const m = pattern.exec(line);
    if (m) return say(...m.slice(1)) + "\n";
  }
  return line;
}
