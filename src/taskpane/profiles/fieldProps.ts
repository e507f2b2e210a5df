/** How a form field shows the engine's message for its path (Fluent UI's Field props). */
import { punctuation } from "../../engine";
import type { Lang } from "../../engine/types";
import { messageFor, type FieldIssues } from "./editorState";

export interface FieldValidation {
  validationState: "error" | "none";
  validationMessage?: string;
}

export function fieldValidation(issues: FieldIssues, lang: Lang, ...paths: string[]): FieldValidation {
  const messages = paths.map((p) => messageFor(issues, p, lang)).filter((m): m is string => m !== undefined);
  return messages.length > 0
    ? { validationState: "error", validationMessage: messages.join(punctuation(lang).semicolon) }
    : { validationState: "none" };
}
