import { Text } from "@fluentui/react-components";
import type { Lang } from "../../engine";
import type { FormulaUses } from "../../excel/workbookProfiles";
import { ConfirmDialog } from "./ConfirmDialog";
import { pt } from "./i18n";
import type { PendingQuestion } from "./useProfileStorage";

/** Addresses shown in the delete question; the rest are counted. */
const SHOWN_ADDRESSES = 10;

export interface StorageDialogsProps {
  lang: Lang;
  pending: PendingQuestion | null;
  onAnswer(confirmed: boolean): void;
}

/** The questions before replacing a stored profile of the same id, and before deleting one. */
export function StorageDialogs({ lang, pending, onAnswer }: StorageDialogsProps) {
  return (
    <>
      <ConfirmDialog
        lang={lang}
        open={pending?.kind === "update"}
        title={pt(lang, "updateTitle")}
        confirmLabel={pt(lang, "updateConfirm")}
        testId="replace-dialog"
        onAnswer={onAnswer}
      >
        {pending?.kind === "update" ? pt(lang, "updateBody", { id: pending.id }) : ""}
      </ConfirmDialog>
      <ConfirmDialog
        lang={lang}
        open={pending?.kind === "delete"}
        title={pending?.kind === "delete" ? pt(lang, "deleteTitle", { id: pending.id }) : ""}
        confirmLabel={pt(lang, "deleteConfirm")}
        confirmDisabled={pending?.kind === "delete" && pending.uses === null}
        testId="delete-dialog"
        onAnswer={onAnswer}
      >
        {pending?.kind === "delete" && <DeleteQuestion lang={lang} uses={pending.uses} />}
      </ConfirmDialog>
    </>
  );
}

function DeleteQuestion({ lang, uses }: { lang: Lang; uses: FormulaUses | null }) {
  if (uses === null) return <Text>{pt(lang, "findingUses")}</Text>;
  if (uses.cells === 0) return <Text data-testid="delete-unused">{pt(lang, "deleteUnused")}</Text>;
  const shown = uses.addresses.slice(0, SHOWN_ADDRESSES);
  const more = uses.addresses.length - shown.length;
  return (
    <div data-testid="delete-uses">
      <Text>{pt(lang, "deleteUsed", { count: uses.cells })}</Text>
      <ul>
        {shown.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      {more > 0 && <Text>{pt(lang, "deleteMore", { count: more })}</Text>}
    </div>
  );
}
