import { punctuation } from "../../engine";
import { useRef } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BUILTIN_PROFILES, profileName } from "../../engine";
import type { Lang, Profile } from "../../engine";
import type { WorkbookProfiles } from "../../excel/workbookProfiles";
import { issueMessage } from "./formMessages";
import { pt } from "./i18n";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  storedRow: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  hidden: { display: "none" },
  // A long profile name wraps and is read whole (a clerk tells two regions' profiles apart by their ends as often as
  // by their starts); a word longer than the line breaks rather than scrolling the pane sideways.
  wrapped: { minWidth: 0, overflowWrap: "anywhere" },
  wideButton: {
    maxWidth: "100%",
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "start",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    height: "auto",
  },
});

export interface StoredProfilesSectionProps {
  lang: Lang;
  /** The workbook's profiles; null while they are read. */
  stored: WorkbookProfiles | null;
  busy: boolean;
  onEdit(profile: Profile): void;
  onStartBlank(): void;
  onStartCopy(profile: Profile): void;
  onImport(file: File): void;
}

/** The profiles saved in the workbook (each to edit), and where a new one starts: blank, a copy, or a file. */
export function StoredProfilesSection({
  lang,
  stored,
  busy,
  onEdit,
  onStartBlank,
  onStartCopy,
  onImport,
}: StoredProfilesSectionProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.section} aria-labelledby="stored-heading">
      <Text as="h3" id="stored-heading" weight="semibold">
        {pt(lang, "storedHeading")}
      </Text>
      {stored === null ? (
        <Text size={200}>{pt(lang, "loadingStored")}</Text>
      ) : stored.profiles.length === 0 && stored.invalid.length === 0 ? (
        <Text size={200} data-testid="no-stored">
          {pt(lang, "noStored")}
        </Text>
      ) : null}
      {stored?.profiles.map((p) => {
        const name = `${profileName(p, lang)} (${p.id})`;
        return (
          <div key={p.id} className={styles.storedRow} data-testid={`stored-${p.id}`}>
            <Text className={styles.wrapped} data-testid={`stored-${p.id}-name`}>
              {name}
            </Text>
            <Button
              size="small"
              data-testid={`edit-${p.id}`}
              aria-label={`${pt(lang, "editStored")}: ${name}`}
              disabled={busy}
              onClick={() => onEdit(p)}
            >
              {pt(lang, "editStored")}
            </Button>
          </div>
        );
      })}
      {stored?.invalid.map((x) => (
        <MessageBar key={x.key} intent="warning" data-testid={`invalid-${x.id}`}>
          <MessageBarBody>
            {pt(lang, "invalidStored", {
              id: x.id,
              problems: x.issues.map((i) => issueMessage(i, lang)).join(punctuation(lang).semicolon),
            })}
          </MessageBarBody>
        </MessageBar>
      ))}
      <Text weight="semibold" size={300}>
        {pt(lang, "startHeading")}
      </Text>
      <div className={styles.buttons}>
        <Button data-testid="start-blank" disabled={busy} onClick={onStartBlank}>
          {pt(lang, "startBlank")}
        </Button>
        {BUILTIN_PROFILES.map((p) => {
          const label = pt(lang, "startCopy", { name: profileName(p, lang) });
          return (
            <Button
              key={p.id}
              className={styles.wideButton}
              data-testid={`start-copy-${p.id}`}
              disabled={busy}
              onClick={() => onStartCopy(p)}
            >
              {label}
            </Button>
          );
        })}
      </div>
      <div className={styles.buttons}>
        <Button data-testid="import-profile" disabled={busy} onClick={() => fileInput.current?.click()}>
          {pt(lang, "importButton")}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className={styles.hidden}
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) onImport(file);
          }}
        />
      </div>
    </section>
  );
}
