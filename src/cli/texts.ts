/**
 * The command line's own words (usage errors, summary labels) in English and Chinese. Everything about grading
 * itself (notes, headers, cadences, profile names) comes from the engine.
 */

import type { DecimalReading } from "./csv/decimals";
import type { EncodingEvidence } from "./encodingEvidence";
import {
  columnLetters, countNumber, countText, ROLE_NAMES, type AnalysisDateWarning, type DataPastAnalysisDate, type InputKind, type Lang, type Localized, type MonetaryUnit, type ProfileIssue, type Role, type UnitChoice,
} from "../engine";

/** Items a message names at most, and the characters it shows of each (the rest is cut, with "…"). */
const LISTED = 20;
const ITEM_CHARS = 40;

/**
 * Headers or sheet names quoted in a message, kept short: a file read in the wrong encoding, or with a quote that
 * swallowed its lines, can make a header of kilobytes, and a message is one line.
 */
export function quoteList(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).map((item) => {
    const text = item.replace(/\s+/g, " ");
    return `"${text.length > ITEM_CHARS ? text.slice(0, ITEM_CHARS - 1) + "…" : text}"`;
  });
  if (items.length > LISTED) shown.push(`… (+${items.length - LISTED})`);
  return shown.join(", ");
}

function roleList(roles: readonly Role[], lang: Lang): string {
  return roles.map((r) => `${r} (${ROLE_NAMES[r][lang]})`).join(", ");
}

/** A profile issue as "field: message", unless the engine's message already starts with the field. */
function issueText(issue: ProfileIssue, lang: Lang): string {
  const message = issue.message[lang];
  return message.startsWith(issue.field) ? message : `${issue.field}${lang === "zh" ? "：" : ": "}${message}`;
}

export const KIND_NAMES: Record<InputKind, Localized> = {
  customers: { en: "customer table (one row per customer)", zh: "客户表（每行一个客户）" },
  transactions: { en: "sales records (one row per sale)", zh: "销售记录（每行一笔销售）" },
};

export const UNIT_NAMES: Record<MonetaryUnit, Localized> = {
  yuan: { en: "yuan (元)", zh: "元" },
  wan: { en: "10,000 yuan (万元)", zh: "万元" },
};

