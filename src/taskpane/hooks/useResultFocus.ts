import { punctuation } from "../../engine";
import { useEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import type { Lang } from "../../engine";
import { formatCount } from "../components/SourceSection";
import { t } from "../i18n";
import type { GradeRunResult } from "./useGradeRun";

export interface ResultFocus {
  /** The result card's heading, which takes the focus. */
  headingRef: RefObject<HTMLHeadingElement>;
  /** The text of the polite live region: the result in words, empty while there is none. */
  announcement: string;
}

/** The result comes into view, takes focus and is announced once it is on screen. */
export function useResultFocus(result: GradeRunResult | null, lang: Lang): ResultFocus {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The words are kept with the result they tell, so a new run silences the region at once.
  const [spoken, setSpoken] = useState<{ of: GradeRunResult | null; text: string }>({ of: null, text: "" });
  useEffect(() => {
    if (!result) return;
    const heading = headingRef.current;
    // The whole card comes into view (its top edge included), then its heading takes the focus without scrolling again.
    (heading?.closest("[data-testid=result]") ?? heading)?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
    const { summary } = result.done;
    const counts = summary.gradeCounts
      .map(({ grade, count }) => `${grade} ${formatCount(count, lang)}`)
      .join(punctuation(lang).comma);
    // A polite live region that is always in the page (a region added together with its text is often not read).
    setSpoken({
      of: result,
      text: t(lang, "resultAnnounce", {
        graded: formatCount(summary.graded, lang),
        rows: formatCount(summary.rows, lang),
        counts,
      }),
    });
  }, [result, lang]);
  return { headingRef, announcement: result !== null && spoken.of === result ? spoken.text : "" };
}
