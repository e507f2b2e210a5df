import {
  chooseUnit, detectColumns, GradeError, gradeCustomers, gradeSales, type Cell, type GradeResult, type InputKind,
  type MonetaryUnit, type NoteContext, type Role, type UnitChoice, type GradeMigration,
} from "../engine";
import type { GradeRequest } from "./gradeRequest";
import { withHeaderFound } from "./headerRow";
import { isOwnCsvResult, unguardedTable } from "./readBack";
import { headerTexts, type Table } from "./table";
import { USAGE_TEXTS } from "./texts";
import { UsageError } from "./usageError";

export interface GradedTable {
  table: Table;
  kind: InputKind;
  /** 0-based table column per role. */
  mapping: Partial<Record<Role, number>>;
  res: GradeResult;
  /** How notes about result row i name their row and column. */
  noteContext: NoteContext;
  /** How messages about sale i (transaction-level input) name its row and column. */
  saleContext: NoteContext;
  /** The comparison with an earlier result (`--previous`), when one was given. */
  migration?: GradeMigration;
  /** The unit the amounts were read in, and where it came from (--unit, the money column's header, the profile). */
  unit: UnitChoice;
  /** The header of the column the amounts were read from (for "unit from the header …"). */
  moneyHeader: string;
}

/** The columns of a table found for grading: the table (its header may sit below a title), roles and unit. */
export interface FoundColumns {
  table: Table;
  kind: InputKind;
  mapping: Partial<Record<Role, number>>;
  unit: UnitChoice;
  /** The column playing `role`, read for the engine; undefined when the table has none. */
  column(role: Role): ArrayLike<Cell> | undefined;
  /** The header of the column playing `role` ("" when none). */
  columnName(role: Role): string;
}

/**
 * Finds the columns a grading reads (engine rules, with the user's --map and --input) and the unit of the amounts;
 * a missing or ambiguous column is a usage error naming the headers.
 */
export function findColumns(
  read: Table, manual: Partial<Record<Role, string>>, askedKind: InputKind | undefined, profileUnit: MonetaryUnit,
  unitFlag: MonetaryUnit | undefined,
): FoundColumns {
  const found = withHeaderFound(read, manual, askedKind);
  // A header found below a title row is still the same file, read the same way.
  const below = found === read || !read.text ? found : { ...found, text: read.text };
  // An earlier CSV result graded again: its cells as they were before the formula-injection guard.
  const table = isOwnCsvResult(below) ? unguardedTable(below) : below;
  const headers = headerTexts(table);
  const detection = detectColumns(table.headers, manual, askedKind);
  const { mapping, kind, missing } = detection;
  const roles = (kind === "customers" ? ["id", "date", "count", "total"] : ["id", "date", "amount"]) as Role[];
  // Two columns headed alike: reading either would be a guess, so the role is refused, naming both columns.
  const ambiguous = detection.ambiguous.find((a) => roles.includes(a.role) || manual[a.role] !== undefined);
  if (ambiguous) throw new UsageError(USAGE_TEXTS.ambiguousColumns(ambiguous.role, headers[ambiguous.columns[0]], ambiguous.columns));
  for (const [role, header] of Object.entries(manual) as [Role, string][]) {
    if (mapping[role] === undefined) throw new UsageError(USAGE_TEXTS.mapNoSuchColumn(role, header, headers));
  }
  if (missing.length > 0) throw new UsageError(USAGE_TEXTS.missingColumns(kind, missing, headers));
  const unit = chooseUnit(table.headers, detection, profileUnit, unitFlag);
  const present = roles.filter((role) => mapping[role] !== undefined);
  return {
    table,
    kind,
    mapping,
    unit,
    column: (role) => (present.includes(role) ? table.engineColumn(mapping[role]!, role, kind === "transactions") : undefined),
    columnName: (role) => (mapping[role] === undefined ? "" : headers[mapping[role]]),
  };
}

/** Finds the columns, then grades the table with the engine. */
export function gradeTable(read: Table, req: GradeRequest): GradedTable {
  const { table, kind, mapping, unit, column, columnName } = findColumns(read, req.manual, req.kind, req.profile.monetaryUnit, req.options.unit);
  const options = { ...req.options, unit: unit.unit, date1904: table.date1904 };
  let res: GradeResult;
  try {
    res =
      kind === "customers"
        ? gradeCustomers(
            { ids: column("id"), lastDates: column("date")!, counts: column("count")!, totals: column("total")! },
            req.profile,
            options,
          )
        : gradeSales({ ids: column("id")!, dates: column("date")!, amounts: column("amount")! }, req.profile, options);
  } catch (err) {
    if (err instanceof GradeError) throw new UsageError(err.text);
    throw err;
  }

  const sheetRow = (index: number) => table.firstRowNumber + index;
  return {
    table,
    kind,
    mapping,
    res,
    // A customer-level note sits on the input row it is about, so it names that row as the sheet shows it. A
    // sales customer's row is made by the command, so its note names only the column.
    noteContext: kind === "customers" ? { rowLabel: sheetRow, columnName } : { columnName },
    saleContext: { rowLabel: sheetRow, columnName },
    unit,
    moneyHeader: columnName(kind === "customers" ? "total" : "amount"),
  };
}
