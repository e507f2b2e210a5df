import type { Command } from "commander";
import type { Lang } from "../engine";
import { describe, HISTORY_HELP_AFTER } from "./helpTexts";
import { runHistory, type HistoryFlags } from "./historyCommand";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `rfm history`: its options and help, kept beside the command rather than in main.ts. */
export function addHistoryCommand(program: Command, lang: Lang = "en"): void {
  const d = (en: string) => describe(en, lang);
  program
    .command("history")
    .description(d("grade sales records at each month or quarter end and write every customer's grades over time, with the moves between grades"))
    .argument("[SALES]", d("sales records (one row per sale): a .csv or .txt file or an .xlsx workbook"))
    .option("-p, --profile <name|file>", d("shaoxing, wuhan, or a profile .json file (required)"))
    .option("--every <period>", d("month or quarter: grade at each month end or each quarter end"), "month")
    .option("--from <YYYY-MM>", d("first month (required)"))
    .option("--to <YYYY-MM>", d("last month (required)"))
    .option("--window-start <YYYY-MM-DD>", d("first day of sales counted (default: the profile's)"))
    .option("--unit <unit>", d("unit of the input's amounts: yuan or wan (default: the unit in the amount's header, else the profile's)"))
    .option("--map <ROLE=HEADER>", d("name a column by hand; ROLE is id, date or amount (repeatable)"), collect)
    .option("--lang <lang>", d("language of output headers, cadence, notes and messages: en or zh"), "en")
    .option("-o, --out <file>", d("write FILE.xlsx (history, transitions, summary and chart) or FILE.csv (and FILE-transitions.csv); required"))
    .option("--sheet <name>", d("worksheet of an .xlsx input (default: the first visible one)"))
    .option("--encoding <name>", d("encoding of a .csv input: utf8, utf16le, utf16be, gb18030 (gbk), big5 (default: detected)"))
    .addHelpText("after", HISTORY_HELP_AFTER[lang].join("\n"))
    .action(async (input: string | undefined, flags: HistoryFlags) => {
      await runHistory(input, flags);
    });
}
