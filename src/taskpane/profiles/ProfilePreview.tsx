import { localeOf } from "../../engine";
import { Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { DisplayDateForm } from "../../engine";
import type { GradeSummary, Lang } from "../../engine/types";
import { displayText } from "./DateField";
import { pt } from "./i18n";
import { changeText, compareGradeCounts } from "./previewComparison";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  table: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed" },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "end",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  first: { textAlign: "start" },
});

export type PreviewState =
  | { status: "idle" }
  | { status: "running"; last?: PreviewResult }
  | { status: "done"; result: PreviewResult }
  | { status: "failed"; message: string };

export interface PreviewResult {
  /** The edited profile over the data. */
  summary: GradeSummary;
  /** The profile as it was opened (stored, or the built-in copied), over the same data; absent for a new one. */
  before?: GradeSummary;
  /** That profile's name, for the caption. */
  beforeName?: string;
}

export interface ProfilePreviewProps {
  lang: Lang;
  state: PreviewState;
  dateForm: DisplayDateForm;
}

/**
 * How the selected data grades with the profile as edited, next to how it graded with the profile as opened: counts
 * per grade before and after, and the change, so the effect of an edit is seen before it is saved.
 */
export function ProfilePreview({ lang, state, dateForm }: ProfilePreviewProps) {
  const styles = useStyles();
  const result = state.status === "done" ? state.result : state.status === "running" ? state.last : undefined;
  const number = new Intl.NumberFormat(localeOf(lang));
  const count = (n: number | undefined) => (n === undefined ? "–" : number.format(n));
  return (
    <section className={styles.section} aria-labelledby="profile-preview-heading" data-testid="profile-preview">
      <Text as="h3" id="profile-preview-heading" weight="semibold">
        {pt(lang, "previewHeading")}
      </Text>
      {state.status === "idle" && <Text size={200}>{pt(lang, "previewIdle")}</Text>}
      {state.status === "running" && <Spinner size="tiny" label={pt(lang, "previewRunning")} />}
      {state.status === "failed" && (
        <Text className={styles.error} data-testid="preview-error">
          {state.message}
        </Text>
      )}
      {result && (
        <>
          <Text data-testid="preview-graded">
            {pt(lang, "previewGraded", {
              graded: number.format(result.summary.graded),
              rows: number.format(result.summary.rows),
            })}{" "}
            · {pt(lang, "previewAsOf", { date: displayText(result.summary.asOf, dateForm) })}
          </Text>
          <Text size={200} data-testid="preview-baseline">
            {result.before && result.beforeName !== undefined
              ? pt(lang, "previewBaseline", { name: result.beforeName })
              : pt(lang, "previewNoBaseline")}
          </Text>
          <table className={styles.table} data-testid="preview-grades">
            <thead>
              <tr>
                <th className={mergeClasses(styles.cell, styles.first)} scope="col">
                  {pt(lang, "previewGradeColumn")}
                </th>
                <th className={styles.cell} scope="col">
                  {pt(lang, "previewBefore")}
                </th>
                <th className={styles.cell} scope="col">
                  {pt(lang, "previewAfter")}
                </th>
                <th className={styles.cell} scope="col">
                  {pt(lang, "previewChange")}
                </th>
              </tr>
            </thead>
            <tbody>
              {compareGradeCounts(result.summary, result.before).map((row) => {
                const change = changeText(row);
                return (
                  <tr key={row.grade ?? "\u0000"} data-testid={`preview-row-${row.grade ?? "not-graded"}`}>
                    <th className={mergeClasses(styles.cell, styles.first)} scope="row" title={row.grade ?? undefined}>
                      {row.grade ?? pt(lang, "previewNotGraded")}
                    </th>
                    <td className={styles.cell}>{count(row.before)}</td>
                    <td className={styles.cell}>{count(row.after)}</td>
                    <td className={styles.cell}>{change}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
