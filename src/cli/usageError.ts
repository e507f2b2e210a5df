import type { Lang, Localized } from "../engine";

/**
 * A problem with how `rfm` was called or with its input file (not a bug): the command prints one line in the
 * user's language and exits with code 2.
 */
export class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = "UsageError";
  }

  line(lang: Lang): string {
    return this.text[lang];
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
