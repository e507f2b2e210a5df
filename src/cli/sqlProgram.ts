import type { Command } from "commander";
import { sqlText, type SqlFlags } from "./sqlCommand";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `rfm sql`: its options and help, kept beside the command rather than in main.ts. */
export function addSqlCommand(program: Command): void {
  program
    .command("sql")
    .description("print one SQL query that grades a database table with a profile, exactly as `rfm grade` does")
    .option("-p, --profile <name|file>", "shaoxing, wuhan, or a profile .json file (required)")
    .option("--dialect <dialect>", "duckdb, postgres or spark", "duckdb")
    .option("--input <kind>", "transactions (one row per sale) or customers (one row per customer)", "transactions")
    .option("--table <name>", "table or view to read, schema.table allowed (default: sales, or customers)")
    .option("--map <ROLE=COLUMN>", "column of a role (id, date, count, total, amount); default the role's name (repeatable)", collect)
    .option("--as-of <YYYY-MM-DD>", "analysis date (default: the profile's; required for shaoxing)")
    .option("--window-start <YYYY-MM-DD>", "first day of sales counted (default: the profile's)")
    .option("--unit <unit>", "unit of the table's amounts: yuan or wan (default: the profile's)")
    .option("--order <column>", "column giving the rows' order, needed by the tie rule \"first\"")
    .option("--lang <lang>", "language of the cadence texts and messages: en or zh", "en")
    .addHelpText(
      "after",
      [
        "",
        "The query returns customer_id, last_order_date, purchases, amount, r_score, f_score, m_score, rfm_score,",
        "grade, cadence, note (note: why the row is not graded, NULL when graded). Identifiers are quoted as given.",
        "",
        "Examples:",
        "  rfm sql --profile wuhan --dialect postgres --table sales --map id=customer_no --map date=sold_on > grade.sql",
        "  rfm sql --profile shaoxing --input customers --as-of 2025-12-31 --unit yuan",
      ].join("\n"),
    )
    .action((flags: SqlFlags) => {
      process.stdout.write(sqlText(flags));
    });
}
