#!/usr/bin/env node
/** `rfm`: grade customers in .csv / .xlsx files from the command line. */

import { Command, CommanderError, Option } from "commander";
import { runDemo } from "./demo";
import { runGradeFormulas } from "./formulasCommand";
import { runGrade } from "./gradeCommand";
import { packageVersion } from "./packageVersion";
import { langOf } from "./gradeRequest";
import { profilesText } from "./profilesCommand";
import { addSqlCommand } from "./sqlProgram";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from "./usageError";

const collect = (value: string, previous: string[] = []) => [...previous, value];


export function buildProgram(): Command {
  const program = new Command("rfm")
    .description("Grade customers by recency, frequency and monetary value (RFM) in .csv and .xlsx files.")
    .version(packageVersion())
    .exitOverride()
    // Commander's own errors (unknown option, missing value) read like ours: one line starting "rfm:".
    .configureOutput({ outputError: (text, write) => write(`rfm: ${text.replace(/^error: /, "")}`) });

  program
    .command("grade")
    .description("grade the customers of a .csv or .xlsx file and write the results (CSV on stdout by default)")
    .argument("[INPUT]", "a .csv or .txt file (UTF-8, UTF-16 or GBK; comma, tab or semicolon) or an .xlsx workbook: a customer table or sales records")
    .option("-p, --profile <name|file>", "shaoxing, wuhan, or a profile .json file (required)")
    .option("--as-of <YYYY-MM-DD>", "analysis date (default: the profile's; required for shaoxing)")
    .option("--window-start <YYYY-MM-DD>", "first day of sales counted (sales records; default: the profile's)")
    .addOption(new Option("--unit <unit>", "unit of the input's amounts: yuan or wan (default: the profile's)"))
    .addOption(new Option("--input <kind>", "customers or transactions (default: detected from the headers)"))
    .option("--map <ROLE=HEADER>", "name a column by hand; ROLE is id, date, count, total or amount (repeatable)", collect)
    .option("--lang <lang>", "language of output headers, cadence, notes and messages: en or zh", "en")
    .option("-o, --out <file>", "write FILE.csv or FILE.xlsx instead of CSV on stdout (an existing FILE is replaced; never the input)")
    .option("--sheet <name>", "worksheet of an .xlsx input (default: the first visible one)")
    .option("--encoding <name>", "encoding of a .csv input: utf8, utf16le, utf16be, gb18030 (gbk), big5 (default: detected)")
    .option("--formulas", "with --out FILE.xlsx: write live worksheet formulas that grade without the add-in")
    .option(
      "--previous <file>",
      "an earlier result of rfm grade (.csv or .xlsx): adds Previous grade and Change columns and the grade changes, matched by customer id",
    )
    .addHelpText(
      "after",
      [
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
        "Exit status: 0 graded (rows that could not be graded are noted), 2 usage or input-file error.",
      ].join("\n"),
    )
    .action(async (input: string | undefined, flags) => {
      if (flags.formulas) await runGradeFormulas(input, flags);
      else await runGrade(input, flags);
    });

  program
    .command("demo")
    .description("grade the shipped sample files with the built-in profiles and write .xlsx results")
    .option("--out-dir <dir>", "folder for the results", "out")
    .option("--lang <lang>", "en or zh", "en")
    .action(async (flags: { outDir?: string; lang?: string }) => {
      await runDemo(flags);
    });

  program
    .command("profiles")
    .description("list the built-in profiles")
    .option("--lang <lang>", "en or zh", "en")
    .action((flags: { lang?: string }) => {
      process.stdout.write(profilesText(langOf(flags.lang)));
    });

  addSqlCommand(program);
  return program;
}

/** The --lang given on the command line, for messages about errors found before the flags are fully read. */
function langInArgs(args: readonly string[]): "en" | "zh" {
  const i = args.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = i < 0 ? undefined : args[i].includes("=") ? args[i].slice(7) : args[i + 1];
  try {
    return langOf(value);
  } catch {
    return "en";
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = argv.slice(2);
  try {
    await buildProgram().parseAsync(argv as string[]);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed its message (or the help text).
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" ? EXIT_OK : EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`rfm: ${err.line(langInArgs(args))}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`rfm: unexpected error (please report it): ${err instanceof Error ? err.stack : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

if (require.main === module) {
  // `npm run rfm -- grade FILE` runs in the package folder; file names are meant from where the user typed them.
  if (process.env.npm_lifecycle_event === "rfm" && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  // A reader that stops early (`rfm grade ... 2>&1 | head -3`) is not an error: a closed stdout or stderr ends the
  // run quietly, as other command-line tools do. Nothing is left half-written: --out files are renamed into place
  // only when complete, and the temporary file is removed on exit.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(EXIT_OK);
      throw err;
    });
  }
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
