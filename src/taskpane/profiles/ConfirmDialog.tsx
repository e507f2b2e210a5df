import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Lang } from "../../engine/types";
import { htmlLang } from "../i18n";
import { pt } from "./i18n";

export interface ConfirmDialogProps {
  lang: Lang;
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The confirm button stays disabled while the dialog is still finding out what to say (e.g. formulas). */
  confirmDisabled?: boolean;
  testId: string;
  onAnswer(confirmed: boolean): void;
}

/** A yes/no question before replacing or deleting a stored profile. */
export function ConfirmDialog({
  lang,
  open,
  title,
  children,
  confirmLabel,
  confirmDisabled,
  testId,
  onAnswer,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onAnswer(false)}>
      <DialogSurface data-testid={testId} lang={htmlLang(lang)}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              data-testid={`${testId}-confirm`}
              disabled={confirmDisabled}
              onClick={() => onAnswer(true)}
            >
              {confirmLabel}
            </Button>
            <Button data-testid={`${testId}-cancel`} onClick={() => onAnswer(false)}>
              {pt(lang, "cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
