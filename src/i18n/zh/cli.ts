/** The command line's words in Simplified Chinese (see the English catalogue for what each is). */
import type { InputKind, MonetaryUnit, ProfileIssue, Role } from "../../engine/types";
import type { CliTexts, DeclineReasonText, EncodingEvidenceText } from "../en/cli";
import type { Lang } from "../languages";
import { shortList } from "../lists";
import { counted, grouped } from "../numbers";
import engine from "./engine";

const LANG: Lang = "zh";

const quoteList = (items: readonly string[]) => shortList(items, (text) => `"${text}"`, ", ");
const ROLE_NAMES = engine.roleNames;
const roleList = (roles: readonly Role[]) => roles.map((r) => `${r} (${ROLE_NAMES[r]})`).join(", ");
const issueText = (issue: ProfileIssue) => {
  const message = issue.message[LANG];
  return message.startsWith(issue.field) ? message : `${issue.field}：${message}`;
};
const KIND_NAMES: Record<InputKind, string> = {
  customers: "客户表（每行一个客户）",
  transactions: "销售记录（每行一笔销售）",
};
const UNIT_NAMES: Record<MonetaryUnit, string> = {
  yuan: "元",
  wan: "万元",
};
const n = (count: number) => grouped(count, LANG);

const EVIDENCE: Record<EncodingEvidenceText, string> = {
  bom: "",
  utf8: "",
  zeros: "（无 BOM，依据零字节判断）",
  bytes: "（依据字节特征判断）",
  headers: "（依据字节特征和列标题判断）",
  forced: "（--encoding 指定）",
};

