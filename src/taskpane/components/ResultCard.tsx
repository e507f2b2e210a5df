import { forwardRef } from "react";
import type { ReactNode } from "react";
import { Card, Link, MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { gradeFill } from "../../excel";
import { describeError } from "../describeError";
import type { GradeBreakdownRow } from "../gradeBreakdown";
import type { GradeDone } from "../gradingFlow";
import type { NotGradedGroup } from "../notGradedGroups";
import { t } from "../i18n";
import { formatCount } from "./SourceSection";

const useStyles = makeStyles({
  // scrollMarginTop: brought into view with a gap above it, not flush against the pane's top edge.
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, scrollMarginTop: tokens.spacingVerticalM },
  heading: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  bar: { display: "flex", height: "12px", borderRadius: tokens.borderRadiusMedium, overflow: "hidden", backgroundColor: tokens.colorNeutralBackground3 },
  table: { borderCollapse: "collapse", width: "100%", fontVariantNumeric: "tabular-nums" },
  // Column headings wrap (at 320 px "Amount (10k yuan)" takes two lines); the figures never do.
  th: {
    textAlign: "end",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
    padding: "0 4px",
  },
  // The grade column's heading: a heading like the others, aligned with the grade letters below it.
  thStart: { textAlign: "start" },
  td: { textAlign: "end", padding: "2px 4px", whiteSpace: "nowrap" },
  tdGrade: { textAlign: "start", padding: "2px 4px", whiteSpace: "nowrap" },
  swatch: { display: "inline-block", width: "10px", height: "10px", borderRadius: "2px", marginInlineEnd: "6px", border: `1px solid ${tokens.colorNeutralStroke1}` },
  links: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  groups: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface ResultCardProps {
  lang: Lang;
  result: GradeDone;
  breakdown: GradeBreakdownRow[];
  /** The analysis-date warning of this run, if it had one. */
  asOfWarning: string | null;
  /** A line under the distribution, e.g. how many customers moved up or down since the previous grading. */
  movement?: ReactNode;
  onSelectResults(): void;
  onOpenSummary(): void;
  onSelectRows(sheetName: string, rows: number[]): void;
}

/** The result a finance user acts on: how many were graded, the distribution, where the results are, what was left out. */
export const ResultCard = forwardRef<HTMLHeadingElement, ResultCardProps>(function ResultCard(props, headingRef) {
  const { lang, result, breakdown, asOfWarning, movement, onSelectResults, onOpenSummary, onSelectRows } = props;
  const styles = useStyles();
  const { summary } = result;
  const graded = summary.graded;
  const unit = summary.unit;
  return (
    <Card className={styles.card} data-testid="result" role="region" aria-labelledby="result-heading">
      <Text as="h2" id="result-heading" ref={headingRef} tabIndex={-1} className={styles.heading} weight="semibold" size={400}>
        {t(lang, "resultHeading")}
      </Text>
      <Text data-testid="graded-count">
        {t(lang, "resultGraded", { graded: formatCount(graded, lang), rows: formatCount(summary.rows, lang) })}
        {summary.notGraded > 0 && ` · ${t(lang, "resultNotGraded", { count: formatCount(summary.notGraded, lang) })}`}
        {/* Blank rows are neither graded nor "not graded" (spec §5): counted here so the figures add up. */}
        {(summary.blankRows ?? 0) > 0 &&
          ` · ${t(lang, summary.blankRows === 1 ? "resultBlankRow" : "resultBlankRows", { count: formatCount(summary.blankRows ?? 0, lang) })}`}
      </Text>
      {asOfWarning !== null && (
        <MessageBar intent="warning" layout="multiline" data-testid="result-as-of-warning">
          <MessageBarBody>{asOfWarning}</MessageBarBody>
        </MessageBar>
      )}
      {result.summarySheet === null && (
        <MessageBar intent="warning" layout="multiline" data-testid="summary-failed">
          <MessageBarBody>{t(lang, "summaryFailed", { reason: describeError(result.summaryFailure, lang) })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar} aria-hidden="true" data-testid="distribution-bar">
        {graded > 0 &&
          breakdown.map((row, i) =>
            row.customers > 0 ? (
              <div key={row.grade} style={{ width: `${(100 * row.customers) / graded}%`, backgroundColor: gradeFill(i) }} title={row.grade} />
            ) : null,
          )}
      </div>
      <table className={styles.table} data-testid="grade-table">
        <caption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>{t(lang, "distribution")}</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.th, styles.thStart)}>{t(lang, "colGrade")}</th>
            <th scope="col" className={styles.th}>{t(lang, "colCustomers")}</th>
            <th scope="col" className={styles.th}>{t(lang, "colShare")}</th>
            <th scope="col" className={styles.th}>{t(lang, unit === "wan" ? "colAmountWan" : "colAmountYuan")}</th>
            <th scope="col" className={styles.th}>{t(lang, "colAmountShare")}</th>
          </tr>
        </thead>
        <tbody data-testid="grade-counts">
          {breakdown.map((row, i) => (
            <tr key={row.grade} data-testid={`grade-row-${row.grade}`}>
              <th scope="row" className={styles.tdGrade} style={{ fontWeight: "normal" }}>
                <span className={styles.swatch} style={{ backgroundColor: gradeFill(i) }} aria-hidden="true" />
                {row.grade}
              </th>
              <td className={styles.td}>{formatCount(row.customers, lang)}</td>
              <td className={styles.td}>{row.customerShare}</td>
              <td className={styles.td}>{row.amount}</td>
              <td className={styles.td}>{row.amountShare}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Slot: a line on movement since the previous grading ("12 moved down, 5 moved up") goes here. */}
      {movement}
      <div className={styles.links}>
        <Link as="button" data-testid="select-results" onClick={onSelectResults}>
          {t(lang, "selectResults")}
        </Link>
        {result.summarySheet !== null && (
          <Link as="button" data-testid="open-summary" onClick={onOpenSummary}>
            {t(lang, "openSummary")}
          </Link>
        )}
      </div>
      <Text size={200} className={styles.muted} data-testid="written">
        {t(lang, "resultWritten", { address: result.written.address })}
      </Text>
      {result.notGradedGroups.length > 0 && <NotGraded lang={lang} groups={result.notGradedGroups} onSelectRows={onSelectRows} />}
      {summary.sales && summary.sales.outsideWindow > 0 && (
        <Text size={200} className={styles.muted}>
          {t(lang, "salesOutsideWindow", { count: formatCount(summary.sales.outsideWindow, lang) })}
        </Text>
      )}
    </Card>
  );
});

function NotGraded({ lang, groups, onSelectRows }: { lang: Lang; groups: NotGradedGroup[]; onSelectRows(sheetName: string, rows: number[]): void }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="not-graded-heading" data-testid="not-graded">
      <Text as="h3" id="not-graded-heading" weight="semibold" size={300}>
        {t(lang, "notGradedHeading")}
      </Text>
      <ul className={styles.groups}>
        {groups.map((group, i) => (
          <li key={`${group.code}-${i}`} data-testid="not-graded-group">
            <Text className={styles.muted} data-testid="not-graded-reason">
              {t(lang, "notGradedGroup", { reason: group.reason, count: formatCount(group.count, lang) })}
            </Text>{" "}
            <Link
              as="button"
              data-testid={i === 0 ? "select-not-graded" : undefined}
              aria-label={`${t(lang, "selectGroup")}: ${group.reason}`}
              onClick={() => onSelectRows(group.sheetName, group.rows)}
            >
              {t(lang, "selectGroup")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
