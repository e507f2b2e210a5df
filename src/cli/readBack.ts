/**
 * Reading back a CSV file this command wrote: its text cells went through the formula-injection guard (csvSafeText),
 * so they are read through its inverse (csvUnguardedText) and stand for exactly the texts that were graded. Used for
 * --previous, and for an input that is itself an earlier result (it ends in the result columns), so that grading it
 * again writes each cell as it was instead of adding an apostrophe each time.
 */

import { ownOutputBlock, repeatedCells, type Cell, type RepeatedCells, type Role } from "../engine";
import { csvUnguardedText } from "./cellText";
import type { Table } from "./table";

const unguarded = (v: Cell): Cell => (typeof v === "string" ? csvUnguardedText(v) : v);

/** A column of cells as they stood before they were written (repeated cells stay repeated). */
export function unguardedColumn(column: ArrayLike<Cell>): ArrayLike<Cell> {
  const repeats = (column as Partial<RepeatedCells>).repeats;
  if (repeats) return repeatedCells(Array.from(repeats.keys, unguarded), repeats.keyOf);
  return Array.from(column, unguarded);
}

/** True when the table is a CSV file that carries this command's result columns (an earlier result). */
export function isOwnCsvResult(table: Table): boolean {
  return table.source === "csv" && ownOutputBlock(table.headers) !== null;
}

/** The table with its text cells read back as they were before the guard; numbers and dates are never guarded. */
export function unguardedTable(table: Table): Table {
  const cell = (i: number, c: number) => unguarded(table.cell(i, c));
  return {
    ...table,
    headers: table.headers.map(unguarded),
    cell,
    row: (i) => table.row(i).map(unguarded),
    engineColumn: (c: number, role: Role, idsRepeat?: boolean) => {
      const column = table.engineColumn(c, role, idsRepeat);
      return role === "id" ? unguardedColumn(column) : column;
    },
    below: (k) => unguardedTable(table.below(k)),
    // Rows copied byte for byte would keep the apostrophes; cells are written one by one instead.
    rawRows: undefined,
  };
}
