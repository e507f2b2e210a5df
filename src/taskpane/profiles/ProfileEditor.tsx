import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { BUILTIN_PROFILES, displayDateForm, parseProfile, parseProfileJson, profileName, profileToJson } from "../../engine";
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
  visibleIssues,
  type FieldIssues,
  type ProfileDraft,
} from "./editorState";
import { issueMessage } from "./formMessages";
import { pt } from "./i18n";
import { ProfileForm } from "./ProfileForm";
import { ProfilePreview, type PreviewResult, type PreviewState } from "./ProfilePreview";
import { compareGradeCounts } from "./previewComparison";
import type { ProfileStore } from "./profileStore";
import type { PreviewGrading } from "./selectionPreview";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  storedRow: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hidden: { display: "none" },
  // A long profile name ends in an ellipsis; the whole name is in its tooltip.
  ellipsis: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  wideButton: { maxWidth: "100%", minWidth: 0, justifyContent: "flex-start" },
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
  problem: { color: tokens.colorPaletteRedForeground1 },
  // Read by screen readers, not shown: the table under the form shows the same.
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
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
  /** Office's display language (e.g. "en-GB"), for the form of dates; the usual one of `lang` when absent. */
  displayLanguage?: string;
}

type Pending =
  | { kind: "update"; id: string; retry: (update: boolean) => Promise<SaveOutcome>; done: (profile: Profile) => string }
  | { kind: "delete"; id: string; uses: FormulaUses | null };

function issueList(issues: readonly ProfileIssue[], lang: Lang): string[] {
  return issues.map((i) => issueMessage(i, lang));
}

/** The profile a form was opened from, to compare the edited one with in the preview. */
interface Baseline {
  profile: Profile;
  name: string;
}

