import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { profileName } from "../../engine";
import type { InputKind, Lang, MonetaryUnit, Profile } from "../../engine/types";
import { t } from "../i18n";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  manage: { alignSelf: "flex-start" },
});

export interface GradingOptions {
  profileId: string;
  /** YYYY-MM-DD as the date input gives it. */
  asOf: string;
  windowStart: string;
  unit: MonetaryUnit;
}

export interface OptionsSectionProps {
  lang: Lang;
  builtinProfiles: readonly Profile[];
  workbookProfiles: readonly Profile[];
  kind: InputKind;
  options: GradingOptions;
  /** Latest date in the mapped date column: undefined while unknown, null when the column holds no date. */
  latestDate: string | null | undefined;
  disabled: boolean;
  onProfile(profileId: string): void;
  onChange(change: Partial<GradingOptions>): void;
  /** Opens the workbook-profile editor; no button without it. */
  onManageProfiles?(): void;
}

/** Profile, analysis date, sales window and amount unit. */
export function OptionsSection(props: OptionsSectionProps) {
  const { lang, builtinProfiles, workbookProfiles, kind, options, latestDate, disabled, onProfile, onChange, onManageProfiles } = props;
  const optionsOf = (profiles: readonly Profile[]) =>
    profiles.map((profile) => (
      <option key={profile.id} value={profile.id}>
        {profileName(profile, lang)}
      </option>
    ));
  const styles = useStyles();
  const latestHint =
    latestDate === undefined ? undefined : latestDate === null ? t(lang, "noDatesFound") : t(lang, "latestDate", { date: latestDate });
  return (
    <section aria-labelledby="options-heading" className={styles.stack}>
      <Text as="h2" id="options-heading" weight="semibold" size={400}>
        {t(lang, "optionsHeading")}
      </Text>
      <Field label={t(lang, "profile")}>
        <Select data-testid="profile" value={options.profileId} disabled={disabled} onChange={(_, data) => onProfile(data.value)}>
          {workbookProfiles.length === 0 ? (
            optionsOf(builtinProfiles)
          ) : (
            <>
              <optgroup label={t(lang, "profilesBuiltin")}>{optionsOf(builtinProfiles)}</optgroup>
              <optgroup label={t(lang, "profilesWorkbook")}>{optionsOf(workbookProfiles)}</optgroup>
            </>
          )}
        </Select>
      </Field>
      {onManageProfiles && (
        <Button
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
      <Field label={t(lang, "asOf")} hint={latestHint}>
        <Input
          type="date"
          data-testid="as-of"
          value={options.asOf}
          disabled={disabled}
          onChange={(_, data) => onChange({ asOf: data.value })}
        />
      </Field>
      {kind === "transactions" && (
        <Field label={t(lang, "windowStart")} hint={t(lang, "windowStartHint")}>
          <Input
            type="date"
            data-testid="window-start"
            value={options.windowStart}
            disabled={disabled}
            onChange={(_, data) => onChange({ windowStart: data.value })}
          />
        </Field>
      )}
      <Field label={t(lang, "unit")}>
        <Select
          data-testid="unit"
          value={options.unit}
          disabled={disabled}
          onChange={(_, data) => onChange({ unit: data.value === "wan" ? "wan" : "yuan" })}
        >
          <option value="yuan">{t(lang, "unitYuan")}</option>
          <option value="wan">{t(lang, "unitWan")}</option>
        </Select>
      </Field>
    </section>
  );
}
