import { punctuation } from "../engine";
import { CompileError, GradeError } from "../engine";
import { ExcelAdapterError } from "../excel";
import type { InputKind, Lang, Role } from "../engine";
import { FlowError } from "./gradingFlow";
import { t } from "./i18n";
import type { MessageKey } from "./i18n";

const ROLE_LABEL: Record<Role, MessageKey> = {
  id: "roleId",
  date: "roleDate",
  count: "roleCount",
  total: "roleTotal",
  amount: "roleAmount",
};

/** In a customer table the date column is each customer's last order; in sales records, each sale's date. */
export function roleLabel(role: Role, lang: Lang, kind?: InputKind): string {
  return t(lang, role === "date" && kind === "customers" ? "roleLastDate" : ROLE_LABEL[role]);
}

export function roleList(roles: Role[], lang: Lang, kind?: InputKind): string {
  return roles.map((role) => roleLabel(role, lang, kind)).join(punctuation(lang).listSeparator);
}

/**
 * Excel's codes for a change it refused (Microsoft's error-handling reference lists them; a protected sheet or
 * workbook structure is refused with AccessDenied): the user is told what may have stopped it and what to do.
 */
const REFUSED_CODES = new Set([
  "AccessDenied",
  "InvalidOperation",
  "UnsupportedOperation",
  "InsertDeleteConflict",
  "MergedRangeConflict",
  "FilteredRangeConflict",
  "PivotTableRangeConflict",
  "NonBlankCellOffSheet",
]);

/** The code of an error Office.js raised (OfficeExtension.Error: `code` is one of Excel's ErrorCodes), else null. */
function officeCode(err: unknown): string | null {
  if (!(err instanceof Error)) return null;
  const code: unknown = (err as Error & { code?: unknown }).code;
  return typeof code === "string" && (err.name === "RichApi.Error" || err.name === "OfficeExtension.Error")
    ? code
    : null;
}

/** Any error of a grading run as one sentence in the user's language, saying what to do where there is something. */
export function describeError(err: unknown, lang: Lang): string {
  if (err instanceof GradeError || err instanceof ExcelAdapterError || err instanceof CompileError)
    return err.text[lang];
  if (err instanceof FlowError) {
    switch (err.code) {
      case "noRows":
        return t(lang, "errorNoRows");
      case "missingColumns":
        return t(lang, "errorMissingColumns", { roles: roleList(err.roles, lang) });
      case "nothingToGrade":
        return err.detail.text?.[lang] ?? t(lang, "errorNoRows");
      case "sheetProtected":
        return t(lang, "errorSheetProtected", { sheet: err.detail.sheet ?? "" });
      case "workbookProtected":
        return t(lang, "errorWorkbookProtected");
      case "summaryProtected":
        return t(lang, "errorSummaryProtected");
      case "noPeriods":
        return t(lang, "errorNoPeriods");
      case "historyProtected":
        return t(lang, "errorHistoryProtected");
    }
  }
  const code = officeCode(err);
  if (code === "InvalidOperationInCellEditMode") return t(lang, "errorCellEditing");
  if (code !== null && REFUSED_CODES.has(code)) return t(lang, "errorRefused", { code });
  const message = err instanceof Error ? err.message : String(err);
  return t(lang, code === null ? "errorUnexpected" : "errorExcel", { message, code: code ?? "" });
}
