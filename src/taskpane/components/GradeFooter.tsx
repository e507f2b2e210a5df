import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import type { Progress } from "../gradingFlow";
import { t } from "../i18n";
import { ProgressSection } from "./ProgressSection";

const useStyles = makeStyles({
  footer: {
    flex: "0 0 auto",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  target: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  reason: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  help: { marginLeft: "auto", flexShrink: 0 },
});

/** The help page that ships with the add-in, beside the pane (the manifest's help links open it too). */
function helpPage(lang: Lang): string {
  return t(lang, "helpPage");
}

export interface GradeFooterProps {
  lang: Lang;
  /** What Grade will read, e.g. "Will grade Sales!A1:E6 · 5 rows"; always shown so the user knows before clicking. */
  target: string;
  /** Why Grade is disabled, beside it; null when it can be clicked. */
  reason: string | null;
  progress: Progress | null;
  cancelling: boolean;
  onGrade(): void;
  onCancel(): void;
}

/** The pane's footer: always in sight whatever the pane's height, with the main action or the progress of a run. */
export function GradeFooter({ lang, target, reason, progress, cancelling, onGrade, onCancel }: GradeFooterProps) {
  const styles = useStyles();
  return (
    <footer className={styles.footer} data-testid="footer">
      <Text size={200} className={styles.target} data-testid="grade-target">
        {target}
      </Text>
      {progress ? (
        <ProgressSection lang={lang} progress={progress} cancelling={cancelling} onCancel={onCancel} />
      ) : (
        <div className={styles.row}>
          <Button
            appearance="primary"
            data-testid="grade"
            disabled={reason !== null}
            aria-describedby={reason !== null ? "grade-reason" : undefined}
            onClick={onGrade}
          >
            {t(lang, "grade")}
          </Button>
          {reason !== null && (
            <Text size={200} id="grade-reason" className={styles.reason} data-testid="grade-reason">
              {reason}
            </Text>
          )}
          <Link
            className={styles.help}
            href={helpPage(lang)}
            target="_blank"
            rel="noopener"
            title={t(lang, "helpTitle")}
            data-testid="help-link"
          >
            {t(lang, "help")}
          </Link>
        </div>
      )}
    </footer>
  );
}