export const USAGE_TEXTS = {
  noInput: (): Localized => ({
    en: "No input file: give a .csv or .xlsx file, e.g. rfm grade sales.xlsx --profile wuhan",
    zh: "缺少输入文件：请指定 .csv 或 .xlsx 文件，例如 rfm grade sales.xlsx --profile wuhan",
  }),
  fileNotFound: (path: string): Localized => ({
    en: `Cannot read "${path}": no such file`,
    zh: `无法读取“${path}”：文件不存在`,
  }),
  fileUnreadable: (path: string, detail: string): Localized => ({
    en: `Cannot read "${path}": ${detail}`,
    zh: `无法读取“${path}”：${detail}`,
  }),
  unknownFileType: (path: string): Localized => ({
    en: `"${path}" is not a .csv, .txt, .xlsx or .parquet file (an old .xls workbook must first be saved as .xlsx in Excel)`,
    zh: `“${path}”不是 .csv、.txt、.xlsx 或 .parquet 文件（旧版 .xls 工作簿请先在 Excel 中另存为 .xlsx）`,
  }),
  notInEncoding: (path: string, encoding: string, likely?: { label: string; flag: string }): Localized =>
    likely
      ? {
          en: `"${path}" is not ${encoding} text; it reads as ${likely.label}: use --encoding ${likely.flag}, or leave out --encoding to have it detected`,
          zh: `“${path}”不是 ${encoding} 编码的文本，按 ${likely.label} 可以读取：请使用 --encoding ${likely.flag}，或去掉 --encoding 让程序自动识别`,
        }
      : {
          en: `"${path}" is not ${encoding} text: leave out --encoding to have it detected, or name the encoding it was saved in (utf8, utf16le, gb18030, big5, windows-1252)`,
          zh: `“${path}”不是 ${encoding} 编码的文本：去掉 --encoding 让程序自动识别，或指定文件保存时所用的编码（utf8、utf16le、gb18030、big5、windows-1252）`,
        },
  unknownEncoding: (path: string): Localized => ({
    en: `"${path}" is neither UTF-8, UTF-16, GB18030/GBK, Big5 nor Windows-1252 text: name its encoding with --encoding, or in Excel save it as "CSV UTF-8 (Comma delimited)"`,
    zh: `“${path}”既不是 UTF-8、UTF-16、GB18030/GBK、Big5，也不是 Windows-1252 编码的文本：请用 --encoding 指定其编码，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”`,
  }),
  ambiguousEncoding: (path: string, likely: readonly { label: string; flag: string }[]): Localized => ({
    en: `"${path}" could be ${likely.map((e) => e.label).join(" or ")} text, and its bytes do not tell which: name it with ${likely.map((e) => `--encoding ${e.flag}`).join(" or ")}`,
    zh: `“${path}”可能是 ${likely.map((e) => e.label).join(" 或 ")} 编码，仅凭文件内容无法确定：请用 ${likely.map((e) => `--encoding ${e.flag}`).join(" 或 ")} 指定`,
  }),
  doubtfulEncoding: (path: string, label: string, flag: string): Localized => ({
    en: `"${path}" may be ${label} text, but its bytes do not make that sure: if it is, name it with --encoding ${flag}`,
    zh: `“${path}”可能是 ${label} 编码，但仅凭文件内容无法确定：如确是此编码，请用 --encoding ${flag} 指定`,
  }),
  bomOfOtherEncoding: (path: string, marked: string, forced: string, flag: string): Localized => ({
    en: `"${path}" starts with a ${marked} byte-order mark, so it is not ${forced} text: use --encoding ${flag}, or leave out --encoding`,
    zh: `“${path}”以 ${marked} 的字节顺序标记（BOM）开头，不是 ${forced} 编码：请使用 --encoding ${flag}，或去掉 --encoding`,
  }),
  headersInOtherEncoding: (path: string, forced: string, likely: string, flag: string): Localized => ({
    en: `"${path}" read as ${forced} has no column header rfm knows, read as ${likely} it has: use --encoding ${flag}, or leave out --encoding to have it detected`,
    zh: `“${path}”按 ${forced} 读取时没有可识别的列标题，按 ${likely} 读取则有：请使用 --encoding ${flag}，或去掉 --encoding 让程序自动识别`,
  }),
  profileNotUtf8: (path: string): Localized => ({
    en: `Profile file "${path}" is not UTF-8 text (perhaps GBK or UTF-16): save it as UTF-8 (Notepad: Save as, Encoding UTF-8)`,
    zh: `分级方案文件“${path}”不是 UTF-8 编码（可能是 GBK 或 UTF-16）：请另存为 UTF-8 编码（记事本：另存为，编码选 UTF-8）`,
  }),
  emptyFile: (path: string): Localized => ({
    en: `"${path}" is empty: it needs a header row and data rows`,
    zh: `“${path}”是空文件：需要标题行和数据行`,
  }),
  unclosedQuote: (path: string, row: number): Localized => ({
    en: `"${path}" row ${row}: a quote (") opens a cell that never closes, so every later line would fall into it; fix the quote and try again`,
    zh: `“${path}”第 ${row} 行：引号（"）开始的单元格没有结束，其后的所有行都会并入该单元格；请修正引号后重试`,
  }),
  notAWorkbook: (path: string, detail: string): Localized => ({
    en: `Cannot read "${path}" as an .xlsx workbook: ${detail}`,
    zh: `无法将“${path}”作为 .xlsx 工作簿读取：${detail}`,
  }),
  noSheets: (path: string): Localized => ({
    en: `"${path}" has no worksheet`,
    zh: `“${path}”中没有工作表`,
  }),
  sheetNotFound: (name: string, available: readonly string[]): Localized => ({
    en: `No sheet named "${name}"; the workbook has: ${quoteList(available)}`,
    zh: `找不到名为“${name}”的工作表；工作簿中有：${quoteList(available)}`,
  }),
  encodingOnlyForCsv: (): Localized => ({
    en: "--encoding applies to .csv input only (an .xlsx workbook says its own)",
    zh: "--encoding 仅适用于 .csv 输入文件（.xlsx 工作簿自带编码信息）",
  }),
  sheetOnlyForXlsx: (): Localized => ({
    en: "--sheet applies to .xlsx input only",
    zh: "--sheet 仅适用于 .xlsx 输入文件",
  }),
  unknownProfile: (name: string, builtins: readonly string[]): Localized => ({
    en: `Unknown profile "${name}": use ${builtins.join(" or ")}, or the path of a profile .json file`,
    zh: `未知分级方案“${name}”：请使用 ${builtins.join(" 或 ")}，或分级方案 .json 文件的路径`,
  }),
  noProfile: (): Localized => ({
    en: "No profile: add --profile shaoxing, --profile wuhan or --profile FILE.json",
    zh: "未指定分级方案：请添加 --profile shaoxing、--profile wuhan 或 --profile 文件.json",
  }),
  asOfMissing: (profile: string): Localized => ({
    en: `The profile "${profile}" has no default analysis date: give an analysis date with --as-of YYYY-MM-DD`,
    zh: `分级方案“${profile}”没有默认统计日期：请用 --as-of YYYY-MM-DD 指定`,
  }),
  /** `problem` is the engine's own sentence, which names the line and column. */
  profileNotJson: (path: string, problem: Localized): Localized => ({
    en: `Profile file "${path}": ${problem.en}`,
    zh: `分级方案文件“${path}”：${problem.zh}`,
  }),
  profileInvalid: (path: string, issues: readonly ProfileIssue[]): Localized => ({
    en: `Profile file "${path}" is not a valid profile: ${issues.map((i) => issueText(i, "en")).join("; ")}`,
    zh: `分级方案文件“${path}”无效：${issues.map((i) => issueText(i, "zh")).join("；")}`,
  }),
  badDateFlag: (flag: string, value: string): Localized => ({
    en: `${flag} "${value}" is not a date: write it as YYYY-MM-DD`,
    zh: `${flag}“${value}”不是日期：请写成 YYYY-MM-DD 格式`,
  }),
  badChoice: (flag: string, value: string, choices: readonly string[]): Localized => ({
    en: `${flag} "${value}" is not one of: ${choices.join(", ")}`,
    zh: `${flag}“${value}”无效，可选值：${choices.join("、")}`,
  }),
  badMap: (value: string, roles: readonly string[]): Localized => ({
    en: `--map "${value}" must be ROLE=HEADER, ROLE one of ${roles.join(", ")} (e.g. --map "total=Sales 2025")`,
    zh: `--map“${value}”格式应为 角色=列标题，角色可选 ${roles.join("、")}（例如 --map "total=销售总额"）`,
  }),
  mapRoleTwice: (role: Role): Localized => ({
    en: `--map names the ${role} column twice`,
    zh: `--map 对 ${role} 列指定了两次`,
  }),
  mapNoSuchColumn: (role: Role, header: string, found: readonly string[]): Localized => ({
    en: `--map ${role}=${header}: there is no column "${header}"; the headers are: ${quoteList(found)}`,
    zh: `--map ${role}=${header}：没有名为“${header}”的列；列标题为：${quoteList(found)}`,
  }),
  missingColumns: (kind: InputKind, missing: readonly Role[], found: readonly string[]): Localized => ({
    en:
      `Missing columns for a ${KIND_NAMES[kind].en}: ${roleList(missing, "en")}. ` +
      `The headers are: ${quoteList(found)}. Name a column with --map ROLE=HEADER`,
    zh:
      `作为${KIND_NAMES[kind].zh}缺少以下列：${roleList(missing, "zh")}。` +
      `列标题为：${quoteList(found)}。可用 --map 角色=列标题 指定列`,
  }),
  ambiguousColumns: (role: Role, header: string, columns: readonly number[]): Localized => {
    const letters = columns.map(columnLetters);
    return {
      en: `${letters.length} columns are headed "${header}" (columns ${letters.join(" and ")}), so which one is the ${ROLE_NAMES[role].en} cannot be told: rename all but one of them in the file`,
      zh: `有 ${letters.length} 列的列标题都是“${header}”（第 ${letters.join("、")} 列），无法确定哪一列是${ROLE_NAMES[role].zh}：请在文件中修改列标题，只让其中一列使用此名称`,
    };
  },
  /** The engine's refusal (no rows, or a column without one readable value), with how to name another column. */
  nothingToGrade: (said: Localized, role?: Role): Localized => ({
    en: role === undefined ? said.en : `${said.en} Name the right column with --map ${role}=HEADER`,
    zh: role === undefined ? said.zh : `${said.zh}可用 --map ${role}=列标题 指定正确的列`,
  }),
  outSameAsInput: (): Localized => ({
    en: "--out must not be the input file (nor a link to it): the input is never overwritten",
    zh: "--out 不能是输入文件本身（或指向它的链接）：输入文件不会被覆盖",
  }),
  badOutType: (path: string): Localized => ({
    en: `--out "${path}" must end in .csv or .xlsx`,
    zh: `--out“${path}”必须以 .csv 或 .xlsx 结尾`,
  }),
  tooManyRowsForXlsx: (rows: number, limit: number): Localized => ({
    en: `The result has ${rows} rows, more than an Excel sheet holds (${limit} below the header): write it with --out FILE.csv`,
    zh: `结果共 ${rows} 行，超过 Excel 工作表的容量（标题行以下 ${limit} 行）：请用 --out 文件.csv 输出`,
  }),
  badMonthFlag: (flag: string, value: string): Localized => ({
    en: `${flag} "${value}" is not a month: write it as YYYY-MM (e.g. 2025-01)`,
    zh: `${flag}“${value}”不是月份：请写成 YYYY-MM 格式（例如 2025-01）`,
  }),
  monthFlagMissing: (flag: string): Localized => ({
    en: `${flag} is missing: rfm history needs --from YYYY-MM and --to YYYY-MM`,
    zh: `缺少 ${flag}：rfm history 需要 --from YYYY-MM 和 --to YYYY-MM`,
  }),
  monthsReversed: (from: string, to: string): Localized => ({
    en: `--to ${to} is before --from ${from}`,
    zh: `--to ${to} 早于 --from ${from}`,
  }),
  noQuarterEnd: (from: string, to: string): Localized => ({
    en: `No quarter ends between ${from} and ${to} (quarters end in March, June, September and December): widen --from/--to or use --every month`,
    zh: `${from} 至 ${to} 之间没有季度末（季度末在 3、6、9、12 月）：请扩大 --from/--to 范围，或使用 --every month`,
  }),
  tooManyPeriods: (count: number, limit: number): Localized => ({
    en: `${count} period ends are more than rfm history writes (${limit}): shorten --from/--to or use --every quarter`,
    zh: `共 ${count} 个期末，超过 rfm history 的上限（${limit} 个）：请缩短 --from/--to 范围，或使用 --every quarter`,
  }),
  historyNeedsOut: (): Localized => ({
    en: "rfm history writes a history table and a transitions table: give -o FILE.xlsx (both sheets and a chart) or -o FILE.csv (FILE.csv and FILE-transitions.csv)",
    zh: "rfm history 会输出等级历史表和等级变化表：请指定 -o 文件.xlsx（两张工作表和一张图表）或 -o 文件.csv（文件.csv 和 文件-transitions.csv）",
  }),
  historyNeedsSales: (header: string): Localized => ({
    en: `rfm history needs sales records (one row per sale: customer, order date, order amount); this file is a customer table (it has the purchase count column "${header}")`,
    zh: `rfm history 需要销售记录（每行一笔销售：客户、下单时间、订单金额）；此文件是客户表（含购买次数列“${header}”）`,
  }),
  firstEndBeforeWindow: (end: string, start: string): Localized => ({
    en: `The first period end, ${end}, is before the window start ${start}: no sale could count there; start --from at the window start's month or later, or give --window-start`,
    zh: `第一个期末 ${end} 早于统计期间起始日期 ${start}，该期末不会计入任何销售：请让 --from 从起始日期所在月份或之后开始，或用 --window-start 指定起始日期`,
  }),
  cannotWrite: (path: string, reason: Localized): Localized => ({
    en: `Cannot write "${path}": ${reason.en}`,
    zh: `无法写入“${path}”：${reason.zh}`,
  }),
  cannotWriteStdout: (reason: Localized): Localized => ({
    en: `Cannot write the output (standard output): ${reason.en}`,
    zh: `无法写入输出（标准输出）：${reason.zh}`,
  }),
  outDirIsFile: (path: string): Localized => ({
    en: `--out-dir "${path}" is a file, not a folder: name a folder (it is made if it does not exist)`,
    zh: `--out-dir“${path}”是文件，不是文件夹：请指定一个文件夹（不存在时会自动创建）`,
  }),
};

