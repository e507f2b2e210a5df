import { CLI_TEXTS, type CliTexts } from "../i18n/cli";
import { LANGS, punctuation, SQL_RESULT_COLUMNS, type Lang } from "../engine";
import { displayWidth } from "./textWidth";

/**
 * `rfm --help` and commander's own messages in the user's language, from the catalogues. Each command's description,
 * arguments and options are the catalogue's (`helpTexts(lang)`); commander's fixed words (section headings, its
 * built-in options, its error sentences) are put in the user's language as they are printed. `--lang` is read from
 * the arguments before commander parses them.
 */
export function helpTexts(lang: Lang): CliTexts["help"] {
  return CLI_TEXTS[lang].help;
}

/** The values `--lang` takes, as the language lists them: "en, zh or zh-TW", "en、zh 或 zh-TW". */
export function langChoices(lang: Lang): string {
  const last = LANGS[LANGS.length - 1];
  const rest = LANGS.slice(0, -1);
  return rest.length === 0 ? last : rest.join(punctuation(lang).listSeparator) + helpTexts(lang).or + last;
}

/** `rfm grade --help`'s after-text. */
export function gradeHelpAfter(lang: Lang): string[] {
  return helpTexts(lang).grade.after;
}

/** `rfm history --help`'s after-text. */
export function historyHelpAfter(lang: Lang): string[] {
  return helpTexts(lang).history.after;
}

/** `rfm sql --help`'s after-text: the query's columns (wrapped to the help's width), then the rest. */
export function sqlHelpAfter(lang: Lang): string[] {
  const h = helpTexts(lang).sql;
  return ["", ...wrapped(h.afterColumns(SQL_RESULT_COLUMNS)), ...h.after];
}

/** A paragraph cut into lines of the help's width, after a space or a Chinese list comma or punctuation mark. */
function wrapped(text: string, width = 112): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of text.split(/(?<=[ 、，；）])/)) {
    if (line !== "" && displayWidth(line + piece.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += piece;
  }
  return line === "" ? lines : [...lines, line.trimEnd()];
}

/** Commander's fixed words in a help text, in the user's language. */
export function localizeHelp(text: string, lang: Lang): string {
  const c = helpTexts(lang).commander;
  return (
    text
      .replace(/^Usage: ?/gm, c.usage)
      .replace(/^Arguments:/gm, c.arguments)
      .replace(/^Options:/gm, c.options)
      .replace(/^Commands:/gm, c.commands)
      // Commander may wrap a long description between "(default:" and its value.
      .replace(/ ?\(default:\s+([^)]*)\)/g, (_, value: string) => c.defaultValue(value))
      .replace(/ ?\(choices:\s+([^)]*)\)/g, (_, values: string) => c.choices(values.replace(/\s+/g, " ")))
  );
}

/** Commander's error sentences ("error: unknown option '--x'") as one line in the user's language. */
export function localizeCommanderError(text: string, lang: Lang): string {
  const line = text.replace(/^error: /, "");
  const c = helpTexts(lang).commander;
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^unknown option '([^']*)'(?:\s*\(Did you mean ([^?]*)\?\))?/, (o, s) => c.unknownOption(o, s)],
    [/^unknown command '([^']*)'(?:\s*\(Did you mean ([^?]*)\?\))?/, (o, s) => c.unknownCommand(o, s)],
    [/^option '([^']*)' argument missing/, (o) => c.argumentMissing(o)],
    [/^missing required argument '([^']*)'/, (a) => c.requiredArgument(a)],
    [
      /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./,
      (cmd, e, g) => c.tooManyArguments(cmd, e, g),
    ],
    [/^option '([^']*)' argument '([^']*)' is invalid\.?(.*)/, (o, v, rest) => c.invalidArgument(o, v, rest)],
  ];
  for (const [pattern, say] of rules) {
    const m = pattern.exec(line);
    if (m) return say(...m.slice(1)) + "\n";
  }
  return line;
}
