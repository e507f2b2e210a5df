import { useEffect, useRef } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine";
import { t } from "../i18n";
import type { PaneMessages } from "../hooks/usePaneMessages";

const useStyles = makeStyles({
  // Brought into view with a gap above it; a visible ring while it holds the keyboard focus.
  bar: {
    scrollMarginTop: tokens.spacingVerticalM,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** The error and the notice at the top of the pane; a bar that is told comes into view and takes the focus. */
export function PaneMessageBars({
  lang,
  messages,
}: {
  lang: Lang;
  messages: Pick<PaneMessages, "error" | "notice" | "attention">;
}) {
  const styles = useStyles();
  const errorBar = useRef<HTMLDivElement>(null);
  const noticeBar = useRef<HTMLDivElement>(null);
  const { error, notice, attention } = messages;
  useEffect(() => {
    if (!attention) return;
    const bar = (attention.bar === "error" ? errorBar : noticeBar).current;
    bar?.scrollIntoView({ block: "nearest" });
    bar?.focus({ preventScroll: true });
  }, [attention]);
  return (
    <>
      {error !== null && (
        <MessageBar
          ref={errorBar}
          tabIndex={-1}
          className={styles.bar}
          intent="error"
          layout="multiline"
          data-testid="error"
        >
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "errorTitle")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice !== null && (
        <MessageBar
          ref={noticeBar}
          tabIndex={-1}
          className={styles.bar}
          intent="info"
          layout="multiline"
          data-testid="notice"
        >
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
