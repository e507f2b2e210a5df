/**
 * The unit the pane reads amounts in, and the words that explain it. The rule itself is the engine's `chooseUnit`
 * (the same one the command line uses): the user's choice, else the unit written in the money column's header, else
 * the profile's unit. This module only adds what the pane shows next to the "Amounts are in" field.
 */
import { chooseUnit } from "../engine";
import type { ColumnDetection, Lang, MonetaryUnit, UnitChoice, UnitSourceFact } from "../engine";
import { t } from "./i18n";

export interface PaneUnitChoice extends UnitChoice {
  /** The header of the column graded as money (total amount, or the order amount of sales records), if mapped. */
  header?: string;
}

/** The unit to use for this table, profile and (optional) choice the user made in the field. */
export function paneUnitChoice(
  headers: readonly string[],
  detection: Pick<ColumnDetection, "mapping" | "kind">,
  profileUnit: MonetaryUnit,
  userUnit?: MonetaryUnit,
): PaneUnitChoice {
  const choice = chooseUnit(headers, detection, profileUnit, userUnit);
  const moneyColumn = detection.mapping[detection.kind === "customers" ? "total" : "amount"];
  return moneyColumn === undefined ? choice : { ...choice, header: headers[moneyColumn] };
}

/** The unit's name inside a sentence of the pane. */
export function unitName(unit: MonetaryUnit, lang: Lang): string {
  return t(lang, unit === "wan" ? "unitWan" : "unitYuan");
}

/** The hint under the field: where the unit shown came from. */
export function unitHint(choice: PaneUnitChoice, profileUnit: MonetaryUnit, lang: Lang): string {
  const header = choice.header ?? "";
  if (choice.source === "header") return t(lang, "unitFromHeader", { header });
  if (choice.source === "profile")
    return t(lang, choice.header === undefined ? "unitFromProfileNoColumn" : "unitFromProfile", { header });
  return choice.headerUnit === choice.unit
    ? t(lang, "unitChosenMatches", { header })
    : t(lang, "unitChosen", { profileUnit: unitName(profileUnit, lang) });
}

/**
 * The warning when the user's unit disagrees with the header's, or when the header names a unit this product cannot
 * read (千元, USD: the amounts are then read in another unit); null when there is nothing to warn about.
 */
export function unitConflictText(choice: PaneUnitChoice, lang: Lang): string | null {
  if (choice.unreadable !== undefined && choice.headerUnit === undefined) {
    return t(lang, "unitUnreadable", {
      header: choice.header ?? "",
      written: choice.unreadable,
      unit: unitName(choice.unit, lang),
    });
  }
  if (!choice.conflict || choice.headerUnit === undefined) return null;
  return t(lang, "unitConflict", {
    header: choice.header ?? "",
    headerUnit: unitName(choice.headerUnit, lang),
    unit: unitName(choice.unit, lang),
  });
}

/** What the summary sheet records beside the unit. */
export function unitSourceFact(choice: PaneUnitChoice): UnitSourceFact {
  return choice.source === "header" ? { source: "header", header: choice.header ?? "" } : { source: choice.source };
}
