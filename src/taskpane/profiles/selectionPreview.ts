/**
 * How the selected data would grade with a profile that is still being edited: the same reading as the grading
 * flow (adapter) and the same grading (engine), but nothing is written; only the summary comes back.
 */
import { detectColumns, gradeCustomers, gradeSales } from "../../engine";
import type { GradeSummary, Profile, Role } from "../../engine";
import { isDate1904, locateSource, readColumns } from "../../excel";
import { FlowError, rolesToRead } from "../gradingFlow";
import type { ExcelRun } from "../gradingFlow";

export type PreviewGrading = (profile: Profile) => Promise<GradeSummary>;

/** `today` (YYYY-MM-DD) is the analysis date of a profile without a default, as in the grading options. */
export function createSelectionPreview(run: ExcelRun, today: string): PreviewGrading {
  return (profile) =>
    run(async (ctx) => {
      const source = await locateSource(ctx);
      const date1904 = await isDate1904(ctx);
      const { mapping, kind, missing } = detectColumns(source.headers);
      if (source.rowCount === 0) throw new FlowError("noRows");
      if (missing.length > 0) throw new FlowError("missingColumns", missing);
      const roles = rolesToRead(kind).filter((role) => mapping[role] !== undefined);
      const columns = await readColumns(ctx, source, roles.map((role) => mapping[role] as number));
      const column = (role: Role) => columns[roles.indexOf(role)];
      const options = { asOf: profile.asOf ?? today, windowStart: profile.windowStart, date1904 };
      const result =
        kind === "customers"
          ? gradeCustomers(
              { ids: mapping.id === undefined ? undefined : column("id"), lastDates: column("date"), counts: column("count"), totals: column("total") },
              profile,
              options,
            )
          : gradeSales({ ids: column("id"), dates: column("date"), amounts: column("amount") }, profile, options);
      return result.summary;
    });
}
