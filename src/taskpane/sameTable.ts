/**
 * Whether the table under the selection is still the one the pane shows. After a grading the add-in's own result
 * columns sit right of the table, so the surrounding region Excel reports has grown by exactly that block: that is
 * the same table (grading it again updates the block in place), not a new selection to show first.
 */
import { ownOutputBlock } from "../engine";
import type { SourceTable } from "../excel";

export function isSameTable(shown: SourceTable, now: SourceTable): boolean {
  const sameHeaders = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((h, i) => h === b[i]);
  if (now.address === shown.address && sameHeaders(now.headers, shown.headers)) return true;
  const grownBy = ownOutputBlock(now.headers);
  return (
    grownBy !== null &&
    grownBy.start === shown.headers.length &&
    grownBy.start + grownBy.width === now.headers.length &&
    now.sheetName === shown.sheetName &&
    now.headerRow === shown.headerRow &&
    now.firstColumn === shown.firstColumn &&
    now.rowCount === shown.rowCount &&
    sameHeaders(now.headers.slice(0, grownBy.start), shown.headers)
  );
}
