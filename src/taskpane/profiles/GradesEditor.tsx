import { chineseFirst } from "./chineseFirst";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import {
  addGrade,
  moveGrade,
  removeGrade,
  updateGrade,
  type FieldIssues,
  type PeriodUnit,
  type ProfileDraft,
} from "./editorState";
import { fieldValidation } from "./fieldProps";
import { pt } from "./i18n";
import { GroupMessage } from "./GroupMessage";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  // The grade's name takes the card's whole width ("S 战略核心客户" must be readable while typed); the cut-off below.
  line: { display: "grid", gridTemplateColumns: "minmax(0, 1.4fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  period: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.6fr)", gap: tokens.spacingHorizontalS },
  cell: { minWidth: 0 },
  input: { width: "100%", minWidth: "0" },
  catchAll: { gridColumn: "span 2", alignSelf: "center" },
  tools: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, justifyContent: "flex-end" },
});

export interface GradesEditorProps {
  lang: Lang;
  draft: ProfileDraft;
  issues: FieldIssues;
  disabled: boolean;
  onChange(next: ProfileDraft): void;
  onLeave(...paths: string[]): void;
}

/**
 * The grades, best first: name, cut-off (none for the last, which takes the rest), cadence in both languages and
 * the optional contact period that dates the next contact.
 */
