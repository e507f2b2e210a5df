import { useCallback, useEffect, useMemo, useRef, useState } from "react";
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
import { BUILTIN_PROFILES, parseProfile, parseProfileJson, profileName, profileToJson } from "../../engine";
import type { Lang, Profile, ProfileIssue } from "../../engine";
import type { FormulaUses, SaveOutcome, WorkbookProfiles } from "../../excel/workbookProfiles";
import { describeError } from "../describeError";
import { ConfirmDialog } from "./ConfirmDialog";
import { downloadJson, exportFileName } from "./downloadJson";
import {
  blankDraft,
  checkDraft,
  draftFromProfile,
  draftToDocument,
  groupIssues,
  unshownIssues,
  type FieldIssues,
  type ProfileDraft,
} from "./editorState";
import { pt } from "./i18n";
import { ProfileForm } from "./ProfileForm";
import { ProfilePreview, type PreviewState } from "./ProfilePreview";
import type { ProfileStore } from "./profileStore";
import type { PreviewGrading } from "./selectionPreview";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  storedRow: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hidden: { display: "none" },
});

/** Addresses shown in the delete question; the rest are counted. */
const SHOWN_ADDRESSES = 10;
/** Pause after the last keystroke before a followed preview grades again. */
const PREVIEW_DELAY_MS = 600;

export interface ProfileEditorProps {
  lang: Lang;
  store: ProfileStore;
  preview: PreviewGrading;
  /** Back to grading. */
  onClose?(): void;
  /** The valid stored profiles after a save, import or delete (the pane's profile picker lists them). */
  onChanged?(profiles: Profile[]): void;
}

type Pending =
  | { kind: "update"; id: string; retry: (update: boolean) => Promise<SaveOutcome>; done: (profile: Profile) => string }
  | { kind: "delete"; id: string; uses: FormulaUses | null };

function issueList(issues: readonly ProfileIssue[], lang: Lang): string[] {
  return issues.map((i) => i.message[lang]);
}

