/**
 * Getting a profile's JSON out of the task pane. Where the pane's webview saves a download (Windows, the web), a file
 * is offered; Excel for Mac's webview (and iPad's) drops a Blob download without a word, so there the text is shown to
 * copy instead (ExportDialog).
 */

/** How the pane hands out a profile on this platform (`Office.context.diagnostics.platform`). */
export type ExportRoute = "download" | "copy";

export function exportRouteFor(platform: string | undefined): ExportRoute {
  return platform === "Mac" || platform === "iOS" ? "copy" : "download";
}

/**
 * Offers a text as a file download from the task pane. A blob URL is used because the page's Content-Security-Policy
 * allows no inline data; the URL is released once the browser has taken the file.
 */
export function downloadJson(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Puts a text on the clipboard: the asynchronous clipboard API where the webview allows it, else the selected text
 * of `field` through the older copy command. Resolves to whether the text got there; when not, the text stays
 * selected in the field for the user to copy with the keyboard.
 */
export async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission in this webview): the older way below.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

/** A file name from a profile id (ids may hold letters of any script, digits, "-", "_" and "."). */
export function exportFileName(id: string): string {
  return `${id.replace(/[^\p{L}\p{N}_.-]/gu, "_") || "profile"}.json`;
}