/** Why a write failed, by Node's error code. */
export const WRITE_FAILURE_TEXTS: Record<string, Localized> = {
  ENOSPC: { en: "the disk is full", zh: "磁盘已满" },
  EDQUOT: { en: "the disk quota is used up", zh: "磁盘配额已用完" },
  EFBIG: { en: "the file would be larger than this system allows (a file size limit)", zh: "文件超出系统允许的大小（文件大小限制）" },
  EROFS: { en: "the disk is read-only", zh: "磁盘是只读的" },
  EACCES: { en: "permission denied", zh: "没有写入权限" },
  EPERM: { en: "permission denied", zh: "没有写入权限" },
  EISDIR: { en: "it is a folder, not a file", zh: "这是一个文件夹，不是文件" },
  ENOTDIR: { en: "part of the path is a file, not a folder", zh: "路径中有一部分是文件，不是文件夹" },
  ENOENT: { en: "the folder does not exist", zh: "文件夹不存在" },
  EEXIST: { en: "a file of that name is in the way", zh: "已有同名文件" },
  EBUSY: { en: "the file is in use (open in another program?)", zh: "文件正被占用（是否已在其他程序中打开？）" },
  ENAMETOOLONG: { en: "the name is too long", zh: "名称过长" },
  EIO: { en: "the disk reported an input/output error", zh: "磁盘读写出错" },
  EMFILE: { en: "too many files are open", zh: "打开的文件过多" },
  ENFILE: { en: "too many files are open", zh: "打开的文件过多" },
  EINVAL: { en: "the disk or device does not take this write", zh: "磁盘或设备不接受此写入" },
};

