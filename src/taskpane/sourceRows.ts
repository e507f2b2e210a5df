/** How rows and columns of the source table are named to the user: sheet row numbers and header texts. */
import type { NoteContext, Role } from "../engine";
import type { SourceTable } from "../excel";

type ColumnMapping = Partial<Record<Role, number>>;

/** 1-based sheet row of data row `index` (the header is the row before the first data row). */
export function sheetRow(source: SourceTable, index: number): number {
  return source.headerRow + 2 + index;
}

export function noteContext(source: SourceTable, mapping: ColumnMapping): NoteContext {
  return {
    rowLabel: (index) => sheetRow(source, index),
    // "" lets the engine use its own name for the role (unmapped role, empty header cell).
    columnName: (role) => {
      const column = mapping[role];
      return column === undefined ? "" : (source.headers[column] ?? "");
    },
  };
}
