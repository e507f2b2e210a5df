import { useCallback, useEffect, useState } from "react";
import type { Lang } from "../../engine";
import type { WorkbookProfiles } from "../../excel/workbookProfiles";
import { describeError } from "../describeError";
import type { ProfileStore } from "./profileStore";

export interface StoredProfiles {
  /** The workbook's profiles (valid and invalid); null until read. */
  stored: WorkbookProfiles | null;
  /** Reads them again; null when reading failed (the error is shown). */
  reload(): Promise<WorkbookProfiles | null>;
}

/** The profiles saved in the workbook, read when the editor opens and after each change. */
export function useStoredProfiles(
  store: ProfileStore,
  lang: Lang,
  setError: (message: string | null) => void,
): StoredProfiles {
  const [stored, setStored] = useState<WorkbookProfiles | null>(null);
  const reload = useCallback(async () => {
    try {
      const listed = await store.list();
      setStored(listed);
      return listed;
    } catch (err) {
      setError(describeError(err, lang));
      return null;
    }
  }, [store, lang, setError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { stored, reload };
}
