/** What the profile compiler tells a user when a profile cannot be compiled as asked, in every language. */

import { ENGINE_TEXTS } from "../../i18n/engine";
import { localizedView } from "../../i18n/message";
import type { Localized } from "../types";

const COMPILE_TEXTS = localizedView(ENGINE_TEXTS, (t) => t.compile);

export type CompileErrorCode = keyof typeof COMPILE_TEXTS;

/** A profile or option the compiler cannot turn into the requested output; `text` says why, in every language. */
export class CompileError extends Error {
  readonly text: Localized;
  constructor(
    readonly code: CompileErrorCode,
    ...args: string[]
  ) {
    const text = (COMPILE_TEXTS[code] as (...a: string[]) => Localized)(...args);
    super(text.en);
    this.name = "CompileError";
    this.text = text;
  }
}
