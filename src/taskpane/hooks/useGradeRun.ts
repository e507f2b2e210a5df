/** A grading run: its progress, Cancel, and the result it leaves (or the error it ends with). */
import { useRef, useState } from "react";
import type { AnalysisDateChoice, Lang } from "../../engine";
import { describeError } from "../describeError";
import type { GradeDone, GradeRequest, GradingFlow, OverwriteChoice, Progress } from "../gradingFlow";
import { t } from "../i18n";
import type { PaneMessages } from "./usePaneMessages";

/** A finished run as the result card shows it. */
export interface GradeRunResult {
  done: GradeDone;
  /** The analysis-date warning of this run, if it had one. */
  asOfWarning: string | null;
  /** Whose analysis date the run used: the profile's fixed one, or one the user chose (typed or accepted). */
  asOfChosenBy: AnalysisDateChoice;
}

export interface GradeRun {
  /** The run's progress; null when no run is going. */
  progress: Progress | null;
  cancelling: boolean;
  result: GradeRunResult | null;
  start(request: GradeRequest, facts: Omit<GradeRunResult, "done">): Promise<void>;
  cancel(): void;
}

export function useGradeRun(
  flow: GradingFlow,
  lang: Lang,
  messages: Pick<PaneMessages, "tellError" | "tellNotice">,
  questions: {
    askOverwrite(address: string): Promise<OverwriteChoice>;
    askProtected(sheetName: string): Promise<"newSheet" | "cancel">;
  },
): GradeRun {
  const { tellError, tellNotice } = messages;
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [result, setResult] = useState<GradeRunResult | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async (request: GradeRequest, facts: Omit<GradeRunResult, "done">) => {
    const controller = new AbortController();
    abort.current = controller;
    setResult(null);
    setCancelling(false);
    setProgress({ phase: "reading", done: 0, total: request.source.rowCount });
    try {
      const outcome = await flow.grade(request, {
        signal: controller.signal,
        onProgress: setProgress,
        askOverwrite: questions.askOverwrite,
        askProtected: questions.askProtected,
      });
      if (outcome.status === "done") setResult({ done: outcome, ...facts });
      else tellNotice(t(lang, "cancelled"));
    } catch (err) {
      // Told, not only shown: the user may have scrolled down to the options, far from the message bar.
      tellError(describeError(err, lang));
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
