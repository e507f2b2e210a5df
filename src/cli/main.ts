#!/usr/bin/env node
/**
 * `rfm`: grade customers in .csv / .xlsx files from the command line. The program itself; `rfm.ts` is the executable that
 * starts it (through the code cache), and this file, run directly, starts itself: a link made to it before the command
 * was bundled (npx keeps its links) still works.
 */

import { Command, CommanderError, Option } from "commander";
import { runDemo } from "./demo";
import { runGradeFormulas } from "./formulasCommand";
import { runGrade } from "./gradeCommand";
import { packageVersion } from "./packageVersion";
import { langOf } from "./gradeRequest";
import type { Lang } from "../engine";
import { gradeHelpAfter, helpTexts, langChoices, localizeCommanderError, localizeHelp } from "./helpTexts";
import { profilesText } from "./profilesCommand";
import { addSqlCommand } from "./sqlProgram";
import { addHistoryCommand } from "./historyProgram";
import { runWithMallocSetting, wantsMallocSetting } from "./mallocSetting";
import { writeStdout } from "./stdout";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from "./usageError";
import { stdoutFailure } from "./writeFailure";

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(lang: Lang = "en"): Command {
  const h = helpTexts(lang);
  const program = new Command("rfm")
    .description(h.program)
    .version(packageVersion(), "-V, --version", h.version)
    .helpOption("-h, --help", h.help)
    .helpCommand("help [command]", h.help)
    .exitOverride()
    // Commander's own errors (unknown option, missing value) read like ours: one line starting "rfm:", in --lang.
    .configureOutput({
      writeOut: (text) => void writeStdout(localizeHelp(text, lang)),
      writeErr: (text) => process.stderr.write(localizeHelp(text, lang)),
      outputError: (text, write) => write(`rfm: ${localizeCommanderError(text, lang)}`),
    });

  program
    .command("grade")
    .description(h.grade.command)
    .argument("[INPUT]", h.grade.input)
    .option("-p, --profile <name|file>", h.profile)
    .option("--as-of <YYYY-MM-DD>", h.asOf)
    .option("--window-start <YYYY-MM-DD>", h.grade.windowStart)
    .addOption(new Option("--unit <unit>", h.grade.unit))
    .addOption(new Option("--input <kind>", h.grade.kind))
    .option("--map <ROLE=HEADER>", h.grade.map, collect)
    .option("--lang <lang>", h.lang(langChoices(lang)), "en")
    .option("-o, --out <file>", h.grade.out)
    .option("--sheet <name>", h.grade.sheet)
    .option("--encoding <name>", h.grade.encoding)
    .option("--formulas", h.grade.formulas)
    .option("--engine <name>", h.grade.engine)
    .option("--previous <file>", h.grade.previous)
    .addHelpText("after", gradeHelpAfter(lang).join("\n"))
    .action(async (input: string | undefined, flags) => {
      if (flags.formulas) await runGradeFormulas(input, flags);
      else await runGrade(input, flags);
    });

  program
    .command("demo")
    .description(h.demo.command)
    .option("--out-dir <dir>", h.demo.outDir, "out")
    .option("--lang <lang>", h.langShort(langChoices(lang)), "en")
    .action(async (flags: { outDir?: string; lang?: string }) => {
      await runDemo(flags);
    });

  program
    .command("profiles")
    .description(h.profiles.command)
    .option("--lang <lang>", h.langShort(langChoices(lang)), "en")
    .action((flags: { lang?: string }) => {
      return writeStdout(profilesText(langOf(flags.lang)));
    });

  addSqlCommand(program, lang);
  addHistoryCommand(program, lang);
  return program;
}

/** The --lang given on the command line, for messages about errors found before the flags are fully read. */
function langInArgs(args: readonly string[]): Lang {
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
    process.stderr.write(
      `rfm: unexpected error (please report it): ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    return EXIT_FAILURE;
  }
}

/** Runs the command named on this process's command line and sets its exit status. */
export function runAsCommand(): void {
  // `npm run rfm -- grade FILE` runs in the package folder; file names are meant from where the user typed them.
  if (process.env.npm_lifecycle_event === "rfm" && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  // A large input is read in a child process that gives memory back to the system as it frees it (mallocSetting.ts).
  const status = wantsMallocSetting(process.argv.slice(2)) ? runWithMallocSetting() : null;
  if (status === null) runHere();
  else process.exitCode = status;
}

/**
 * The command in this process. A reader that stops early (`rfm grade ... 2>&1 | head -3`) is not an error: a closed
 * stdout or stderr ends the run quietly, as other command-line tools do. Any other failure to write stdout is the
 * command's one-line error (exit 2); when stderr itself cannot be written there is nothing left to say, only the exit
 * status. Nothing is left half-written: --out files are renamed into place only when complete, and the temporary file
 * is removed on exit.
 */
function runHere(): void {
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

// By file name: in the bundle, `require.main === module` would hold for the bundle's own entry, run by rfm.js.
if (require.main?.filename === __filename) runAsCommand();