/** Define, edit, import, export and delete the grading profiles stored in the workbook. */
export function ProfileEditor({ lang, store, preview, onClose, onChanged }: ProfileEditorProps) {
  const styles = useStyles();
  const [stored, setStored] = useState<WorkbookProfiles | null>(null);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(BUILTIN_PROFILES[0], true));
  /** Id of the stored profile the form was loaded from (saving it again is an update of that profile). */
  const [editingId, setEditingId] = useState<string | null>(null);
  /** What the storage refused at the last save (e.g. a taken id), until the user changes the form. */
  const [refused, setRefused] = useState<ProfileIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importProblem, setImportProblem] = useState<{ file: string; issues: ProfileIssue[] } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [previewState, setPreviewState] = useState<PreviewState>({ status: "idle" });
  const [followPreview, setFollowPreview] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewRun = useRef(0);

  const engineIssues = useMemo(() => checkDraft(draft), [draft]);
  const issues: FieldIssues = useMemo(() => {
    if (refused.length === 0) return engineIssues;
    return groupIssues([...[...engineIssues.values()].flat(), ...refused]);
  }, [engineIssues, refused]);
  const valid = engineIssues.size === 0;
  const profile = useMemo(() => (valid ? parseProfile(draftToDocument(draft)) : null), [valid, draft]);

  const reload = useCallback(async () => {
    try {
      const listed = await store.list();
      setStored(listed);
      return listed;
    } catch (err) {
      setError(describeError(err, lang));
      return null;
    }
  }, [store, lang]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const changed = async () => {
    const listed = await reload();
    if (listed) onChanged?.(listed.profiles);
  };

  const edit = (next: ProfileDraft) => {
    setDraft(next);
    setRefused([]);
    setNotice(null);
  };

  const load = (next: ProfileDraft, storedId: string | null) => {
    edit(next);
    setEditingId(storedId);
    setError(null);
    setImportProblem(null);
  };

  // A preview the user asked for follows the form: it grades again shortly after each valid change (only then: a
  // new `preview` function from the parent is not a change of the form).
  const previewFn = useRef(preview);
  previewFn.current = preview;
  const runPreview = useCallback(
    (p: Profile) => {
      const run = ++previewRun.current;
      setPreviewState((s) => ({ status: "running", last: s.status === "done" ? s.summary : undefined }));
      previewFn.current(p).then(
        (summary) => run === previewRun.current && setPreviewState({ status: "done", summary }),
        (err: unknown) => run === previewRun.current && setPreviewState({ status: "failed", message: describeError(err, lang) }),
      );
    },
    [lang],
  );
  useEffect(() => {
    if (!followPreview || !profile) return;
    const timer = setTimeout(() => runPreview(profile), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [followPreview, profile, runPreview]);

  /** Runs a save or an import; the caller handles a refusal (a taken id asks whether to replace). */
  const attempt = async (write: (update: boolean) => Promise<SaveOutcome>, done: (p: Profile) => string, update: boolean) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setImportProblem(null);
    try {
      const outcome = await write(update);
      if (outcome.status === "saved") {
        setRefused([]);
        setNotice(done(outcome.profile));
        await changed();
      }
      return outcome;
    } catch (err) {
      setError(describeError(err, lang));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!profile) return;
    const doc = draftToDocument(draft);
    const write = (update: boolean) => store.save(doc, update);
    const done = (p: Profile) => {
      setEditingId(p.id);
      return pt(lang, "saved", { id: p.id });
    };
    // Saving the profile the form was loaded from is the explicit update; any other id must be new.
    const isEdit = editingId !== null && editingId.toLowerCase() === profile.id.toLowerCase();
    const outcome = await attempt(write, done, isEdit);
    if (outcome?.status !== "refused") return;
    if (outcome.reason === "taken") setPending({ kind: "update", id: profile.id, retry: write, done });
    else setRefused(outcome.issues);
  };

  const importFile = async (file: File) => {
    const text = await file.text();
    const write = (update: boolean) => store.importJson(text, update);
    const done = (p: Profile) => {
      load(draftFromProfile(p), p.id);
      return pt(lang, "imported", { id: p.id });
    };
    const outcome = await attempt(write, done, false);
    if (outcome?.status !== "refused") return;
    const parsed = parseProfileJson(text);
    if (outcome.reason === "taken" && "profile" in parsed) setPending({ kind: "update", id: parsed.profile.id, retry: write, done });
    else setImportProblem({ file: file.name, issues: outcome.issues });
  };

  const askDelete = async () => {
    if (editingId === null) return;
    const id = editingId;
    setPending({ kind: "delete", id, uses: null });
    try {
      const uses = await store.findUses(id);
      setPending((p) => (p?.kind === "delete" && p.id === id ? { ...p, uses } : p));
    } catch (err) {
      setPending(null);
      setError(describeError(err, lang));
    }
  };

  const answer = async (confirmed: boolean) => {
    const question = pending;
    setPending(null);
    if (!question || !confirmed) return;
    if (question.kind === "update") {
      await attempt(question.retry, question.done, true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await store.remove(question.id);
      setNotice(pt(lang, "deleted", { id: question.id }));
      setEditingId(null);
      await changed();
    } catch (err) {
      setError(describeError(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const exportProfile = () => {
    if (!profile) return;
    const file = exportFileName(profile.id);
    downloadJson(file, profileToJson(profile));
    setNotice(pt(lang, "exportReady", { file }));
  };

  const others = unshownIssues(draft, issues);

  return (
    <div className={styles.pane} data-testid="profile-editor">
      <div className={styles.storedRow}>
        <Text as="h2" size={400} weight="semibold">
          {pt(lang, "editorTitle")}
        </Text>
        {onClose && (
          <Button data-testid="profiles-back" onClick={onClose} disabled={busy}>
            {pt(lang, "back")}
          </Button>
        )}
      </div>
      {error !== null && (
        <MessageBar intent="error" data-testid="profile-error">
          <MessageBarBody>
            <MessageBarTitle>{pt(lang, "errorTitle")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice !== null && (
        <MessageBar intent="success" data-testid="profile-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {importProblem && (
        <MessageBar intent="error" data-testid="import-problem">
          <MessageBarBody>
            <MessageBarTitle>{pt(lang, "importRefused", { file: importProblem.file })}</MessageBarTitle>
            <ul className={styles.list}>
              {issueList(importProblem.issues, lang).map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

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
        {stored?.profiles.map((p) => (
          <div key={p.id} className={styles.storedRow} data-testid={`stored-${p.id}`}>
            <Text>
              {profileName(p, lang)} ({p.id})
            </Text>
            <Button size="small" data-testid={`edit-${p.id}`} disabled={busy} onClick={() => load(draftFromProfile(p), p.id)}>
              {pt(lang, "editStored")}
            </Button>
          </div>
        ))}
        {stored?.invalid.map((x) => (
          <MessageBar key={x.key} intent="warning" data-testid={`invalid-${x.id}`}>
            <MessageBarBody>
              {pt(lang, "invalidStored", { id: x.id, problems: issueList(x.issues, lang).join(lang === "zh" ? "；" : "; ") })}
            </MessageBarBody>
          </MessageBar>
        ))}
        <Text weight="semibold" size={300}>
          {pt(lang, "startHeading")}
        </Text>
        <div className={styles.buttons}>
          <Button data-testid="start-blank" disabled={busy} onClick={() => load(blankDraft(), null)}>
            {pt(lang, "startBlank")}
          </Button>
          {BUILTIN_PROFILES.map((p) => (
            <Button key={p.id} data-testid={`start-copy-${p.id}`} disabled={busy} onClick={() => load(draftFromProfile(p, true), null)}>
              {pt(lang, "startCopy", { name: profileName(p, lang) })}
            </Button>
          ))}
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
              if (file) void importFile(file);
            }}
          />
        </div>
      </section>

      <Divider />
      <Text data-testid="editing-what">
        {editingId === null ? pt(lang, "editingNew") : pt(lang, "editingStored", { id: editingId })}
      </Text>
      {others.length > 0 && (
        <MessageBar intent="error" data-testid="other-problems">
          <MessageBarBody>
            <MessageBarTitle>{pt(lang, "otherProblems")}</MessageBarTitle>
            <ul className={styles.list}>
              {issueList(others, lang).map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <ProfileForm lang={lang} draft={draft} issues={issues} disabled={busy} onChange={edit} />

      <Divider />
      <ProfilePreview
        lang={lang}
        state={previewState}
        valid={valid}
        onRun={() => {
          if (!profile) return;
          setFollowPreview(true);
          runPreview(profile);
        }}
      />

      <Divider />
      <div className={styles.buttons}>
        <Button appearance="primary" data-testid="profile-save" disabled={busy || !valid} onClick={() => void save()}>
          {busy ? pt(lang, "saving") : pt(lang, "save")}
        </Button>
        <Button data-testid="profile-export" disabled={busy || !valid} onClick={exportProfile}>
          {pt(lang, "exportButton")}
        </Button>
        {editingId !== null && (
          <Button data-testid="profile-delete" disabled={busy} onClick={() => void askDelete()}>
            {pt(lang, "deleteButton")}
          </Button>
        )}
      </div>

      <ConfirmDialog
        lang={lang}
        open={pending?.kind === "update"}
        title={pt(lang, "updateTitle")}
        confirmLabel={pt(lang, "updateConfirm")}
        testId="replace-dialog"
        onAnswer={(yes) => void answer(yes)}
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
        onAnswer={(yes) => void answer(yes)}
      >
        {pending?.kind === "delete" && <DeleteQuestion lang={lang} uses={pending.uses} />}
      </ConfirmDialog>
    </div>
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
