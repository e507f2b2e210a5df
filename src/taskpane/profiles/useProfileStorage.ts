/**
 * What the editor does to the workbook's profiles: save the form, import a file, delete a stored profile (asking first
 * where an id is taken or formulas still name it), export the form as a file (or, where the pane cannot save one, as
 * text to copy).
 */
import { useState } from "react";
import { parseProfileJson, profileToJson } from "../../engine";
import type { Lang, Profile } from "../../engine";
import type { FormulaUses, SaveOutcome } from "../../excel/workbookProfiles";
import { describeError } from "../describeError";
import { downloadJson, exportFileName } from "./downloadJson";
import type { ExportRoute } from "./downloadJson";
import { draftFromProfile, draftToDocument } from "./editorState";
import { pt } from "./i18n";
import type { ProfileStore } from "./profileStore";
import type { EditorMessages } from "./useEditorMessages";
import type { ProfileDraftState } from "./useProfileDraft";

/** A question the user must answer before the storage goes on. */
export type PendingQuestion =
  | { kind: "update"; id: string; retry: (update: boolean) => Promise<SaveOutcome>; done: (profile: Profile) => string }
  | { kind: "delete"; id: string; uses: FormulaUses | null };

export interface ProfileStorage {
  busy: boolean;
  pending: PendingQuestion | null;
  save(): Promise<void>;
  importFile(file: File): Promise<void>;
  askDelete(): Promise<void>;
  answer(confirmed: boolean): Promise<void>;
  exportProfile(): void;
  /** The profile shown to copy (Excel for Mac's export), null when none is. */
  exported: ExportedText | null;
  closeExport(): void;
}

/** A profile's JSON as Export shows it to copy. */
interface ExportedText {
  id: string;
  file: string;
  json: string;
}

export interface ProfileStorageDeps {
  lang: Lang;
  store: ProfileStore;
  form: ProfileDraftState;
  messages: EditorMessages;
  /** Opens a form (after an import, the imported profile). */
  open(next: ReturnType<typeof draftFromProfile>, storedId: string | null, from: Profile | null): void;
  /** The stored profiles changed: read them again and tell the pane. */
  changed(): Promise<void>;
  /** How Export hands out a profile on this platform (a download, or the text to copy). */
  exportRoute?: ExportRoute;
}

export function useProfileStorage({
  lang,
  store,
  form,
  messages,
  open,
  changed,
  exportRoute = "download",
}: ProfileStorageDeps): ProfileStorage {
  const { setNotice, setError, setImportProblem } = messages;
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingQuestion | null>(null);
  const [exported, setExported] = useState<ExportedText | null>(null);

  /** Runs a save or an import; the caller handles a refusal (a taken id asks whether to replace). */
  const attempt = async (
    write: (update: boolean) => Promise<SaveOutcome>,
    done: (p: Profile) => string,
    update: boolean,
  ) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setImportProblem(null);
    try {
      const outcome = await write(update);
      if (outcome.status === "saved") {
        form.refuse([]);
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
    const { profile } = form;
    if (!profile) return form.block("fixBeforeSave");
    const doc = draftToDocument(form.draft);
    const write = (update: boolean) => store.save(doc, update);
    const done = (p: Profile) => {
      form.saved(p);
      return pt(lang, "saved", { id: p.id });
    };
    // Saving the profile the form was loaded from is the explicit update; any other id must be new.
    const isEdit = form.editingId !== null && form.editingId.toLowerCase() === profile.id.toLowerCase();
    const outcome = await attempt(write, done, isEdit);
    if (outcome?.status !== "refused") return;
    if (outcome.reason === "taken") setPending({ kind: "update", id: profile.id, retry: write, done });
    else form.refuse(outcome.issues);
  };

  const importFile = async (file: File) => {
    const text = await file.text();
    const write = (update: boolean) => store.importJson(text, update);
    const done = (p: Profile) => {
      open(draftFromProfile(p, false, lang), p.id, p);
      return pt(lang, "imported", { id: p.id });
    };
    const outcome = await attempt(write, done, false);
    if (outcome?.status !== "refused") return;
    const parsed = parseProfileJson(text);
    if (outcome.reason === "taken" && "profile" in parsed)
      setPending({ kind: "update", id: parsed.profile.id, retry: write, done });
    else setImportProblem({ file: file.name, issues: outcome.issues });
  };

  const askDelete = async () => {
    if (form.editingId === null) return;
    const id = form.editingId;
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
      form.forgetStored();
      await changed();
    } catch (err) {
      setError(describeError(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const exportProfile = () => {
    if (!form.profile) return;
    const file = exportFileName(form.profile.id);
    if (exportRoute === "copy") {
      setExported({ id: form.profile.id, file, json: profileToJson(form.profile) });
      return;
    }
    downloadJson(file, profileToJson(form.profile));
    setNotice(pt(lang, "exportReady", { file }));
  };

  return {
    busy,
    pending,
    save,
    importFile,
    askDelete,
    answer,
    exportProfile,
    exported,
    closeExport: () => setExported(null),
  };
}
