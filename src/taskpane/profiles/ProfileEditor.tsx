/**
 * Define, edit, import, export and delete the grading profiles stored in the workbook. The form's state, the preview,
 * the storage and the messages live in hooks beside this file; the workbook is reached only through `store` and
 * `preview` (the Excel adapter behind them).
 */
import { localeOf } from "../../engine";
import { useEffect, useMemo, useRef } from "react";
import {
  Button,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { displayDateForm } from "../../engine";
import type { Lang, Profile, ProfileIssue } from "../../engine";
import { blankDraft, draftFromProfile, unshownIssues, type ProfileDraft } from "./editorState";
import { EditorFooter } from "./EditorFooter";
import { issueMessage } from "./formMessages";
import { pt } from "./i18n";
import { ProfileForm } from "./ProfileForm";
import { ProfilePreview } from "./ProfilePreview";
import type { ProfileStore } from "./profileStore";
import type { PreviewGrading } from "./selectionPreview";
import { StorageDialogs } from "./StorageDialogs";
import { ExportDialog } from "./ExportDialog";
import type { ExportRoute } from "./downloadJson";
import { StoredProfilesSection } from "./StoredProfilesSection";
import { useEditorMessages } from "./useEditorMessages";
import { useProfileDraft } from "./useProfileDraft";
import { useProfilePreview } from "./useProfilePreview";
import { useProfileStorage } from "./useProfileStorage";
import { useStoredProfiles } from "./useStoredProfiles";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  titleRow: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  ellipsis: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  hint: { color: tokens.colorNeutralForeground2 },
  title: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

export interface ProfileEditorProps {
  lang: Lang;
  store: ProfileStore;
  preview: PreviewGrading;
  /** Back to grading. */
  onClose?(): void;
  /** The valid stored profiles after a save, import or delete (the pane's profile picker lists them). */
  onChanged?(profiles: Profile[]): void;
  /** Office's display language (e.g. "en-GB"), for the form of dates; the usual one of `lang` when absent. */
  displayLanguage?: string;
  /** How Export hands out a profile here: a file download, or (Excel for Mac) the text to copy. */
  exportRoute?: ExportRoute;
}

function IssueList({ issues, lang, className }: { issues: readonly ProfileIssue[]; lang: Lang; className: string }) {
  return (
    <ul className={className}>
      {issues.map((issue, i) => (
        <li key={i}>{issueMessage(issue, lang)}</li>
      ))}
    </ul>
  );
}

/** Define, edit, import, export and delete the grading profiles stored in the workbook. */
export function ProfileEditor({
  lang,
  store,
  preview,
  onClose,
  onChanged,
  displayLanguage,
  exportRoute,
}: ProfileEditorProps) {
  const styles = useStyles();
  const dateForm = useMemo(() => displayDateForm(displayLanguage ?? localeOf(lang)), [displayLanguage, lang]);
  const root = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // Opened from the pane: the focus moves in with the user (the button that opened it is gone).
  useEffect(() => title.current?.focus(), []);
  const messages = useEditorMessages();
  const { notice, error, importProblem, setNotice, setError, setImportProblem } = messages;
  const { stored, reload } = useStoredProfiles(store, lang, setError);
  const form = useProfileDraft(lang, root, () => setNotice(null));
  const previewRun = useProfilePreview(preview, form.baseline, form.profile, lang);

  /** Opens another form; what was said about the last one goes. */
  const open = (next: ProfileDraft, storedId: string | null, from: Profile | null) => {
    form.load(next, storedId, from);
    setError(null);
    setImportProblem(null);
    previewRun.reset();
  };
  const changed = async () => {
    const listed = await reload();
    if (listed) onChanged?.(listed.profiles);
  };
  const storage = useProfileStorage({ lang, store, form, messages, open, changed, exportRoute });
  const { busy } = storage;

  const showPreview = () => {
    if (!form.profile) return form.block("fixBeforePreview");
    previewRun.show(form.profile);
    // The result is under the form: bring it into view (the footer keeps the buttons in sight).
    root.current?.querySelector("[data-testid=profile-preview]")?.scrollIntoView({ block: "nearest" });
  };

  const others = unshownIssues(form.draft, form.issues);
  return (
    <div className={styles.pane} data-testid="profile-editor" ref={root}>
      <div className={styles.titleRow}>
        <Text
          as="h2"
          size={400}
          weight="semibold"
          ref={title}
          tabIndex={-1}
          className={styles.title}
          data-testid="editor-title"
        >
          {pt(lang, "editorTitle")}
        </Text>
        {onClose && (
          <Button data-testid="profiles-back" onClick={onClose} disabled={busy}>
            {pt(lang, "back")}
          </Button>
        )}
      </div>
      {importProblem && (
        <MessageBar intent="error" data-testid="import-problem">
          <MessageBarBody>
            <MessageBarTitle>{pt(lang, "importRefused", { file: importProblem.file })}</MessageBarTitle>
            <IssueList issues={importProblem.issues} lang={lang} className={styles.list} />
          </MessageBarBody>
        </MessageBar>
      )}

      <StoredProfilesSection
        lang={lang}
        stored={stored}
        busy={busy}
        onEdit={(p) => open(draftFromProfile(p, false, lang), p.id, p)}
        onStartBlank={() => open(blankDraft(lang), null, null)}
        onStartCopy={(p) => open(draftFromProfile(p, true, lang), null, p)}
        onImport={(file) => void storage.importFile(file)}
      />

      <Divider />
      {!form.opened && (
        <Text data-testid="choose-to-edit" className={styles.hint}>
          {pt(lang, "chooseToEdit")}
        </Text>
      )}
      {form.opened && (
        <>
          <Text data-testid="editing-what" className={styles.ellipsis} title={form.editingId ?? undefined}>
            {form.editingId === null ? pt(lang, "editingNew") : pt(lang, "editingStored", { id: form.editingId })}
          </Text>
          {others.length > 0 && (
            <MessageBar intent="error" data-testid="other-problems">
              <MessageBarBody>
                <MessageBarTitle>{pt(lang, "otherProblems")}</MessageBarTitle>
                <IssueList issues={others} lang={lang} className={styles.list} />
              </MessageBarBody>
            </MessageBar>
          )}
          <ProfileForm
            lang={lang}
            draft={form.draft}
            issues={form.issues}
            disabled={busy}
            onChange={form.edit}
            onLeave={form.leave}
            dateForm={dateForm}
          />

          <Divider />
          <ProfilePreview lang={lang} state={previewRun.state} dateForm={dateForm} />

          <div className={styles.buttons}>
            <Button
              data-testid="profile-export"
              disabled={busy || form.profile === null}
              onClick={storage.exportProfile}
            >
              {pt(lang, "exportButton")}
            </Button>
            {form.editingId !== null && (
              <Button data-testid="profile-delete" disabled={busy} onClick={() => void storage.askDelete()}>
                {pt(lang, "deleteButton")}
              </Button>
            )}
          </div>
        </>
      )}

      <EditorFooter
        lang={lang}
        notice={notice}
        blocked={form.blocked}
        previewSpoken={previewRun.spoken}
        error={error}
        busy={busy}
        previewRunning={previewRun.state.status === "running"}
        formOpen={form.opened}
        onSave={() => void storage.save()}
        onPreview={showPreview}
      />

      <StorageDialogs lang={lang} pending={storage.pending} onAnswer={(yes) => void storage.answer(yes)} />
      <ExportDialog lang={lang} exported={storage.exported} onClose={storage.closeExport} />
    </div>
  );
}
