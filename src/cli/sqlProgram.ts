import type { Command } from "commander";
import type { Lang } from "../engine";
import { helpTexts, langChoices, sqlHelpAfter } from "./helpTexts";
import { sqlText, type SqlFlags } from "./sqlCommand";
import { writeStdout } from "./stdout";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `rfm sql`: its options and help, kept beside the command rather than in main.ts. */
export function addSqlCommand(program: Command, lang: Lang = "en"): void {
  const h = helpTexts(lang);
  program
    .command("sql")
    .description(h.sql.command)
    .option("-p, --profile <name|file>", h.profile)
    .option("--dialect <dialect>", h.sql.dialect, "duckdb")
    .option("--input <kind>", h.sql.kind, "transactions")
    .option("--table <name>", h.sql.table)
    .option("--map <ROLE=COLUMN>", h.sql.map, collect)
    .option("--as-of <YYYY-MM-DD>", h.asOf)
    .option("--window-start <YYYY-MM-DD>", h.sql.windowStart)
    .option("--unit <unit>", h.sql.unit)
    .option("--order <column>", h.sql.order)
    .option("--lang <lang>", h.langOfMessages(langChoices(lang)), "en")
    .addHelpText("after", sqlHelpAfter(lang).join("\n"))
    .action((flags: SqlFlags) => {
      return writeStdout(sqlText(flags));
    });
}