/** Define, edit, import, export and delete the grading profiles stored in the workbook. */
export function ProfileEditor({ lang, store, preview, onClose, onChanged, displayLanguage }: ProfileEditorProps) {
  const styles = useStyles();
  const dateForm = useMemo(() => displayDateForm(displayLanguage ?? (lang === "zh" ? "zh-CN" : "en-US")), [displayLanguage, lang]);
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
  const [baseline, setBaseline] = useState<Baseline | null>(() => ({ profile: BUILTIN_PROFILES[0], name: profileName(BUILTIN_PROFILES[0], lang) }));
  /** Engine paths of the fields the user has left: their problems are shown from then on. */
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  /** The user tried to save or preview: every problem is shown. */
  const [showAll, setShowAll] = useState(false);
  /** Why Save or Preview did nothing (the form has problems), shown beside them. */
  const [blocked, setBlocked] = useState<string | null>(null);
  const [focusProblem, setFocusProblem] = useState(0);
  /** The last preview the user asked for, in words, for the live region (followed previews are not announced). */
  const [previewSpoken, setPreviewSpoken] = useState<string | null>(null);
  const speakNextPreview = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const previewRun = useRef(0);

  const engineIssues = useMemo(() => checkDraft(draft), [draft]);
  const issues: FieldIssues = useMemo(() => {
    const shown = visibleIssues(engineIssues, touched, showAll);
    if (refused.length === 0) return shown;
    return groupIssues([...[...shown.values()].flat(), ...refused]);
  }, [engineIssues, touched, showAll, refused]);
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

  // The form no longer has problems: the reason Save did nothing is gone too.
  useEffect(() => {
    if (valid) setBlocked(null);
  }, [valid]);

  const leave = useCallback((...paths: string[]) => {
    setTouched((t) => (paths.every((p) => t.has(p)) ? t : new Set([...t, ...paths])));
  }, []);

  const load = (next: ProfileDraft, storedId: string | null, from: Profile | null) => {
    edit(next);
    setEditingId(storedId);
    setError(null);
    setImportProblem(null);
    setTouched(new Set());
    setShowAll(false);
    setBlocked(null);
    setBaseline(from ? { profile: from, name: profileName(from, lang) } : null);
    setFollowPreview(false);
    setPreviewState({ status: "idle" });
  };

  /** Save or Preview with problems in the form: show them all, say so beside the button, go to the first. */
  const block = (key: "fixBeforeSave" | "fixBeforePreview") => {
    setShowAll(true);
    setBlocked(pt(lang, key, { count: engineIssues.size }));
    setFocusProblem((n) => n + 1);
  };
  useEffect(() => {
    if (focusProblem === 0) return;
    const first = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [focusProblem]);

  // A preview the user asked for follows the form: it grades again shortly after each valid change (only then: a
  // new `preview` function from the parent is not a change of the form).
  const previewFn = useRef(preview);
  previewFn.current = preview;
  const runPreview = useCallback(
    (p: Profile) => {
      const run = ++previewRun.current;
      setPreviewState((s) => ({ status: "running", last: s.status === "done" ? s.result : undefined }));
      // The profile as opened grades the same data, so the user sees what the edit changes.
      const before = baseline ? previewFn.current(baseline.profile) : Promise.resolve(undefined);
      Promise.all([previewFn.current(p), before]).then(
        ([summary, beforeSummary]) => {
          if (run !== previewRun.current) return;
          const result: PreviewResult = { summary, before: beforeSummary, beforeName: baseline?.name };
          setPreviewState({ status: "done", result });
          if (speakNextPreview.current) {
            speakNextPreview.current = false;
            const number = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US");
            const counts = compareGradeCounts(summary, beforeSummary)
              .filter((row) => row.grade !== null && row.after !== undefined)
              .map((row) => {
                const values = { grade: row.grade ?? "", after: number.format(row.after ?? 0), before: number.format(row.before ?? 0) };
                return pt(lang, row.before !== undefined && row.before !== row.after ? "previewAnnounceChanged" : "previewAnnounceGrade", values);
              })
              .join(lang === "zh" ? "，" : ", ");
            setPreviewSpoken(pt(lang, "previewAnnounce", { graded: number.format(summary.graded), rows: number.format(summary.rows), counts }));
          }
        },
        (err: unknown) => run === previewRun.current && setPreviewState({ status: "failed", message: describeError(err, lang) }),
      );
    },
    [lang, baseline],
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
    if (!profile) return block("fixBeforeSave");
    const doc = draftToDocument(draft);
    const write = (update: boolean) => store.save(doc, update);
    const done = (p: Profile) => {
      setEditingId(p.id);
      // What is saved is now the profile as stored: later edits are compared with it.
      setBaseline({ profile: p, name: profileName(p, lang) });
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
      load(draftFromProfile(p), p.id, p);
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
  const showPreview = () => {
    if (!profile) return block("fixBeforePreview");
    setFollowPreview(true);
    speakNextPreview.current = true;
    runPreview(profile);
    // The result is under the form: bring it into view (the footer keeps the buttons in sight).
    root.current?.querySelector("[data-testid=profile-preview]")?.scrollIntoView({ block: "nearest" });
  };

  return (
    <div className={styles.pane} data-testid="profile-editor" ref={root}>
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
        {stored?.profiles.map((p) => {
          const name = `${profileName(p, lang)} (${p.id})`;
          return (
            <div key={p.id} className={styles.storedRow} data-testid={`stored-${p.id}`}>
              <Tooltip content={name} relationship="description">
                <Text className={styles.ellipsis} data-testid={`stored-${p.id}-name`}>
                  {name}
                </Text>
              </Tooltip>
              <Button
                size="small"
                data-testid={`edit-${p.id}`}
                aria-label={`${pt(lang, "editStored")}: ${name}`}
                disabled={busy}
                onClick={() => load(draftFromProfile(p), p.id, p)}
              >
                {pt(lang, "editStored")}
              </Button>
            </div>
          );
        })}
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
          <Button data-testid="start-blank" disabled={busy} onClick={() => load(blankDraft(), null, null)}>
            {pt(lang, "startBlank")}
          </Button>
          {BUILTIN_PROFILES.map((p) => {
            const label = pt(lang, "startCopy", { name: profileName(p, lang) });
            return (
              <Tooltip key={p.id} content={label} relationship="description">
                <Button className={styles.wideButton} data-testid={`start-copy-${p.id}`} disabled={busy} onClick={() => load(draftFromProfile(p, true), null, p)}>
                  <span className={styles.ellipsis}>{label}</span>
                </Button>
              </Tooltip>
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
              if (file) void importFile(file);
            }}
          />
        </div>
      </section>

      <Divider />
      <Text data-testid="editing-what" className={styles.ellipsis} title={editingId ?? undefined}>
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
      <ProfileForm lang={lang} draft={draft} issues={issues} disabled={busy} onChange={edit} onLeave={leave} dateForm={dateForm} />

      <Divider />
      <ProfilePreview lang={lang} state={previewState} dateForm={dateForm} />

      <div className={styles.buttons}>
        <Button data-testid="profile-export" disabled={busy || !valid} onClick={exportProfile}>
          {pt(lang, "exportButton")}
        </Button>
        {editingId !== null && (
          <Button data-testid="profile-delete" disabled={busy} onClick={() => void askDelete()}>
            {pt(lang, "deleteButton")}
          </Button>
        )}
      </div>

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
        <div className={styles.buttons}>
          <Button appearance="primary" data-testid="profile-save" disabled={busy} onClick={() => void save()}>
            {busy ? pt(lang, "saving") : pt(lang, "save")}
          </Button>
          <Button data-testid="preview-run" disabled={busy || previewState.status === "running"} onClick={showPreview}>
            {pt(lang, "previewRun")}
          </Button>
        </div>
      </footer>

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
