import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { GradeSummary, Lang } from "../../engine/types";
import { pt } from "./i18n";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export type PreviewState =
  | { status: "idle" }
  | { status: "running"; last?: GradeSummary }
  | { status: "done"; summary: GradeSummary }
  | { status: "failed"; message: string };

export interface ProfilePreviewProps {
  lang: Lang;
  state: PreviewState;
  /** false while the form has problems: there is no profile to preview. */
  valid: boolean;
  onRun(): void;
}

/** How the selected data would grade with the profile as it stands: grade counts, graded of all rows. */
export function ProfilePreview({ lang, state, valid, onRun }: ProfilePreviewProps) {
  const styles = useStyles();
  const summary = state.status === "done" ? state.summary : state.status === "running" ? state.last : undefined;
  return (
    <section className={styles.section} aria-labelledby="profile-preview-heading" data-testid="profile-preview">
      <Text as="h3" id="profile-preview-heading" weight="semibold">
        {pt(lang, "previewHeading")}
      </Text>
      {!valid && <Text size={200}>{pt(lang, "previewInvalid")}</Text>}
      <Button data-testid="preview-run" disabled={!valid || state.status === "running"} onClick={onRun}>
        {pt(lang, "previewRun")}
      </Button>
      {state.status === "running" && <Spinner size="tiny" label={pt(lang, "previewRunning")} />}
      {state.status === "failed" && (
        <Text className={styles.error} data-testid="preview-error">
          {state.message}
        </Text>
      )}
      {summary && valid && (
        <>
          <Text data-testid="preview-graded">
            {pt(lang, "previewGraded", { graded: summary.graded, rows: summary.rows })} · {pt(lang, "previewAsOf", { date: summary.asOf })}
          </Text>
          <ul className={styles.list} data-testid="preview-grades">
            {summary.gradeCounts.map(({ grade, count }) => (
              <li key={grade}>{pt(lang, "previewGrade", { grade, count })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
