#!/usr/bin/env node
/** `rfm`: grade customers in .csv / .xlsx files from the command line. */

import { Command, CommanderError, Option } from "commander";
import { runDemo } from "./demo";
import { runGradeFormulas } from "./formulasCommand";
import { runGrade } from "./gradeCommand";
import { packageVersion } from "./packageVersion";
import { langOf } from "./gradeRequest";
import type { Lang } from "../engine";
import { describe, GRADE_HELP_AFTER, localizeCommanderError, localizeHelp } from "./helpTexts";
import { profilesText } from "./profilesCommand";
import { addSqlCommand } from "./sqlProgram";
import { addHistoryCommand } from "./historyProgram";
import { writeStdout } from "./stdout";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from "./usageError";
import { stdoutFailure } from "./writeFailure";

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(lang: Lang = "en"): Command {
  const d = (en: string) => describe(en, lang);
  const program = new Command("rfm")
    .description(d("Grade customers by recency, frequency and monetary value (RFM) in .csv and .xlsx files."))
    .version(packageVersion(), "-V, --version", d("output the version number"))
    .helpOption("-h, --help", d("display help for command"))
    .helpCommand("help [command]", d("display help for command"))
    .exitOverride()
    // Commander's own errors (unknown option, missing value) read like ours: one line starting "rfm:", in --lang.
    .configureOutput({
      writeOut: (text) => void writeStdout(localizeHelp(text, lang)),
      writeErr: (text) => process.stderr.write(localizeHelp(text, lang)),
      outputError: (text, write) => write(`rfm: ${localizeCommanderError(text, lang)}`),
    });

  program
    .command("grade")
    .description(d("grade the customers of a .csv or .xlsx file and write the results (CSV on stdout by default)"))
    .argument("[INPUT]", d("a .csv or .txt file (UTF-8, UTF-16, GBK, Big5 or Windows-1252; comma, tab, semicolon or |), an .xlsx workbook or a .parquet file: a customer table or sales records"))
    .option("-p, --profile <name|file>", d("shaoxing, wuhan, or a profile .json file (required)"))
    .option("--as-of <YYYY-MM-DD>", d("analysis date (default: the profile's; required for shaoxing)"))
    .option("--window-start <YYYY-MM-DD>", d("first day of sales counted (sales records; default: the profile's)"))
    .addOption(new Option("--unit <unit>", d("unit of the input's amounts: yuan or wan (default: the unit in the amount's header, else the profile's)")))
    .addOption(new Option("--input <kind>", d("customers or transactions (default: detected from the headers)")))
    .option("--map <ROLE=HEADER>", d("name a column by hand; ROLE is id, date, count, total or amount (repeatable)"), collect)
    .option("--lang <lang>", d("language of output headers, cadence, notes and messages: en or zh"), "en")
    .option("-o, --out <file>", d("write FILE.csv or FILE.xlsx instead of CSV on stdout (an existing FILE is replaced; never the input)"))
    .option("--sheet <name>", d("worksheet of an .xlsx input (default: the first visible one)"))
    .option("--encoding <name>", d("encoding of a .csv input: utf8, utf16le, utf16be, gb18030 (gbk), big5, windows-1252 (default: detected)"))
    .option("--formulas", d("with --out FILE.xlsx: write live worksheet formulas that grade without the add-in"))
    .option(
      "--engine <name>",
      d("auto, js or duckdb: who computes the grades of a customer table in .csv or .parquet (auto: DuckDB for large files; the results are the same)"),
    )
    .option(
      "--previous <file>",
      d("an earlier result of rfm grade (.csv or .xlsx): adds Previous grade and Change columns and the grade changes, matched by customer id"),
    )
    .addHelpText("after", GRADE_HELP_AFTER[lang].join("\n"))
    .action(async (input: string | undefined, flags) => {
      if (flags.formulas) await runGradeFormulas(input, flags);
      else await runGrade(input, flags);
    });

  program
    .command("demo")
    .description(d("grade the shipped sample files with the built-in profiles and write .xlsx results"))
    .option("--out-dir <dir>", d("folder for the results"), "out")
    .option("--lang <lang>", d("en or zh"), "en")
    .action(async (flags: { outDir?: string; lang?: string }) => {
      await runDemo(flags);
    });

  program
    .command("profiles")
    .description(d("list the built-in profiles"))
    .option("--lang <lang>", d("en or zh"), "en")
    .action((flags: { lang?: string }) => {
      return writeStdout(profilesText(langOf(flags.lang)));
    });

  addSqlCommand(program, lang);
  addHistoryCommand(program, lang);
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
    // --lang is needed before commander parses: its help and its errors are in the user's language too.
    await buildProgram(langInArgs(args)).parseAsync(argv as string[]);
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
  // run quietly, as other command-line tools do. Any other failure to write stdout is the command's one-line error
  // (exit 2); when stderr itself cannot be written there is nothing left to say, only the exit status. Nothing is
  // left half-written: --out files are renamed into place only when complete, and the temporary file is removed on
  // exit.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(EXIT_OK);
    const failure = stdoutFailure(err);
    const line = failure instanceof UsageError ? failure.line(langInArgs(process.argv.slice(2))) : String(err);
    process.stderr.write(`rfm: ${line}\n`, () => process.exit(EXIT_USAGE));
  });
  process.stderr.on("error", (err: NodeJS.ErrnoException) => process.exit(err.code === "EPIPE" ? EXIT_OK : EXIT_USAGE));
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
