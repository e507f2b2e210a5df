import { detectColumns, type InputKind, type Role } from "../engine";
import type { Table } from "./table";

/** How far below the first row a header is looked for. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Exported sheets often carry a title or a note above the header ("2025年客户明细"). When the first row does not
 * name the columns grading needs, the header is the first of the next few rows that does (the engine recognises the
 * headers); otherwise the table stays as it was, and the missing columns are reported against its first row.
 */
export function withHeaderFound(table: Table, manual: Partial<Record<Role, string>>, kind?: InputKind): Table {
  const complete = (cells: unknown[]) => {
    const found = detectColumns(cells, manual, kind);
    return found.missing.length === 0 && Object.keys(manual).every((role) => found.mapping[role as Role] !== undefined);
  };
  if (complete(table.headers)) return table;
  const limit = Math.min(HEADER_SEARCH_ROWS, table.rowCount);
  for (let k = 0; k < limit; k++) {
    if (complete(table.row(k))) return table.below(k);
  }
  return table;
}
