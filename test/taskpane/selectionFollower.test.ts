import { createSelectionFollower } from "../../src/taskpane/selectionFollower";
import type { Timers } from "../../src/taskpane/selectionFollower";

/** Timers the test advances by hand: no real waiting, no timing assertions. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    set: (callback, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clear: (id) => void pending.delete(id as number),
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, p]) => p.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      await flush();
    }
    now = until;
  };
  return { timers, advance };
}

const flush = () => new Promise<void>((wake) => setImmediate(wake));

describe("the selection follower", () => {
  it("turns a burst of selection events into one look, after the burst", async () => {
    const { timers, advance } = manualTimers();
    let looks = 0;
    const follower = createSelectionFollower(async () => void looks++, { intervalMs: 300, timers });
    for (let i = 0; i < 50; i++) follower.notify();
    expect(looks).toBe(0);
    await advance(300);
    expect(looks).toBe(1);
    await advance(5000);
    expect(looks).toBe(1);
  });

  it("never runs two looks at once, and looks once more for events during a look", async () => {
    const { timers, advance } = manualTimers();
    let running = 0;
    let most = 0;
    let looks = 0;
    let finish: () => void = () => undefined;
    const follower = createSelectionFollower(
      () =>
        new Promise<void>((done) => {
          looks++;
          running++;
          most = Math.max(most, running);
          finish = () => {
            running--;
            done();
          };
        }),
      { intervalMs: 300, timers },
    );
    follower.notify();
    await advance(300);
    expect(looks).toBe(1);
    follower.notify(); // the user moves on while the first look is out
    follower.notify();
    await advance(1000);
    expect(looks).toBe(1);
    finish();
    await flush();
    await advance(300);
    expect(looks).toBe(2);
    finish();
    await flush();
    expect(most).toBe(1);
  });

  it("ignores the events of the pane's own selecting, and says the selection is its own until the user selects", async () => {
    const { timers, advance } = manualTimers();
    let looks = 0;
    const follower = createSelectionFollower(async () => void looks++, { intervalMs: 300, settleMs: 1000, timers });
    await follower.whileSelectingOurselves(async () => follower.notify());
    follower.notify(); // Excel delivers the event after the call returned
    await advance(500);
    expect(looks).toBe(0);
    expect(follower.ownSelection).toBe(true);
    await advance(600);
    follower.notify(); // the user selects again
    expect(follower.ownSelection).toBe(false);
    await advance(300);
    expect(looks).toBe(1);
  });

  it("drops a look still scheduled from the user's earlier events when the pane selects something itself", async () => {
    const { timers, advance } = manualTimers();
    let looks = 0;
    const follower = createSelectionFollower(async () => void looks++, { intervalMs: 300, settleMs: 1000, timers });
    follower.notify(); // e.g. an event raised while the results were written
    await advance(100);
    // The user clicks "Select the results" before that look ran: it would read the results as the range to grade.
    await follower.whileSelectingOurselves(async () => undefined);
    await advance(1200);
    expect(looks).toBe(0);
    expect(follower.ownSelection).toBe(true);
    follower.notify(); // the user selects again: followed as before
    await advance(300);
    expect(looks).toBe(1);
  });

  it("stops looking once disposed", async () => {
    const { timers, advance } = manualTimers();
    let looks = 0;
    const follower = createSelectionFollower(async () => void looks++, { timers });
    follower.notify();
    follower.dispose();
    await advance(1000);
    expect(looks).toBe(0);
  });

  it("while paused drops the scheduled look and ignores events; after resume it follows again", async () => {
    const { timers, advance } = manualTimers();
    let looks = 0;
    const follower = createSelectionFollower(async () => void looks++, { intervalMs: 300, timers });
    follower.notify();
    follower.pause();
    await advance(1000);
    follower.notify();
    follower.lookNow();
    await advance(1000);
    expect(looks).toBe(0);
    follower.resume();
    follower.notify();
    await advance(300);
    expect(looks).toBe(1);
  });

  it("looks now on request, at once, and still never runs two looks at once", async () => {
    const { timers, advance } = manualTimers();
    let looks = 0;
    let finish: () => void = () => undefined;
    const follower = createSelectionFollower(
      () =>
        new Promise<void>((done) => {
          looks++;
          finish = done;
        }),
      { intervalMs: 300, timers },
    );
    follower.lookNow();
    expect(looks).toBe(1);
    follower.lookNow(); // during the first look: it follows that one
    expect(looks).toBe(1);
    finish();
    await flush();
    await advance(300);
    expect(looks).toBe(2);
  });
});
