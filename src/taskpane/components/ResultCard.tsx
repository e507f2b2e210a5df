import { punctuation } from "../../engine";
import { forwardRef } from "react";
import type { ReactNode } from "react";
import {
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { countText, displayDateForm, formatDisplayDate, parseDateText, profileName } from "../../engine";
import type { DataPastAnalysisDate, DisplayDateForm, Lang } from "../../engine";
import { gradeFill } from "../../excel";
import { describeError } from "../describeError";
import { carriedHeaders } from "../outputCells";
import type { GradeBreakdownRow } from "../gradeBreakdown";
import type { GradeDone } from "../gradingFlow";
import type { NotGradedGroup } from "../notGradedGroups";
import { daysText, htmlLang, t } from "../i18n";
import { formatCount } from "./SourceSection";

const useStyles = makeStyles({
  // scrollMarginTop: brought into view with a gap above it, not flush against the pane's top edge.
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    scrollMarginTop: tokens.spacingVerticalM,
  },
  heading: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  bar: {
    display: "flex",
    height: "12px",
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  // Three columns that fit the narrowest pane: the grade (its name wraps), customers and amount, each figure with
  // its share under it. Figures never wrap; headings wrap only between words.
  table: { borderCollapse: "collapse", width: "100%", fontVariantNumeric: "tabular-nums" },
  th: {
    textAlign: "end",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    padding: "0 4px 2px",
    wordBreak: "keep-all",
    overflowWrap: "normal",
  },
  thStart: { textAlign: "start" },
  gradeCell: {
    textAlign: "start",
    verticalAlign: "top",
    padding: "4px",
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: "anywhere",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  figure: {
    textAlign: "end",
    verticalAlign: "top",
    padding: "4px",
    whiteSpace: "nowrap",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  share: {
    display: "block",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    borderRadius: "2px",
    marginInlineEnd: "6px",
    verticalAlign: "baseline",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  links: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  groups: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export interface ResultCardProps {
  lang: Lang;
  result: GradeDone;
  breakdown: GradeBreakdownRow[];
  /** The analysis-date warning of this run, if it had one. */
  asOfWarning: string | null;
  /** The data ran past the analysis date of this run (engine's dataPastAnalysisDate), if it did. */
  dataPast?: DataPastAnalysisDate | null;
  /** How dates are shown (Office's display language); the usual form of `lang` when absent. */
  dateForm?: DisplayDateForm;
  /** A line under the distribution, e.g. how many customers moved up or down since the previous grading. */
  movement?: ReactNode;
  onSelectResults(): void;
  onOpenSummary(): void;
  onSelectRows(sheetName: string, rows: number[]): void;
}

/** What the data running past the analysis date left out, in words. */
export function dataPastText(past: DataPastAnalysisDate, lang: Lang, form: DisplayDateForm): string {
  const date = (text: string) => {
    const day = parseDateText(text);
    return day === null ? text : formatDisplayDate(day, form);
  };
  const values = { latest: date(past.latest), asOf: date(past.asOf), days: daysText(past.days, lang) };
  if (past.salesLeftOut !== undefined) {
    return t(lang, "resultPastSales", {
      ...values,
      sales: countText(past.salesLeftOut, lang, "sales"),
      customers: countText(past.customersNotGraded ?? 0, lang, "customers"),
    });
  }
  return t(lang, "resultPastRows", {
    ...values,
    rows: countText(past.rowsNotGraded ?? 0, lang, "customers"),
    total: formatCount(past.rows ?? 0, lang),
  });
}

/**
 * The result a finance user acts on: what produced it (profile, analysis date, formulas), how many were graded, the
 * distribution, where the results are, what was left out.
 */
export const ResultCard = forwardRef<HTMLHeadingElement, ResultCardProps>(function ResultCard(props, headingRef) {
  const { lang, result, breakdown, asOfWarning, dataPast, movement, onSelectResults, onOpenSummary, onSelectRows } =
    props;
  const form = props.dateForm ?? displayDateForm(htmlLang(lang));
  const styles = useStyles();
  const { summary } = result;
  const graded = summary.graded;
  const asOfDay = parseDateText(summary.asOf);
  const carried = carriedHeaders(result.result);
  return (
    <Card className={styles.card} data-testid="result" role="region" aria-labelledby="result-heading">
      <Text
        as="h2"
        id="result-heading"
        ref={headingRef}
        tabIndex={-1}
        className={styles.heading}
        weight="semibold"
        size={400}
      >
        {t(lang, "resultHeading")}
      </Text>
      <Text size={200} className={styles.muted} data-testid="result-basis">
        {t(lang, "resultBasis", {
          profile: profileName(result.result.profile, lang),
          date: asOfDay === null ? summary.asOf : formatDisplayDate(asOfDay, form),
        })}
      </Text>
      {result.live && (
        <Text size={200} className={styles.muted} data-testid="result-live">
          {t(lang, "resultLive", { sheet: result.live.parametersSheet })}
        </Text>
      )}
      <Text data-testid="graded-count">
        {t(lang, "resultGraded", { graded: formatCount(graded, lang), rows: formatCount(summary.rows, lang) })}
        {summary.notGraded > 0 && ` · ${t(lang, "resultNotGraded", { count: formatCount(summary.notGraded, lang) })}`}
        {/* Blank rows are neither graded nor "not graded" (RULES.md §8): counted here so the figures add up. */}
        {(summary.blankRows ?? 0) > 0 &&
          ` · ${t(lang, summary.blankRows === 1 ? "resultBlankRow" : "resultBlankRows", { count: formatCount(summary.blankRows ?? 0, lang) })}`}
      </Text>
      {dataPast ? (
        <MessageBar intent="warning" layout="multiline" data-testid="result-data-past">
          <MessageBarBody>{dataPastText(dataPast, lang, form)}</MessageBarBody>
        </MessageBar>
      ) : (
        asOfWarning !== null && (
          <MessageBar intent="warning" layout="multiline" data-testid="result-as-of-warning">
            <MessageBarBody>{asOfWarning}</MessageBarBody>
          </MessageBar>
        )
      )}
      {result.summarySheet === null && (
        <MessageBar intent="warning" layout="multiline" data-testid="summary-failed">
          <MessageBarBody>
            {t(lang, "summaryFailed", { reason: describeError(result.summaryFailure, lang) })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar} aria-hidden="true" data-testid="distribution-bar">
        {graded > 0 &&
          breakdown.map((row, i) =>
            row.customers > 0 ? (
              <div
                key={row.grade}
                style={{ width: `${(100 * row.customers) / graded}%`, backgroundColor: gradeFill(i) }}
                title={row.grade}
              />
            ) : null,
          )}
      </div>
      <table className={styles.table} data-testid="grade-table">
        <caption className={styles.hidden}>{t(lang, "distribution")}</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.th, styles.thStart)}>
              {t(lang, "colGrade")}
            </th>
            <th scope="col" className={styles.th}>
              {t(lang, "colCustomers")}
              <span className={styles.share}>{t(lang, "colShare")}</span>
            </th>
            <th scope="col" className={styles.th}>
              {t(lang, "colAmountYuan")}
              <span className={styles.share}>{t(lang, "colAmountShare")}</span>
            </th>
          </tr>
        </thead>
        <tbody data-testid="grade-counts">
          {breakdown.map((row, i) => (
            <tr key={row.grade} data-testid={`grade-row-${row.grade}`}>
              <th scope="row" className={styles.gradeCell}>
                <span className={styles.swatch} style={{ backgroundColor: gradeFill(i) }} aria-hidden="true" />
                {row.grade}
              </th>
              <td className={styles.figure}>
                <span data-testid="grade-customers">{formatCount(row.customers, lang)}</span>
                <span className={styles.share} data-testid="grade-customer-share">
                  {row.customerShare}
                </span>
              </td>
              <td className={styles.figure}>
                <span data-testid="grade-amount" title={row.amountExact}>
                  {row.amount}
                </span>
                <span className={styles.share} data-testid="grade-amount-share">
                  {row.amountShare}
                </span>
              </td>
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
      {carried.length > 0 && (
        <Text size={200} className={styles.muted} data-testid="result-carried">
          {t(lang, "resultCarried", { columns: carried.join(punctuation(lang).listSeparator) })}
        </Text>
      )}
      {result.notGradedGroups.length > 0 && (
        <NotGraded lang={lang} groups={result.notGradedGroups} onSelectRows={onSelectRows} />
      )}
      {summary.sales && summary.sales.outsideWindow > 0 && (
        <Text size={200} className={styles.muted}>
          {t(lang, "salesOutsideWindow", { count: formatCount(summary.sales.outsideWindow, lang) })}
        </Text>
      )}
    </Card>
  );
});

function NotGraded({
  lang,
  groups,
  onSelectRows,
}: {
  lang: Lang;
  groups: NotGradedGroup[];
  onSelectRows(sheetName: string, rows: number[]): void;
}) {
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
