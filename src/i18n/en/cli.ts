/**
 * The command line's own words in English: usage errors, the summary on stderr, messages about files, encodings,
 * engines and writes, and `rfm --help` (commander's descriptions, headings and error sentences). Everything about
 * grading itself (notes, headers, cadences, profile names) comes from the engine's catalogue. Every other language's
 * command-line catalogue has this one's type (CliTexts).
 */
import type { InputKind, MonetaryUnit, ProfileIssue, Role } from "../../engine/types";
import { shortList } from "../lists";
import type { Lang } from "../languages";
import type { Localized } from "../message";
import { counted, grouped } from "../numbers";
import engine from "./engine";

/** This catalogue's language: the side it reads of texts made in every language. */
const LANG: Lang = "en";

/** How a CSV file's encoding was told (the reader's EncodingEvidence). */
export type EncodingEvidenceText = "bom" | "utf8" | "zeros" | "bytes" | "headers" | "forced";
/** How a column's decimal separator was read (the CSV reader's DecimalReading). */
type DecimalReadingText = "comma" | "point" | "mixed" | "unclear";
/** Why a fast reading (the quick JavaScript one, or DuckDB) was not used for a file (the engine choice's DeclineReason). */
export type DeclineReasonText =
  | "workbookInput"
  | "workbookOutput"
  | "previous"
  | "encoding"
  | "delimiter"
  | "salesRecords"
  | "headerBelow"
  | "earlierResults"
  | "rowsNeedNotes"
  | "quotes"
  | "formulaLike"
  | "lineBreaks"
  | "emptyLine"
  | "rowWidth"
  | "notStrict"
  | "changed"
  | "unreadable"
  | "emptyTable"
  | "notInstalled"
  | "failed";
/** What the messages read of the engine's UnitChoice. */
interface UnitChoiceText {
  unit: MonetaryUnit;
  source: "user" | "header" | "profile";
  headerUnit?: MonetaryUnit;
  unreadable?: string;
}
/** What the messages read of the engine's DataPastAnalysisDate. */
interface DataPastText {
  chosenBy: "profile" | "user";
  asOf: string;
  latest: string;
  suggestedAsOf: string;
  rowsNotGraded?: number;
  rows?: number;
  salesLeftOut?: number;
  sales?: number;
  customersWithLaterSales?: number;
  customersNotGraded?: number;
}

/** Headers or sheet names quoted in a one-line message. */
const quoteList = (items: readonly string[]) => shortList(items, (text) => `"${text}"`, ", ");
const ROLE_NAMES = engine.roleNames;
const roleList = (roles: readonly Role[]) => roles.map((r) => `${r} (${ROLE_NAMES[r]})`).join(", ");
/** A profile issue as "field: message", unless the engine's message already starts with the field. */
const issueText = (issue: ProfileIssue) => {
  const message = issue.message[LANG];
  return message.startsWith(issue.field) ? message : `${issue.field}: ${message}`;
};
const KIND_NAMES: Record<InputKind, string> = {
  customers: "customer table (one row per customer)",
  transactions: "sales records (one row per sale)",
};
const UNIT_NAMES: Record<MonetaryUnit, string> = {
  yuan: "yuan (元)",
  wan: "10,000 yuan (万元)",
};
const n = (count: number) => grouped(count, LANG);
const verb = (count: number, one: string, other: string) => (count === 1 ? one : other);

/** Why the summary names the encoding it names (nothing to add for a byte-order mark or valid UTF-8). */
const EVIDENCE: Record<EncodingEvidenceText, string> = {
  bom: "",
  utf8: "",
  zeros: " (no byte-order mark: told by its zero bytes)",
  bytes: " (told by its bytes)",
  headers: " (told by its bytes and headers)",
  forced: " (--encoding)",
};

