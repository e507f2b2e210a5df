import { useState } from "react";

/** The pane's two message bars: an error (something failed) and a notice (what just happened, or what to check). */
export interface PaneMessages {
  error: string | null;
  notice: string | null;
  setError(message: string | null): void;
  setNotice(message: string | null): void;
}

export function usePaneMessages(): PaneMessages {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return { error, notice, setError, setNotice };
}
