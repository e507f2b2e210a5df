/**
 * Stand-in for `office-addin-manifest` under jest. The real package pulls in ESM-only dependencies that jest cannot
 * load; office-addin-mock only needs the `OfficeApp` host names from it (to tell Outlook from the other hosts).
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
