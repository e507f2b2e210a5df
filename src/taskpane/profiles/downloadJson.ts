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

/** A file name from a profile id (ids may hold letters of any script, digits, "-", "_" and "."). */
export function exportFileName(id: string): string {
  return `${id.replace(/[^\p{L}\p{N}_.-]/gu, "_") || "profile"}.json`;
}
