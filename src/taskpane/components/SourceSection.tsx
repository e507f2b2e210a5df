import { localeOf } from "../../engine";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { NotATable } from "../../engine";
import type { Lang } from "../../engine/types";
import type { Inspection } from "../gradingFlow";
import { t } from "../i18n";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  row: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  guidance: { marginBlock: tokens.spacingVerticalS },
});

/** Why there is no range to show: the user has not selected data yet (guidance), or something failed (an error). */
export type SourceProblem = { kind: "empty" | "multiple"; message: string } | null;

export interface SourceSectionProps {
  lang: Lang;
  inspection: Inspection | null;
  loading: boolean;
  disabled: boolean;
  problem: SourceProblem;
  /** The selection read is not a table to grade (a stray cell, one row, one column): what to select instead. */
  notTable?: NotATable | null;
  onRefresh(): void;
  onTrySample(): void;
}

/** Which range will be read and how it was understood; or, with nothing usable selected, what to do. */
export function SourceSection({
  lang,
  inspection,
  loading,
  disabled,
  problem,
  notTable,
  onRefresh,
  onTrySample,
}: SourceSectionProps) {
  const styles = useStyles();
  const source = inspection?.source;
  const kind = inspection?.detection.kind;
  const isTable = !notTable || notTable === "headerOnly" || notTable === "empty";
  return (
    <section aria-labelledby="source-heading">
      <div className={styles.row}>
        <Text as="h2" id="source-heading" weight="semibold" size={400}>
          {t(lang, "sourceHeading")}
        </Text>
        <Button
          size="small"
          appearance="subtle"
          onClick={onRefresh}
          disabled={disabled || loading}
          data-testid="refresh"
        >
          {t(lang, "refreshSelection")}
        </Button>
      </div>
      {loading && !source && <Spinner size="tiny" label={t(lang, "reading")} />}
      {problem && !loading && (
        // Nothing usable selected is the normal first state, not a failure: guidance in the neutral colour.
        <MessageBar intent="info" layout="multiline" data-testid="empty-state">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, problem.kind === "multiple" ? "multipleTitle" : "emptyTitle")}</MessageBarTitle>
            {problem.kind === "multiple" ? problem.message : t(lang, "emptyBody")}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" data-testid="try-sample" disabled={disabled} onClick={onTrySample}>
              {t(lang, "trySample")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {source && !isTable && (
        // Guidance, not a failure: what was selected cannot be graded, and what to select instead.
        <MessageBar intent="info" layout="multiline" data-testid="not-a-table" className={styles.guidance}>
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "notTableTitle")}</MessageBarTitle>
            {notTable === "oneCell"
              ? t(lang, "notTableOneCell", { cell: String(source.headers[0] ?? "") })
              : t(lang, notTable === "oneRow" ? "notTableOneRow" : "notTableOneColumn")}
          </MessageBarBody>
        </MessageBar>
      )}
      {source && (
        <dl className={styles.facts} data-testid="source-facts" aria-busy={loading}>
          <dt className={styles.term}>{t(lang, "sourceRange")}</dt>
          <dd className={styles.value} data-testid="source-address">
            {source.address}
          </dd>
          {source.tableName !== undefined && (
            <>
              <dt className={styles.term}>{t(lang, "excelTable")}</dt>
              <dd className={styles.value}>{source.tableName}</dd>
            </>
          )}
          {/* What was read as a table; for a selection that is none, only where it is. */}
          {isTable && (
            <>
              <dt className={styles.term}>{t(lang, "headerRow")}</dt>
              <dd className={styles.value} data-testid="header-row">
                {source.headerRow + 1}
              </dd>
              <dt className={styles.term}>{t(lang, "dataRows")}</dt>
              <dd className={styles.value} data-testid="data-rows">
                {formatCount(source.rowCount, lang)}
              </dd>
              <dt className={styles.term}>{t(lang, "inputKind")}</dt>
              <dd className={styles.value} data-testid="input-kind">
                {t(lang, kind === "customers" ? "kindCustomers" : "kindTransactions")}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

/** A whole number with the thousands separators of the pane's language (12,345 in both). */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(n);
}
