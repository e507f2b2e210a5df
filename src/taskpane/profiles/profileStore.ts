/**
 * The editor's access to the profiles stored in the workbook: the storage functions of src/excel/workbookProfiles,
 * each in its own `Excel.run`. Components get this object as a prop and never call Office themselves.
 */
import {
  deleteWorkbookProfile,
  findFormulasUsingProfile,
  importWorkbookProfile,
  listWorkbookProfiles,
  saveWorkbookProfile,
} from "../../excel/workbookProfiles";
import type { FormulaUses, SaveOutcome, WorkbookProfiles } from "../../excel/workbookProfiles";
import type { ExcelRun } from "../excelRun";

export interface ProfileStore {
  list(): Promise<WorkbookProfiles>;
  /** `update`: the user agreed to replace the stored profile of the same id. */
  save(doc: unknown, update?: boolean): Promise<SaveOutcome>;
  importJson(text: string, update?: boolean): Promise<SaveOutcome>;
  remove(id: string): Promise<boolean>;
  findUses(id: string): Promise<FormulaUses>;
}

export function createProfileStore(run: ExcelRun): ProfileStore {
  return {
    list: () => run((ctx) => listWorkbookProfiles(ctx)),
    save: (doc, update = false) => run((ctx) => saveWorkbookProfile(ctx, doc, { update })),
    importJson: (text, update = false) => run((ctx) => importWorkbookProfile(ctx, text, { update })),
    remove: (id) => run((ctx) => deleteWorkbookProfile(ctx, id)),
    findUses: (id) => run((ctx) => findFormulasUsingProfile(ctx, id)),
  };
}
