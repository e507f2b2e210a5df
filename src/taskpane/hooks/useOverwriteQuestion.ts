import { useRef, useState } from "react";
import type { OverwriteChoice } from "../gradingFlow";

export interface OverwriteQuestion {
  open: boolean;
  /** Where the output would go (kept while the dialog closes, so its text does not change as it fades). */
  address: string;
  /** Asks, and resolves with the user's answer (the grading flow waits for it). */
  ask(address: string): Promise<OverwriteChoice>;
  answer(choice: OverwriteChoice): void;
}

/** The question asked before writing over cells that hold someone else's data, as a promise the flow awaits. */
export function useOverwriteQuestion(): OverwriteQuestion {
  const [shown, setShown] = useState({ open: false, address: "" });
  const pending = useRef<((choice: OverwriteChoice) => void) | null>(null);
  const ask = (address: string) =>
    new Promise<OverwriteChoice>((resolve) => {
      pending.current = resolve;
      setShown({ open: true, address });
    });
  const answer = (choice: OverwriteChoice) => {
    setShown((current) => ({ ...current, open: false }));
    pending.current?.(choice);
    pending.current = null;
  };
  return { ...shown, ask, answer };
}