export function GradesEditor({ lang, draft, issues, disabled, onChange, onLeave }: GradesEditorProps) {
  const styles = useStyles();
  const last = draft.grades.length - 1;
  return (
    <section className={styles.section} aria-labelledby="profile-grades-heading">
      <Text as="h3" id="profile-grades-heading" weight="semibold">
        {pt(lang, "gradesHeading")}
      </Text>
      <GroupMessage issues={issues} lang={lang} path="grades" testId="grades-message" />
      {draft.grades.map((g, i) => {
        const path = `grades[${i}]`;
        const change = (c: Parameters<typeof updateGrade>[2]) => onChange(updateGrade(draft, i, c));
        const title = pt(lang, "gradeNumber", { n: i + 1 });
        return (
          <div
            key={g.key}
            className={styles.card}
            role="group"
            aria-labelledby={`grade-${i}-title`}
            data-testid={`grade-${i}`}
          >
            <Text id={`grade-${i}-title`} size={200} weight="semibold">
              {title}
            </Text>
            <Field
              className={styles.cell}
              label={pt(lang, "fieldGrade")}
              size="small"
              {...fieldValidation(issues, lang, `${path}.grade`)}
            >
              <Input
                className={styles.input}
                data-testid={`grade-${i}-letter`}
                value={g.grade}
                disabled={disabled}
                onChange={(_, d) => change({ grade: d.value })}
                onBlur={() => onLeave(`${path}.grade`)}
              />
            </Field>
            <div className={styles.line}>
              {i < last ? (
                <>
                  <Field className={styles.cell} label={pt(lang, "fieldCutKind")} size="small">
                    <Select
                      className={styles.input}
                      select={{ className: styles.input }}
                      data-testid={`grade-${i}-cut-kind`}
                      value={g.cutKind}
                      disabled={disabled}
                      onChange={(_, d) => change({ cutKind: d.value === "above" ? "above" : "atLeast" })}
                    >
                      <option value="atLeast">{pt(lang, "cutAtLeast")}</option>
                      <option value="above">{pt(lang, "cutAbove")}</option>
                    </Select>
                  </Field>
                  <Field
                    className={styles.cell}
                    label={pt(lang, "fieldCut")}
                    size="small"
                    {...fieldValidation(issues, lang, `${path}.above`, `${path}.atLeast`)}
                  >
                    <Input
                      className={styles.input}
                      data-testid={`grade-${i}-cut`}
                      inputMode="decimal"
                      value={g.cut}
                      disabled={disabled}
                      onChange={(_, d) => change({ cut: d.value })}
                      onBlur={() => onLeave(`${path}.above`, `${path}.atLeast`)}
                    />
                  </Field>
                </>
              ) : (
                <Text size={200} className={styles.catchAll} data-testid={`grade-${i}-catch-all`}>
                  {pt(lang, "catchAll")}
                </Text>
              )}
            </div>
            <GroupMessage issues={issues} lang={lang} path={path} />
            {/* A last grade with a cut-off (from an imported file) is reported on its cut-off path. */}
            {i === last && <GroupMessage issues={issues} lang={lang} path={`${path}.above`} />}
            {i === last && <GroupMessage issues={issues} lang={lang} path={`${path}.atLeast`} />}
            {/* The pane's language first: a Chinese clerk fills the Chinese cadence and may leave the English one. */}
            {(() => {
              const cadenceEn = (
                <Field
                  key="en"
                  label={pt(lang, "fieldCadenceEn")}
                  size="small"
                  {...fieldValidation(
                    issues,
                    lang,
                    ...(lang === "en" ? [`${path}.cadence`, `${path}.cadence.en`] : []),
                  )}
                >
                  <Input
                    className={styles.input}
                    data-testid={`grade-${i}-cadence-en`}
                    value={g.cadenceEn}
                    disabled={disabled}
                    onChange={(_, d) => change({ cadenceEn: d.value })}
                    onBlur={() => onLeave(`${path}.cadence.en`)}
                  />
                </Field>
              );
              const cadenceZh = (
                <Field
                  key="zh"
                  label={pt(lang, "fieldCadenceZh")}
                  size="small"
                  {...fieldValidation(
                    issues,
                    lang,
                    ...(chineseFirst(lang) ? [`${path}.cadence`, `${path}.cadence.zh`] : []),
                  )}
                >
                  <Input
                    className={styles.input}
                    data-testid={`grade-${i}-cadence-zh`}
                    value={g.cadenceZh}
                    disabled={disabled}
                    onChange={(_, d) => change({ cadenceZh: d.value })}
                    onBlur={() => onLeave(`${path}.cadence.zh`)}
                  />
                </Field>
              );
              return chineseFirst(lang) ? [cadenceZh, cadenceEn] : [cadenceEn, cadenceZh];
            })()}
            <div role="group" aria-labelledby={`grade-${i}-every-label`}>
              <Text id={`grade-${i}-every-label`} size={200}>
                {pt(lang, "fieldEvery")}
              </Text>
              <div className={styles.period}>
                <Field
                  className={styles.cell}
                  size="small"
                  validationState={
                    fieldValidation(
                      issues,
                      lang,
                      `${path}.cadence.every`,
                      `${path}.cadence.every.months`,
                      `${path}.cadence.every.days`,
                    ).validationState
                  }
                >
                  <Input
                    className={styles.input}
                    data-testid={`grade-${i}-every`}
                    aria-label={`${title}: ${pt(lang, "fieldEvery")}`}
                    inputMode="numeric"
                    value={g.every}
                    disabled={disabled || g.everyUnit === ""}
                    onChange={(_, d) => change({ every: d.value })}
                    onBlur={() => onLeave(`${path}.cadence.every`)}
                  />
                </Field>
                <Field className={styles.cell} size="small">
                  <Select
                    className={styles.input}
                    select={{ className: styles.input }}
                    data-testid={`grade-${i}-every-unit`}
                    aria-label={`${title}: ${pt(lang, "fieldEvery")}`}
                    value={g.everyUnit}
                    disabled={disabled}
                    // Choosing a unit proposes 1 of it, so the period is complete at once.
                    onChange={(_, d) => {
                      const everyUnit = d.value as PeriodUnit;
                      change({ everyUnit, every: everyUnit !== "" && g.every.trim() === "" ? "1" : g.every });
                    }}
                    onBlur={() => onLeave(`${path}.cadence.every`)}
                  >
                    <option value="">{pt(lang, "everyNone")}</option>
                    <option value="months">{pt(lang, "everyMonths")}</option>
                    <option value="days">{pt(lang, "everyDays")}</option>
                  </Select>
                </Field>
              </div>
              <GroupMessage
                issues={issues}
                lang={lang}
                path={`${path}.cadence.every`}
                testId={`grade-${i}-every-message`}
              />
              <GroupMessage
                issues={issues}
                lang={lang}
                path={`${path}.cadence.every.months`}
                testId={`grade-${i}-every-message`}
              />
              <GroupMessage
                issues={issues}
                lang={lang}
                path={`${path}.cadence.every.days`}
                testId={`grade-${i}-every-message`}
              />
            </div>
            <div className={styles.tools}>
              <Button
                size="small"
                data-testid={`grade-${i}-up`}
                disabled={disabled || i === 0}
                onClick={() => onChange(moveGrade(draft, i, -1))}
              >
                {pt(lang, "moveUp")}
              </Button>
              <Button
                size="small"
                data-testid={`grade-${i}-down`}
                disabled={disabled || i === last}
                onClick={() => onChange(moveGrade(draft, i, 1))}
              >
                {pt(lang, "moveDown")}
              </Button>
              <Button
                size="small"
                data-testid={`grade-${i}-remove`}
                disabled={disabled || draft.grades.length <= 1}
                onClick={() => onChange(removeGrade(draft, i))}
              >
                {pt(lang, "removeGrade")}
              </Button>
            </div>
          </div>
        );
      })}
      <Text size={200}>{pt(lang, "everyHint")}</Text>
      <Button data-testid="add-grade" disabled={disabled} onClick={() => onChange(addGrade(draft))}>
        {pt(lang, "addGrade")}
      </Button>
    </section>
  );
}
