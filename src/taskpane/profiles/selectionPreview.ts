/**
 * How the selected data would grade with a profile that is still being edited: the same reading as the grading
 * flow (adapter) and the same grading (engine), but nothing is written; only the summary comes back.
 */
import { detectColumns } from "../../engine";
import type { ColumnDetection, GradeSummary, MonetaryUnit, Profile } from "../../engine";
import { isDate1904, locateSource, readColumns } from "../../excel";
import type { SourceTable } from "../../excel";
import { FlowError, gradeColumns, rolesToRead } from "../gradingFlow";
import type { ExcelRun } from "../excelRun";

export type PreviewGrading = (profile: Profile) => Promise<GradeSummary>;

/** What the pane already knows about the data: the range, the columns the user confirmed, the unit of the amounts. */
export interface PreviewData {
  source: SourceTable;
  date1904: boolean;
  detection: ColumnDetection;
  /** Unit the amounts are written in; the profile's own unit when absent. */
  unit?: MonetaryUnit;
  /** Analysis date for a profile without a default (YYYY-MM-DD). */
  asOf?: string;
}

/**
 * `today` (YYYY-MM-DD) is the analysis date of a profile without a default. `current` gives the pane's view of the
 * data when it has one (so columns mapped by hand count); otherwise the selection is located and its headers
 * recognised afresh.
 */
export function createSelectionPreview(
  run: ExcelRun,
  today: string,
  current?: () => PreviewData | null,
): PreviewGrading {
  return (profile) =>
    run(async (ctx) => {
      const known = current?.() ?? null;
      const source = known?.source ?? (await locateSource(ctx));
      const date1904 = known ? known.date1904 : await isDate1904(ctx);
      const { mapping, kind, missing } = known?.detection ?? detectColumns(source.headers);
      if (source.rowCount === 0) throw new FlowError("noRows");
      if (missing.length > 0) throw new FlowError("missingColumns", missing);
      const roles = rolesToRead(kind).filter((role) => mapping[role] !== undefined);
      const columns = await readColumns(
        ctx,
        source,
        roles.map((role) => mapping[role] as number),
      );
      const options = {
        asOf: profile.asOf ?? known?.asOf ?? today,
        windowStart: profile.windowStart,
        unit: known?.unit,
        date1904,
      };
      return gradeColumns(kind, mapping, roles, columns, profile, options).summary;
    });
}
