// Entry point of the task pane: waits for Office, then mounts the React app.
import { startTaskpane } from "./startup";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) startTaskpane(container);
});
