import type { Ref } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { countText, daysAfter, formatDisplayDate, parseDateText, profileName } from "../../engine";
import type {
  AnalysisDateWarning,
  DateColumnDays,
  DisplayDateForm,
  InputKind,
  Lang,
  MonetaryUnit,
  Profile,
} from "../../engine";
import { formatCount } from "./SourceSection";
import { daysText, t } from "../i18n";
import { unitConflictText, unitHint, unitName } from "../unitChoice";
import type { PaneUnitChoice } from "../unitChoice";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  manage: { alignSelf: "flex-start" },
  // The profile list must never size the pane to its longest name: the select takes the pane's width and a long
  // name ends in an ellipsis (the full name is in the tooltip).
  shrink: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, width: "100%", textOverflow: "ellipsis", overflow: "hidden", whiteSpace: "nowrap" },
  date: { maxWidth: "14em" },
});

/**
 * Where the analysis date shown came from: the user typed it; it was proposed (the profile's fixed date, the data's
 * latest, none); or, the profile's date being before the data, the user chose between the two (RULES.md §9).
 */
export type AsOfOrigin = "user" | "profile" | "data" | "none" | "dataChosen" | "profileKept";

/** The origins that are the user's own choice: a new proposal never replaces them. */
export function chosenByUser(origin: AsOfOrigin): boolean {
  return origin === "user" || origin === "dataChosen" || origin === "profileKept";
}

export interface GradingOptions {
  profileId: string;
  /** The analysis date as shown in the field (the display form of the pane's language). */
  asOfText: string;
  asOfOrigin: AsOfOrigin;
  /** For "dataChosen" and "profileKept": the latest day of the data the choice was made for. */
  decidedFor?: number;
  /** The sales window's start as shown; empty for the profile's (or none). */
  windowStartText: string;
  /** The unit the user picked in the field; absent while the header's (or the profile's) unit applies. */
  userUnit?: MonetaryUnit;
  /** Customer tables: write the results as live worksheet formulas instead of values. */
  liveFormulas?: boolean;
}

export interface OptionsSectionProps {
  lang: Lang;
  form: DisplayDateForm;
  builtinProfiles: readonly Profile[];
  workbookProfiles: readonly Profile[];
  kind: InputKind;
  options: GradingOptions;
  /** The unit that will be used and where it comes from (paneUnitChoice); null while there is no table. */
  unitChoice: PaneUnitChoice | null;
  profileUnit: MonetaryUnit;
  /** Latest day in the mapped date column: undefined while unknown, null when the column holds no date. */
  latestDay: number | null | undefined;
  /** The date column's days, once read (to say what a fixed analysis date would leave out). */
  dateDays?: DateColumnDays | null;
  /** The profile's fixed date is before the data and the user has not chosen yet (see useGradingOptions). */
  fixedDateUndecided?: boolean;
  onDecideFixedDate?(choice: "data" | "profile"): void;
  /** The analysis date typed cannot be read. */
  asOfInvalid: boolean;
  windowInvalid: boolean;
  warning: AnalysisDateWarning | null;
  disabled: boolean;
  onProfile(profileId: string): void;
  onChange(change: Partial<GradingOptions>): void;
  /** Opens the workbook-profile editor; no button without it. */
  onManageProfiles?(): void;
  /** The "Manage profiles" button, to give it the focus back when the editor closes. */
  manageRef?: Ref<HTMLButtonElement>;
}

/** The warning about the analysis date against the data, as the pane and the result card say it. */
export function warningText(
  lang: Lang,
  warning: AnalysisDateWarning,
  latestDay: number,
  form: DisplayDateForm,
): string {
  const latest = formatDisplayDate(latestDay, form);
  return t(lang, warning.kind === "farAfterData" ? "warnFarAfter" : "warnBefore", {
    days: daysText(warning.days, lang),
    latest,
  });
}

