/**
 * Following Excel's selection without a sync storm: Excel raises SelectionChanged for every cell a user drags over,
 * and each look at the selection costs a round trip. The follower turns a burst of events into at most one look per
 * `intervalMs`, never runs two looks at once, and always looks once more after the last event of a burst (so the
 * range shown is the range finally selected).
 */

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SelectionFollower {
  /** A selection changed (the event handler calls this; it costs nothing). */
  notify(): void;
  /**
   * Runs the pane's own selecting (Select rows, Open summary sheet) with the events it causes ignored: the pane must
   * not start grading the rows it just selected for the user to look at. Events up to `settleMs` after it are ignored
   * too, as Excel delivers them later than the call that caused them.
   */
  whileSelectingOurselves<T>(action: () => Promise<T>): Promise<T>;
  /** true after the pane selected something itself, until the user selects again. */
  readonly ownSelection: boolean;
  /** Looks now (after the look in flight, if any), without waiting for the throttle. */
  lookNow(): void;
  /** While paused (the pane is hidden) events are ignored and nothing is looked at; a scheduled look is dropped. */
  pause(): void;
  resume(): void;
  dispose(): void;
}

export function createSelectionFollower(
  look: () => Promise<void>,
  {
    intervalMs = 300,
    settleMs = 1000,
    timers = realTimers,
  }: { intervalMs?: number; settleMs?: number; timers?: Timers } = {},
): SelectionFollower {
  let timer: unknown = null;
  let looking = false;
  let pending = false;
  let muted = 0;
  let muteTimer: unknown = null;
  let own = false;
  let disposed = false;
  let paused = false;

  const schedule = () => {
    if (timer !== null || disposed || paused) return;
    timer = timers.set(() => {
      timer = null;
      void run();
    }, intervalMs);
  };

  const run = async () => {
    if (paused || disposed) return;
    if (muted > 0) return; // the pane is selecting itself: what is selected now is not the user's choice
    if (looking) return; // the look in flight is followed by another (pending stays true)
    looking = true;
    pending = false;
    try {
      await look();
    } finally {
      looking = false;
      if (pending) schedule();
    }
  };

  const dropScheduled = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };

  return {
    notify() {
      if (disposed || paused || muted > 0) return;
      own = false;
      pending = true;
      schedule();
    },
    async whileSelectingOurselves(action) {
      muted++;
      if (muteTimer !== null) timers.clear(muteTimer);
      // A look still scheduled from earlier events would run after this and read what the pane is about to select.
      if (timer !== null) timers.clear(timer);
      timer = null;
      pending = false;
      try {
        const result = await action();
        own = true;
        return result;
      } finally {
        muteTimer = timers.set(() => {
          muteTimer = null;
          muted = 0;
        }, settleMs);
      }
    },
    get ownSelection() {
      return own;
    },
    lookNow() {
      if (disposed || paused) return;
      dropScheduled();
      pending = true;
      void run();
    },
    pause() {
      paused = true;
      pending = false;
      dropScheduled();
    },
    resume() {
      paused = false;
    },
    dispose() {
      disposed = true;
      if (timer !== null) timers.clear(timer);
      if (muteTimer !== null) timers.clear(muteTimer);
    },
  };
}
