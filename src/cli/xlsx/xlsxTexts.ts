/** Why an .xlsx input cannot be read, in words (never a zip library's own text), from the catalogues. */
import { CLI_TEXTS } from "../../i18n/cli";
import { localizedView } from "../../engine";

export const XLSX_TEXTS = localizedView(CLI_TEXTS, (t) => t.xlsx);
