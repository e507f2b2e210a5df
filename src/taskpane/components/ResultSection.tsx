import { Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import type { GradeDone } from "../gradingFlow";
import { describeError } from "../describeError";
import { t } from "../i18n";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  counts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ResultSectionProps {
  lang: Lang;
  result: GradeDone;
  onSelectRows(sheetName: string, rows: number[]): void;
}

/** The short account after a run: where it went, counts per grade, what was left out. */
export function ResultSection({ lang, result, onSelectRows }: ResultSectionProps) {
  const styles = useStyles();
  const { summary } = result;
  return (
    <section aria-labelledby="result-heading" className={styles.stack} data-testid="result">
      <Text as="h2" id="result-heading" weight="semibold" size={400}>
        {t(lang, "resultHeading")}
      </Text>
      <Text data-testid="written">{t(lang, "resultWritten", { address: result.written.address })}</Text>
      {result.summarySheet !== null ? (
        <Text>{t(lang, "resultSummarySheet", { sheet: result.summarySheet })}</Text>
      ) : (
        <MessageBar intent="warning" data-testid="summary-failed">
          <MessageBarBody>{t(lang, "summaryFailed", { reason: describeError(result.summaryFailure, lang) })}</MessageBarBody>
        </MessageBar>
      )}
      <Text data-testid="graded-count">{t(lang, "customersGraded", { graded: summary.graded, rows: summary.rows })}</Text>
      <ul className={styles.counts} data-testid="grade-counts">
        {summary.gradeCounts.map(({ grade, count }) => (
          <li key={grade}>{t(lang, "gradeCount", { grade, count })}</li>
        ))}
      </ul>
      {result.notGradedRows.length > 0 && (
        <Text data-testid="not-graded">
          {t(lang, "notGradedRows", { count: result.notGradedRows.length })}{" "}
          <Link data-testid="select-not-graded" onClick={() => onSelectRows(result.sourceSheet, result.notGradedRows)}>
            {t(lang, "selectNotGraded")}
          </Link>
        </Text>
      )}
      {summary.sales && summary.sales.skipped > 0 && (
        <Text data-testid="sales-skipped">
          {t(lang, "salesSkipped", { count: summary.sales.skipped })}{" "}
          {result.skippedSaleRows.length > 0 && (
            <Link onClick={() => onSelectRows(result.sourceSheet, result.skippedSaleRows)}>{t(lang, "selectSkippedSales")}</Link>
          )}
        </Text>
      )}
      {summary.sales && summary.sales.outsideWindow > 0 && (
        <Text>{t(lang, "salesOutsideWindow", { count: summary.sales.outsideWindow })}</Text>
      )}
    </section>
  );
}
