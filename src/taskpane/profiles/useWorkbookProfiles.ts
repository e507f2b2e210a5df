import { useCallback, useEffect, useState } from "react";
import type { Profile } from "../../engine";
import type { ProfileStore } from "./profileStore";

/**
 * The valid profiles stored in the workbook, for the pane's profile picker: read once when the pane opens, and
 * replaced by the editor's list after each change. A workbook that cannot be read lists none (the picker still
 * offers the built-ins; the editor says what went wrong).
 */
export function useWorkbookProfiles(store: ProfileStore | undefined): {
  stored: readonly Profile[];
  setStored(profiles: readonly Profile[]): void;
} {
  const [stored, setStoredState] = useState<readonly Profile[]>([]);
  const setStored = useCallback((profiles: readonly Profile[]) => setStoredState(profiles), []);
  useEffect(() => {
    if (!store) return;
    let current = true;
    store.list().then(
      (listed) => current && setStoredState(listed.profiles),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [store]);
  return { stored, setStored };
}
