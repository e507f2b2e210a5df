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
import type { WriteQuestionKind } from "../hooks/useOverwriteQuestion";
import { htmlLang, t } from "../i18n";

export interface OverwriteDialogProps {
  lang: Lang;
  open: boolean;
  /** Occupied cells (overwrite, new sheet or cancel) or a protected sheet (new sheet or cancel). */
  kind?: WriteQuestionKind;
  /** Where the output would go, or the protected sheet's name (kept while the dialog closes, so its text stays). */
  address: string;
  onAnswer(choice: OverwriteChoice): void;
}

/** Asked before writing over cells that hold data the add-in did not write, or beside a table on a protected sheet. */
export function OverwriteDialog({ lang, open, kind = "occupied", address, onAnswer }: OverwriteDialogProps) {
  const isProtected = kind === "protected";
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onAnswer("cancel")}>
      {/* The dialog renders outside the pane's element: it says its language itself. */}
      <DialogSurface data-testid="overwrite-dialog" lang={htmlLang(lang)}>
        <DialogBody>
          <DialogTitle>{t(lang, isProtected ? "protectedTitle" : "overwriteTitle")}</DialogTitle>
          <DialogContent>
            {isProtected ? t(lang, "protectedBody", { sheet: address }) : t(lang, "overwriteBody", { address })}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="answer-new-sheet" onClick={() => onAnswer("newSheet")}>
              {t(lang, "overwriteNewSheet")}
            </Button>
            {!isProtected && (
              <Button data-testid="answer-overwrite" onClick={() => onAnswer("overwrite")}>
                {t(lang, "overwriteReplace")}
              </Button>
            )}
            <Button data-testid="answer-cancel" onClick={() => onAnswer("cancel")}>
              {t(lang, "overwriteCancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