/** Profile, analysis date, sales window and amount unit. */
export function OptionsSection(props: OptionsSectionProps) {
  const {
    lang,
    form,
    builtinProfiles,
    workbookProfiles,
    kind,
    options,
    latestDay,
    asOfInvalid,
    windowInvalid,
    warning,
  } = props;
  const {
    disabled,
    onProfile,
    onChange,
    onManageProfiles,
    manageRef,
    unitChoice,
    profileUnit,
    dateDays,
    fixedDateUndecided,
    onDecideFixedDate,
  } = props;
  const styles = useStyles();
  const optionsOf = (profiles: readonly Profile[]) =>
    profiles.map((profile) => (
      <option key={profile.id} value={profile.id} title={profileName(profile, lang)}>
        {profileName(profile, lang)}
      </option>
    ));
  const unitConflict = unitChoice ? unitConflictText(unitChoice, lang) : null;
  const chosen = [...builtinProfiles, ...workbookProfiles].find((p) => p.id === options.profileId);
  const chosenName = chosen ? profileName(chosen, lang) : "";
  const latestText = latestDay === undefined || latestDay === null ? null : formatDisplayDate(latestDay, form);
  const profileDay = chosen?.asOf === undefined ? null : parseDateText(chosen.asOf);
  const profileDate = profileDay === null ? "" : formatDisplayDate(profileDay, form);
  const asOfHint =
    options.asOfOrigin === "profile"
      ? t(lang, "asOfFromProfile")
      : options.asOfOrigin === "data"
        ? t(lang, "asOfFromData")
        : options.asOfOrigin === "dataChosen"
          ? t(lang, "asOfChosenData", { date: profileDate })
          : options.asOfOrigin === "profileKept"
            ? t(lang, "asOfKeptProfile", { latest: latestText ?? "" })
            : latestDay === null
              ? t(lang, "asOfNoData")
              : latestText !== null
                ? t(lang, "asOfTyped", { date: latestText })
                : undefined;
  // What grading on the profile's fixed date would leave out of this data, counted from the date column.
  const leftOut = fixedDateUndecided && profileDay !== null && dateDays ? daysAfter(dateDays, profileDay) : 0;
  return (
    <section aria-labelledby="options-heading" className={styles.stack}>
      <Text as="h2" id="options-heading" weight="semibold" size={400}>
        {t(lang, "optionsHeading")}
      </Text>
      <Field label={t(lang, "profile")} className={styles.shrink}>
        <Tooltip content={chosenName} relationship="description" positioning="below">
          <Select
            className={styles.shrink}
            select={{ className: styles.select }}
            data-testid="profile"
            value={options.profileId}
            disabled={disabled}
            onChange={(_, data) => onProfile(data.value)}
          >
            {workbookProfiles.length === 0 ? (
              optionsOf(builtinProfiles)
            ) : (
              <>
                <optgroup label={t(lang, "profilesBuiltin")}>{optionsOf(builtinProfiles)}</optgroup>
                <optgroup label={t(lang, "profilesWorkbook")}>{optionsOf(workbookProfiles)}</optgroup>
              </>
            )}
          </Select>
        </Tooltip>
      </Field>
      {onManageProfiles && (
        <Button
          ref={manageRef}
          className={styles.manage}
          appearance="subtle"
          size="small"
          data-testid="manage-profiles"
          disabled={disabled}
          onClick={onManageProfiles}
        >
          {t(lang, "manageProfiles")}
        </Button>
      )}
      <Field
        label={t(lang, "asOf")}
        hint={asOfInvalid ? undefined : asOfHint}
        validationState={asOfInvalid ? "error" : "none"}
        validationMessage={asOfInvalid ? t(lang, "asOfFormat", { pattern: form.pattern }) : undefined}
      >
        <Input
          className={styles.date}
          data-testid="as-of"
          value={options.asOfText}
          placeholder={form.pattern}
          disabled={disabled}
          onChange={(_, data) => onChange({ asOfText: data.value, asOfOrigin: "user" })}
        />
      </Field>
      {fixedDateUndecided && latestText !== null && (
        // The profile's date is before the data: nothing is graded on it until the user has chosen (RULES.md §9).
        <MessageBar intent="warning" layout="multiline" data-testid="fixed-date-offer">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "fixedDateTitle", { date: profileDate, latest: latestText })}</MessageBarTitle>
            {t(lang, kind === "customers" ? "fixedDateRows" : "fixedDateSales", {
              date: profileDate,
              count: countText(leftOut, lang, kind === "customers" ? "customers" : "sales"),
              total: formatCount(dateDays?.sorted.length ?? 0, lang),
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              appearance="primary"
              data-testid="use-data-date"
              disabled={disabled}
              onClick={() => onDecideFixedDate?.("data")}
            >
              {t(lang, "useDataDate", { latest: latestText })}
            </Button>
            <Button
              size="small"
              data-testid="keep-profile-date"
              disabled={disabled}
              onClick={() => onDecideFixedDate?.("profile")}
            >
              {t(lang, "keepProfileDate", { date: profileDate })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {warning &&
        !fixedDateUndecided &&
        options.asOfOrigin !== "profileKept" &&
        latestDay !== null &&
        latestDay !== undefined && (
          <MessageBar intent="warning" layout="multiline" data-testid="as-of-warning">
            <MessageBarBody>{warningText(lang, warning, latestDay, form)}</MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                data-testid="use-latest"
                disabled={disabled}
                onClick={() => onChange({ asOfText: latestText ?? "", asOfOrigin: "data" })}
              >
                {t(lang, "useLatest", { date: latestText ?? "" })}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      {kind === "transactions" && (
        <Field
          label={t(lang, "windowStart")}
          hint={windowInvalid ? undefined : t(lang, "windowStartHint")}
          validationState={windowInvalid ? "error" : "none"}
          validationMessage={windowInvalid ? t(lang, "asOfFormat", { pattern: form.pattern }) : undefined}
        >
          <Input
            className={styles.date}
            data-testid="window-start"
            value={options.windowStartText}
            placeholder={form.pattern}
            disabled={disabled}
            onChange={(_, data) => onChange({ windowStartText: data.value })}
          />
        </Field>
      )}
      <Field
        label={t(lang, "unit")}
        className={styles.shrink}
        hint={unitChoice ? <span data-testid="unit-hint">{unitHint(unitChoice, profileUnit, lang)}</span> : undefined}
      >
        <Select
          className={styles.shrink}
          select={{ className: styles.select }}
          data-testid="unit"
          value={unitChoice?.unit ?? profileUnit}
          disabled={disabled}
          onChange={(_, data) => onChange({ userUnit: data.value === "wan" ? "wan" : "yuan" })}
        >
          <option value="yuan">{t(lang, "unitYuan")}</option>
          <option value="wan">{t(lang, "unitWan")}</option>
        </Select>
      </Field>
      {unitConflict !== null && (
        // A warning, not an error: the user may know better than the header, and grading stays possible.
        <MessageBar intent="warning" layout="multiline" data-testid="unit-warning">
          <MessageBarBody>{unitConflict}</MessageBarBody>
          {unitChoice?.headerUnit && (
            <MessageBarActions>
              <Button
                size="small"
                data-testid="use-header-unit"
                disabled={disabled}
                onClick={() => onChange({ userUnit: undefined })}
              >
                {t(lang, "useHeaderUnit", { headerUnit: unitName(unitChoice.headerUnit, lang) })}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <Field hint={t(lang, kind === "customers" ? "liveFormulasHint" : "liveFormulasSalesHint")}>
        <Checkbox
          data-testid="live-formulas"
          label={t(lang, "liveFormulas")}
          checked={options.liveFormulas ?? false}
          disabled={disabled}
          onChange={(_, data) => onChange({ liveFormulas: data.checked === true })}
        />
      </Field>
    </section>
  );
}
