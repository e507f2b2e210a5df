/**
 * What the task pane needs to offer workbook profiles: the storage (for the picker and the editor) and a preview
 * over the pane's current view of the data. Made once where `Excel.run` is known (startup).
 */
import type { ExcelRun } from "../gradingFlow";
import { createProfileStore, type ProfileStore } from "./profileStore";
import { createSelectionPreview, type PreviewData, type PreviewGrading } from "./selectionPreview";

export interface ProfileTools {
  store: ProfileStore;
  /** A preview that reads the pane's data as `current` describes it (null: locate the selection afresh). */
  preview(current: () => PreviewData | null): PreviewGrading;
}

/** `today` (YYYY-MM-DD): the analysis date for a profile without a default. */
export function createProfileTools(run: ExcelRun, today: string): ProfileTools {
  return {
    store: createProfileStore(run),
    preview: (current) => createSelectionPreview(run, today, current),
  };
}
