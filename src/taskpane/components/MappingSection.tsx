import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { REQUIRED_ROLES, type ColumnDetection, type Lang, type Role } from "../../engine";
import { NOT_USED } from "../gradingFlow";
import { roleLabel, roleList } from "../describeError";
import { t } from "../i18n";

const ROLES: Role[] = ["id", "date", "count", "total", "amount"];

const useStyles = makeStyles({
  // minmax(0, …) lets the dropdowns shrink to the pane instead of growing to their longest header.
  grid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  // A native select is as wide as its longest option unless told otherwise; long headers must not push the pane wider.
  shrink: { minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
});

export interface MappingSectionProps {
  lang: Lang;
  headers: string[];
  /** 0-based absolute column of the first header, for column letters. */
  firstColumn: number;
  detection: ColumnDetection;
  disabled: boolean;
  onChange(role: Role, column: number): void;
}

/** Excel's column letters ("A", "Z", "AA") for a 0-based column, so empty headers still have a name. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** One dropdown per role; the detected column is preselected and the user can correct it. */
export function MappingSection({ lang, headers, firstColumn, detection, disabled, onChange }: MappingSectionProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby="mapping-heading">
      <Text as="h2" id="mapping-heading" weight="semibold" size={400}>
        {t(lang, "mappingHeading")}
      </Text>
      <div className={styles.grid}>
        {ROLES.map((role) => {
          const column = detection.mapping[role];
          const missing = detection.missing.includes(role);
          // A required column cannot be left out: it offers no "(not used)", only a prompt while none is chosen.
          const required = REQUIRED_ROLES[detection.kind].includes(role);
          return (
            <Field key={role} className={styles.shrink} label={roleLabel(role, lang, detection.kind)} validationState={missing ? "error" : "none"}>
              <Select
                className={styles.shrink}
                select={{ className: styles.select }}
                data-testid={`map-${role}`}
                value={String(column ?? NOT_USED)}
                disabled={disabled}
                onChange={(_, data) => onChange(role, Number(data.value))}
              >
                {!required && <option value={String(NOT_USED)}>{t(lang, "columnNotUsed")}</option>}
                {required && column === undefined && (
                  <option value={String(NOT_USED)} disabled>
                    {t(lang, "chooseColumn")}
                  </option>
                )}
                {headers.map((header, index) => (
                  <option key={index} value={String(index)}>
                    {`${columnLetters(firstColumn + index)}: ${header}`}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      {detection.missing.length > 0 && (
        <Text role="alert" data-testid="missing-columns" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {t(lang, "missingColumns", { roles: roleList(detection.missing, lang, detection.kind) })}
        </Text>
      )}
    </section>
  );
}
