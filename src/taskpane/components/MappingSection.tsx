import { punctuation } from "../../engine";
import { useState } from "react";
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  columnLetters,
  REQUIRED_ROLES,
  type ColumnDetection,
  type InputKind,
  type Lang,
  type Role,
} from "../../engine";
import { NOT_USED, rolesToRead } from "../gradingFlow";
import { roleLabel, roleList } from "../describeError";
import { t } from "../i18n";

const useStyles = makeStyles({
  // One column: at 320 px two dropdowns side by side leave each header a dozen characters.
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  summary: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  found: { color: tokens.colorNeutralForeground2 },
  // A native select is as wide as its longest option unless told otherwise; long headers must not push the pane wider.
  shrink: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

export interface MappingSectionProps {
  lang: Lang;
  headers: string[];
  /** 0-based absolute column of the first header, for column letters. */
  firstColumn: number;
  detection: ColumnDetection;
  disabled: boolean;
  onChange(role: Role, column: number): void;
  onKind(kind: InputKind): void;
  /** Show the column choices open even when every column was found. */
  defaultOpen?: boolean;
}

/** "C and F", "C, D and F" / "C 和 F", "C、D 和 F". */
function columnList(letters: string[], lang: Lang): string {
  if (letters.length < 2) return letters.join("");
  const head = letters.slice(0, -1).join(punctuation(lang).listSeparator);
  return head + t(lang, "listAnd") + letters[letters.length - 1];
}

/**
 * Why a role has no column although its header is there: two or more columns carry it, and picking one would be a
 * guess ("Two columns are headed “Amount” (C and F): choose one."). Null when the role is not ambiguous.
 */
function ambiguityText(
  detection: ColumnDetection,
  role: Role,
  headers: readonly string[],
  firstColumn: number,
  lang: Lang,
): string | null {
  const found = detection.ambiguous.find((a) => a.role === role);
  if (!found || detection.mapping[role] !== undefined) return null;
  const count = found.columns.length === 2 ? t(lang, "twoColumns") : String(found.columns.length);
  const columns = columnList(
    found.columns.map((c) => columnLetters(firstColumn + c)),
    lang,
  );
  return t(lang, "ambiguousColumns", { count, header: headers[found.columns[0]] ?? "", columns });
}

/**
 * The columns the data's layout needs (customer tables: customer, last order date, purchase count, total amount;
 * sales records: customer, order date, order amount). When every required one was recognised they stay folded into
 * one line ("3 of 3 columns found – Change"); a missing one opens them, marked.
 */
export function MappingSection({
  lang,
  headers,
  firstColumn,
  detection,
  disabled,
  onChange,
  onKind,
  defaultOpen = false,
}: MappingSectionProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  const roles = rolesToRead(detection.kind);
  const found = roles.filter((role) => detection.mapping[role] !== undefined).length;
  const ambiguity = new Map(
    roles.flatMap((role) => {
      const text = ambiguityText(detection, role, headers, firstColumn, lang);
      return text === null ? [] : [[role, text] as const];
    }),
  );
  // A missing column, or one whose header two columns share, opens the choices: the user has to pick.
  const expanded = open || detection.missing.length > 0 || ambiguity.size > 0;
  return (
    <section aria-labelledby="mapping-heading" className={styles.stack} data-testid="mapping">
      <Text as="h2" id="mapping-heading" weight="semibold" size={400}>
        {t(lang, "mappingHeading")}
      </Text>
      <div className={styles.summary}>
        <Text className={styles.found} data-testid="columns-found">
          {t(lang, "columnsFound", { found, total: roles.length })}
        </Text>
        {detection.missing.length === 0 && ambiguity.size === 0 && (
          <Button
            size="small"
            appearance="transparent"
            data-testid="columns-toggle"
            aria-expanded={expanded}
            disabled={disabled}
            onClick={() => setOpen(!open)}
          >
            {t(lang, expanded ? "columnsDone" : "columnsChange")}
          </Button>
        )}
      </div>
      {expanded && (
        <>
          <Field className={styles.shrink} label={t(lang, "layout")}>
            <Select
              className={styles.shrink}
              select={{ className: styles.select }}
              data-testid="layout"
              value={detection.kind}
              disabled={disabled}
              onChange={(_, data) => onKind(data.value === "customers" ? "customers" : "transactions")}
            >
              <option value="customers">{t(lang, "kindCustomers")}</option>
              <option value="transactions">{t(lang, "kindTransactions")}</option>
            </Select>
          </Field>
          {roles.map((role) => {
            const column = detection.mapping[role];
            const missing = detection.missing.includes(role);
            // A required column cannot be left out: it offers no "(not used)", only a prompt while none is chosen.
            const required = REQUIRED_ROLES[detection.kind].includes(role);
            return (
              <Field
                key={role}
                className={styles.shrink}
                label={roleLabel(role, lang, detection.kind)}
                validationState={missing ? "error" : ambiguity.has(role) ? "warning" : "none"}
                validationMessage={
                  ambiguity.has(role) ? <span data-testid={`ambiguous-${role}`}>{ambiguity.get(role)}</span> : undefined
                }
              >
                <Select
                  className={styles.shrink}
                  select={{ className: styles.select, title: column === undefined ? undefined : headers[column] }}
                  data-testid={`map-${role}`}
                  value={String(column ?? NOT_USED)}
                  disabled={disabled}
                  onChange={(_, data) => {
                    // A column chosen by hand keeps the list open: the choice stays in sight and keeps the focus.
                    setOpen(true);
                    onChange(role, Number(data.value));
                  }}
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
        </>
      )}
      {detection.missing.length > 0 && (
        <Text data-testid="missing-columns" className={styles.missing}>
          {t(lang, "missingColumns", { roles: roleList(detection.missing, lang, detection.kind) })}
        </Text>
      )}
    </section>
  );
}
