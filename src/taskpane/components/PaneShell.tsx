import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine";

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
  /** The text of the pane's polite live region (grading view). */
  announcement?: string;
  /** Dialogs the view may open. */
  dialogs?: ReactNode;
}

/** The frame of the pane: its language, a scrolling body, a footer that stays in sight and the live region. */
export function PaneShell({ lang, view, children, footer, announcement, dialogs }: PaneShellProps) {
  const styles = useStyles();
  const htmlLang = lang === "zh" ? "zh-CN" : "en-US";
  if (view === "editor") {
    return (
      <div className={styles.shell} lang={htmlLang}>
        <main className={styles.editor}>{children}</main>
      </div>
    );
  }
  return (
    <div className={styles.shell} lang={htmlLang}>
      <main className={styles.body} data-testid="pane-body">
        {children}
      </main>
      {footer}
      <div className={styles.visuallyHidden} role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
      {dialogs}
    </div>
  );
}