/** Why the summary names the encoding it names (nothing to add for a byte-order mark or valid UTF-8). */
const EVIDENCE_TEXTS: Record<EncodingEvidence, Localized> = {
  bom: { en: "", zh: "" },
  utf8: { en: "", zh: "" },
  zeros: { en: " (no byte-order mark: told by its zero bytes)", zh: "（无 BOM，依据零字节判断）" },
  bytes: { en: " (told by its bytes)", zh: "（依据字节特征判断）" },
  headers: { en: " (told by its bytes and headers)", zh: "（依据字节特征和列标题判断）" },
  forced: { en: " (--encoding)", zh: "（--encoding 指定）" },
};

export const SUMMARY_TEXTS = {
  profile: { en: "Profile", zh: "分级方案" },
  asOf: { en: "Analysis date", zh: "统计日期" },
  window: { en: "Sales window", zh: "统计期间" },
  unit: { en: "Amounts read in", zh: "金额单位" },
  input: { en: "Input", zh: "输入" },
  /** How a CSV file's text was read: "UTF-8 with a byte-order mark, comma-separated", "Big5 (told by its bytes and headers)". */
  textRead: (encoding: string, bom: boolean, evidence: EncodingEvidence, delimiter: Localized): Localized => ({
    en: `File: ${encoding}${bom ? " with a byte-order mark" : ""}${EVIDENCE_TEXTS[evidence].en}, ${delimiter.en}-separated`,
    zh: `文件：${encoding} 编码${bom ? "（带 BOM）" : ""}${EVIDENCE_TEXTS[evidence].zh}，${delimiter.zh}分隔`,
  }),
  /** "Decimal separator: comma (1.234,56) in “Total amount”; …" */
  decimals: (parts: readonly Localized[], lang: Lang): string =>
    lang === "zh" ? `小数点：${parts.map((p) => p.zh).join("；")}` : `Decimal separator: ${parts.map((p) => p.en).join("; ")}`,
  decimalReading: (reading: DecimalReading, header: string): Localized => {
    if (reading === "comma") return { en: `comma (1.234,56 reads 1234.56) in “${header}”`, zh: `“${header}”列为逗号（1.234,56 即 1234.56）` };
    if (reading === "point") return { en: `point (1,234.56) in “${header}”`, zh: `“${header}”列为句点（1,234.56）` };
    if (reading === "mixed") {
      return {
        en: `both a comma and a point in “${header}”, so its cells with either are not graded (see the Note column)`,
        zh: `“${header}”列中逗号和句点都用作小数点，含逗号或句点的单元格未分级（见“备注”列）`,
      };
    }
    return {
      en: `not told by any cell of “${header}”, so cells such as 1,234 (1234 or 1.234?) are not graded (see the Note column)`,
      zh: `“${header}”列中没有数值能说明小数点，如 1,234（1234 还是 1.234？）这样的单元格未分级（见“备注”列）`,
    };
  },
  /** Why the amounts were read in the unit shown: --unit, the money column's header, or the profile. */
  unitSource: (choice: UnitChoice, header: string): Localized => {
    if (choice.source === "user") return { en: " (--unit)", zh: "（--unit 指定）" };
    if (choice.source === "header") return { en: ` (from the header "${header}")`, zh: `（依据列标题“${header}”）` };
    return { en: " (the profile's unit)", zh: "（分级方案的单位）" };
  },
  /** The currency the header names: a label only, as amounts are never converted. */
  unitCurrency: (currency: string): Localized => ({
    en: `; amounts in ${currency}, compared with the profile's bounds as they are (no currency conversion)`,
    zh: `；金额为 ${currency}，按原数值与分级方案的界值比较（不做币种换算）`,
  }),
  unitUnreadable: (choice: UnitChoice, header: string): Localized => ({
    en: `Warning: the header "${header}" names the unit "${choice.unreadable}", which cannot be read (only yuan and 10,000 yuan can): amounts are read in ${UNIT_NAMES[choice.unit].en} (${choice.source === "user" ? "--unit" : "the profile's unit"}); convert the column or check the M scores`,
    zh: `警告：列标题“${header}”注明的单位“${choice.unreadable}”无法识别（只支持元和万元）：金额按${UNIT_NAMES[choice.unit].zh}读取（${choice.source === "user" ? "--unit 指定" : "分级方案的单位"}）；请换算该列，或核对 M 评分`,
  }),
  unitConflict: (choice: UnitChoice, header: string): Localized => ({
    en: `Warning: the header "${header}" says ${UNIT_NAMES[choice.headerUnit ?? choice.unit].en}, but --unit says ${UNIT_NAMES[choice.unit].en}: amounts are read in ${UNIT_NAMES[choice.unit].en} as --unit asks`,
    zh: `警告：列标题“${header}”注明单位为${UNIT_NAMES[choice.headerUnit ?? choice.unit].zh}，但 --unit 指定为${UNIT_NAMES[choice.unit].zh}：金额按 --unit 指定的${UNIT_NAMES[choice.unit].zh}读取`,
  }),
  graded: (graded: number, total: number, kind: InputKind): Localized => ({
    en: `Graded ${graded} of ${total} ${kind === "customers" ? "rows" : "customers"}`,
    zh: `已分级 ${graded} / ${total} ${kind === "customers" ? "行" : "个客户"}`,
  }),
  headerRow: (row: number): Localized => ({
    en: `Header: row ${row} (the rows above it are not part of the table)`,
    zh: `标题行：第 ${row} 行（其上方的行不属于表格）`,
  }),
  grades: { en: "Grades", zh: "等级分布" },
  scores: { en: "Customers per score (5 … 1)", zh: "各评分人数（5 … 1）" },
  notGraded: (n: number): Localized => ({
    en: `Not graded: ${n} (the reason is in the Note column)`,
    zh: `未分级：${n}（原因见“备注”列）`,
  }),
  sales: (read: number, kept: number, outside: number, skipped: number): Localized => ({
    en: `Sales: ${read} read, ${kept} inside the window, ${outside} outside it, ${skipped} skipped as unreadable`,
    zh: `销售记录：读取 ${read} 条，统计期间内 ${kept} 条，区间外 ${outside} 条，无法读取而跳过 ${skipped} 条`,
  }),
  skippedSale: { en: "Skipped", zh: "已跳过" },
  blankRows: (n: number): Localized => ({
    en: `Blank rows skipped: ${n} (nothing in any column read; not counted as not graded)`,
    zh: `已跳过空行：${n}（所读各列均为空；不计入未分级）`,
  }),
  duplicateIds: (rows: number, ids: number): Localized => ({
    en: `Duplicate customer ids: ${rows} rows share ${ids} ids (all graded; each noted in the Note column)`,
    zh: `客户编号重复：${rows} 行共用 ${ids} 个客户编号（均已分级，并在“备注”列中注明）`,
  }),
  hiddenRows: (n: number): Localized => ({
    en: `Hidden rows read: ${n} (rows hidden in the sheet are graded like the others)`,
    zh: `已读取隐藏行：${n}（工作表中隐藏的行与其他行一样分级）`,
  }),
  moreSkipped: (n: number): Localized => ({
    en: `… and ${n} more skipped sales`,
    zh: `…… 另有 ${n} 条销售记录被跳过`,
  }),
  written: (path: string): Localized => ({ en: `Written: ${path}`, zh: `已写入：${path}` }),
  replacedResults: {
    en: "The input already holds result columns from an earlier run: they are replaced in the output",
    zh: "输入文件中已有上次分级的结果列：输出中已替换为本次结果",
  },
  csvProblem: (row: number, code: "TextAfterQuote" | "Unclosed"): Localized =>
    code === "TextAfterQuote"
      ? {
          en: `Warning: row ${row}: text follows the closing quote of a quoted cell; the text is kept and that quote dropped ("x"y reads xy)`,
          zh: `警告：第 ${row} 行：带引号的单元格在结束引号之后还有文字；已保留这些文字并去掉该引号（"x"y 读作 xy）`,
        }
      : {
          en: `Warning: row ${row}: a quote (") opens a cell that never closes; the cell runs to the end of the file`,
          zh: `警告：第 ${row} 行：引号（"）开始的单元格没有结束；该单元格一直读到文件末尾`,
        },
  moreCsvProblems: (n: number): Localized => ({
    en: `Warning: ${n} more rows with text after a closing quote`,
    zh: `警告：另有 ${n} 行在结束引号之后还有文字`,
  }),
  reading: { en: "Reading", zh: "正在读取" },
  grading: { en: "Grading", zh: "正在分级" },
  writing: { en: "Writing", zh: "正在写入" },
};

