import { chineseFirst } from "./chineseFirst";
import { Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DisplayDateForm } from "../../engine";
import type { Dimension, Lang, TieRule } from "../../engine/types";
import { DateField } from "./DateField";
import { t } from "../i18n";
import { DIMENSIONS, setMethod, updateBound, updateWeight, type FieldIssues, type ProfileDraft } from "./editorState";
import { fieldValidation } from "./fieldProps";
import { BOUND_GROUPS, WEIGHT_LABELS } from "./formMessages";
import { GradesEditor } from "./GradesEditor";
import { GroupMessage } from "./GroupMessage";
import { pt, type ProfileMessageKey } from "./i18n";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "grid", gridTemplateColumns: "repeat(4, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  three: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  // Fluent inputs keep a minimum width of their own; in a grid cell they must shrink to it.
  input: { width: "100%", minWidth: "0" },
  // A native select is as wide as its longest option ("Quantiles (customers ranked against each other)") unless
  // told to fit the pane.
  select: { minWidth: "0", width: "100%" },
  groupTitle: { fontWeight: tokens.fontWeightSemibold },
  // Grid items default to their content's minimum width; a long label or value must not push the row wider.
  cell: { minWidth: "0" },
});

const BOUND_LABELS: Record<Dimension, ProfileMessageKey> = {
  recency: "recencyBounds",
  frequency: "frequencyBounds",
  monetary: "monetaryBounds",
};

export interface ProfileFormProps {
  lang: Lang;
  draft: ProfileDraft;
  issues: FieldIssues;
  disabled: boolean;
  onChange(next: ProfileDraft): void;
  /** The user left the field(s) at these engine paths: from now on their problems are shown. */
  onLeave(...paths: string[]): void;
  /** How Office's display language writes dates, for the default dates. */
  dateForm: DisplayDateForm;
}

/**
 * Every field of a profile. `issues` holds only the problems to show (of fields the user has left, or all after a
 * save attempt); each is told in the form's words next to its field.
 */
