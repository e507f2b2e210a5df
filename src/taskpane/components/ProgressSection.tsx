import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import type { Progress } from "../gradingFlow";
import { t } from "../i18n";
import { formatCount } from "./SourceSection";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, minWidth: 0 },
  bar: { flexGrow: 1, minWidth: 0 },
});

export interface ProgressSectionProps {
  lang: Lang;
  progress: Progress;
  cancelling: boolean;
  onCancel(): void;
}

// Reading is roughly the first half of the work, writing the results most of the second; the bar is full only when
// the summary sheet is written too (the run is over then).
export function fraction({ phase, done, total }: Progress): number {
  const part = total > 0 ? Math.min(1, done / total) : 0;
  if (phase === "reading") return part * 0.45;
  if (phase === "grading") return 0.5;
  return phase === "writing" ? 0.5 + part * 0.4 : 0.95;
}

/** "Reading rows… 12,000 of 30,000": counts with the thousands separators of the pane's language. */
export function progressLabel(lang: Lang, { phase, done, total }: Progress): string {
  if (phase === "grading") return t(lang, "progressGrading");
  if (phase === "summary") return t(lang, "progressSummary");
  return t(lang, phase === "reading" ? "progressReading" : "progressWriting", {
    done: formatCount(done, lang),
    total: formatCount(total, lang),
  });
}

export function ProgressSection({ lang, progress, cancelling, onCancel }: ProgressSectionProps) {
  const styles = useStyles();
  return (
    <div className={styles.row} data-testid="progress">
      <Field className={styles.bar} validationMessage={progressLabel(lang, progress)} validationState="none">
        <ProgressBar value={fraction(progress)} aria-label={progressLabel(lang, progress)} />
      </Field>
      <Button data-testid="cancel" disabled={cancelling} onClick={onCancel}>
        {t(lang, "cancel")}
      </Button>
    </div>
  );
}
