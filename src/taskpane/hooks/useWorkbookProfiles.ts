import { useEffect, useMemo, useState } from "react";
import type { Lang, Profile } from "../../engine";
import { describeError } from "../describeError";
import type { GradingFlow } from "../gradingFlow";

export interface ProfileChoices {
  builtinProfiles: readonly Profile[];
  /** The valid profiles saved in the workbook (read when the pane opens, replaced after the editor changes them). */
  workbookProfiles: Profile[];
  /** Both, built-in first: the profiles the picker offers. */
  profiles: Profile[];
  setWorkbookProfiles(profiles: Profile[]): void;
}

/** The profiles the pane can grade with: the built-in ones and those saved in the workbook. */
export function useWorkbookProfiles(
  flow: GradingFlow,
  lang: Lang,
  setError: (message: string) => void,
): ProfileChoices {
  const builtinProfiles = flow.builtinProfiles();
  const [workbookProfiles, setWorkbookProfiles] = useState<Profile[]>([]);
  const profiles = useMemo(() => [...builtinProfiles, ...workbookProfiles], [builtinProfiles, workbookProfiles]);
  useEffect(() => {
    flow.workbookProfiles().then(setWorkbookProfiles, (err: unknown) => setError(describeError(err, lang)));
  }, [flow, lang, setError]);
  return { builtinProfiles, workbookProfiles, profiles, setWorkbookProfiles };
}
