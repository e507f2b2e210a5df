import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { formatDay, langFromTag, todayDay } from "../engine";
import { App } from "./components/App";
import { createGradingFlow } from "./gradingFlow";
import { createProfileStore } from "./profiles/profileStore";
import { createSelectionPreview } from "./profiles/selectionPreview";
import type { ExcelRun } from "./gradingFlow";
import { t } from "./i18n";
import { pt } from "./profiles/i18n";

// The profile editor is its own chunk, loaded when first opened: most sessions grade without editing a profile.
const ProfileEditor = lazy(() =>
  import(/* webpackChunkName: "profile-editor" */ "./profiles/ProfileEditor").then((m) => ({ default: m.ProfileEditor })),
);

/**
 * Mounts the task pane into `container`. The only place that touches Office: the display language and `Excel.run`
 * are read here and handed down.
 */
export function startTaskpane(container: HTMLElement): void {
  const lang = langFromTag(Office.context?.displayLanguage);
  const root = createRoot(container);
  if (typeof Excel === "undefined") {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <p role="alert">{t(lang, "notInExcel")}</p>
      </FluentProvider>,
    );
    return;
  }
  const run: ExcelRun = (batch) => Excel.run(batch);
  const today = formatDay(todayDay());
  const store = createProfileStore(run);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App
        flow={createGradingFlow(run)}
        lang={lang}
        today={today}
        profileEditor={({ onClose, onChanged, previewData }) => (
          <Suspense fallback={<Spinner size="small" label={pt(lang, "loadingStored")} />}>
            <ProfileEditor
              lang={lang}
              store={store}
              preview={createSelectionPreview(run, today, previewData)}
              onClose={onClose}
              onChanged={onChanged}
              displayLanguage={Office.context?.displayLanguage}
            />
          </Suspense>
        )}
      />
    </FluentProvider>,
  );
}
