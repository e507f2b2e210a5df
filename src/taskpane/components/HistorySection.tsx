/**
 * "Grade history" for sales records (RULES.md §13): month ends or quarter ends between two months, then one button
 * that writes the history, the transitions and a chart to new sheets. The months default to the twelve up to the
 * analysis date's month (chosen from lists named as the sheets name them, "2025年1月"); the line under them says how
 * many period ends that is and which is the last.
 */
import { useEffect, useState } from "react";
import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatDisplayDate, historyLabels } from "../../engine";
import type { DisplayDateForm, Lang } from "../../engine";
import type { HistoryStep } from "../../engine/gradeHistory";
import { requestedEnds, type MonthText } from "../historyFlow";
import { t } from "../i18n";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  months: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  month: { flex: "1 1 8.5em", minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  run: { alignSelf: "flex-start", maxWidth: "100%" },
});

export interface HistorySectionProps {
  lang: Lang;
  form: DisplayDateForm;
  /** The analysis date's month ("YYYY-MM"): the last month proposed; null while unknown. */
  lastMonth: MonthText | null;
  disabled: boolean;
  onRun(step: HistoryStep, from: MonthText, to: MonthText): Promise<void>;
}

/** Months offered: the ten years up to the analysis date's month, oldest first. */
const MONTHS_OFFERED = 120;

/** "2025-01" as the sheets name the month: "2025-01", "2025年1月". */
function monthLabel(month: MonthText, lang: Lang): string {
  const [y, m] = month.split("-").map(Number);
  return historyLabels(lang).periodLabel("month", y, m, Math.ceil(m / 3));
}

/** The month `count` months before "YYYY-MM". */
function monthsBefore(month: MonthText, count: number): MonthText {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) - count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function HistorySection({ lang, form, lastMonth, disabled, onRun }: HistorySectionProps) {
  const styles = useStyles();
  const [step, setStep] = useState<HistoryStep>("month");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [touched, setTouched] = useState(false);
  const [running, setRunning] = useState(false);
  // Until the user changes a month, the twelve months up to the analysis date's follow that date.
  useEffect(() => {
    if (touched || lastMonth === null) return;
    setTo(lastMonth);
    setFrom(monthsBefore(lastMonth, 11));
  }, [lastMonth, touched]);

  const months =
    lastMonth === null
      ? []
      : Array.from({ length: MONTHS_OFFERED }, (_, k) => monthsBefore(lastMonth, MONTHS_OFFERED - 1 - k));
  const ends = requestedEnds(step, from, to);
  const invalid = from !== "" && to !== "" && ends.length === 0;
  const run = async () => {
    setRunning(true);
    try {
      await onRun(step, from, to);
    } finally {
      setRunning(false);
    }
  };

  /** One end of the range: a list of the data's months, named as the sheets name them. */
  const monthField = (
    label: "historyFrom" | "historyTo",
    value: MonthText,
    testId: string,
    pick: (m: MonthText) => void,
  ) => (
    <Field label={t(lang, label)} className={styles.month}>
      <Select
        className={styles.input}
        value={value}
        disabled={disabled || running || months.length === 0}
        data-testid={testId}
        onChange={(_, d) => {
          setTouched(true);
          pick(d.value);
        }}
      >
        {months.map((m) => (
          <option key={m} value={m}>
            {monthLabel(m, lang)}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <section aria-labelledby="history-heading" className={styles.section} data-testid="history">
      <Text as="h2" id="history-heading" size={400} weight="semibold">
        {t(lang, "historyHeading")}
      </Text>
      <Text size={200}>{t(lang, "historyIntro")}</Text>
      <Field label={t(lang, "historyStep")}>
        <Select
          value={step}
          disabled={disabled || running}
          data-testid="history-step"
          onChange={(_, d) => setStep(d.value === "quarter" ? "quarter" : "month")}
        >
          <option value="month">{t(lang, "historyMonthEnds")}</option>
          <option value="quarter">{t(lang, "historyQuarterEnds")}</option>
        </Select>
      </Field>
      <div className={styles.months}>
        {monthField("historyFrom", from, "history-from", setFrom)}
        {monthField("historyTo", to, "history-to", setTo)}
      </div>
      {ends.length > 0 && (
        <Text size={200} data-testid="history-periods">
          {t(lang, "historyPeriods", { count: ends.length, date: formatDisplayDate(ends[ends.length - 1], form) })}
        </Text>
      )}
      {invalid && (
        <Text
          size={200}
          role="alert"
          style={{ color: tokens.colorPaletteRedForeground1 }}
          data-testid="history-invalid"
        >
          {t(lang, "errorNoPeriods")}
        </Text>
      )}
      <Button
        className={styles.run}
        appearance="secondary"
        disabled={disabled || running || ends.length === 0}
        data-testid="history-run"
        onClick={() => void run()}
        icon={running ? <Spinner size="tiny" /> : undefined}
      >
        {running ? t(lang, "historyRunning") : t(lang, "historyRun")}
      </Button>
    </section>
  );
}
