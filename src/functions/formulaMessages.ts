/** Texts about a formula's arguments (the rows' own reasons come from the engine), from the functions' catalogues. */
import { allLangs, type Lang, type Localized, type Role } from "../engine";
import { FUNCTION_TEXTS } from "../i18n/functions";
import { grouped } from "../i18n/numbers";
import zhCN from "./functions.zh-CN.translation.json";
import zhTW from "./functions.zh-TW.translation.json";

/** A cell-range parameter: its name as the user sees it in the formula, and the engine role it feeds. */
export interface RangeParameter {
  name: string;
  role: Role;
}

/** The range parameters of RFM.GRADE / SCORE / CADENCE / SCORES (customer-level input), in parameter order. */
export const CUSTOMER_RANGES: readonly RangeParameter[] = [
  { name: "last_order_date", role: "date" },
  { name: "purchases", role: "count" },
  { name: "amount", role: "total" },
];

/** The range parameters of RFM.SALES (sales records), in parameter order. */
export const SALES_RANGES: readonly RangeParameter[] = [
  { name: "customer", role: "id" },
  { name: "order_date", role: "date" },
  { name: "amount", role: "amount" },
];

/** Kept for the metadata test: the customer-level parameter of each role. */
export const RANGE_PARAMETERS = {
  date: "last_order_date",
  count: "purchases",
  total: "amount",
} as const satisfies Partial<Record<Role, string>>;

type Translation = { name: string } | undefined;
type TranslationTable = typeof zhCN;

/** The table each language's functions.json is built from (English is the generated metadata itself). */
const TABLES: Readonly<Partial<Record<Lang, TranslationTable>>> = { zh: zhCN, "zh-TW": zhTW };

/**
 * A parameter's display name in the UI language: names come from the table the language's functions.json is built
 * from (a function's own entry first, as RFM.SALES's amount is one order's amount, then the shared one).
 */
export function parameterName(parameter: string, lang: Lang, functionId?: string): string {
  const table = TABLES[lang];
  if (table === undefined) return parameter;
  const own = functionId
    ? (table.functions as Record<string, { parameters?: Record<string, Translation> } | undefined>)[functionId]
        ?.parameters?.[parameter]
    : undefined;
  return own?.name ?? (table.parameters as Record<string, Translation>)[parameter]?.name ?? parameter;
}

const names = (parameters: readonly string[], lang: Lang, functionId?: string) =>
  FUNCTION_TEXTS[lang].listNames(parameters.map((p) => parameterName(p, lang, functionId)));
const count = (n: number, lang: Lang) => grouped(n, lang);

export const FORMULA_TEXTS = {
  notOneColumn: (parameter: string, columns: number, functionId?: string): Localized =>
    allLangs((lang) => FUNCTION_TEXTS[lang].notOneColumn(parameterName(parameter, lang, functionId), columns)),
  heightsDiffer: (parameters: readonly string[], heights: number[], functionId?: string): Localized =>
    allLangs((lang) => FUNCTION_TEXTS[lang].heightsDiffer(names(parameters, lang, functionId), heights)),
  noRows: (parameters: readonly string[], functionId?: string): Localized =>
    allLangs((lang) => FUNCTION_TEXTS[lang].noRows(names(parameters, lang, functionId))),
  argumentIsError: (parameter: string, error: string, functionId?: string): Localized =>
    allLangs((lang) => FUNCTION_TEXTS[lang].argumentIsError(parameterName(parameter, lang, functionId), error)),
  unknownProfile: (id: string, available: string[]): Localized =>
    allLangs((lang) => FUNCTION_TEXTS[lang].unknownProfile(id, available)),
  badUnit: (value: string): Localized => allLangs((lang) => FUNCTION_TEXTS[lang].badUnit(value)),
  badProfileDocument: (details: string): Localized =>
    allLangs((lang) => FUNCTION_TEXTS[lang].badProfileDocument(details)),
  dateSystemUnreadable: (): Localized => allLangs((lang) => FUNCTION_TEXTS[lang].dateSystemUnreadable()),
  savedProfilesUnreadable: (excelSaid: string): Localized =>
    allLangs((lang) => FUNCTION_TEXTS[lang].savedProfilesUnreadable(excelSaid)),
  skippedSale: (reason: string): Localized => allLangs((lang) => FUNCTION_TEXTS[lang].skippedSale(reason)),
  moreSkippedSales: (n: number, firstRow: string | number): Localized =>
    allLangs((lang) => FUNCTION_TEXTS[lang].moreSkippedSales(count(n, lang), firstRow)),
  webRangesTooLarge: (cells: number, shape: { ranges: number; rows: number }, budget: number): Localized =>
    allLangs((lang) =>
      FUNCTION_TEXTS[lang].webRangesTooLarge(
        count(cells, lang),
        shape.ranges,
        count(shape.rows, lang),
        count(budget, lang),
      ),
    ),
  webResultTooLarge: (rows: number, columns: number, budget: number, salesRecords: boolean): Localized =>
    allLangs((lang) =>
      FUNCTION_TEXTS[lang].webResultTooLarge(count(rows, lang), columns, count(budget, lang), salesRecords),
    ),
  unexpected: (details: string): Localized => allLangs((lang) => FUNCTION_TEXTS[lang].unexpected(details)),
};

/** A problem with a formula's arguments as a whole (not with one row); the function shows it as #VALUE!. */
export class FormulaInputError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = "FormulaInputError";
  }
}