/** The summary of `rfm history` on stderr. */
export const HISTORY_TEXTS = {
  periods: { en: "Period ends", zh: "期末日期" },
  /** "24 month ends, 2023-09-30 – 2025-08-31" */
  periodSpan: (count: number, step: "month" | "quarter", first: string, last: string): Localized => ({
    en: `${count} ${step === "month" ? "month" : "quarter"} end${count === 1 ? "" : "s"}, ${first} – ${last}`,
    zh: `${count} 个${step === "month" ? "月末" : "季度末"}，${first} – ${last}`,
  }),
  window: (start: string | undefined): Localized =>
    start === undefined
      ? { en: "every sale up to each period end", zh: "截至各期末的全部销售" }
      : { en: `${start} – each period end`, zh: `${start} – 各期末` },
  sales: (read: number, counted: number, outside: number, skipped: number): Localized => ({
    en: `Sales: ${read} read, ${counted} counted, ${outside} before the window start or after the last period end, ${skipped} skipped as unreadable`,
    zh: `销售记录：读取 ${read} 条，计入 ${counted} 条，统计期间起始日期之前或最后一个期末之后 ${outside} 条，无法读取而跳过 ${skipped} 条`,
  }),
  listed: (listed: number, customers: number): Localized => ({
    en: `Customers: ${listed} with a grade at some period end (of ${customers} with a readable sale)`,
    zh: `客户：${listed} 个至少在一个期末有等级（共 ${customers} 个客户有可读取的销售）`,
  }),
  perPeriod: { en: "Customers per grade at each period end", zh: "各期末各等级客户数" },
  noGrade: { en: "no grade", zh: "无等级" },
  moves: (from: string, to: string): Localized => ({ en: `From ${from} to ${to}`, zh: `${from} 至 ${to}` }),
  transitionsFile: (path: string): Localized => ({ en: `Written: ${path} (transitions)`, zh: `已写入：${path}（等级变化）` }),
};

