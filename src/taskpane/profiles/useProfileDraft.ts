/**
 * The profile being edited: the form's fields as typed, the stored profile it was opened from, and which of the
 * engine's problems are shown (those of fields the user has left, or all once Save or Preview was tried).
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { RefObject } from "react";
import { parseProfile, profileName } from "../../engine";
import type { Lang, Profile, ProfileIssue } from "../../engine";
import {
  blankDraft,
  checkDraft,
  draftToDocument,
  groupIssues,
  visibleIssues,
  type FieldIssues,
  type ProfileDraft,
} from "./editorState";
import { pt } from "./i18n";

/** The profile a form was opened from, to compare the edited one with in the preview. */
export interface Baseline {
  profile: Profile;
  name: string;
}

export interface ProfileDraftState {
  /** A form is open (the editor opens on its list: nothing unsaved is shown until the user picks what to edit). */
  opened: boolean;
  draft: ProfileDraft;
  /** Id of the stored profile the form was loaded from (saving it again is an update of that profile). */
  editingId: string | null;
  baseline: Baseline | null;
  /** The problems to show, by field path. */
  issues: FieldIssues;
  /** Every problem the engine finds in the form, shown or not. */
  problemCount: number;
  /** The form as a valid profile; null while it has problems. */
  profile: Profile | null;
  /** Why Save or Preview did nothing (the form has problems), shown beside them. */
  blocked: string | null;
  edit(next: ProfileDraft): void;
  /** The user left the field(s) at these engine paths: from now on their problems are shown. */
  leave(...paths: string[]): void;
  /** Opens another form: a stored profile (its id), a copy or a blank one, compared in the preview with `from`. */
  load(next: ProfileDraft, storedId: string | null, from: Profile | null): void;
  /** Save or Preview with problems in the form: show them all, say so beside the button, go to the first. */
  block(key: "fixBeforeSave" | "fixBeforePreview"): void;
  /** The form was saved as `profile`: it is now the stored profile being edited, and later edits compare with it. */
  saved(profile: Profile): void;
  /** What the storage refused at the last save (e.g. a taken id), shown until the user changes the form. */
  refuse(issues: ProfileIssue[]): void;
  forgetStored(): void;
}

export function useProfileDraft(lang: Lang, root: RefObject<HTMLElement>, onEdit: () => void): ProfileDraftState {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<ProfileDraft>(blankDraft);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [refused, setRefused] = useState<ProfileIssue[]>([]);
  const [baseline, setBaseline] = useState<Baseline | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [focusProblem, setFocusProblem] = useState(0);

  const engineIssues = useMemo(() => checkDraft(draft), [draft]);
  const issues: FieldIssues = useMemo(() => {
    const shown = visibleIssues(engineIssues, touched, showAll);
    if (refused.length === 0) return shown;
    return groupIssues([...[...shown.values()].flat(), ...refused]);
  }, [engineIssues, touched, showAll, refused]);
  const valid = engineIssues.size === 0;
  const profile = useMemo(() => (valid ? parseProfile(draftToDocument(draft)) : null), [valid, draft]);

  // The form no longer has problems: the reason Save did nothing is gone too.
  useEffect(() => {
    if (valid) setBlocked(null);
  }, [valid]);

  useEffect(() => {
    if (focusProblem === 0) return;
    const first = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [focusProblem, root]);

  const edit = (next: ProfileDraft) => {
    setDraft(next);
    setRefused([]);
    onEdit();
  };

  const leave = useCallback((...paths: string[]) => {
    setTouched((t) => (paths.every((p) => t.has(p)) ? t : new Set([...t, ...paths])));
  }, []);

  const load = (next: ProfileDraft, storedId: string | null, from: Profile | null) => {
    setOpened(true);
    edit(next);
    setEditingId(storedId);
    setTouched(new Set());
    setShowAll(false);
    setBlocked(null);
    setBaseline(from ? { profile: from, name: profileName(from, lang) } : null);
  };

  const block = (key: "fixBeforeSave" | "fixBeforePreview") => {
    setShowAll(true);
    setBlocked(pt(lang, key, { count: engineIssues.size }));
    setFocusProblem((n) => n + 1);
  };

  const saved = (p: Profile) => {
    setEditingId(p.id);
    setBaseline({ profile: p, name: profileName(p, lang) });
  };

  return {
    opened,
    draft,
    editingId,
    baseline,
    issues,
    problemCount: engineIssues.size,
    profile,
    blocked,
    edit,
    leave,
    load,
    block,
    saved,
    refuse: setRefused,
    forgetStored: () => setEditingId(null),
  };
}
