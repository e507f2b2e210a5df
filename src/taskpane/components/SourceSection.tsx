import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import type { Inspection } from "../gradingFlow";
import { t } from "../i18n";

const useStyles = makeStyles({
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: "2px", margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface SourceSectionProps {
  lang: Lang;
  inspection: Inspection | null;
  loading: boolean;
  disabled: boolean;
  onRefresh(): void;
}

/** Which range will be read and how it was understood. */
export function SourceSection({ lang, inspection, loading, disabled, onRefresh }: SourceSectionProps) {
  const styles = useStyles();
  const source = inspection?.source;
  const kind = inspection?.detection.kind;
  return (
    <section aria-labelledby="source-heading">
      <div className={styles.row}>
        <Text as="h2" id="source-heading" weight="semibold" size={400}>
          {t(lang, "sourceHeading")}
        </Text>
        <Button size="small" onClick={onRefresh} disabled={disabled || loading} data-testid="refresh">
          {t(lang, "refreshSelection")}
        </Button>
      </div>
      {loading && <Spinner size="tiny" label={t(lang, "reading")} />}
      {source && !loading && (
        <dl className={styles.facts} data-testid="source-facts">
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
          <dt className={styles.term}>{t(lang, "headerRow")}</dt>
          <dd className={styles.value} data-testid="header-row">
            {source.headerRow + 1}
          </dd>
          <dt className={styles.term}>{t(lang, "dataRows")}</dt>
          <dd className={styles.value}>{source.rowCount}</dd>
          <dt className={styles.term}>{t(lang, "inputKind")}</dt>
          <dd className={styles.value} data-testid="input-kind">
            {t(lang, kind === "customers" ? "kindCustomers" : "kindTransactions")}
          </dd>
        </dl>
      )}
    </section>
  );
}
