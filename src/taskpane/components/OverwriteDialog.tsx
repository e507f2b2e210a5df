import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import type { OverwriteChoice } from "../gradingFlow";
import { t } from "../i18n";

export interface OverwriteDialogProps {
  lang: Lang;
  open: boolean;
  /** Where the output would go (kept while the dialog closes, so its text does not change as it fades). */
  address: string;
  onAnswer(choice: OverwriteChoice): void;
}

/** Asked before writing over cells that hold data the add-in did not write. */
export function OverwriteDialog({ lang, open, address, onAnswer }: OverwriteDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onAnswer("cancel")}>
      <DialogSurface data-testid="overwrite-dialog">
        <DialogBody>
          <DialogTitle>{t(lang, "overwriteTitle")}</DialogTitle>
          <DialogContent>{t(lang, "overwriteBody", { address })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="answer-new-sheet" onClick={() => onAnswer("newSheet")}>
              {t(lang, "overwriteNewSheet")}
            </Button>
            <Button data-testid="answer-overwrite" onClick={() => onAnswer("overwrite")}>
              {t(lang, "overwriteReplace")}
            </Button>
            <Button data-testid="answer-cancel" onClick={() => onAnswer("cancel")}>
              {t(lang, "overwriteCancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
