import { createRoot } from "react-dom/client";

/** Mounts the task pane into `container`. Kept apart from index.tsx so tests and the entry share it. */
export function startTaskpane(container: HTMLElement): void {
  createRoot(container).render(<div>RFM Grader</div>);
}
