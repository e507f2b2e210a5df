/**
 * A page with only the profile editor, wired as the task pane wires it (store and preview over `Excel.run`), for
 * the browser tests while the editor is not yet reachable from the pane.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ProfileEditor } from "../../../src/taskpane/profiles/ProfileEditor";
import { createProfileStore } from "../../../src/taskpane/profiles/profileStore";
import { createSelectionPreview } from "../../../src/taskpane/profiles/selectionPreview";
import type { ExcelRun } from "../../../src/taskpane/gradingFlow";
import { langFromDisplayLanguage } from "../../../src/taskpane/i18n";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const lang = langFromDisplayLanguage(Office.context?.displayLanguage);
  const run: ExcelRun = (batch) => Excel.run(batch);
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <ProfileEditor lang={lang} store={createProfileStore(run)} preview={createSelectionPreview(run, "2026-11-23")} />
    </FluentProvider>,
  );
});
