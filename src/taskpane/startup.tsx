import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { formatDay, langFromTag, todayDay } from "../engine";
import { App } from "./components/App";
import { createGradingFlow } from "./gradingFlow";
import { ProfileEditor } from "./profiles/ProfileEditor";
import { createProfileStore } from "./profiles/profileStore";
import { createSelectionPreview } from "./profiles/selectionPreview";
import type { ExcelRun } from "./gradingFlow";
import { t } from "./i18n";

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
          <ProfileEditor
            lang={lang}
            store={store}
            preview={createSelectionPreview(run, today, previewData)}
            onClose={onClose}
            onChanged={onChanged}
          />
        )}
      />
    </FluentProvider>,
  );
}
