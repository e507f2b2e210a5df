/** What the footer says beside Grade: what it will grade, or why it cannot yet. */
import type { ColumnDetection, DisplayDateForm, Lang, NotATable } from "../engine";
import { roleList } from "./describeError";
import type { Inspection } from "./gradingFlow";
import { formatCount } from "./components/SourceSection";
import { t } from "./i18n";

export interface GradeReadiness {
  busy: boolean;
  loading: boolean;
  inspection: Inspection | null;
  detection: ColumnDetection | null;
  asOfText: string;
  asOfDay: number | null;
  latestDay: number | null | undefined;
  windowInvalid: boolean;
  profileChosen: boolean;
  /** The selection is not a table to grade (engine notATable; a header row alone keeps its own reason). */
  notTable?: NotATable | null;
  /** The profile's fixed date is before the data and the user has not chosen between them yet. */
  fixedDateUndecided?: boolean;
  dateForm: DisplayDateForm;
}

/** Why Grade is disabled, in the user's words; null when it can be clicked (or a run is going). */
export function gradeBlockedReason(state: GradeReadiness, lang: Lang): string | null {
  const { inspection, detection, asOfDay, dateForm } = state;
  if (state.busy) return null;
  if (state.loading && !inspection) return t(lang, "reasonLoading");
  if (!inspection || !detection) return t(lang, "reasonNoSource");
  if (state.notTable && state.notTable !== "headerOnly" && state.notTable !== "empty") return t(lang, "reasonNotTable");
  if (inspection.source.rowCount === 0) return t(lang, "reasonNoRows");
  if (detection.missing.length > 0)
    return t(lang, "reasonMissing", { roles: roleList(detection.missing, lang, detection.kind) });
  if (asOfDay === null) {
    return state.asOfText.trim() === "" && state.latestDay === undefined && detection.mapping.date !== undefined
      ? t(lang, "reasonAsOfWaiting")
      : t(lang, "reasonAsOf", { pattern: dateForm.pattern });
  }
  if (state.windowInvalid) return t(lang, "reasonWindow", { pattern: dateForm.pattern });
  if (state.fixedDateUndecided) return t(lang, "reasonFixedDate");
  if (!state.profileChosen) return t(lang, "reasonNoSource");
  return null;
}

/** "Will grade Sales!A1:E6 · 5 rows", or that there is no range yet. */
export function gradeTarget(inspection: Inspection | null, lang: Lang): string {
  return inspection
    ? t(lang, inspection.source.rowCount === 1 ? "willGradeOne" : "willGrade", {
        address: inspection.source.address,
        rows: formatCount(inspection.source.rowCount, lang),
      })
    : t(lang, "noRange");
}