/** Notes and summary lines about how cells were written. */
export const OUTPUT_TEXTS = {
  cut: (column: string): Localized => ({
    en: `column “${column}”: the text is longer than an Excel cell holds and was cut to 32,767 characters`,
    zh: `“${column}”列：文本超过 Excel 单元格上限，已截断为 32,767 个字符`,
  }),
  cutCells: (n: number): Localized => ({
    en: `Text cut: ${n} cells held more than Excel's 32,767 characters and were cut in the workbook (their Note says which); a .csv output keeps them whole`,
    zh: `文本截断：${n} 个单元格超过 Excel 上限 32,767 个字符，在工作簿中已截断（见其“备注”）；输出为 .csv 可保留全文`,
  }),
};

export const DEMO_TEXTS = {
  heading: (sample: string, profile: string): Localized => ({
    en: `Demo: ${sample} graded with the ${profile} profile`,
    zh: `演示：用 ${profile} 分级方案为 ${sample} 分级`,
  }),
  asOfChosen: (asOf: string): Localized => ({
    en: `(analysis date ${asOf}: the shaoxing profile has no default, this date suits the sample)`,
    zh: `（统计日期 ${asOf}：shaoxing 方案没有默认日期，此日期适合本样例）`,
  }),
  done: (dir: string): Localized => ({
    en: `Demo results are in ${dir}`,
    zh: `演示结果位于 ${dir}`,
  }),
};


