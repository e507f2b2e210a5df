/**
 * The table the pane shows: what Excel has selected, read again as the selection changes (throttled, see
 * selectionFollower; paused while the pane is hidden, see selectionFollowing), and the user's choices for it (columns mapped by hand, the layout, the unit of the amounts),
 * which hold only while the same range is shown.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ColumnDetection, InputKind, Lang, MonetaryUnit, Role } from "../../engine";
import { ExcelAdapterError } from "../../excel";
import type { SourceProblem } from "../components/SourceSection";
import { describeError } from "../describeError";
import type { ColumnMapping, GradingFlow, Inspection } from "../gradingFlow";
import { t } from "../i18n";
import { isSameTable } from "../sameTable";
import type { SelectionFollower } from "../selectionFollower";
import { startSelectionFollowing } from "../selectionFollowing";
import type { VisibilityEvents } from "../selectionFollowing";
import type { PaneMessages } from "./usePaneMessages";

/** The problem of an inspection failure: guidance for a selection that is empty or split, null for a real failure. */
function sourceProblem(err: unknown, lang: Lang): SourceProblem {
  if (err instanceof ExcelAdapterError && (err.code === "emptySource" || err.code === "multipleAreas")) {
    return { kind: err.code === "emptySource" ? "empty" : "multiple", message: err.text[lang] };
  }
  return null;
}

export interface SelectedTable {
  inspection: Inspection | null;
  /** The columns per role: as recognised, or as the user mapped them. */
  detection: ColumnDetection | null;
  loading: boolean;
  problem: SourceProblem;
  /** The unit the user picked for this table's amounts; undefined while the header's (or the profile's) applies. */
  userUnit: MonetaryUnit | undefined;
  setUserUnit(unit: MonetaryUnit | undefined): void;
  refresh(): Promise<void>;
  changeMapping(role: Role, column: number): void;
  changeKind(kind: InputKind): void;
  /**
   * Before grading: is the table shown still the one selected? If the selection moved, the new range is shown with a
   * notice and false is returned; the table shown grown by the add-in's own result columns is the same table.
   */
  confirmStillSelected(): Promise<boolean>;
  /** The pane's own selecting (results, rows, the summary sheet): shown to the user, not followed as a new range. */
  selectOurselves(action: () => Promise<unknown>): void;
}

export function useSelectedTable(
  flow: GradingFlow,
  lang: Lang,
  messages: Pick<PaneMessages, "setError" | "setNotice" | "tellError" | "tellNotice">,
  visibility?: VisibilityEvents | null,
): SelectedTable {
  const { setError, setNotice, tellError, tellNotice } = messages;
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [detection, setDetection] = useState<ColumnDetection | null>(null);
  const [manual, setManual] = useState<ColumnMapping>({});
  const [kind, setKind] = useState<InputKind | undefined>(undefined);
  const [userUnit, setUserUnit] = useState<MonetaryUnit | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<SourceProblem>(null);
  const follower = useRef<SelectionFollower | null>(null);
  const shownAddress = useRef<string | null>(null);

  /** Shows what an inspection found; the columns chosen by hand stay only while the range is the same. */
  const show = useCallback((found: Inspection) => {
    const sameRange = shownAddress.current === found.source.address;
    shownAddress.current = found.source.address;
    setInspection(found);
    setProblem(null);
    if (!sameRange) {
      setManual({});
      setKind(undefined);
      setDetection(found.detection);
      // A unit picked for another table is not carried over: this table's header (or the profile) decides again.
      setUserUnit(undefined);
    }
  }, []);

  const refresh = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      show(await flow.inspect());
    } catch (err) {
      shownAddress.current = null;
      setInspection(null);
      setDetection(null);
      const guidance = sourceProblem(err, lang);
      setProblem(guidance);
      if (!guidance) setError(describeError(err, lang));
    } finally {
      setLoading(false);
    }
  }, [flow, lang, show, setError]);

  // Follow Excel's selection while the pane is shown: throttled looks, one handler (see selectionFollowing).
  useEffect(() => {
    const following = startSelectionFollowing({
      look: refresh,
      watch: (onChange) => flow.watchSelection(onChange),
      visibility,
    });
    follower.current = following.follower;
    return () => void following.dispose();
  }, [flow, refresh, visibility]);

  const changeMapping = (role: Role, column: number) => {
    if (!inspection) return;
    const next = { ...manual, [role]: column };
    setManual(next);
    setDetection(flow.remap(inspection.source.headers, next, kind));
  };

  const changeKind = (next: InputKind) => {
    if (!inspection) return;
    setKind(next);
    setDetection(flow.remap(inspection.source.headers, manual, next));
  };

  const confirmStillSelected = async (): Promise<boolean> => {
    // Never grade a range other than the one shown: look at the selection again (unless the pane made it itself, to
    // show rows to the user) and, if it moved, show the new range instead of grading.
    if (!inspection || follower.current?.ownSelection) return inspection !== null;
    try {
      const now = await flow.inspect();
      if (isSameTable(inspection.source, now.source)) return true;
      shownAddress.current = null;
      show(now);
      tellNotice(t(lang, "rangeChanged", { address: now.source.address }));
    } catch (err) {
      await refresh();
      if (!sourceProblem(err, lang)) tellError(describeError(err, lang));
    }
    return false;
  };

  const selectOurselves = (action: () => Promise<unknown>) => {
    setNotice(null);
    const run = follower.current ? follower.current.whileSelectingOurselves(action) : action();
    run.catch((err: unknown) => tellError(describeError(err, lang)));
  };

  return {
    inspection,
    detection,
    loading,
    problem,
    userUnit,
    setUserUnit,
    refresh,
    changeMapping,
    changeKind,
    confirmStillSelected,
    selectOurselves,
  };
}
