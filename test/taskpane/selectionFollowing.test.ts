/**
 * A quiet shared runtime: the pane follows Excel's selection while it is shown, and does nothing at all while Office
 * says it is hidden — no handler, no look, zero syncs — then reads the selection once when shown again. Run on the
 * Excel double with the pane's real flow (`flow.inspect` reads the selection in several syncs) and Office's
 * visibility events played by the test.
 */
import { FakeExcel } from "../excel/fake";
import { createGradingFlow } from "../../src/taskpane/gradingFlow";
import {
  startSelectionFollowing,
  type PaneVisibility,
  type VisibilityEvents,
} from "../../src/taskpane/selectionFollowing";
import type { Timers } from "../../src/taskpane/selectionFollower";

/** Office.addin.onVisibilityModeChanged as the test plays it. */
function officeVisibility() {
  const handlers = new Set<(v: PaneVisibility) => void>();
  const events: VisibilityEvents = {
    subscribe: async (onChange) => {
      handlers.add(onChange);
      return async () => void handlers.delete(onChange);
    },
  };
  return { events, set: (v: PaneVisibility) => handlers.forEach((h) => h(v)), count: () => handlers.size };
}

/** Timers the test advances by hand. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    set: (callback, ms) => {
      pending.set(next, { at: now + ms, callback });
      return next++;
    },
    clear: (id) => void pending.delete(id as number),
  };
  const advance = async (ms: number) => {
    await settle(); // Excel's events arrive first, as they would before the time passes
    const until = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, p]) => p.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      await settle();
    }
    now = until;
    await settle();
  };
  return { timers, advance };
}

/** Lets Excel's events (delivered after the call that raised them) and the syncs they start finish. */
const settle = () => new Promise((wake) => setTimeout(wake, 10));

function setUp() {
  const excel = new FakeExcel({
    sheets: {
      Sales: [
        ["Customer", "Last order", "Purchases", "Amount"],
        ["C1", 45800, 3, 2],
        ["C2", 45810, 5, 4],
      ],
      Other: [["x"]],
    },
    selection: "Sales!A1",
  });
  const flow = createGradingFlow(
    (batch) => excel.run(batch),
    (context, batch) => excel.run(context, batch),
  );
  const seen: string[] = [];
  const look = async () => {
    const found = await flow.inspect().catch(() => null);
    seen.push(found?.source.address ?? "(nothing)");
  };
  const visibility = officeVisibility();
  const { timers, advance } = manualTimers();
  const following = startSelectionFollowing({
    look,
    watch: (onChange) => flow.watchSelection(onChange),
    visibility: visibility.events,
    timers,
  });
  return { excel, seen, visibility, advance, following };
}

test("while shown: one handler, and a look after the user's selection changes", async () => {
  const { excel, seen, advance, following } = setUp();
  await advance(0);
  expect(excel.selectionHandlerCount).toBe(1);
  expect(seen).toEqual(["Sales!A1:D3"]);
  excel.resetStats();
  excel.select("Other!A1");
  await advance(300);
  expect(seen).toEqual(["Sales!A1:D3", "Other!A1"]);
  expect(excel.stats.length).toBeGreaterThanOrEqual(3); // the look costs several syncs: this is what hiding saves
  await following.dispose();
});

test("hidden: the handler is removed in its own context, and selection changes cost zero syncs", async () => {
  const { excel, seen, visibility, advance, following } = setUp();
  await advance(0);
  visibility.set("hidden");
  await following.settled();
  expect(following.hidden).toBe(true);
  expect(excel.selectionHandlerCount).toBe(0);

  excel.resetStats();
  for (const address of ["Other!A1", "Sales!B2", "Sales!A1:D3", "Other!C4"]) {
    excel.select(address);
    await advance(1000);
  }
  expect(excel.stats).toEqual([]);
  expect(seen).toEqual(["Sales!A1:D3"]);
  await following.dispose();
});

test("shown again: the handler is back and the selection made while hidden is read once", async () => {
  const { excel, seen, visibility, advance, following } = setUp();
  await advance(0);
  visibility.set("hidden");
  await following.settled();
  excel.select("Other!A1");
  excel.select("Sales!B2");
  await advance(1000);

  visibility.set("shown");
  await following.settled();
  await advance(0);
  expect(excel.selectionHandlerCount).toBe(1);
  expect(seen).toEqual(["Sales!A1:D3", "Sales!A1:D3"]); // B2 lies in the table: the pane shows the table
  await advance(5000);
  expect(seen).toHaveLength(2);

  excel.select("Other!A1");
  await advance(300);
  expect(seen.at(-1)).toBe("Other!A1");
  await following.dispose();
});

test("a quick hide-show-hide leaves no handler behind, and repeated events change nothing", async () => {
  const { excel, visibility, advance, following } = setUp();
  await advance(0);
  visibility.set("hidden");
  visibility.set("hidden");
  visibility.set("shown");
  visibility.set("hidden");
  await following.settled();
  await advance(1000);
  expect(following.hidden).toBe(true);
  expect(excel.selectionHandlerCount).toBe(0);

  visibility.set("shown");
  visibility.set("shown");
  await following.settled();
  expect(excel.selectionHandlerCount).toBe(1);
  await following.dispose();
});

test("closing the pane for good removes the handler and stops hearing Office", async () => {
  const { excel, visibility, advance, following } = setUp();
  await advance(0);
  expect(visibility.count()).toBe(1);
  await following.dispose();
  await settle();
  expect(excel.selectionHandlerCount).toBe(0);
  expect(visibility.count()).toBe(0);
  excel.resetStats();
  excel.select("Other!A1");
  await advance(1000);
  expect(excel.stats).toEqual([]);
});

test("without Office's visibility events (an older host) the pane simply keeps following", async () => {
  const excel = new FakeExcel({
    sheets: {
      S: [
        ["a", "b"],
        [1, 2],
      ],
    },
  });
  const flow = createGradingFlow(
    (batch) => excel.run(batch),
    (context, batch) => excel.run(context, batch),
  );
  let looks = 0;
  const { timers, advance } = manualTimers();
  const following = startSelectionFollowing({
    look: async () => void looks++,
    watch: (c) => flow.watchSelection(c),
    visibility: null,
    timers,
  });
  await advance(0);
  excel.select("S!B2");
  await advance(300);
  expect(looks).toBe(2);
  await following.dispose();
  expect(excel.selectionHandlerCount).toBe(0);
});