const DECLINES: Record<DeclineReasonText, string> = {
  workbookInput: "输入是工作簿；DuckDB 只读取 .csv 和 .parquet 文件",
  workbookOutput: "结果写入工作簿（.xlsx）",
  previous: "--previous 需要与上一次的结果对比",
  encoding: "文件不是 UTF-8 编码的文本",
  delimiter: "文件不是以逗号分隔",
  salesRecords: "文件是销售记录；DuckDB 只用于客户表",
  headerBelow: "标题行不在第一行",
  earlierResults: "文件末尾已有上一次分级的结果列",
  rowsNeedNotes: "部分行无法直接分级，由 JavaScript 引擎逐行注明原因",
  quotes: "文件中有带引号的单元格",
  formulaLike: "有单元格以公式符号（=、+、-、@）开头",
  lineBreaks: "文件的换行符不全是 LF 或不全是 CRLF",
  emptyLine: "文件中有空行",
  rowWidth: "部分行的单元格数与标题行不同",
  notStrict:
    "部分单元格不是标准写法（日期为 YYYY-MM-DD 且不晚于统计日期、购买次数为整数、金额为普通数字、客户编号不重复）",
  changed: "文件在分级过程中被修改",
  unreadable: "DuckDB 无法按逗号分隔的 UTF-8 文本读取该文件",
  emptyTable: "表格中没有数据行",
  notInstalled: "未安装 DuckDB（@duckdb/node-api）",
  failed: "DuckDB 运行出错",
};
const HELP: CliTexts["help"] = {
  program: "按最近购买时间、购买次数和购买金额（RFM）为 .csv 和 .xlsx 文件中的客户分级。",
  version: "显示版本号",
  help: "显示命令帮助",
  lang: (langs) => `输出列标题、沟通频次、备注和提示信息的语言：${langs}`,
  langShort: (langs) => langs,
  langOfMessages: (langs) => `沟通频次文字和提示信息的语言：${langs}`,
  or: " 或 ",
  profile: "shaoxing、wuhan，或分级方案 .json 文件（必填）",
  asOf: "统计日期（默认：分级方案自带的日期；shaoxing 方案必填）",
  grade: {
    command: "为 .csv 或 .xlsx 文件中的客户分级并输出结果（默认以 CSV 写到标准输出）",
    input:
      ".csv 或 .txt 文件（UTF-8、UTF-16、GBK、Big5 或 Windows-1252；逗号、制表符、分号或 | 分隔）、.xlsx 工作簿或 .parquet 文件：客户表或销售记录",
    windowStart: "统计期间的第一天（销售记录；默认：分级方案自带的日期）",
    unit: "输入金额的金额单位：yuan（元）或 wan（万元）（默认：金额列标题中注明的单位，否则为分级方案的单位）",
    kind: "customers（客户表）或 transactions（销售记录）（默认：根据列标题判断）",
    map: "手动指定列；ROLE 可为 id、date、count、total 或 amount（可重复使用）",
    out: "写入 FILE.csv 或 FILE.xlsx，而不是把 CSV 写到标准输出（已有的 FILE 会被替换；输入文件绝不会被覆盖）",
    sheet: ".xlsx 输入文件中的工作表（默认：第一个可见的工作表）",
    encoding: "输入 .csv 文件的编码：utf8、utf16le、utf16be、gb18030（gbk）、big5、windows-1252（默认：自动识别）",
    formulas: "与 --out 文件.xlsx 一起使用：写入实时工作表公式，无需加载项即可分级",
    engine: "auto、js 或 duckdb：如何读取 .csv 或 .parquet 客户表（auto：单元格均为标准写法时快速读取；结果相同）",
    previous: "rfm grade 的一次早先结果（.csv 或 .xlsx）：按客户编号匹配，增加“上一次等级”和“变化”两列以及等级变化统计",
    after: [
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
      "计算引擎：CSV 客户表（或由 DuckDB 转成 CSV 的 Parquet 客户表，文件.parquet）若每个单元格都是标准写法（日期为",
      "YYYY-MM-DD、次数为整数、金额为普通数字、客户编号不重复、无引号），则逐行快速读取，占用内存很少；其他文件由",
      "JavaScript 引擎整个读入，读取各种写法并逐一注明问题。--engine js 总是整个读入；--engine duckdb 让内置的 DuckDB",
      "读取标准写法的文件。两者输出逐字节相同；大文件未能快速读取时，汇总会说明原因。",
      "",
      "退出状态：0 表示已分级（无法分级的行已在备注中注明），2 表示用法或输入文件有误。",
    ],
  },
  demo: {
    command: "用内置分级方案为随附的样例文件分级，并写出 .xlsx 结果",
    outDir: "结果所在的文件夹",
  },
  profiles: {
    command: "列出内置分级方案",
  },
  sql: {
    command: "输出一条 SQL 查询，用分级方案为数据库表中的客户分级，结果与 `rfm grade` 完全一致",
    dialect: "SQL 方言：duckdb、postgres、mysql（MySQL 8、MariaDB 10.6 及以上版本）或 spark",
    kind: "transactions（销售记录，每行一笔销售）或 customers（客户表，每行一位客户）",
    table: "要读取的表或视图，可写作 schema.table（默认：sales，或 customers）",
    map: "某一用途对应的列（id、date、count、total、amount）；默认为与用途同名的列（可重复使用）",
    windowStart: "统计期间的第一天（默认：分级方案自带的日期）",
    unit: "表中金额的金额单位：yuan（元）或 wan（万元）（默认：分级方案的单位）",
    order: "给出行顺序的列，并列规则为“first”时必填",
    afterColumns: (columns) =>
      `查询返回 ${columns.join("、")} 各列（next_contact_by 仅在分级方案的等级设有沟通周期时返回；` +
      "note：该行未分级的原因，已分级时为 NULL）。标识符按给出的写法加引号。",
    after: [
      "使用 --dialect mysql 时，客户编号按原样逐字比较（utf8mb4_bin），不采用表的排序规则（它可能把“a”和“A”",
      "视为同一位客户）。",
      "",
      "示例：",
      "  rfm sql --profile wuhan --dialect postgres --table sales --map id=customer_no --map date=sold_on > grade.sql",
      "  rfm sql --profile wuhan --dialect mysql --table crm.sales --map id=customer_no > grade.sql",
      "  rfm sql --profile shaoxing --input customers --as-of 2025-12-31 --unit yuan",
    ],
  },
  history: {
    command: "在每个月末或季度末为销售记录分级，输出每个客户各期的等级以及等级之间的变化",
    input: "销售记录（每行一笔销售）：.csv 或 .txt 文件，或 .xlsx 工作簿",
    every: "month 或 quarter：在每个月末或每个季度末分级",
    from: "第一个月份（必填）",
    to: "最后一个月份（必填）",
    windowStart: "统计期间的第一天（默认：分级方案自带的日期）",
    map: "手动指定列；ROLE 可为 id、date 或 amount（可重复使用）",
    out: "写入 FILE.xlsx（等级历史、等级变化、汇总表和图表）或 FILE.csv（另加 FILE-transitions.csv）；必填",
    encoding: "输入 .csv 文件的编码：utf8、utf16le、utf16be、gb18030（gbk）、big5（默认：自动识别）",
    after: [
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
  },
  commander: {
    usage: "用法：",
    arguments: "参数：",
    options: "选项：",
    commands: "命令：",
    defaultValue: (value) => `（默认：${value}）`,
    choices: (values) => `（可选：${values}）`,
    unknownOption: (option, suggestion) => `未知选项“${option}”${suggestion ? `（是否要输入 ${suggestion}？）` : ""}`,
    unknownCommand: (command, suggestion) =>
      `未知命令“${command}”${suggestion ? `（是否要输入 ${suggestion}？）` : ""}`,
    argumentMissing: (option) => `选项“${option}”缺少取值`,
    requiredArgument: (argument) => `缺少必需的参数“${argument}”`,
    tooManyArguments: (command, expected, got) =>
      `${command ? `命令“${command}”的` : ""}参数过多：应为 ${expected} 个，实际为 ${got} 个。`,
    invalidArgument: (option, value) => `选项“${option}”的取值“${value}”无效`,
  },
};

const zh: CliTexts = {
  kindNames: KIND_NAMES,
  unitNames: UNIT_NAMES,
  usage: {
    noInput: () => "缺少输入文件：请指定 .csv 或 .xlsx 文件，例如 rfm grade sales.xlsx --profile wuhan",
    fileNotFound: (path) => `无法读取“${path}”：文件不存在`,
    fileUnreadable: (path, detail) => `无法读取“${path}”：${detail}`,
    unknownFileType: (path) =>
      `“${path}”不是 .csv、.txt、.xlsx 或 .parquet 文件（旧版 .xls 工作簿请先在 Excel 中另存为 .xlsx）`,
    notInEncoding: (path, encoding, likely) =>
      likely
        ? `“${path}”不是 ${encoding} 编码的文本，按 ${likely.label} 可以读取：请使用 --encoding ${likely.flag}，或去掉 --encoding 让程序自动识别`
        : `“${path}”不是 ${encoding} 编码的文本：去掉 --encoding 让程序自动识别，或指定文件保存时所用的编码（utf8、utf16le、gb18030、big5、windows-1252）`,
    unknownEncoding: (path) =>
      `“${path}”既不是 UTF-8、UTF-16、GB18030/GBK、Big5，也不是 Windows-1252 编码的文本：请用 --encoding 指定其编码，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”`,
    ambiguousEncoding: (path, likely) =>
      `“${path}”可能是 ${likely.map((e) => e.label).join(" 或 ")} 编码，仅凭文件内容无法确定：请用 ${likely.map((e) => `--encoding ${e.flag}`).join(" 或 ")} 指定`,
    doubtfulEncoding: (path, label, flag) =>
      `“${path}”可能是 ${label} 编码，但仅凭文件内容无法确定：如确是此编码，请用 --encoding ${flag} 指定`,
    bomOfOtherEncoding: (path, marked, forced, flag) =>
      `“${path}”以 ${marked} 的字节顺序标记（BOM）开头，不是 ${forced} 编码：请使用 --encoding ${flag}，或去掉 --encoding`,
    headersInOtherEncoding: (path, forced, likely, flag) =>
      `“${path}”按 ${forced} 读取时没有可识别的列标题，按 ${likely} 读取则有：请使用 --encoding ${flag}，或去掉 --encoding 让程序自动识别`,
    profileNotUtf8: (path) =>
      `分级方案文件“${path}”不是 UTF-8 编码（可能是 GBK 或 UTF-16）：请另存为 UTF-8 编码（记事本：另存为，编码选 UTF-8）`,
    emptyFile: (path) => `“${path}”是空文件：需要标题行和数据行`,
    unclosedQuote: (path, row) =>
      `“${path}”第 ${row} 行：引号（"）开始的单元格没有结束，其后的所有行都会并入该单元格；请修正引号后重试`,
    notAWorkbook: (path, detail) => `无法将“${path}”作为 .xlsx 工作簿读取：${detail}`,
    noSheets: (path) => `“${path}”中没有工作表`,
    sheetNotFound: (name, available) => `找不到名为“${name}”的工作表；工作簿中有：${quoteList(available)}`,
    encodingOnlyForCsv: () => "--encoding 仅适用于 .csv 输入文件（.xlsx 工作簿自带编码信息）",
    sheetOnlyForXlsx: () => "--sheet 仅适用于 .xlsx 输入文件",
    unknownProfile: (name, builtins) =>
      `未知分级方案“${name}”：请使用 ${builtins.join(" 或 ")}，或分级方案 .json 文件的路径`,
    noProfile: () => "未指定分级方案：请添加 --profile shaoxing、--profile wuhan 或 --profile 文件.json",
    asOfMissing: (profile) => `分级方案“${profile}”没有默认统计日期：请用 --as-of YYYY-MM-DD 指定`,
    profileNotJson: (path, problem) => `分级方案文件“${path}”：${problem[LANG]}`,
    profileInvalid: (path, issues) => `分级方案文件“${path}”无效：${issues.map((i) => issueText(i)).join("；")}`,
    badDateFlag: (flag, value) => `${flag}“${value}”不是日期：请写成 YYYY-MM-DD 格式`,
    badChoice: (flag, value, choices) => `${flag}“${value}”无效，可选值：${choices.join("、")}`,
    badMap: (value, roles) =>
      `--map“${value}”格式应为 角色=列标题，角色可选 ${roles.join("、")}（例如 --map "total=销售总额"）`,
    mapRoleTwice: (role) => `--map 对 ${role} 列指定了两次`,
    mapNoSuchColumn: (role, header, found) =>
      `--map ${role}=${header}：没有名为“${header}”的列；列标题为：${quoteList(found)}`,
    missingColumns: (kind, missing, found) =>
      `作为${KIND_NAMES[kind]}缺少以下列：${roleList(missing)}。` +
      `列标题为：${quoteList(found)}。可用 --map 角色=列标题 指定列`,
    ambiguousColumns: (role, header, letters) =>
      `有 ${letters.length} 列的列标题都是“${header}”（第 ${letters.join("、")} 列），无法确定哪一列是${ROLE_NAMES[role]}：请在文件中修改列标题，只让其中一列使用此名称`,
    nothingToGrade: (said, role) =>
      role === undefined ? said[LANG] : `${said[LANG]}可用 --map ${role}=列标题 指定正确的列`,
    outSameAsInput: () => "--out 不能是输入文件本身（或指向它的链接）：输入文件不会被覆盖",
    badOutType: (path) => `--out“${path}”必须以 .csv 或 .xlsx 结尾`,
    tooManyRowsForXlsx: (rows, limit) =>
      `结果共 ${rows} 行，超过 Excel 工作表的容量（标题行以下 ${limit} 行）：请用 --out 文件.csv 输出`,
    badMonthFlag: (flag, value) => `${flag}“${value}”不是月份：请写成 YYYY-MM 格式（例如 2025-01）`,
    monthFlagMissing: (flag) => `缺少 ${flag}：rfm history 需要 --from YYYY-MM 和 --to YYYY-MM`,
    monthsReversed: (from, to) => `--to ${to} 早于 --from ${from}`,
    noQuarterEnd: (from, to) =>
      `${from} 至 ${to} 之间没有季度末（季度末在 3、6、9、12 月）：请扩大 --from/--to 范围，或使用 --every month`,
    tooManyPeriods: (count, limit) =>
      `共 ${count} 个期末，超过 rfm history 的上限（${limit} 个）：请缩短 --from/--to 范围，或使用 --every quarter`,
    historyNeedsOut: () =>
      "rfm history 会输出等级历史表和等级变化表：请指定 -o 文件.xlsx（两张工作表和一张图表）或 -o 文件.csv（文件.csv 和 文件-transitions.csv）",
    historyNeedsSales: (header) =>
      `rfm history 需要销售记录（每行一笔销售：客户、下单时间、订单金额）；此文件是客户表（含购买次数列“${header}”）`,
    firstEndBeforeWindow: (end, start) =>
      `第一个期末 ${end} 早于统计期间起始日期 ${start}，该期末不会计入任何销售：请让 --from 从起始日期所在月份或之后开始，或用 --window-start 指定起始日期`,
    cannotWrite: (path, reason) => `无法写入“${path}”：${reason[LANG]}`,
    cannotWriteStdout: (reason) => `无法写入输出（标准输出）：${reason[LANG]}`,
    outDirIsFile: (path) => `--out-dir“${path}”是文件，不是文件夹：请指定一个文件夹（不存在时会自动创建）`,
  },
  summary: {
    profile: "分级方案",
    asOf: "统计日期",
    window: "统计期间",
    unit: "金额单位",
    input: "输入",
    textRead: (encoding, bom, evidence, delimiter) =>
      `文件：${encoding} 编码${bom ? "（带 BOM）" : ""}${EVIDENCE[evidence]}，${delimiter[LANG]}分隔`,
    decimals: (parts) => `小数点：${parts.join("；")}`,
    decimalReading: (reading, header) =>
      reading === "comma"
        ? `“${header}”列为逗号（1.234,56 即 1234.56）`
        : reading === "point"
          ? `“${header}”列为句点（1,234.56）`
          : reading === "mixed"
            ? `“${header}”列中逗号和句点都用作小数点，含逗号或句点的单元格未分级（见“备注”列）`
            : `“${header}”列中没有数值能说明小数点，如 1,234（1234 还是 1.234？）这样的单元格未分级（见“备注”列）`,
    unitSource: (choice, header) =>
      choice.source === "user"
        ? "（--unit 指定）"
        : choice.source === "header"
          ? `（依据列标题“${header}”）`
          : "（分级方案的单位）",
    unitCurrency: (currency) => `；金额为 ${currency}，按原数值与分级方案的界值比较（不做币种换算）`,
    unitUnreadable: (choice, header) =>
      `警告：列标题“${header}”注明的单位“${choice.unreadable}”无法识别（只支持元和万元）：金额按${UNIT_NAMES[choice.unit]}读取（${choice.source === "user" ? "--unit 指定" : "分级方案的单位"}）；请换算该列，或核对 M 评分`,
    unitConflict: (choice, header) =>
      `警告：列标题“${header}”注明单位为${UNIT_NAMES[choice.headerUnit ?? choice.unit]}，但 --unit 指定为${UNIT_NAMES[choice.unit]}：金额按 --unit 指定的${UNIT_NAMES[choice.unit]}读取`,
    graded: (graded, total, kind) => `已分级 ${graded} / ${total} ${kind === "customers" ? "行" : "个客户"}`,
    headerRow: (row) => `标题行：第 ${row} 行（其上方的行不属于表格）`,
    grades: "等级分布",
    scores: "各评分人数（5 … 1）",
    notGraded: (n) => `未分级：${n}（原因见“备注”列）`,
    sales: (read, kept, outside, skipped) =>
      `销售记录：读取 ${read} 条，统计期间内 ${kept} 条，区间外 ${outside} 条，无法读取而跳过 ${skipped} 条`,
    skippedSale: "已跳过",
    blankRows: (n) => `已跳过空行：${n}（所读各列均为空；不计入未分级）`,
    duplicateIds: (rows, ids) => `客户编号重复：${rows} 行共用 ${ids} 个客户编号（均已分级，并在“备注”列中注明）`,
    hiddenRows: (n) => `已读取隐藏行：${n}（工作表中隐藏的行与其他行一样分级）`,
    moreSkipped: (n) => `…… 另有 ${n} 条销售记录被跳过`,
    written: (path) => `已写入：${path}`,
    replacedResults: "输入文件中已有上次分级的结果列：输出中已替换为本次结果",
    csvProblem: (row, code) =>
      code === "TextAfterQuote"
        ? `警告：第 ${row} 行：带引号的单元格在结束引号之后还有文字；已保留这些文字并去掉该引号（"x"y 读作 xy）`
        : `警告：第 ${row} 行：引号（"）开始的单元格没有结束；该单元格一直读到文件末尾`,
    moreCsvProblems: (n) => `警告：另有 ${n} 行在结束引号之后还有文字`,
    reading: "正在读取",
    grading: "正在分级",
    writing: "正在写入",
  },
  history: {
    periods: "期末日期",
    periodSpan: (count, step, first, last) => `${count} 个${step === "month" ? "月末" : "季度末"}，${first} – ${last}`,
    window: (start) => (start === undefined ? "截至各期末的全部销售" : `${start} – 各期末`),
    sales: (read, counted, outside, skipped) =>
      `销售记录：读取 ${read} 条，计入 ${counted} 条，统计期间起始日期之前或最后一个期末之后 ${outside} 条，无法读取而跳过 ${skipped} 条`,
    listed: (listed, customers) => `客户：${listed} 个至少在一个期末有等级（共 ${customers} 个客户有可读取的销售）`,
    perPeriod: "各期末各等级客户数",
    noGrade: "无等级",
    moves: (from, to) => `${from} 至 ${to}`,
    transitionsFile: (path) => `已写入：${path}（等级变化）`,
  },
  output: {
    cut: (column) => `“${column}”列：文本超过 Excel 单元格上限，已截断为 32,767 个字符`,
    cutCells: (n) =>
      `文本截断：${n} 个单元格超过 Excel 上限 32,767 个字符，在工作簿中已截断（见其“备注”）；输出为 .csv 可保留全文`,
  },
  demo: {
    heading: (sample, profile) => `演示：用 ${profile} 分级方案为 ${sample} 分级`,
    asOfChosen: (asOf) => `（统计日期 ${asOf}：shaoxing 方案没有默认日期，此日期适合本样例）`,
    done: (dir) => `演示结果位于 ${dir}`,
  },
  xlsx: {
    renamedText: (path) => `“${path}”是改成 .xlsx 扩展名的文本（CSV）文件，不是工作簿：请将扩展名改为 .csv 后重试`,
    encrypted: (path) =>
      `“${path}”设置了打开密码（已加密），或是旧版 .xls 工作簿：请在 Excel 中打开，删除密码（文件 > 信息 > 保护工作簿），另存为 .xlsx 后重试`,
    damaged: (path) => `“${path}”已损坏，不是完整的 .xlsx 工作簿：请在 Excel 中打开并修复，或重新导出`,
    passwordProtected: (path) =>
      `“${path}”设置了打开密码（已加密）：请在 Excel 中打开，删除密码（文件 > 信息 > 保护工作簿），保存后重试`,
    oldXls: (path) =>
      `“${path}”是改成 .xlsx 扩展名的 Excel 97-2003 工作簿（.xls）：请在 Excel 中打开，另存为 .xlsx（文件 > 另存为）后重试`,
    binaryWorkbook: (path) =>
      `“${path}”是 Excel 二进制工作簿（.xlsb），本工具无法读取：请在 Excel 中打开，另存为 .xlsx（文件 > 另存为）后重试`,
    openDocument: (path) =>
      `“${path}”是改成 .xlsx 扩展名的 OpenDocument 电子表格（.ods）：请另存为 .xlsx（Excel 2007-365）或 CSV 后重试`,
    markup: (path) =>
      `“${path}”是改成 .xlsx 扩展名的网页或 XML 文件，不是工作簿：请在 Excel 中打开，另存为 .xlsx（文件 > 另存为）后重试`,
    notAWorkbook: (path) => `“${path}”是 zip 压缩文件，但不是 Excel 工作簿：其中没有工作簿部件`,
    missingPart: (path, part) => `“${path}”已损坏：缺少其中的部件 ${part}；请在 Excel 中打开并修复，或重新导出`,
    preRelease: (path) =>
      `“${path}”采用 Excel 2007 预览版（beta）的格式，而不是正式发布的 Office Open XML 格式：请用生成它的程序重新导出`,
    documentType: (path) =>
      `“${path}”的工作簿内部含有文档类型声明（DTD），文件格式不允许这样做（XML 炸弹正是借此制造的）：请用生成它的程序重新导出`,
    compression: (path, method) =>
      `“${path}”采用 ${method} 压缩，本工具无法读取（仅支持 Excel 使用的 Deflate）：请在 Excel 中打开并重新保存后重试`,
    encryptedZip: (path) =>
      `“${path}”是带加密（密码保护）条目的 zip 文件，本工具无法读取：请在 Excel 中重新保存工作簿（不设置 zip 密码）后重试`,
    notAWorksheet: (path, sheet, kind) =>
      `“${path}”中的工作表“${sheet}”是${{ chartsheet: "图表工作表", dialogsheet: "对话框工作表", macrosheet: "Excel 4 宏工作表" }[kind]}，不是包含单元格的工作表：请用 --sheet 指定一个工作表`,
    noWorksheet: (path) => `“${path}”中没有包含单元格的工作表（只有图表或对话框工作表）`,
    noVisibleSheet: (path) => `“${path}”的所有工作表都已隐藏：请用 --sheet 指定一个`,
  },
  previous: {
    badType: (path) => `--previous“${path}”必须是 rfm grade 之前输出的结果文件（.csv 或 .xlsx）`,
    noGradeColumn: (path, headers) =>
      `“${path}”没有客户等级列（Grade 或 客户等级），不是 rfm grade 之前输出的结果。其列标题为：${quoteList(headers)}`,
    noIdColumn: (path, headers) => `“${path}”没有用于匹配客户的客户编号列。其列标题为：${quoteList(headers)}`,
    noCurrentIds: () => "--previous 按客户编号匹配客户，但此表没有客户编号列：请用 --map id=列标题 指定",
  },
  engines: {
    duckdb: () => "计算引擎：DuckDB（--engine duckdb 指定）",
    everyForm: (reason) =>
      `计算引擎：JavaScript，逐格读取各种写法，整个文件读入内存（未用标准写法文件的快速读取：${DECLINES[reason]}）`,
    javascript: (reason) => `计算引擎：JavaScript（未采用 DuckDB：${DECLINES[reason]}）`,
    inputChanged: (path) => `“${path}”在分级过程中被修改，上面的输出不完整：请重新分级`,
  },
  writeFailures: {
    ENOSPC: "磁盘已满",
    EDQUOT: "磁盘配额已用完",
    EFBIG: "文件超出系统允许的大小（文件大小限制）",
    EROFS: "磁盘是只读的",
    EACCES: "没有写入权限",
    EPERM: "没有写入权限",
    EISDIR: "这是一个文件夹，不是文件",
    ENOTDIR: "路径中有一部分是文件，不是文件夹",
    ENOENT: "文件夹不存在",
    EEXIST: "已有同名文件",
    EBUSY: "文件正被占用（是否已在其他程序中打开？）",
    ENAMETOOLONG: "名称过长",
    EIO: "磁盘读写出错",
    EMFILE: "打开的文件过多",
    ENFILE: "打开的文件过多",
    EINVAL: "磁盘或设备不接受此写入",
  },
  delimiters: {
    ",": "逗号",
    "\t": "制表符",
    ";": "分号",
    "|": "竖线",
  },
  profiles: {
    asOf: "默认统计日期",
    windowStart: "统计期间起始",
    none: "无默认统计日期（需指定 --as-of）",
  },
  formulas: {
    needsXlsx: "--formulas 会写出单元格为实时公式的工作簿：请添加 --out 文件.xlsx",
    written: (path) => `已写入实时公式：${path}（在“RFM参数”工作表中修改统计日期，等级会自动重新计算）`,
    salesWritten: (path) =>
      `已写入实时公式：${path}（每行一位客户；修改销售记录，或在“RFM参数”工作表中修改统计日期或统计期间起始日期，等级会自动重新计算；新客户需要重新分级）`,
  },
  parquet: {
    read: (path) => `文件：${path}（Parquet），由 DuckDB 读取`,
    noDuckdb: (path) => `“${path}”是 Parquet 文件，需要用 DuckDB（@duckdb/node-api）读取，但未安装 DuckDB`,
    unreadable: (path, reason) => `无法按 Parquet 文件读取“${path}”：${reason}`,
  },
  analysisDate: {
    dataPast: (past, profileId) => {
      const lead =
        past.chosenBy === "profile"
          ? `警告：数据中最晚的日期是 ${past.latest}，晚于分级方案“${profileId}”固定的统计日期 ${past.asOf}`
          : `注意：数据中最晚的日期是 ${past.latest}，晚于 --as-of 指定的统计日期 ${past.asOf}`;
      let effect: string;
      if (past.rowsNotGraded !== undefined) {
        const rows = past.rows!,
          after = past.rowsNotGraded;
        effect =
          after === rows
            ? `全部 ${n(rows)} 行的日期都在此之后，没有任何客户被分级`
            : `${n(rows)} 行中有 ${n(after)} 行的日期在此之后，因此未分级`;
      } else {
        const left = past.salesLeftOut!,
          customers = past.customersWithLaterSales!,
          ungraded = past.customersNotGraded!;
        effect =
          `${n(past.sales!)} 笔销售中有 ${n(left)} 笔在此之后，不计入统计（涉及 ${counted(customers, LANG, engine.counts.customers)}` +
          (ungraded === 0 ? "）" : `，其中 ${n(ungraded)} 位在统计期间内没有销售记录，因此未分级）`);
      }
      return `${lead}：${effect}。如需以数据中最晚的日期为统计日期，请加上 --as-of ${past.suggestedAsOf}`;
    },
    farAfterData: (days, asOf, latest) =>
      `警告：统计日期 ${asOf} 比数据中最晚的日期（${latest}）晚 ${days} 天：所有客户都会显得不活跃（R 评分偏低）`,
  },
  sql: {
    firstNeedsOrder:
      '此分级方案按输入顺序处理并列（ties: "first"），而数据表本身没有顺序：请添加 --order 列名（例如销售记录的行号或时间戳）',
  },
  sheets: {
    grades: "RFM分级",
  },
  columnOfLetter: (letter) => `${letter} 列`,
  help: HELP,
};

export default zh;
