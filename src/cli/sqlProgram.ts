import type { Command } from "commander";
import type { Lang } from "../engine";
import { describe, SQL_HELP_AFTER } from "./helpTexts";
import { sqlText, type SqlFlags } from "./sqlCommand";
import { writeStdout } from "./stdout";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `rfm sql`: its options and help, kept beside the command rather than in main.ts. */
export function addSqlCommand(program: Command, lang: Lang = "en"): void {
  const d = (en: string) => describe(en, lang);
  program
    .command("sql")
    .description(d("print one SQL query that grades a database table with a profile, exactly as `rfm grade` does"))
    .option("-p, --profile <name|file>", d("shaoxing, wuhan, or a profile .json file (required)"))
    .option("--dialect <dialect>", d("SQL dialect: duckdb, postgres, mysql (MySQL 8, MariaDB 10.6 and later) or spark"), "duckdb")
    .option("--input <kind>", d("transactions (one row per sale) or customers (one row per customer)"), "transactions")
    .option("--table <name>", d("table or view to read, schema.table allowed (default: sales, or customers)"))
    .option("--map <ROLE=COLUMN>", d("column of a role (id, date, count, total, amount); default the role's name (repeatable)"), collect)
    .option("--as-of <YYYY-MM-DD>", d("analysis date (default: the profile's; required for shaoxing)"))
    .option("--window-start <YYYY-MM-DD>", d("first day of sales counted (default: the profile's)"))
    .option("--unit <unit>", d("unit of the table's amounts: yuan or wan (default: the profile's)"))
    .option("--order <column>", d("column giving the rows' order, needed by the tie rule \"first\""))
    .option("--lang <lang>", d("language of the cadence texts and messages: en or zh"), "en")
    .addHelpText("after", SQL_HELP_AFTER[lang].join("\n"))
    .action((flags: SqlFlags) => {
      return writeStdout(sqlText(flags));
    });
}
