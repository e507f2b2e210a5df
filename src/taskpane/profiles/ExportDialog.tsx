import { useEffect, useRef, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { copyText } from "./downloadJson";
import { htmlLang } from "../i18n";
import { pt } from "./i18n";

const useStyles = makeStyles({
  text: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: "12em" },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ExportDialogProps {
  lang: Lang;
  /** The profile being exported; null: the dialog is closed. */
  exported: { id: string; file: string; json: string } | null;
  onClose(): void;
}

/**
 * A profile's JSON to copy, where the pane cannot save a file (Excel for Mac): the text, selected, in a read-only
 * field, and a Copy button (the clipboard API, else the selected text through the older copy command; if both are
 * refused, the text stays selected for the keyboard).
 */
export function ExportDialog({ lang, exported, onClose }: ExportDialogProps) {
  const styles = useStyles();
  const field = useRef<HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);

  useEffect(() => {
    setOutcome(null);
    if (!exported) return;
    // Selected from the start: ⌘C copies it even before the button is pressed.
    const timer = setTimeout(() => field.current?.select(), 0);
    return () => clearTimeout(timer);
  }, [exported]);

  const copy = async () => {
    if (!exported) return;
    const copied = await copyText(exported.json, field.current);
    setOutcome(copied ? "copied" : "failed");
    if (!copied) field.current?.select();
  };

  return (
    <Dialog open={exported !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface data-testid="export-dialog" lang={htmlLang(lang)}>
        <DialogBody>
          <DialogTitle>{exported ? pt(lang, "exportCopyTitle", { id: exported.id }) : ""}</DialogTitle>
          <DialogContent className={styles.body}>
            <Text>{exported ? pt(lang, "exportCopyBody", { file: exported.file }) : ""}</Text>
            <Field label={pt(lang, "exportCopyText")}>
              <Textarea
                data-testid="export-text"
                readOnly
                resize="vertical"
                value={exported?.json ?? ""}
                textarea={{ ref: field, className: styles.text, spellCheck: false }}
              />
            </Field>
            <Text role="status" aria-live="polite" data-testid="export-outcome">
              {outcome === "copied" && exported
                ? pt(lang, "exportCopied", { file: exported.file })
                : outcome === "failed"
                  ? pt(lang, "exportCopyFailed")
                  : ""}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="export-copy" onClick={() => void copy()}>
              {pt(lang, "exportCopyButton")}
            </Button>
            <Button data-testid="export-close" onClick={onClose}>
              {pt(lang, "exportClose")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
