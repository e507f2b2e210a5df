/**
 * Where the functions find grading profiles. Built-ins for now; the workbook-profiles issue installs a source that
 * also reads the profiles stored in the workbook (`setProfileSource`), and every function follows.
 */
import { BUILTIN_PROFILES, builtinProfile } from "../engine";
import type { Profile } from "../engine";
import type { ProfileSource } from "./profileSourceContract";
import { workbookProfileSource } from "./workbookProfileSource";

export type { ProfileSource } from "./profileSourceContract";

export const builtinProfileSource: ProfileSource = {
  resolve: async (id) => builtinProfile(id),
  list: async () => BUILTIN_PROFILES,
};

let current: ProfileSource = workbookProfileSource;

export function setProfileSource(source: ProfileSource): void {
  current = source;
}

/**
 * The profile a formula names. Ids are matched exactly first, then ignoring case and surrounding spaces, because
 * people type =RFM.GRADE(..., "Wuhan").
 */
export async function resolveProfile(id: string): Promise<Profile | undefined> {
  const exact = await current.resolve(id);
  if (exact) return exact;
  const wanted = id.trim().toLowerCase();
  return (await current.list()).find((p) => p.id.toLowerCase() === wanted);
}

export function availableProfiles(): Promise<readonly Profile[]> {
  return current.list();
}
