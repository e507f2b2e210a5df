/** A grading run: its progress, Cancel, and the result it leaves (or the error it ends with). */
import { useRef, useState } from "react";
import type { Lang } from "../../engine";
import { describeError } from "../describeError";
import type { GradeDone, GradeRequest, GradingFlow, OverwriteChoice, Progress } from "../gradingFlow";
import { t } from "../i18n";
import type { PaneMessages } from "./usePaneMessages";

/** A finished run as the result card shows it. */
export interface GradeRunResult {
  done: GradeDone;
  /** The analysis-date warning of this run, if it had one. */
  asOfWarning: string | null;
}

export interface GradeRun {
  /** The run's progress; null when no run is going. */
  progress: Progress | null;
  cancelling: boolean;
  result: GradeRunResult | null;
  start(request: GradeRequest, asOfWarning: string | null): Promise<void>;
  cancel(): void;
}

export function useGradeRun(
  flow: GradingFlow,
  lang: Lang,
  messages: Pick<PaneMessages, "setError" | "setNotice">,
  askOverwrite: (address: string) => Promise<OverwriteChoice>,
): GradeRun {
  const { setError, setNotice } = messages;
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [result, setResult] = useState<GradeRunResult | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async (request: GradeRequest, asOfWarning: string | null) => {
    const controller = new AbortController();
    abort.current = controller;
    setResult(null);
    setCancelling(false);
    setProgress({ phase: "reading", done: 0, total: request.source.rowCount });
    try {
      const outcome = await flow.grade(request, { signal: controller.signal, onProgress: setProgress, askOverwrite });
      if (outcome.status === "done") setResult({ done: outcome, asOfWarning });
      else setNotice(t(lang, "cancelled"));
    } catch (err) {
      setError(describeError(err, lang));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const cancel = () => {
    setCancelling(true);
    abort.current?.abort();
  };

  return { progress, cancelling, result, start, cancel };
}
