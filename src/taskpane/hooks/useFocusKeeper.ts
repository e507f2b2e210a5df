/**
 * Keyboard focus never falls to the page body. When the focused control disappears (Grade gives way to progress, a
 * list of columns folds, a dialog closes after the control that opened it is gone), the browser leaves the focus on
 * <body> and a keyboard or screen-reader user is lost at the top of the page. After each render of the view the
 * keeper looks: focus on <body> and the last focused control gone means it was lost, and it goes to the nearest place
 * that still makes sense (the first usable control of the section it was in, else that section's heading, else the
 * view's fallback). Focus the user moved away themselves (a click on text) is left alone: that control still exists.
 */
import { useEffect, useRef } from "react";
import type { RefObject } from "react";

const USABLE =
  "button:not(:disabled), select:not(:disabled), input:not(:disabled), textarea:not(:disabled), a[href], [tabindex='0']";
const HOME = "section, [role=region], footer, main";

/** The element to move the focus to when it was lost from within `section`, or null. */
function landingIn(section: Element | null): HTMLElement | null {
  if (!section?.isConnected) return null;
  return (
    section.querySelector<HTMLElement>(USABLE) ?? section.querySelector<HTMLElement>("h1, h2, h3, [tabindex='-1']")
  );
}

/** Keeps the focus of the view under `root` off <body>; `fallback` gives its place of last resort. */
export function useFocusKeeper(root: RefObject<HTMLElement>, fallback: () => HTMLElement | null): void {
  const last = useRef<{ element: HTMLElement; home: Element | null } | null>(null);

  // Dialogs live in portals outside the view: focus is followed in the whole document.
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      const element = e.target as HTMLElement;
      last.current = { element, home: root.current?.contains(element) ? element.closest(HOME) : null };
    };
    document.addEventListener("focusin", onFocusIn);
    return () => document.removeEventListener("focusin", onFocusIn);
  }, [root]);

  // After every render (the frame after, when the effects that move focus on purpose have run).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active !== null && active !== document.body) return;
      const lost = last.current;
      if (!lost || lost.element.isConnected || !root.current) return;
      (landingIn(lost.home) ?? fallback())?.focus();
    });
    return () => cancelAnimationFrame(frame);
  });
}
