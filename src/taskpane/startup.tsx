import { lazy, Suspense, useEffect, useState } from "react";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, makeStaticStyles } from "@fluentui/react-components";
import { displayDateForm, formatDay, langFromTag, todayDay } from "../engine";
import { App } from "./components/App";
import { createGradingFlow } from "./gradingFlow";
import { gradeHistoryToSheets } from "./historyFlow";
import { fluentThemeFor } from "./officeTheme";
import type { OfficeThemeColors } from "./officeTheme";
import { createProfileStore } from "./profiles/profileStore";
import { createSelectionPreview } from "./profiles/selectionPreview";
import { exportRouteFor } from "./profiles/downloadJson";
import { officeVisibilityEvents } from "./selectionFollowing";
import type { ExcelRun } from "./excelRun";
import type { RunInContext } from "./gradingFlow";
import { htmlLang, t } from "./i18n";
import { pt } from "./profiles/i18n";

// The profile editor is its own chunk, loaded when first opened: most sessions grade without editing a profile.
const ProfileEditor = lazy(() =>
  import(/* webpackChunkName: "profile-editor" */ "./profiles/ProfileEditor").then((m) => ({
    default: m.ProfileEditor,
  })),
);

// The pane fills the task pane window exactly; its body scrolls, the page itself never does.
const usePageStyles = makeStaticStyles({
  "html, body, #container": { height: "100%", margin: 0, padding: 0, overflow: "hidden" },
});

/** Where Office runs ("PC", "Mac", "OfficeOnline", "iOS"…); undefined outside Office. */
function officePlatform(): string | undefined {
  try {
    return (Office.context as unknown as { diagnostics?: { platform?: string } } | undefined)?.diagnostics?.platform;
  } catch {
    return undefined;
  }
}

/** Office's theme now; undefined outside Office or on hosts that do not report one. */
function currentOfficeTheme(): OfficeThemeColors | undefined {
  return (Office.context as { officeTheme?: OfficeThemeColors } | undefined)?.officeTheme ?? undefined;
}

/**
 * Calls `onChange` when Office's theme may have changed: Office's OfficeThemeChanged event where the host raises it,
 * and a fresh look whenever the pane becomes visible or focused again (hosts that do not raise it reload or refocus
 * the pane after the user picks another theme in File > Account).
 */
function watchOfficeTheme(onChange: () => void): () => void {
  const events = (Office as unknown as { EventType?: Record<string, string> }).EventType;
  const document_ = (
    Office.context as unknown as {
      document?: { addHandlerAsync?: (type: string, handler: () => void, callback?: () => void) => void };
    }
  )?.document;
  if (events?.OfficeThemeChanged && document_?.addHandlerAsync) {
    try {
      document_.addHandlerAsync(events.OfficeThemeChanged, onChange, () => undefined);
    } catch {
      // Not raised by this host: the visibility and focus checks below still follow the theme.
    }
  }
  window.addEventListener("focus", onChange);
  document.addEventListener("visibilitychange", onChange);
  return () => {
    window.removeEventListener("focus", onChange);
    document.removeEventListener("visibilitychange", onChange);
  };
}

function ThemedRoot({ children }: { children: ReactNode }) {
  usePageStyles();
  const [theme, setTheme] = useState(() => fluentThemeFor(currentOfficeTheme()));
  useEffect(() => {
    let last = JSON.stringify(currentOfficeTheme() ?? null);
    return watchOfficeTheme(() => {
      const now = currentOfficeTheme();
      const key = JSON.stringify(now ?? null);
      if (key === last) return;
      last = key;
      setTheme(fluentThemeFor(now));
    });
  }, []);
  return (
    <FluentProvider theme={theme} style={{ height: "100%" }} data-testid="theme-root">
      {children}
    </FluentProvider>
  );
}

/**
 * Mounts the task pane into `container`. The only place that touches Office: the display language, the theme and
 * `Excel.run` are read here and handed down.
 */
export function startTaskpane(container: HTMLElement): void {
  const tag = Office.context?.displayLanguage;
  const lang = langFromTag(tag);
  const dateForm = displayDateForm(tag);
  // The whole page speaks the pane's language (dialogs render outside the pane's element, into the body).
  document.documentElement.lang = htmlLang(lang);
  document.title = t(lang, "title");
  const root = createRoot(container);
  if (typeof Excel === "undefined") {
    root.render(
      <ThemedRoot>
        <p role="alert">{t(lang, "notInExcel")}</p>
      </ThemedRoot>,
    );
    return;
  }
  const run: ExcelRun = (batch) => Excel.run(batch);
  const runIn: RunInContext = (context, batch) => Excel.run(context, batch);
  const today = formatDay(todayDay());
  const store = createProfileStore(run);
  root.render(
    <ThemedRoot>
      <App
        flow={createGradingFlow(run, runIn)}
        history={(request, hooks) => gradeHistoryToSheets(run, request, hooks)}
        lang={lang}
        dateForm={dateForm}
        visibility={officeVisibilityEvents()}
        profileEditor={({ onClose, onChanged, previewData }) => (
          <Suspense fallback={<Spinner size="small" label={pt(lang, "loadingStored")} />}>
            <ProfileEditor
              lang={lang}
              store={store}
              preview={createSelectionPreview(run, today, previewData)}
              onClose={onClose}
              onChanged={onChanged}
              displayLanguage={Office.context?.displayLanguage}
              exportRoute={exportRouteFor(officePlatform())}
            />
          </Suspense>
        )}
      />
    </ThemedRoot>,
  );
}
