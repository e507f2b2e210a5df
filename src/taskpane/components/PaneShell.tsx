import { useCallback, useRef } from "react";
import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine";
import { useFocusKeeper } from "../hooks/useFocusKeeper";
import { htmlLang, t } from "../i18n";

const useStyles = makeStyles({
  // The pane is a column: a scrolling body and a footer that never leaves the screen.
  shell: { display: "flex", flexDirection: "column", height: "100vh", minWidth: 0, overflow: "hidden" },
  body: {
    flex: "1 1 auto",
    overflowY: "auto",
    overflowX: "hidden",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    // In a scrolling column, sections keep their height: without this the result card (overflow hidden) would be
    // squeezed to its heading when the page is taller than the pane.
    "& > *": { flexShrink: 0 },
  },
  editor: { flex: "1 1 auto", overflowY: "auto", overflowX: "hidden", padding: tokens.spacingHorizontalM, minWidth: 0 },
  // Read by screen readers, not shown: the live region that announces the result.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export interface PaneShellProps {
  lang: Lang;
  /** The grading view (a scrolling body over its footer) or the profile editor (one scrolling area). */
  view: "grading" | "editor";
  children: ReactNode;
  /** Always in sight under the body (grading view). */
  footer?: ReactNode;
  /** The text of the pane's polite live region (grading view): a result, a notice told. */
  announcement?: string;
  /** The text of its assertive live region: an error told. */
  alert?: string | null;
  /** Dialogs the view may open. */
  dialogs?: ReactNode;
}

/**
 * The frame of the pane: its language, a scrolling body, a footer that stays in sight, the live regions, and focus
 * kept off the page body (see useFocusKeeper).
 */
export function PaneShell({ lang, view, children, footer, announcement, alert, dialogs }: PaneShellProps) {
  const styles = useStyles();
  const shell = useRef<HTMLDivElement>(null);
  // Where focus goes when nothing nearer is left: Grade (or Cancel) in the grading view, the editor's title there.
  const fallback = useCallback(() => {
    const find = (selector: string) => shell.current?.querySelector<HTMLElement>(selector) ?? null;
    return view === "editor"
      ? find("[data-testid=editor-title]")
      : (find("[data-testid=footer] button:not(:disabled)") ?? find("[data-testid=pane-title]"));
  }, [view]);
  useFocusKeeper(shell, fallback);
  if (view === "editor") {
    return (
      <div className={styles.shell} lang={htmlLang(lang)} ref={shell}>
        <main className={styles.editor}>
          {/* The page keeps its one top heading, the product's name, above the editor's own. */}
          <h1 className={styles.visuallyHidden}>{t(lang, "title")}</h1>
          {children}
        </main>
      </div>
    );
  }
  return (
    <div className={styles.shell} lang={htmlLang(lang)} ref={shell}>
      <main className={styles.body} data-testid="pane-body">
        {children}
      </main>
      {footer}
      <div
        className={styles.visuallyHidden}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="announcer"
      >
        {announcement}
      </div>
      <div
        className={styles.visuallyHidden}
        role="alert"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="alert-announcer"
      >
        {alert}
      </div>
      {dialogs}
    </div>
  );
}
