/** What every source of grading profiles for the functions provides (the built-ins, the workbook's saved profiles). */
import type { Profile } from "../engine";

export interface ProfileSource {
  /** The profile with this id, or undefined. */
  resolve(id: string): Promise<Profile | undefined>;
  /** Every profile a user may name, built-ins first. */
  list(): Promise<readonly Profile[]>;
}
