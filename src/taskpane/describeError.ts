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
  return roles.map((role) => roleLabel(role, lang, kind)).join(lang === "zh" ? "、" : ", ");
}

/** Any error of a grading run as one sentence in the user's language. */
export function describeError(err: unknown, lang: Lang): string {
  if (err instanceof GradeError || err instanceof ExcelAdapterError || err instanceof CompileError) return err.text[lang];
  if (err instanceof FlowError) {
    return err.code === "noRows" ? t(lang, "errorNoRows") : t(lang, "errorMissingColumns", { roles: roleList(err.roles, lang) });
  }
  const message = err instanceof Error ? err.message : String(err);
  return t(lang, "errorUnexpected", { message });
}