export function ProfileForm({ lang, draft, issues, disabled, onChange, onLeave, dateForm }: ProfileFormProps) {
  const styles = useStyles();
  const set = (change: Partial<ProfileDraft>) => onChange({ ...draft, ...change });
  return (
    <>
      <section className={styles.section} aria-labelledby="profile-identity-heading">
        <Text as="h3" id="profile-identity-heading" weight="semibold">
          {pt(lang, "identityHeading")}
        </Text>
        <Field label={pt(lang, "fieldId")} {...fieldValidation(issues, lang, "id")}>
          <Input
            data-testid="profile-id"
            value={draft.id}
            disabled={disabled}
            onChange={(_, d) => set({ id: d.value })}
            onBlur={() => onLeave("id")}
          />
        </Field>
        {/* The other language's name may be left empty (it falls back to this one): only the pane's language is marked. */}
        {(() => {
          const nameEn = (
            <Field
              key="en"
              label={pt(lang, "fieldNameEn")}
              {...fieldValidation(issues, lang, ...(lang === "en" ? ["name", "name.en"] : []))}
            >
              <Input
                data-testid="profile-name-en"
                value={draft.nameEn}
                disabled={disabled}
                onChange={(_, d) => set({ nameEn: d.value })}
                onBlur={() => onLeave("name.en")}
              />
            </Field>
          );
          const nameZh = (
            <Field
              key="zh"
              label={pt(lang, "fieldNameZh")}
              {...fieldValidation(issues, lang, ...(chineseFirst(lang) ? ["name", "name.zh"] : []))}
            >
              <Input
                data-testid="profile-name-zh"
                value={draft.nameZh}
                disabled={disabled}
                onChange={(_, d) => set({ nameZh: d.value })}
                onBlur={() => onLeave("name.zh")}
              />
            </Field>
          );
          // The pane's language first: the other one may be left empty.
          return chineseFirst(lang) ? [nameZh, nameEn] : [nameEn, nameZh];
        })()}
      </section>

      <section className={styles.section} aria-labelledby="profile-method-heading">
        <Text as="h3" id="profile-method-heading" weight="semibold">
          {pt(lang, "methodHeading")}
        </Text>
        <Field label={pt(lang, "fieldMethod")} {...fieldValidation(issues, lang, "method")}>
          <Select
            className={styles.select}
            select={{ className: styles.select }}
            data-testid="profile-method"
            value={draft.method}
            disabled={disabled}
            onChange={(_, d) => onChange(setMethod(draft, d.value === "quantiles" ? "quantiles" : "thresholds"))}
          >
            <option value="thresholds">{pt(lang, "methodThresholds")}</option>
            <option value="quantiles">{pt(lang, "methodQuantiles")}</option>
          </Select>
        </Field>
        <Field label={pt(lang, "fieldUnit")} {...fieldValidation(issues, lang, "monetaryUnit")}>
          <Select
            className={styles.select}
            select={{ className: styles.select }}
            data-testid="profile-unit"
            value={draft.monetaryUnit}
            disabled={disabled}
            onChange={(_, d) => set({ monetaryUnit: d.value === "wan" ? "wan" : "yuan" })}
          >
            <option value="yuan">{t(lang, "unitYuan")}</option>
            <option value="wan">{t(lang, "unitWan")}</option>
          </Select>
        </Field>
        {draft.method === "thresholds" ? (
          <>
            <GroupMessage issues={issues} lang={lang} path="thresholds" />
            {DIMENSIONS.map((dim) => (
              <div key={dim} className={styles.section} role="group" aria-labelledby={`bounds-${dim}-label`}>
                <Text id={`bounds-${dim}-label`} size={300} className={styles.groupTitle}>
                  {pt(lang, BOUND_GROUPS[dim])}
                </Text>
                <Text size={200}>{pt(lang, BOUND_LABELS[dim])}</Text>
                <div className={styles.row}>
                  {[0, 1, 2, 3].map((i) => (
                    // Too narrow for a message each: the inputs are marked, their messages listed under the row.
                    <Field
                      key={i}
                      size="small"
                      className={styles.cell}
                      validationState={fieldValidation(issues, lang, `thresholds.${dim}[${i}]`).validationState}
                    >
                      <Input
                        className={styles.input}
                        data-testid={`bound-${dim}-${i}`}
                        aria-label={pt(lang, "boundLabel", { group: pt(lang, BOUND_GROUPS[dim]), n: i + 1 })}
                        inputMode="decimal"
                        value={draft.thresholds[dim][i] ?? ""}
                        disabled={disabled}
                        onChange={(_, d) => onChange(updateBound(draft, dim, i, d.value))}
                        onBlur={() => onLeave(`thresholds.${dim}[${i}]`)}
                      />
                    </Field>
                  ))}
                </div>
                {[0, 1, 2, 3].map((i) => (
                  <GroupMessage
                    key={i}
                    issues={issues}
                    lang={lang}
                    path={`thresholds.${dim}[${i}]`}
                    testId={`bound-${dim}-${i}-message`}
                  />
                ))}
                <GroupMessage issues={issues} lang={lang} path={`thresholds.${dim}`} />
              </div>
            ))}
          </>
        ) : (
          <div className={styles.three}>
            <Field className={styles.cell} label={pt(lang, "fieldBins")} {...fieldValidation(issues, lang, "bins")}>
              <Input
                className={styles.input}
                data-testid="profile-bins"
                inputMode="numeric"
                value={draft.bins}
                disabled={disabled}
                onChange={(_, d) => set({ bins: d.value })}
                onBlur={() => onLeave("bins")}
              />
            </Field>
            <Field
              className={styles.cell}
              label={pt(lang, "fieldTies")}
              {...fieldValidation(issues, lang, "ties")}
              style={{ gridColumn: "span 2" }}
            >
              <Select
                className={styles.select}
                select={{ className: styles.select }}
                data-testid="profile-ties"
                value={draft.ties}
                disabled={disabled}
                onChange={(_, d) => set({ ties: d.value as TieRule })}
              >
                <option value="average">{t(lang, "tiesAverage")}</option>
                <option value="best">{t(lang, "tiesBest")}</option>
                <option value="first">{t(lang, "tiesFirst")}</option>
              </Select>
            </Field>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="profile-weights-heading">
        <Text as="h3" id="profile-weights-heading" weight="semibold">
          {pt(lang, "weightsHeading")}
        </Text>
        <GroupMessage issues={issues} lang={lang} path="weights" />
        <div className={styles.three}>
          {DIMENSIONS.map((dim) => (
            <Field
              key={dim}
              className={styles.cell}
              label={pt(lang, WEIGHT_LABELS[dim])}
              {...fieldValidation(issues, lang, `weights.${dim}`)}
            >
              <Input
                className={styles.input}
                data-testid={`weight-${dim}`}
                inputMode="decimal"
                value={draft.weights[dim]}
                disabled={disabled}
                onChange={(_, d) => onChange(updateWeight(draft, dim, d.value))}
                onBlur={() => onLeave(`weights.${dim}`)}
              />
            </Field>
          ))}
        </div>
      </section>

      <GradesEditor
        lang={lang}
        draft={draft}
        issues={issues}
        disabled={disabled}
        onChange={onChange}
        onLeave={onLeave}
      />

      <section className={styles.section} aria-labelledby="profile-defaults-heading">
        <Text as="h3" id="profile-defaults-heading" weight="semibold">
          {pt(lang, "defaultsHeading")}
        </Text>
        <div className={styles.three}>
          <Field
            className={styles.cell}
            label={pt(lang, "fieldAsOf")}
            {...fieldValidation(issues, lang, "asOf")}
            style={{ gridColumn: "span 3" }}
          >
            <DateField
              data-testid="profile-as-of"
              form={dateForm}
              value={draft.asOf}
              disabled={disabled}
              onValue={(asOf) => set({ asOf })}
              onBlur={() => onLeave("asOf")}
            />
          </Field>
          <Field
            className={styles.cell}
            label={pt(lang, "fieldWindowStart")}
            {...fieldValidation(issues, lang, "windowStart")}
            style={{ gridColumn: "span 3" }}
          >
            <DateField
              data-testid="profile-window-start"
              form={dateForm}
              value={draft.windowStart}
              disabled={disabled}
              onValue={(windowStart) => set({ windowStart })}
              onBlur={() => onLeave("windowStart", "asOf")}
            />
          </Field>
        </div>
      </section>
    </>
  );
}
