import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../engine";
import { pt } from "./i18n";

const useStyles = makeStyles({
  // Save and Preview stay in sight however long the form is, as the main pane's Grade button does.
  // It spans the editor's scrolling area edge to edge and sits flush on its bottom (through the area's padding),
  // with the colours of the grading view's footer.
  footer: {
    position: "sticky",
    bottom: `calc(-1 * ${tokens.spacingHorizontalM})`,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM}) calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  problem: { color: tokens.colorPaletteRedForeground1 },
  // Read by screen readers, not shown: the table under the form shows the same.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export interface EditorFooterProps {
  lang: Lang;
  notice: string | null;
  /** Why Save or Preview did nothing. */
  blocked: string | null;
  /** The preview the user asked for, in words. */
  previewSpoken: string | null;
  error: string | null;
  busy: boolean;
  previewRunning: boolean;
  /** A form is open: Save and Preview are offered (before that, the footer only speaks). */
  formOpen?: boolean;
  onSave(): void;
  onPreview(): void;
}

/** Save and Preview, always in sight, with what they did (or why they did nothing) beside them. */
export function EditorFooter(props: EditorFooterProps) {
  const {
    lang,
    notice,
    blocked,
    previewSpoken,
    error,
    busy,
    previewRunning,
    formOpen = true,
    onSave,
    onPreview,
  } = props;
  const styles = useStyles();
  return (
    <footer className={styles.footer} aria-label={pt(lang, "footerLabel")} data-testid="editor-footer">
      {/* One live region for what Save, Preview, Import and Delete did: it exists before its text changes. */}
      <div role="status" aria-live="polite" data-testid="editor-status">
        {notice !== null && (
          <MessageBar intent="success" data-testid="profile-notice">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {blocked !== null && (
          <Text className={styles.problem} data-testid="profile-blocked">
            {blocked}
          </Text>
        )}
        {previewSpoken !== null && (
          <span className={styles.visuallyHidden} data-testid="preview-spoken">
            {previewSpoken}
          </span>
        )}
      </div>
      {error !== null && (
        <MessageBar intent="error" data-testid="profile-error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{pt(lang, "errorTitle")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {formOpen && (
        <div className={styles.buttons}>
          <Button appearance="primary" data-testid="profile-save" disabled={busy} onClick={onSave}>
            {busy ? pt(lang, "saving") : pt(lang, "save")}
          </Button>
          <Button data-testid="preview-run" disabled={busy || previewRunning} onClick={onPreview}>
            {pt(lang, "previewRun")}
          </Button>
        </div>
      )}
    </footer>
  );
}
