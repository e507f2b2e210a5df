/**
 * The grading settings: the profile chosen, the analysis date (proposed from the profile and the data until the user
 * types one), the sales window's start and how results are written; and what they read as (dates parsed in the
 * pane's form, the warning about the date against the data).
 */
import { useEffect, useState } from "react";
import {
  analysisDateWarning,
  formatDisplayDate,
  parseDateText,
  parseDisplayDate,
  proposedAnalysisDate,
} from "../../engine";
import type { AnalysisDateWarning, DisplayDateForm, Profile } from "../../engine";
import { chosenByUser } from "../components/OptionsSection";
import type { GradingOptions } from "../components/OptionsSection";

/** The settings a profile brings: its analysis date (or the data's latest), its window start. */
function optionsFor(profile: Profile, latestDay: number | null | undefined, form: DisplayDateForm): GradingOptions {
  const proposed = proposedAnalysisDate(profile, latestDay ?? null);
  const windowDay = profile.windowStart === undefined ? null : parseDateText(profile.windowStart);
  return {
    profileId: profile.id,
    asOfText: proposed.day === null ? "" : formatDisplayDate(proposed.day, form),
    asOfOrigin: proposed.source,
    windowStartText: windowDay === null ? "" : formatDisplayDate(windowDay, form),
  };
}

export interface GradingSettings {
  options: GradingOptions;
  /** The chosen profile; undefined for a moment after it was deleted in the editor. */
  profile: Profile | undefined;
  /** The analysis date as a day, null while the field cannot be read. */
  asOfDay: number | null;
  /** The window start as a day, null for none (or while the field cannot be read). */
  windowDay: number | null;
  asOfInvalid: boolean;
  windowInvalid: boolean;
  warning: AnalysisDateWarning | null;
  /**
   * The profile's fixed analysis date is before the latest date in the data and the user has not yet chosen between
   * them (RULES.md §9): grading waits for the choice.
   */
  fixedDateUndecided: boolean;
  /** The user's choice: the data's latest date, or the profile's own. */
  decideFixedDate(choice: "data" | "profile"): void;
  change(change: Partial<GradingOptions>): void;
  /** Chooses another profile; false when there is none of that id. */
  changeProfile(profileId: string): boolean;
}

export function useGradingOptions(
  profiles: readonly Profile[],
  builtinProfiles: readonly Profile[],
  latestDay: number | null | undefined,
  dateForm: DisplayDateForm,
  /** The chosen profile was replaced by the first built-in one (it was deleted). */
  onProfileReset: () => void,
): GradingSettings {
  const [options, setOptions] = useState<GradingOptions>(() => optionsFor(builtinProfiles[0], undefined, dateForm));

  // A profile deleted in the editor cannot stay chosen.
  const chosenExists = profiles.some((p) => p.id === options.profileId);
  useEffect(() => {
    if (chosenExists) return;
    setOptions(optionsFor(builtinProfiles[0], latestDay, dateForm));
    onProfileReset();
  }, [chosenExists, builtinProfiles, latestDay, dateForm, onProfileReset]);

  // A proposed analysis date follows the data (and the profile); one the user typed stays as typed, and a choice
  // between the profile's date and the data's holds for the data it was made for.
  const profile = profiles.find((p) => p.id === options.profileId);
  useEffect(() => {
    if (!profile) return;
    setOptions((current) => {
      if (current.asOfOrigin === "user") return current;
      if (chosenByUser(current.asOfOrigin) && current.decidedFor === (latestDay ?? undefined)) return current;
      const proposed = proposedAnalysisDate(profile, latestDay ?? null);
      const asOfText = proposed.day === null ? "" : formatDisplayDate(proposed.day, dateForm);
      if (current.asOfText === asOfText && current.asOfOrigin === proposed.source) return current;
      const { decidedFor: _, ...rest } = current;
      return { ...rest, asOfText, asOfOrigin: proposed.source };
    });
  }, [profile, latestDay, dateForm]);

  const changeProfile = (profileId: string) => {
    const chosen = profiles.find((p) => p.id === profileId);
    if (!chosen) return false;
    // A new profile brings its own dates and unit; how the results are written (values or formulas) stays the user's.
    setOptions((current) => ({ ...optionsFor(chosen, latestDay, dateForm), liveFormulas: current.liveFormulas }));
    return true;
  };

  const asOfDay = parseDisplayDate(options.asOfText, dateForm);
  const fixedDateUndecided =
    options.asOfOrigin === "profile" &&
    asOfDay !== null &&
    latestDay !== null &&
    latestDay !== undefined &&
    latestDay > asOfDay;
  const decideFixedDate = (choice: "data" | "profile") => {
    if (latestDay === null || latestDay === undefined) return;
    setOptions((current) => ({
      ...current,
      ...(choice === "data"
        ? { asOfText: formatDisplayDate(latestDay, dateForm), asOfOrigin: "dataChosen" }
        : { asOfOrigin: "profileKept" }),
      decidedFor: latestDay,
    }));
  };
  const windowDay = options.windowStartText.trim() === "" ? null : parseDisplayDate(options.windowStartText, dateForm);
  return {
    options,
    profile,
    asOfDay,
    windowDay,
    asOfInvalid: options.asOfText.trim() !== "" && asOfDay === null,
    windowInvalid: options.windowStartText.trim() !== "" && windowDay === null,
    warning: asOfDay === null ? null : analysisDateWarning(asOfDay, latestDay ?? null),
    fixedDateUndecided,
    decideFixedDate,
    change: (change) => setOptions((current) => ({ ...current, ...change })),
    changeProfile,
  };
}
