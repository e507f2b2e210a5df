import type { Command } from "commander";
import type { Lang } from "../engine";
import { helpTexts, historyHelpAfter, langChoices } from "./helpTexts";
import { runHistory, type HistoryFlags } from "./historyCommand";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `rfm history`: its options and help, kept beside the command rather than in main.ts. */
export function addHistoryCommand(program: Command, lang: Lang = "en"): void {
  const h = helpTexts(lang);
  program
    .command("history")
    .description(h.history.command)
    .argument("[SALES]", h.history.input)
    .option("-p, --profile <name|file>", h.profile)
    .option("--every <period>", h.history.every, "month")
    .option("--from <YYYY-MM>", h.history.from)
    .option("--to <YYYY-MM>", h.history.to)
    .option("--window-start <YYYY-MM-DD>", h.history.windowStart)
    .option("--unit <unit>", h.grade.unit)
    .option("--map <ROLE=HEADER>", h.history.map, collect)
    .option("--lang <lang>", h.lang(langChoices(lang)), "en")
    .option("-o, --out <file>", h.history.out)
    .option("--sheet <name>", h.grade.sheet)
    .option("--encoding <name>", h.history.encoding)
    .addHelpText("after", historyHelpAfter(lang).join("\n"))
    .action(async (input: string | undefined, flags: HistoryFlags) => {
      await runHistory(input, flags);
    });
}
