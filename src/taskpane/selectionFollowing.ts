/**
 * The pane follows Excel's selection only while it can be seen. In a shared runtime the page lives on after the user
 * closes the pane (Microsoft: "the shared runtime keeps your code running even when the task pane is closed", and
 * event handlers keep running while it is hidden), so a handler left in place would read the selection, several
 * syncs each time, for a pane nobody looks at. Office says when the pane is hidden or shown again through
 * `Office.addin.onVisibilityModeChanged` (SharedRuntime 1.1, which the manifest requires): when hidden, the selection
 * handler is removed (in the request context that added it) and nothing is looked at; when shown, the handler is
 * added again and the selection read once.
 */
import type { SelectionWatch } from "../excel";
import { createSelectionFollower } from "./selectionFollower";
import type { SelectionFollower, Timers } from "./selectionFollower";

export type PaneVisibility = "shown" | "hidden";

/** Where the pane hears that it was hidden or shown. */
export interface VisibilityEvents {
  /** Calls `onChange` at each change; resolves to a function that stops it. */
  subscribe(onChange: (visibility: PaneVisibility) => void): Promise<() => Promise<void>>;
}

type OfficeAddin = {
  onVisibilityModeChanged?: (handler: (message: { visibilityMode: string }) => void) => Promise<() => Promise<void>>;
};

/** Office's visibility events, or null where this Office has none (outside Office, hosts without a shared runtime). */
export function officeVisibilityEvents(): VisibilityEvents | null {
  const addin = (globalThis as { Office?: { addin?: OfficeAddin } }).Office?.addin;
  const register = addin?.onVisibilityModeChanged;
  if (typeof register !== "function") return null;
  return {
    // async: a host that throws at once is a rejection like any other (the pane then simply keeps following)
    subscribe: async (onChange) =>
      register.call(addin, (message) => onChange(message.visibilityMode === "Hidden" ? "hidden" : "shown")),
  };
}

export interface SelectionFollowingOptions {
  /** Reads the selection and shows it (the pane's refresh). */
  look: () => Promise<void>;
  /** Adds Excel's selection handler (see src/excel/selectionEvents); rejects where Excel has no such event. */
  watch: (onChange: () => void) => Promise<SelectionWatch>;
  visibility?: VisibilityEvents | null;
  intervalMs?: number;
  settleMs?: number;
  timers?: Timers;
}

export interface SelectionFollowing {
  /** The throttled follower (the pane selects through it: `whileSelectingOurselves`). */
  readonly follower: SelectionFollower;
  /** Whether the pane is hidden now, as Office said last. */
  readonly hidden: boolean;
  /** Resolves when the latest hide or show has been carried out (tests wait for it). */
  settled(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Starts following: one look now, the handler added, and Office's visibility heard. Hide and show are carried out in
 * order, one after the other, so a quick hide-show never leaves two handlers or none.
 */
export function startSelectionFollowing(options: SelectionFollowingOptions): SelectionFollowing {
  const { look, watch, visibility, intervalMs, settleMs, timers } = options;
  const follower = createSelectionFollower(look, { intervalMs, settleMs, timers });
  let hidden = false;
  let disposed = false;
  let watching: Promise<SelectionWatch | null> | null = null;
  let chain: Promise<void> = Promise.resolve();

  // Without the event (an Excel older than ExcelApi 1.7) the pane still works: Refresh and the check at Grade time.
  const startWatching = () => {
    watching = watch(() => follower.notify()).catch(() => null);
  };
  const stopWatching = async () => {
    const current = watching;
    watching = null;
    const watch = current && (await current);
    await watch?.stop().catch(() => undefined);
  };
  const then = (step: () => Promise<void> | void) => {
    chain = chain.then(step, step);
    return chain;
  };

  follower.lookNow();
  startWatching();

  const unsubscribe = visibility
    ? visibility
        .subscribe((next) => {
          void then(async () => {
            if (disposed || (next === "hidden") === hidden) return;
            if (next === "hidden") {
              hidden = true;
              follower.pause();
              await stopWatching();
            } else {
              hidden = false;
              follower.resume();
              startWatching();
              follower.lookNow(); // what changed while hidden: the selection is read once
            }
          });
        })
        .catch(() => null)
    : Promise.resolve(null);

  return {
    follower,
    get hidden() {
      return hidden;
    },
    settled: () => then(() => undefined),
    dispose: async () => {
      disposed = true;
      follower.dispose();
      await then(stopWatching);
      // Office may never answer outside a real task pane: the handler above is gone whatever it does.
      void unsubscribe.then((stop) => stop?.()).catch(() => undefined);
    },
  };
}
