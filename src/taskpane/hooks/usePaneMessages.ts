import { useState } from "react";

/**
 * The pane's two message bars: an error (something failed) and a notice (what just happened, or what to check).
 * A message that answers the user's action (Grade, Try sample, Select…) is *told*: it comes into view, takes the
 * focus and is read out; one that comes from following the selection is only shown.
 */
export interface PaneMessages {
  error: string | null;
  notice: string | null;
  /** Which bar takes the focus, and a count that changes each time one is told (so telling twice still moves focus). */
  attention: { bar: "error" | "notice"; count: number } | null;
  setError(message: string | null): void;
  setNotice(message: string | null): void;
  tellError(message: string): void;
  tellNotice(message: string): void;
}

export function usePaneMessages(): PaneMessages {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [attention, setAttention] = useState<PaneMessages["attention"]>(null);
  const tell = (bar: "error" | "notice") => setAttention((a) => ({ bar, count: (a?.count ?? 0) + 1 }));
  return {
    error,
    notice,
    attention,
    setError,
    setNotice,
    tellError: (message) => {
      setError(message);
      tell("error");
    },
    tellNotice: (message) => {
      setNotice(message);
      tell("notice");
    },
  };
}
