/**
 * The editor's preview: the selected data graded with the profile as edited, next to the profile as opened. Once
 * asked for, it follows the form (grading again shortly after each valid change); the preview the user asked for is
 * put into words for the live region.
 */
import { punctuation } from "../../engine";
import { localeOf } from "../../engine";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Lang, Profile } from "../../engine";
import { describeError } from "../describeError";
import { gradeWord } from "../i18n";
import { pt } from "./i18n";
import { compareGradeCounts } from "./previewComparison";
import type { PreviewResult, PreviewState } from "./ProfilePreview";
import type { PreviewGrading } from "./selectionPreview";
import type { Baseline } from "./useProfileDraft";

/** Pause after the last keystroke before a followed preview grades again. */
const PREVIEW_DELAY_MS = 600;

export interface ProfilePreviewRun {
  state: PreviewState;
  /** The last preview the user asked for, in words (followed previews are not announced). */
  spoken: string | null;
  /** Grades now and follows the form from then on. */
  show(profile: Profile): void;
  /** Another form was opened: back to idle, not following. */
  reset(): void;
}

export function useProfilePreview(
  preview: PreviewGrading,
  baseline: Baseline | null,
  profile: Profile | null,
  lang: Lang,
): ProfilePreviewRun {
  const [state, setState] = useState<PreviewState>({ status: "idle" });
  const [following, setFollowing] = useState(false);
  const [spoken, setSpoken] = useState<string | null>(null);
  const speakNext = useRef(false);
  const runCount = useRef(0);
  // Only a change of the form grades again: a new `preview` function from the parent is not one.
  const previewFn = useRef(preview);
  previewFn.current = preview;

  const run = useCallback(
    (p: Profile) => {
      const current = ++runCount.current;
      setState((s) => ({ status: "running", last: s.status === "done" ? s.result : undefined }));
      // The profile as opened grades the same data, so the user sees what the edit changes.
      const before = baseline ? previewFn.current(baseline.profile) : Promise.resolve(undefined);
      Promise.all([previewFn.current(p), before]).then(
        ([summary, beforeSummary]) => {
          if (current !== runCount.current) return;
          const result: PreviewResult = { summary, before: beforeSummary, beforeName: baseline?.name };
          setState({ status: "done", result });
          if (speakNext.current) {
            speakNext.current = false;
            const number = new Intl.NumberFormat(localeOf(lang));
            const counts = compareGradeCounts(summary, beforeSummary)
              .filter((row) => row.grade !== null && row.after !== undefined)
              .map((row) => {
                const values = {
                  grade: gradeWord(row.grade ?? "", lang),
                  after: number.format(row.after ?? 0),
                  before: number.format(row.before ?? 0),
                };
                return pt(
                  lang,
                  row.before !== undefined && row.before !== row.after
                    ? "previewAnnounceChanged"
                    : "previewAnnounceGrade",
                  values,
                );
              })
              .join(punctuation(lang).comma);
            setSpoken(
              pt(lang, "previewAnnounce", {
                graded: number.format(summary.graded),
                rows: number.format(summary.rows),
                counts,
              }),
            );
          }
        },
        (err: unknown) =>
          current === runCount.current && setState({ status: "failed", message: describeError(err, lang) }),
      );
    },
    [lang, baseline],
  );

  useEffect(() => {
    if (!following || !profile) return;
    const timer = setTimeout(() => run(profile), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [following, profile, run]);

  return {
    state,
    spoken,
    show: (p) => {
      setFollowing(true);
      speakNext.current = true;
      run(p);
    },
    reset: () => {
      setFollowing(false);
      setState({ status: "idle" });
    },
  };
}