const DECLINES: Record<DeclineReasonText, string> = {
  workbookInput: "the input is a workbook; DuckDB reads .csv and .parquet files",
  workbookOutput: "the results go to a workbook (.xlsx)",
  previous: "--previous compares with an earlier result",
  encoding: "the file is not UTF-8 text",
  delimiter: "the file is not comma-separated",
  salesRecords: "the file holds sales records; DuckDB is used for customer tables",
  headerBelow: "the header row is not the first line",
  earlierResults: "the file ends in the result columns of an earlier run",
  rowsNeedNotes: "some rows cannot be graded as they are, and the JavaScript engine notes each one",
  quotes: "the file has quoted cells",
  formulaLike: "a cell starts like a formula (=, +, -, @)",
  lineBreaks: "the file's line breaks are not all LF or all CRLF",
  emptyLine: "the file has empty lines",
  rowWidth: "some rows have more or fewer cells than the header",
  notStrict:
    "some cells are not in plain form (dates as YYYY-MM-DD up to the analysis date, whole purchase counts, plain amounts, customer ids without repeats)",
  changed: "the file changed while it was graded",
  unreadable: "DuckDB could not read the file as plain comma-separated UTF-8 text",
  emptyTable: "the table has no rows",
  notInstalled: "DuckDB (@duckdb/node-api) is not installed",
  failed: "DuckDB stopped with an error",
};
/** `rfm --help` and commander's own words. */
const HELP = {
  program: "Grade customers by recency, frequency and monetary value (RFM) in .csv and .xlsx files.",
  version: "output the version number",
  help: "display help for command",
  /** The `--lang` option: `langs` lists the languages ("en, zh or zh-TW"). */
  lang: (langs: string) => `language of output headers, cadence, notes and messages: ${langs}`,
  langShort: (langs: string) => langs,
  langOfMessages: (langs: string) => `language of the cadence texts and messages: ${langs}`,
  or: " or ",
  profile: "shaoxing, wuhan, or a profile .json file (required)",
  asOf: "analysis date (default: the profile's; required for shaoxing)",
  grade: {
    command: "grade the customers of a .csv or .xlsx file and write the results (CSV on stdout by default)",
    input:
      "a .csv or .txt file (UTF-8, UTF-16, GBK, Big5 or Windows-1252; comma, tab, semicolon or |), an .xlsx workbook or a .parquet file: a customer table or sales records",
    windowStart: "first day of sales counted (sales records; default: the profile's)",
    unit: "unit of the input's amounts: yuan or wan (default: the unit in the amount's header, else the profile's)",
    kind: "customers or transactions (default: detected from the headers)",
    map: "name a column by hand; ROLE is id, date, count, total or amount (repeatable)",
    out: "write FILE.csv or FILE.xlsx instead of CSV on stdout (an existing FILE is replaced; never the input)",
    sheet: "worksheet of an .xlsx input (default: the first visible one)",
    encoding: "encoding of a .csv input: utf8, utf16le, utf16be, gb18030 (gbk), big5, windows-1252 (default: detected)",
    formulas: "with --out FILE.xlsx: write live worksheet formulas that grade without the add-in",
    engine:
      "auto, js or duckdb: how a customer table in .csv or .parquet is read (auto: quickly when its cells are plain; the results are the same)",
    previous:
      "an earlier result of rfm grade (.csv or .xlsx): adds Previous grade and Change columns and the grade changes, matched by customer id",
    after: [
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
      "Engines: a customer table in CSV (or in Parquet, FILE.parquet, which DuckDB turns into CSV) whose cells are all in",
      "plain form (dates YYYY-MM-DD, whole counts, plain amounts, unique ids, no quotes) is read quickly, line by line, in",
      "little memory; any other file is read whole by the JavaScript engine, which reads every form and notes every problem.",
      "--engine js always reads the whole file; --engine duckdb lets DuckDB (embedded) read a plain file. The output is the",
      "same byte for byte; for a large file that could not be read quickly, the summary says why.",
      "",
      "Exit status: 0 graded (rows that could not be graded are noted), 2 usage or input-file error.",
    ],
  },
  demo: {
    command: "grade the shipped sample files with the built-in profiles and write .xlsx results",
    outDir: "folder for the results",
  },
  profiles: {
    command: "list the built-in profiles",
  },
  sql: {
    command: "print one SQL query that grades a database table with a profile, exactly as `rfm grade` does",
    dialect: "SQL dialect: duckdb, postgres, mysql (MySQL 8, MariaDB 10.6 and later) or spark",
    kind: "transactions (one row per sale) or customers (one row per customer)",
    table: "table or view to read, schema.table allowed (default: sales, or customers)",
    map: "column of a role (id, date, count, total, amount); default the role's name (repeatable)",
    windowStart: "first day of sales counted (default: the profile's)",
    unit: "unit of the table's amounts: yuan or wan (default: the profile's)",
    order: 'column giving the rows\' order, needed by the tie rule "first"',
    /** The paragraph on the query's columns (wrapped to the help's width), then the lines after it. */
    afterColumns: (columns: readonly string[]) =>
      `The query returns ${columns.join(", ")} (next_contact_by only when the profile's grades have ` +
      "contact periods; note: why the row is not graded, NULL when graded). Identifiers are quoted as given.",
    after: [
      "With --dialect mysql, customer ids are compared exactly (utf8mb4_bin), not by the table's collation, which may",
      'treat "a" and "A" as one customer.',
      "",
      "Examples:",
      "  rfm sql --profile wuhan --dialect postgres --table sales --map id=customer_no --map date=sold_on > grade.sql",
      "  rfm sql --profile wuhan --dialect mysql --table crm.sales --map id=customer_no > grade.sql",
      "  rfm sql --profile shaoxing --input customers --as-of 2025-12-31 --unit yuan",
    ],
  },
  history: {
    command:
      "grade sales records at each month or quarter end and write every customer's grades over time, with the moves between grades",
    input: "sales records (one row per sale): a .csv or .txt file or an .xlsx workbook",
    every: "month or quarter: grade at each month end or each quarter end",
    from: "first month (required)",
    to: "last month (required)",
    windowStart: "first day of sales counted (default: the profile's)",
    map: "name a column by hand; ROLE is id, date or amount (repeatable)",
    out: "write FILE.xlsx (history, transitions, summary and chart) or FILE.csv (and FILE-transitions.csv); required",
    encoding: "encoding of a .csv input: utf8, utf16le, utf16be, gb18030 (gbk), big5 (default: detected)",
    after: [
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
  },
  /** Commander's fixed words in a help text, and its error sentences, as this language says them. */
  commander: {
    usage: "Usage: ",
    arguments: "Arguments:",
    options: "Options:",
    commands: "Commands:",
    defaultValue: (value: string) => ` (default: ${value})`,
    choices: (values: string) => ` (choices: ${values})`,
    unknownOption: (option: string, suggestion?: string) =>
      `unknown option '${option}'${suggestion ? ` (Did you mean ${suggestion}?)` : ""}`,
    unknownCommand: (command: string, suggestion?: string) =>
      `unknown command '${command}'${suggestion ? ` (Did you mean ${suggestion}?)` : ""}`,
    argumentMissing: (option: string) => `option '${option}' argument missing`,
    requiredArgument: (argument: string) => `missing required argument '${argument}'`,
    tooManyArguments: (command: string | undefined, expected: string, got: string) =>
      `too many arguments${command ? ` for '${command}'` : ""}. Expected ${expected} argument${expected === "1" ? "" : "s"} but got ${got}.`,
    invalidArgument: (option: string, value: string, detail: string) =>
      `option '${option}' argument '${value}' is invalid.${detail}`,
  },
};

const en = {
  kindNames: KIND_NAMES,
  unitNames: UNIT_NAMES,
  usage: {
    noInput: () => "No input file: give a .csv or .xlsx file, e.g. rfm grade sales.xlsx --profile wuhan",
    fileNotFound: (path: string) => `Cannot read "${path}": no such file`,
    fileUnreadable: (path: string, detail: string) => `Cannot read "${path}": ${detail}`,
    unknownFileType: (path: string) =>
      `"${path}" is not a .csv, .txt, .xlsx or .parquet file (an old .xls workbook must first be saved as .xlsx in Excel)`,
    notInEncoding: (path: string, encoding: string, likely?: { label: string; flag: string }) =>
      likely
        ? `"${path}" is not ${encoding} text; it reads as ${likely.label}: use --encoding ${likely.flag}, or leave out --encoding to have it detected`
        : `"${path}" is not ${encoding} text: leave out --encoding to have it detected, or name the encoding it was saved in (utf8, utf16le, gb18030, big5, windows-1252)`,
    unknownEncoding: (path: string) =>
      `"${path}" is neither UTF-8, UTF-16, GB18030/GBK, Big5 nor Windows-1252 text: name its encoding with --encoding, or in Excel save it as "CSV UTF-8 (Comma delimited)"`,
    ambiguousEncoding: (path: string, likely: readonly { label: string; flag: string }[]) =>
      `"${path}" could be ${likely.map((e) => e.label).join(" or ")} text, and its bytes do not tell which: name it with ${likely.map((e) => `--encoding ${e.flag}`).join(" or ")}`,
    doubtfulEncoding: (path: string, label: string, flag: string) =>
      `"${path}" may be ${label} text, but its bytes do not make that sure: if it is, name it with --encoding ${flag}`,
    bomOfOtherEncoding: (path: string, marked: string, forced: string, flag: string) =>
      `"${path}" starts with a ${marked} byte-order mark, so it is not ${forced} text: use --encoding ${flag}, or leave out --encoding`,
    headersInOtherEncoding: (path: string, forced: string, likely: string, flag: string) =>
      `"${path}" read as ${forced} has no column header rfm knows, read as ${likely} it has: use --encoding ${flag}, or leave out --encoding to have it detected`,
    profileNotUtf8: (path: string) =>
      `Profile file "${path}" is not UTF-8 text (perhaps GBK or UTF-16): save it as UTF-8 (Notepad: Save as, Encoding UTF-8)`,
    emptyFile: (path: string) => `"${path}" is empty: it needs a header row and data rows`,
    unclosedQuote: (path: string, row: number) =>
      `"${path}" row ${row}: a quote (") opens a cell that never closes, so every later line would fall into it; fix the quote and try again`,
    notAWorkbook: (path: string, detail: string) => `Cannot read "${path}" as an .xlsx workbook: ${detail}`,
    noSheets: (path: string) => `"${path}" has no worksheet`,
    sheetNotFound: (name: string, available: readonly string[]) =>
      `No sheet named "${name}"; the workbook has: ${quoteList(available)}`,
    encodingOnlyForCsv: () => "--encoding applies to .csv input only (an .xlsx workbook says its own)",
    sheetOnlyForXlsx: () => "--sheet applies to .xlsx input only",
    unknownProfile: (name: string, builtins: readonly string[]) =>
      `Unknown profile "${name}": use ${builtins.join(" or ")}, or the path of a profile .json file`,
    noProfile: () => "No profile: add --profile shaoxing, --profile wuhan or --profile FILE.json",
    asOfMissing: (profile: string) =>
      `The profile "${profile}" has no default analysis date: give an analysis date with --as-of YYYY-MM-DD`,
    /** `problem` is the engine's own sentence, which names the line and column. */
    profileNotJson: (path: string, problem: Localized) => `Profile file "${path}": ${problem[LANG]}`,
    profileInvalid: (path: string, issues: readonly ProfileIssue[]) =>
      `Profile file "${path}" is not a valid profile: ${issues.map((i) => issueText(i)).join("; ")}`,
    badDateFlag: (flag: string, value: string) => `${flag} "${value}" is not a date: write it as YYYY-MM-DD`,
    badChoice: (flag: string, value: string, choices: readonly string[]) =>
      `${flag} "${value}" is not one of: ${choices.join(", ")}`,
    badMap: (value: string, roles: readonly string[]) =>
      `--map "${value}" must be ROLE=HEADER, ROLE one of ${roles.join(", ")} (e.g. --map "total=Sales 2025")`,
    mapRoleTwice: (role: Role) => `--map names the ${role} column twice`,
    mapNoSuchColumn: (role: Role, header: string, found: readonly string[]) =>
      `--map ${role}=${header}: there is no column "${header}"; the headers are: ${quoteList(found)}`,
    missingColumns: (kind: InputKind, missing: readonly Role[], found: readonly string[]) =>
      `Missing columns for a ${KIND_NAMES[kind]}: ${roleList(missing)}. ` +
      `The headers are: ${quoteList(found)}. Name a column with --map ROLE=HEADER`,
    ambiguousColumns: (role: Role, header: string, letters: readonly string[]) =>
      `${letters.length} columns are headed "${header}" (columns ${letters.join(" and ")}), so which one is the ${ROLE_NAMES[role]} cannot be told: rename all but one of them in the file`,
    /** The engine's refusal (no rows, or a column without one readable value), with how to name another column. */
    nothingToGrade: (said: Localized, role?: Role) =>
      role === undefined ? said[LANG] : `${said[LANG]} Name the right column with --map ${role}=HEADER`,
    outSameAsInput: () => "--out must not be the input file (nor a link to it): the input is never overwritten",
    badOutType: (path: string) => `--out "${path}" must end in .csv or .xlsx`,
    tooManyRowsForXlsx: (rows: number, limit: number) =>
      `The result has ${rows} rows, more than an Excel sheet holds (${limit} below the header): write it with --out FILE.csv`,
    badMonthFlag: (flag: string, value: string) =>
      `${flag} "${value}" is not a month: write it as YYYY-MM (e.g. 2025-01)`,
    monthFlagMissing: (flag: string) => `${flag} is missing: rfm history needs --from YYYY-MM and --to YYYY-MM`,
    monthsReversed: (from: string, to: string) => `--to ${to} is before --from ${from}`,
    noQuarterEnd: (from: string, to: string) =>
      `No quarter ends between ${from} and ${to} (quarters end in March, June, September and December): widen --from/--to or use --every month`,
    tooManyPeriods: (count: number, limit: number) =>
      `${count} period ends are more than rfm history writes (${limit}): shorten --from/--to or use --every quarter`,
    historyNeedsOut: () =>
      "rfm history writes a history table and a transitions table: give -o FILE.xlsx (both sheets and a chart) or -o FILE.csv (FILE.csv and FILE-transitions.csv)",
    historyNeedsSales: (header: string) =>
      `rfm history needs sales records (one row per sale: customer, order date, order amount); this file is a customer table (it has the purchase count column "${header}")`,
    firstEndBeforeWindow: (end: string, start: string) =>
      `The first period end, ${end}, is before the window start ${start}: no sale could count there; start --from at the window start's month or later, or give --window-start`,
    cannotWrite: (path: string, reason: Localized) => `Cannot write "${path}": ${reason[LANG]}`,
    cannotWriteStdout: (reason: Localized) => `Cannot write the output (standard output): ${reason[LANG]}`,
    outDirIsFile: (path: string) =>
      `--out-dir "${path}" is a file, not a folder: name a folder (it is made if it does not exist)`,
  },
  summary: {
    profile: "Profile",
    asOf: "Analysis date",
    window: "Sales window",
    unit: "Amounts read in",
    input: "Input",
    /** How a CSV file's text was read: "UTF-8 with a byte-order mark, comma-separated", "Big5 (told by its bytes and headers)". */
    textRead: (encoding: string, bom: boolean, evidence: EncodingEvidenceText, delimiter: Localized) =>
      `File: ${encoding}${bom ? " with a byte-order mark" : ""}${EVIDENCE[evidence]}, ${delimiter[LANG]}-separated`,
    /** "Decimal separator: comma (1.234,56) in “Total amount”; …" */
    decimals: (parts: readonly string[]) => `Decimal separator: ${parts.join("; ")}`,
    decimalReading: (reading: DecimalReadingText, header: string) =>
      reading === "comma"
        ? `comma (1.234,56 reads 1234.56) in “${header}”`
        : reading === "point"
          ? `point (1,234.56) in “${header}”`
          : reading === "mixed"
            ? `both a comma and a point in “${header}”, so its cells with either are not graded (see the Note column)`
            : `not told by any cell of “${header}”, so cells such as 1,234 (1234 or 1.234?) are not graded (see the Note column)`,
    /** Why the amounts were read in the unit shown: --unit, the money column's header, or the profile. */
    unitSource: (choice: UnitChoiceText, header: string) =>
      choice.source === "user"
        ? " (--unit)"
        : choice.source === "header"
          ? ` (from the header "${header}")`
          : " (the profile's unit)",
    /** The currency the header names: a label only, as amounts are never converted. */
    unitCurrency: (currency: string) =>
      `; amounts in ${currency}, compared with the profile's bounds as they are (no currency conversion)`,
    unitUnreadable: (choice: UnitChoiceText, header: string) =>
      `Warning: the header "${header}" names the unit "${choice.unreadable}", which cannot be read (only yuan and 10,000 yuan can): amounts are read in ${UNIT_NAMES[choice.unit]} (${choice.source === "user" ? "--unit" : "the profile's unit"}); convert the column or check the M scores`,
    unitConflict: (choice: UnitChoiceText, header: string) =>
      `Warning: the header "${header}" says ${UNIT_NAMES[choice.headerUnit ?? choice.unit]}, but --unit says ${UNIT_NAMES[choice.unit]}: amounts are read in ${UNIT_NAMES[choice.unit]} as --unit asks`,
    graded: (graded: number, total: number, kind: InputKind) =>
      `Graded ${graded} of ${total} ${kind === "customers" ? "rows" : "customers"}`,
    headerRow: (row: number) => `Header: row ${row} (the rows above it are not part of the table)`,
    grades: "Grades",
    scores: "Customers per score (5 … 1)",
    notGraded: (n: number) => `Not graded: ${n} (the reason is in the Note column)`,
    sales: (read: number, kept: number, outside: number, skipped: number) =>
      `Sales: ${read} read, ${kept} inside the window, ${outside} outside it, ${skipped} skipped as unreadable`,
    skippedSale: "Skipped",
    blankRows: (n: number) => `Blank rows skipped: ${n} (nothing in any column read; not counted as not graded)`,
    duplicateIds: (rows: number, ids: number) =>
      `Duplicate customer ids: ${rows} rows share ${ids} ids (all graded; each noted in the Note column)`,
    hiddenRows: (n: number) => `Hidden rows read: ${n} (rows hidden in the sheet are graded like the others)`,
    moreSkipped: (n: number) => `… and ${n} more skipped sales`,
    written: (path: string) => `Written: ${path}`,
    replacedResults: "The input already holds result columns from an earlier run: they are replaced in the output",
    csvProblem: (row: number, code: "TextAfterQuote" | "Unclosed") =>
      code === "TextAfterQuote"
        ? `Warning: row ${row}: text follows the closing quote of a quoted cell; the text is kept and that quote dropped ("x"y reads xy)`
        : `Warning: row ${row}: a quote (") opens a cell that never closes; the cell runs to the end of the file`,
    moreCsvProblems: (n: number) => `Warning: ${n} more rows with text after a closing quote`,
    reading: "Reading",
    grading: "Grading",
    writing: "Writing",
  },
  history: {
    periods: "Period ends",
    /** "24 month ends, 2023-09-30 – 2025-08-31" */
    periodSpan: (count: number, step: "month" | "quarter", first: string, last: string) =>
      `${count} ${step === "month" ? "month" : "quarter"} end${count === 1 ? "" : "s"}, ${first} – ${last}`,
    window: (start: string | undefined) =>
      start === undefined ? "every sale up to each period end" : `${start} – each period end`,
    sales: (read: number, counted: number, outside: number, skipped: number) =>
      `Sales: ${read} read, ${counted} counted, ${outside} before the window start or after the last period end, ${skipped} skipped as unreadable`,
    listed: (listed: number, customers: number) =>
      `Customers: ${listed} with a grade at some period end (of ${customers} with a readable sale)`,
    perPeriod: "Customers per grade at each period end",
    noGrade: "no grade",
    moves: (from: string, to: string) => `From ${from} to ${to}`,
    transitionsFile: (path: string) => `Written: ${path} (transitions)`,
  },
  output: {
    cut: (column: string) =>
      `column “${column}”: the text is longer than an Excel cell holds and was cut to 32,767 characters`,
    cutCells: (n: number) =>
      `Text cut: ${n} cells held more than Excel's 32,767 characters and were cut in the workbook (their Note says which); a .csv output keeps them whole`,
  },
  demo: {
    heading: (sample: string, profile: string) => `Demo: ${sample} graded with the ${profile} profile`,
    asOfChosen: (asOf: string) =>
      `(analysis date ${asOf}: the shaoxing profile has no default, this date suits the sample)`,
    done: (dir: string) => `Demo results are in ${dir}`,
  },
  xlsx: {
    renamedText: (path: string) =>
      `"${path}" is a text (CSV) file with an .xlsx name, not a workbook: rename it to .csv and try again`,
    encrypted: (path: string) =>
      `"${path}" is password-protected (encrypted), or an old .xls workbook: open it in Excel, remove the password (File > Info > Protect Workbook), save it as .xlsx and try again`,
    damaged: (path: string) =>
      `"${path}" is damaged: it is not a complete .xlsx workbook; open it in Excel to repair it, or export it again`,
    passwordProtected: (path: string) =>
      `"${path}" is password-protected (encrypted): open it in Excel, remove the password (File > Info > Protect Workbook), save it and try again`,
    oldXls: (path: string) =>
      `"${path}" is an Excel 97–2003 workbook (.xls) with an .xlsx name: open it in Excel, save it as .xlsx (File > Save As) and try again`,
    binaryWorkbook: (path: string) =>
      `"${path}" is an Excel binary workbook (.xlsb), which is not read here: open it in Excel, save it as .xlsx (File > Save As) and try again`,
    openDocument: (path: string) =>
      `"${path}" is an OpenDocument spreadsheet (.ods) with an .xlsx name: save it as .xlsx (Excel 2007-365) or as CSV and try again`,
    markup: (path: string) =>
      `"${path}" is a web page or XML file with an .xlsx name, not a workbook: open it in Excel, save it as .xlsx (File > Save As) and try again`,
    notAWorkbook: (path: string) => `"${path}" is a zip file but not an Excel workbook: it holds no workbook part`,
    missingPart: (path: string, part: string) =>
      `"${path}" is damaged: its part ${part} is missing; open it in Excel to repair it, or export it again`,
    preRelease: (path: string) =>
      `"${path}" is in the format of a pre-release (beta) of Excel 2007, not the released Office Open XML format: export it again from the program that made it`,
    documentType: (path: string) =>
      `"${path}" declares a document type (DTD) inside the workbook, which the file format forbids (it is how XML bombs are made): export it again from the program that made it`,
    compression: (path: string, method: string) =>
      `"${path}" is compressed with ${method}, which is not read here (only Deflate, as Excel writes): open it in Excel, save it again and try again`,
    encryptedZip: (path: string) =>
      `"${path}" is a zip with encrypted (password-protected) entries, which is not read here: save the workbook again from Excel without a zip password and try again`,
    notAWorksheet: (path: string, sheet: string, kind: "chartsheet" | "dialogsheet" | "macrosheet") =>
      `Sheet "${sheet}" of "${path}" is ${{ chartsheet: "a chart sheet", dialogsheet: "a dialog sheet", macrosheet: "an Excel 4 macro sheet" }[kind]}, not a worksheet with cells: name a worksheet with --sheet`,
    noWorksheet: (path: string) => `"${path}" has no worksheet with cells (only chart or dialog sheets)`,
    noVisibleSheet: (path: string) => `Every sheet of "${path}" is hidden: name one with --sheet`,
  },
  previous: {
    badType: (path: string) => `--previous "${path}" must be an earlier result of rfm grade, a .csv or .xlsx file`,
    noGradeColumn: (path: string, headers: readonly string[]) =>
      `"${path}" has no Grade column (Grade or 客户等级), so it is not an earlier result of rfm grade. ` +
      `Its headers are: ${quoteList(headers)}`,
    noIdColumn: (path: string, headers: readonly string[]) =>
      `"${path}" has no customer id column to match customers by. Its headers are: ${quoteList(headers)}`,
    noCurrentIds: () =>
      "--previous matches customers by their id, but this table has no customer id column: name it with --map id=HEADER",
  },
  engines: {
    /** DuckDB graded the file (only ever when asked). */
    duckdb: () => "Engine: DuckDB (--engine duckdb)",
    /** The JavaScript engine read a file outside the quick reading's plain forms: memory grows with the file. */
    everyForm: (reason: DeclineReasonText) =>
      `Engine: JavaScript, reading every form of every cell with the whole file in memory (the quick reading of plain files not used: ${DECLINES[reason]})`,
    /** The JavaScript engine graded a file DuckDB was asked for. */
    javascript: (reason: DeclineReasonText) => `Engine: JavaScript (DuckDB not used: ${DECLINES[reason]})`,
    /** The input file changed while it was graded, and part of the results had gone to stdout. */
    inputChanged: (path: string) =>
      `"${path}" changed while it was graded; the output above is incomplete: grade it again`,
  },
  writeFailures: {
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EFBIG: "the file would be larger than this system allows (a file size limit)",
    EROFS: "the disk is read-only",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder, not a file",
    ENOTDIR: "part of the path is a file, not a folder",
    ENOENT: "the folder does not exist",
    EEXIST: "a file of that name is in the way",
    EBUSY: "the file is in use (open in another program?)",
    ENAMETOOLONG: "the name is too long",
    EIO: "the disk reported an input/output error",
    EMFILE: "too many files are open",
    ENFILE: "too many files are open",
    EINVAL: "the disk or device does not take this write",
  },
  delimiters: {
    ",": "comma",
    "\t": "tab",
    ";": "semicolon",
    "|": "vertical bar",
  },
  profiles: {
    asOf: "default as-of",
    windowStart: "window start",
    none: "no default analysis date (give --as-of)",
  },
  formulas: {
    needsXlsx: "--formulas writes a workbook whose cells hold live formulas: add --out FILE.xlsx",
    written: (path: string) =>
      `Written with live formulas: ${path} (change the analysis date on the "RFM parameters" sheet and the grades recalculate)`,
    salesWritten: (path: string) =>
      `Written with live formulas: ${path} (one row per customer; change a sale, the analysis date or the sales window start on the "RFM parameters" sheet and the grades recalculate; a new customer needs grading again)`,
  },
  parquet: {
    /** The summary's line about the file: read by DuckDB, then graded as the CSV text it made. */
    read: (path: string) => `File: ${path} (Parquet), read with DuckDB`,
    noDuckdb: (path: string) =>
      `"${path}" is a Parquet file, which is read with DuckDB (@duckdb/node-api), and DuckDB is not installed`,
    unreadable: (path: string, reason: string) => `Cannot read "${path}" as a Parquet file: ${reason}`,
  },
  /** Warnings about the analysis date against the data, printed before the summary. */
  analysisDate: {
    /**
     * The data runs past the analysis date. The profile's fixed date (nobody chose it for this data) is a plain
     * warning with the exact option that grades as of the data's latest date; the user's own --as-of is only reported.
     */
    dataPast: (past: DataPastText, profileId: string) => {
      const lead =
        past.chosenBy === "profile"
          ? `Warning: the data runs to ${past.latest}, past the analysis date fixed by the profile "${profileId}" (${past.asOf})`
          : `Note: the data runs to ${past.latest}, past the analysis date ${past.asOf} (--as-of)`;
      let effect: string;
      if (past.rowsNotGraded !== undefined) {
        const rows = past.rows!,
          after = past.rowsNotGraded;
        effect =
          after === rows
            ? `${rows === 1 ? "the only row is" : rows === 2 ? "both rows are" : `all ${n(rows)} rows are`} dated after it: no customer is graded`
            : `${n(after)} of ${counted(rows, LANG, engine.counts.rows)} ${verb(after, "is", "are")} dated after it and not graded`;
      } else {
        const left = past.salesLeftOut!,
          customers = past.customersWithLaterSales!,
          ungraded = past.customersNotGraded!;
        effect =
          `${n(left)} of ${counted(past.sales!, LANG, engine.counts.sales)} ${verb(left, "is", "are")} dated after it and left out, ` +
          `from ${counted(customers, LANG, engine.counts.customers)}` +
          (ungraded === 0
            ? ""
            : `; ${n(ungraded)} of these ${verb(ungraded, "has", "have")} no sale inside the window and ${verb(ungraded, "is", "are")} not graded`);
      }
      return `${lead}: ${effect}. To grade as of the latest date in the data, add --as-of ${past.suggestedAsOf}`;
    },
    /** The analysis date lies more than 31 days after the data: every customer looks inactive. */
    farAfterData: (days: number, asOf: string, latest: string) =>
      `Warning: the analysis date ${asOf} is ${days} days after the latest date in the data (${latest}): every customer will look inactive (low R)`,
  },
  sql: {
    firstNeedsOrder:
      'The profile breaks ties by input order (ties: "first"), and a table has no order of its own: add --order COLUMN (e.g. the sale\'s row number or timestamp)',
  },
  /** Sheet names of the workbooks the command line writes. */
  sheets: {
    grades: "RFM grades",
  },
  /** A carried column without a header, named by its letter. */
  columnOfLetter: (letter: string) => `Column ${letter}`,
  help: HELP,
};

export type CliTexts = typeof en;
export default en;
