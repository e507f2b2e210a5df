import { useRef, useState } from "react";
import type { OverwriteChoice } from "../gradingFlow";

/** Which question the dialog asks: cells that hold someone else's data, or a protected sheet. */
export type WriteQuestionKind = "occupied" | "protected";

export interface OverwriteQuestion {
  open: boolean;
  kind: WriteQuestionKind;
  /** Where the output would go, or the protected sheet (kept while the dialog closes, so its text does not change). */
  where: string;
  /** Asks about occupied cells, and resolves with the user's answer (the grading flow waits for it). */
  ask(address: string): Promise<OverwriteChoice>;
  /** Asks about a protected sheet: a new sheet, or nothing. */
  askProtected(sheetName: string): Promise<"newSheet" | "cancel">;
  answer(choice: OverwriteChoice): void;
}

/** The questions asked before writing, as promises the grading flow awaits. */
export function useOverwriteQuestion(): OverwriteQuestion {
  const [shown, setShown] = useState<{ open: boolean; kind: WriteQuestionKind; where: string }>({
    open: false,
    kind: "occupied",
    where: "",
  });
  const pending = useRef<((choice: OverwriteChoice) => void) | null>(null);
  const ask = (kind: WriteQuestionKind, where: string) =>
    new Promise<OverwriteChoice>((resolve) => {
      pending.current = resolve;
      setShown({ open: true, kind, where });
    });
  const answer = (choice: OverwriteChoice) => {
    setShown((current) => ({ ...current, open: false }));
    pending.current?.(choice);
    pending.current = null;
  };
  return {
    ...shown,
    ask: (address) => ask("occupied", address),
    askProtected: async (sheetName) => ((await ask("protected", sheetName)) === "newSheet" ? "newSheet" : "cancel"),
    answer,
  };
}