/** Warnings about the analysis date against the data (RULES.md §9), printed before the summary. */
export const ANALYSIS_DATE_TEXTS = {
  /**
   * The data runs past the analysis date. The profile's fixed date (nobody chose it for this data) is a plain warning
   * with the exact option that grades as of the data's latest date; the user's own --as-of is only reported.
   */
  dataPast: (past: DataPastAnalysisDate, profileId: string): Localized => {
    const lead: Localized = past.chosenBy === "profile"
      ? {
          en: `Warning: the data runs to ${past.latest}, past the analysis date fixed by the profile "${profileId}" (${past.asOf})`,
          zh: `警告：数据中最晚的日期是 ${past.latest}，晚于分级方案“${profileId}”固定的统计日期 ${past.asOf}`,
        }
      : {
          en: `Note: the data runs to ${past.latest}, past the analysis date ${past.asOf} (--as-of)`,
          zh: `注意：数据中最晚的日期是 ${past.latest}，晚于 --as-of 指定的统计日期 ${past.asOf}`,
        };
    const n = (count: number, lang: Lang) => countNumber(count, lang);
    const verb = (count: number, one: string, other: string) => (count === 1 ? one : other);
    let effect: Localized;
    if (past.rowsNotGraded !== undefined) {
      const rows = past.rows!, after = past.rowsNotGraded;
      effect = after === rows
        ? { en: `${rows === 1 ? "the only row is" : rows === 2 ? "both rows are" : `all ${n(rows, "en")} rows are`} dated after it: no customer is graded`,
            zh: `全部 ${n(rows, "zh")} 行的日期都在此之后，没有任何客户被分级` }
        : { en: `${n(after, "en")} of ${countText(rows, "en", "rows")} ${verb(after, "is", "are")} dated after it and not graded`,
            zh: `${n(rows, "zh")} 行中有 ${n(after, "zh")} 行的日期在此之后，因此未分级` };
    } else {
      const left = past.salesLeftOut!, customers = past.customersWithLaterSales!, ungraded = past.customersNotGraded!;
      effect = {
        en:
          `${n(left, "en")} of ${countText(past.sales!, "en", "sales")} ${verb(left, "is", "are")} dated after it and left out, ` +
          `from ${countText(customers, "en", "customers")}` +
          (ungraded === 0 ? "" : `; ${n(ungraded, "en")} of these ${verb(ungraded, "has", "have")} no sale inside the window and ${verb(ungraded, "is", "are")} not graded`),
        zh:
          `${n(past.sales!, "zh")} 笔销售中有 ${n(left, "zh")} 笔在此之后，不计入统计（涉及 ${countText(customers, "zh", "customers")}` +
          (ungraded === 0 ? "）" : `，其中 ${n(ungraded, "zh")} 位在统计期间内没有销售记录，因此未分级）`),
      };
    }
    const offer: Localized = {
      en: `To grade as of the latest date in the data, add --as-of ${past.suggestedAsOf}`,
      zh: `如需以数据中最晚的日期为统计日期，请加上 --as-of ${past.suggestedAsOf}`,
    };
    return {
      en: `${lead.en}: ${effect.en}. ${offer.en}`,
      zh: `${lead.zh}：${effect.zh}。${offer.zh}`,
    };
  },
  /** The analysis date lies more than 31 days after the data: every customer looks inactive. */
  farAfterData: (warning: AnalysisDateWarning, asOf: string, latest: string): Localized => ({
    en: `Warning: the analysis date ${asOf} is ${warning.days} days after the latest date in the data (${latest}): every customer will look inactive (low R)`,
    zh: `警告：统计日期 ${asOf} 比数据中最晚的日期（${latest}）晚 ${warning.days} 天：所有客户都会显得不活跃（R 评分偏低）`,
  }),
};
